"""A page of author Markdown, drawn with nothing but Rich ``Text`` and ``Segment``.

Rich's own ``Markdown`` imports ``rich.syntax`` and Pygments to colour code
blocks that lessons never hold: with Textual loaded, the first page cost about
3.4 MiB resident that way, against 1.8 MiB this way (most of it markdown-it,
which Textual depends on anyway), enough to matter to the memory target. This
module parses with markdown-it and draws the few things authors write.

Author text is untrusted. Every string goes into a ``Text`` by ``append`` with
a ``Style`` object, never through ``Text.from_markup`` or Textual markup, so
``[bold]`` or ``[@click=app.quit]`` shows as typed. Links carry no ``link``
style and no click meta: a link shows its address in parentheses, for the learner
to copy if they choose, and nothing on the page can be clicked into acting.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Protocol

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult

Line = list[Segment]

# The look of Rich's default Markdown theme, so pages look as they did.
STRONG = Style(bold=True)
EM = Style(italic=True)
STRIKE = Style(strike=True)
CODE = Style(bold=True, color="cyan", bgcolor="black")
LINK = Style(color="bright_blue")
ADDRESS = Style(color="blue", underline=True)
QUOTE = Style(color="magenta")
BULLET = Style(bold=True)
NUMBER = Style(color="cyan")
RULE = Style(dim=True)
HEADINGS = {
    "h1": Style(bold=True, underline=True),
    "h2": Style(color="magenta", underline=True),
    "h3": Style(color="magenta", bold=True),
    "h4": Style(color="magenta", italic=True),
    "h5": Style(italic=True),
    "h6": Style(dim=True),
}
INLINE_STYLES = {"strong": STRONG, "em": EM, "s": STRIKE}
CODE_INDENT = "    "
WIDTHS_KEPT = 4  # a page is drawn at one width or two (a resize); keep a few

# C0 and C1 controls other than tab and newline. The validator refuses them in
# lessons; dropping them here keeps an escape sequence off the terminal even
# if a page arrives some other way.
_CONTROLS = dict.fromkeys([*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])


@cache
def _markdown_it() -> MarkdownIt:
    """CommonMark plus tables and ~~strike~~, as Rich's Markdown parsed it."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class Block(Protocol):
    """One piece of a page that can lay itself out at a width."""

    def lines(self, width: int, console: Console) -> list[Line]: ...

    def min_width(self) -> int:
        """The narrowest width at which no word has to be split."""
        ...


@dataclass(frozen=True, slots=True)
class Prose:
    """Styled text, word-wrapped at whatever width it is given."""

    text: Text
    justify: JustifyMethod = "default"

    def lines(self, width: int, console: Console) -> list[Line]:
        wrapped = self.text.wrap(console, width, justify=self.justify, overflow="fold")
        return [list(line.render(console)) for line in wrapped]

    def min_width(self) -> int:
        return max((cell_len(word) for word in self.text.plain.split()), default=1)


@dataclass(frozen=True, slots=True)
class Indented:
    """A block drawn to the right of a marker: a bullet, a number, a quote bar.

    The body wraps in what is left of the width, so a long list item lines up
    under its own first word (a hanging indent) rather than under the bullet.
    """

    body: Block
    first: Segment
    rest: Segment

    def lines(self, width: int, console: Console) -> list[Line]:
        inner = self.body.lines(max(1, width - cell_len(self.first.text)), console) or [[]]
        return [[self.rest if index else self.first, *line] for index, line in enumerate(inner)]

    def min_width(self) -> int:
        return cell_len(self.first.text) + self.body.min_width()


@dataclass(frozen=True, slots=True)
class Stack:
    """Blocks one under another, with `gap` blank lines between them."""

    blocks: tuple[Block, ...]
    gap: int

    def lines(self, width: int, console: Console) -> list[Line]:
        out: list[Line] = []
        for index, block in enumerate(self.blocks):
            if index:
                out.extend([] for _ in range(self.gap))
            out.extend(block.lines(width, console))
        return out

    def min_width(self) -> int:
        return max((block.min_width() for block in self.blocks), default=1)


class Rule:
    """A horizontal rule across the whole width."""

    __slots__ = ()

    def lines(self, width: int, console: Console) -> list[Line]:
        return [[Segment("─" * width, RULE)]]

    def min_width(self) -> int:
        return 1


class MarkdownPage:
    """A page of Markdown, parsed once; its lines are kept for each width drawn.

    Textual asks for a page's height and then for its lines at the same width,
    and again on every refresh, so the wrapped lines are kept (for a few
    widths) rather than laid out each time.
    """

    __slots__ = ("_drawn", "_page")

    def __init__(self, source: str) -> None:
        tokens = _markdown_it().parse(
            source.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
        )
        self._page = Stack(_blocks(tokens, Style()), gap=1)
        self._drawn: dict[int, list[Line]] = {}

    def lines(self, width: int, console: Console) -> list[Line]:
        """The page laid out at `width` cells, one list of segments per line."""
        width = max(1, width)
        drawn = self._drawn.get(width)
        if drawn is None:
            if len(self._drawn) >= WIDTHS_KEPT:
                del self._drawn[next(iter(self._drawn))]
            drawn = [
                Segment.adjust_line_length(line, width, pad=False)
                for line in self._page.lines(width, console)
            ]
            self._drawn[width] = drawn
        return drawn

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width, console):
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.lines(options.max_width, console)
        widest = max((Segment.get_line_length(line) for line in lines), default=0)
        return Measurement(min(self._page.min_width(), widest), widest)


def _blocks(tokens: list[Token], style: Style) -> tuple[Block, ...]:
    """The blocks in a run of block tokens (a page, a list item, a quote).

    markdown-it stops nesting blocks at 20 levels, so recursing once per
    container is safe; inline content is walked with a loop instead, because
    emphasis can nest as deep as an author types asterisks.
    """
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _close(tokens, index) if token.nesting == 1 else index
        block = _block(token, tokens[index + 1 : end], style)
        if block is not None:
            blocks.append(block)
        index = end + 1
    return tuple(blocks)


def _close(tokens: list[Token], start: int) -> int:
    """Where the container opened at `start` closes (the end if it never does)."""
    level = tokens[start].level
    for index in range(start + 1, len(tokens)):
        if tokens[index].nesting == -1 and tokens[index].level == level:
            return index
    return len(tokens)


def _block(token: Token, inner: list[Token], style: Style) -> Block | None:
    """The block for one token and the tokens inside it; anything unknown shows its text."""
    kind = token.type
    if kind == "paragraph_open" or kind == "inline":
        return Prose(_inline(inner if inner else [token], style))
    if kind == "heading_open":
        heading = style + HEADINGS.get(token.tag, STRONG)
        return Prose(_inline(inner, heading), "center" if token.tag == "h1" else "default")
    if kind in ("bullet_list_open", "ordered_list_open"):
        return _list(token, inner, style)
    if kind == "blockquote_open":
        quoted = style + QUOTE
        bar = Segment("▌ ", quoted)
        return Indented(Stack(_blocks(inner, quoted), gap=1), bar, bar)
    if kind in ("fence", "code_block"):
        code = Prose(_verbatim(token.content, style))
        return Indented(code, Segment(CODE_INDENT), Segment(CODE_INDENT))
    if kind == "hr":
        return Rule()
    if kind == "table_open":
        return Prose(_verbatim(_table_source(inner), style))
    if token.nesting == 1:
        return Stack(_blocks(inner, style), gap=1)
    if token.content:  # html_block, and any block kind added later
        return Prose(_verbatim(token.content, style))
    return None


def _list(token: Token, inner: list[Token], style: Style) -> Block:
    """A list, items under one another; a loose list keeps blank lines between."""
    items: list[list[Token]] = []
    index = 0
    while index < len(inner):
        end = _close(inner, index) if inner[index].nesting == 1 else index
        items.append(inner[index + 1 : end])
        index = end + 1
    loose = any(
        t.type == "paragraph_open" and t.level == token.level + 2 and not t.hidden for t in inner
    )
    gap = 1 if loose else 0
    if token.type == "ordered_list_open":
        start = _start(token)
        size = len(str(start + len(items) - 1)) + 2
        delimiter = token.markup or "."
        markers = [
            Segment(f"{start + index}{delimiter}".rjust(size) + " ", NUMBER)
            for index in range(len(items))
        ]
    else:
        size = 2
        markers = [Segment(" • ", BULLET)] * len(items)
    padding = Segment(" " * (size + 1))
    return Stack(
        tuple(
            Indented(Stack(_blocks(item, style), gap), marker, padding)
            for item, marker in zip(items, markers, strict=True)
        ),
        gap,
    )


def _start(token: Token) -> int:
    try:
        return int(str(token.attrs.get("start", 1)))
    except ValueError:
        return 1


def _inline(tokens: list[Token], style: Style) -> Text:
    """The text of a paragraph or heading (from the inline token(s) inside it)."""
    text = Text()
    for token in tokens:
        if token.type == "inline":
            _append(text, token.children or [], style)
        elif token.content:
            text.append(token.content, style or None)
    return text


def _append(text: Text, tokens: list[Token], style: Style) -> None:
    """Append inline tokens: a stack of styles, opened and closed as tokens say."""
    styles = [style]
    links: list[tuple[int, str]] = []  # where each open link's words start, its address
    for token in tokens:
        kind = token.type
        current = styles[-1]
        if kind == "text" or kind == "html_inline":  # inline HTML shows as typed
            text.append(token.content, current or None)
        elif kind == "softbreak":
            text.append(" ", current or None)
        elif kind == "hardbreak":
            text.append("\n", current or None)
        elif kind == "code_inline":
            text.append(token.content, current + CODE)
        elif kind == "image":
            _append_image(text, token, current)
        elif kind == "link_open" and token.markup == "autolink":  # <https://...>
            styles.append(current + ADDRESS)
            links.append((len(text), ""))
        elif kind == "link_open":
            styles.append(current + LINK)
            links.append((len(text), str(token.attrs.get("href", ""))))
        elif token.nesting == 1:
            styles.append(current + INLINE_STYLES.get(token.tag, Style()))
        elif token.nesting == -1:
            if len(styles) > 1:
                styles.pop()
            if kind == "link_close" and links:
                _append_address(text, *links.pop(), styles[-1])
        elif token.content:
            text.append(token.content, current or None)


def _append_address(text: Text, start: int, address: str, style: Style) -> None:
    """After a link's words, its address: "words (https://...)"."""
    words = text.plain[start:]
    if not address or words == address:
        return
    if words.strip():
        text.append(" (", style or None)
        text.append(address, style + ADDRESS)
        text.append(")", style or None)
    else:
        text.append(address, style + ADDRESS)


def _append_image(text: Text, token: Token, style: Style) -> None:
    """An image cannot be drawn here: say there is one, its description and address."""
    alt = "".join(
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for child in token.children or []
    )
    text.append("Image", style or None)
    if alt.strip():
        text.append(": ", style or None)
        text.append(alt, style + LINK)
    address = str(token.attrs.get("src", ""))
    if address:
        text.append(" (", style or None)
        text.append(address, style + ADDRESS)
        text.append(")", style or None)


def _verbatim(source: str, style: Style) -> Text:
    return Text(source.rstrip("\n"), style=style or "")


def _table_source(tokens: list[Token]) -> str:
    """A table as Markdown source, one row a line: shown as written, not drawn."""
    rows: list[str] = []
    cells: list[str] = []
    header = False
    for token in tokens:
        if token.type in ("thead_open", "thead_close"):
            header = token.nesting == 1
        elif token.type == "inline":
            cells.append(token.content)
        elif token.type == "tr_close":
            rows.append("| " + " | ".join(cells) + " |")
            if header:
                rows.append("|" + "|".join("---" for _ in cells) + "|")
            cells = []
    return "\n".join(rows)
