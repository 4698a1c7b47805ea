"""Why a file is refused, in both languages."""

from __future__ import annotations

from typing import Any


class ExchangeError(ValueError):
    """A file that cannot be accepted; `code` is stable, the texts are ready to show."""

    def __init__(self, code: str, ja: str, en: str, **extra: Any) -> None:
        super().__init__(en)
        self.code = code
        self.ja = ja
        self.en = en
        self.extra = extra

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class NeedsTrust(ExchangeError):
    """First file from this sender: the clerk must confirm the key fingerprint."""


def refuse(code: str, ja: str, en: str, **extra: Any) -> ExchangeError:
    return ExchangeError(code, ja, en, **extra)
