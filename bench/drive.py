"""Drive an app headless and time a change until its last frame is painted.

``Pilot.press`` and ``Pilot.pause`` wait for the process to look idle, which
costs at least 20 ms per call (``textual._wait.SLEEP_GRANULARITY``): more than
the work being measured. So here a key is sent the way ``Pilot.press`` sends
it, the app is left to run and paint at its own pace (its 60 fps update
timer, exactly as in a terminal), and every frame it paints is timestamped.
A change is done when the expected widgets are on screen, every message has
been handled and nothing is left to repaint; its time is that of the last
frame painted, not the moment the harness noticed. The minimal app and the
course are driven by the same functions, so whatever this costs is paid by
both.

It touches a few private Textual names (``App._display``,
``Pilot._wait_for_screen`` and the screen's dirty flags); Textual is pinned
in pyproject.toml, and a rename fails loudly here, never silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

SETTLE_LIMIT_S = 30.0
CHECK_S = 0.05


def needs_paint(screen: Screen[Any]) -> bool:
    """Whether the screen has changes (or after-refresh callbacks) not yet painted."""
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


class FrameClock:
    """Timestamps of the frames the app paints (headless frames are composed, not written).

    ``watch(ready)`` also records the first frame painted while ``ready()``
    holds: the moment the change is on screen, even if later frames follow
    (a focus highlight, the footer, work the app does in the background).
    """

    def __init__(self, app: App[Any]) -> None:
        self.last = 0.0
        self.count = 0
        self.painted = asyncio.Event()
        self.first_ready: float | None = None
        self._ready: Callable[[], bool] | None = None
        display = app._display

        def timed_display(screen: Screen[Any], renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            self.last = time.perf_counter()
            self.count += 1
            self.painted.set()
            if self._ready is not None and self.first_ready is None and self._ready():
                self.first_ready = self.last

        app._display = timed_display  # type: ignore[method-assign]

    def watch(self, ready: Callable[[], bool] | None) -> None:
        """Record the first frame painted while ``ready()`` is true (None: stop)."""
        self._ready = ready
        self.first_ready = None


_CLOCKS: dict[int, FrameClock] = {}


def frame_clock(app: App[Any]) -> FrameClock:
    """The app's frame clock, installed on first use."""
    clock = _CLOCKS.get(id(app))
    if clock is None:
        clock = _CLOCKS[id(app)] = FrameClock(app)
    return clock


async def settle(pilot: Pilot[Any], ready: Callable[[], bool]) -> float:
    """Wait until ``ready()``, all messages handled and all painted; the last frame's time.

    Checks once per painted frame (or every ``CHECK_S`` if no frame comes),
    so the app runs undisturbed between frames; the check's own delay is not
    counted because the result is the timestamp of the last frame.
    """
    app = pilot.app
    clock = frame_clock(app)
    deadline = time.perf_counter() + SETTLE_LIMIT_S
    while True:
        clock.painted.clear()
        await pilot._wait_for_screen()
        if app._exception is not None:
            raise RuntimeError("the app failed while the benchmark waited") from app._exception
        screen = app.screen
        if not needs_paint(screen) and ready():
            return clock.last
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the screen did not settle on {screen!r}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(clock.painted.wait(), CHECK_S)


def send_key(app: App[Any], key: str) -> None:
    """Send one key built as ``Pilot.press`` builds it, without its two idle waits."""
    driver = app._driver
    if driver is None:
        raise RuntimeError("the app is not running")
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    driver.send_message(event)


def on_screen(widget: Widget) -> bool:
    """Mounted, laid out with a non-empty region, and so are all its children."""
    if not widget.is_mounted:
        return False
    try:
        if widget.region.area == 0:
            return False
    except Exception:  # not yet in the compositor's map
        return False
    return all(child.is_mounted for child in widget.walk_children(Widget))


class Timing(NamedTuple):
    """Seconds from a key to the change: first on screen, and once all is painted."""

    shown: float
    settled: float


async def press_and_settle(pilot: Pilot[Any], key: str, ready: Callable[[], bool]) -> Timing:
    """Send ``key``; time the first frame showing the change and the last frame of it."""
    clock = frame_clock(pilot.app)
    frames = clock.count
    clock.watch(ready)
    start = time.perf_counter()
    send_key(pilot.app, key)
    try:
        settled = await settle(pilot, ready)
    finally:
        shown = clock.first_ready
        clock.watch(None)
    if clock.count == frames:
        raise RuntimeError(f"pressing {key!r} painted nothing")
    return Timing((shown or settled) - start, settled - start)
