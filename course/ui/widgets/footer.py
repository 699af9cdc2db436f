"""A footer that rebuilds only when the keys it shows have changed.

Textual's Footer rebuilds every key widget on each focus change and binding
refresh, several times per step turn and at start-up, though the keys shown
are almost always the same. Measured here, those rebuilds were the largest
cost of turning a page; this one compares what it would show first and
rebuilds at most once per refresh.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

from course.ui.textual_fixes import FooterKey

Signature = tuple[tuple[str, str, str, bool, str], ...]


def _in_order(keys: Signature, among: Signature) -> bool:
    """Whether ``keys`` is ``among`` with some left out, in the same order."""
    rest = iter(among)
    return all(key in rest for key in keys)


class QuietFooter(Footer):
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
            return
        self._composed = signature
        await self.recompose()
