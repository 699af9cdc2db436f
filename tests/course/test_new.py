"""``trd-course new`` as an author meets it: numbering, names, validity, never overwriting."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course import scaffold
from course.cli import main
from course.loader import LoadResult, load_course
from course.model import PlanStep, QuizStep
from course.paths import bundled_lessons
from course.schema import ID_PATTERN
from tests.course.lesson_text import LESSON


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every run away from the real home folder, --dir or not."""
    data = tmp_path / "data"
    monkeypatch.setenv("TRD_COURSE_DATA_DIR", str(data))
    return data


def _new(
    capsys: pytest.CaptureFixture[str], folder: Path, module: str, title: str
) -> tuple[int, str, str]:
    code = main(["new", f"--module={module}", f"--title={title}", f"--dir={folder}"])
    out, err = capsys.readouterr()
    return code, out, err


def _made(capsys: pytest.CaptureFixture[str], folder: Path, module: str, title: str) -> Path:
    code, out, err = _new(capsys, folder, module, title)
    assert code == 0, err
    path = Path(out.splitlines()[0])
    assert path.is_file()
    return path


STARTER = "still holds the starter text from 'trd-course new'"


def _only_starter_text(result: LoadResult) -> None:
    """No errors; the author's files warn only about the text left to replace.

    Bundled lessons are rewritten by others while this runs, so their warnings
    (a long page, say) are not this test's business; their errors would be.
    """
    assert result.errors == (), "\n".join(p.format() for p in result.errors)
    bundled = bundled_lessons().resolve()
    own = [p for p in result.warnings if not p.path.resolve().is_relative_to(bundled)]
    assert own and all(STARTER in p.message for p in own), "\n".join(p.format() for p in own)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


# Numbering -----------------------------------------------------------------


def test_first_lesson_is_01_and_the_next_is_02(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    first = _made(capsys, folder, "sleep", "Sleep basics")
    second = _made(capsys, folder, "sleep", "Winding down")
    assert first == folder / "sleep" / "01-sleep-basics.toml"
    assert second == folder / "sleep" / "02-winding-down.toml"


def test_number_follows_the_highest_in_the_module_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    (folder / "sleep").mkdir(parents=True)
    (folder / "sleep" / "02-early.toml").write_text("# draft\n")
    (folder / "sleep" / "07-later.toml").write_text("# draft\n")
    (folder / "sleep" / "notes.txt").write_text("not a lesson\n")
    path = _made(capsys, folder, "sleep", "Next one")
    assert path.name == "08-next-one.toml"


def test_other_modules_do_not_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    (folder / "other").mkdir(parents=True)
    (folder / "other" / "09-x.toml").write_text("# draft\n")
    assert _made(capsys, folder, "sleep", "First").name == "01-first.toml"


def test_lesson_joining_a_bundled_module_comes_after_its_lessons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = load_course([bundled_lessons()]).course.module("understanding")
    assert bundled is not None and bundled.lessons
    last = max(scaffold.file_number(lesson.path.name) or 0 for lesson in bundled.lessons)
    path = _made(capsys, tmp_path / "mine", "understanding", "One more thing")
    assert path.name == f"{last + 1:02d}-one-more-thing.toml"
    result = load_course([bundled_lessons(), tmp_path / "mine"])
    module = result.course.module("understanding")
    assert module is not None
    assert module.lessons[-1].id == "one-more-thing"


def test_next_number_reads_only_numbered_toml_names() -> None:
    assert scaffold.next_number([]) == 1
    assert scaffold.next_number(["01-a.toml", "03-b.toml", "10-c.toml.bak", "x.toml"]) == 4
    assert scaffold.next_number(["025-between.toml", "03-c.toml"]) == 26


# Slugs and ids ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Sleep basics", "sleep-basics"),
        ("What's next? (Part 2)", "whats-next-part-2"),
        ("  --Hello,   world!--  ", "hello-world"),
        ("Talking to your GP / doctor", "talking-to-your-gp-doctor"),
        ("Food & mood", "food-and-mood"),
        ("Café crème, naïve résumé", "cafe-creme-naive-resume"),
        ("Ärger über Übung", "arger-uber-ubung"),
        ("睡眠と気分", "lesson"),
        ("!!!", "lesson"),
        ("2 weeks in", "2-weeks-in"),
    ],
)
def test_slug_from_title(title: str, slug: str) -> None:
    assert scaffold.slugify(title) == slug


def test_long_titles_are_cut_at_a_word() -> None:
    title = "A very long title about keeping a steady routine when everything feels heavy"
    slug = scaffold.slugify(title)
    assert slug == "a-very-long-title-about-keeping-a-steady"
    assert len(slug) <= scaffold.SLUG_LIMIT
    one_word = scaffold.slugify("x" * 100)
    assert one_word == "x" * scaffold.SLUG_LIMIT


def test_slugs_are_always_valid_ids() -> None:
    for title in ["-a-", "a" * 39 + " b", "Z" * 41, "é-" * 30, "1"]:
        slug = scaffold.slugify(title)
        assert ID_PATTERN.fullmatch(slug), title
        assert len(slug) <= scaffold.SLUG_LIMIT


def test_id_is_made_unique_against_the_bundled_course(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled_id = load_course([bundled_lessons()]).course.lessons[0].id
    path = _made(capsys, tmp_path / "mine", "sleep", bundled_id.replace("-", " ").title())
    assert path.name == f"01-{bundled_id}-2.toml"
    result = load_course([bundled_lessons(), tmp_path / "mine"])
    _only_starter_text(result)
    assert result.course.lesson(f"{bundled_id}-2") is not None


def test_id_is_made_unique_against_drafts_in_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    (folder / "other").mkdir(parents=True)
    # A draft that does not validate yet still claims its id.
    (folder / "other" / "01-draft.toml").write_text('id = "sleep-basics"\nminutes = "x"\n')
    path = _made(capsys, folder, "sleep", "Sleep basics")
    assert path.name == "01-sleep-basics-2.toml"
    third = _made(capsys, folder, "sleep", "Sleep basics")
    assert third.name == "02-sleep-basics-3.toml"


def test_id_is_made_unique_against_the_data_folder_lessons(
    tmp_path: Path, _data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The course always includes <data folder>/lessons, so its ids are taken too.
    own = _data_dir / "lessons" / "sleep"
    own.mkdir(parents=True)
    (own / "01-sleep-basics.toml").write_text('id = "sleep-basics"\n')
    path = _made(capsys, tmp_path / "elsewhere", "sleep", "Sleep basics")
    assert path.name == "01-sleep-basics-2.toml"


# Never overwrite -----------------------------------------------------------


def test_an_existing_file_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    (folder / "sleep").mkdir(parents=True)
    taken = folder / "sleep" / "01-sleep-basics.toml"
    taken.write_bytes(b"# someone's unfinished work\n")
    path = _made(capsys, folder, "sleep", "Sleep basics")
    assert path != taken
    assert taken.read_bytes() == b"# someone's unfinished work\n"


def test_a_name_taken_after_numbering_moves_to_the_next_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is opened with mode "x": a name taken at the last moment is skipped."""
    folder = tmp_path / "mine"
    (folder / "sleep").mkdir(parents=True)
    for number in (1, 2):
        (folder / "sleep" / f"0{number}-sleep-basics.toml").write_text(f"# {number}\n")
    monkeypatch.setattr(scaffold, "next_number", lambda names: 1)
    path = _made(capsys, folder, "sleep", "Sleep basics")
    assert path.name == "03-sleep-basics.toml"
    assert (folder / "sleep" / "01-sleep-basics.toml").read_text() == "# 1\n"
    assert (folder / "sleep" / "02-sleep-basics.toml").read_text() == "# 2\n"


def test_a_new_course_toml_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    course = 'schema = 1\n\n[[modules]]\nid = "sleep"\ntitle = "Sleep"\nsummary = "Mine."\n'
    (folder / "course.toml").write_text(course)
    _made(capsys, folder, "sleep", "Sleep basics")
    assert (folder / "course.toml").read_text() == course


# The result validates ------------------------------------------------------


@pytest.mark.parametrize("module", ["sleep", "understanding"])
def test_written_lesson_validates_clean_with_the_bundled_course(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], module: str
) -> None:
    folder = tmp_path / "mine"
    title = 'A "quoted" title \\ with a backslash, and ünïcode'
    path = _made(capsys, folder, module, title)
    result = load_course([bundled_lessons(), folder])
    _only_starter_text(result)
    # Every text left to replace is named, at its own line: a to-do list.
    own = [p for p in result.warnings if p.path == path]
    # A value's warning is at its key's line; the page's first line follows "body = \"\"\"".
    expected = [
        number if " = " in line or line.lstrip().startswith('"') else number - 1
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "Replace " in line and not line.startswith("#")
    ]
    assert sorted(p.line for p in own) == expected
    lesson = result.course.lesson(path.stem.split("-", 1)[1])
    assert lesson is not None
    assert (lesson.title, lesson.module, lesson.path) == (title, module, path)
    assert [step.kind for step in lesson.steps] == ["read", "quiz", "reflect", "plan"]
    quiz = lesson.steps[1]
    assert isinstance(quiz, QuizStep) and len(quiz.questions) == 1
    assert 2 <= len(quiz.questions[0].choices) <= 3
    assert len(quiz.questions[0].correct_ids) == 1
    plan = lesson.steps[3]
    assert isinstance(plan, PlanStep) and plan.items

    assert main(["validate", str(folder)]) == 0
    assert " 0 errors, " in capsys.readouterr().out.splitlines()[-1]


def test_every_key_has_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clinician who has never seen TOML finds an explanation above every key."""
    path = _made(capsys, tmp_path / "mine", "sleep", "Sleep basics")
    lines = path.read_text(encoding="utf-8").splitlines()
    explained: set[str] = set()
    for index, line in enumerate(lines):
        if " = " in line and not line.startswith(("#", " ")):
            key = line.split(" = ", 1)[0]
            above = lines[index - 1] if index else ""
            if above.startswith("#"):
                explained.add(key)
    assert explained >= {
        "schema",
        "id",
        "module",
        "title",
        "minutes",
        "summary",
        "sources",
        "kind",
        "body",
        "intro",
        "prompt",
        "explanation",
        "feedback",
        "placeholder",
        "allow_custom",
    }
    text = path.read_text(encoding="utf-8")
    assert "correct = true" in text and "[[steps.items]]" in text


# New modules ---------------------------------------------------------------


def test_a_new_module_is_declared_in_the_folder_course_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    code, _, err = _new(capsys, folder, "daily-habits", "Small steps")
    assert code == 0
    assert "course.toml" in err
    _made(capsys, folder, "daily-habits", "More small steps")
    _made(capsys, folder, "sleep", "Sleep basics")
    first_text = (folder / "course.toml").read_text(encoding="utf-8")
    result = load_course([bundled_lessons(), folder])
    _only_starter_text(result)
    modules = {m.id: m for m in result.course.modules}
    assert modules["daily-habits"].title == "Daily habits"
    assert [lesson.id for lesson in modules["daily-habits"].lessons] == [
        "small-steps",
        "more-small-steps",
    ]
    assert [lesson.id for lesson in modules["sleep"].lessons] == ["sleep-basics"]
    assert first_text.count("[[modules]]") == 2


def test_a_new_module_folder_runs_on_its_own_once_given_a_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The course.toml explains how to name the course for ``--only``; following it works."""
    folder = tmp_path / "mine"
    _made(capsys, folder, "sleep", "Sleep basics")
    course_file = folder / "course.toml"
    text = course_file.read_text(encoding="utf-8")
    assert '# title = "My course"' in text
    alone = load_course([folder])
    assert [p.message for p in alone.errors] == ["missing required key 'title' (a string)"]
    course_file.write_text(text.replace('# title = "My course"', 'title = "My course"'))
    alone = load_course([folder])
    _only_starter_text(alone)
    assert alone.course.title == "My course"


def test_a_bundled_module_is_not_declared_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    _made(capsys, folder, "understanding", "More on this")
    assert not (folder / "course.toml").exists()


def test_an_existing_course_toml_is_extended_not_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    # No newline at the end: the new entry must still start on its own line.
    before = 'schema = 1\n# my note\n\n[[modules]]\nid = "mine"\ntitle = "Mine"\nsummary = "M."'
    (folder / "course.toml").write_text(before)
    (folder / "mine").mkdir()
    (folder / "mine" / "01-x.toml").write_text(
        LESSON.replace('module = "m"', 'module = "mine"').replace("lesson-one", "mine-one")
    )
    _made(capsys, folder, "sleep", "Sleep basics")
    after = (folder / "course.toml").read_text()
    assert after.startswith(before + "\n")
    result = load_course([bundled_lessons(), folder])
    _only_starter_text(result)
    assert [m.id for m in result.course.modules][-2:] == ["mine", "sleep"]


@pytest.mark.parametrize(
    "course",
    [
        'schema = 1\nmodules = [{ id = "mine", title = "Mine", summary = "M." }]\n',
        'schema = 1\n\n[[modules]]\nid = "mine"\ntitle = "unfinished\n',
    ],
    ids=["inline modules", "syntax error"],
)
def test_a_course_toml_it_cannot_extend_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], course: str
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "course.toml").write_text(course)
    code, out, err = _new(capsys, folder, "sleep", "Sleep basics")
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1 and "course.toml" in err
    assert _files(folder) == ["course.toml"]
    assert (folder / "course.toml").read_text() == course


# Where it goes by default --------------------------------------------------


def test_default_folder_is_lessons_in_the_data_folder(
    tmp_path: Path, _data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--module", "sleep", "--title", "Sleep basics"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == _data_dir / "lessons" / "sleep" / "01-sleep-basics.toml"


def test_data_dir_option_wins_over_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "chosen"
    argv = ["--data-dir", str(chosen), "new", "--module", "sleep", "--title", "Sleep basics"]
    assert main(argv) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == chosen / "lessons" / "sleep" / "01-sleep-basics.toml"


# Usage errors --------------------------------------------------------------


@pytest.mark.parametrize("module", ["Sleep", "my module", "-sleep", "sleep_well", "é", ""])
def test_a_bad_module_id_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], module: str
) -> None:
    code, out, err = _new(capsys, tmp_path / "mine", module, "Sleep basics")
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "module id must be lowercase letters, digits and hyphens" in err
    assert not (tmp_path / "mine").exists()


@pytest.mark.parametrize("title", ["", "   ", "Line one\nline two", "Bell\x07", "Tab\there"])
def test_an_empty_or_control_character_title_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    code, out, err = _new(capsys, tmp_path / "mine", "sleep", title)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and "title" in err
    assert not (tmp_path / "mine").exists()


def test_dir_that_is_a_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    code, _, err = _new(capsys, not_a_folder, "sleep", "Sleep basics")
    assert code == 2
    assert "is a file, not a folder" in err


def test_usage_errors_from_the_shell_have_no_traceback(tmp_path: Path) -> None:
    for argv, message in (
        (
            ["new", "--module", "Bad Id", "--title", "x", "--dir", str(tmp_path)],
            "trd-course new: error: the module id must be lowercase letters",
        ),
        (
            ["new", "--title", "x", "--dir", str(tmp_path)],
            "the following arguments are required: --module",
        ),
    ):
        run = subprocess.run(
            [sys.executable, "-m", "course", *argv],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={"TRD_COURSE_DATA_DIR": str(tmp_path / "data"), "PATH": ""},
        )
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert message in run.stderr
    assert _files(tmp_path) == []


# Layers --------------------------------------------------------------------


def test_scaffolding_imports_neither_textual_nor_sqlite() -> None:
    code = (
        "import sys, course.scaffold, course.commands.new; print('\\n'.join(sorted(sys.modules)))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert "sqlite3" not in output
    assert not [m for m in output if m.split(".")[0] in {"textual", "rich"}]


# The authoring guide stays true to the code --------------------------------

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
_MESSAGE_CALLS = {"add", "warn", "error", "_file_problem"}


def _message_fragments(source: Path) -> set[str]:
    """The fixed words of every problem message ``source`` can report."""
    fragments: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name not in _MESSAGE_CALLS:
            continue
        for arg in node.args:
            for sub in ast.walk(arg):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    fragments.add(sub.value.strip(" ;(),'"))
    return {f for f in fragments if len(f) >= 6}


@pytest.mark.parametrize("module", ["schema.py", "loader.py"])
def test_guide_lists_every_validation_message(module: str) -> None:
    guide = GUIDE.read_text(encoding="utf-8").replace("`", "").replace("*", "")
    source = Path(scaffold.__file__).parent / module
    fragments = _message_fragments(source)
    assert len(fragments) > 10
    missing = sorted(f for f in fragments if f not in guide)
    assert not missing, f"docs/authoring.md part 3 should explain: {missing}"


def test_guide_example_lesson_validates_clean(tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    example = next(b for b in blocks if b.startswith("schema = 1\nid = "))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "99-example.toml").write_text(example, encoding="utf-8")
    result = load_course([bundled_lessons(), tmp_path / "mine"])
    own = [p for p in result.problems if p.path.parent == tmp_path / "mine"]
    assert (result.errors, own) == ((), []), "\n".join(p.format() for p in result.problems)
    assert result.course.lesson("sleep-routine") is not None


# Issue 18 and 20: modes, the editor schema, a module id hint -------------------


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_files_are_0644_folders_0755_and_the_data_folder_0700(
    tmp_path: Path, _data_dir: Path, capsys: pytest.CaptureFixture[str], umask: int
) -> None:
    old = os.umask(umask)
    try:
        code = main(["new", "--module", "sleep", "--title", "Sleep basics"])
    finally:
        os.umask(old)
    out, err = capsys.readouterr()
    assert code == 0, err
    lesson = Path(out.splitlines()[0])
    own = _data_dir / "lessons"
    assert lesson.parent.parent == own
    modes = {
        path.relative_to(tmp_path).as_posix(): path.stat().st_mode & 0o777
        for path in (_data_dir, own, lesson.parent, lesson, own / "course.toml")
    }
    assert modes == {
        "data": 0o700,
        "data/lessons": 0o755,
        "data/lessons/sleep": 0o755,
        f"data/lessons/sleep/{lesson.name}": 0o644,
        "data/lessons/course.toml": 0o644,
    }
    assert (own / "lesson.schema.json").stat().st_mode & 0o777 == 0o644


def test_existing_folders_keep_their_modes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    _made(capsys, folder, "sleep", "Sleep basics")
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_new_lesson_names_a_schema_copy_for_editors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from course import json_schema

    folder = tmp_path / "mine"
    lesson = _made(capsys, folder, "sleep", "Sleep basics")
    first = lesson.read_text(encoding="utf-8").splitlines()[0]
    assert first == "#:schema ../lesson.schema.json"
    course_first = (folder / "course.toml").read_text(encoding="utf-8").splitlines()[0]
    assert course_first == "#:schema ./lesson.schema.json"
    copy = folder / "lesson.schema.json"
    assert copy.read_text(encoding="utf-8") == json_schema.text()
    # An outdated copy is refreshed by the next 'new'; the lesson file is never touched.
    copy.write_text("{}", encoding="utf-8")
    _made(capsys, folder, "sleep", "Winding down")
    assert copy.read_text(encoding="utf-8") == json_schema.text()


def test_taplo_reads_the_schema_line_of_a_new_lesson(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an editor would: no --schema option, only the file's own first line."""
    from tests.course.test_json_schema import _taplo

    lesson = _made(capsys, tmp_path / "mine", "sleep", "Sleep basics")
    run = subprocess.run(
        [_taplo(), "check", str(lesson)], capture_output=True, text=True, timeout=60, cwd="/"
    )
    assert run.returncode == 0, run.stderr[-2000:]
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes = 5", "minutes = 0"))
    run = subprocess.run(
        [_taplo(), "check", str(lesson)], capture_output=True, text=True, timeout=60, cwd="/"
    )
    assert run.returncode != 0 and "less than the minimum of 1" in run.stderr


@pytest.mark.parametrize(
    ("given", "suggested"), [("Caregivers", "caregivers"), ("Daily Habits", "daily-habits")]
)
def test_a_capitalised_module_id_gets_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, suggested: str
) -> None:
    code, _, err = _new(capsys, tmp_path / "mine", given, "Sleep basics")
    assert code == 2
    assert f"did you mean '{suggested}'?" in err
