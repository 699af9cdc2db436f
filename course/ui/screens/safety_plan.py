"""My safety plan: the whole plan on one screen to read, and each part to write.

The read view lists the seven parts, each with what the learner wrote on
one line, so the plan fits one 80x24 screen; choosing a part opens it to
write, with its prompt and examples, saved as it is typed. The screen says,
always, that the plan works best made with someone the learner trusts or
their clinician, and that the course cannot see it or call anyone. Every
word of it is in ``course/wording/safety_plan.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from course import wording
from course.safety_plan import entries
from course.ui.messages import TextNotSaved
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.plan_part_editor import PlanPartEditor
from course.ui.widgets.safety_messages import PlanPartChanged

if TYPE_CHECKING:
    from course.session import Session

ENTRY_JOIN = " · "


def part_line(part: wording.PlanPart, text: str, words: wording.SafetyPlanWording) -> Content:
    """One part in the read view: its short name, then its entries on the same line."""
    found = entries(text)
    shown = ENTRY_JOIN.join(found) if found else words.empty_part
    label = Content(f"{part.short}: ").stylize("bold")
    return label + plain(shown)


class SafetyPlanScreen(Screen[None]):
    """The learner's safety plan, read and written through ``session.safety_plan``."""

    tool_id = "safety-plan"
    CSS_PATH = "safety_plan.tcss"
    AUTO_FOCUS = "#plan-parts"
    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.words = wording.safety_plan()
        self.texts = session.safety_plan.parts()
        self.editor: PlanPartEditor | None = None

    def compose(self) -> ComposeResult:
        # Few widgets: the screen is built the first time it opens.
        yield Static(plain(self.words.title), id="plan-title")
        yield Static(plain("\n".join(self.words.statements)), classes="plan-statement")
        with Vertical(id="plan-read"):
            yield OptionList(*self._options(), id="plan-parts")
            hint = f"{self.words.read_hint}\nSource: {self.words.source}"
            yield Static(plain(hint), id="plan-source")
        yield QuietFooter()

    async def reopen(self) -> None:
        """The app keeps this screen: show the whole plan as the store has it now.

        A part left open for writing (the learner went to another tool from
        inside it, through the palette) is saved and closed: opening the plan,
        from the map or from F1's "Open my whole safety plan", shows the whole
        plan, with that part chosen.
        """
        if self.editor is not None:
            self.close_editor()
        texts = self.session.safety_plan.parts()
        if texts != self.texts:
            self.texts = texts
            parts = self.query_one("#plan-parts", OptionList)
            highlighted = parts.highlighted
            parts.set_options(self._options())
            parts.highlighted = highlighted

    def _options(self) -> list[Option]:
        return [
            Option(part_line(part, self.texts.get(part.id, ""), self.words), id=part.id)
            for part in self.words.parts
        ]

    # -- reading and choosing a part ----------------------------------------

    @on(OptionList.OptionSelected, "#plan-parts")
    def edit_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.edit(event.option.id)

    def edit(self, part_id: str) -> None:
        """Open one part to write in it, in place of the read view."""
        part = self.words.part(part_id)
        if part is None:
            return
        self.close_editor()
        self.editor = PlanPartEditor(
            self.words, part, self.texts.get(part_id, ""), cannot_save=self.session.read_only
        )
        self.query_one("#plan-read").display = False
        self.mount(self.editor, before=self.query_one(QuietFooter))

    def close_editor(self) -> None:
        """Save the part being written and show the whole plan again."""
        editor = self.editor
        if editor is None:
            return
        self.save_part(editor)
        self.editor = None
        editor.remove()
        parts = self.query_one("#plan-parts", OptionList)
        index = next((i for i, p in enumerate(self.words.parts) if p.id == editor.part.id), 0)
        parts.set_options(self._options())
        parts.highlighted = index
        self.query_one("#plan-read").display = True
        parts.focus()

    # -- saving ---------------------------------------------------------------

    @on(PlanPartChanged)
    def save_typed(self, event: PlanPartChanged) -> None:
        event.stop()
        if self.editor is not None and self.editor.part.id == event.part_id:
            self.save_part(self.editor, event.text)

    def save_part(self, editor: PlanPartEditor, text: str | None = None) -> None:
        text = editor.text if text is None else text
        if text == editor.saved_text:
            return
        if self.session.safety_plan.save(editor.part.id, text):
            self.texts[editor.part.id] = text
            editor.mark_saved(text)
        elif not self.session.is_waiting:  # kept for later when busy: not lost
            self.post_message(self.not_saved(editor.part, text))

    def not_saved(self, part: wording.PlanPart, text: str) -> TextNotSaved:
        """A part's text that could not be saved, for the app to hand back at quit."""
        return TextNotSaved(f"safety-plan:{part.id}", f"{self.words.title}: {part.title}", text)

    def unsaved_texts(self) -> list[TextNotSaved]:
        """What is typed and still unsaved now (asked on quit, after :meth:`flush`)."""
        editor = self.editor
        if editor is None or not editor.unsaved:
            return []
        return [self.not_saved(editor.part, editor.text)]

    def flush(self) -> None:
        """Save what is being typed now (the app calls this on quit and hang-up)."""
        if self.editor is not None:
            self.editor.stop_timers()
            self.save_part(self.editor)

    # -- leaving --------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "plan-back":
            event.stop()
            self.close_editor()

    def action_back(self) -> None:
        if self.editor is not None:
            self.close_editor()
            return
        self.flush()
        self.dismiss()
