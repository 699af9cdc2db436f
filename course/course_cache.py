"""The checked course, kept between starts so a start need not check it again.

Reading and checking every lesson is the largest part of start-up the course
controls (about 6 ms for the bundled fourteen, and importing the TOML parser
besides), and a learner starts the same lessons again and again. So the
result is kept in the data folder beside a fingerprint of everything it came
from: each file's path, size and modification time, and the same of the code
that checked them. Any difference, or any trouble reading the copy, means a
full load, as on the first start; the copy holds lesson text only, never
anything the learner wrote.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from course import __version__
from course.lesson_files import COURSE_FILE, LoadResult, find_lesson_files

CACHE_FILE = Path("cache") / "lessons.pickle"
"""Where the copy lives, inside the data folder."""

Fingerprint = tuple[object, ...]


def _stamp(path: Path) -> tuple[str, int, int] | tuple[str]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path),)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def fingerprint(folders: Sequence[Path]) -> Fingerprint:
    """What a load of ``folders`` depends on: its files, this code, this Python."""
    code = Path(__file__).parent
    parts: list[object] = [__version__, sys.version]
    parts += [_stamp(path) for path in sorted(code.glob("*.py"))]
    for folder in folders:
        files, problems = find_lesson_files(folder)
        parts.append(_stamp(folder / COURSE_FILE))
        parts += [_stamp(path) for path in files]
        parts += [problem.format() for problem in problems]
    return tuple(parts)


def load_with_cache(folders: Sequence[Path], data_dir: Path) -> tuple[LoadResult, Fingerprint]:
    """The kept course if it still matches ``folders``, else a fresh load.

    Returns the fingerprint to give ``keep`` once the data folder is known to
    be usable, or ``()`` when the kept copy was used and nothing needs writing.
    """
    key = fingerprint(folders)
    try:
        with (data_dir / CACHE_FILE).open("rb") as handle:
            kept_key, kept = pickle.load(handle)
        if kept_key == key and isinstance(kept, LoadResult):
            return kept, ()
    except Exception:  # a missing or damaged copy only means a full load
        pass
    from course.loader import load_course  # the checks and the TOML parser, only now

    return load_course(folders), key


def keep(result: LoadResult, key: Fingerprint, data_dir: Path) -> None:
    """Write the copy, readable only by the learner; a failure costs only speed."""
    if not key:
        return
    path = data_dir / CACHE_FILE
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump((key, result), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError, RecursionError):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
