"""The safety plan's shape: entries per part, what F1 shows, and its Markdown.

The learner writes each part as lines (one entry per line); this module
turns the saved text into entries and back, picks the parts the "Get help
now" panel shows (the helpers and the professionals, word for word), and
writes the plan as Markdown for the export. The parts, their titles and
prompts are in ``course/wording/safety_plan.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from course.wording import PlanPart, SafetyPlanWording


def entries(text: str) -> list[str]:
    """The non-blank lines of a part's text, each as typed (ends trimmed)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def has_plan(parts: Mapping[str, str]) -> bool:
    """Whether the learner has written anything in any part."""
    return any(entries(text) for text in parts.values())


def help_parts(
    words: SafetyPlanWording, parts: Mapping[str, str]
) -> list[tuple[PlanPart, list[str]]]:
    """The parts F1 shows (``in_help``) that hold entries, with their entries, in order."""
    shown: list[tuple[PlanPart, list[str]]] = []
    for part in words.parts:
        found = entries(parts.get(part.id, ""))
        if part.in_help and found:
            shown.append((part, found))
    return shown


def plan_lines(words: SafetyPlanWording, parts: Mapping[str, str]) -> list[str]:
    """The whole plan as plain lines (line mode): each part's title, then its entries."""
    lines: list[str] = []
    for part in words.parts:
        lines.append(part.title)
        found = entries(parts.get(part.id, ""))
        lines += [f"- {entry}" for entry in found] or [f"  {words.empty_part}"]
    return lines


def safety_plan_markdown(
    words: SafetyPlanWording,
    parts: Mapping[str, str],
    escape_line: Callable[[str], str] | None = None,
) -> str:
    """The plan as a Markdown section for the export (``## My safety plan``).

    Args:
        words: The plan's wording.
        parts: The learner's text by part id (``SafetyPlanDoor.parts()``).
        escape_line: Makes one line of learner text safe Markdown; the
            export's own (``course.export.escape_line``) by default, so the
            plan is escaped exactly as the rest of the notes.
    """
    if escape_line is None:
        from course.export import escape_line as export_escape

        escape_line = export_escape
    lines = [f"## {words.title}", ""]
    if not has_plan(parts):
        lines += [words.export_none, ""]
    else:
        for part in words.parts:
            found = entries(parts.get(part.id, ""))
            if not found:
                continue
            lines += [f"### {part.title}", ""]
            lines += [f"- {escape_line(entry)}" for entry in found]
            lines.append("")
    lines += [f"*{words.statements[-1]}*", "", f"Source: {words.source}", ""]
    return "\n".join(lines)
