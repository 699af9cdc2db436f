"""The check-in: the PHQ-9 one item per page, the item-9 panel, the result, the trend.

The form is shown word for word with its attribution (``phq9.toml``). Any
answer to item 9 other than "Not at all" shows a calm panel straight after
it, before anything else (``item9_panel.toml``): it stays until the learner
chooses "Continue the check-in". Escape, ``b`` and the answer keys do
nothing there, focus starts on the panel's text (so Enter closes nothing),
and nothing times out; F1 works as everywhere. That the panel was shown is
saved with the check-in, which is saved once, at the end.

The result says the total and its band in words, that it is a checklist and
not a diagnosis, and the change since the last and the first check-in; the
trend is a chart on the fixed 0-27 scale and a table in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from course import wording
from course.checkin import ITEM9, ITEM_COUNT, result_lines, shows_item9_panel
from course.trend_chart import chart_lines, table_lines
from course.ui.messages import ToolChosen
from course.ui.screens.room import fit_scroll, rows_of, rows_of_all
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter

if TYPE_CHECKING:
    from course.session import Session

INTRO = "intro"
ITEM = "item"
PANEL = "panel"
DIFFICULTY = "difficulty"
RESULT = "result"
TREND = "trend"

QUESTION_SOURCE = "checkin-item9"
"""The ``source`` of the question the item-9 panel adds for the provider."""


class PanelText(VerticalScroll, can_focus=True):
    """The item-9 panel's words: where focus starts, so Enter chooses nothing."""


class CheckinBody(VerticalScroll):
    """The check-in's page, which says when its size or its content's size changes.

    The item-9 panel is fitted to the rows there are (see ``_fit_panel``);
    after a resize some lines rewrap only after the first measure, and this is
    how the screen hears of it and measures again.
    """

    class Resized(Message):
        """The page, or what is on it, changed size."""

    def on_resize(self, event: Resize) -> None:
        self.post_message(self.Resized())


class CheckinScreen(Screen[None]):
    """One check-in, from its first page to its result, through ``session.checkins``."""

    tool_id = "checkin"
    CSS_PATH = "checkin.tcss"
    AUTO_FOCUS = "#checkin-start"
    BINDINGS = [
        Binding("escape", "leave", "Back", id="back"),
        Binding("b", "previous", "Previous question", id="previous-question"),
        Binding("0", "answer(0)", show=False),
        Binding("1", "answer(1)", show=False),
        Binding("2", "answer(2)", show=False),
        Binding("3", "answer(3)", show=False),
        Binding("t", "trend", "My trend", id="trend"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.form = wording.phq9()
        self.words = wording.checkin()
        self.panel_words = wording.item9()
        self._start_afresh()

    def _start_afresh(self) -> None:
        self.page = INTRO
        self.index = 0
        self.answers: list[int | None] = [None] * ITEM_COUNT
        self.difficulty: int | None = None
        self.item9_panel_shown = False
        self.question_added = False

    async def reopen(self) -> None:
        """The app keeps this screen, but each opening starts a check-in afresh,
        as leaving one halfway saves nothing (the first page is rebuilt only
        if the learner had gone past it)."""
        if self.page != INTRO:
            self._start_afresh()
            await self._show(INTRO, self._intro_widgets(), "#checkin-start")

    def compose(self) -> ComposeResult:
        """The first page is composed with the screen: opening it is one layout, not two."""
        yield Static(plain(self.form.title), id="checkin-title")
        with CheckinBody(id="checkin-body"):
            yield from self._intro_widgets()
        yield QuietFooter()

    # -- which keys work where ----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.page == PANEL and action in {"leave", "previous", "answer", "trend"}:
            return False  # only "Continue the check-in" leaves the panel
        if action in {"previous", "answer"}:
            return self.page in {ITEM, DIFFICULTY}
        if action == "trend":
            return self.page in {INTRO, RESULT}
        return True

    # -- pages ----------------------------------------------------------------

    async def _show(self, page: str, widgets: Iterable[Widget], focus: str | None = None) -> None:
        body = self.query_one("#checkin-body", VerticalScroll)
        self.page = page
        await body.remove_children()
        await body.mount_all(list(widgets))
        body.scroll_home(animate=False)
        self.refresh_bindings()
        if focus is not None:
            self.query_one(focus).focus()

    def _attribution(self) -> Static:
        return Static(plain(self.form.attribution), classes="checkin-attribution")

    def _intro_widgets(self) -> list[Widget]:
        """The first page, in few widgets: it is built each time the check-in opens."""
        has_history = self.session.checkins.last_taken() is not None
        buttons = [Button(plain(self.words["start"]), id="checkin-start", variant="primary")]
        if has_history:
            buttons.append(Button(plain(f"{self.words['show_trend']} (t)"), id="checkin-trend"))
        about = f"{self.form.attribution}\nSource: {self.form.source}"
        return [
            Static(plain("\n\n".join(self.words.intro)), classes="checkin-text"),
            Horizontal(*buttons, classes="checkin-buttons"),
            Static(plain(about), classes="checkin-attribution"),
        ]

    def _answer_list(self, labels: tuple[str, ...], chosen: int | None) -> OptionList:
        options = [
            Option(plain(f"{i}  {label}"), id=f"answer-{i}") for i, label in enumerate(labels)
        ]
        answers = OptionList(*options, id="checkin-answers")
        if chosen is not None:
            answers.highlighted = chosen
        return answers

    async def show_item(self, index: int) -> None:
        self.index = index
        widgets: list[Widget] = [
            Static(
                plain(self.words["question_of"].format(n=index + 1, count=ITEM_COUNT)),
                classes="checkin-count",
            ),
            Static(plain(self.form.stem), classes="checkin-stem"),
            Static(plain(self.form.items[index]), id="checkin-item"),
            self._answer_list(self.form.answers, self.answers[index]),
            Static(plain(self.words["back_hint"]), classes="checkin-hint"),
            self._attribution(),
        ]
        await self._show(ITEM, widgets, "#checkin-answers")

    async def show_panel(self) -> None:
        """The item-9 panel: calm words, help now, and three choices; Continue is not focused."""
        answer = self.answers[ITEM9]
        assert answer is not None and answer > 0
        self.item9_panel_shown = True
        lines = self.panel_words.lines(answer)
        text = [Static(plain(self.panel_words.title), id="panel-title")]
        for number, line in enumerate(lines):
            lead = " panel-lead" if number == 0 and answer > 1 else ""
            text.append(Static(plain(line), classes=f"panel-line{lead}"))
        add_label = (
            self.panel_words.question_added
            if self.question_added
            else self.panel_words.add_question
        )
        buttons = Horizontal(
            Button(plain(self.panel_words.open_plan), id="panel-open-plan", compact=True),
            Button(
                plain(add_label),
                id="panel-add-question",
                disabled=self.question_added,
                compact=True,
            ),
            classes="panel-buttons",
        )
        widgets: list[Widget] = [
            PanelText(*text, id="panel-text"),
            buttons,
            Button(plain(self.panel_words.continue_label), id="panel-continue", compact=True),
            Static(plain(self.panel_words.stay_hint), classes="panel-hint"),
        ]
        await self._show(PANEL, widgets, "#panel-text")
        self.query_one("#checkin-body").add_class("-panel")
        self.call_after_refresh(self._fit_panel)

    def on_resize(self, event: Resize) -> None:
        if self.page == PANEL:
            self.call_after_refresh(self._fit_panel)

    @on(CheckinBody.Resized)
    def body_resized(self, event: CheckinBody.Resized) -> None:
        event.stop()
        if self.page == PANEL:
            self.call_after_refresh(self._fit_panel)

    def _fit_panel(self) -> None:
        """Keep "Continue the check-in" and its hint on screen below the panel's words.

        On a short terminal (60x20) the words fill the screen by themselves;
        they then scroll inside their own box (where focus is), so the way on
        is always in view. On a narrow one the two buttons side by side would
        cut the second's label, so they go one under the other.
        """
        if self.page != PANEL or not self.is_attached:
            return
        body = self.query_one("#checkin-body", VerticalScroll)
        buttons = self.query_one(".panel-buttons", Horizontal)
        wanted = sum(
            child.outer_size.width + child.styles.margin.left + child.styles.margin.right
            for child in buttons.children
        )
        stacked = wanted > body.scrollable_content_region.width
        buttons.set_class(stacked, "-stacked")  # no button label cut at the edge
        # The row's height is worked out, not measured: just after the class
        # changes, the layout may not have caught up with it yet.
        heights = [rows_of(child) for child in buttons.children]
        margin = buttons.styles.margin
        row = (sum(heights) if stacked else max(heights, default=0)) + margin.top + margin.bottom
        text = self.query_one("#panel-text", PanelText)
        others = row + rows_of_all(
            child for child in body.children if child is not text and child is not buttons
        )
        margin = text.styles.margin
        room = body.scrollable_content_region.height - others - margin.top - margin.bottom
        fit_scroll(text, room)

    async def show_difficulty(self) -> None:
        widgets: list[Widget] = [
            Static(plain(self.words["difficulty_heading"]), classes="checkin-count"),
            Static(plain(self.form.difficulty), id="checkin-item"),
            self._answer_list(self.form.difficulty_answers, self.difficulty),
            Static(plain(self.words["back_hint"]), classes="checkin-hint"),
            self._attribution(),
        ]
        await self._show(DIFFICULTY, widgets, "#checkin-answers")

    async def show_result(self) -> None:
        points = self.session.checkins.points()
        widgets: list[Widget] = [
            Static(plain(self.words["result_heading"]), classes="checkin-heading")
        ]
        if points:
            lines = result_lines(points, self.words.texts)
            widgets += [Static(plain(line), classes="checkin-result") for line in lines]
        widgets.append(
            Horizontal(
                Button(plain(f"{self.words['show_trend']} (t)"), id="checkin-trend"),
                Button(plain(f"{self.words['done']} (Esc)"), id="checkin-done", variant="primary"),
                classes="checkin-buttons",
            )
        )
        widgets.append(self._attribution())
        await self._show(RESULT, widgets, "#checkin-done")

    async def show_trend(self) -> None:
        points = self.session.checkins.points()
        widgets: list[Widget] = [
            Static(plain(self.words["trend_heading"]), classes="checkin-heading")
        ]
        if not points:
            widgets.append(Static(plain(self.words["trend_none"]), classes="checkin-text"))
        else:
            widgets.append(Static(plain("\n".join(chart_lines(points))), id="trend-chart"))
            widgets.append(Static(plain(self.words["chart_caption"]), classes="checkin-hint"))
            widgets.append(Static(plain(self.words["table_heading"]), classes="checkin-heading"))
            table = table_lines(
                points, self.words.table_columns, self.words["item9_yes"], self.words["item9_no"]
            )
            widgets.append(Static(plain("\n".join(table)), id="trend-table"))
            widgets.append(Static(plain(self.words["table_note"]), classes="checkin-hint"))
        widgets.append(Button(plain(f"{self.words['done']} (Esc)"), id="checkin-done"))
        await self._show(TREND, widgets, "#checkin-done")

    # -- answering --------------------------------------------------------------

    @on(OptionList.OptionSelected, "#checkin-answers")
    async def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            await self.action_answer(int(event.option.id.removeprefix("answer-")))

    async def action_answer(self, answer: int) -> None:
        if self.page == ITEM:
            self.answers[self.index] = answer
            if self.index == ITEM9 and shows_item9_panel(answer):
                await self.show_panel()
            elif self.index + 1 < ITEM_COUNT:
                await self.show_item(self.index + 1)
            else:
                await self.after_items()
        elif self.page == DIFFICULTY:
            self.difficulty = answer
            await self.finish()

    async def after_items(self) -> None:
        """After item 9 (and its panel): the difficulty question if any problem was checked."""
        if any(self.answers):
            await self.show_difficulty()
        else:
            self.difficulty = None
            await self.finish()

    async def finish(self) -> None:
        answers = [a if a is not None else 0 for a in self.answers]
        self.session.checkins.save(answers, self.difficulty, self.item9_panel_shown)
        await self.show_result()

    async def action_previous(self) -> None:
        if self.page == DIFFICULTY:
            await self.show_item(ITEM9)
        elif self.page == ITEM and self.index > 0:
            await self.show_item(self.index - 1)

    # -- buttons and leaving ------------------------------------------------------

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id
        if button == "checkin-start":
            await self.show_item(0)
        elif button == "checkin-trend":
            await self.show_trend()
        elif button == "checkin-done":
            self.dismiss()
        elif button == "panel-open-plan":
            self.post_message(ToolChosen("safety-plan"))
        elif button == "panel-add-question":
            self.add_question(event.button)
        elif button == "panel-continue":
            self.query_one("#checkin-body").remove_class("-panel")
            await self.after_items()

    def add_question(self, button: Button) -> None:
        if self.question_added:
            return
        added = self.session.questions.add(self.panel_words.question, QUESTION_SOURCE)
        if added is not None:
            self.question_added = True
            button.label = plain(self.panel_words.question_added)
            button.disabled = True
            self.query_one("#panel-text").focus()

    async def action_trend(self) -> None:
        await self.show_trend()

    def action_leave(self) -> None:
        if self.page == PANEL:
            return
        self.dismiss()
