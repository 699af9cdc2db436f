"""No bundled lesson copies a sentence from the source article.

The course is built from an article that lives beside the repository, in
``../shared/seeds/``, and is not part of the project. Lessons must use its
facts in our own words, so this test fails when any text in a lesson shares a
run of seven or more consecutive words with the article (seven, not eight:
close paraphrases that keep the article's sentence shapes share seven-word
runs). Words are compared
lowercased, with punctuation stripped (hyphens, dashes and slashes separate
words; apostrophes vanish, so "don't" and "dont" match).

The ``sources`` citations are left out: they name the article's references
and are meant to match them.

In a clone without ``../shared/seeds`` (a user's checkout, a wheel build) the
check is skipped, with a reason that says so, never failed. Where the seeds
folder is present (a working copy beside the shared folder, as in CI) the
article must be there and the check runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli

REPO = Path(__file__).resolve().parents[2]
LESSONS = REPO / "lessons"
SEEDS = REPO.parent / "shared" / "seeds"
ARTICLE = SEEDS / "treatment-resistant-depression-article.txt"
RUN = 7
"""How many consecutive shared words count as a copied sentence."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

LESSON_FILES = sorted(LESSONS.glob("**/*.toml"))


def words(text: str) -> list[str]:
    """The text's words, lowercased, with punctuation stripped."""
    return [w.replace("'", "").replace("\u2019", "") for w in _WORD.findall(text.lower())]


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words in the text."""
    ws = words(text)
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def copied_spans(text: str, article_runs: set[tuple[str, ...]], n: int = RUN) -> list[str]:
    """The longest stretches of the text made of runs that occur in the article."""
    ws = words(text)
    hits = [i for i in range(len(ws) - n + 1) if tuple(ws[i : i + n]) in article_runs]
    spans: list[list[int]] = []
    for i in hits:
        if spans and i <= spans[-1][1]:
            spans[-1][1] = i + n
        else:
            spans.append([i, i + n])
    return [" ".join(ws[start:end]) for start, end in spans]


def lesson_strings(value: Any, *, top: bool = True) -> Iterator[str]:
    """Every string in a parsed TOML document, except the top-level sources."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if top and key == "sources":
                continue
            yield from lesson_strings(item, top=False)
    elif isinstance(value, list):
        for item in value:
            yield from lesson_strings(item, top=False)


def shared_runs(document: dict[str, Any], article_runs: set[tuple[str, ...]]) -> list[str]:
    """The runs of the document's text that also occur in the article."""
    found: list[str] = []
    for text in lesson_strings(document):
        for phrase in copied_spans(text, article_runs):
            if phrase not in found:
                found.append(phrase)
    return found


@pytest.fixture(scope="module")
def article_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(
            f"the source article lives beside the repo in ../shared/seeds/ "
            f"({ARTICLE.name}) and is not part of the project; "
            "the copied-sentence check runs only where that folder is present"
        )
    assert ARTICLE.is_file(), (
        f"{SEEDS} is present but holds no {ARTICLE.name}; "
        "the copied-sentence check needs the source article there"
    )
    return runs(ARTICLE.read_text(encoding="utf-8"))


def test_there_are_lessons_to_check() -> None:
    assert LESSON_FILES, f"no .toml files found under {LESSONS}"


@pytest.mark.parametrize(
    "path", LESSON_FILES, ids=[str(p.relative_to(LESSONS)) for p in LESSON_FILES]
)
def test_lesson_shares_no_seven_word_run_with_article(
    path: Path, article_runs: set[tuple[str, ...]]
) -> None:
    with path.open("rb") as f:
        document = tomli.load(f)
    copied = shared_runs(document, article_runs)
    assert not copied, (
        f"{path.relative_to(REPO)} shares {len(copied)} run(s) of {RUN}+ words "
        "with the source article; rewrite in our own words:\n"
        + "\n".join(f"  {phrase!r}" for phrase in copied)
    )


def test_detector_ignores_case_and_punctuation() -> None:
    article = runs("Ask your provider: how long should I wait to see results?")
    lesson = {
        "id": "x",
        "sources": ["Ask your provider how long should I wait to see results"],
        "steps": [{"body": "So, ASK your provider - how long should I wait to see?"}],
    }
    assert shared_runs(lesson, article) == ["ask your provider how long should i wait to see"]


def test_detector_skips_sources_and_short_runs() -> None:
    article = runs("one two three four five six seven eight nine")
    lesson = {
        "sources": ["one two three four five six seven eight nine"],
        "summary": "one two three four five six, then seven eight",
    }
    assert shared_runs(lesson, article) == []


def test_apostrophes_do_not_hide_a_copy() -> None:
    article = runs("If you don\u2019t think something is doable, tell them now")
    lesson = {"body": "if you don't think something is doable tell them"}
    assert shared_runs(lesson, article)
