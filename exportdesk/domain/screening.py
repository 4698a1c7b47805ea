"""Screening names against the Foreign End User List, with explainable fuzzy matching.

Names are normalised (NFKC, case, punctuation, legal-form words, spaces inside CJK
text) and compared with rapidfuzz. Every hit says which listed name or alias
matched, with what score, and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

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
    # Abbreviations after NFKC (㈱ -> (株)), then the long forms before their parts.
    "(株)",
    "(有)",
    "(合)",
    "(同)",
    "(資)",
    "(名)",
    "非公開株式会社",
    "公開株式会社",
    "公共株式会社",
    "有限責任会社",
    "株式会社",
    "合資会社",
    "合名会社",
    "股份有限公司",
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
    "design",
    "bureau",
    "univ",
    "inst",
    "tech",
    "joint",
    "stock",
    "open",
    "closed",
    "public",
    "general",
    "trading",
    "trade",
    "group",
    "holding",
    "holdings",
    "enterprise",
    "international",
    "federal",
    "scientific",
    "production",
    "central",
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


@lru_cache(maxsize=65536)
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


COMMON_WORD = 50  # a word in more listed names than this does not narrow the search


COMMON_PAIR = 300  # likewise for pairs of Japanese/Chinese characters ('研究', '公司')


def _pairs(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(max(1, len(text) - 1))}


@lru_cache(maxsize=65536)
def _deletions(token: str) -> frozenset[str]:
    """The word and every form of it with one letter left out."""
    return frozenset({token} | {token[:k] + token[k + 1 :] for k in range(len(token))})


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
    list_kind: str = ""  # which list, when one index holds several

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
    cjk: bool = False


@dataclass
class ScreeningIndex:
    """All names of one list version, ready to screen against."""

    entities: list[Entity]
    threshold: float = DEFAULT_THRESHOLD
    # Per-list thresholds when the index holds several lists (Entity.list_kind).
    thresholds: dict[str, float] = field(default_factory=dict)
    choices: list[_Choice] = field(init=False)

    def __post_init__(self) -> None:
        self.choices = []
        seen: set[tuple[str, int, str]] = set()
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
                    if variant and (entity.list_kind, entity.no, variant) not in seen:
                        seen.add((entity.list_kind, entity.no, variant))
                        self.choices.append(
                            _Choice(entity, kind, text, variant, core(variant), has_cjk(variant))
                        )
        # Token-sorted forms let the fast plain ratio stand in for token_sort_ratio.
        sorted_forms = [" ".join(sorted(c.norm.split())) for c in self.choices]
        self._sorted_forms = sorted_forms
        self._by_sorted: dict[str, list[int]] = {}
        for i, form in enumerate(sorted_forms):
            self._by_sorted.setdefault(form, []).append(i)
        # Ordered by length: a ratio of 78 or more needs lengths within a factor of about 1.6,
        # so each query is compared with one band of names only.
        self._by_length = sorted(range(len(sorted_forms)), key=lambda i: len(sorted_forms[i]))
        self._sorted = [sorted_forms[i] for i in self._by_length]
        self._lengths = [len(t) for t in self._sorted]
        self._cjk = [i for i, c in enumerate(self.choices) if c.cjk]
        self._cjk_norms = [self.choices[i].norm for i in self._cjk]
        self._exact: dict[str, list[int]] = {}
        self._by_token: dict[str, list[int]] = {}
        # Blocking: a name is compared in full only with listed names that share a word
        # with it, or a word one typing slip away (both words minus one letter agree).
        self._words: dict[str, list[int]] = {}
        self._deletes: dict[str, list[int]] = {}
        for i, c in enumerate(self.choices):
            for token in set(c.norm.split()):
                self._words.setdefault(token, []).append(i)
                if len(token) >= 5 and not c.cjk:
                    for variant in _deletions(token):
                        self._deletes.setdefault(variant, []).append(i)
        self._pairs: dict[str, list[int]] = {}
        for i in self._cjk:
            for pair in _pairs(self.choices[i].norm):
                self._pairs.setdefault(pair, []).append(i)
        entities_with: dict[str, set[int]] = {}
        for i, c in enumerate(self.choices):
            self._exact.setdefault(c.norm, []).append(i)
            for token in set(c.core.split()):
                self._by_token.setdefault(token, []).append(i)
                entities_with.setdefault(token, set()).add((c.entity.list_kind, c.entity.no))
        self._entity_count = {t: len(nos) for t, nos in entities_with.items()}

    def _distinctive(self, core_text: str) -> bool:
        """Words that identify an entity alone: two or more, or one long, rare word
        ('Irkut', 'Rosoboronexport'; not 'Space', which many listed names share)."""
        tokens = core_text.split()
        if len(tokens) >= 2:
            return len(core_text) >= 5
        return len(core_text) >= 5 and self._entity_count.get(core_text, 0) <= 3

    # --- scoring ------------------------------------------------------------------

    def _score(
        self, q_norm: str, q_core: str, choice: _Choice, q_cjk: bool = False
    ) -> tuple[float, str]:
        c = choice
        cjk = q_cjk or c.cjk
        if q_norm == c.norm:
            return 100.0, "exact match after normalisation"
        short = min(len(q_norm), len(c.norm))
        if short <= 4:
            return 0.0, ""  # acronyms and very short names must match exactly
        if not cjk:
            if not q_core or not c.core:
                # 'Research Institute', 'General Trading': generic words alone say nothing,
                # unless both names are the same generic words in another order.
                if not q_core and not c.core and sorted(q_norm.split()) == sorted(c.norm.split()):
                    return 96.0, "same words in another order (all of them common words)"
                return 0.0, ""
            if q_core == c.core and self._distinctive(q_core):
                # 'Irkut' and 'Irkut Scientific Production Corp.': a short true name keeps
                # its weight when the rest is generic.
                plain = fuzz.token_sort_ratio(q_norm, c.norm)
                return 90.0 + plain / 20, "same distinctive words; the others are generic"
        score, why = self._similarity(q_norm, q_core, c, cjk)
        if q_core and c.core and not cjk:
            # Similar only through generic words ('Space Research Institute' vs 'Software
            # Research Institute'): the distinctive words decide.
            core_score = fuzz.token_sort_ratio(q_core, c.core)
            if core_score < 75 and score < 95:
                score = min(score, (score + core_score) / 2)
        return score, why

    def _similarity(self, q_norm: str, q_core: str, c: _Choice, cjk: bool) -> tuple[float, str]:
        if cjk:
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
        floor = min([limit_score, *self.thresholds.values()]) if threshold is None else threshold
        q_norm = normalise(name)
        if not q_norm:
            return []
        q_core = core(q_norm)
        q_cjk = has_cjk(q_norm)
        candidates: set[int] = set(self._exact.get(q_norm, []))
        candidates.update(self._by_sorted.get(" ".join(sorted(q_norm.split())), ()))
        cutoff = max(0.0, floor - 10)
        counts: dict[int, int] = {}
        for token in set(q_norm.split()):
            matched: set[int] = set()
            posting = self._words.get(token, ())
            if len(posting) <= COMMON_WORD:
                matched.update(posting)
            if len(token) >= 5 and not q_cjk:
                for variant in _deletions(token):
                    posting = self._deletes.get(variant, ())
                    if len(posting) <= COMMON_WORD:
                        matched.update(posting)
            for index in matched:
                counts[index] = counts.get(index, 0) + 1
        if counts:
            ranked = sorted(counts, key=lambda i: -counts[i])
            candidates.update(ranked[:8])  # the names sharing most words, always scored
            rest = ranked[8:200]
            if rest:
                q_sorted = " ".join(sorted(q_norm.split()))
                for _text, _score, pos in process.extract(
                    q_sorted,
                    [self._sorted_forms[i] for i in rest],
                    scorer=fuzz.ratio,
                    limit=10,
                    score_cutoff=cutoff,
                ):
                    candidates.add(rest[pos])
        if q_cjk:
            # Japanese/Chinese names have no spaces: pairs of characters stand in for words.
            pairs = _pairs(q_norm)
            shared: dict[int, int] = {}
            for pair in pairs:
                posting = self._pairs.get(pair, ())
                if len(posting) <= COMMON_PAIR:
                    for index in posting:
                        shared[index] = shared.get(index, 0) + 1
            need = max(1, len(pairs) // 3)
            ranked = sorted((i for i in shared if shared[i] >= need), key=lambda i: -shared[i])
            candidates.update(ranked[:20])
        best: dict[tuple[str, int], Hit] = {}
        for index in candidates:
            choice = self.choices[index]
            score, why = self._score(q_norm, q_core, choice, q_cjk)
            country_match = None
            if country and choice.entity.country_code:
                country_match = choice.entity.country_code == country.upper()
                if not country_match:
                    score -= 10
                    why += "; listed under another country"
            need = (
                limit_score
                if threshold is not None
                else self.thresholds.get(choice.entity.list_kind, limit_score)
            )
            if score < need:
                continue
            key = (choice.entity.list_kind, choice.entity.no)
            current = best.get(key)
            if current is None or score > current.score:
                best[key] = Hit(
                    choice.entity,
                    choice.text,
                    choice.kind,
                    score,
                    f"{why} ({choice.kind})",
                    country_match,
                )
        return sorted(best.values(), key=lambda h: (-h.score, h.entity.list_kind, h.entity.no))[
            :limit
        ]

    def screen_many(
        self, names: Iterable[tuple[str, str | None]], threshold: float | None = None
    ) -> list[list[Hit]]:
        return [self.screen(name, country, threshold) for name, country in names]
