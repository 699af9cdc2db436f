"""The shipped JSON Schema: built from the validator's definitions, and agreeing with it.

``taplo`` (from the test extra, a binary that needs no network) checks files
with the shipped schema as an editor would: every bundled lesson passes, and
every broken fixture the validator rejects is rejected too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from course import json_schema, lesson_format
from course.cli import main
from course.loader import load_course
from course.paths import bundled_lessons

SHIPPED = Path(json_schema.__file__).with_name(json_schema.SCHEMA_FILE)
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "schema"
BROKEN = sorted(FIXTURES.glob("[0-9]*.toml"))


def _taplo() -> str:
    found = shutil.which("taplo", path=str(Path(sys.executable).parent)) or shutil.which("taplo")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("taplo is missing: it is in the [test] extra (pip install '.[test]')")
        pytest.skip("taplo is not installed (pip install '.[test]')")
    return found


def _taplo_check(files: list[Path], schema: Path = SHIPPED) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_taplo(), "check", "--schema", schema.resolve().as_uri(), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=files[0].parent,
        env={**os.environ, "RUST_LOG": "error", "NO_COLOR": "1"},
    )


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == json_schema.text(), (
        "course/lesson.schema.json is out of date: run "
        ".venv/bin/trd-course schema --output course/lesson.schema.json"
    )


def test_the_schema_names_every_key_the_validator_reads() -> None:
    from course import schema

    defs = json_schema.build()["definitions"]
    assert tuple(defs["lesson"]["properties"]) == schema.LESSON_KEYS
    assert tuple(defs["course"]["properties"]) == schema.COURSE_KEYS
    assert tuple(defs["question"]["properties"]) == schema.QUESTION_KEYS
    assert tuple(defs["choice"]["properties"]) == schema.CHOICE_KEYS
    assert set(defs["step"]["properties"]) == set(schema.ALL_STEP_KEYS)
    assert defs["step"]["properties"]["kind"]["enum"] == list(schema.STEP_KINDS)
    assert defs["lesson"]["properties"]["minutes"]["maximum"] == schema.MAX_MINUTES
    assert defs["lesson"]["properties"]["id"]["pattern"] == f"^{schema.ID_PATTERN.pattern}$"


def test_every_bundled_file_passes_taplo_with_the_shipped_schema() -> None:
    folder = bundled_lessons()
    files = [folder / "course.toml", *sorted(folder.glob("*/*.toml"))]
    assert len(files) > 10
    run = _taplo_check(files)
    assert run.returncode == 0, run.stderr[-3000:]


def test_a_valid_file_with_every_optional_key_passes_both() -> None:
    valid = FIXTURES / "valid-renamed.toml"
    run = _taplo_check([valid])
    assert run.returncode == 0, run.stderr[-3000:]
    result = load_course([bundled_lessons()], [valid])
    assert result.errors == (), [p.format() for p in result.errors]


@pytest.mark.parametrize("fixture", BROKEN, ids=[p.stem for p in BROKEN])
def test_each_broken_fixture_is_rejected_by_both(tmp_path: Path, fixture: Path) -> None:
    text = fixture.read_text(encoding="utf-8")
    expected = text.splitlines()[1 if "modules" in text else 0].split("The validator: ")[-1]
    if "[[modules]]" in text:
        folder = tmp_path / "pack"
        folder.mkdir()
        (folder / "course.toml").write_text(text, encoding="utf-8")
        result = load_course([bundled_lessons()], course_files=[folder / "course.toml"])
    else:
        result = load_course([bundled_lessons()], [fixture])
    messages = [p.message for p in result.errors]
    assert messages, f"the validator accepted {fixture.name}"
    wanted = expected.split("; ")[0].split(" (")[0]
    assert any(wanted.split(",")[0] in m for m in messages), (wanted, messages)
    run = _taplo_check([fixture])
    assert run.returncode != 0, f"the schema accepted {fixture.name}"
    assert "error" in run.stderr


# Every required key and every type, from the definitions themselves -----------

BASE: dict[str, Any] = {
    "id": "generated",
    "module": "understanding",
    "title": "A lesson",
    "minutes": 5,
    "summary": "What it covers.",
    "steps": [
        {"id": "page", "kind": "read", "body": "Text."},
        {
            "id": "check",
            "kind": "quiz",
            "questions": [
                {
                    "id": "q",
                    "prompt": "Which?",
                    "choices": [
                        {"id": "a", "text": "A", "correct": True},
                        {"id": "b", "text": "B"},
                    ],
                }
            ],
        },
        {"id": "think", "kind": "reflect", "prompt": "Why?"},
        {"id": "todo", "kind": "plan", "prompt": "Do.", "items": [{"id": "i", "text": "I"}]},
    ],
}


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"


def _toml(document: dict[str, Any]) -> str:
    return "".join(f"{key} = {_toml_value(value)}\n" for key, value in document.items())


def _tables(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    quiz = document["steps"][1]
    return {
        "lesson": document,
        "read": document["steps"][0],
        "quiz": quiz,
        "question": quiz["questions"][0],
        "choice": quiz["questions"][0]["choices"][0],
        "reflect": document["steps"][2],
        "plan": document["steps"][3],
        "item": document["steps"][3]["items"][0],
    }


def _keys(name: str) -> dict[str, lesson_format.Key]:
    if name in lesson_format.STEP_KIND:
        return lesson_format.step_keys(name)
    return lesson_format.TABLES[name]


WRONG = {"id": 5, "text": 5, "markdown": 5, "minutes": "5", "boolean": "yes", "ids": "x"}
WRONG |= {"texts": "x", "tables": "x", "step-kind": "walk", "version": 2}


def _mutations() -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    for name in _tables(BASE):
        for key, spec in _keys(name).items():
            if spec.required and key != "kind":
                document = json.loads(json.dumps(BASE))
                del _tables(document)[name][key]
                cases.append((f"{name} without {key}", document))
            document = json.loads(json.dumps(BASE))
            _tables(document)[name][key] = WRONG[spec.kind]
            cases.append((f"{name} with a wrong {key}", document))
        document = json.loads(json.dumps(BASE))
        _tables(document)[name]["bogus"] = 1
        cases.append((f"{name} with an unknown key", document))
    return cases


def test_schema_and_validator_agree_on_every_key(tmp_path: Path) -> None:
    """Each required key left out, each key of the wrong type, an unknown key in each table."""
    module = (
        'schema = 1\ntitle = "T"\n[[modules]]\nid = "understanding"\ntitle = "U"\nsummary = "U."\n'
    )
    (tmp_path / "course.toml").write_text(module, encoding="utf-8")
    header = [tmp_path / "course.toml"]
    base = tmp_path / "base.toml"
    base.write_text(_toml(BASE), encoding="utf-8")
    assert load_course([], [base], header).errors == ()
    assert _taplo_check([base]).returncode == 0
    cases = _mutations()
    assert len(cases) > 50
    paths = []
    for index, (_, document) in enumerate(cases):
        path = tmp_path / f"case-{index}.toml"
        path.write_text(_toml(document), encoding="utf-8")
        paths.append(path)
    run = _taplo_check(paths)  # one run: it names each file it rejects
    refused = {Path(p) for p in re.findall(r'invalid file .*?path="([^"]+)"', run.stderr)}
    # taplo checks files in parallel and its log lines can interleave on a busy
    # machine, so a file the batch did not name is asked about on its own.
    refused |= {p for p in paths if p not in refused and _taplo_check([p]).returncode != 0}
    disagreements = [
        (label, validator, editor)
        for (label, _), path in zip(cases, paths, strict=True)
        if not (
            (validator := bool(load_course([], [path], header).errors))
            and (editor := path in refused)
        )
    ]
    assert disagreements == []


def test_schema_command_prints_and_writes_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema.build()
    target = tmp_path / "editor" / "lesson.schema.json"
    target.parent.mkdir()
    old = os.umask(0o077)
    try:
        assert main(["schema", "--output", str(target)]) == 0
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == json_schema.text()
    assert target.stat().st_mode & 0o777 == 0o644
    assert main(["schema", "--output", str(tmp_path / "missing" / "x.json")]) == 1
    assert "cannot write" in capsys.readouterr().err
