"""The treatment record and the only arithmetic done on it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.treatments import (
    HELPED,
    KINDS,
    CheckinPoint,
    DoseChange,
    MonthYear,
    Span,
    Treatment,
    at_last_dose,
    checkins_between,
    dates_words,
    doses_text,
    how_long,
    newest_first,
    parse_doses,
)
from course.treatments_wording import brief_wording, treatments_wording

TODAY = MonthYear(2026, 12)
months = st.builds(MonthYear, st.integers(1900, 2200), st.integers(1, 12))


class TestMonthYear:
    @pytest.mark.parametrize(
        "text", ["3/2021", "03/2021", "3-2021", "2021-03", "March 2021", "mar 2021", "Mar. 2021"]
    )
    def test_reads_how_people_write_it(self, text: str) -> None:
        assert MonthYear.parse(text) == MonthYear(2021, 3)

    @pytest.mark.parametrize("text", ["", "spring", "13/2021", "ma 2021", "2021", "3/21"])
    def test_says_what_to_type(self, text: str) -> None:
        with pytest.raises(ValueError, match="like 3/2021"):
            MonthYear.parse(text)

    @given(months)
    def test_every_written_form_reads_back(self, month: MonthYear) -> None:
        assert MonthYear.parse(month.iso()) == month
        assert MonthYear.parse(month.short()) == month
        assert MonthYear.parse(month.label()) == month

    @given(months, months)
    def test_months_until_is_arithmetic(self, a: MonthYear, b: MonthYear) -> None:
        assert a.months_until(b) == -b.months_until(a)
        assert (a.months_until(b) >= 0) == (a <= b)


class TestDurations:
    def test_how_long_for_known_dates(self) -> None:
        t = Treatment("medicine", "Sertraline", MonthYear(2021, 3), MonthYear(2022, 5))
        span = how_long(t, TODAY)
        assert span == Span(14)
        assert span is not None and span.words() == "about 1 year 2 months"
        assert dates_words(t) == "March 2021 to May 2022"

    def test_still_taking_runs_to_today(self) -> None:
        t = Treatment("medicine", "x", MonthYear(2026, 10), MonthYear(2020, 1), still_taking=True)
        span = how_long(t, TODAY)
        assert span == Span(2, ongoing=True)
        assert span is not None and span.words() == "about 2 months so far"
        assert dates_words(t) == "since October 2026"

    def test_a_missing_date_is_named_on_its_own_side(self) -> None:
        march, may = MonthYear(2021, 3), MonthYear(2022, 5)
        assert dates_words(Treatment("other", "x", march)) == "from March 2021, end not written"
        assert (
            dates_words(Treatment("other", "x", None, may)) == "until May 2022, start not written"
        )
        assert dates_words(Treatment("other", "x")) == "dates not written"
        assert (
            dates_words(Treatment("other", "x", still_taking=True))
            == "still taking it, start not written"
        )

    def test_same_month_and_missing_or_backward_dates(self) -> None:
        assert Span(0).words() == "under a month"
        assert how_long(Treatment("other", "x", MonthYear(2021, 3)), TODAY) is None
        assert how_long(Treatment("other", "x", None, MonthYear(2021, 3)), TODAY) is None
        backward = Treatment("other", "x", MonthYear(2021, 3), MonthYear(2020, 3))
        assert how_long(backward, TODAY) is None

    def test_at_the_last_dose_written(self) -> None:
        doses = (
            DoseChange("150 mg", MonthYear(2021, 7)),
            DoseChange("50 mg", MonthYear(2021, 3)),
            DoseChange("a note with no date"),
        )
        t = Treatment("medicine", "x", MonthYear(2021, 3), MonthYear(2021, 10), doses=doses)
        assert t.last_dose() == doses[0]
        assert at_last_dose(t, TODAY) == Span(3)
        undated = Treatment("medicine", "x", MonthYear(2021, 3), doses=(DoseChange("10 mg"),))
        assert at_last_dose(undated, TODAY) is None

    def test_words_never_judge(self) -> None:
        for n in range(0, 400, 7):
            words = Span(n).words().lower()
            assert "adequate" not in words and "week" not in words


def test_doses_are_kept_as_typed_with_a_trailing_month() -> None:
    doses = parse_doses(
        "20 mg, once a day, 3/2021\n\n  1,5 mg | at night \nhalf a tablet, May 2022"
    )
    assert doses == (
        DoseChange("20 mg, once a day", MonthYear(2021, 3)),
        DoseChange("1,5 mg | at night", None),
        DoseChange("half a tablet", MonthYear(2022, 5)),
    )
    assert parse_doses(doses_text(doses)) == doses


def test_checkins_between_its_dates_whole_months() -> None:
    t = Treatment("medicine", "x", MonthYear(2021, 3), MonthYear(2021, 5))
    points = [
        CheckinPoint(datetime(2021, 2, 28, 12, tzinfo=UTC), 20),
        CheckinPoint(datetime(2021, 5, 20, 12, tzinfo=UTC), 12),
        CheckinPoint(datetime(2021, 3, 1, 12, tzinfo=UTC), 18),
        CheckinPoint(datetime(2021, 6, 1, 12, tzinfo=UTC), 9),
    ]
    assert [p.total for p in checkins_between(t, points, TODAY)] == [18, 12]
    assert checkins_between(Treatment("other", "x"), points, TODAY) == ()


def test_newest_first() -> None:
    found = newest_first(
        [
            Treatment("medicine", "old", MonthYear(2019, 1), id=1),
            Treatment("medicine", "undated", id=2),
            Treatment("medicine", "new", MonthYear(2024, 6), id=3),
            Treatment("medicine", "mid", MonthYear(2021, 2), id=4),
        ]
    )
    assert [t.name for t in found] == ["new", "mid", "old", "undated"]


def test_wording_has_every_choice_and_the_four_checks() -> None:
    words = treatments_wording()
    assert tuple(words.kinds) == KINDS
    assert set(words.helped) | {f"{n}%" for n in range(0, 101, 10)} == set(HELPED)
    assert [c.question for c in words.checks] == [
        "Was this a full dose for me?",
        "Could missed doses have mattered?",
        "Were side effects why it stopped?",
        "Could something else explain how I feel?",
    ]
    brief = brief_wording()
    assert "private health information" in brief.header
    assert "not by a clinician" in brief.header
    assert "follow-up" in brief.text["follow_up"]
    every = " ".join(
        [words.intro, words.not_advice, *words.fields.values(), *words.shown.values()]
    ).lower()
    for never in ("adequate", "you have trd", "weeks", " mg"):
        assert never not in every


def test_the_door_keeps_every_field_both_ways() -> None:
    """``to_row`` and ``to_treatment`` list the fields by hand (typed); none may be missed."""
    from dataclasses import fields, replace

    from course.session_treatments import to_row, to_treatment
    from progress.treatments import TreatmentRow

    every = Treatment(
        kind="medicine",
        name="Name",
        started=MonthYear(2020, 1),
        stopped=MonthYear(2021, 2),
        still_taking=True,
        doses=(DoseChange("10 mg", MonthYear(2020, 1)), DoseChange("as typed")),
        missed_doses="often",
        side_effects="side",
        side_effects_why_stopped=False,
        helped="40%",
        stopped_working=True,
        why_stopped="why",
        notes="notes",
        questions="questions",
        id=None,
    )
    stored = {f.name for f in fields(TreatmentRow)} - {"updated_at"}
    assert {f.name for f in fields(Treatment)} == stored
    assert all(getattr(every, f.name) != f.default for f in fields(Treatment) if f.name != "id")
    assert to_treatment(to_row(every)) == every
    assert to_treatment(replace(to_row(every), id=7)) == replace(every, id=7)
