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

Signature = tuple[tuple[str, str, str, bool, str], ...]


class QuietFooter(Footer):
    _shown: Signature | None = None
    _pending = False

    def _signature(self) -> Signature:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()
