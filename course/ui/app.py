"""CourseApp: wires the course, the learner's store and the screens together."""

from __future__ import annotations

import gc
import inspect
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from course.lesson_files import LoadResult
from course.ui import crash, textual_fixes
from course.ui.commands import LessonCommands
from course.ui.screens.course_map import MapScreen
from course.ui.session import Session
from progress import Notice, Store

textual_fixes.apply()

THEME_SETTING = "theme"
_REMOVED_COMMANDS = {"Screenshot"}
MAX_PROBLEMS_SHOWN = 50
LESSON_SCREEN = "lesson"
"""The name the one lesson screen is installed under."""
COLLECT_DELAY = 0.1
"""Seconds of quiet after letting widgets go before collecting them."""
PREPARE_DELAY = 0.3
"""Seconds after the first frame before the lesson screen is built ahead."""


def problems_text(load: LoadResult) -> str:
    lines = [p.format() for p in load.errors[:MAX_PROBLEMS_SHOWN]]
    hidden = len(load.errors) - len(lines)
    if hidden > 0:
        lines.append(f"… and {hidden} more.")
    lines += [
        "",
        "The lessons with these problems are left out; the rest of the course works.",
        "Authors: run 'trd-course validate' to see every problem.",
    ]
    return "\n".join(lines)


class CourseApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "trd-course"
    COMMANDS = App.COMMANDS | {LessonCommands}
    BINDINGS = [
        Binding("f1", "help", "Get help now", priority=True, id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("f2", "show_keys", "Keys", id="keys"),
    ]

    def __init__(
        self,
        load: LoadResult,
        store: Store,
        notices: Sequence[Notice] = (),
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.load = load
        self.store = store
        self.notices = tuple(notices)
        self.data_dir = data_dir or store.path.parent
        self.session = Session(load.course, store, self._report_write_error)
        self._crash_log: Path | None = None
        self._collect_timer: Timer | None = None
        saved = store.setting(THEME_SETTING)
        if saved and saved in self.available_themes:
            self.theme = saved  # before the map is built: no restyle of it

    # -- start-up ------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The map is the bottom of the stack: every other screen returns to it."""
        return MapScreen(self.session)

    def on_mount(self) -> None:
        self.show_first_screens()

    def show_first_screens(self) -> None:
        """The welcome and any notices, stacked above the map.

        These screens are imported only when they are shown: most starts
        show the map alone, and each import is start-up time.
        """
        if self.store.first_run_acknowledged_at() is None:
            from course.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.store.path), self._acknowledge)
        if not self.load.errors and not self.notices:
            return
        from course.ui.screens.message import MessageScreen

        if self.load.errors:
            self.push_screen(
                MessageScreen("Some lessons could not be loaded", problems_text(self.load))
            )
        for notice in reversed(self.notices):
            self.push_screen(MessageScreen("About your saved progress", notice.message))

    def on_ready(self) -> None:
        """After the first frame: park start-up's objects where collections skip them.

        Start-up's garbage is collected first: frozen, it would be kept for good.
        """
        gc.collect()
        gc.freeze()
        gc.enable()
        self.set_timer(PREPARE_DELAY, self._prepare_lessons)

    def _prepare_lessons(self) -> None:
        """Ready what the first lesson needs while the map is being read.

        Left to the first lesson, its imports (about 30 ms) and its stylesheet
        (whose first reading makes Textual parse every stylesheet again and
        restyle the app) made the first open of a session take about 215 ms
        against 110 ms for the next ones; building the screen itself took
        another 45 ms. Done before the first frame, this would slow every start
        instead. The screen is built off the stack with Textual's private
        ``_register``, which ``push_screen`` uses; it shows nothing and saves
        nothing until a lesson is opened in it.
        """
        import course.ui.markdown_page  # noqa: F401
        from course.ui.screens.lesson import LessonScreen

        self.read_stylesheets_of(LessonScreen)
        if self.is_screen_installed(LESSON_SCREEN) or not self.session.course.lessons:
            return
        screen = LessonScreen(self.session, self.session.course.lessons[0], shown=False)
        self.install_screen(screen, LESSON_SCREEN)
        self._register(self, screen)

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

    def collect_garbage_soon(self) -> None:
        """Free the widgets of a step or lesson just let go, once the app is quiet.

        A removed widget sits in reference cycles (parent, message pump), so
        only a full collection frees it, and with start-up's objects frozen
        that collection seldom comes on its own: unreclaimed steps piled up to
        several MiB. A full pass over what is left takes a few milliseconds,
        spent while the learner reads.
        """
        if self._collect_timer is not None:
            self._collect_timer.stop()
        self._collect_timer = self.set_timer(COLLECT_DELAY, gc.collect)

    def _acknowledge(self, _: None) -> None:
        self.session.write(self.store.acknowledge_first_run)

    def watch_theme(self, theme: str) -> None:
        if self.store.setting(THEME_SETTING) != theme:
            self.session.write(self.store.set_setting, THEME_SETTING, theme)

    # -- actions ---------------------------------------------------------------

    def action_help(self) -> None:
        from course.ui.screens.help import HelpScreen  # not needed to show the map

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    async def action_quit(self) -> None:
        self.flush()
        self.exit()

    def flush(self) -> None:
        """Save anything still pending on any screen before leaving."""
        from course.ui.screens.lesson import LessonScreen

        for screen in self.screen_stack:
            if isinstance(screen, LessonScreen):
                screen.flush()

    def open_lesson(self, lesson_id: str, step: int = 0) -> None:
        from course.ui.screens.lesson import LessonScreen  # not needed to show the map

        lesson = self.session.course.lesson(lesson_id)
        if lesson is None:
            return
        current = self.screen
        if isinstance(current, LessonScreen):
            current.open(lesson, step)
        elif isinstance(current, MapScreen):
            if not self.is_screen_installed(LESSON_SCREEN):
                # Installed, so going back to the map keeps it: the next
                # lesson opens in the same screen instead of building another.
                self.install_screen(LessonScreen(self.session, lesson, step), LESSON_SCREEN)
                self.push_screen(LESSON_SCREEN)
                return
            kept = self.get_screen(LESSON_SCREEN)
            assert isinstance(kept, LessonScreen)
            kept.open(lesson, step)
            self.push_screen(kept)

    def _report_write_error(self, message: str) -> None:
        self.notify(message, severity="error", timeout=20, markup=False)

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

    # -- when something goes wrong --------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        self._crash_log = crash.write_log(self.data_dir, error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Replace Textual's traceback (with local variables) by a kind message."""
        self._exit_renderables.append(Text(crash.message(self._crash_log)))
        self._close_messages_no_wait()
