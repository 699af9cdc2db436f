"""The wording of My treatments and the appointment brief, read from data files.

The words live in ``course/wording/treatments.toml`` and ``brief.toml`` so a
clinician can review them without reading Python; this module only reads
them, once, into frozen records the screens, the brief and the tests share.
A missing or mistyped key is a packaging mistake, not a learner's: it fails
loudly with the file and key named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import tomli

FOLDER = Path(__file__).resolve().parent / "wording"


class WordingError(Exception):
    """A wording file is missing a key or holds the wrong kind of value."""


def _load(name: str) -> dict[str, Any]:
    path = FOLDER / name
    try:
        with path.open("rb") as handle:
            return tomli.load(handle)
    except (OSError, tomli.TOMLDecodeError) as error:
        raise WordingError(f"{path}: cannot be read ({error})") from error


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str):
        raise WordingError(f"{where}: {key} must be text")
    return value


def _table(table: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    value = table.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise WordingError(f"{where}: [{key}] must be a table of text")
    return dict(value)


@dataclass(frozen=True)
class Check:
    """One of the four checks, offered as a question to ask.

    Attributes:
        kinds: The kinds of treatment it is asked of; empty for every kind
            (a dose question means nothing for talk therapy).
        once_stopped: Asked only of a treatment that has stopped ("why it
            stopped" of one still taken reads as a mistake).
    """

    id: str
    question: str
    kinds: tuple[str, ...] = ()
    once_stopped: bool = False

    def applies_to(self, kind: str, still_taking: bool) -> bool:
        return (not self.kinds or kind in self.kinds) and not (self.once_stopped and still_taking)


def _check(item: Mapping[str, Any], where: str) -> Check:
    kinds = item.get("kinds", [])
    once_stopped = item.get("once_stopped", False)
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise WordingError(f"{where}: a check's kinds must be a list of kind ids")
    if not isinstance(once_stopped, bool):
        raise WordingError(f"{where}: a check's once_stopped must be true or false")
    return Check(
        _text(item, "id", where), _text(item, "question", where), tuple(kinds), once_stopped
    )


@dataclass(frozen=True)
class TreatmentsWording:
    """Everything the treatments screen says (see ``treatments.toml``)."""

    title: str
    intro: str
    empty: str
    saved: str
    removed: str
    not_advice: str
    kinds: Mapping[str, str]
    missed_doses: Mapping[str, str]
    helped: Mapping[str, str]
    fields: Mapping[str, str]
    shown: Mapping[str, str]
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class BriefWording:
    """Everything the brief and its screen say (see ``brief.toml``)."""

    title: str
    header: str
    screen_title: str
    screen_intro: str
    goal_label: str
    goal_placeholder: str
    questions_label: str
    no_questions: str
    add_question: str
    reflections_label: str
    no_reflections: str
    written: str
    sections: Mapping[str, str]
    text: Mapping[str, str]
    notes_lines: int
    columns: Mapping[str, str]


@cache
def treatments_wording() -> TreatmentsWording:
    where = str(FOLDER / "treatments.toml")
    data = _load("treatments.toml")
    checks_data = data.get("checks")
    if not isinstance(checks_data, list) or not checks_data:
        raise WordingError(f"{where}: [[checks]] must list the checks")
    checks = tuple(_check(item, where) for item in checks_data)
    kinds = _table(data, "kinds", where)
    for check in checks:
        unknown = [kind for kind in check.kinds if kind not in kinds]
        if unknown:
            raise WordingError(f"{where}: check {check.id} names unknown kinds {unknown}")
    return TreatmentsWording(
        title=_text(data, "title", where),
        intro=_text(data, "intro", where),
        empty=_text(data, "empty", where),
        saved=_text(data, "saved", where),
        removed=_text(data, "removed", where),
        not_advice=_text(data, "not_advice", where),
        kinds=kinds,
        missed_doses=_table(data, "missed_doses", where),
        helped=_table(data, "helped", where),
        fields=_table(data, "fields", where),
        shown=_table(data, "shown", where),
        checks=checks,
    )


@cache
def brief_wording() -> BriefWording:
    where = str(FOLDER / "brief.toml")
    data = _load("brief.toml")
    text_table = data.get("text")
    if not isinstance(text_table, dict):
        raise WordingError(f"{where}: [text] must be a table")
    lines = text_table.get("notes_lines")
    if not isinstance(lines, int) or isinstance(lines, bool) or not 0 <= lines <= 40:
        raise WordingError(f"{where}: text.notes_lines must be a whole number from 0 to 40")
    words = {k: v for k, v in text_table.items() if k != "notes_lines"}
    if not all(isinstance(v, str) for v in words.values()):
        raise WordingError(f"{where}: [text] must hold text")
    return BriefWording(
        title=_text(data, "title", where),
        header=_text(data, "header", where),
        screen_title=_text(data, "screen_title", where),
        screen_intro=_text(data, "screen_intro", where),
        goal_label=_text(data, "goal_label", where),
        goal_placeholder=_text(data, "goal_placeholder", where),
        questions_label=_text(data, "questions_label", where),
        no_questions=_text(data, "no_questions", where),
        add_question=_text(data, "add_question", where),
        reflections_label=_text(data, "reflections_label", where),
        no_reflections=_text(data, "no_reflections", where),
        written=_text(data, "written", where),
        sections=_table(data, "sections", where),
        text=words,
        notes_lines=lines,
        columns=_table(data, "columns", where),
    )
