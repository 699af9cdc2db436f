"""The appointment brief, in both formats, from a store made in the test.

Every learner field is hostile here; the brief must show it as text and never
let it forge structure: in Markdown, what markdown-it parses must hold no
heading, list, checkbox, table cell, fence or HTML the brief did not write;
in HTML, nothing the learner wrote may become a tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from course.brief import (
    Brief,
    BriefReflection,
    brief_html,
    brief_markdown,
    escape_line,
    treatments_markdown,
)
from course.loader import load_course
from course.model import Course
from course.session_treatments import brief_from_store, treatments_section
from course.treatments import CheckinPoint, DoseChange, MonthYear, Treatment
from course.treatments_wording import brief_wording
from progress import Store, brief_state, open_store
from progress import treatments as rows
from progress.questions import add_question
from progress.treatments import DoseRow, TreatmentRow
from tests.course.lesson_text import LESSON, write_folder

TODAY = date(2026, 12, 2)
HOSTILE = (
    "</td><script>alert(1)</script>\n"
    "# heading\n"
    "- [x] forged\n"
    "a | pipe | here\n"
    "```\n"
    "fenced\n"
    "```\n"
    "> quoted\n"
    "<!-- hidden\n"
    "1. numbered\n"
    "    four spaces\n"
    "~~~\n"
    "[link](javascript:alert(1)) ![img](x.png) &amp; *em* _u_ \\ back"
)
ONE_LINE_HOSTILE = "</td><script>x</script> | # - [x] ``` <!-- &lt;"
HTML_TAGS = frozenset(
    {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "p",
        "section",
        "ol",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
        "blockquote",
        "strong",
    }
)
"""The only tags the brief's HTML writes: nothing a learner typed may add one."""


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return load_course([write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})]).course


def checkin(store: Store, when: datetime, total: int) -> None:
    with store._write() as conn:
        conn.execute(
            "INSERT INTO checkin (form, answers, difficulty, total, item9_panel_shown, taken_at) "
            "VALUES ('phq9', '[]', NULL, ?, 0, ?)",
            (total, when.isoformat()),
        )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "data" / "progress.db").store
    rows.add_treatment(
        opened,
        TreatmentRow(
            kind="medicine",
            name=ONE_LINE_HOSTILE,
            started="2021-03",
            stopped="2021-09",
            missed_doses="sometimes",
            side_effects=HOSTILE,
            side_effects_why_stopped=True,
            helped="about-half",
            why_stopped=HOSTILE,
            notes="NOTES-NEVER-IN-THE-BRIEF",
            doses=(DoseRow("50 mg | daily", "2021-03"), DoseRow(ONE_LINE_HOSTILE, "2021-05")),
        ),
    )
    rows.add_treatment(
        opened, TreatmentRow(kind="talk-therapy", name="CBT", started="2023-01", still_taking=True)
    )
    for month, total in [(2, 21), (4, 18), (6, 15), (8, 12)]:
        checkin(opened, datetime(2021, month, 10, 12, tzinfo=UTC), total)
    add_question(opened, HOSTILE, "own")
    add_question(opened, "UNPICKED QUESTION", "own", picked=False)
    brief_state.set_goal(opened, HOSTILE)
    opened.save_reflection("lesson-one", "think", HOSTILE, prompt="What do you think?")
    opened.tick("lesson-one", "todo", "one")
    opened.add_plan_item("lesson-one", "todo", ONE_LINE_HOSTILE, ticked=True)
    return opened


def tokens(text: str) -> list[str]:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return [token.type for token in parser.parse(text)]


def tags(page: str) -> set[str]:
    return set(re.findall(r"</?([a-zA-Z0-9]+)", page))


def made(
    course: Course, store: Store, render: Callable[[Brief], str], *, share: bool = False
) -> str:
    """The brief from the store; with ``share``, the learner picked their reflection first."""
    if share:
        brief_state.set_reflection_picks(store, frozenset({("lesson-one", "think")}))
    return render(brief_from_store(course, store, TODAY))


def sections(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


class TestMarkdown:
    def test_learner_text_cannot_forge_structure(self, course: Course, store: Store) -> None:
        text = made(course, store, brief_markdown, share=True)
        found = tokens(text)
        w = brief_wording()
        # Headings: exactly the title and the sections the brief wrote.
        assert found.count("heading_open") == 1 + len(sections(text))
        assert sections(text) == [
            w.sections[k]
            for k in (
                "goal",
                "questions",
                "treatments",
                "checkins",
                "plan",
                "reflections",
                "notes",
            )
        ]
        for forged in ("html_block", "html_inline", "fence", "code_block", "code_inline", "image"):
            assert forged not in found, forged
        assert "link_open" not in found
        assert "s_open" not in found and "em_open" not in found
        # Two tables (treatments, trend), each with exactly its own rows.
        assert found.count("table_open") == 2
        assert found.count("tr_open") == (1 + 2) + (1 + 4)
        # Lists: the questions (1), the plan (1), the notes lines (1): no forged list.
        assert found.count("ordered_list_open") == 1
        assert found.count("bullet_list_open") == 2
        # One blockquote: the picked reflection, and every line of it inside it.
        assert found.count("blockquote_open") == 1
        assert "[x]" not in text.replace("\\[x\\]", "")

    def test_every_table_row_has_exactly_its_cells(self, course: Course, store: Store) -> None:
        text = made(course, store, brief_markdown)
        table = [line for line in text.splitlines() if line.startswith("| ")]
        unescaped = re.compile(r"(?<!\\)\|")
        widths = {len(unescaped.findall(line)) for line in table[:4]}
        assert widths == {9}  # 8 cells in every treatment row, the pipes inside escaped

    def test_the_arithmetic_and_the_trend(self, course: Course, store: Store) -> None:
        text = made(course, store, brief_markdown)
        assert "March 2021 to September 2021 (about 6 months)" in text
        assert "since January 2023 (about 3 years 11 months so far)" in text
        assert "(about 4 months)" in text  # at the last dose written
        assert "| 3: 18, 15, 12 |" in text  # the check-ins between its dates
        assert "Latest: 12 of 27 (moderate) on 10 August 2021." in text
        assert text.rstrip("\n").splitlines()[-1] == f"**{brief_wording().text['follow_up']}**"
        lower = text.lower()
        for never in ("adequate", "you have trd", "treatment-resistant", "weeks"):
            assert never not in lower

    def test_escaping_can_be_undone(self) -> None:
        for line in HOSTILE.split("\n"):
            escaped = escape_line(line)
            assert re.sub(r"\\(.)", r"\1", escaped) == line


class TestHtml:
    def test_no_script_no_link_no_source(self, course: Course, store: Store) -> None:
        page = made(course, store, brief_html, share=True)
        assert "<script" not in page.lower()
        assert "http" not in page.lower()
        assert "src=" not in page.lower()
        assert "<a " not in page and "<link" not in page and "<img" not in page
        assert "@media print" in page

    def test_every_learner_text_is_text(self, course: Course, store: Store) -> None:
        page = made(course, store, brief_html, share=True)
        assert "&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;!-- hidden" in page
        assert "<!--" not in page
        # Tags: only the ones the brief writes.
        assert tags(page) <= HTML_TAGS
        # Two tables: 1 + 2 treatment rows, 1 + 4 trend rows.
        assert page.count("<tr>") == 3 + 5
        assert html.unescape(page).count("# heading") >= 3  # goal, question, reflection


@pytest.mark.parametrize("render", [brief_markdown, brief_html], ids=["md", "html"])
def test_nothing_unchosen_appears(
    course: Course, store: Store, render: Callable[[Brief], str]
) -> None:
    page = made(course, store, render)
    assert "UNPICKED QUESTION" not in page
    assert "NOTES-NEVER-IN-THE-BRIEF" not in page
    assert brief_wording().sections["reflections"] not in page
    assert "What do you think?" not in page  # the reflection's prompt: not picked
    assert "Do one thing" in page  # ticked plan item
    assert "Do another" not in page  # not ticked


def test_an_empty_store_makes_a_page_that_says_so(course: Course, tmp_path: Path) -> None:
    with open_store(tmp_path / "empty" / "progress.db").store as empty:
        brief = brief_from_store(course, empty, TODAY)
    text = brief_markdown(brief)
    assert brief_wording().text["no_goal"].replace("(", "\\(").replace(")", "\\)") in text or (
        "(not written)" in text
    )
    assert text.count(brief_wording().text["none_yet"]) == 4
    assert brief_html(brief).count(brief_wording().text["none_yet"]) == 4


def test_treatments_markdown_for_the_export_holds_every_field() -> None:
    treatment = Treatment(
        "medicine",
        "Lithium",
        MonthYear(2020, 1),
        MonthYear(2020, 7),
        doses=(DoseChange("300 mg", MonthYear(2020, 1)), DoseChange("600 mg")),
        notes="# my notes",
        questions="- [x] ask about levels",
        stopped_working=True,
    )
    points = [CheckinPoint(datetime(2020, 3, 1, 12, tzinfo=UTC), 16)]
    text = treatments_markdown([treatment], points, TODAY)
    assert text.startswith("## My treatments")
    assert "\\# my notes" in text and "\\- \\[x\\] ask about levels" in text
    assert "300 mg, from January 2020" in text and "- Dose: 600 mg" in text
    assert "1: 16" in text
    assert "It helped, then stopped working: yes" in text
    found = tokens(text)
    assert found.count("heading_open") == 2
    assert treatments_markdown([], points, TODAY) == ""


def test_a_long_history_shows_the_latest_check_ins(course: Course, tmp_path: Path) -> None:
    with open_store(tmp_path / "long" / "progress.db").store as long_store:
        for n in range(30):
            checkin(
                long_store,
                datetime(2024, 1, 1, tzinfo=UTC).replace(day=1 + n % 28, month=1 + n // 28),
                n % 28,
            )
        brief = brief_from_store(course, long_store, TODAY)
    assert isinstance(brief, Brief)
    text = brief_markdown(brief)
    assert "30 check-ins in all; the last 12 are shown." in text


def test_the_export_section_from_the_store(store: Store) -> None:
    text = treatments_section(store, TODAY)
    assert text.startswith("## My treatments")
    assert text.index("### CBT") < text.index("### \\</td\\>")  # newest first
    assert "NOTES-NEVER-IN-THE-BRIEF" in text  # the export keeps every field
    assert "- Check-ins between its dates: 3: 18, 15, 12" in text
    assert "html_block" not in tokens(text)


MARKUP = st.text(
    alphabet=st.sampled_from(list("#-*_`~[]()<>!|&\\=+>.1 \nax")), min_size=0, max_size=30
)


@settings(max_examples=60, deadline=None)
@given(goal=MARKUP, question=MARKUP, item=MARKUP, words=MARKUP, name=MARKUP)
def test_no_text_of_any_shape_changes_the_structure(
    goal: str, question: str, item: str, words: str, name: str
) -> None:
    brief = Brief(
        goal=goal or "x",
        questions=(question or "x",),
        treatments=(Treatment("other", name or "x", MonthYear(2020, 1), side_effects=words),),
        trend=(),
        plan_items=(item or "x",),
        reflections=(BriefReflection("Lesson", "Prompt", words or "x"),),
        today=TODAY,
    )
    found = tokens(brief_markdown(brief))
    assert found.count("heading_open") == 1 + 7
    assert found.count("ordered_list_open") == 1
    assert found.count("bullet_list_open") == 2
    assert found.count("blockquote_open") == 1
    assert found.count("table_open") == 1 and found.count("tr_open") == 2
    for forged in ("html_block", "html_inline", "fence", "code_block", "code_inline", "hr"):
        assert forged not in found, forged
    page = brief_html(brief)
    assert tags(page) <= HTML_TAGS
