"""How many lines a read page takes on an 80x24 terminal, without drawing it.

The lesson screen shows a page body about ``READ_WIDTH`` columns wide and
``READ_HEIGHT`` lines tall at 80x24 (the title bar, the step line, the buttons
and the footer take the rest: see ``course/ui/screens/lesson.tcss``). The
validator and ``trd-course outline`` use this estimate to tell an author that
a learner would have to scroll. It approximates the app's Markdown page
(``course.ui.markdown_page``) with a plain word wrap, block by block: close
enough to say "fits" or "about twice the screen", and free of the UI (a test
holds it to within a few lines of the real page for every bundled lesson).
"""

from __future__ import annotations

import re

READ_WIDTH = 78
"""Columns of page text at 80 columns: the step area's padding takes 2 (measured in
the app; a page that scrolls also loses 2 to the scroll bar)."""
READ_HEIGHT = 18
"""Lines of page text visible at 24 rows without scrolling: the step area is 19 rows
(the title, the step line, the buttons with their margin and the footer take 5) and
the page's top padding takes 1 (measured in the app)."""

_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+")
_FENCE = re.compile(r"\s{0,3}(?:```|~~~)")
_HEADING = re.compile(r"\s{0,3}#{1,6}(?:\s|$)")


def wrapped_lines(text: str, width: int) -> int:
    """Lines ``text`` takes when words are filled greedily into ``width`` columns.

    As ``textwrap.wrap`` counts them (a word longer than a line is cut into
    pieces), without building the lines: the validator measures every page of
    every load.
    """
    lines = 0
    used = 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size <= width:
            used += 1 + size
            continue
        if used and size <= width:
            lines += 1
            used = size
            continue
        if used:
            # A long word starts on the current line's remainder, as textwrap does.
            room = width - used - 1
            if room > 0:
                size -= room
            lines += 1
        full, rest = divmod(size, width)
        lines += full
        used = rest
        if not rest:
            lines -= 1
            used = width
    return lines + 1 if used else max(lines, 1)


class _Layout:
    """Lines so far, and whether the next block needs a blank line before it."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines = 0
        self.blocks = 0
        self.paragraph: list[str] = []
        self.indent = 0
        self.in_list = False
        self.after_blank = False

    def start_block(self, list_item: bool) -> None:
        tight = list_item and self.in_list and not self.after_blank
        if self.blocks and not tight:
            self.lines += 1
        self.blocks += 1
        self.in_list = list_item
        self.after_blank = False

    def flush(self) -> None:
        if self.paragraph:
            text = " ".join(part.strip() for part in self.paragraph)
            room = max(self.width - self.indent, 10)
            self.lines += wrapped_lines(text, room)
            self.paragraph = []


def page_lines(markdown: str, width: int = READ_WIDTH) -> int:
    """About how many lines ``markdown`` fills when wrapped at ``width`` columns."""
    page = _Layout(width)
    in_fence = False
    for raw in markdown.expandtabs(4).splitlines():
        if _FENCE.match(raw):
            page.flush()
            if not in_fence:
                page.start_block(False)
            in_fence = not in_fence
            continue
        if in_fence:
            page.lines += 1 + max(0, (len(raw) + 4 - 1) // width)
            continue
        if not raw.strip():
            page.flush()
            page.after_blank = True
            continue
        item = _LIST_ITEM.match(raw)
        if item or _HEADING.match(raw):
            page.flush()
            page.start_block(item is not None)
            page.indent = len(item.group(0)) if item else 0
            page.paragraph = [raw[item.end() :] if item else raw.strip().lstrip("#")]
            if not item:
                page.flush()
            continue
        if not page.paragraph:
            if page.in_list and raw.startswith("  ") and not page.after_blank:
                pass  # a list item's continuation
            else:
                page.start_block(False)
                page.indent = 0
        page.paragraph.append(raw)
    page.flush()
    return page.lines


def code_line(markdown: str) -> int | None:
    """The index of the first line Markdown shows as an indented code block, if any.

    Four spaces of indent after a blank line (or at the start) make a code
    block unless the line continues a list item, so an author who indented a
    whole page to line it up in the TOML file gets raw ``**`` on screen.
    """
    if "    " not in markdown and "\t" not in markdown:
        return None  # nothing indented four columns: the usual page
    in_fence = False
    in_list = False
    after_blank = True
    for index, raw in enumerate(markdown.expandtabs(4).splitlines()):
        if _FENCE.match(raw):
            in_fence = not in_fence
            after_blank = False
            continue
        if in_fence:
            continue
        if not raw.strip():
            after_blank = True
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent >= 4 and after_blank and not in_list:
            return index
        if _LIST_ITEM.match(raw):
            in_list = True
        elif indent == 0:
            in_list = False
        after_blank = False
    return None


def screens(lines: int, height: int = READ_HEIGHT) -> float:
    """How many screenfuls ``lines`` is: 1.0 or less fits without scrolling."""
    return lines / height
