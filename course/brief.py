"""The appointment brief: one page the learner takes to their next visit.

A pure function of what the learner chose (a :class:`Brief`), as Markdown or
as a standalone HTML page with print styles. Sections, in order: the header
(private health information, written by the learner, not a clinician), the
goal for the visit, the picked questions, the treatments table, the check-in
trend with the latest total and band, the plan items ticked, the reflections
the learner picked (none unless they pick one: the page is shared), space for
notes, and "book a follow-up" as the last line.

Every learner text is untrusted. In Markdown each character that could start
markup (``<``, ``&``, ``*``, ``[``, ``|``, a backtick, a ``>``, a ``#`` or a
list marker at the start of a line...) is escaped with a backslash, so no text
can open a heading, a list, a checkbox, a table cell, a code fence or an HTML
comment; in HTML every text is entity-escaped. Control and
direction-override characters are drawn visibly (``course.safe_text``). The
HTML has no script, no link and no external resource: it prints as it shows.

The same escaping writes :func:`treatments_markdown`, the history section of
the notes export.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from course.export import day_words, plain_one_line, quote_lines
from course.export import escape_line as export_escape_line
from course.safe_text import visible_lines
from course.treatments import (
    CheckinPoint,
    MonthYear,
    Treatment,
    at_last_dose,
    checkins_between,
    dates_words,
    how_long,
)
from course.treatments_wording import BriefWording, brief_wording, treatments_wording

TREND_ROWS = 12
"""Check-ins shown in the trend table (the latest ones): about six months of two-weekly ones."""

TREND_ONE_COLUMN = 4
"""Up to this many check-ins the HTML trend is one narrow table; more go in two tables side
by side (three past twice this), oldest first down the left: eight or twelve rows in one
column pushed the notes and the follow-up line onto a second page (printing to Letter in
Chromium)."""

LIST_ONE_COLUMN = 3
"""Questions or plan items past this many are printed in two columns, for the same page."""

CHECKINS_LISTED = 6
"""Totals listed beside a treatment; with more, the first and the latest (the trend has the rest)."""

_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
"""Marks that start markup anywhere in a line: the export's, and ``!`` too."""


@dataclass(frozen=True)
class TrendPoint:
    """One check-in in the trend table: when, the total, and its band in words."""

    taken_at: datetime
    total: int
    band: str


@dataclass(frozen=True)
class BriefReflection:
    """A reflection the learner picked: the lesson's prompt and their words."""

    lesson_title: str
    prompt: str
    text: str


@dataclass(frozen=True)
class Brief:
    """Everything that goes on the page, already chosen by the learner.

    Attributes:
        questions: Picked questions, in the order added.
        treatments: Newest first.
        trend: Every check-in, oldest first (the table shows the latest ones).
        plan_items: Plan items the learner ticked or added.
        reflections: Only those the learner picked.
        today: The day it is made on (also "today" for "still taking it").
    """

    goal: str
    questions: tuple[str, ...]
    treatments: tuple[Treatment, ...]
    trend: tuple[TrendPoint, ...]
    plan_items: tuple[str, ...]
    reflections: tuple[BriefReflection, ...]
    today: date


# -- Markdown escaping -----------------------------------------------------------


def escape_line(line: str) -> str:
    """One line of untrusted text as Markdown that renders as exactly that text.

    The export's escaping (``course.export.escape_line``), so the brief and
    the notes cannot drift apart in what they let through.
    """
    return export_escape_line(line, _INLINE)


def md_lines(text: str) -> list[str]:
    """Untrusted text as escaped Markdown lines, leading spaces kept from making code."""
    return [escape_line(line.lstrip(" \t")) for line in visible_lines(text).split("\n")]


def md_one_line(text: str) -> str:
    """Untrusted text for a table cell or a label: one line, spaces collapsed, escaped."""
    return escape_line(plain_one_line(text))


def _md_item(marker: str, text: str) -> list[str]:
    first, *rest = md_lines(text) or [""]
    inner = " " * len(marker)
    return [f"{marker}{first}".rstrip()] + [f"{inner}{line}" if line else "" for line in rest]


def _md_paragraph(text: str) -> list[str]:
    # Two trailing spaces keep the learner's line breaks without joining lines.
    lines = [line for line in md_lines(text.strip("\n"))]
    return [line + "  " if i < len(lines) - 1 and line else line for i, line in enumerate(lines)]


def _md_quote(text: str) -> list[str]:
    return quote_lines(md_lines(text.strip("\n")))


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A table whose cells are already escaped (``|`` can never end a cell early)."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


# -- what the cells say (plain text, escaped by each format) ----------------------


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _choice(value: str | None, words: dict[str, str] | None = None) -> str:
    if value is None:
        return ""
    return (words or {}).get(value, value)


@dataclass(frozen=True)
class TreatmentCells:
    """One treatment's row, as plain text (each format escapes it)."""

    treatment: str
    dates: str
    last_dose: str
    missed: str
    helped: str
    side_effects: str
    why_stopped: str
    checkins: str


def treatment_cells(
    treatment: Treatment, checkins: Sequence[CheckinPoint], today: MonthYear
) -> TreatmentCells:
    """Only what the learner typed, and arithmetic on its dates: never a judgement."""
    words = treatments_wording()
    shown = words.shown
    kind = words.kinds.get(treatment.kind, treatment.kind)
    span = how_long(treatment, today)
    dates = dates_words(treatment, shown["not_known"])
    if span is not None:
        dates += f" ({span.words(shown['under_a_month'], shown['so_far'])})"
    dose = treatment.last_dose()
    last = ""
    if dose is not None:
        last = dose.dose
        at_dose = at_last_dose(treatment, today)
        if at_dose is not None:
            last += f" ({at_dose.words(shown['under_a_month'], shown['so_far'])})"
    side = " ".join(treatment.side_effects.split())
    if treatment.side_effects_why_stopped:
        side = f"{side} (why it stopped)" if side else "why it stopped"
    why = " ".join(treatment.why_stopped.split())
    if treatment.stopped_working:
        why = f"it stopped working. {why}".strip() if why else "it stopped working"
    between = checkins_between(treatment, checkins, today)
    if len(between) > CHECKINS_LISTED:
        totals = f"first {between[0].total}, latest {between[-1].total}"
    else:
        totals = ", ".join(str(point.total) for point in between)
    return TreatmentCells(
        treatment=f"{treatment.name} ({kind})" if treatment.name else kind,
        dates=dates,
        last_dose=last,
        missed=_choice(treatment.missed_doses, dict(words.missed_doses)),
        helped=_choice(treatment.helped, dict(words.helped)),
        side_effects=side,
        why_stopped=why,
        checkins=f"{len(between)}: {totals}" if between else "",
    )


def _treatment_header(w: BriefWording) -> list[str]:
    c = w.columns
    return [
        c["treatment"],
        c["dates"],
        c["last_dose"],
        c["missed"],
        c["helped"],
        c["side_effects"],
        c["why_stopped"],
        "Check-ins then",
    ]


def _cells_list(cells: TreatmentCells) -> list[str]:
    return [
        cells.treatment,
        cells.dates,
        cells.last_dose,
        cells.missed,
        cells.helped,
        cells.side_effects,
        cells.why_stopped,
        cells.checkins,
    ]


def _points(brief: Brief) -> list[CheckinPoint]:
    return [CheckinPoint(p.taken_at, p.total) for p in brief.trend]


def _latest_words(brief: Brief, w: BriefWording) -> list[str]:
    """The latest total and band, and how many check-ins there are in all."""
    if not brief.trend:
        return []
    latest = brief.trend[-1]
    lines = [
        w.text["latest"].format(
            total=latest.total, band=latest.band, date=day_words(latest.taken_at.astimezone())
        )
    ]
    if len(brief.trend) > TREND_ROWS:
        lines.append(w.text["count"].format(count=len(brief.trend), shown=TREND_ROWS))
    return lines


def _trend_rows(brief: Brief) -> list[tuple[str, str, str]]:
    return [
        (day_words(p.taken_at.astimezone()), f"{p.total}", p.band)
        for p in brief.trend[-TREND_ROWS:]
    ]


# -- Markdown --------------------------------------------------------------------


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown: the learner's words can only ever read as text."""
    w = brief_wording()
    s = w.sections
    out: list[str] = [f"# {md_one_line(w.title)}", "", *_md_paragraph(w.header), ""]
    out += [f"Made on {day_words(brief.today)}.", ""]

    out += [f"## {md_one_line(s['goal'])}", ""]
    out += _md_paragraph(brief.goal) if brief.goal.strip() else [md_one_line(w.text["no_goal"])]
    out.append("")

    out += [f"## {md_one_line(s['questions'])}", ""]
    if brief.questions:
        for number, question in enumerate(brief.questions, 1):
            out += _md_item(f"{number}. ", question)
    else:
        out.append(md_one_line(w.text["none_yet"]))
    out.append("")

    today = MonthYear.of(brief.today)
    out += [f"## {md_one_line(s['treatments'])}", ""]
    if brief.treatments:
        points = _points(brief)
        rows = (
            [md_one_line(cell) for cell in _cells_list(treatment_cells(t, points, today))]
            for t in brief.treatments
        )
        out += _md_table([md_one_line(h) for h in _treatment_header(w)], rows)
    else:
        out.append(md_one_line(w.text["none_yet"]))
    out.append("")

    out += [f"## {md_one_line(s['checkins'])}", ""]
    if brief.trend:
        out += [md_one_line(w.text["checkin_note"]), ""]
        for line in _latest_words(brief, w):
            out += [md_one_line(line), ""]
        c = w.columns
        out += _md_table(
            [md_one_line(c["date"]), md_one_line(c["total"]), md_one_line(c["band"])],
            ([md_one_line(cell) for cell in row] for row in _trend_rows(brief)),
        )
    else:
        out.append(md_one_line(w.text["none_yet"]))
    out.append("")

    out += [f"## {md_one_line(s['plan'])}", ""]
    if brief.plan_items:
        for item in brief.plan_items:
            out += _md_item("- ", item)
    else:
        out.append(md_one_line(w.text["none_yet"]))
    out.append("")

    if brief.reflections:
        out += [f"## {md_one_line(s['reflections'])}", ""]
        for reflection in brief.reflections:
            out += [
                f"The lesson {md_one_line(reflection.lesson_title)} asked: "
                f"{md_one_line(reflection.prompt)}",
                "",
                *_md_quote(reflection.text),
                "",
            ]

    out += [f"## {md_one_line(s['notes'])}", ""]
    out += ["-" for _ in range(w.notes_lines)]  # empty items: lines to write on
    out += ["", f"**{md_one_line(w.text['follow_up'])}**", ""]
    return "\n".join(out)


# -- HTML ------------------------------------------------------------------------

_STYLE = """
@page { size: auto; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 Georgia, "Times New Roman", serif; color: #111; background: #fff;
  max-width: 52em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 16pt; margin: 0 0 .2em; }
h2 { font-size: 11.5pt; margin: 1em 0 .3em; border-bottom: 1px solid #888;
  break-after: avoid; page-break-after: avoid; }
p { margin: .3em 0; }
.private { border: 1.5px solid #000; padding: .35em .6em; font-weight: bold; }
.made { color: #333; font-size: 9.5pt; }
ol, ul { margin: .2em 0 .2em 1.4em; padding: 0; }
li { margin: .1em 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.25; }
th, td { border: 1px solid #777; padding: .2em .3em; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.trend { width: auto; min-width: 50%; }
table.parts-2, table.parts-3 { display: inline-table; vertical-align: top; min-width: 0; }
table.parts-2 { width: 48%; margin-right: 1.5%; }
table.parts-3 { width: 32%; margin-right: 0.8%; }
.two-columns { columns: 2; column-gap: 2.5em; }
.two-columns li { break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: .3em 0 .6em 1em; padding-left: .6em; border-left: 3px solid #999; }
.asked { font-style: italic; margin-top: .6em; }
.line { border-bottom: 1px solid #777; min-height: 1.7em; margin: 0; }
section.notes { break-inside: avoid; page-break-inside: avoid; }
.follow-up { font-weight: bold; font-size: 11.5pt; margin-top: .8em; }
@media print {
  body { margin: 0; max-width: none; padding: 0 2px; font-size: 10pt; }
  th { background: none; }
  section { break-inside: auto; }
}
"""


def _h(text: str) -> str:
    """Untrusted text as HTML text: entities escaped, line breaks kept, controls shown."""
    return html.escape(visible_lines(text), quote=True).replace("\n", "<br>")


def _h_one(text: str) -> str:
    return html.escape(plain_one_line(text), quote=True)


def _h_table(header: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> list[str]:
    attr = f' class="{css}"' if css else ""
    out = [f"<table{attr}>", "<thead><tr>" + "".join(f"<th>{_h_one(h)}</th>" for h in header)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{_h_one(cell)}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return out


def _columns(items: Sequence[str]) -> str:
    """The class that prints a long list in two columns (a short one stays one)."""
    return ' class="two-columns"' if len(items) > LIST_ONE_COLUMN else ""


def brief_html(brief: Brief) -> str:
    """The brief as one standalone HTML page: no script, no link, nothing fetched."""
    w = brief_wording()
    s = w.sections
    none_yet = f"<p>{_h_one(w.text['none_yet'])}</p>"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h_one(w.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head><body>",
        f"<h1>{_h_one(w.title)}</h1>",
        f'<p class="private">{_h_one(w.header)}</p>',
        f'<p class="made">Made on {_h_one(day_words(brief.today))}.</p>',
    ]

    def section(key: str, body: list[str]) -> None:
        out.extend([f'<section class="{key}"><h2>{_h_one(s[key])}</h2>', *body, "</section>"])

    goal = brief.goal.strip("\n")
    section("goal", [f"<p>{_h(goal) if goal.strip() else _h_one(w.text['no_goal'])}</p>"])
    if brief.questions:
        items = "".join(f"<li>{_h(q)}</li>" for q in brief.questions)
        section("questions", [f"<ol{_columns(brief.questions)}>{items}</ol>"])
    else:
        section("questions", [none_yet])

    today = MonthYear.of(brief.today)
    if brief.treatments:
        points = _points(brief)
        section(
            "treatments",
            _h_table(
                _treatment_header(w),
                (_cells_list(treatment_cells(t, points, today)) for t in brief.treatments),
            ),
        )
    else:
        section("treatments", [none_yet])

    if brief.trend:
        c = w.columns
        body = [f"<p>{_h_one(w.text['checkin_note'])}</p>"]
        body += [f"<p><strong>{_h_one(line)}</strong></p>" for line in _latest_words(brief, w)]
        header, rows = [c["date"], c["total"], c["band"]], _trend_rows(brief)
        parts = (
            1 if len(rows) <= TREND_ONE_COLUMN else 2 if len(rows) <= 2 * TREND_ONE_COLUMN else 3
        )
        if parts > 1:
            size = -(-len(rows) // parts)  # oldest first, down each table in turn
            for start in range(0, len(rows), size):
                body += _h_table(header, rows[start : start + size], f"trend parts-{parts}")
        else:
            body += _h_table(header, rows, "trend")
        section("checkins", body)
    else:
        section("checkins", [none_yet])

    if brief.plan_items:
        items = "".join(f"<li>{_h(item)}</li>" for item in brief.plan_items)
        section("plan", [f"<ul{_columns(brief.plan_items)}>{items}</ul>"])
    else:
        section("plan", [none_yet])

    if brief.reflections:
        body = []
        for reflection in brief.reflections:
            body.append(
                f'<p class="asked">The lesson {_h_one(reflection.lesson_title)} asked: '
                f"{_h_one(reflection.prompt)}</p>"
            )
            body.append(f"<blockquote><p>{_h(reflection.text.strip(chr(10)))}</p></blockquote>")
        section("reflections", body)

    # The follow-up line inside the notes section, which is kept whole: it is the
    # page's last line, and must not be printed alone on a second page.
    notes = ['<p class="line">&nbsp;</p>' for _ in range(w.notes_lines)]
    notes.append(f'<p class="follow-up">{_h_one(w.text["follow_up"])}</p>')
    section("notes", notes)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


FORMATS: dict[str, Callable[[Brief], str]] = {"md": brief_markdown, "html": brief_html}
"""Each output format's writer, by the name ``--format`` takes."""


# -- the notes export's history section -----------------------------------------


def treatments_markdown(
    treatments: Sequence[Treatment], checkins: Sequence[CheckinPoint], today: date
) -> str:
    """Every treatment with every field the learner wrote, for ``trd-course export``.

    Fuller than the brief's table (doses, notes and questions too), escaped
    the same way. Returns a ``## My treatments`` section ending in a newline,
    or "" when there are none.
    """
    if not treatments:
        return ""
    words = treatments_wording()
    f, shown = words.fields, words.shown
    month = MonthYear.of(today)
    out = [f"## {md_one_line(words.title)}", ""]
    for treatment in treatments:
        cells = treatment_cells(treatment, checkins, month)
        out += [f"### {md_one_line(cells.treatment)}", ""]

        def field(label: str, value: str, out: list[str] = out) -> None:
            if value.strip():
                out.extend(_md_item(f"- {md_one_line(label)}: ", value))

        field("When", cells.dates)
        for dose in treatment.doses:
            when = f", from {dose.started.label()}" if dose.started else ""
            field("Dose", f"{dose.dose}{when}")
        field(f["missed_doses"], cells.missed)
        field(f["helped"], cells.helped)
        field(f["side_effects"], treatment.side_effects)
        field(f["side_effects_why_stopped"], _yes_no(treatment.side_effects_why_stopped))
        field(f["stopped_working"], _yes_no(treatment.stopped_working))
        field(f["why_stopped"], treatment.why_stopped)
        field(shown["checkins"], cells.checkins)
        field(f["notes"], treatment.notes)
        field(f["questions"], treatment.questions)
        out.append("")
    return "\n".join(out)
