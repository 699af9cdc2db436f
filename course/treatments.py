"""The learner's treatment history, and the only arithmetic done on it.

A record holds what the learner typed, as they know it: the name as on the
label, each dose as written (never parsed), month-and-year dates. What the
course works out is arithmetic and nothing else: how long a treatment lasted,
how long since the last dose written, and which check-ins fall between its
dates. It never judges a trial (no "adequate", no dose or week to reach) and
never names a diagnosis: those are questions for the learner's prescriber,
which is why the four checks are offered as questions, not answers.

Pure: no Textual, no sqlite3; the door (``course.session_treatments``) turns
stored rows into these records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from course.export import MONTHS

KINDS = ("medicine", "add-on", "talk-therapy", "brain-stimulation", "esketamine", "other")
"""Kind ids, in the form's order; the words are in ``wording/treatments.toml``."""

MISSED_DOSES = ("rarely", "sometimes", "often", "not-sure")
"""How often doses were missed, as the learner remembers it."""

HELPED_WORDS = ("not-at-all", "a-little", "about-half", "mostly", "fully")
HELPED_PERCENTS = tuple(f"{n}%" for n in range(0, 101, 10))
HELPED = HELPED_WORDS + HELPED_PERCENTS
"""How much it helped at its best: a word, or 0-100% in tens."""

_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")
_WORDS = re.compile(r"^\s*([A-Za-z]+)\.?\s*,?\s*(\d{4})\s*$")


@dataclass(frozen=True, order=True)
class MonthYear:
    """A month of a year: how precisely most people remember a treatment's dates."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1 to 12")
        if not 1900 <= self.year <= 2200:
            raise ValueError(f"year {self.year} is not a year between 1900 and 2200")

    @classmethod
    def parse(cls, text: str) -> MonthYear:
        """Read ``3/2021``, ``03-2021``, ``2021-03``, ``March 2021`` or ``Mar 2021``.

        Raises:
            ValueError: With a sentence saying what to type instead.
        """
        month = year = None
        if match := _NUMERIC.match(text):
            month, year = int(match[1]), int(match[2])
        elif match := _ISO.match(text):
            year, month = int(match[1]), int(match[2])
        elif match := _WORDS.match(text):
            word = match[1].casefold()
            found = [i for i, name in enumerate(MONTHS, 1) if name.casefold().startswith(word)]
            if len(word) >= 3 and len(found) == 1:
                month, year = found[0], int(match[2])
        if month is None or year is None:
            raise ValueError(f"{text.strip()!r} is not a month and year; type it like 3/2021")
        try:
            return cls(year, month)
        except ValueError as error:
            raise ValueError(f"{text.strip()!r}: {error}; type it like 3/2021") from None

    @classmethod
    def of(cls, moment: date | datetime) -> MonthYear:
        return cls(moment.year, moment.month)

    def iso(self) -> str:
        """How it is stored: ``2021-03``."""
        return f"{self.year:04d}-{self.month:02d}"

    def short(self) -> str:
        """How a form shows it for editing: ``3/2021``."""
        return f"{self.month}/{self.year}"

    def label(self) -> str:
        """How it is read: ``March 2021``."""
        return f"{MONTHS[self.month - 1]} {self.year}"

    def months_until(self, later: MonthYear) -> int:
        """Whole months from this month to ``later`` (negative if it is earlier)."""
        return (later.year - self.year) * 12 + later.month - self.month


def maybe_month(text: str | None) -> MonthYear | None:
    """A stored ``YYYY-MM`` (or anything :meth:`MonthYear.parse` reads); None if absent or unreadable."""
    if not text:
        return None
    try:
        return MonthYear.parse(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class DoseChange:
    """One dose, exactly as the learner wrote it, and the month it started."""

    dose: str
    started: MonthYear | None = None


@dataclass(frozen=True)
class Treatment:
    """One treatment, as the learner knows it; nothing in it is interpreted.

    Attributes:
        id: The store's id, None before it is saved.
        kind: One of :data:`KINDS`.
        still_taking: True means ``stopped`` is ignored: it goes on today.
        doses: In the order written; the last one with a start month is
            "the last dose written".
        missed_doses: One of :data:`MISSED_DOSES`, or None if not answered.
        side_effects_why_stopped: None if not answered.
        helped: One of :data:`HELPED`, or None if not answered.
        stopped_working: It helped, then stopped helping; None if not answered.
    """

    kind: str
    name: str
    started: MonthYear | None = None
    stopped: MonthYear | None = None
    still_taking: bool = False
    doses: tuple[DoseChange, ...] = ()
    missed_doses: str | None = None
    side_effects: str = ""
    side_effects_why_stopped: bool | None = None
    helped: str | None = None
    stopped_working: bool | None = None
    why_stopped: str = ""
    notes: str = ""
    questions: str = ""
    id: int | None = None

    def end(self, today: MonthYear) -> MonthYear | None:
        """The last month it covers: today's while still taking it."""
        return today if self.still_taking else self.stopped

    def last_dose(self) -> DoseChange | None:
        """The last dose written that has a start month (doses are kept as typed)."""
        dated = [dose for dose in self.doses if dose.started is not None]
        if dated:
            return max(dated, key=lambda dose: dose.started or MonthYear(1900, 1))
        return self.doses[-1] if self.doses else None


@dataclass(frozen=True)
class Span:
    """How long something lasted, in whole months from its first month to its last.

    Attributes:
        months: Whole months between the two month-and-year dates (0: the same month).
        ongoing: It runs on to today.
    """

    months: int
    ongoing: bool = False

    def words(self, under_a_month: str = "under a month", so_far: str = "so far") -> str:
        """``about 1 year 2 months``; dates are to the month, so never more exact than that."""
        if self.months <= 0:
            text = under_a_month
        else:
            years, months = divmod(self.months, 12)
            parts = []
            if years:
                parts.append(f"{years} year" + ("s" if years != 1 else ""))
            if months:
                parts.append(f"{months} month" + ("s" if months != 1 else ""))
            text = "about " + " ".join(parts)
        return f"{text} {so_far}" if self.ongoing else text


def _span(start: MonthYear | None, end: MonthYear | None, ongoing: bool) -> Span | None:
    if start is None or end is None or end < start:
        return None
    return Span(start.months_until(end), ongoing)


def how_long(treatment: Treatment, today: MonthYear) -> Span | None:
    """From its start to its stop (or to today): None without both dates, or if they run backwards."""
    return _span(treatment.started, treatment.end(today), treatment.still_taking)


def at_last_dose(treatment: Treatment, today: MonthYear) -> Span | None:
    """From the last dose written's start month to the stop (or to today)."""
    dose = treatment.last_dose()
    if dose is None:
        return None
    return _span(dose.started, treatment.end(today), treatment.still_taking)


def newest_first(treatments: Iterable[Treatment]) -> list[Treatment]:
    """Latest start first; undated ones after, newest entered first."""

    def key(treatment: Treatment) -> tuple[int, int, int]:
        started = treatment.started
        dated = 1 if started is not None else 0
        months = started.year * 12 + started.month if started is not None else 0
        return (dated, months, treatment.id if treatment.id is not None else 1 << 62)

    return sorted(treatments, key=key, reverse=True)


@dataclass(frozen=True)
class CheckinPoint:
    """One check-in's total and when it was taken (aware, shown in local time)."""

    taken_at: datetime
    total: int

    @cached_property
    def month(self) -> int:
        """Its local month as a count of months (worked out once: a brief asks per treatment)."""
        local = self.taken_at.astimezone()
        return local.year * 12 + local.month - 1


def checkins_between(
    treatment: Treatment, checkins: Sequence[CheckinPoint], today: MonthYear
) -> tuple[CheckinPoint, ...]:
    """The check-ins taken in the months from its start to its stop (or to today), oldest first.

    Whole months at both ends, as the dates are only to the month. None
    without a start month.
    """
    start, end = treatment.started, treatment.end(today)
    if start is None or end is None or end < start:
        return ()
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    inside = [p for p in checkins if first <= p.month <= last]
    return tuple(sorted(inside, key=lambda p: p.taken_at))


def parse_doses(text: str) -> tuple[DoseChange, ...]:
    """Doses typed one a line: ``20 mg once a day, 3/2021``.

    A trailing month and year after the last comma is the dose's start; the
    rest of the line is kept exactly as typed (never interpreted). A line
    with no readable month keeps all its text as the dose.
    """
    doses: list[DoseChange] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        dose, comma, when = line.rpartition(",")
        started = maybe_month(when) if comma else None
        if started is not None and dose.strip():
            doses.append(DoseChange(dose.strip(), started))
        else:
            doses.append(DoseChange(line.strip(), None))
    return tuple(doses)


def doses_text(doses: Sequence[DoseChange]) -> str:
    """The doses as the form shows them for editing (the inverse of :func:`parse_doses`)."""
    lines = []
    for dose in doses:
        lines.append(f"{dose.dose}, {dose.started.short()}" if dose.started else dose.dose)
    return "\n".join(lines)


def dates_words(treatment: Treatment, not_known: str = "not written") -> str:
    """``March 2021 to May 2021``, ``since March 2021``, ``from March 2021, end not written``.

    A missing date is named as missing on its own side, so a half-filled
    record never reads as if it ran "to not written".
    """
    start = treatment.started.label() if treatment.started else None
    if treatment.still_taking:
        return f"since {start}" if start else f"still taking it, start {not_known}"
    stop = treatment.stopped.label() if treatment.stopped else None
    if start and stop:
        return f"{start} to {stop}"
    if start:
        return f"from {start}, end {not_known}"
    if stop:
        return f"until {stop}, start {not_known}"
    return f"dates {not_known}"
