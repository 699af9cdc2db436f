"""A learner's path through the app, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static, TextArea

from course.ui.app import CourseApp
from course.ui.screens.course_map import MapScreen
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.welcome import WelcomeScreen
from course.ui.widgets.choice_box import ChoiceBox
from course.ui.widgets.quiz_view import QuestionView
from course.ui.widgets.reflect_view import ReflectView
from tests.ui.helpers import (
    choose_lesson,
    click_button,
    lessons_folder,
    make_app,
    open_lesson,
    running,
    settle,
    wait_for,
)


async def open_first_lesson(app: CourseApp, pilot: Pilot[None]) -> LessonScreen:
    assert isinstance(app.screen, MapScreen)
    await choose_lesson(app, pilot, "first")
    assert isinstance(app.screen, LessonScreen)
    return app.screen


def step_counter(screen: LessonScreen) -> str:
    return str(screen.query_one("#lesson-step", Static).render())


def box(view: QuestionView | LessonScreen, item_id: str) -> ChoiceBox:
    """A choice or plan item by its id: choices are shown in each learner's own order."""
    return next(b for b in view.query(ChoiceBox) if b.item_id == item_id)


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
        assert isinstance(app.focused, ReflectView), "the box is entered on purpose only"
        await pilot.press("n")
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
        assert first == "● 1. First lesson · done, quiz 2 to answer · 5 min"


async def test_quiz_right_wrong_multi_and_retry(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(app, pilot)
        screen.show_step(1)
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        # Single answer, wrong first.
        await pilot.click(box(single, "b"))
        await pilot.click(single.query_one(".check-answer", Button))
        await settle(pilot)
        feedback = str(single.query_one(".feedback", Static).render())
        assert feedback.startswith("✗ Not quite")
        assert "No, B is not it." in feedback and "A is right because it is." in feedback
        # Checking the same answer again keeps nothing new.
        await click_button(pilot, single.query_one(".check-answer", Button))
        # Then right: picking A unpicks B.
        await pilot.click(box(single, "a"))
        assert (box(single, "a").value, box(single, "b").value) == (True, False)
        await pilot.click(single.query_one(".check-answer", Button))
        await settle(pilot)
        assert str(single.query_one(".feedback", Static).render()).startswith("✓ Correct")
        # Multi-select, one page on: only X, then X and Y.
        await pilot.press("n")
        await settle(pilot)
        assert not single.display and multi.display
        hints = [str(s.render()) for s in multi.query(Static)]
        assert any(h.startswith("Select all that apply.") for h in hints)
        await pilot.click(box(multi, "x"))
        await pilot.click(multi.query_one(".check-answer", Button))
        await settle(pilot)
        partial = str(multi.query_one(".feedback", Static).render())
        assert "part of your answer is right" in partial and "Also right: Choice Y" in partial
        await pilot.click(box(multi, "y"))
        await pilot.click(multi.query_one(".check-answer", Button))
        await settle(pilot)
        assert str(multi.query_one(".feedback", Static).render()).startswith("✓ Correct")
    results = app.store.question_results("first")
    assert (results["single"].attempts, results["single"].first_correct) == (2, False)
    assert results["single"].latest.correct
    assert (results["multi"].attempts, results["multi"].first_correct) == (2, False)
    lesson = app.session.course.lessons[0]
    score = app.session.lesson_score(lesson)
    assert score is not None and score.describe() == "2 of 2 right"
    assert score.first_try == 0
    app.store.close()
    again = make_app(lessons_folder(tmp_path / "lessons"))
    async with again.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(again, pilot)
        screen.show_step(1)
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        assert (box(single, "a").value, box(single, "b").value) == (True, False)
        assert [box(multi, i).value for i in "xyz"] == [True, True, False]
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
        await pilot.press("enter")  # into the box, on purpose
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
        await pilot.press("tab")
        assert again.focused is area
        assert area.cursor_location == area.document.end, "coming back, write on at the end"
    saved = again.store.reflection("first", "think")
    assert saved is not None and saved.text == "I feel tired\n[bold]not markup[/]"
    again.store.close()


async def test_reflection_is_saved_while_typing(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.show_step(2)
        await settle(pilot)
        await pilot.press("tab", *"typed")
        await wait_for(pilot, lambda: app.store.reflection("first", "think") is not None)
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
        await pilot.click(box(screen, "two"))
        screen.query_one(".plan-new", Input).focus()
        await pilot.press(*"Call my sister", "enter")
        await settle(pilot)
        mine = list(screen.query(ChoiceBox))[-1]
        assert mine.text == "Call my sister" and mine.value, "own items are added ticked"
        await pilot.click(mine)
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
        values = [(b.text, b.value) for b in again.screen.query(ChoiceBox)]
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
        options = app.screen.query_one("#map-lessons", OptionList)
        row = options.get_option_index("lesson:first")  # under the tools and a heading
        await pilot.click("#map-lessons", offset=(5, row))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.lesson.id == "first"
        await click_button(pilot, "#lesson-next")
        single = screen.query(QuestionView).first()
        await pilot.click(box(single, "a"))
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
        assert {0, 1} <= set(screen.views)  # the page just read stays built
        await wait_for(pilot, lambda: sorted(screen.views) == [0, 1, 2])
        assert [v.display for _, v in sorted(screen.views.items())] == [False, True, False]
        screen.action_next()  # the quiz's second question
        screen.action_next()
        await settle(pilot)
        assert isinstance(app.focused, ReflectView), "a prebuilt reflection is focused as itself"
        assert step_counter(screen) == "Step 3 of 4 · Think"


async def test_a_summary_built_ahead_shows_the_score_at_the_time_it_is_shown(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 40)) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.show_step(3)
        await wait_for(pilot, lambda: 4 in screen.views)  # built ahead, before any answer
        app.store.record_answer("first", "single", ["a"], True)
        screen.action_next()
        await settle(pilot)
        score = screen.query_one(".summary-score", Static)
        assert str(score.render()) == "Quiz: 1 of 2 right, 1 to answer."
        assert score.display
        assert screen.query_one("#summary-rest", Button).display


async def test_finishing_a_quiz_then_going_straight_to_the_summary_shows_that_score(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 40)) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.prebuild_delay = 0  # the summary is built as soon as it is a neighbour
        screen.show_step(1)
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        await pilot.click(box(single, "a"))
        await pilot.click(single.query_one(".check-answer", Button))
        await pilot.press("n")
        await settle(pilot)
        await pilot.click(box(multi, "z"))
        await pilot.click(multi.query_one(".check-answer", Button))
        await settle(pilot)
        screen.show_step(4)
        await settle(pilot)
        score = screen.query_one(".summary-score", Static)
        assert str(score.render()) == "Quiz: 1 of 2 right."
        assert not screen.query_one("#summary-rest", Button).display


async def test_skipping_a_quiz_is_not_answering_it_and_the_rest_can_be_answered_later(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 40)) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        for _ in range(5):  # page, two questions skipped, reflection, plan
            await pilot.press("n")
            await settle(pilot)
        assert screen.at_summary
        score = screen.query_one(".summary-score", Static)
        assert str(score.render()) == "Quiz: 2 questions to answer whenever you like."
        await pilot.click("#summary-rest")
        await settle(pilot)
        assert step_counter(screen) == "Step 2 of 4 · Check"
        shown = [q.question.id for q in screen.query(QuestionView) if q.display]
        assert shown == ["single"]
        await pilot.press("escape")
        await settle(pilot)
        options = app.screen.query_one("#map-lessons", OptionList)
        first = str(options.get_option("lesson:first").prompt)
        assert "done, quiz 2 to answer" in first


async def test_n_through_a_reflection_types_nothing_into_it(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        screen.show_step(1, last_part=True)  # the page before the reflection
        await settle(pilot)
        for _ in range(10):
            await pilot.press("n")
        await settle(pilot)
        assert screen.at_summary
        assert app.store.reflection("first", "think") is None


async def test_a_quiz_shows_one_question_at_a_time(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_first_lesson(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        single, multi = screen.query(QuestionView)
        assert (single.display, multi.display) == (True, False)
        assert str(single.query_one(".question-count", Static).render()) == "Question 1 of 2"
        assert isinstance(app.focused, ChoiceBox), "the question's choices take the keyboard"
        await pilot.press("n")  # n turns the page from a choice, too
        await settle(pilot)
        assert (single.display, multi.display) == (False, True)
        assert isinstance(app.focused, ChoiceBox)
        position = app.store.position()
        assert position is not None and position.step_id == "check"
        await pilot.press("n")
        await settle(pilot)
        assert step_counter(screen) == "Step 3 of 4 · Think"
        await pilot.press("b")  # back into the quiz lands on its last question
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
        await open_lesson(pilot, "second")
        reopened: object = app.screen
        assert reopened is first
        assert first.lesson.id == "second"
        assert step_counter(first) == "Step 1 of 1 · Read"
        assert str(first.query_one("#lesson-title", Static).render()) == "Second lesson"
        assert [view.display for view in first.query(".step-view")] == [True]
