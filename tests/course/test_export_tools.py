"""The notes export includes the learner's safety plan and check-in table."""

from __future__ import annotations

from pathlib import Path

from course.cli import main
from progress import database_path, open_store
from progress.safety_plan import save_part


def test_export_has_the_safety_plan_and_the_check_in_table(tmp_path: Path, capsys: object) -> None:
    data = tmp_path / "data"
    with open_store(database_path(data)).store as store:
        store.mark_started("what-trd-means")
        save_part(store, "helpers", "My sister Ana, 555-0123")
        from course.session_safety import CheckinDoor

        CheckinDoor(store, lambda action, *a, **k: action(*a, **k)).save(
            (1, 1, 1, 1, 1, 1, 1, 1, 0), 1, False
        )
    out = tmp_path / "notes.md"
    assert main(["--data-dir", str(data), "export", "--output", str(out)]) == 0
    text = out.read_text()
    assert "My sister Ana, 555-0123" in text
    assert "| " in text and "8" in text.split("My sister Ana")[1]
