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

from course.safe_text import visible

if TYPE_CHECKING:
    from textual.fuzzy import Matcher

    from course.ui.markdown_page import MarkdownPage


def plain(text: str) -> Content:
    """Text shown exactly as written, never parsed as markup, control characters shown."""
    return Content(visible(text))


def markup_literal(text: str) -> str:
    """``text`` escaped for the few Textual places that take only a markup string."""
    from textual.markup import escape

    return escape(visible(text))


def highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` as typed, with the letters the palette's query matched picked out.

    Textual's own ``Matcher.highlight`` parses its candidate as markup, so a
    lesson titled ``[@click=app.quit]Q[/]`` became a button that quit the app.
    """
    shown = visible(text)
    content = Content(shown)
    score, offsets = matcher.fuzzy_search.match(matcher.query, shown)
    if not score:
        return content
    for offset in offsets:
        if not shown[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


@lru_cache(maxsize=256)
def markdown(text: str) -> MarkdownPage:
    """Parse a page of Markdown once; drawing it at a new width reuses the parse.

    The parser is imported on the first page shown, not at start-up: the map
    never needs it.
    """
    from course.ui.markdown_page import MarkdownPage

    return MarkdownPage(text)
