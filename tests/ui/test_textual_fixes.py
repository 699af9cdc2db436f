"""The memory-leak workaround gives Textual's own answer and frees widgets."""

from __future__ import annotations

from pathlib import Path

import textual._styles_cache as styles_cache_module
from textual._styles_cache import StylesCache
from textual.color import Color

import course.ui.app  # noqa: F401 - applies the workaround
from course.ui.textual_fixes import _get_inner_outer, _inner_outer


def test_the_workaround_is_applied_and_textuals_method_is_still_the_one_we_replaced() -> None:
    assert StylesCache.get_inner_outer is _get_inner_outer
    # Textual's own code is what we copied; if an upgrade changes it, look again.
    textual_source = Path(styles_cache_module.__file__).read_text()
    assert "Style(background=base_background + background)" in textual_source
    assert "def get_inner_outer(" in textual_source


def test_same_colours_give_equal_styles() -> None:
    base, background = Color(10, 20, 30), Color(200, 100, 50, 0.5)
    inner, outer = StylesCache().get_inner_outer(base, background)
    assert inner.background == base + background
    assert outer.background == base


def test_the_cache_no_longer_holds_style_caches() -> None:
    _inner_outer.cache_clear()
    for _ in range(3):
        StylesCache().get_inner_outer(Color(1, 2, 3), Color(4, 5, 6))
    info = _inner_outer.cache_info()
    assert (info.hits, info.misses, info.currsize) == (2, 1, 1)
