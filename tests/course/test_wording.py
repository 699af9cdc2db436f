"""The safety wording files: complete, as published, and refused clearly when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from course import wording
from course.wording import WordingError

ATTRIBUTION = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)
PUBLISHED_ITEMS = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
)


def test_every_file_reads() -> None:
    wording.check_all()


def test_phq9_is_word_for_word_with_its_attribution() -> None:
    form = wording.phq9()
    assert form.items == PUBLISHED_ITEMS
    assert form.answers == (
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    )
    assert form.stem == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert form.difficulty_answers == (
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    )
    assert form.attribution == ATTRIBUTION
    assert "J Gen Intern Med. 2001;16(9):606-613" in form.source


def test_safety_plan_has_the_six_parts_and_reasons_for_living() -> None:
    plan = wording.safety_plan()
    assert [p.id for p in plan.parts] == [
        "warning-signs",
        "on-my-own",
        "people-and-places",
        "helpers",
        "professionals",
        "safer-surroundings",
        "reasons",
    ]
    assert [p.id for p in plan.parts if p.in_help] == ["helpers", "professionals"]
    assert all(p.prompt and p.examples for p in plan.parts)
    said = " ".join(plan.statements)
    assert "someone you trust" in said and "clinician" in said
    assert "cannot see it or call anyone" in said and "nobody is alerted" in said
    assert "Stanley B, Brown GK" in plan.source and "2012;19(2):256-264" in plan.source
    professionals = plan.part("professionals")
    assert professionals is not None
    for line in ("988", "911", "findahelpline.com"):
        assert line in professionals.prompt + " ".join(professionals.examples)


def test_making_surroundings_safer_stays_general() -> None:
    part = wording.safety_plan().part("safer-surroundings")
    assert part is not None
    text = (part.prompt + " " + " ".join(part.examples)).lower()
    assert "ask someone to hold medicines you don't use".replace("you", "i") in text
    for named in (
        "gun",
        "firearm",
        "pill",
        "rope",
        "knife",
        "overdose",
        " mg",
        "tablets",
        "bridge",
    ):
        assert named not in text
    assert not any(ch.isdigit() for ch in text)


def test_item9_panel_gentle_and_direct() -> None:
    gentle = wording.item9_panel(1)
    direct = wording.item9_panel(3)
    assert wording.item9_panel(2) == direct
    for lines in (gentle, direct):
        text = " ".join(lines)
        for must in (
            "common with depression",
            "988",
            "911",
            "findahelpline.com",
            "Open my safety plan",
            "Add this to my questions for my provider",
            "Continue the check-in",
            "cannot see",
            "alert anyone",
        ):
            assert must in text, (must, lines)
    assert direct[1].startswith("Please call or text 988")
    assert "988" not in gentle[1]  # gentle leads with "common" and "help is there"
    with pytest.raises(ValueError):
        wording.item9_panel(0)


def test_checkin_wording_has_the_sentences_the_issue_names() -> None:
    words = wording.checkin()
    assert (
        words["not_diagnosis"] == "This is a checklist, not a diagnosis: take it to your provider."
    )
    assert words["meaningful"] == (
        "A change of 5 points or more is what clinicians usually treat as meaningful."
    )
    assert "check back in" in words["checking_back"]
    text = " ".join(words.texts.values()).lower()
    for nag in ("streak", "missed", "overdue", "you must"):
        assert nag not in text


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("not = [toml", "is not valid TOML"),
        ("headline = 'x'", "must be"),
        ("", "must be"),
    ],
)
def test_a_broken_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, says: str
) -> None:
    (tmp_path / "crisis.toml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(wording, "FOLDER", tmp_path)
    wording.crisis.cache_clear()
    try:
        with pytest.raises(WordingError, match=says) as caught:
            wording.crisis()
        assert "crisis.toml" in str(caught.value)
    finally:
        wording.crisis.cache_clear()


def test_a_missing_file_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wording, "FOLDER", tmp_path)
    wording.phq9.cache_clear()
    try:
        with pytest.raises(WordingError, match=r"phq9\.toml: cannot be read"):
            wording.phq9()
    finally:
        wording.phq9.cache_clear()


def test_wrong_item_count_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (wording.FOLDER / "phq9.toml").read_text(encoding="utf-8")
    text = text.replace('    "Poor appetite or overeating",\n', "")
    (tmp_path / "phq9.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(wording, "FOLDER", tmp_path)
    wording.phq9.cache_clear()
    try:
        with pytest.raises(WordingError, match="items: must hold exactly 9"):
            wording.phq9()
    finally:
        wording.phq9.cache_clear()
