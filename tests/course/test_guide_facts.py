"""What docs/authoring.md promises about loading, held to what the loader does."""

from __future__ import annotations

import re
from pathlib import Path

from course.loader import load_course
from tests.course.lesson_text import LESSON, write_folder

OTHER_MODULE = 'schema = 1\n[[modules]]\nid = "n"\ntitle = "N"\nsummary = "N."\n'
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def _order_claims() -> list[tuple[str, str]]:
    """Every "`A-...` (comes) before `B-...`" the guide's file-order bullet states."""
    text = GUIDE.read_text(encoding="utf-8")
    bullet = text[text.index("**file-name order**") :]
    bullet = bullet[: bullet.index("\n- ")]
    return re.findall(r"`(\d+)-\.\.\.` (?:comes )?before `(\d+)-\.\.\.`", bullet)


def test_the_guide_states_file_order_examples() -> None:
    claims = _order_claims()
    assert ("9", "10") in claims and ("03", "025") in claims and len(claims) >= 3


def test_file_order_in_the_guide_is_the_loaders(tmp_path: Path) -> None:
    for first, second in _order_claims():
        names = {
            f"m/{number}-lesson.toml": LESSON.replace('id = "lesson-one"', f'id = "l{number}"')
            for number in (second, first)  # written in the opposite order
        }
        root = write_folder(tmp_path / f"{first}-{second}", names)
        lessons = load_course([root]).course.lessons
        assert [lesson.id for lesson in lessons] == [f"l{first}", f"l{second}"]


def test_duplicate_ids_the_lesson_read_first_wins(tmp_path: Path) -> None:
    """The guide: folders in order, so the earlier folder keeps the id whatever its name."""
    assert "the one **read first** is used" in GUIDE.read_text(encoding="utf-8")
    early = write_folder(tmp_path / "early", {"m/99-z.toml": LESSON})
    late = write_folder(tmp_path / "late", {"m/01-a.toml": LESSON}, course=OTHER_MODULE)
    result = load_course([early, late])
    (problem,) = result.errors
    assert problem.path == late / "m" / "01-a.toml"
    assert [lesson.path for lesson in result.course.lessons] == [early / "m" / "99-z.toml"]


def test_a_folder_named_twice_is_read_once(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "mine", {"m/01-one.toml": LESSON})
    assert load_course([root, root]).problems == ()
