"""The error of a bad institution profile, apart from the models so that a command can
catch it without importing yaml and pydantic (domain/profile_cache.py)."""

from __future__ import annotations


class ProfileError(ValueError):
    """The profile is missing, unreadable or has an invalid field (named in the message).
    `ja`/`en` name the fields as a person knows them, not by their keys."""

    def __init__(self, en: str, ja: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.ja = ja or en

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en
