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
4. **A quiet footer** (:class:`QuietFooterBase`) overrides Footer's
   ``bindings_changed`` and sets its private ``_bindings_ready`` flag.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from rich.text import Text
from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["FooterKey", "KindCrash", "QuietFooterBase", "apply"]

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


Signature = tuple[tuple[str, str, str, bool, str], ...]


def _in_order(keys: Signature, among: Signature) -> bool:
    """Whether ``keys`` is ``among`` with some left out, in the same order."""
    rest = iter(among)
    return all(key in rest for key in keys)


class QuietFooterBase(Footer):
    """Item 4: Textual's Footer, rebuilt only when the keys it shows change.

    Textual's Footer rebuilds every key widget on each focus change and
    binding refresh, several times per step turn, though the keys shown are
    almost always the same; those rebuilds were the largest cost of turning a
    page. This overrides Footer's ``bindings_changed`` hook and sets the flag
    Footer's own version sets (``_bindings_ready``), then compares what it
    would show and rebuilds at most once per refresh.
    """

    _shown: Signature | None = None
    """The keys on show."""
    _composed: Signature | None = None
    """The keys built, some perhaps hidden."""
    _pending = False

    def signature(self) -> Signature:
        """What the footer would show: the first key of each action, as Footer does."""
        shown: dict[str, tuple[str, str, str, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (
                    binding.key,
                    binding.action,
                    binding.description,
                    enabled,
                    tooltip,
                )
        return tuple(shown.values())

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self.rebuild_if_changed)

    async def rebuild_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        signature = self.signature()
        if signature == self._shown:
            return
        self._shown = signature
        if self._composed is not None and _in_order(signature, self._composed):
            # Some keys went or came back (Next and Back while typing in a
            # reflection): show or hide the keys already built.
            wanted = {action for _, action, *_ in signature}
            for footer_key in self.query_children(FooterKey):
                palette = footer_key.has_class("-command-palette")  # always shown
                footer_key.display = palette or footer_key.action in wanted
            self.after_keys_changed()
            return
        self._composed = signature
        await self.recompose()
        self.after_keys_changed()

    def after_keys_changed(self) -> None:
        """Called once the keys on show have changed (a subclass fits them)."""
