"""The app's footer: the keys that can act now, with "Get help now" never cut.

The quiet rebuilding is Textual-internal work and lives in
``course.ui.textual_fixes``; this adds what the course needs on top. On a
narrow terminal the footer drops the least needed keys first (they are all in
F2's list), so "Get help now" stays whole down to 60 columns, and the key that
leaves the screen goes last: on a screen with no Back button it is a mouse
user's only way out.
"""

from __future__ import annotations

from textual.events import Resize

from course.ui.textual_fixes import FooterKey, QuietFooterBase

DROP_FIRST = ("show_keys", "quit", "previous_step")
"""Actions whose keys go first when the footer is too narrow, in that order."""
DROP_LAST = ("to_map", "back")
"""Keys that leave the screen (or step back): they go only after every other key."""
NEVER_DROPPED = "help"


def drop_order(actions: list[str]) -> list[str]:
    """The order the footer hides ``actions`` (as shown, left to right) in."""
    first = [action for action in DROP_FIRST if action in actions]
    last = [action for action in DROP_LAST if action in actions]
    keep = {NEVER_DROPPED, *first, *last}
    others = [action for action in reversed(actions) if action not in keep]
    return first + others + last


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
        # The palette's key is Textual's own, docked right: always shown.
        droppable = [k for k in shown if not k.has_class("-command-palette")]
        for action in drop_order([key.action for key in droppable]):
            if total <= width:
                return
            for key in droppable:
                if key.action == action and key.display:
                    total -= key.outer_size.width
                    key.display = False
                    key.add_class("-dropped")
