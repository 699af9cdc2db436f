"""CourseApp: composes the course, the learner's session and the screens.

The app owns what no one screen owns: which screen is on top (a lesson was
chosen, a tool was chosen), help on every screen, saving before it leaves,
and the promise that nothing leaves the machine. Screens and widgets say what
happened with messages (``course.ui.messages``); nothing imports this class.
"""

from __future__ import annotations

import inspect
import signal
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from rich.text import Text
from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from course import collection
from course.lesson_files import LoadResult
from course.session import Session
from course.ui import textual_fixes
from course.ui.commands import LessonCommands
from course.ui.focus_cursor import FollowsFocus
from course.ui.messages import LessonChosen, StepsLetGo, TextNotSaved, ToolChosen
from course.ui.reopens import Reopens
from course.ui.screens.course_map import MapScreen
from course.ui.unsaved import UnsavedTexts
from progress import Notice, Store

textual_fixes.apply()

THEME_SETTING = "theme"
_REMOVED_COMMANDS = {"Screenshot"}
MAX_PROBLEMS_SHOWN = 50
LESSON_SCREEN = "lesson"
"""The name the one lesson screen is installed under."""


def problems_text(load: LoadResult, validate_hint: str = "trd-course validate") -> str:
    lines = [p.format() for p in load.errors[:MAX_PROBLEMS_SHOWN]]
    hidden = len(load.errors) - len(lines)
    if hidden > 0:
        lines.append(f"… and {hidden} more.")
    lines += [
        "",
        "The lessons with these problems are left out; the rest of the course works.",
        f"Authors: run '{validate_hint}' to see every problem.",
    ]
    return "\n".join(lines)


class CourseApp(FollowsFocus, textual_fixes.KindCrash):
    CSS_PATH = "app.tcss"
    TITLE = "trd-course"
    COMMANDS = textual_fixes.KindCrash.COMMANDS | {LessonCommands}
    BINDINGS = [
        Binding("f1", "help", "Get help now", priority=True, id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("f2", "show_keys", "Keys", priority=True, id="keys"),  # dialogs too
    ]

    prepare_delay = 0.3
    """Seconds after the first frame before the lesson code is readied (tests may set it)."""
    collect_delay = 0.1
    """Seconds of quiet after widgets are let go before they are collected."""

    def __init__(
        self,
        load: LoadResult,
        store: Store,
        notices: Sequence[Notice] = (),
        data_dir: Path | None = None,
        validate_hint: str = "trd-course validate",
    ) -> None:
        super().__init__()
        self.validate_hint = validate_hint
        """The command that shows an author this start's lesson problems."""
        self.load = load
        self.store = store
        self.notices = tuple(notices)
        self.data_dir = data_dir or store.path.parent
        self.crash_folder = self.data_dir
        self.session = Session(
            load.course, store, self.report_write_error, on_saved=self.report_saved
        )
        self.lessons_ready = False
        """True once the lesson code and styles are read (tests wait on it)."""
        self._collect_timer: Timer | None = None
        self.unsaved = UnsavedTexts()
        """Text typed that could not be saved: printed after the course closes."""
        saved = self.session.setting(THEME_SETTING)
        if saved and saved in self.available_themes:
            self.theme = saved  # before the map is built: no restyle of it

    # -- start-up ------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The map is the bottom of the stack: every other screen returns to it."""
        return MapScreen(self.session)

    def on_mount(self) -> None:
        self.show_first_screens()
        self.save_on_hangup()
        self.set_interval(self.retry_every, self.retry_writes)

    retry_every = 0.5
    """Seconds between tries of writes kept while another program held the store."""

    def retry_writes(self) -> None:
        if self.session.is_waiting:
            self.session.retry_waiting()

    def show_first_screens(self) -> None:
        """The welcome and any notices, stacked above the map.

        These screens are imported only when they are shown: most starts
        show the map alone, and each import is start-up time.
        """
        if self.session.first_run_pending():
            from course.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.store.path), self.acknowledge)
        if not self.load.errors and not self.notices:
            return
        from course.ui.screens.message import MessageScreen

        if self.load.errors:
            self.push_screen(
                MessageScreen(
                    "Some lessons could not be loaded",
                    problems_text(self.load, self.validate_hint),
                )
            )
        for notice in reversed(self.notices):
            self.push_screen(MessageScreen("About your saved progress", notice.message))

    def on_ready(self) -> None:
        collection.settle_after_start()
        self.set_timer(self.prepare_delay, self.prepare_lessons)

    def prepare_lessons(self) -> None:
        """Ready what the first lesson needs while the map is being read.

        Left to the first lesson, its imports and its stylesheet (whose first
        reading makes Textual parse every stylesheet again and restyle the
        app) made the first open of a session twice as slow as the next ones.
        Done before the first frame, this would slow every start instead.
        """
        import course.ui.markdown_page  # noqa: F401
        from course.ui.screens.lesson import LessonScreen

        self.read_stylesheets_of(LessonScreen)
        self.lessons_ready = True

    def read_stylesheets_of(self, screen: type[Screen[Any]]) -> None:
        """Read a screen's CSS files now, so showing it first needs no re-parse.

        Textual reads a screen's ``CSS_PATH`` when it is first shown, keyed by
        the resolved path, as here; if a later Textual keys it otherwise, it
        reads the file again then, which costs time, not correctness.
        """
        listed = screen.CSS_PATH or []
        folder = Path(inspect.getfile(screen)).parent
        paths = [listed] if isinstance(listed, str | PurePath) else listed
        resolved = [(folder / path).resolve() for path in paths]
        unread = [path for path in resolved if not self.stylesheet.has_source(str(path), "")]
        if not unread:
            return
        for path in unread:
            self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    @on(StepsLetGo)
    def collect_soon(self) -> None:
        """Free the widgets a screen let go of, once the app is quiet."""
        if self._collect_timer is not None:
            self._collect_timer.stop()
        self._collect_timer = self.set_timer(self.collect_delay, collection.collect)

    def acknowledge(self, _: None) -> None:
        self.session.acknowledge_first_run()

    def watch_theme(self, theme: str) -> None:
        self.session.set_setting(THEME_SETTING, theme)

    # -- choosing where to go ------------------------------------------------

    @on(LessonChosen)
    def open_lesson(self, message: LessonChosen) -> None:
        """Show the chosen lesson in the one lesson screen, kept between lessons."""
        from course.ui.screens.lesson import LessonScreen  # not needed to show the map

        lesson = self.session.course.lesson(message.lesson_id)
        if lesson is None:
            return
        current = self.screen
        if isinstance(current, LessonScreen):
            current.open(lesson, message.step, message.part)
            return
        if not self.is_screen_installed(LESSON_SCREEN):
            # Installed, so going back to the map keeps it: the next lesson
            # opens in the same screen instead of building another.
            screen = LessonScreen(self.session, lesson, message.step, message.part)
            self.install_screen(screen, LESSON_SCREEN)
            self.push_screen(LESSON_SCREEN)
            return
        kept = self.get_screen(LESSON_SCREEN)
        assert isinstance(kept, LessonScreen)
        kept.open(lesson, message.step, message.part)
        self.push_screen(kept)

    @on(ToolChosen)
    async def open_tool(self, message: ToolChosen) -> None:
        """Show one of the learner's tools over whatever is on screen (F1 stays one key).

        A tool screen that can bring itself up to date (``reopen``) is built
        once and kept, like the lesson screen: opening it again is a push,
        not a build. If it is already on the stack under other screens (the
        plan opened from F1 while writing in it), the screens above it are
        closed when that loses nothing, so there is only ever one copy of a
        part being written.
        """
        from course.ui.tools import tool

        chosen = tool(message.tool)
        if chosen is None or not chosen.available():
            return
        if getattr(self.screen, "tool_id", None) == chosen.id:
            return  # already open
        name = f"tool-{chosen.id}"
        if not self.is_screen_installed(name):
            built = chosen.build(self.session)
            if not isinstance(built, Reopens):
                self.push_screen(built)
                return
            self.install_screen(built, name)
        kept = self.get_screen(name)
        if kept in self.screen_stack:
            above = self.screen_stack[self.screen_stack.index(kept) + 1 :]
            if all(self._closes_losing_nothing(screen) for screen in above):
                for _ in above:
                    self.pop_screen()
                return
            self.push_screen(chosen.build(self.session))  # a second, separate copy
            return
        assert isinstance(kept, Reopens)
        await kept.reopen()
        self.push_screen(kept)

    def _closes_losing_nothing(self, screen: Screen[Any]) -> bool:
        from course.ui.screens.help import HelpScreen
        from course.ui.screens.keys import KeysScreen

        return self.is_screen_installed(screen) or isinstance(screen, HelpScreen | KeysScreen)

    # -- actions ---------------------------------------------------------------

    def action_help(self) -> None:
        from course.ui.screens.help import HelpScreen  # not needed to show the map

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.session))

    def action_show_keys(self) -> None:
        from course.ui.screens.keys import KeysScreen, screen_keys

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(screen_keys(self.screen)))

    async def action_quit(self) -> None:
        self.flush()
        if not self.session.save_waiting_before_leaving():
            self.notify(
                "Some of what you did is not saved yet: another program is using your "
                "progress file. Close it, then quit again.",
                severity="error",
                timeout=20,
                markup=False,
            )
            return
        self.exit(message=self.saved_line())

    def saved_line(self) -> str | Text:
        """What is printed after the course closes: that nothing was left unsaved, or what was."""
        unsaved = self.unsaved.leaving_text(self.store.path, self.store.read_only)
        if unsaved is not None:
            return unsaved
        return f"trd-course: everything is saved, in {self.store.path}."

    @on(TextNotSaved)
    def keep_unsaved(self, message: TextNotSaved) -> None:
        self.unsaved.keep(message)

    def flush(self) -> None:
        """Save anything still pending on any screen (typing mid-pause) before leaving."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if callable(flush):
                flush()
            for text in getattr(screen, "unsaved_texts", list)():
                self.unsaved.keep(text)  # now: a message would arrive after the exit

    def save_on_hangup(self) -> None:
        """Closing the terminal (SIGHUP) or being told to stop (SIGTERM) saves first.

        Without this, text typed in the last moments before the window closed
        was lost: Python's default for both signals ends the process at once.
        """
        import asyncio

        try:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(signum, self.save_and_leave)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # no signals here (not the main thread, or another platform)

    def save_and_leave(self) -> None:
        self.flush()
        self.session.save_waiting_before_leaving()
        self.exit(message=self.saved_line())

    def report_write_error(self, message: str) -> None:
        self.notify(message, severity="error", timeout=20, markup=False)

    def report_saved(self, message: str) -> None:
        self.notify(message, timeout=8, markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _REMOVED_COMMANDS:
                yield command

    # -- nothing leaves the machine -------------------------------------------

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.notify(f"The course does not open links. The address is: {url}", markup=False)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Screenshots would write the learner's reflections to a file: refused."""

    def deliver_screenshot(self, *args: object, **kwargs: object) -> str | None:
        return None
