"""A checkbox whose tick is read from its shape, not its colour.

Textual's Checkbox draws ``▐X▌`` ticked or not and tells the two apart by
colour alone: on a dim screen, with NO_COLOR or in a screen's plain text an
unticked "I am still taking it" read as ticked, and a learner pressing Space
to "untick" it ticked it. This box draws ``▐ ▌`` when unticked and ``▐X▌``
when ticked, and keeps everything else of Textual's Checkbox (Space and
Enter flip it, ``Checkbox.Changed`` goes out).

Textual's box is also one line tall whatever its label, so a long question
was cut with "…" at 60 columns. Given ``text-wrap: wrap`` in its styles (and
a width), this box is as tall as its wrapped label.
"""

from __future__ import annotations

from textual.content import ContentText
from textual.geometry import Size
from textual.widgets import Checkbox

TICKED = "X"
UNTICKED = " "


class TickBox(Checkbox):
    def __init__(
        self,
        label: ContentText = "",
        value: bool = False,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(label, value, id=id, classes=classes)
        self.BUTTON_INNER = TICKED if value else UNTICKED

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.styles.text_wrap != "wrap" or width <= 0:
            return 1
        return max(1, len(self.render().wrap(width)))
