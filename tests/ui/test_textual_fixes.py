"""Each use of Textual's private API still fits the pinned Textual.

If one of these fails after a Textual upgrade, look again at the item of the
same number in ``course/ui/textual_fixes.py``.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version
from pathlib import Path

import textual._styles_cache as styles_cache_module
from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.widget import Widget

import course.ui.app  # noqa: F401 - applies the workaround
from course.ui import textual_fixes


def test_textual_is_the_version_these_fixes_were_checked_against() -> None:
    pinned = next(
        line.split("==")[1].strip('",')
        for line in (Path(__file__).parents[2] / "pyproject.toml").read_text().splitlines()
        if line.strip().startswith('"textual==')
    )
    assert version("textual") == pinned == "8.2.8", "re-check every item in textual_fixes.py"


def test_1_the_leak_workaround_is_applied_and_textuals_method_is_the_one_replaced() -> None:
    assert StylesCache.get_inner_outer is textual_fixes.get_inner_outer
    source = Path(styles_cache_module.__file__).read_text()
    # Textual's own method, as it was when the workaround was written: if an
    # upgrade changes it, the workaround may be wrong or unneeded.
    assert "@lru_cache(1024)\n    def get_inner_outer(" in source
    assert "Style(background=base_background + background)" in source


def test_1_the_cache_keys_on_colours_alone_and_gives_textuals_answer() -> None:
    textual_fixes.cached_inner_outer.cache_clear()
    base, background = Color(10, 20, 30), Color(200, 100, 50, 0.5)
    for _ in range(3):
        inner, outer = StylesCache().get_inner_outer(base, background)
    info = textual_fixes.cached_inner_outer.cache_info()
    assert (info.hits, info.misses, info.currsize) == (2, 1, 1)
    # Textual's own method gives the same answer (the cache it has on the
    # method is what leaked, so a fresh instance asks it without our cache).
    original = textual_fixes.TEXTUALS_GET_INNER_OUTER
    assert original is not textual_fixes.get_inner_outer
    assert (inner, outer) == original(StylesCache(), base, background)


def test_2_the_crash_hooks_exist_with_the_shape_overridden() -> None:
    for name in ("_handle_exception", "_fatal_error", "_close_messages_no_wait"):
        assert callable(getattr(App, name, None)), f"App.{name} is gone: re-check KindCrash"
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert list(inspect.signature(App._fatal_error).parameters) == ["self"]
    assert isinstance(App("x")._exit_renderables, list)  # type: ignore[arg-type]


def test_3_footer_key_is_textuals_footer_widget() -> None:
    from textual.widgets import Footer

    assert issubclass(textual_fixes.FooterKey, Widget)
    assert textual_fixes.FooterKey.__module__ == "textual.widgets._footer"
    assert "FooterKey(" in inspect.getsource(Footer.compose)


def test_4_footers_hook_and_flag_are_the_ones_the_quiet_footer_overrides() -> None:
    from textual.widgets import Footer

    source = inspect.getsource(Footer.bindings_changed)
    assert "self._bindings_ready = True" in source, "re-check QuietFooterBase.bindings_changed"
    assert list(inspect.signature(Footer.bindings_changed).parameters) == ["self", "screen"]
    assert "bindings_changed" in inspect.getsource(Footer.on_mount)
