"""Screening names against the Foreign End User List, with explainable fuzzy matching.

Names are normalised (NFKC, case, punctuation, legal-form words, spaces inside CJK
text) and compared with rapidfuzz. Every hit says which listed name or alias
matched, with what score, and why.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

DEFAULT_THRESHOLD = 88.0

# Legal-form and filler words that say nothing about who an organisation is.
LEGAL_FORMS = {
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "srl",
    "bv",
    "nv",
    "pte",
    "pvt",
    "private",
    "fzc",
    "fze",
    "fzco",
    "jsc",
    "ojsc",
    "cjsc",
    "pjsc",
    "oao",
    "zao",
    "ooo",
    "the",
    "kk",
}
CJK_LEGAL_FORMS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "集団公司",
    "公司",
)
# Common words of institution names: they may match, but never alone.
GENERIC = {
    "university",
    "institute",
    "institution",
    "of",
    "and",
    "for",
    "research",
    "science",
    "sciences",
    "technology",
    "technologies",
    "technical",
    "academy",
    "center",
    "centre",
    "national",
    "state",
    "laboratory",
    "laboratories",
    "lab",
    "school",
    "college",
    "engineering",
    "department",
    "faculty",
    "development",
    "organization",
    "organisation",
    "electronics",
    "electronic",
    "chemical",
    "chemicals",
    "equipment",
    "scientific",
    "applied",
    "advanced",
    "machinery",
    "manufacturing",
    "factory",
    "plant",
    "agency",
    "ministry",
    "republic",
    "people",
    "peoples",
    "islamic",
    "china",
    "chinese",
    "iran",
    "iranian",
    "korea",
    "korean",
    "russia",
    "russian",
    "pakistan",
    "a",
    "an",
    "de",
    "la",
    "e",
    "in",
    "at",
    "on",
    "medical",
    "hospital",
    "foundation",
    "society",
    "association",
    "systems",
    "system",
}

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_RE = re.compile(f"[{_CJK}]")
_SPACE_IN_CJK = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


def has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


_LONG_LEGAL_FORMS = ("company", "limited", "corporation", "incorporated")


def _misspelt_legal_form(token: str) -> bool:
    """'Copmany', 'Limted': one slip of the keyboard in a long legal-form word."""
    return len(token) >= 6 and any(OSA.distance(token, form) == 1 for form in _LONG_LEGAL_FORMS)


def normalise(text: str) -> str:
    """Compare-ready form: NFKC, lower case, no punctuation or legal forms, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("&", " and ")
    for form in CJK_LEGAL_FORMS:
        text = text.replace(form, " ")
    text = _PUNCT.sub(" ", text)
    tokens = [t for t in text.split() if t not in LEGAL_FORMS and not _misspelt_legal_form(t)]
    joined = " ".join(tokens)
    if _CJK_RE.search(joined) and not re.search(r"[a-z]", joined):
        return joined.replace(" ", "")  # a Japanese/Chinese name wraps anywhere in a cell
    return _SPACE_IN_CJK.sub("", joined)


def core(normalised: str) -> str:
    """The distinctive words of a normalised name (generic words removed)."""
    return " ".join(t for t in normalised.split() if t not in GENERIC)


@dataclass(frozen=True)
class Entity:
    no: int
    country_code: str
    country_ja: str
    country_en: str
    name_en: str
    name_original: str = ""
    aliases: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()  # B, C, M, N
    conventional_weapons: bool = False
    address: str = ""  # export-ban lists give one; the End User List does not

    def names(self) -> list[tuple[str, str]]:
        """(kind, text) for every name this entity is known by."""
        out = [("name", self.name_en)] if self.name_en else []
        if self.name_original:
            out.append(("original name", self.name_original))
        out += [("alias", a) for a in self.aliases if a]
        return out

    def key(self) -> tuple:
        return (
            self.country_code,
            self.name_en,
            self.name_original,
            tuple(sorted(self.aliases)),
            tuple(sorted(self.concerns)),
            self.conventional_weapons,
        )


@dataclass
class Hit:
    entity: Entity
    matched: str
    kind: str  # name / original name / alias / acronym
    score: float
    why: str
    country_match: bool | None = None

    def as_dict(self) -> dict:
        e = self.entity
        return {
            "no": e.no,
            "entity": e.name_en or e.name_original,
            "original_name": e.name_original,
            "country": e.country_code,
            "concerns": list(e.concerns),
            "conventional_weapons": e.conventional_weapons,
            "matched": self.matched,
            "kind": self.kind,
            "score": round(self.score, 1),
            "why": self.why,
            "country_match": self.country_match,
        }


_PAREN = re.compile(r"[（(]([^（）()]{2,12})[)）]")


def acronyms(name: str) -> list[str]:
    """Acronyms given in brackets after a name, such as 'China Electronics ... (CETC)'."""
    return [
        m.strip()
        for m in _PAREN.findall(name)
        if re.fullmatch(r"[A-Z0-9][A-Z0-9&\-\. ]{1,10}", m.strip())
    ]


@dataclass
class _Choice:
    entity: Entity
    kind: str
    text: str
    norm: str
    core: str


@dataclass
class ScreeningIndex:
    """All names of one list version, ready to screen against."""

    entities: list[Entity]
    threshold: float = DEFAULT_THRESHOLD
    choices: list[_Choice] = field(init=False)

    def __post_init__(self) -> None:
        self.choices = []
        seen: set[tuple[int, str]] = set()
        for entity in self.entities:
            names = entity.names()
            for _kind, text in list(names):
                names += [("acronym", a) for a in acronyms(text)]
            for kind, text in names:
                norm = (
                    normalise(re.sub(r"[（(][^（）()]*[)）]", " ", text))
                    if kind != "acronym"
                    else normalise(text)
                )
                full = normalise(text)
                for variant in {norm, full}:
                    if variant and (entity.no, variant) not in seen:
                        seen.add((entity.no, variant))
                        self.choices.append(_Choice(entity, kind, text, variant, core(variant)))
        # Token-sorted forms let the fast plain ratio stand in for token_sort_ratio.
        sorted_forms = [" ".join(sorted(c.norm.split())) for c in self.choices]
        # Ordered by length: a ratio of 78 or more needs lengths within a factor of about 1.6,
        # so each query is compared with one band of names only.
        self._by_length = sorted(range(len(sorted_forms)), key=lambda i: len(sorted_forms[i]))
        self._sorted = [sorted_forms[i] for i in self._by_length]
        self._lengths = [len(t) for t in self._sorted]
        self._cjk = [i for i, c in enumerate(self.choices) if has_cjk(c.norm)]
        self._cjk_norms = [self.choices[i].norm for i in self._cjk]
        self._exact: dict[str, list[int]] = {}
        self._by_token: dict[str, list[int]] = {}
        for i, c in enumerate(self.choices):
            self._exact.setdefault(c.norm, []).append(i)
            for token in set(c.core.split()):
                self._by_token.setdefault(token, []).append(i)

    # --- scoring ------------------------------------------------------------------

    def _score(self, q_norm: str, q_core: str, choice: _Choice) -> tuple[float, str]:
        c = choice
        if q_norm == c.norm:
            return 100.0, "exact match after normalisation"
        short = min(len(q_norm), len(c.norm))
        if short <= 4:
            return 0.0, ""  # acronyms and very short names must match exactly
        if has_cjk(q_norm) or has_cjk(c.norm):
            score = fuzz.ratio(q_norm, c.norm)
            if len(q_norm) >= 6 and len(c.norm) >= 6:
                partial = fuzz.partial_ratio(q_norm, c.norm)
                if (
                    partial >= 95
                    and min(len(q_norm), len(c.norm)) / max(len(q_norm), len(c.norm)) >= 0.6
                ):
                    return max(
                        score, partial - 3
                    ), "Japanese/Chinese name contained in the listed name"
            return score, "similar Japanese/Chinese characters"
        if len(q_norm) >= 5 and OSA.distance(q_norm, c.norm) == 1:
            return 97.0, "one letter differs or two letters are swapped"
        sort = fuzz.token_sort_ratio(q_norm, c.norm)
        plain = fuzz.ratio(q_norm, c.norm)
        score, why = (
            (sort, "same words in another order") if sort > plain else (plain, "similar spelling")
        )
        # Distinctive words all present: strong, but only when there are enough of them.
        if q_core and c.core:
            q_tokens, c_tokens = q_core.split(), c.core.split()
            if len(q_tokens) >= 2 and len(c_tokens) >= 2:
                subset = fuzz.token_set_ratio(q_core, c.core)
                if subset > score and subset >= 95:
                    return subset - 6, "all distinctive words found"
        return score, why

    def screen(
        self, name: str, country: str | None = None, threshold: float | None = None, limit: int = 5
    ) -> list[Hit]:
        limit_score = self.threshold if threshold is None else threshold
        q_norm = normalise(name)
        if not q_norm:
            return []
        q_core = core(q_norm)
        candidates: set[int] = set(self._exact.get(q_norm, []))
        cutoff = max(0.0, limit_score - 10)
        q_sorted = " ".join(sorted(q_norm.split()))
        # ratio = 2M / (a + b) >= c  implies  a / b >= c / (200 - c) for the shorter a.
        factor = cutoff / (200 - cutoff) if cutoff < 100 else 1.0
        low = bisect_left(self._lengths, int(len(q_sorted) * factor))
        high = bisect_right(self._lengths, int(len(q_sorted) / factor) + 1 if factor else 10**9)
        for _text, _score, pos in process.extract(
            q_sorted, self._sorted[low:high], scorer=fuzz.ratio, limit=10, score_cutoff=cutoff
        ):
            candidates.add(self._by_length[low + pos])
        # Names sharing a distinctive word (for 'all distinctive words found').
        q_tokens = set(q_core.split())
        if len(q_tokens) >= 2:
            counts: dict[int, int] = {}
            for token in q_tokens:
                for index in self._by_token.get(token, ())[:200]:
                    counts[index] = counts.get(index, 0) + 1
            shared = sorted(counts, key=lambda i: -counts[i])[:20]
            candidates.update(shared)
        if has_cjk(q_norm) and len(q_norm) >= 6:
            for _text, _score, pos in process.extract(
                q_norm, self._cjk_norms, scorer=fuzz.partial_ratio, limit=5, score_cutoff=90
            ):
                candidates.add(self._cjk[pos])
        best: dict[int, Hit] = {}
        for index in candidates:
            choice = self.choices[index]
            score, why = self._score(q_norm, q_core, choice)
            country_match = None
            if country and choice.entity.country_code:
                country_match = choice.entity.country_code == country.upper()
                if not country_match:
                    score -= 10
                    why += "; listed under another country"
            if score < limit_score:
                continue
            current = best.get(choice.entity.no)
            if current is None or score > current.score:
                best[choice.entity.no] = Hit(
                    choice.entity,
                    choice.text,
                    choice.kind,
                    score,
                    f"{why} ({choice.kind})",
                    country_match,
                )
        return sorted(best.values(), key=lambda h: (-h.score, h.entity.no))[:limit]

    def screen_many(
        self, names: Iterable[tuple[str, str | None]], threshold: float | None = None
    ) -> list[list[Hit]]:
        return [self.screen(name, country, threshold) for name, country in names]
