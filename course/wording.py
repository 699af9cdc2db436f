"""The safety wording a clinician reviews: crisis lines, safety plan, check-in.

The words live in TOML files in ``course/wording/`` so that someone who
reads no Python can review and change them; this module reads them, checks
that every key is there with the right type, and hands them to the screens,
the line mode and the export as small frozen values. A broken file is a
:class:`WordingError` that names the file, the key and what to do, never a
traceback.

Each file is read once, on first use: the map's start-up reads none of them.
The accessors return plain strings and lists, so a line-mode front end can
print exactly what the screens show.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "wording"
"""Where the wording files are (inside the package, so they ship in the wheel)."""


class WordingError(Exception):
    """A wording file is missing, is not valid TOML, or lacks a key."""


def _read(name: str) -> dict[str, Any]:
    import tomllib

    path = FOLDER / name
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except OSError as error:
        raise WordingError(
            f"{path}: cannot be read ({error.strerror or error}); reinstall the course "
            "or restore this file."
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise WordingError(f"{path}: is not valid TOML ({error}); fix or restore it.") from error
    return data


def _text(data: dict[str, Any], key: str, name: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise WordingError(f"{FOLDER / name}: {key}: must be a non-empty string")
    return value


def _texts(data: dict[str, Any], key: str, name: str, count: int | None = None) -> tuple[str, ...]:
    value = data.get(key)
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise WordingError(f"{FOLDER / name}: {key}: must be a list of non-empty strings")
    if count is not None and len(value) != count:
        raise WordingError(f"{FOLDER / name}: {key}: must hold exactly {count} entries")
    return tuple(value)


def _tables(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise WordingError(f"{FOLDER / name}: {key}: must be one or more [[{key}]] tables")
    return value


# -- crisis lines ---------------------------------------------------------------


@dataclass(frozen=True)
class CrisisWording:
    """The crisis lines (``crisis.toml``)."""

    headline: str
    lines: tuple[tuple[str, str], ...]
    privacy: str
    us_line: str
    us_line_old: str
    emergency: str
    worldwide: str


@cache
def crisis() -> CrisisWording:
    name = "crisis.toml"
    data = _read(name)
    lines = tuple(
        (_text(t, "what", f"{name} lines"), _text(t, "detail", f"{name} lines"))
        for t in _tables(data, "lines", name)
    )
    return CrisisWording(
        headline=_text(data, "headline", name),
        lines=lines,
        privacy=_text(data, "privacy", name),
        us_line=_text(data, "us_line", name),
        us_line_old=_text(data, "us_line_old", name),
        emergency=_text(data, "emergency", name),
        worldwide=_text(data, "worldwide", name),
    )


# -- the safety plan ------------------------------------------------------------


@dataclass(frozen=True)
class PlanPart:
    """One part of the safety plan."""

    id: str
    title: str
    short: str
    prompt: str
    examples: tuple[str, ...]
    in_help: bool


@dataclass(frozen=True)
class SafetyPlanWording:
    """The safety plan screen's words (``safety_plan.toml``)."""

    title: str
    source: str
    statements: tuple[str, ...]
    read_hint: str
    edit_hint: str
    empty_part: str
    examples_label: str
    help_heading: str
    help_open: str
    help_none: str
    export_none: str
    welcome_pointer: str
    parts: tuple[PlanPart, ...]

    def part(self, part_id: str) -> PlanPart | None:
        return next((p for p in self.parts if p.id == part_id), None)


@cache
def safety_plan() -> SafetyPlanWording:
    name = "safety_plan.toml"
    data = _read(name)
    parts: list[PlanPart] = []
    for index, table in enumerate(_tables(data, "parts", name)):
        where = f"{name} parts[{index}]"
        in_help = table.get("in_help", False)
        if not isinstance(in_help, bool):
            raise WordingError(f"{FOLDER / name}: parts[{index}].in_help: must be true or false")
        parts.append(
            PlanPart(
                id=_text(table, "id", where),
                title=_text(table, "title", where),
                short=_text(table, "short", where),
                prompt=_text(table, "prompt", where),
                examples=_texts(table, "examples", where),
                in_help=in_help,
            )
        )
    ids = [p.id for p in parts]
    if len(set(ids)) != len(ids):
        raise WordingError(f"{FOLDER / name}: parts: two parts share an id")
    keys = [
        "title",
        "source",
        "read_hint",
        "edit_hint",
        "empty_part",
        "examples_label",
        "help_heading",
        "help_open",
        "help_none",
        "export_none",
        "welcome_pointer",
    ]
    texts = {key: _text(data, key, name) for key in keys}
    return SafetyPlanWording(
        statements=_texts(data, "statements", name), parts=tuple(parts), **texts
    )


def safety_plan_prompts() -> list[tuple[str, str, list[str]]]:
    """Each part's (title, prompt, examples), in order, for a line-mode front end."""
    return [(p.title, p.prompt, list(p.examples)) for p in safety_plan().parts]


# -- the PHQ-9 ------------------------------------------------------------------

ITEM_COUNT = 9
ANSWER_COUNT = 4


@dataclass(frozen=True)
class Phq9Form:
    """The PHQ-9 as published (``phq9.toml``)."""

    form: str
    title: str
    stem: str
    answers: tuple[str, ...]
    items: tuple[str, ...]
    difficulty: str
    difficulty_answers: tuple[str, ...]
    attribution: str
    source: str
    bands: tuple[tuple[int, str], ...]
    """(lowest total, name) of each band, lowest first."""


@cache
def phq9() -> Phq9Form:
    name = "phq9.toml"
    data = _read(name)
    bands: list[tuple[int, str]] = []
    for index, table in enumerate(_tables(data, "bands", name)):
        low = table.get("low")
        if not isinstance(low, int) or isinstance(low, bool) or not 0 <= low <= 27:
            raise WordingError(f"{FOLDER / name}: bands[{index}].low: must be a whole number 0-27")
        bands.append((low, _text(table, "name", f"{name} bands[{index}]")))
    lows = [low for low, _ in bands]
    if lows[0] != 0 or lows != sorted(set(lows)):
        raise WordingError(f"{FOLDER / name}: bands: must start at 0 and rise")
    return Phq9Form(
        form=_text(data, "form", name),
        title=_text(data, "title", name),
        stem=_text(data, "stem", name),
        answers=_texts(data, "answers", name, ANSWER_COUNT),
        items=_texts(data, "items", name, ITEM_COUNT),
        difficulty=_text(data, "difficulty", name),
        difficulty_answers=_texts(data, "difficulty_answers", name, ANSWER_COUNT),
        attribution=_text(data, "attribution", name),
        source=_text(data, "source", name),
        bands=tuple(bands),
    )


# -- the item-9 panel -----------------------------------------------------------


@dataclass(frozen=True)
class Item9Panel:
    """The panel shown after a non-zero answer to item 9 (``item9_panel.toml``)."""

    title: str
    gentle: tuple[str, ...]
    direct: tuple[str, ...]
    open_plan: str
    add_question: str
    question_added: str
    continue_label: str
    stay_hint: str
    question: str

    def lines(self, answer: int) -> tuple[str, ...]:
        """The panel's text for an item-9 answer (1-3): plainer, 988 first, for 2 and 3."""
        if not 1 <= answer <= 3:
            raise ValueError("the item-9 panel is shown only for answers 1, 2 and 3")
        return self.gentle if answer == 1 else self.direct


@cache
def item9() -> Item9Panel:
    name = "item9_panel.toml"
    data = _read(name)
    keys = [
        "title",
        "open_plan",
        "add_question",
        "question_added",
        "continue_label",
        "stay_hint",
        "question",
    ]
    texts = {key: _text(data, key, name) for key in keys}
    return Item9Panel(
        gentle=_texts(data, "gentle", name), direct=_texts(data, "direct", name), **texts
    )


def item9_panel(answer: int) -> list[str]:
    """Everything the item-9 panel says for ``answer`` (1-3), in order, as plain lines.

    The title, the text, then the three choices' labels and the hint, so a
    line-mode front end can show the same panel the app does.
    """
    panel = item9()
    return [
        panel.title,
        *panel.lines(answer),
        panel.open_plan,
        panel.add_question,
        panel.continue_label,
        panel.stay_hint,
    ]


# -- the check-in screen ----------------------------------------------------------


@dataclass(frozen=True)
class CheckinWording:
    """The words around the PHQ-9 (``checkin.toml``); see the file for each key."""

    texts: dict[str, str]
    intro: tuple[str, ...]
    table_columns: tuple[str, ...]

    def __getitem__(self, key: str) -> str:
        return self.texts[key]


CHECKIN_KEYS = [
    "start",
    "show_trend",
    "question_of",
    "difficulty_heading",
    "back_hint",
    "result_heading",
    "result_total",
    "not_diagnosis",
    "first_time",
    "since_last",
    "since_first",
    "up",
    "down",
    "same",
    "point",
    "points",
    "meaningful",
    "checking_back",
    "done",
    "trend_heading",
    "trend_none",
    "chart_caption",
    "table_heading",
    "item9_yes",
    "item9_no",
    "table_note",
    "suggestion",
    "export_heading",
    "export_none",
]


@cache
def checkin() -> CheckinWording:
    name = "checkin.toml"
    data = _read(name)
    return CheckinWording(
        texts={key: _text(data, key, name) for key in CHECKIN_KEYS},
        intro=_texts(data, "intro", name),
        table_columns=_texts(data, "table_columns", name, 4),
    )


def check_all() -> None:
    """Read and check every wording file (tests, and ``validate`` if the lead wires it).

    Raises:
        WordingError: The first problem found.
    """
    crisis()
    safety_plan()
    phq9()
    item9()
    checkin()
