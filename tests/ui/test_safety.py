"""Help one key away, author text never run as markup, nothing leaves the machine."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Static, TextArea

from course.ui.app import CourseApp
from course.ui.screens.help import HelpScreen
from course.ui.screens.message import MessageScreen
from progress import database_path
from tests.ui.helpers import UI_LESSON, data_folder, lessons_folder, make_app, running, settle
from tests.ui.test_walkthrough import open_first_lesson


def rendered_text(widget: Static) -> str:
    """What a widget shows on screen, as plain text."""
    lines = widget.render_lines(widget.region.reset_offset)
    return " ".join(" ".join(line.text.split()) for line in lines)


async def press_help_and_close(app: CourseApp, pilot: Any) -> None:
    before = app.screen
    await pilot.press("f1")
    await settle(pilot)
    assert isinstance(app.screen, HelpScreen)
    text = " ".join(str(s.render()) for s in app.screen.query(Static))
    for fact in ("988", "911", "findahelpline.com", "Nobody watches"):
        assert fact in text
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen is before


async def test_help_from_map_lesson_quiz_and_inside_a_text_area(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await press_help_and_close(app, pilot)  # map
        screen = await open_first_lesson(app, pilot)
        await press_help_and_close(app, pilot)  # read step
        screen.show_step(1)
        await settle(pilot)
        await press_help_and_close(app, pilot)  # quiz
        screen.show_step(2)
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.focused, TextArea)
        await press_help_and_close(app, pilot)  # inside the text area
        assert app.screen.query_one(TextArea).text == ""


async def test_help_from_the_welcome(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "lessons"), acknowledged=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press_help_and_close(app, pilot)
    app.store.close()


async def test_footer_names_help_and_keys_lists_bindings(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        shown = {b.description for (_, b, _, _) in app.screen.active_bindings.values() if b.show}
        assert "Get help now" in shown
        await pilot.press("f2")
        await settle(pilot)
        from course.ui.screens.keys import KeysScreen

        assert isinstance(app.screen, KeysScreen)


MARKUP = "Look: [bold]not bold[/] and [link=x]x[/link] and [@click=app.quit]quit[/] and ["


async def test_markup_in_author_text_is_shown_literally(tmp_path: Path) -> None:
    lesson = (
        UI_LESSON.replace('title = "First lesson"', f'title = "{MARKUP}"')
        .replace("Some **important** words.", MARKUP)
        .replace('prompt = "Which one is right?"', f'prompt = "{MARKUP}"')
        .replace('text = "Answer B"', f'text = "{MARKUP}"')
        .replace('prompt = "Tick what you will do."', f'prompt = "{MARKUP}"')
    )
    app = make_app(lessons_folder(tmp_path / "lessons", lesson))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#map-lessons", OptionList)
        assert MARKUP in str(options.get_option("lesson:first").prompt)
        screen = await open_first_lesson(app, pilot)
        assert MARKUP in str(screen.query_one("#lesson-title", Static).render())
        assert MARKUP in rendered_text(screen.query_one(".read-body", Static))
        for index in range(1, 4):
            screen.show_step(index)
            await settle(pilot)
            await pilot.click(screen.query(".step-view").first())
        assert app.is_running, "a [@click=app.quit] in author text must not quit"
        screen.show_step(1)
        await settle(pilot)
        shown = [str(s.render()) for s in screen.query(Static)]
        assert any(MARKUP in text for text in shown)
    app.store.close()


async def test_markdown_page_keeps_markup_characters(tmp_path: Path) -> None:
    lesson = UI_LESSON.replace("Some **important** words.", "Keep [bold]this[/bold] as typed.")
    app = make_app(lessons_folder(tmp_path / "lessons", lesson))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_first_lesson(app, pilot)
        joined = rendered_text(screen.query_one(".read-body", Static))
        assert "[bold]this[/bold]" in joined
        assert "https://example.org" in joined, "a link shows its address"
    app.store.close()


async def test_damaged_store_notice_is_shown(tmp_path: Path) -> None:
    data_dir = data_folder()
    data_dir.mkdir(parents=True, mode=0o700)
    database_path(data_dir).write_bytes(b"this is not a database" * 100)
    database_path(data_dir).chmod(0o600)
    app = make_app(lessons_folder(tmp_path / "lessons"), data_dir)
    assert app.notices, "opening a damaged store must produce a notice"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MessageScreen)
        text = str(app.screen.query_one("#message-text", Static).render())
        assert "damaged" in text
        assert str(data_dir) in text or "progress.db.damaged-" in text
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, MessageScreen)
    app.store.close()


async def test_broken_lesson_shows_its_errors_in_the_app(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    (lessons / "m" / "03-broken.toml").write_text('id = "broken"\nminutes = "x"\n')
    app = make_app(lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MessageScreen)
        text = str(app.screen.query_one("#message-text", Static).render())
        assert "03-broken.toml:2: minutes: error: expected an integer" in text
        await pilot.press("enter")
        await settle(pilot)
        options = app.screen.query_one("#map-lessons", OptionList)
        option_ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert [i for i in option_ids if i and i.startswith("lesson:")] == [
            "lesson:first",
            "lesson:second",
        ], "the two good lessons, the broken one left out"
    app.store.close()


async def test_unexpected_error_shows_a_kind_message_and_logs_details(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    secret = "my private reflection text"

    def explode() -> None:
        note = secret  # a local variable a traceback with locals would print
        raise RuntimeError("boom " + note[:0])

    shown: list[str] = []

    def keep_printed() -> None:
        shown.extend(str(r) for r in app._exit_renderables)

    app._print_error_renderables = keep_printed  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.call_later(explode)
            await settle(pilot)
    assert len(shown) == 1
    assert "Sorry, something went wrong" in shown[0] and "988" in shown[0]
    assert secret not in shown[0] and "Traceback" not in shown[0]
    log = data_folder() / "error.log"
    assert "RuntimeError: boom" in log.read_text()
    assert secret not in log.read_text()
    assert log.stat().st_mode & 0o777 == 0o600
    app.store.close()


async def test_screenshot_command_is_removed(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, _):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Theme" in titles


FORBIDDEN_EVENTS = {"socket.connect", "socket.getaddrinfo", "subprocess.Popen", "webbrowser.open"}
_seen: list[str] = []
_watching = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _watching and event in FORBIDDEN_EVENTS:
        _seen.append(event)


sys.addaudithook(_audit)  # hooks cannot be removed; the flag keeps this one quiet


async def test_a_whole_lesson_makes_no_network_or_process_calls(tmp_path: Path) -> None:
    global _watching
    app = make_app(lessons_folder(tmp_path / "lessons"))
    _seen.clear()
    _watching = True
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = await open_first_lesson(app, pilot)
            app.open_url("https://example.org")  # what a clicked link would do
            screen.show_step(1)
            await settle(pilot)
            await pilot.press("tab", "enter")
            screen.show_step(2)
            await settle(pilot)
            await pilot.press(*"private words")
            for _ in range(3):
                screen.action_next()
                await settle(pilot)
            assert screen.at_summary
    finally:
        _watching = False
    assert _seen == []
    app.store.close()


def test_audit_hook_would_notice_a_connection() -> None:
    """The hook above is live: a refused local connection is still an audit event."""
    import socket

    global _watching
    _seen.clear()
    _watching = True
    try:
        with socket.socket() as sock, pytest.raises(OSError):
            sock.connect(("127.0.0.1", 9))
    finally:
        _watching = False
    assert _seen == ["socket.connect"]


async def test_help_shows_crisis_lines_first_then_the_plan_helpers_everywhere(
    tmp_path: Path,
) -> None:
    """F1 from the map, a lesson, inside a reflection box and on the check-in."""
    from course.ui.messages import ToolChosen
    from course.ui.screens.checkin import CheckinScreen

    helper, professional = "Sam (sister): 555-0142", "Dr. Lee [after hours] 555-0100"

    async def crisis_then_plan(app: CourseApp, pilot: Any) -> None:
        before = app.screen
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        texts = [str(s.render()) for s in app.screen.query(Static)]
        first_line = next(i for i, t in enumerate(texts) if "988" in t)
        assert texts[first_line - 1].startswith("If you are in crisis")
        crisis_end = max(i for i, t in enumerate(texts) if "findahelpline.com" in t)
        helper_at = texts.index(f"• {helper}")
        assert crisis_end < helper_at < texts.index(f"• {professional}")
        assert app.screen.query("#help-open-plan")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is before

    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.session.safety_plan.save("helpers", helper)
        app.session.safety_plan.save("professionals", professional)
        app.session.safety_plan.save("reasons", "not shown in help")
        await crisis_then_plan(app, pilot)  # map
        screen = await open_first_lesson(app, pilot)
        await crisis_then_plan(app, pilot)  # a lesson
        screen.show_step(2)
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.focused, TextArea)
        await crisis_then_plan(app, pilot)  # inside a reflection box
        assert app.screen.query_one(TextArea).text == ""
        app.post_message(ToolChosen("checkin"))
        await settle(pilot)
        assert isinstance(app.screen, CheckinScreen)
        await crisis_then_plan(app, pilot)  # the check-in
        await pilot.press("f1")
        await settle(pilot)
        assert "not shown in help" not in " ".join(
            str(s.render()) for s in app.screen.query(Static)
        )
