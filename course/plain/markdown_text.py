"""A lesson page's Markdown as plain lines, for a screen reader or a braille display.

What a sighted reader gets from styling is said in plain text instead:
emphasis is dropped (the words stay), a list item starts with "- " (or its
number), a link is "text (address)", a heading is its own line. Paragraphs are
one line each, with an empty line between: the terminal wraps them, and a
braille display pans a whole sentence instead of meeting a break the course
made at some width it guessed.

It parses with markdown-it (which the app's own page uses too), the same
flavour with tables and strikethrough, so a page reads the same in both front
ends. Every piece of author text passes :func:`course.safe_text.visible`, so a
control character shows as a picture and is never sent to the terminal.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from course.safe_text import visible

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

INDENT = "  "
"""How far a nested list or a quote moves in: two spaces a line, never a drawn bar."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(children: list[Token]) -> str:
    """One paragraph's inline tokens as plain text: words kept, styling dropped."""
    out: list[str] = []
    links: list[tuple[str, int]] = []
    """Open links: the address, and where the link's text began in ``out``."""
    for token in children:
        kind = token.type
        if kind in {"text", "code_inline", "html_inline"}:
            out.append(token.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image":
            alt = "".join(child.content for child in token.children or [])
            out.append(f"(picture: {alt})" if alt else "(picture)")
        elif kind == "link_open":
            links.append((str(token.attrGet("href") or ""), len(out)))
        elif kind == "link_close" and links:
            href, start = links.pop()
            text = "".join(out[start:]).strip()
            shown = href.removeprefix("mailto:")
            if shown and shown != text:
                out.append(f" ({shown})")
        # strong, em and s open/close: the words are kept, the styling is not said
    return "".join(out)


def plain_lines(markdown: str) -> list[str]:
    """The page as lines to print, with an empty line between blocks.

    Returns:
        Lines without line endings; no line begins or ends a block with an
        empty line, and no two empty lines follow each other.
    """
    tokens = _parser().parse(markdown)
    lines: list[str] = []
    prefixes: list[str] = []
    """What starts each line at this depth: list indents and quote marks."""
    lists: list[list[int]] = []
    """Open lists: [next number] for an ordered list, [] for a bulleted one."""
    marker: str | None = None
    """A list item's "- " or "1. ", waiting for the item's first line."""
    row: list[str] = []

    def block_gap() -> None:
        if lines and lines[-1] != "":
            lines.append("")

    def emit(text: str) -> None:
        nonlocal marker
        for number, part in enumerate(text.split("\n")):
            lead = "".join(prefixes)
            if marker is not None and number == 0:
                # The item's marker stands where its indent would be.
                lead = "".join(prefixes[:-1]) + marker
                marker = None
            lines.append(visible(lead + part).rstrip())

    for index, token in enumerate(tokens):
        kind = token.type
        starts_block = kind in {"paragraph_open", "heading_open", "fence", "code_block", "hr"}
        if (starts_block or kind == "table_open") and not (
            marker is not None or (lists and token.hidden)
        ):
            block_gap()
        if kind == "inline":
            if index > 0 and tokens[index - 1].type in {"th_open", "td_open"}:
                row.append(inline_text(token.children or []).strip())
            else:
                emit(inline_text(token.children or []))
        elif kind in {"fence", "code_block"}:
            for code_line in token.content.rstrip("\n").split("\n"):
                emit(INDENT + code_line)
        elif kind == "html_block":
            block_gap()
            for html_line in token.content.rstrip("\n").split("\n"):
                emit(html_line)
        elif kind == "hr":
            emit("* * *")
        elif kind == "bullet_list_open":
            if not lists:
                block_gap()
            lists.append([])
        elif kind == "ordered_list_open":
            if not lists:
                block_gap()
            lists.append([int(token.attrGet("start") or 1)])
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif kind == "list_item_open":
            counter = lists[-1] if lists else []
            if counter:
                marker = f"{counter[0]}. "
                counter[0] += 1
            else:
                marker = "- "
            prefixes.append(" " * len(marker))
        elif kind == "list_item_close":
            prefixes.pop()
            marker = None
        elif kind == "blockquote_open":
            block_gap()
            prefixes.append("> ")
        elif kind == "blockquote_close":
            prefixes.pop()
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            emit(" | ".join(row))
            row = []
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def plain_text(markdown: str) -> str:
    """The page as one string of plain lines."""
    return "\n".join(plain_lines(markdown))
