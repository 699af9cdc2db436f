"""A learner's path through the app, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from course.ui.app import CourseApp
from course.ui.screens.course_map import MapScreen
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.welcome import WelcomeScreen
from course.ui.widgets.plan_view import PlanCheckbox
from course.ui.widgets.quiz_view import ChoiceCheckbox, ChoiceRadio, QuestionView
from tests.ui.helpers import (
    choose_lesson,
    click_button,
    lessons_folder,
    make_app,
    running,
    settle,
)


async def open_first_lesson(app: CourseApp, pilot: Pilot[None]) -> LessonScreen:
    assert isinstance(app.screen, MapScreen)
    await choose_lesson(app, pilot, "first")
    assert isinstance(app.screen, LessonScreen)
    return app.screen


def step_counter(screen: LessonScreen) -> str:
    return str(screen.query_one("#lesson-step", Static).render())


async def test_first_run_shows_welcome_once(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    app = make_app(lessons, acknowledged=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "not medical advice" in text and "988" in text
        assert "never uses the network" in text and "~/data/progress.db" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)
    assert app.store.first_run_acknowledged_at() is not None
    app.store.close()
    again = make_app(lessons, acknowledged=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, MapScreen)
    again.store.close()


async def test_a_lesson_through_every_step_kind_to_its_summary(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        assert step_counter(screen) == "Step 1 of 4 · A page"
        await pilot.press("n")
        await settle(pilot)
        assert step_counter(screen) == "Step 2 of 4 · Check"
        assert str(screen.query_one("#lesson-next", Button).label) == "Next question →"
        await click_button(pilot, "#lesson-next")  # the quiz's second question
        assert step_counter(screen) == "Step 2 of 4 · Check"
        assert str(screen.query_one("#lesson-next", Button).label) == "Next →"
        await click_button(pilot, "#lesson-next")
        assert step_counter(screen) == "Step 3 of 4 · Think"
        assert isinstance(app.focused, TextArea)
        await pilot.press("tab", "enter")  # out of the text area to Next
        await settle(pilot)
        assert step_counter(screen) == "Step 4 of 4 · Plan"
        await click_button(pilot, "#lesson-back")
        assert step_counter(screen) == "Step 3 of 4 · Think"
        screen.action_next()
        await settle(pilot)
        screen.action_next()
        await settle(pilot)
        assert step_counter(screen) == "Lesson complete"
        assert app.focused is not None and app.focused.id == "summary-next"
        summary = " ".join(str(s.render()) for s in screen.query(".step-view Static"))
        assert "You learned the first thing." in summary
        assert app.store.lesson("first") is not None
        assert app.store.lesson("first").completed_at is not None  # type: ignore[union-attr]
        await pilot.press("enter")
        await settle(pilot)
        assert screen.lesson.id == "second"
        assert step_counter(screen) == "Step 1 of 1 · Read"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)
        options = app.screen.query_one("#map-lessons", OptionList)
        first = str(options.get_option("lesson:first").prompt)
        assert first == "● 1. First lesson · done · 5 min"


async def test_quiz_right_wrong_multi_and_retry_scores_first_attempts(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(app, pilot)
        screen.show_step(1)
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        # Single answer, wrong first (keyboard: the radio set, down to B, enter).
        radios = list(single.query(ChoiceRadio))
        await pilot.click(radios[1])
        await pilot.click(single.query_one(".check-answer", Button))
        await settle(pilot)
        feedback = str(single.query_one(".feedback", Static).render())
        assert feedback.startswith("✗ Not quite")
        assert "No, B is not it." in feedback and "A is right because it is." in feedback
        # Then right.
        await pilot.click(radios[0])
        await pilot.click(single.query_one(".check-answer", Button))
        await settle(pilot)
        assert str(single.query_one(".feedback", Static).render()).startswith("✓ Correct")
        # Multi-select, one page on: only X, then X and Y.
        await pilot.press("n")
        await settle(pilot)
        assert not single.display and multi.display
        boxes = list(multi.query(ChoiceCheckbox))
        assert "Select all that apply." in [str(s.render()) for s in multi.query(Static)]
        await pilot.click(boxes[0])
        await pilot.click(multi.query_one(".check-answer", Button))
        await settle(pilot)
        partial = str(multi.query_one(".feedback", Static).render())
        assert "part of your answer is right" in partial and "Also right: Choice Y" in partial
        await pilot.click(boxes[1])
        await pilot.click(multi.query_one(".check-answer", Button))
        await settle(pilot)
        assert str(multi.query_one(".feedback", Static).render()).startswith("✓ Correct")
    results = app.store.question_results("first")
    assert (results["single"].attempts, results["single"].first_correct) == (2, False)
    assert results["single"].best_correct
    assert (results["multi"].attempts, results["multi"].first_correct) == (2, False)
    first = app.session.standings()[app.session.course.lessons[0].id]
    assert first.score is not None
    assert str(first.score) == "0/2"
    app.store.close()
    again = make_app(lessons_folder(tmp_path / "lessons"))
    async with again.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(again, pilot)
        screen.show_step(1)
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        assert [r.value for r in single.query(RadioButton)] == [True, False]
        assert [c.value for c in multi.query(Checkbox)] == [True, True, False]
        assert str(single.query_one(".feedback", Static).render()).startswith("✓ Correct")
    again.store.close()


async def test_reflection_survives_closing_the_app(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    app = make_app(lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(app, pilot)
        screen.show_step(2)
        await settle(pilot)
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"I feel tired", "enter", *"[bold]not markup[/]")
        await pilot.press("ctrl+q")
    app.store.close()
    again = make_app(lessons)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        continue_button = again.screen.query_one("#map-continue", Button)
        assert str(continue_button.label) == "Continue: First lesson (step 3 of 4)"
        await pilot.press("enter")
        await settle(pilot)
        area = again.screen.query_one(TextArea)
        assert area.text == "I feel tired\n[bold]not markup[/]"
    saved = again.store.reflection("first", "think")
    assert saved is not None and saved.text == "I feel tired\n[bold]not markup[/]"
    again.store.close()


async def test_reflection_is_saved_while_typing(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.show_step(2)
        await settle(pilot)
        await pilot.press(*"typed")
        await pilot.pause(0.8)  # longer than the save delay
        saved = app.store.reflection("first", "think")
        assert saved is not None and saved.text == "typed"


async def test_plan_ticks_and_own_items_are_kept(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    app = make_app(lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(app, pilot)
        screen.show_step(3)
        await settle(pilot)
        boxes = list(screen.query(PlanCheckbox))
        await pilot.click(boxes[1])
        screen.query_one(".plan-new", Input).focus()
        await pilot.press(*"Call my sister", "enter")
        await settle(pilot)
        mine = list(screen.query(PlanCheckbox))[-1]
        assert str(mine.label) == "Call my sister"
        await pilot.click(mine)
        await settle(pilot)
    state = app.store.plan("first", "todo")
    assert "two" in state.ticked and "one" not in state.ticked
    assert [i.text for i in state.own_items] == ["Call my sister"]
    assert state.own_items[0].item_id in state.ticked
    app.store.close()
    again = make_app(lessons)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Continue
        await settle(pilot)
        values = [(str(b.label), b.value) for b in again.screen.query(PlanCheckbox)]
        assert values == [("Do one thing", False), ("Do another", True), ("Call my sister", True)]
    again.store.close()


async def test_continue_opens_the_same_step_in_a_new_app(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    app = make_app(lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        assert step_counter(screen) == "Step 2 of 4 · Check"
    app.store.close()
    again = make_app(lessons)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.focused is not None and again.focused.id == "map-continue"
        options = again.screen.query_one("#map-lessons", OptionList)
        assert "in progress, step 2 of 4" in str(options.get_option("lesson:first").prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, LessonScreen)
        assert step_counter(again.screen) == "Step 2 of 4 · Check"
    again.store.close()


async def test_theme_is_remembered(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    app = make_app(lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"
        await settle(pilot)
    app.store.close()
    again = make_app(lessons)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "gruvbox"
        # Applied, not only named: the map is drawn in the theme's colours.
        theme = again.get_theme("gruvbox")
        assert theme is not None and theme.background is not None
        assert again.screen.styles.background == Color.parse(theme.background)
    again.store.close()


async def test_mouse_alone_through_a_lesson(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.click("#map-lessons", offset=(5, 1))  # row 0 is the module heading
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.lesson.id == "first"
        await click_button(pilot, "#lesson-next")
        single = screen.query(QuestionView).first()
        await pilot.click(single.query(ChoiceRadio).first())
        await pilot.click(single.query_one(".check-answer", Button))
        await settle(pilot)
        assert str(single.query_one(".feedback", Static).render()).startswith("✓ Correct")
        for _ in range(4):  # the second question, the reflection, the plan, the summary
            await click_button(pilot, "#lesson-next")
        assert screen.at_summary
        await pilot.click("#summary-map")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)


async def test_neighbouring_steps_are_built_while_the_learner_reads(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.show_step(1)
        await settle(pilot)
        assert sorted(screen._views) == [0, 1]  # the page just read stays built
        await pilot.pause(0.5)
        assert sorted(screen._views) == [0, 1, 2]
        assert [v.display for _, v in sorted(screen._views.items())] == [False, True, False]
        await pilot.press("tab")  # into the quiz, out of the radio set
        screen.action_next()  # the quiz's second question
        screen.action_next()
        await settle(pilot)
        assert isinstance(app.focused, TextArea), "a prebuilt reflection still takes focus"
        assert step_counter(screen) == "Step 3 of 4 · Think"


async def test_a_summary_built_ahead_shows_the_score_at_the_time_it_is_shown(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 40)) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.show_step(3)
        await pilot.pause(0.5)  # the summary is built ahead, before any answer
        assert 4 in screen._views
        app.store.record_answer("first", "single", ["a"], True)
        screen.action_next()
        await settle(pilot)
        score = screen.query_one(".summary-score", Static)
        assert str(score.render()) == "Quiz: 1 of 2 right on the first try."
        assert score.display


async def test_a_quiz_shows_one_question_at_a_time(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        assert (single.display, multi.display) == (True, False)
        assert str(single.query_one(".question-count", Static).render()) == "Question 1 of 2"
        assert isinstance(app.focused, RadioSet), "the question's choices take the keyboard"
        await pilot.press("tab", "tab", "n")  # out of the choices, then the next question
        await settle(pilot)
        assert (single.display, multi.display) == (False, True)
        assert isinstance(app.focused, ChoiceCheckbox)
        assert app.store.position() is not None
        assert app.store.position().step_id == "check"
        await pilot.press("n")
        await settle(pilot)
        assert step_counter(screen) == "Step 3 of 4 · Think"
        await pilot.press("tab", "b")  # back into the quiz lands on its last question
        await settle(pilot)
        assert step_counter(screen) == "Step 2 of 4 · Check"
        assert (single.display, multi.display) == (False, True)
        await pilot.press("b")
        await settle(pilot)
        assert (single.display, multi.display) == (True, False)
        await pilot.press("b")
        await settle(pilot)
        assert step_counter(screen) == "Step 1 of 4 · A page"


async def test_the_lesson_screen_is_kept_for_the_next_lesson_without_its_steps(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        first = await open_first_lesson(app, pilot)
        await pilot.press("n")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)
        assert not first.query(".step-view"), "a lesson's steps are let go at the map"
        app.open_lesson("second")
        await settle(pilot)
        reopened: object = app.screen
        assert reopened is first
        assert first.lesson.id == "second"
        assert step_counter(first) == "Step 1 of 1 · Read"
        assert str(first.query_one("#lesson-title", Static).render()) == "Second lesson"
        assert [view.display for view in first.query(".step-view")] == [True]
