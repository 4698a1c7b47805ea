"""ISO 3166-1 countries with Japanese and English names (from pycountry)."""

from __future__ import annotations

import gettext
import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Country:
    code: str
    ja: str
    en: str

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


def _pycountry_folder() -> Path | None:
    spec = importlib.util.find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        return Path(folder)
    return None


@cache
def _table() -> tuple[tuple[str, str, str], ...]:
    """(alpha-2 code, ISO name, common English name) of every country.

    Read from pycountry's ISO 3166-1 table directly: importing pycountry costs more than
    evaluating a case (it looks its own version up in the installed metadata)."""
    folder = _pycountry_folder()
    if folder is not None:
        try:
            table = json.loads((folder / "databases" / "iso3166-1.json").read_bytes())
            return tuple(
                (c["alpha_2"], c["name"], c.get("common_name") or c["name"])
                for c in table["3166-1"]
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
    import pycountry

    return tuple(
        (c.alpha_2, c.name, getattr(c, "common_name", None) or c.name) for c in pycountry.countries
    )


@cache
def _codes() -> frozenset[str]:
    return frozenset(code for code, _name, _en in _table())


def is_country_code(code: str) -> bool:
    return isinstance(code, str) and code in _codes()


@cache
def all_countries(overrides: tuple[tuple[str, str, str], ...] = ()) -> tuple[Country, ...]:
    """Every country, Japanese names from pycountry's ISO 3166 translations.

    `overrides` holds (code, ja, en) for names used in Japanese practice
    (forms/country_groups.yaml, display_names).
    """
    folder = _pycountry_folder()
    try:
        locales = str(folder / "locales") if folder else None
        ja = gettext.translation("iso3166-1", locales, languages=["ja"]).gettext
    except OSError:  # translations missing: fall back to English
        ja = str
    custom = {code: (j, e) for code, j, e in overrides}
    result = []
    for code, name, en in _table():
        if code in custom:
            result.append(Country(code, *custom[code]))
        else:
            result.append(Country(code, ja(name), en))
    return tuple(sorted(result, key=lambda x: x.en))


# Names the End User List uses that ISO 3166 spells differently.
_LIST_NAMES = {
    "north korea": "KP",
    "democratic people's republic of korea": "KP",
    "北朝鮮": "KP",
    "south korea": "KR",
    "republic of korea": "KR",
    "韓国": "KR",
    "iran": "IR",
    "islamic republic of iran": "IR",
    "イラン": "IR",
    "russia": "RU",
    "russian federation": "RU",
    "ロシア": "RU",
    "china": "CN",
    "people's republic of china": "CN",
    "中国": "CN",
    "hong kong": "HK",
    "香港": "HK",
    "taiwan": "TW",
    "台湾": "TW",
    "syria": "SY",
    "syrian arab republic": "SY",
    "シリア": "SY",
    "uae": "AE",
    "united arab emirates": "AE",
    "アラブ首長国連邦": "AE",
    "pakistan": "PK",
    "islamic republic of pakistan": "PK",
    "パキスタン": "PK",
    "afghanistan": "AF",
    "islamic republic of afghanistan": "AF",
    "アフガニスタン": "AF",
    "lebanon": "LB",
    "republic of lebanon": "LB",
    "レバノン": "LB",
    "egypt": "EG",
    "arab republic of egypt": "EG",
    "エジプト": "EG",
    "yemen": "YE",
    "republic of yemen": "YE",
    "イエメン": "YE",
    "israel": "IL",
    "state of israel": "IL",
    "イスラエル": "IL",
    "india": "IN",
    "インド": "IN",
    "turkey": "TR",
    "türkiye": "TR",
    "トルコ": "TR",
    "iraq": "IQ",
    "イラク": "IQ",
    "belarus": "BY",
    "ベラルーシ": "BY",
}


def country_code_for(*names: str) -> str | None:
    """ISO code for a country as the End User List writes it (Japanese or English)."""
    for name in names:
        key = " ".join((name or "").replace("’", "'").split()).casefold()
        if not key:
            continue
        if key in _LIST_NAMES:
            return _LIST_NAMES[key]
        if len(key) == 2 and is_country_code(key.upper()):
            return key.upper()
        import pycountry

        try:
            return pycountry.countries.lookup(key).alpha_2
        except LookupError:
            pass
        for c in all_countries():
            if key in (c.ja.casefold(), c.en.casefold()):
                return c.code
    return None
