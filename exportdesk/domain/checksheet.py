"""The check sheet's logic: which questions show, what is missing, and the facts
the answers give to the determination engine. The GUI only renders this."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from exportdesk.domain.dates import DateError, parse_date

if TYPE_CHECKING:  # pydantic models: only their names are needed here
    from exportdesk.domain.catalog import Catalog, Question, Section

Answers = dict[str, Any]

# The stored id of a multi question's explicit "none of these" answer.
NONE = "none"


def is_answered(value: Any) -> bool:
    return value is not None and value != "" and value != []


def normalise_dates(catalog: Catalog, answers: Answers) -> Answers:
    """Date answers typed as 2026/12/01 or 令和8年12月1日, stored as 2026-12-01.

    A date that cannot be read is kept as typed (a draft may be half-written); the sheet
    cannot be evaluated until it is corrected, and the engine says which answer is wrong.
    """
    out = dict(answers)
    for qid, value in answers.items():
        question = catalog.questions.get(qid)
        if question is not None and question.type == "date" and isinstance(value, str) and value:
            with contextlib.suppress(DateError):
                out[qid] = parse_date(value).isoformat()
    return out


class CheckSheet:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.sheet = catalog.check_sheet
        self._section_of = {q.id: s for s in self.sheet.sections for q in s.questions}

    # --- visibility -----------------------------------------------------------

    def _involves(self, answers: Answers, part: str) -> bool:
        activity = self.catalog.activity_by_id.get(answers.get("activity") or "")
        return bool(activity and getattr(activity.involves, part))

    def _value(self, answers: Answers, qid: str, seen: frozenset[str]) -> Any:
        """An answer counts only while its question is visible."""
        question = self.catalog.questions[qid]
        if not self._question_visible(question, answers, seen | {qid}):
            return None
        return answers.get(qid)

    def _holds(self, cond: dict[str, Any] | None, answers: Answers, seen: frozenset[str]) -> bool:
        if not cond:
            return True
        if "all" in cond:
            return all(self._holds(c, answers, seen) for c in cond["all"])
        if "any" in cond:
            return any(self._holds(c, answers, seen) for c in cond["any"])
        if "involves" in cond:
            return self._involves(answers, cond["involves"])
        qid = cond["question"]
        if qid in seen:  # a cycle in the forms: treat as hidden
            return False
        value = self._value(answers, qid, seen)
        if "equals" in cond:
            return is_answered(value) and value == cond["equals"]
        if "not_equals" in cond:
            return is_answered(value) and value != cond["not_equals"]
        return is_answered(value) == bool(cond.get("answered"))

    def _question_visible(self, q: Question, answers: Answers, seen: frozenset[str]) -> bool:
        section = self._section_of[q.id]
        return self._holds(section.show_if, answers, seen) and self._holds(q.show_if, answers, seen)

    def section_visible(self, section: Section, answers: Answers) -> bool:
        return self._holds(section.show_if, answers, frozenset())

    def visible(self, question: Question | str, answers: Answers) -> bool:
        q = self.catalog.questions[question] if isinstance(question, str) else question
        return self._question_visible(q, answers, frozenset({q.id}))

    def visible_questions(self, answers: Answers) -> list[Question]:
        return [q for s in self.sheet.sections for q in s.questions if self.visible(q, answers)]

    def missing(self, answers: Answers) -> list[Question]:
        """Required questions, currently shown, that have no answer.

        "None of these" ticked together with something else is no answer either.
        """
        return [
            q
            for q in self.visible_questions(answers)
            if q.required and not self._settled(q, answers.get(q.id))
        ]

    @staticmethod
    def _settled(q: Question, value: Any) -> bool:
        if not is_answered(value):
            return False
        if q.none_option is not None and isinstance(value, list):
            return value == [NONE] or NONE not in value
        return True

    # --- options --------------------------------------------------------------

    def options(self, q: Question) -> list[tuple[str, dict[str, str]]]:
        """(id, {ja, en}) pairs for a choice or multi question."""
        result = self._catalogue_options(q)
        if q.none_option is not None:
            result.append((NONE, q.none_option.model_dump()))
        return result

    def _catalogue_options(self, q: Question) -> list[tuple[str, dict[str, str]]]:
        if q.options:
            return [(o.id, o.text.model_dump()) for o in q.options]
        cat = self.catalog
        if q.options_from == "activities":
            return [(a.id, a.name.model_dump()) for a in cat.activities.entries]
        if q.options_from == "list_items":
            return [
                (i.id, {"ja": f"{i.id} {i.name.ja}", "en": f"{i.id} {i.name.en}"})
                for i in cat.list_items.entries
                if i.id not in q.exclude
            ]
        if q.options_from == "research_areas":
            return [
                (a.code, {"ja": f"{a.code} {a.name.ja}", "en": f"{a.code} {a.name.en}"})
                for a in cat.research_areas.entries
            ]
        if q.options_from == "red_flags":
            return [(f.id, f.text.model_dump()) for f in cat.red_flags.entries]
        return []

    # --- facts ----------------------------------------------------------------

    def facts(self, answers: Answers) -> dict[str, Any]:
        """The engine input (see `exportdesk evaluate`) that the shown answers give."""
        facts: dict[str, Any] = {}
        for q in self.visible_questions(answers):
            if not q.fact or not is_answered(answers.get(q.id)):
                continue
            value = answers[q.id]
            if q.type == "percent":
                value = float(value) / 100.0
            if q.none_option is not None and isinstance(value, list):
                value = [v for v in value if v != NONE]
            option = next((o for o in q.options or [] if o.id == value), None)
            if option is not None:
                # An option may write another value and carry facts of its own.
                for path, extra in option.facts.items():
                    _set_path(facts, path, extra)
                if option.fact_value is not None:
                    value = option.fact_value
            _set_path(facts, q.fact, value)
        # Yes/no/unknown classification answers: "unknown" asks the office to classify.
        for part, qid in (
            ("technology", "technology_list_controlled"),
            ("goods", "goods_list_controlled"),
        ):
            if qid in self.catalog.questions and self.visible(qid, answers):
                listed = facts.get(part, {}).get("list_items")
                if answers.get(qid) == "unknown" or (answers.get(qid) == "yes" and not listed):
                    facts.setdefault(part, {})["classification_unclear"] = True
                elif answers.get(qid) == "no":
                    facts.setdefault(part, {})["list_items"] = []
        if "person" in facts and "nationality" not in facts["person"]:
            del facts["person"]  # a person without a nationality is not yet described
        return facts


def _set_path(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = target
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
