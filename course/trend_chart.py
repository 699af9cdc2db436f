"""The check-in trend as text: bar rows on the fixed 0-27 scale, and a table.

The chart never rescales to the data: one cell is one point of the PHQ-9,
always, so a change from 9 to 20 draws eleven cells and a change from 20 to
21 draws one. A chart fitted to its own range would make a one-point wobble
look like a collapse. Band lines (where mild, moderate, moderately severe
and severe start) are drawn in every row, so each bar can be read against
them without colour (NO_COLOR, a screen reader's braille line).

The table says the same in words a screen reader reads well and Markdown
shows as a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from course.checkin import BAND_LOWS, MAX_TOTAL, Point

FULL = "█"
EMPTY = " "
BAND_LINE = "┆"
EDGE = "│"
DATE = "%Y-%m-%d"
DATE_WIDTH = 10

_BAND_STARTS = frozenset(low for low, _ in BAND_LOWS[1:])


def bar(total: int) -> str:
    """One row's bar: a cell per point of 0-27, a band line before 5, 10, 15 and 20."""
    if not 0 <= total <= MAX_TOTAL:
        raise ValueError(f"a PHQ-9 total is 0-{MAX_TOTAL}, not {total}")
    cells: list[str] = [EDGE]
    for point in range(1, MAX_TOTAL + 1):
        if point in _BAND_STARTS:
            cells.append(BAND_LINE)
        cells.append(FULL if point <= total else EMPTY)
    cells.append(EDGE)
    return "".join(cells)


def _column_of(total: int) -> int:
    """Where the band line before ``total`` (or the left edge for 0) sits in a bar."""
    if total == 0:
        return 0
    return total + sum(1 for start in _BAND_STARTS if start < total)


def axis() -> str:
    """The scale above the bars: 0 at the left edge, each band's start at its line, 27."""
    width = len(bar(0))
    row = [" "] * (width + 1)
    marks = [(0, "0")] + [(_column_of(s), str(s)) for s in sorted(_BAND_STARTS)]
    marks.append((width - 2, str(MAX_TOTAL)))
    for column, label in marks:
        for offset, char in enumerate(label):
            row[column + offset] = char
    return "".join(row).rstrip()


def chart_lines(points: Sequence[Point]) -> list[str]:
    """The chart: a header (``Date`` and the scale), then one row per check-in (date, bar, total)."""
    lead = "Date".ljust(DATE_WIDTH + 1)  # not spaces: a wrapped line would drop them
    lines = [lead + axis()]
    for point in points:
        date = point.taken_at.astimezone().strftime(DATE)
        lines.append(f"{date} {bar(point.total)} {point.total:>2}")
    return lines


def table_rows(
    points: Sequence[Point], yes: str = "yes", no: str = "no"
) -> list[tuple[str, str, str, str]]:
    """(date, total, band, item 9) for each check-in, oldest first."""
    return [
        (
            p.taken_at.astimezone().strftime(DATE),
            str(p.total),
            p.band.name,
            yes if p.item9 > 0 else no,
        )
        for p in points
    ]


def table_lines(
    points: Sequence[Point],
    columns: Sequence[str] = ("Date", "Total", "Band", "Item 9"),
    yes: str = "yes",
    no: str = "no",
) -> list[str]:
    """The table as aligned plain text: a header row, then one row per check-in."""
    rows = [tuple(columns), *table_rows(points, yes, no)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def table_markdown(
    points: Sequence[Point],
    columns: Sequence[str] = ("Date", "Total", "Band", "Item 9"),
    yes: str = "yes",
    no: str = "no",
) -> str:
    """The table as a Markdown table (dates, numbers and band names need no escaping)."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(points, yes, no)]
    return "\n".join(lines)


def checkin_table_markdown(points: Sequence[Point]) -> str:
    """The check-in section for the export (``## Check-ins (PHQ-9)``): the table, in words.

    Uses the check-in wording for its heading, columns and note, and the
    PHQ-9's attribution and source, so the export says what the screen says.
    """
    from course import wording

    words = wording.checkin()
    form = wording.phq9()
    lines = [f"## {words['export_heading']}", ""]
    if not points:
        lines += [words["export_none"], ""]
        return "\n".join(lines)
    table = table_markdown(points, words.table_columns, words["item9_yes"], words["item9_no"])
    lines += [table, "", words["table_note"], "", words["not_diagnosis"], ""]
    lines += [f"*{form.attribution}*", "", f"Source: {form.source}", ""]
    return "\n".join(lines)
