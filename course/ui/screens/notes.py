"""My notes: every reflection and plan the learner wrote, by lesson, and an export.

Plan and reflect steps tell the learner to take their words to an
appointment; this is where those words are gathered, where their own plan
items can be changed or taken out, and where "Export my notes" writes the
same Markdown as ``trd-course export`` to a private file they name.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from course.notes import Note, NoteItem
from course.private_file import PrivateFileError
from course.safe_text import visible
from course.session import Session
from course.ui.messages import ToolChosen
from course.ui.text import plain
from course.ui.tools import tool
from course.ui.widgets.choice_box import mark
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.harmless import HarmlessInput

INTRO = (
    "Only you can see these. To take them to an appointment, export them to a "
    "file you can print or show, or use Prepare for my appointment (p on the map)."
)
EMPTY = "Nothing here yet. What you write in reflections and plans will be gathered here."
DEFAULT_EXPORT = "trd-course-notes.md"
TREATMENTS_TOOL = "treatments"
"""Notes on a treatment belong beside the notes: its tool is one key away."""


class AskText(ModalScreen[str | None]):
    """One line of text, asked for in a small box: the text, or None if cancelled."""

    CSS_PATH = ["dialogs.tcss", "notes.tcss"]
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-ask")]

    def __init__(self, title: str, value: str, action: str) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.action_label = action

    def compose(self) -> ComposeResult:
        with Vertical(id="message-panel"):
            yield Static(plain(self.title_text), id="message-title")
            yield HarmlessInput(self.value, id="ask-input")
            with Horizontal(id="ask-buttons"):
                yield Button(plain(self.action_label), id="ask-ok", variant="primary")
                yield Button("Cancel", id="ask-cancel")

    def on_mount(self) -> None:
        self.query_one("#ask-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ask-ok":
            self.dismiss(self.query_one("#ask-input", Input).value)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteLine(Static):
    """A plan item, its wrapped lines under its text, not under its ``[x]`` mark.

    Wrapped as one Static, the second line started under the mark, and at 60
    columns an item read as two.
    """

    def __init__(self, ticked: bool, text: str, classes: str = "note-item") -> None:
        super().__init__(classes=classes)
        self.head = f"{mark(ticked, single=False)} "
        self.text = visible(text)

    def lines(self, width: int) -> list[str]:
        indent = " " * len(self.head)
        wrapped = textwrap.wrap(self.text, max(8, width - len(self.head))) or [""]
        return [self.head + wrapped[0], *(indent + line for line in wrapped[1:])]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n".join(self.lines(self.content_size.width or 76)))


class OwnItemRow(Horizontal):
    """One of the learner's own plan items, with Edit and Remove."""

    def __init__(self, note: Note, item: NoteItem) -> None:
        super().__init__(classes="note-own")
        self.note = note
        self.item = item

    def compose(self) -> ComposeResult:
        yield NoteLine(self.item.ticked, f"{self.item.text} (your own)")
        yield Button("Edit", classes="note-edit", compact=True)
        yield Button("Remove", classes="note-remove", compact=True)


class NotesScreen(Screen[None]):
    tool_id = "notes"
    CSS_PATH = "notes.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="notes-back"),
        Binding("e", "export", "Export", id="notes-export"),
        Binding("t", "treatments", "Treatments", id="notes-treatments"),
        Binding("u", "undo_remove", "Put back", id="notes-undo"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._focus_pending: int | None = None
        """The own item row to put the keyboard on once the rebuilt list is shown."""
        self.removed: tuple[str, str, str, bool] | None = None
        """The last own item removed (lesson, step, text, ticked): u puts it back."""

    def compose(self) -> ComposeResult:
        yield Static("My notes", id="notes-title")
        with VerticalScroll(id="notes-body"):
            yield Static(INTRO, id="notes-intro")
            with Horizontal(id="notes-actions"):
                yield Button("Export my notes (e)", id="notes-export-button", compact=True)
                if self.check_action("treatments", ()):
                    yield Button("My treatments (t)", id="notes-treatments-button", compact=True)
            yield Vertical(id="notes-list")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.show_notes()
        self.query_one("#notes-body", VerticalScroll).scroll_home(animate=False)

    def show_notes(self, focus_row: int | None = None) -> None:
        """Build the list; ``focus_row``: put the keyboard on that own item's row after.

        The list is rebuilt after an edit or a removal, and the button pressed
        goes with it: the keyboard used to be nowhere and the changed item
        off screen, so the learner could not see what had happened.
        """
        listing = self.query_one("#notes-list", Vertical)
        listing.remove_children()
        notes = self.session.notes()
        if not notes:
            listing.mount(Static(EMPTY, classes="note-empty"))
            return
        widgets: list[Static | Horizontal] = []
        lesson_id = ""
        for note in notes:
            if note.lesson.id != lesson_id:
                lesson_id = note.lesson.id
                widgets.append(Static(plain(note.lesson.title), classes="note-lesson"))
            kind = "Plan" if note.is_plan else "Reflection"
            widgets.append(Static(plain(f"{kind}: {note.prompt}"), classes="note-prompt"))
            if note.text is not None:
                widgets.append(Static(plain(note.text), classes="note-text"))
            for item in note.items:
                if item.own:
                    widgets.append(OwnItemRow(note, item))
                else:
                    widgets.append(NoteLine(item.ticked, item.text))
        mounted = listing.mount_all(widgets)
        if focus_row is not None:
            row = focus_row

            async def focus_once_mounted() -> None:
                await mounted
                self._focus_pending = row
                if self.is_current:
                    self.call_after_refresh(self.focus_pending_row)

            self.run_worker(focus_once_mounted(), group="notes-focus", exclusive=True)

    def on_screen_resume(self) -> None:
        """Back from the edit box: an edit's rebuilt list was made while the box was on top."""
        self.call_after_refresh(self.focus_pending_row)

    def focus_pending_row(self) -> None:
        if self._focus_pending is not None and self.is_current:
            index, self._focus_pending = self._focus_pending, None
            self.focus_own_row(index)

    def focus_own_row(self, index: int) -> None:
        """The keyboard on own item ``index`` (the last if fewer), or the list if none."""
        rows = list(self.query(OwnItemRow))
        if rows:
            rows[min(index, len(rows) - 1)].query_one(".note-edit", Button).focus()
        else:
            self.query_one("#notes-body", VerticalScroll).focus()

    def own_row_index(self, row: OwnItemRow) -> int:
        return list(self.query(OwnItemRow)).index(row)

    @on(Button.Pressed, ".note-edit")
    def edit_item(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if not isinstance(row, OwnItemRow):
            return
        note, item = row.note, row.item
        index = self.own_row_index(row)

        def save(text: str | None) -> None:
            if text is None or not text.strip() or text == item.text:
                return
            if self.session.edit_own_item(note.lesson.id, note.step_id, item.item_id, text):
                self.show_notes(focus_row=index)

        self.app.push_screen(AskText("Change your action", item.text, "Save"), save)

    @on(Button.Pressed, ".note-remove")
    def remove_item(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if not isinstance(row, OwnItemRow):
            return
        note, item = row.note, row.item
        index = self.own_row_index(row)
        if self.session.remove_own_item(note.lesson.id, note.step_id, item.item_id):
            # One click removes, so one key brings it back: nothing written is lost.
            self.removed = (note.lesson.id, note.step_id, item.text, item.ticked)
            self.refresh_bindings()
            self.app.notify(f"Removed: {item.text}. Press u to put it back.", markup=False)
            self.show_notes(focus_row=index)

    def action_undo_remove(self) -> None:
        if self.removed is None:
            return
        lesson_id, step_id, text, ticked = self.removed
        if self.session.put_back_own_item(lesson_id, step_id, text, ticked):
            self.removed = None
            self.refresh_bindings()
            self.app.notify(f"Put back: {text}", markup=False)
            self.show_notes()

    @on(Button.Pressed, "#notes-export-button")
    def export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#notes-treatments-button")
    def treatments_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_treatments()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer My treatments only in a copy of the course that has it; u only after a removal."""
        if action == "treatments":
            found = tool(TREATMENTS_TOOL)
            return found is not None and found.available()
        if action == "undo_remove":
            return self.removed is not None
        return True

    def action_treatments(self) -> None:
        self.post_message(ToolChosen(TREATMENTS_TOOL))

    def action_export(self) -> None:
        default = str(Path.home() / DEFAULT_EXPORT)

        def write(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            path = Path(answer.strip()).expanduser()
            try:
                self.session.export_notes(path)
            except PrivateFileError as error:
                self.app.notify(str(error), severity="error", timeout=20, markup=False)
                return
            self.app.notify(
                f"Notes written to {path}, readable only by you. Keep the file somewhere safe.",
                timeout=20,
                markup=False,
            )

        self.app.push_screen(AskText("Export my notes to this file", default, "Export"), write)

    def action_back(self) -> None:
        self.dismiss(None)
