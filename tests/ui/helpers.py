"""Build a CourseApp on a throwaway course and store, and small Pilot helpers."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

from course.loader import load_course
from course.ui.app import CourseApp
from course.ui.textual_fixes import FooterKey
from progress import database_path, open_store
from tests.course.lesson_text import COURSE, write_folder

UI_LESSON = """\
id = "first"
module = "m"
title = "First lesson"
minutes = 5
summary = "You learned the first thing."
sources = ["Someone. A paper. 2020."]

[[steps]]
id = "page"
kind = "read"
title = "A page"
body = \"\"\"
Some **important** words.

- one point
- [a link](https://example.org)
\"\"\"

[[steps]]
id = "check"
kind = "quiz"
title = "Check"

[[steps.questions]]
id = "single"
prompt = "Which one is right?"
explanation = "A is right because it is."

[[steps.questions.choices]]
id = "a"
text = "Answer A"
correct = true
feedback = "Yes, A."

[[steps.questions.choices]]
id = "b"
text = "Answer B"
feedback = "No, B is not it."

[[steps.questions]]
id = "multi"
prompt = "Which are right?"
explanation = "X and Y both are."

[[steps.questions.choices]]
id = "x"
text = "Choice X"
correct = true
feedback = "X is right."

[[steps.questions.choices]]
id = "y"
text = "Choice Y"
correct = true
feedback = "Y is right."

[[steps.questions.choices]]
id = "z"
text = "Choice Z"
feedback = "Z is wrong."

[[steps]]
id = "think"
kind = "reflect"
title = "Think"
prompt = "What do you think?"

[[steps]]
id = "todo"
kind = "plan"
title = "Plan"
prompt = "Tick what you will do."
items = [
  { id = "one", text = "Do one thing" },
  { id = "two", text = "Do another" },
]
"""

SECOND_LESSON = """\
id = "second"
module = "m"
title = "Second lesson"
minutes = 5
summary = "The second."
sources = ["Someone. A paper. 2020."]

[[steps]]
id = "page"
kind = "read"
body = "Second page."
"""


def lessons_folder(root: Path, first: str = UI_LESSON) -> Path:
    return write_folder(
        root, {"m/01-first.toml": first, "m/02-second.toml": SECOND_LESSON}, COURSE
    )


def data_folder() -> Path:
    """Under the test's private HOME, so screens show it as ``~/...`` (stable snapshots)."""
    return Path(os.environ["HOME"]) / "data"


def make_app(lessons: Path, data_dir: Path | None = None, acknowledged: bool = True) -> CourseApp:
    data_dir = data_dir or data_folder()
    opened = open_store(database_path(data_dir))
    if acknowledged and opened.store.first_run_acknowledged_at() is None:
        opened.store.acknowledge_first_run()
    return CourseApp(load_course([lessons]), opened.store, opened.notices, data_dir)


@asynccontextmanager
async def running(
    lessons: Path, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[CourseApp, Pilot[None]]]:
    """The app on ``lessons``, settled on its map; its store closed after."""
    app = make_app(lessons)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield app, pilot
    finally:
        app.store.close()


async def settle(pilot: Pilot[None]) -> None:
    """Let pending messages and refreshes finish."""
    await pilot.pause()
    await pilot.pause()


async def choose_lesson(app: CourseApp, pilot: Pilot[None], lesson_id: str) -> None:
    """Pick a lesson on the map with the keyboard, as a learner would."""
    lessons = app.screen.query_one("#map-lessons", OptionList)
    lessons.focus()
    lessons.highlighted = lessons.get_option_index(f"lesson:{lesson_id}")
    await pilot.press("enter")
    await settle(pilot)


async def click_button(pilot: Pilot[None], target: str | Widget) -> None:
    """Click a button and wait out its pressed look, as a person's next click would.

    A Textual button ignores clicks and Enter while it still shows it was
    pressed (0.2 s), so a test clicking faster than that would lose presses,
    and a snapshot taken sooner would show the pressed look.
    """
    await pilot.click(target)
    await settle(pilot)
    button = pilot.app.screen.query_one(target) if isinstance(target, str) else target
    while button.has_class("-active"):
        await pilot.pause(0.05)


def shown_keys(screen: Screen[None]) -> list[str]:
    """The keys the screen's footer shows, in order."""
    return [key.key for key in screen.query(FooterKey) if key.display]


async def open_lesson(pilot: Pilot[None], lesson_id: str, step: int = 0, part: int = 0) -> None:
    """Open a lesson as the map or the palette does: by saying it was chosen."""
    from course.ui.messages import LessonChosen

    pilot.app.post_message(LessonChosen(lesson_id, step, part))
    await settle(pilot)


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 10) -> None:
    """Let the app run until ``condition`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)
