"""``trd-course brief``: the page from the command line, private, never replacing by surprise."""

from __future__ import annotations

import io
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from course.cli import main
from course.treatments_wording import brief_wording
from progress import brief_state, open_store
from progress import treatments as rows
from progress.questions import add_question
from progress.treatments import DoseRow, TreatmentRow
from tests.course.lesson_text import LESSON, write_folder


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """10 treatments, 26 check-ins (a year of two-weekly ones), 20 questions."""
    folder = tmp_path / "data"
    with open_store(folder / "progress.db").store as store:
        for n in range(10):
            rows.add_treatment(
                store,
                TreatmentRow(
                    kind="medicine",
                    name=f"Medicine {n}",
                    started=f"{2015 + n}-02",
                    stopped=f"{2015 + n}-09",
                    side_effects="tired, some nausea",
                    why_stopped="little change",
                    helped="a-little",
                    missed_doses="rarely",
                    doses=(
                        DoseRow("1 tablet", f"{2015 + n}-02"),
                        DoseRow("2 tablets", f"{2015 + n}-05"),
                    ),
                ),
            )
        start = datetime(2025, 1, 5, 12, tzinfo=UTC)
        with store._write() as conn:
            for n in range(26):
                conn.execute(
                    "INSERT INTO checkin (form, answers, difficulty, total, item9_panel_shown, "
                    "taken_at) VALUES ('phq9', '[]', NULL, ?, 0, ?)",
                    (20 - n % 15, (start + timedelta(days=14 * n)).isoformat()),
                )
        for n in range(20):
            add_question(store, f"Question number {n}?", "own")
        brief_state.set_goal(store, "Plan the next step")
        store.save_reflection("lesson-one", "think", "PRIVATE REFLECTION")
    return folder


def run(data: Path, lessons: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "--lessons", str(lessons), "--only", "brief", *args])


def test_html_file_is_private_and_small(data: Path, lessons: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    assert run(data, lessons, "--format", "html", "--output", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    size = out.stat().st_size
    assert 2_000 < size < 100_000
    page = out.read_text(encoding="utf-8")
    assert page.count("Question number") == 20
    # The treatments' header and rows, then the last 12 check-ins in three tables
    # side by side (one header each), so the page prints on one sheet.
    assert page.count("<tr>") == 1 + 10 + 3 + 12
    assert page.count('<table class="trend parts-3">') == 3
    assert "PRIVATE REFLECTION" not in page
    assert "<script" not in page and "http" not in page


def test_markdown_sections_in_order(
    data: Path, lessons: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, lessons) == 0
    text = capsys.readouterr().out
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    s = brief_wording().sections
    headings = [
        line.removeprefix("<h2>").removesuffix("</h2>")
        for line in rendered.splitlines()
        if line.startswith("<h2>")
    ]
    assert headings == [
        s[k] for k in ("goal", "questions", "treatments", "checkins", "plan", "notes")
    ]
    assert rendered.index("<h1>") < rendered.index(brief_wording().header[:40])
    assert rendered.rstrip().endswith(
        f"<p><strong>{brief_wording().text['follow_up']}</strong></p>"
    )
    assert "Plan the next step" in rendered
    assert "26 check-ins in all; the last 12 are shown." in text


def test_an_existing_file_is_replaced_only_when_asked(
    data: Path,
    lessons: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "brief.md"
    out.write_text("mine", encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert run(data, lessons, "--output", str(out)) == 1
    assert out.read_text(encoding="utf-8") == "mine"
    assert "left as it was" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert run(data, lessons, "--output", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    out.write_text("mine again", encoding="utf-8")
    out.chmod(0o644)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run(data, lessons, "--output", str(out), "--yes") == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_folder_is_refused(
    data: Path, lessons: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, lessons, "--output", str(tmp_path)) == 2
    assert "is a folder" in capsys.readouterr().err


def test_no_store_no_brief_and_nothing_created(
    tmp_path: Path, lessons: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "nothing"
    assert run(empty, lessons) == 1
    assert "no saved progress" in capsys.readouterr().err
    assert not empty.exists()


def test_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for option in ("--output", "--format", "--yes", "private health information"):
        assert option in shown
