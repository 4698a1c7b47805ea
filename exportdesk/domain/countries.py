"""ISO 3166-1 countries with Japanese and English names (from pycountry)."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry


@dataclass(frozen=True)
class Country:
    code: str
    ja: str
    en: str

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def is_country_code(code: str) -> bool:
    return isinstance(code, str) and code in _codes()


@cache
def all_countries(overrides: tuple[tuple[str, str, str], ...] = ()) -> tuple[Country, ...]:
    """Every country, Japanese names from pycountry's ISO 3166 translations.

    `overrides` holds (code, ja, en) for names used in Japanese practice
    (forms/country_groups.yaml, display_names).
    """
    try:
        ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"]).gettext
    except OSError:  # translations missing: fall back to English
        ja = str
    custom = {code: (j, e) for code, j, e in overrides}
    result = []
    for c in pycountry.countries:
        en = getattr(c, "common_name", None) or c.name
        if c.alpha_2 in custom:
            result.append(Country(c.alpha_2, *custom[c.alpha_2]))
        else:
            result.append(Country(c.alpha_2, ja(c.name), en))
    return tuple(sorted(result, key=lambda x: x.en))
