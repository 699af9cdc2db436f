"""The app's footer: the keys that can act now, with "Get help now" never cut.

The quiet rebuilding is Textual-internal work and lives in
``course.ui.textual_fixes``; this adds what the course needs on top. On a
narrow terminal the footer drops the least needed keys first (they are all in
F2's list), so "Get help now" stays whole down to 60 columns.
"""

from __future__ import annotations

from textual.events import Resize

from course.ui.textual_fixes import FooterKey, QuietFooterBase

DROP_FIRST = ("show_keys", "quit", "to_map", "back", "previous_step")
"""Actions whose keys go first when the footer is too narrow, in that order."""
NEVER_DROPPED = "help"


class QuietFooter(QuietFooterBase):
    def after_keys_changed(self) -> None:
        self.call_after_refresh(self.fit)

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Hide keys, least needed first, until what is left fits the width."""
        if not self.is_attached:
            return
        keys = list(self.query_children(FooterKey))
        wanted = {action for _, action, *_ in self.signature()}
        for key in keys:
            if key.has_class("-dropped"):
                key.remove_class("-dropped")
                key.display = key.action in wanted
        width = self.size.width
        shown = [k for k in keys if k.display]
        total = sum(k.outer_size.width for k in shown)
        for action in DROP_FIRST:
            if total <= width:
                return
            for key in shown:
                if key.action == action and key.display:
                    total -= key.outer_size.width
                    key.display = False
                    key.add_class("-dropped")
