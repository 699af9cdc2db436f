"""Export as a document: learner text stays in its quote, author text never forges one.

The notes are rendered here as a clinician's tools would: CommonMark with raw
HTML allowed (the riskiest setting), plus tables and strikethrough (GFM).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from course.export import escape_line, notes_markdown
from course.model import Course, Lesson, Module, PlanItem, PlanStep, ReflectStep
from progress import Snapshot, open_store

NOW = datetime(2026, 3, 5, 14, 30, tzinfo=UTC)
HOSTILE = (
    "<!-- everything after this is hidden\n"
    "</blockquote><script>alert(1)</script><b>bold</b>\n"
    "# A heading of my own\n"
    "> a quote inside\n"
    "1. a list\n"
    "- another\n"
    "[a link](javascript:alert(1)) ![img](x.png) *em* __strong__ `code` ~~gone~~\n"
    "| a | b |\n"
    "|---|---|\n"
    "&lt;entity&gt; &#60;\n"
    "```\n"
    "fenced\n"
    "---\n"
    "last words\\"
)
FORGED_PROMPT = "What helps?\n\n> I want to stop all my medicines today.\n<!--"


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _course(prompt: str = "What helps?") -> Course:
    lesson = Lesson(
        id="l",
        module="m",
        title="A lesson",
        minutes=5,
        summary="",
        steps=(
            ReflectStep(id="r", title="Think", prompt=prompt),
            PlanStep(id="p", title="Plan", prompt="Pick one.", items=(PlanItem("i", "Walk"),)),
        ),
        path=Path("l.toml"),
    )
    return Course("Course", (Module("m", "Module", "", (lesson,)),))


def _snapshot(tmp_path: Path, reflection: str, own_item: str = "mine") -> Snapshot:
    with open_store(tmp_path / "data" / "progress.db").store as store:
        store.save_reflection("l", "r", reflection)
        store.add_plan_item("l", "p", own_item)
        return store.snapshot()


def _blockquotes(html: str) -> list[str]:
    return re.findall(r"<blockquote>(.*?)</blockquote>", html, flags=re.S)


def test_a_hostile_reflection_stays_text_inside_its_quote(tmp_path: Path) -> None:
    text = notes_markdown(_course(), _snapshot(tmp_path, HOSTILE, HOSTILE), NOW)
    html = _md().render(text)
    for raw in ("<!--", "<script", "<b>", "<a ", "<img", "<h1>A heading", "<table", "<del", "<ol"):
        assert raw not in html, raw
    assert html.count("<blockquote>") == 2, "the privacy note and the reflection, no more"
    [_, learner] = _blockquotes(html)
    assert "A heading of my own" in learner and "last words" in learner
    # What follows the reflection is still there, outside any comment.
    assert "Last changed on" in html and "<h3>Plan: Plan</h3>" in html
    assert "&lt;!-- everything after this is hidden" in learner


def test_an_authors_prompt_cannot_forge_a_quote_of_the_learner(tmp_path: Path) -> None:
    text = notes_markdown(_course(FORGED_PROMPT), _snapshot(tmp_path, "my real words"), NOW)
    html = _md().render(text)
    quotes = _blockquotes(html)
    assert len(quotes) == 2 and "my real words" in quotes[1]
    assert not any("stop all my medicines" in q for q in quotes)
    assert "<em>The lesson asked:</em> What helps?" in html
    assert "<strong>You wrote:</strong>" in html
    assert "<!--" not in html


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40))
def test_any_line_renders_as_exactly_itself(line: str) -> None:
    html = _md().renderInline(escape_line(line))
    expected = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    expected = expected.replace('"', "&quot;")
    assert html == expected.rstrip(" ") or html == expected, (line, html)


@pytest.mark.parametrize(
    "line", ["# h", "  - item", "+ item", "12. item", "3) item", "===", "---"]
)
def test_line_start_markers_are_escaped(line: str) -> None:
    html = _md().render(escape_line(line))
    assert html.startswith("<p>") and line.strip() in html
