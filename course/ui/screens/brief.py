"""Prepare for my appointment: the goal, the questions and reflections to bring, one page.

The learner writes what they want from the visit, ticks which of their
questions to bring and which reflections to include (none unless they tick
one: the page is shared), writes the page to a private file (in the home
folder unless they name another) and sees the Markdown it holds.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Static

from course.paths import friendly
from course.private_file import PrivateFileError
from course.session import Session
from course.session_treatments import QuestionChoice, ReflectionChoice, default_brief_path
from course.treatments_wording import brief_wording
from course.ui.screens.notes import AskText
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.tick_box import TickBox

GOAL_SAVE_DELAY = 0.5
"""Seconds of no typing before the goal is saved (and always on leaving or writing)."""


class ConfirmReplace(ModalScreen[bool]):
    """Ask before an existing file is replaced by the brief."""

    CSS_PATH = ["dialogs.tcss", "brief.tcss"]
    BINDINGS = [Binding("escape", "keep", "Keep it", id="keep-file")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="message-panel"):
            yield Static(plain(f"{friendly(self.path)} already exists."), id="message-title")
            yield Static("Replace it with the brief?")
            with Horizontal(id="replace-buttons"):
                yield Button("Replace it", id="replace-yes", variant="warning")
                yield Button("Keep it", id="replace-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#replace-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "replace-yes")

    def action_keep(self) -> None:
        self.dismiss(False)


class QuestionBox(TickBox):
    def __init__(self, question: QuestionChoice) -> None:
        super().__init__(
            plain(question.text), question.picked, id=f"q-{question.id}", classes="brief-question"
        )
        self.question = question


class ReflectionBox(TickBox):
    def __init__(self, number: int, reflection: ReflectionChoice) -> None:
        first = reflection.text.strip().splitlines()[0] if reflection.text.strip() else ""
        label = f"{reflection.lesson_title}: {first}"
        super().__init__(
            plain(label), reflection.picked, id=f"r-{number}", classes="brief-reflection"
        )
        self.reflection = reflection


class BriefScreen(Screen[None]):
    tool_id = "brief"
    CSS_PATH = "brief.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="brief-back"),
        Binding("ctrl+s", "write('md')", "Write the brief", id="brief-write-key"),
    ]

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today or date.today()
        self._goal_timer: Timer | None = None
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        w = brief_wording()
        door = self.session.brief
        yield Static(plain(w.screen_title), id="brief-title")
        with VerticalScroll(id="brief-body"):
            yield Static(plain(w.screen_intro), id="brief-intro")
            yield Static(plain(w.goal_label), classes="brief-label")
            yield Input(door.goal(), placeholder=w.goal_placeholder, id="brief-goal", compact=True)
            yield Static(plain(w.questions_label), classes="brief-label")
            yield Vertical(id="brief-questions")
            with Horizontal(id="brief-new"):
                yield Input(placeholder=w.add_question, id="brief-new-question", compact=True)
                yield Button("Add", id="brief-add-question", compact=True)
            yield Static(plain(w.reflections_label), classes="brief-label")
            yield Vertical(id="brief-reflections")
            with Horizontal(id="brief-buttons"):
                yield Button("Write the brief (Ctrl+S)", id="brief-write-md", variant="primary")
                yield Button("Write a page to print (HTML)", id="brief-write-html")
            yield Static("", id="brief-written")
            yield Static("The brief as it stands:", classes="brief-label")
            yield Static("", id="brief-preview")
        yield QuietFooter()

    async def on_mount(self) -> None:
        await self.show_questions()
        await self.show_reflections()
        self.show_preview()
        self.query_one("#brief-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#brief-goal", Input).focus()

    async def show_questions(self) -> None:
        listing = self.query_one("#brief-questions", Vertical)
        await listing.remove_children()
        questions = self.session.brief.questions()
        if questions:
            await listing.mount_all(QuestionBox(q) for q in questions)
        else:
            await listing.mount(Static(plain(brief_wording().no_questions), classes="brief-none"))

    async def show_reflections(self) -> None:
        listing = self.query_one("#brief-reflections", Vertical)
        await listing.remove_children()
        reflections = self.session.brief.reflections()
        if reflections:
            await listing.mount_all(ReflectionBox(i, r) for i, r in enumerate(reflections))
        else:
            await listing.mount(
                Static(plain(brief_wording().no_reflections), classes="brief-none")
            )

    def show_preview(self) -> None:
        text = self.session.brief.render(self.today, "md")
        self.query_one("#brief-preview", Static).update(plain(text))

    # -- the goal ------------------------------------------------------------------

    @on(Input.Changed, "#brief-goal")
    def goal_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._goal_timer is not None:
            self._goal_timer.stop()
        self._goal_timer = self.set_timer(GOAL_SAVE_DELAY, self.save_goal)

    @on(Input.Submitted, "#brief-goal")
    def goal_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save_goal()

    def save_goal(self) -> None:
        if self._goal_timer is not None:
            self._goal_timer.stop()
            self._goal_timer = None
        self.session.brief.set_goal(self.query_one("#brief-goal", Input).value)
        self.show_preview()

    # -- questions and reflections -------------------------------------------------

    @on(Checkbox.Changed, ".brief-question")
    def question_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        box = event.checkbox
        if isinstance(box, QuestionBox):
            self.session.brief.pick_question(box.question.id, event.value)
            self.show_preview()

    @on(Checkbox.Changed, ".brief-reflection")
    def reflection_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        box = event.checkbox
        if isinstance(box, ReflectionBox):
            r = box.reflection
            self.session.brief.pick_reflection(r.lesson_id, r.step_id, event.value)
            self.show_preview()

    async def add_question(self) -> None:
        field = self.query_one("#brief-new-question", Input)
        if self.session.brief.add_question(field.value):
            field.value = ""
            await self.show_questions()
            self.show_preview()

    @on(Input.Submitted, "#brief-new-question")
    async def new_question_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.add_question()

    @on(Button.Pressed, "#brief-add-question")
    async def add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_question()

    # -- writing the file ----------------------------------------------------------

    @on(Button.Pressed, "#brief-write-md")
    def write_md_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write("md")

    @on(Button.Pressed, "#brief-write-html")
    def write_html_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write("html")

    def action_write(self, fmt: str = "md") -> None:
        self.save_goal()
        default = str(default_brief_path(self.today, fmt))

        def chosen(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            path = Path(answer.strip()).expanduser()
            if path.is_file():

                def replace(yes: bool | None) -> None:
                    if yes:
                        self.write_to(path, fmt)

                self.app.push_screen(ConfirmReplace(path), replace)
            else:
                self.write_to(path, fmt)

        self.app.push_screen(AskText("Write the brief to this file", default, "Write"), chosen)

    def write_to(self, path: Path, fmt: str) -> None:
        shown = self.query_one("#brief-written", Static)
        try:
            self.session.brief.write_file(path, self.today, fmt)
        except PrivateFileError as error:
            shown.update(plain(str(error)))
            self.app.notify(str(error), severity="error", timeout=20, markup=False)
            return
        self.written = path
        message = brief_wording().written.format(path=friendly(path))
        shown.update(plain(message))
        self.app.notify(message, timeout=20, markup=False)

    def on_unmount(self) -> None:
        if self._goal_timer is not None:  # closing with the goal still unsaved
            self._goal_timer.stop()
            with suppress(NoMatches):
                self.session.brief.set_goal(self.query_one("#brief-goal", Input).value)

    def action_back(self) -> None:
        if self._goal_timer is not None:
            self.save_goal()
        self.dismiss(None)
