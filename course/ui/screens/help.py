"""Get help now: crisis lines, then the learner's own helpers, one key (F1) away.

The crisis lines come first, always, whatever the plan holds. Then the
parts of the learner's safety plan meant for a crisis (the people they can
ask and the professionals), word for word, and one key to the whole plan; if
there is no plan yet, one line offers to make one. Last, that nobody watches
what is written here, so the course cannot send for help. The words are in
``course/wording/crisis.toml`` and ``course/wording/safety_plan.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from course import crisis
from course.ui.messages import ToolChosen
from course.ui.screens.room import fit_scroll, rows_of_all
from course.ui.text import plain

if TYPE_CHECKING:
    from course.session import Session

PLAN_TOOL = "safety-plan"


def crisis_lines() -> ComposeResult:
    """The crisis lines as widgets, shared by the help panel and the welcome."""
    yield Static(plain(crisis.HEADLINE), classes="crisis-headline")
    for what, detail in crisis.LINES:
        yield Static(plain(f"• {what}: {detail}"), classes="crisis-line")


class HelpScreen(ModalScreen[None]):
    """A calm panel that covers the course until the learner closes it.

    Args:
        session: Where the learner's plan is read from. The app may build the
            panel without one; it then uses the app's ``session`` if it has one,
            and shows the crisis lines alone if not (help never waits on a plan).
    """

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("escape,f1,q", "dismiss_help", "Close", id="close-help"),
        Binding("s", "open_plan", "My safety plan", id="open-plan"),
        # Focus starts on Close, which ignores the arrows: they scroll the
        # words instead, so the plan's last lines and the privacy line can be
        # read without first finding Tab.
        Binding("down", "scroll_body('scroll_down')", show=False),
        Binding("up", "scroll_body('scroll_up')", show=False),
        Binding("pagedown", "scroll_body('scroll_page_down')", show=False),
        Binding("pageup", "scroll_body('scroll_page_up')", show=False),
        Binding("home", "scroll_body('scroll_home')", show=False),
        Binding("end", "scroll_body('scroll_end')", show=False),
    ]

    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self._session = session

    def _plan_parts(self) -> dict[str, str] | None:
        session = self._session or getattr(self.app, "session", None)
        if session is None:
            return None
        try:
            parts: dict[str, str] = session.safety_plan.parts()
        except Exception:  # help must show even if the plan cannot be read
            return None
        return parts

    def compose(self) -> ComposeResult:
        from course import wording
        from course.safety_plan import has_plan, help_parts

        with Vertical(id="help-panel"):
            yield Static("Get help now", id="help-title")
            with VerticalScroll(id="help-body"):
                yield from crisis_lines()
                words = None
                planned = False
                parts = self._plan_parts()
                if parts is not None:
                    try:
                        words = wording.safety_plan()
                    except wording.WordingError:
                        words = None
                    planned = words is not None and has_plan(parts)
                    if words is not None and planned:
                        yield Static(plain(words.help_heading), classes="help-plan-heading")
                        for part, entries in help_parts(words, parts):
                            yield Static(plain(part.title), classes="help-plan-part")
                            for entry in entries:
                                yield Static(plain(f"• {entry}"), classes="help-plan-entry")
                    elif words is not None:
                        yield Static(plain(words.help_none), id="help-no-plan")
                yield Static(plain(crisis.PRIVACY), id="help-privacy")
            with Horizontal(id="help-buttons"):
                if words is not None and planned:
                    yield Button(plain(f"{words.help_open} (s)"), id="help-open-plan")
                yield Button("Close (Esc)", id="help-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#help-close", Button).focus()
        self.call_after_refresh(self._fit)

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Keep the buttons on screen: on a short terminal the words scroll in less room."""
        if not self.is_attached:
            return
        panel = self.query_one("#help-panel", Vertical)
        body = self.query_one("#help-body", VerticalScroll)
        others = rows_of_all(child for child in panel.children if child is not body)
        fit_scroll(body, self.size.height - panel.styles.gutter.height - others)

    def action_scroll_body(self, how: str) -> None:
        scroll = getattr(self.query_one("#help-body", VerticalScroll), how)
        scroll(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "help-open-plan":
            self.action_open_plan()
        else:
            self.dismiss(None)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)

    def action_open_plan(self) -> None:
        """Close the panel and show the whole plan (to write one, if there is none)."""
        if self._plan_parts() is None:
            return
        self.app.post_message(ToolChosen(PLAN_TOOL))
        self.dismiss(None)
