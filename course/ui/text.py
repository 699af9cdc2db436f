"""Author and learner text, made safe to show.

Everything an author or learner writes goes through here on its way to the
screen, as plain ``Content`` (never parsed as markup) or as Rich Markdown with
hyperlinks off, so ``[bold]`` or ``[@click=app.quit]`` shows as typed and a
link shows its address instead of becoming something to click.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from rich.markdown import Markdown


def plain(text: str) -> Content:
    """Text shown exactly as written."""
    return Content(text)


@lru_cache(maxsize=256)
def markdown(text: str) -> Markdown:
    """Parse a page of Markdown once; rendering at a new width reuses the parse.

    Rich's Markdown (and the parser under it) is imported on the first page
    shown, not at start-up: the map never needs it.
    """
    from rich.markdown import Markdown

    return Markdown(text, hyperlinks=False, inline_code_lexer=None)
