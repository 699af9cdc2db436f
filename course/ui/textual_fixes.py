"""Every use of Textual's private API, in one place, each with a test.

Textual is pinned to one exact version (pyproject.toml), and
``tests/ui/test_textual_fixes.py`` checks each item below against it, so an
upgrade that changes one fails a test that says what to look at again:

1. **A memory leak** (Textualize/textual#6665): Textual 8.2.8 caches
   ``StylesCache.get_inner_outer`` with ``lru_cache`` on the method, so the
   key includes ``self`` and keeps up to 1,024 removed widgets' style caches
   (and the lines they drew) alive. Stepping through the course mounts and
   removes many widgets; that leak was most of the memory the app gained after
   every step. The result depends only on the two colours, so a cache keyed on
   them alone gives the same styles and lets removed widgets go.
2. **A kind crash**: Textual's own crash report is a traceback with local
   variables, which here could print a learner's reflection to the terminal.
   :class:`KindCrash` replaces it with a short message (the details go to a
   private log) through the two private hooks that make that report.
3. **The footer's key widget**, ``FooterKey``, lives in the private module
   ``textual.widgets._footer``; the footer shows and hides its keys instead of
   rebuilding them (a step turn's largest cost), so it needs the class.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from rich.text import Text
from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.style import Style
from textual.widgets._footer import FooterKey

__all__ = ["FooterKey", "KindCrash", "apply"]

TEXTUALS_GET_INNER_OUTER = StylesCache.get_inner_outer
"""Textual's own method, kept so a test can hold the workaround to its answers."""


@lru_cache(1024)
def cached_inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def get_inner_outer(
    self: StylesCache, base_background: Color, background: Color
) -> tuple[Style, Style]:
    return cached_inner_outer(base_background, background)


def apply() -> None:
    """Install the memory-leak workaround (safe to call more than once)."""
    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign,assignment]


class KindCrash(App[Any]):
    """An App whose unexpected errors end in a kind message, never a traceback.

    Subclasses set :attr:`crash_folder` (where ``error.log`` goes).
    """

    crash_folder: Path | None = None
    crash_log: Path | None = None

    def _handle_exception(self, error: Exception) -> None:
        from course.ui import crash

        if self.crash_folder is not None:
            self.crash_log = crash.write_log(self.crash_folder, error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        from course.ui import crash

        self._exit_renderables.append(Text(crash.message(self.crash_log)))
        self._close_messages_no_wait()
