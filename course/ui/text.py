"""Author and learner text, made safe to show.

Everything an author or learner writes goes through here on its way to the
screen, as plain ``Content`` (never parsed as markup) or as a ``MarkdownPage``
(drawn from plain ``Text``, links shown with their address and never
clickable), so ``[bold]`` or ``[@click=app.quit]`` shows as typed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from course.ui.markdown_page import MarkdownPage


def plain(text: str) -> Content:
    """Text shown exactly as written."""
    return Content(text)


@lru_cache(maxsize=256)
def markdown(text: str) -> MarkdownPage:
    """Parse a page of Markdown once; drawing it at a new width reuses the parse.

    The parser is imported on the first page shown, not at start-up: the map
    never needs it.
    """
    from course.ui.markdown_page import MarkdownPage

    return MarkdownPage(text)
