"""Where the terminal's cursor sits: on whatever has focus, so assistive tools can follow.

Textual hides the terminal cursor and parks it wherever ``App.cursor_position``
says (the top-left corner unless a text box moves it). Screen magnifiers and
braille displays (BRLTTY reads the cursor from the console; magnifiers in
many terminals follow the text cursor) track that position, hidden or not, so
leaving it in the corner leaves them reading the corner. :func:`cursor_for`
says where it belongs for the focused widget: the mark of a quiz choice or
plan item, the highlighted row of a list (the map), a button's label, the
caret of a text box. :class:`FollowsFocus` makes the app's cursor position
that place at every draw.

Only public Textual API is used. An option list does not say publicly which
line an option starts on, so its row is worked out from the options' heights
at the list's width; if ``course.ui.textual_fixes`` offers ``option_line``
(the list's own answer), that is used instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.geometry import Offset
from textual.visual import visualize
from textual.widget import Widget
from textual.widgets import Button, OptionList

from course.ui.widgets.choice_box import ChoiceBox

MARK_COLUMN = 2
"""A choice box draws its focus pointer, then ``( )`` or ``[ ]``: the cursor sits inside
the mark, on the mark itself."""


def estimated_option_line(option_list: OptionList, index: int) -> int:
    """The first content line of option ``index``, from each option's height at the list's width.

    Dividers between options (which the course never uses) are not counted.
    """
    padding = option_list.get_component_styles("option-list--option").padding
    width = max(1, option_list.scrollable_content_region.width - padding.width)
    rules: Any = option_list.styles  # what OptionList itself passes (typed as RulesMap)
    line = 0
    for option in option_list.options[:index]:
        visual = visualize(option_list, option.prompt, markup=False)
        line += max(1, visual.get_height(rules, width))
    return line


def _option_line_finder() -> Callable[[OptionList, int], int | None]:
    from course.ui import textual_fixes

    exact: Callable[[OptionList, int], int | None] | None = getattr(
        textual_fixes, "option_line", None
    )
    return exact if exact is not None else estimated_option_line


def _on_screen(widget: Widget, offset: Offset) -> Offset | None:
    """``offset`` if it lies in the part of ``widget`` that is shown, else None."""
    region = widget.scrollable_content_region
    if not region or not widget.display:
        return None
    return offset if region.contains(*offset) else None


def cursor_for(widget: Widget | None) -> Offset | None:
    """Where the terminal cursor should be (screen-space) while ``widget`` has focus.

    Returns:
        None when the widget is not on screen (or there is none): the caller
        leaves the cursor where it was.
    """
    if widget is None or not widget.is_mounted or not widget.region:
        return None
    caret: Offset | None = getattr(widget, "cursor_screen_offset", None)
    if caret is not None:
        # A text box (Input, TextArea): its caret. Asked of the widget rather
        # than by class, so a start (which shows none) never imports them.
        return _on_screen(widget, caret)
    content = widget.content_region
    if isinstance(widget, OptionList):
        highlighted = widget.highlighted
        if highlighted is None:
            return _on_screen(widget, content.offset)
        line = _option_line_finder()(widget, highlighted)
        if line is None:
            return None
        _, scroll_y = widget.scroll_offset
        padding = widget.get_component_styles("option-list--option").padding
        return _on_screen(widget, Offset(content.x + padding.left, content.y + line - scroll_y))
    if isinstance(widget, ChoiceBox):
        return _on_screen(widget, content.offset + Offset(MARK_COLUMN, 0))
    if isinstance(widget, Button):
        label = widget.label
        length = label.cell_length if hasattr(label, "cell_length") else len(str(label))
        column = max(0, (content.width - length) // 2)
        return _on_screen(widget, content.offset + Offset(column, content.height // 2))
    return _on_screen(widget, content.offset)


class FollowsFocus:
    """Mix into the App (before Textual's ``App``): the cursor is read from focus at each draw.

    Textual reads ``App.cursor_position`` whenever it draws, and moves the
    (hidden) terminal cursor there; this makes the read say where the focused
    widget is, so focus, a new highlight on the map, a scroll or a resize are
    all followed without a handler for each. Whatever Textual's own widgets
    set is kept as the fallback: a text box that is not focused (one built
    ahead, out of sight) no longer pulls the cursor away from the focused one.
    """

    _cursor_fallback = Offset(0, 0)

    @property
    def cursor_position(self) -> Offset:
        app: Any = self
        try:
            focused = app.screen.focused
        except Exception:
            return self._cursor_fallback
        return cursor_for(focused) or self._cursor_fallback

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        self._cursor_fallback = offset
