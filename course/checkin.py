"""The check-in's rules: PHQ-9 scoring, bands, change, and when one is suggested.

Pure functions on plain values (answers, totals, dates), so the app, the
line mode and the export say the same thing, and each rule is tested at its
edges. The words come from ``course/wording/``; this module decides only
which sentence applies. It gives no treatment advice: the one reminder it
can add is the source article's own advice to check back with the provider.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

ITEM_COUNT = 9
"""Scored items of the PHQ-9."""
ITEM9 = 8
"""Index of item 9 (thoughts of being better off dead or of self-harm) in the answers."""
MAX_ANSWER = 3
MAX_TOTAL = ITEM_COUNT * MAX_ANSWER
MEANINGFUL_CHANGE = 5
"""Points of change clinicians usually treat as meaningful on the PHQ-9."""
SUGGEST_AFTER = timedelta(days=14)
"""The PHQ-9 asks about two weeks, so a check-in is suggested when two weeks have passed."""

BAND_LOWS: tuple[tuple[int, str], ...] = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "moderately severe"),
    (20, "severe"),
)
"""The published severity bands: (lowest total, name). ``phq9.toml`` must agree (tested)."""


@dataclass(frozen=True)
class Band:
    """A severity band of the total: its name and its range, both ends included."""

    name: str
    low: int
    high: int


def bands() -> tuple[Band, ...]:
    highs = [low - 1 for low, _ in BAND_LOWS[1:]] + [MAX_TOTAL]
    return tuple(Band(name, low, high) for (low, name), high in zip(BAND_LOWS, highs, strict=True))


def band(total: int) -> Band:
    """The band ``total`` falls in.

    Raises:
        ValueError: ``total`` is outside 0-27.
    """
    if not 0 <= total <= MAX_TOTAL:
        raise ValueError(f"a PHQ-9 total is 0-{MAX_TOTAL}, not {total}")
    return next(b for b in bands() if b.low <= total <= b.high)


def check_answers(answers: Sequence[int]) -> tuple[int, ...]:
    """The nine answers as a tuple, each 0-3.

    Raises:
        ValueError: Not nine answers, or one outside 0-3.
    """
    if len(answers) != ITEM_COUNT:
        raise ValueError(f"the PHQ-9 has {ITEM_COUNT} answers, not {len(answers)}")
    for answer in answers:
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ValueError(f"each answer is a whole number 0-{MAX_ANSWER}")
        if not 0 <= answer <= MAX_ANSWER:
            raise ValueError(f"each answer is 0-{MAX_ANSWER}, not {answer}")
    return tuple(answers)


def total(answers: Sequence[int]) -> int:
    """The PHQ-9 total: the sum of the nine answers (0-27)."""
    return sum(check_answers(answers))


def item9_flagged(answers: Sequence[int]) -> bool:
    """Whether item 9 was answered with anything other than "Not at all"."""
    return check_answers(answers)[ITEM9] > 0


def shows_item9_panel(item9_answer: int) -> bool:
    """Any answer to item 9 other than "Not at all" shows the panel at once."""
    return item9_answer > 0


def is_meaningful(change: int) -> bool:
    """A change of 5 points or more, either way, is what clinicians usually count."""
    return abs(change) >= MEANINGFUL_CHANGE


def needs_checking_back(totals: Sequence[int]) -> bool:
    """Whether to remind the learner to check back in with their provider.

    ``totals`` are the check-ins oldest first. The reminder applies when the
    latest is not at least 5 points below the first. With only one check-in
    there is nothing to compare yet, so no reminder.
    """
    if len(totals) < 2:
        return False
    return totals[-1] > totals[0] - MEANINGFUL_CHANGE


def due(last_taken: datetime | None, now: datetime) -> bool:
    """Whether to suggest a check-in: 14 days have passed since the last one.

    With no check-in yet nothing is suggested: the check-in is on the map
    for whoever wants it, and the course does not push a first one.
    """
    if last_taken is None:
        return False
    return now - last_taken >= SUGGEST_AFTER


def days_since(last_taken: datetime, now: datetime) -> int:
    return max(0, (now - last_taken).days)


@dataclass(frozen=True)
class Change:
    """A change between two check-ins: the earlier total and when it was."""

    before: int
    after: int
    when: datetime

    @property
    def points(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class Point:
    """One check-in as the result, the trend and the export need it."""

    taken_at: datetime
    total: int
    item9: int

    @property
    def band(self) -> Band:
        return band(self.total)


def changes(points: Sequence[Point]) -> tuple[Change | None, Change | None]:
    """The change since the last and since the first check-in, for the latest one.

    Returns:
        (since the previous check-in, since the first), each None when there
        is no earlier check-in; the second is None too when the first is the
        previous one (the two would say the same).
    """
    if len(points) < 2:
        return None, None
    latest, previous, first = points[-1], points[-2], points[0]
    since_last = Change(previous.total, latest.total, previous.taken_at)
    since_first = None if len(points) == 2 else Change(first.total, latest.total, first.taken_at)
    return since_last, since_first


def result_lines(
    points: Sequence[Point], words: dict[str, str], date: str = "%d %b %Y"
) -> list[str]:
    """The result of the latest check-in in words, from ``checkin.toml``'s texts.

    Args:
        points: Every check-in, oldest first; the last is the one just taken.
        words: The check-in wording (``course.wording.checkin().texts``).
        date: How to write a date.
    """
    latest = points[-1]
    found = latest.band
    lines = [
        words["result_total"].format(
            total=latest.total, band=found.name, low=found.low, high=found.high
        ),
        words["not_diagnosis"],
    ]
    since_last, since_first = changes(points)
    if since_last is None:
        lines.append(words["first_time"])
    else:
        lines.append(
            words["since_last"].format(
                date=_local_date(since_last.when, date), change=change_words(since_last, words)
            )
        )
        if since_first is not None:
            lines.append(
                words["since_first"].format(
                    date=_local_date(since_first.when, date),
                    change=change_words(since_first, words),
                )
            )
        lines.append(words["meaningful"])
    if needs_checking_back([p.total for p in points]):
        lines.append(words["checking_back"])
    return lines


def change_words(change: Change, words: dict[str, str]) -> str:
    """ "up 3 points from 11", "down 1 point from 12", or "the same as then"."""
    if change.points == 0:
        return words["same"]
    size = abs(change.points)
    unit = words["point"] if size == 1 else words["points"]
    key = "up" if change.points > 0 else "down"
    return words[key].format(points=f"{size} {unit}", before=change.before)


def _local_date(moment: datetime, pattern: str) -> str:
    return moment.astimezone().strftime(pattern)
