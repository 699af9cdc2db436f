"""Author Markdown is drawn from plain Text: readable, never markup, never Pygments."""

from __future__ import annotations

import io
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment

from course.ui.markdown_page import MarkdownPage

FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MARKUP = "Look: [bold]not bold[/] and [link=x]x[/link] and [@click=app.quit]quit[/] and ["


def console(width: int) -> Console:
    return Console(width=width, record=True, file=io.StringIO(), color_system="truecolor")


def shown(source: str, width: int = 80) -> list[str]:
    """The page as printed at `width`, one string a line, trailing spaces dropped."""
    out = console(width)
    out.print(MarkdownPage(source))
    return [line.rstrip() for line in out.export_text().splitlines()]


def segments(source: str, width: int = 80) -> list[Segment]:
    return [seg for line in MarkdownPage(source).lines(width, console(width)) for seg in line]


def styled(source: str, words: str) -> Segment:
    """The one segment holding exactly `words`."""
    (found,) = [seg for seg in segments(source) if seg.text == words]
    return found


def test_a_long_list_item_wraps_under_its_first_word() -> None:
    lines = shown("- " + "word " * 20 + "\n- second", width=30)
    assert lines[0].startswith(" • word")
    hanging = lines[1 : lines.index(" • second")]
    assert len(hanging) >= 2
    assert all(line.startswith("   word") for line in hanging)
    assert all(cell_len(line) <= 30 for line in lines)


def test_nested_and_numbered_lists_indent_their_items() -> None:
    lines = shown(
        "- outer\n  - inner " + "x " * 20 + "\n\n9. nine\n10. ten " + "y " * 20, width=30
    )
    assert lines[:2] == [" • outer", "    • inner x x x x x x x x x"]
    assert lines[2].startswith("      x")
    assert "  9. nine" in lines
    (ten,) = [i for i, line in enumerate(lines) if line.startswith(" 10. ten y")]
    assert lines[ten + 1].startswith("     y")


def test_blocks_are_one_blank_line_apart_and_tight_items_none() -> None:
    assert shown("One.\n\nTwo.\n\n- a\n- b\n\nThree.") == [
        "One.",
        "",
        "Two.",
        "",
        " • a",
        " • b",
        "",
        "Three.",
    ]


def test_a_loose_list_keeps_its_blank_lines() -> None:
    assert shown("- a\n\n  more\n- b") == [" • a", "", "   more", "", " • b"]


def test_breaks_soft_is_a_space_hard_is_a_new_line() -> None:
    assert shown("one\ntwo  \nthree") == ["one two", "three"]


def test_a_link_shows_its_address_and_cannot_be_clicked() -> None:
    source = "See [the guide](https://example.org/a) or <https://example.org/b>."
    assert shown(source) == ["See the guide (https://example.org/a) or https://example.org/b."]
    for seg in segments(source):
        assert seg.style is None or (seg.style.link is None and not seg.style.meta)


def test_an_image_shows_its_description_and_address() -> None:
    assert shown("![a calm lake](https://example.org/lake.png)") == [
        "Image: a calm lake (https://example.org/lake.png)"
    ]


def test_markup_in_author_text_shows_as_typed() -> None:
    lines = shown(MARKUP, width=200)
    assert lines == [MARKUP]
    assert all(seg.style is None or not seg.style.meta for seg in segments(MARKUP))


def test_strong_em_and_code_are_styled() -> None:
    source = "Some **bold words**, *leaning words* and `code` here."
    bold = styled(source, "bold words").style
    assert bold is not None and bold.bold and not bold.italic
    leaning = styled(source, "leaning words").style
    assert leaning is not None and leaning.italic and not leaning.bold
    code = styled(source, "code").style
    assert code is not None and code.bold and code.color is not None
    assert not styled(source, " here.").style  # plain text carries no style


def test_a_first_level_heading_is_centred_and_underlined() -> None:
    lines = shown("# Title\n\nText.", width=21)
    assert lines[0] == "        Title"
    heading = styled("# Title", "Title").style
    assert heading is not None and heading.bold and heading.underline


def test_a_quote_has_a_bar_on_every_line() -> None:
    lines = shown("> " + "calm " * 12 + "\n>\n> again", width=30)
    assert len(lines) >= 4
    assert all(line.startswith("▌") for line in lines)
    assert lines[-1] == "▌ again"


def test_code_keeps_its_indentation_and_is_not_highlighted() -> None:
    source = "```python\nif x:\n    return [bold]\n```"
    assert shown(source) == ["    if x:", "        return [bold]"]
    assert not any(seg.style for seg in segments(source))


def test_tables_and_html_show_their_source() -> None:
    lines = shown("| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>\nhi\n</div>")
    assert lines == ["| a | b |", "|---|---|", "| 1 | 2 |", "", "<div>", "hi", "</div>"]


def test_a_rule_spans_the_width() -> None:
    assert shown("Above\n\n---\n\nBelow", width=12) == ["Above", "", "─" * 12, "", "Below"]


def test_control_characters_never_reach_the_terminal() -> None:
    text = "".join(seg.text for seg in segments("a\x1b[2Jb\x07c"))
    assert text == "a[2Jbc"


def test_lines_are_kept_per_width_and_measured() -> None:
    page = MarkdownPage("- " + "word " * 20)
    out = console(30)
    assert page.lines(30, out) is page.lines(30, out)
    assert len(page.lines(60, out)) < len(page.lines(30, out))
    measured = Measurement.get(out, out.options, page)
    assert measured.minimum == len(" • word")
    assert measured.maximum == max(Segment.get_line_length(line) for line in page.lines(30, out))


MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab é漢\n\t-*_`#>[]()!|~<\\1.:/=")))


@FUZZ
@given(st.one_of(st.text(), MARKDOWNISH), st.integers(min_value=1, max_value=120))
def test_any_text_renders_at_any_width(source: str, width: int) -> None:
    page = MarkdownPage(source)
    out = console(width)
    for line in page.lines(width, out):
        assert Segment.get_line_length(line) <= width
    out.print(page)


def test_rendering_never_loads_rich_markdown_or_pygments() -> None:
    code = (
        "import sys\n"
        "from rich.console import Console\n"
        "from course.ui.text import markdown\n"
        "Console(file=open('/dev/null', 'w')).print(markdown('# Hi\\n\\n- **a** `b`\\n\\n```py\\nx\\n```'))\n"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    loaded = set(run.stdout.split())
    assert "course.ui.markdown_page" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "pygments"}
    assert not loaded & {"rich.markdown", "rich.syntax"}


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    deep = "*" * 3000 + "deep" + "*" * 3000
    assert shown(deep) == ["deep"]
    assert shown("[" * 2000 + "x" + "](u)" * 2000)
