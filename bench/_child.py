"""What runs inside each benchmark subprocess: ``python -m bench._child MODE OUT``.

Each measurement of the app runs in a fresh interpreter, so imports, CSS
parsing and caches are paid exactly as a learner pays them, and one
benchmark's heap never inflates another's memory or garbage collection.
The parent (``bench.app_bench``) prepares a temporary data folder, points
``TRD_COURSE_DATA_DIR`` and ``HOME`` at temporary folders, and reads the JSON
this writes to OUT.

Modes:

- ``startup-minimal`` / ``startup-course``: run the app as its users do
  (the course through ``course.cli.main``, as the ``trd-course`` command
  does), headless at 80x24, and exit on the first frame, recording the clock
  and the peak RSS at that moment.
- ``memory-minimal`` / ``memory-course``: peak RSS at the first screen and,
  for the course, after visiting every step of every bundled lesson.
- ``ui``: the paint timings: the floor (replacing a Static's text) and the
  course's first paint of its longest read step and every step turn.
"""

from __future__ import annotations

import time

T_START = time.perf_counter()  # before anything but the interpreter and runpy

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from itertools import pairwise  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

from bench.probe import forbid_network, peak_rss_mib  # noqa: E402

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

    from course.model import Lesson
    from course.ui.app import CourseApp

SIZE = (80, 24)
THINK_S = 0.5
"""Seconds between keys when stepping through lessons: far quicker than reading,
yet longer than the 0.3 s after which a lesson builds the steps either side, so
the walk sees the app as a reader does (and holds what a reader's app holds)."""
PILOT_THINK_S = 0.6
"""The pause before each key in the Pilot timings. Pilot's press waits until the
app is idle, so work the app does while a page is being read (building the next
step, 0.3 s after a turn) would be billed to the key if the pause were shorter
than that work; 0.6 s is still far quicker than anyone reads a page."""
Result = dict[str, Any]
Turns = dict[str, list[list[float]]]
"""Per turn name, one ``[shown, settled]`` pair of seconds per pass."""


# -- start-up: the real entry point, exited on its first frame ----------------


def _exit_on_first_frame(
    cls: type[App[Any]], result: Result, check: Callable[[Any], bool]
) -> None:
    """Make ``cls.run`` headless, note its first frame that passes ``check``, then exit.

    A frame is the moment Textual hands a screen update to its driver
    (``App._display``): the clock is read there, so work the app queues after
    its first paint is not counted, and work before it always is. Textual
    posts ``Ready`` right after that first paint; the app exits when it is
    handled. The same hooks are put on both apps, so both are measured alike.
    """
    original_display = cls._display

    def display(app: App[Any], screen: Any, renderable: Any) -> None:
        original_display(app, screen, renderable)
        if renderable is not None and "t_frame" not in result and check(app):
            result["t_frame"] = time.perf_counter()
            result["rss_mib"] = peak_rss_mib()
            result["screen"] = type(app.screen).__name__

    def on_ready(app: App[Any]) -> None:
        result["ok"] = "t_frame" in result
        app.exit()

    original_run = cls.run

    def run(app: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=SIZE)
        return original_run(app, *args, **kwargs)

    setattr(cls, "_display", display)  # noqa: B010
    setattr(cls, "on_ready", on_ready)  # noqa: B010
    setattr(cls, "run", run)  # noqa: B010


def startup_minimal(result: Result) -> None:
    from bench.apps import MinimalApp

    _exit_on_first_frame(MinimalApp, result, lambda app: app.query_one("#page").is_mounted)
    MinimalApp().run()


def startup_course(result: Result) -> None:
    from textual.widgets import OptionList

    from course.ui.app import CourseApp
    from course.ui.screens.course_map import MapScreen

    def on_map(app: CourseApp) -> bool:
        screen = app.screen
        return (
            isinstance(screen, MapScreen)
            and screen.query_one("#map-lessons", OptionList).option_count > 0
        )

    _exit_on_first_frame(CourseApp, result, on_map)
    from course.cli import main

    result["exit_code"] = main([])


# -- driving the course ---------------------------------------------------------


def build_course_app() -> CourseApp:
    """The app as ``course.launch.start`` builds it, on the env's data folder."""
    import argparse
    import os

    from course.launch import load
    from course.ui.app import CourseApp
    from progress import database_path, open_store, resolve_data_dir

    data_dir = resolve_data_dir(None, os.environ)
    loaded = load(argparse.Namespace(lessons=None, only=False), data_dir)
    opened = open_store(database_path(data_dir))
    return CourseApp(loaded, opened.store, opened.notices, data_dir)


def map_ready(app: App[Any]) -> Callable[[], bool]:
    from textual.widgets import OptionList

    from bench.drive import on_screen
    from course.ui.screens.course_map import MapScreen

    def ready() -> bool:
        screen = app.screen
        return isinstance(screen, MapScreen) and on_screen(
            screen.query_one("#map-lessons", OptionList)
        )

    return ready


def pages(lesson: Lesson) -> list[tuple[int, int, str]]:
    """Every page of ``lesson`` in reading order, then its summary.

    A page is ``(step index, part, name)``: a quiz shows one question per page.
    """
    from course.model import QuizStep

    found: list[tuple[int, int, str]] = []
    for index, step in enumerate(lesson.steps):
        parts = len(step.questions) if isinstance(step, QuizStep) else 1
        for part in range(parts):
            name = f"{step.kind} q{part + 1}" if parts > 1 else step.kind
            found.append((index, part, name))
    found.append((len(lesson.steps), 0, "end"))
    return found


def step_ready(app: App[Any], lesson: Lesson, index: int, part: int = 0) -> Callable[[], bool]:
    """The lesson's step ``index`` (or its summary), at page ``part``, is on screen alone."""
    from textual.containers import VerticalScroll

    from bench.drive import on_screen
    from course.ui.screens.lesson import LessonScreen
    from course.ui.widgets.quiz_view import QuizView
    from course.ui.widgets.summary_view import SummaryView

    def ready() -> bool:
        screen = app.screen
        if not isinstance(screen, LessonScreen) or screen.lesson is not lesson:
            return False
        if screen.index != index:
            return False
        # Only the shown view counts: a screen may keep others mounted but hidden.
        body = screen.query_one("#step-body", VerticalScroll)
        views = [view for view in body.children if view.display]
        if len(views) != 1:
            return False
        view = views[0]
        if index >= len(lesson.steps):
            return isinstance(view, SummaryView) and on_screen(view)
        if getattr(view, "step", None) is not lesson.steps[index]:
            return False
        if isinstance(view, QuizView):
            return view.part == part and view.current().display and on_screen(view.current())
        return on_screen(view)

    return ready


def turn_name(lesson: Lesson, here: tuple[int, int, str], there: tuple[int, int, str]) -> str:
    step = lesson.steps[here[0]]
    return f"{lesson.id}/{step.id}: {here[2]} -> {there[2]}"


async def leave_text_box(pilot: Pilot[Any]) -> None:
    """Tab out of a reflection or an input first, as a learner does, so "n" turns."""
    from textual.widgets import Input, TextArea

    from bench.drive import send_key, settle

    app = pilot.app
    if isinstance(app.focused, TextArea | Input):
        send_key(app, "tab")
        await settle(pilot, lambda: not isinstance(app.focused, TextArea | Input))


async def read_a_moment(pilot: Pilot[Any]) -> None:
    """Pause as a reader would before the next key, then let the app go quiet.

    Work an app does in the background between keys (a timer, building the
    next step ahead of time) is then not billed to the next key, just as a
    learner, who reads for seconds, would never wait for it.
    """
    from bench.drive import settle

    await asyncio.sleep(THINK_S)
    await settle(pilot, lambda: True)


async def walk_lesson(
    pilot: Pilot[Any], app: CourseApp, lesson: Lesson, times: Turns | None
) -> None:
    """Open ``lesson``, press "n" through every step to its summary, back to the map."""
    from bench.drive import press_and_settle, send_key, settle
    from course.ui.messages import LessonChosen

    app.post_message(LessonChosen(lesson.id))
    await settle(pilot, step_ready(app, lesson, 0))
    walk = pages(lesson)
    for here, there in pairwise(walk):
        await leave_text_box(pilot)
        await read_a_moment(pilot)
        timing = await press_and_settle(pilot, "n", step_ready(app, lesson, there[0], there[1]))
        if times is not None:
            name = turn_name(lesson, here, there)
            times.setdefault(name, []).append([timing.shown, timing.settled])
    send_key(app, "escape")
    await settle(pilot, map_ready(app))


def longest_read_step(app: CourseApp) -> tuple[Lesson, int, int]:
    """The bundled read step with the most words: the heaviest page to paint."""
    from course.model import ReadStep

    best: tuple[Lesson, int, int] | None = None
    for lesson in app.session.course.lessons:
        for index, step in enumerate(lesson.steps):
            if isinstance(step, ReadStep):
                words = len(step.body.split())
                if best is None or words > best[2]:
                    best = (lesson, index, words)
    if best is None:
        raise SystemExit("the bundled course has no read step")
    return best


# -- memory -----------------------------------------------------------------------


async def memory_minimal(result: Result) -> None:
    from bench.apps import MinimalApp
    from bench.drive import on_screen, settle

    app = MinimalApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: on_screen(app.query_one("#page")))
        result["rss_first_mib"] = peak_rss_mib()


async def memory_course(result: Result, lessons: int | None) -> None:
    from bench.drive import settle

    app = build_course_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, map_ready(app))
        # As a learner sits at the map: with the lesson code and styles read ahead.
        await asyncio.sleep(THINK_S)
        await settle(pilot, map_ready(app))
        result["rss_first_mib"] = peak_rss_mib()
        steps = 0
        for lesson in app.session.course.lessons[:lessons]:
            await walk_lesson(pilot, app, lesson, None)
            steps += len(pages(lesson)) - 1  # every turn, quiz questions included
        result["rss_all_mib"] = peak_rss_mib()
        result["steps"] = steps
    app.store.close()


# -- paint timings -------------------------------------------------------------------


def longest_pages(app: CourseApp, count: int) -> tuple[str, ...]:
    """The ``count`` longest read pages, for the floor to show as plain text."""
    from course.model import ReadStep

    bodies = [
        step.body
        for lesson in app.session.course.lessons
        for step in lesson.steps
        if isinstance(step, ReadStep)
    ]
    return tuple(sorted(bodies, key=lambda body: len(body.split()), reverse=True)[:count])


async def ui(result: Result, passes: int, runs: int, lessons: int | None) -> None:
    """The floor first, then the course, in this one process ("the same shell").

    The floor shows the two longest pages as plain text in a Static, so it
    differs from a read step only in what the course adds: Markdown, the
    lesson screen and its controls, and saving the position. It is cheap and
    noisy, so it gets twice ``runs``.
    """
    from bench.apps import MinimalApp
    from bench.drive import on_screen, press_and_settle, send_key, settle
    from course.ui.text import markdown

    app = build_course_app()
    lesson, index, words = longest_read_step(app)

    floor = MinimalApp(longest_pages(app, 2))
    floor_times: list[list[float]] = []
    async with floor.run_test(size=SIZE) as pilot:
        page = floor.query_one("#page")
        await settle(pilot, lambda: on_screen(page))
        for turn in range(1, 4 + 2 * runs):  # three warm-up turns, not kept

            def shown(turn: int = turn) -> bool:
                return floor.turns == turn and on_screen(page)

            await read_a_moment(pilot)
            timing = await press_and_settle(pilot, "n", shown)
            if turn > 3:
                floor_times.append([timing.shown, timing.settled])
    result["floor"] = floor_times

    app.store.set_position(lesson.id, lesson.steps[index].id)
    first_paint: list[list[float]] = []
    turns: Turns = {}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, map_ready(app))
        for _ in range(runs):
            markdown.cache_clear()  # a learner's first visit parses the page
            await read_a_moment(pilot)
            timing = await press_and_settle(pilot, "c", step_ready(app, lesson, index))
            first_paint.append([timing.shown, timing.settled])
            send_key(app, "escape")
            await settle(pilot, map_ready(app))
        for _ in range(passes):
            markdown.cache_clear()
            for each in app.session.course.lessons[:lessons]:
                await walk_lesson(pilot, app, each, turns)
    app.store.close()
    result["longest"] = {"lesson": lesson.id, "step": lesson.steps[index].id, "words": words}
    result["first_paint"] = first_paint
    result["turns"] = turns


# -- the same, measured as the issue states it: Pilot press until on screen -------


async def pilot_press_until(pilot: Pilot[Any], key: str, ready: Callable[[], bool]) -> float:
    """Seconds from ``pilot.press(key)`` until ``ready()`` holds, waiting with ``pilot.pause()``.

    Pilot's own waiting (at least one idle check of about 20 ms per call) is in
    both the floor and the course, so the ratio compares what each app adds.
    """
    from textual.css.query import NoMatches

    def shown() -> bool:
        try:
            return ready()
        except NoMatches:  # the new screen is still being composed
            return False

    start = time.perf_counter()
    await pilot.press(key)
    while not shown():
        await pilot.pause()
    return time.perf_counter() - start


async def pilot_floor(app: Any, runs: int) -> list[float]:
    """The Pilot floor: the minimal app replacing its Static's text, after a reader's pause.

    The first three turns warm up; ``2 * runs`` are kept.
    """
    from bench.apps import MinimalApp
    from bench.drive import on_screen

    floor = MinimalApp(longest_pages(app, 2))
    floor_times: list[float] = []
    async with floor.run_test(size=SIZE) as pilot:
        page = floor.query_one("#page")
        await pilot.pause()
        for turn in range(1, 4 + 2 * runs):

            def shown(turn: int = turn) -> bool:
                return floor.turns == turn and on_screen(page)

            await asyncio.sleep(PILOT_THINK_S)
            elapsed = await pilot_press_until(pilot, "n", shown)
            if turn > 3:
                floor_times.append(elapsed)
    return floor_times


async def ui_pilot(result: Result, runs: int, passes: int, lessons: int | None) -> None:
    """Floor and course turns timed with Pilot, as the benchmark targets were set."""
    from course.ui.messages import LessonChosen

    app = build_course_app()
    result["floor"] = await pilot_floor(app, runs)

    from course.ui.text import markdown

    longest, longest_index, _ = longest_read_step(app)
    app.store.set_position(longest.id, longest.steps[longest_index].id)
    first_paint: list[float] = []
    turns: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot_press_until(pilot, "f24", map_ready(app))
        for _ in range(runs):
            markdown.cache_clear()  # a learner's first visit parses the page
            await asyncio.sleep(PILOT_THINK_S)
            opened = step_ready(app, longest, longest_index)
            first_paint.append(await pilot_press_until(pilot, "c", opened))
            await pilot_press_until(pilot, "escape", map_ready(app))
        for _ in range(passes):
            markdown.cache_clear()  # each pass a first visit, as the longest page's runs
            for lesson in app.session.course.lessons[:lessons]:
                app.post_message(LessonChosen(lesson.id))
                await pilot_press_until(pilot, "f24", step_ready(app, lesson, 0))  # no-op key
                walk = pages(lesson)
                for here, there in pairwise(walk):
                    # A reflection is arrived at with the keyboard on the step,
                    # not in its box: "n" turns the page from there as well.
                    await asyncio.sleep(PILOT_THINK_S)
                    ready = step_ready(app, lesson, there[0], there[1])
                    elapsed = await pilot_press_until(pilot, "n", ready)
                    turns.setdefault(turn_name(lesson, here, there), []).append(elapsed)
                await pilot_press_until(pilot, "escape", map_ready(app))
    app.store.close()
    result["first_paint"] = first_paint
    result["turns"] = turns


def main(argv: list[str]) -> int:
    """``MODE OUT [key=value ...]``: run one measurement, write its JSON to OUT."""
    forbid_network()
    mode, out = argv[0], Path(argv[1])
    options = dict(arg.split("=", 1) for arg in argv[2:])
    lessons = int(options["lessons"]) if "lessons" in options else None
    result: Result = {"mode": mode, "t_start": T_START}
    if mode == "startup-minimal":
        startup_minimal(result)
    elif mode == "startup-course":
        startup_course(result)
    elif mode == "memory-minimal":
        asyncio.run(memory_minimal(result))
    elif mode == "memory-course":
        asyncio.run(memory_course(result, lessons))
    elif mode == "ui":
        passes, runs = int(options.get("passes", 1)), int(options.get("runs", 5))
        asyncio.run(ui(result, passes, runs, lessons))
    elif mode == "ui-pilot":
        runs, passes = int(options.get("runs", 5)), int(options.get("passes", 1))
        asyncio.run(ui_pilot(result, runs, passes, lessons))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    out.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
