"""The course map (home): Continue, every lesson with its status, overall progress."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from course.session import Place, Session
from course.standing import State
from course.ui.messages import LessonChosen, ToolChosen
from course.ui.text import plain
from course.ui.tools import TOOLS, available_tools
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.meter import Meter

ROWS_MAX_WIDTH = 100
"""The list's max-width in app.tcss."""


def lesson_row(symbol: str, number: str, title: str, details: str, width: int) -> Content:
    """A lesson's row: on one line if it fits, else its details on a line of their own.

    Left to wrap where it fell, "… · not started ·" ended one line and "7 min"
    stood alone on the next; the details now move down together, under the title.
    """
    head = Content.assemble((symbol, "bold"), number, (title, "bold"))
    if head.cell_length + 3 + len(details) <= width:
        return Content.assemble(head, (f" · {details}", "dim"))
    indent = " " * (len(symbol) + len(number))
    return Content.assemble(head, "\n", (f"{indent}{details}", "dim"))


class MapScreen(Screen[None]):
    BINDINGS = [
        Binding("c", "continue", "Continue", id="continue"),
        # Priority, so the list's own arrows do not hide these from the F2 keys.
        Binding(
            "down", "move_in_list(1)", "Down the list", show=False, id="list-down", priority=True
        ),
        Binding("up", "move_in_list(-1)", "Up the list", show=False, id="list-up", priority=True),
        *(
            Binding(t.key, f"tool('{t.id}')", t.title, show=False, id=f"tool-{t.id}")
            for t in TOOLS
        ),
    ]

    suggestion_delay = 1.0
    """Seconds after the first frame before the check-in suggestion is first read."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.continue_place: Place | None = None
        """Where Continue goes, as read at the last refresh."""
        self._row_width = 0
        """The row width the lesson rows were last laid out for."""
        self._suggested = False
        """Whether the check-in suggestion has been read once (later visits read it at once)."""

    def compose(self) -> ComposeResult:
        course = self.session.course
        with Vertical(id="map-top"):
            yield Static(plain(course.title), id="map-title")
            yield Static(id="map-overall")
            yield Meter(id="map-progress")
            yield Static(id="map-checkin")
            yield Button("Continue", id="map-continue", variant="primary", compact=True)
        yield OptionList(id="map-lessons", markup=False)
        yield QuietFooter()

    def on_screen_resume(self) -> None:
        """Also runs when the map first appears: one rebuild serves both."""
        self.refresh_map()
        if self._suggested:
            self.call_after_refresh(self.show_checkin_suggestion)
            return
        # A while after the first frame: neither its paint nor the start's
        # imports wait on the check-in code this read brings in.
        self._suggested = True
        self.call_after_refresh(
            lambda: self.set_timer(self.suggestion_delay, self.show_checkin_suggestion)
        )

    def show_checkin_suggestion(self) -> None:
        """One calm line when a check-in is due (14 days since the last); else nothing."""
        line = self.session.checkins.suggestion(datetime.now(UTC))
        shown = self.query_one("#map-checkin", Static)
        if line is not None:
            shown.update(plain(line))
        shown.display = line is not None

    def refresh_map(self) -> None:
        """Rebuild from the store: cheap, and always shows what was saved."""
        course = self.session.course
        lessons = self.query_one("#map-lessons", OptionList)
        highlighted = lessons.highlighted_option.id if lessons.highlighted_option else None
        options: list[Option] = []
        number = 0
        first_unfinished: str | None = None
        view = self.session.map_view()
        self.continue_place = view.continue_place or self._first_place(view.done)
        standings = view.standings
        row_width = self.row_width()
        self._row_width = row_width
        tools = available_tools()
        if tools:
            options.append(
                Option(Content.styled("Your own tools", "bold"), id="tools", disabled=True)
            )
            for item in tools:
                label = Content.assemble(
                    (f"{item.key} ", "bold"),
                    (item.title, "bold"),
                    (f" · {item.summary}", "dim"),
                )
                options.append(Option(label, id=f"tool:{item.id}"))
        for module in course.modules:
            options.append(
                Option(
                    Content.styled(module.title, "bold"), id=f"module:{module.id}", disabled=True
                )
            )
            for lesson in module.lessons:
                number += 1
                status = standings[lesson.id]
                if first_unfinished is None and status.state is not State.DONE:
                    first_unfinished = f"lesson:{lesson.id}"
                label = lesson_row(
                    f"{status.symbol} ",
                    f"{number}. ",
                    lesson.title,
                    f"{status.describe()} · {lesson.minutes} min",
                    row_width,
                )
                options.append(Option(label, id=f"lesson:{lesson.id}"))
        lessons.clear_options()
        lessons.add_options(options)  # at once: each add_option refreshes the list
        self.query_one("#map-overall", Static).update(
            plain(f"{view.done} of {len(course.lessons)} lessons done")
        )
        self.query_one("#map-progress", Meter).set(view.done, len(course.lessons))
        self.show_continue(self.continue_place, starting=view.continue_place is None)
        self.refresh_bindings()
        # Keep the learner's place in the list; else the first unfinished lesson.
        for option_id in (highlighted, first_unfinished):
            if option_id is not None:
                try:
                    lessons.highlighted = lessons.get_option_index(option_id)
                    return
                except OptionDoesNotExist:
                    pass
        lessons.highlighted = 1 if lessons.option_count > 1 else None

    def row_width(self) -> int:
        """Cells a lesson row has: the list's width less its padding and scroll bar."""
        return min(self.app.size.width, ROWS_MAX_WIDTH) - 4

    def on_resize(self) -> None:
        """Rows are laid out for the width: lay them out again when it changes."""
        if self.is_current and self.row_width() != self._row_width:
            self.refresh_map()

    def _first_place(self, done: int) -> Place | None:
        """Before anything is started, Continue starts the first lesson: a new
        learner's first key after the welcome opens it, and the map says so."""
        if done:
            return None
        first = next((lesson for lesson in self.session.course.lessons if lesson.steps), None)
        return None if first is None else Place(first, 0)

    def show_continue(self, place: Place | None, *, starting: bool = False) -> None:
        button = self.query_one("#map-continue", Button)
        button.display = place is not None
        if place is None:
            self.query_one("#map-lessons", OptionList).focus()
            return
        label = (
            f"Start with: {place.lesson.title} (Enter)"
            if starting
            else f"Continue: {place.lesson.title} "
            f"(step {place.step + 1} of {len(place.lesson.steps)})"
        )
        button.label = plain(label)
        button.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Continue from the footer until there is somewhere to continue to."""
        if action == "continue":
            return self.continue_place is not None
        if action == "tool":
            return any(t.id == parameters[0] for t in available_tools())
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "map-continue":
            event.stop()
            self.action_continue()

    def action_continue(self) -> None:
        # Read again: the store is the truth.
        place = self.session.continue_place() or self._first_place(self.session.map_view().done)
        if place is not None:
            self.open(place)

    def action_move_in_list(self, by: int) -> None:
        """Arrows move through the lessons whatever has focus (Continue, at first)."""
        lessons = self.query_one("#map-lessons", OptionList)
        lessons.focus()
        if by > 0:
            lessons.action_cursor_down()
        else:
            lessons.action_cursor_up()

    def action_tool(self, tool_id: str) -> None:
        self.post_message(ToolChosen(tool_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("tool:"):
            self.action_tool(option_id.removeprefix("tool:"))
            return
        lesson = self.session.course.lesson(option_id.removeprefix("lesson:"))
        if lesson is not None:
            self.open(self.session.resume_place(lesson))

    def open(self, place: Place) -> None:
        self.post_message(LessonChosen(place.lesson.id, place.step))
