"""My treatments: the learner's treatment history, newest first, and a form for one.

Beside each record the screen shows only arithmetic on what was typed (how
long it lasted, how long at the last dose written, the check-in totals
between its dates) and offers the four checks as questions the learner can
tick into their questions for their provider. Nothing here judges a trial.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from course.session import Session
from course.treatments import (
    HELPED_PERCENTS,
    HELPED_WORDS,
    KINDS,
    MISSED_DOSES,
    CheckinPoint,
    MonthYear,
    Treatment,
    at_last_dose,
    checkins_between,
    dates_words,
    doses_text,
    how_long,
    parse_doses,
)
from course.treatments_wording import treatments_wording
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.tick_box import TickBox


def check_question(treatment: Treatment, question: str) -> str:
    """A check as a question about this treatment: ``Sertraline: Was this a full dose for me?``."""
    name = " ".join(treatment.name.split()) or treatment.kind
    return f"{name}: {question}"


def facts(treatment: Treatment, checkins: tuple[CheckinPoint, ...], today: MonthYear) -> list[str]:
    """The lines shown under a treatment's name: what was typed, and arithmetic on it."""
    words = treatments_wording()
    shown = words.shown
    lines = [
        f"{words.kinds.get(treatment.kind, treatment.kind)}, {dates_words(treatment, shown['not_known'])}"
    ]
    span = how_long(treatment, today)
    if span is not None:
        lines.append(f"{shown['how_long']}: {span.words(shown['under_a_month'], shown['so_far'])}")
    dose = treatment.last_dose()
    if dose is not None:
        at_dose = at_last_dose(treatment, today)
        line = f"{shown['at_last_dose']} ({dose.dose})"
        if at_dose is not None:
            line += f": {at_dose.words(shown['under_a_month'], shown['so_far'])}"
        lines.append(line)
    if treatment.missed_doses:
        missed = words.missed_doses.get(treatment.missed_doses, treatment.missed_doses)
        lines.append(f"{words.fields['missed_doses']} {missed}")
    if treatment.helped:
        lines.append(
            f"{words.fields['helped']} {words.helped.get(treatment.helped, treatment.helped)}"
        )
    if treatment.stopped_working:
        lines.append(words.fields["stopped_working"])  # ticked in the form: shown as ticked
    if treatment.side_effects.strip():
        side = f"{words.fields['side_effects']}: {treatment.side_effects.strip()}"
        if treatment.side_effects_why_stopped:
            side += " (why it stopped)"
        lines.append(side)
    if treatment.why_stopped.strip():
        lines.append(f"{words.fields['why_stopped']}: {treatment.why_stopped.strip()}")
    between = checkins_between(treatment, checkins, today)
    if between:
        totals = ", ".join(str(point.total) for point in between)
        lines.append(f"{shown['checkins']}: {totals} ({len(between)} in all)")
    else:
        lines.append(shown["no_checkins"])
    return lines


class ConfirmRemove(ModalScreen[bool]):
    """Ask before a treatment is removed: it cannot be brought back."""

    CSS_PATH = ["dialogs.tcss", "treatments.tcss"]
    BINDINGS = [Binding("escape", "keep", "Keep it", id="keep-treatment")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.treatment_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="message-panel"):
            yield Static(plain(f"Remove {self.treatment_name}?"), id="message-title")
            yield Static("Everything you wrote about it goes. This cannot be undone.")
            with Horizontal(id="confirm-buttons"):
                yield Button("Remove", id="confirm-remove", variant="error")
                yield Button("Keep it", id="confirm-keep", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-remove")

    def action_keep(self) -> None:
        self.dismiss(False)


class ConfirmLeave(ModalScreen[bool]):
    """Ask before a form with unsaved typing is closed: what was typed would be lost."""

    CSS_PATH = ["dialogs.tcss", "treatments.tcss"]
    BINDINGS = [Binding("escape", "stay", "Keep writing", id="stay-on-form")]

    def compose(self) -> ComposeResult:
        with Vertical(id="message-panel"):
            yield Static("Leave without saving?", id="message-title")
            yield Static("What you typed in this form has not been saved.")
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep writing", id="leave-no", variant="primary")
                yield Button("Leave without saving", id="leave-yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#leave-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "leave-yes")

    def action_stay(self) -> None:
        self.dismiss(False)


def _flag(ticked: bool, before: bool | None) -> bool | None:
    """A ticked box is yes; an unticked one stays "not answered" unless it was answered."""
    if ticked:
        return True
    return None if before is None else False


class TreatmentForm(Screen[Treatment | None]):
    """Add or edit one treatment; Save gives the record, Esc or Cancel gives None."""

    CSS_PATH = "treatments.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form-cancel-key"),
        Binding("ctrl+s", "save", "Save", id="form-save-key"),
    ]

    def __init__(self, treatment: Treatment | None = None) -> None:
        super().__init__()
        self.before = treatment

    def compose(self) -> ComposeResult:
        words = treatments_wording()
        f = words.fields
        t = self.before or Treatment(kind="medicine", name="")
        heading = "Change a treatment" if self.before else "Add a treatment"
        yield Static(heading, id="form-title")
        with VerticalScroll(id="form-body"):
            yield Static(plain(f["kind"]), classes="form-label")
            yield Select(
                [(Content(words.kinds[k]), k) for k in KINDS],
                value=t.kind if t.kind in KINDS else "other",
                allow_blank=False,
                id="form-kind",
                compact=True,
            )
            yield Static(plain(f["name"]), classes="form-label")
            yield Input(t.name, id="form-name", compact=True)
            yield Static(plain(f["started"]), classes="form-label")
            yield Input(t.started.short() if t.started else "", id="form-started", compact=True)
            yield Static(plain(f["stopped"]), classes="form-label")
            yield Input(t.stopped.short() if t.stopped else "", id="form-stopped", compact=True)
            yield TickBox(plain(f["still_taking"]), t.still_taking, id="form-still")
            yield Static(plain(f["doses"]), classes="form-label")
            yield TextArea(doses_text(t.doses), id="form-doses", classes="form-text", compact=True)
            yield Static(plain(f["missed_doses"]), classes="form-label")
            yield Select(
                [(Content(words.missed_doses[k]), k) for k in MISSED_DOSES],
                value=t.missed_doses if t.missed_doses in MISSED_DOSES else Select.NULL,
                id="form-missed",
                compact=True,
            )
            yield Static(plain(f["side_effects"]), classes="form-label")
            yield Input(t.side_effects, id="form-side", compact=True)
            yield TickBox(
                plain(f["side_effects_why_stopped"]),
                bool(t.side_effects_why_stopped),
                id="form-side-why",
            )
            yield Static(plain(f["helped"]), classes="form-label")
            helped = [(Content(words.helped[k]), k) for k in HELPED_WORDS]
            helped += [(Content(k), k) for k in HELPED_PERCENTS]
            yield Select(
                helped,
                value=t.helped if t.helped in (HELPED_WORDS + HELPED_PERCENTS) else Select.NULL,
                id="form-helped",
                compact=True,
            )
            yield TickBox(
                plain(f["stopped_working"]), bool(t.stopped_working), id="form-stopped-working"
            )
            yield Static(plain(f["why_stopped"]), classes="form-label")
            yield Input(t.why_stopped, id="form-why", compact=True)
            yield Static(plain(f["notes"]), classes="form-label")
            yield TextArea(t.notes, id="form-notes", classes="form-text", compact=True)
            yield Static(plain(f["questions"]), classes="form-label")
            yield TextArea(t.questions, id="form-questions", classes="form-text", compact=True)
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save (Ctrl+S)", id="form-save", variant="primary")
                yield Button("Cancel (Esc)", id="form-cancel")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#form-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#form-kind", Select).focus()

    def _month(self, widget_id: str, label: str) -> MonthYear | None:
        text = self.query_one(widget_id, Input).value
        if not text.strip():
            return None
        try:
            return MonthYear.parse(text)
        except ValueError as error:
            raise ValueError(f"{label}: {error}") from None

    def record(self) -> Treatment:
        """The form as a record.

        Raises:
            ValueError: A date cannot be read; the message says what to type.
        """

        def chosen(widget_id: str) -> str | None:
            value = self.query_one(widget_id, Select).value
            return value if isinstance(value, str) else None

        before = self.before or Treatment(kind="medicine", name="")
        started = self._month("#form-started", "Started")
        still = self.query_one("#form-still", Checkbox).value
        stopped = self._month("#form-stopped", "Stopped")
        if started and stopped and stopped < started and not still:
            raise ValueError("Stopped is before Started; check the two dates")
        if still and stopped:
            # Kept as is, the Stopped date would be dropped without a word.
            raise ValueError(
                'Ticked "I am still taking it" and a Stopped date: clear the one that is wrong'
            )
        return Treatment(
            kind=chosen("#form-kind") or "other",
            name=self.query_one("#form-name", Input).value.strip(),
            started=started,
            stopped=stopped,
            still_taking=still,
            doses=parse_doses(self.query_one("#form-doses", TextArea).text),
            missed_doses=chosen("#form-missed"),
            side_effects=self.query_one("#form-side", Input).value,
            side_effects_why_stopped=_flag(
                self.query_one("#form-side-why", Checkbox).value, before.side_effects_why_stopped
            ),
            helped=chosen("#form-helped"),
            stopped_working=_flag(
                self.query_one("#form-stopped-working", Checkbox).value, before.stopped_working
            ),
            why_stopped=self.query_one("#form-why", Input).value,
            notes=self.query_one("#form-notes", TextArea).text,
            questions=self.query_one("#form-questions", TextArea).text,
            id=self.before.id if self.before else None,
        )

    def action_save(self) -> None:
        try:
            record = self.record()
        except ValueError as error:
            shown = self.query_one("#form-error", Static)
            shown.update(plain(str(error)))
            shown.scroll_visible(animate=False)
            return
        if not record.name and self.before is None and not record.started:
            self.query_one("#form-error", Static).update(
                plain("Write a name (or a start date) so you can tell it apart.")
            )
            return
        self.dismiss(record)

    def changed(self) -> bool:
        """Whether the form holds anything the learner typed and has not saved."""
        try:
            record = self.record()
        except ValueError:
            return True  # a date being typed
        before = self.before or Treatment(kind="medicine", name="")
        return replace(record, id=before.id) != before

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(ConfirmLeave(), answered)

    @on(Button.Pressed, "#form-save")
    def save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()


class CheckBox(TickBox):
    """One of the four checks for one treatment, as a question to tick."""

    def __init__(self, question: str, ticked: bool, *, id: str, classes: str) -> None:
        super().__init__(plain(question), ticked, id=id, classes=classes)
        self.question = question


class TreatmentView(Vertical):
    """One treatment: its name, the facts, the checks, Edit and Remove."""

    def __init__(
        self,
        treatment: Treatment,
        checkins: tuple[CheckinPoint, ...],
        today: MonthYear,
        asked: frozenset[str],
    ) -> None:
        super().__init__(classes="treatment", id=f"treatment-{treatment.id}")
        self.treatment = treatment
        self.checkins = checkins
        self.today = today
        self.asked = asked

    def compose(self) -> ComposeResult:
        t = self.treatment
        words = treatments_wording()
        yield Static(plain(t.name or words.kinds.get(t.kind, t.kind)), classes="treatment-name")
        yield Static(
            plain("\n".join(facts(t, self.checkins, self.today))), classes="treatment-facts"
        )
        yield Static("Questions to ask (tick to add to your questions):", classes="treatment-ask")
        for check in words.checks:
            if not check.applies_to(t.kind, t.still_taking):
                continue
            question = check_question(t, check.question)
            yield CheckBox(
                question,
                question in self.asked,
                id=f"check-{t.id}-{check.id}",
                classes="treatment-check",
            )
        with Horizontal(classes="treatment-buttons"):
            yield Button("Edit", id=f"edit-{t.id}", classes="treatment-edit", compact=True)
            yield Button("Remove", id=f"remove-{t.id}", classes="treatment-remove", compact=True)


class TreatmentsScreen(Screen[None]):
    tool_id = "treatments"
    CSS_PATH = "treatments.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="treatments-back"),
        Binding("a", "add", "Add a treatment", id="treatments-add-key"),
    ]

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today

    def compose(self) -> ComposeResult:
        words = treatments_wording()
        yield Static(plain(words.title), id="treatments-title")
        with VerticalScroll(id="treatments-body"):
            yield Static(plain(words.intro), id="treatments-intro")
            yield Static(plain(words.not_advice), id="treatments-not-advice")
            yield Button("Add a treatment (a)", id="treatments-add", compact=True)
            yield Vertical(id="treatments-list")
        yield QuietFooter()

    async def on_mount(self) -> None:
        await self.show_list()
        self.query_one("#treatments-body", VerticalScroll).scroll_home(animate=False)

    def _today(self) -> MonthYear:
        return MonthYear.of(self.today or date.today())

    async def show_list(self) -> None:
        """Draw the list again from the store (after a save, an edit or a removal)."""
        door = self.session.treatments
        listing = self.query_one("#treatments-list", Vertical)
        await listing.remove_children()
        treatments = door.list()
        if not treatments:
            await listing.mount(Static(plain(treatments_wording().empty), id="treatments-empty"))
            return
        checkins = door.checkins()
        asked = door.questions_asked()
        today = self._today()
        await listing.mount_all(TreatmentView(t, checkins, today, asked) for t in treatments)

    def _treatment(self, widget_id: str | None, prefix: str) -> Treatment | None:
        if widget_id is None or not widget_id.startswith(prefix):
            return None
        number = widget_id.removeprefix(prefix)
        return next((t for t in self.session.treatments.list() if str(t.id) == number), None)

    def action_add(self) -> None:
        async def saved(record: Treatment | None) -> None:
            if record is not None and self.session.treatments.add(record) is not None:
                self.app.notify(treatments_wording().saved, markup=False)
                await self.show_list()

        self.app.push_screen(TreatmentForm(), saved)

    @on(Button.Pressed, "#treatments-add")
    def add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add()

    @on(Button.Pressed, ".treatment-edit")
    def edit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        treatment = self._treatment(event.button.id, "edit-")
        if treatment is None:
            return

        async def saved(record: Treatment | None) -> None:
            if record is not None and self.session.treatments.update(record):
                self.app.notify(treatments_wording().saved, markup=False)
                await self.show_list()

        self.app.push_screen(TreatmentForm(treatment), saved)

    @on(Button.Pressed, ".treatment-remove")
    def remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        treatment = self._treatment(event.button.id, "remove-")
        if treatment is None or treatment.id is None:
            return
        treatment_id = treatment.id

        async def answered(remove: bool | None) -> None:
            if remove and self.session.treatments.remove(treatment_id):
                self.app.notify(treatments_wording().removed, markup=False)
                await self.show_list()

        self.app.push_screen(ConfirmRemove(treatment.name or "this treatment"), answered)

    @on(Checkbox.Changed, ".treatment-check")
    def check_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        box = event.checkbox
        if not isinstance(box, CheckBox):
            return
        door = self.session.treatments
        if event.value:
            door.ask(box.question)
        else:
            door.unask(box.question)

    def action_back(self) -> None:
        self.dismiss(None)
