"""A workaround for a Textual memory leak, applied once when the app loads.

Textual 8.2.8 caches ``StylesCache.get_inner_outer`` with ``lru_cache`` on the
method, so the cache key includes ``self`` and keeps up to 1,024 removed
widgets' style caches (and the rendered lines they hold) alive (Textualize/
textual#6665). Stepping through the course mounts and removes many widgets;
measured here, that leak was most of the memory the app gained after visiting
every step. The result depends only on the two colours, so a cache keyed on
them alone returns the same styles and frees removed widgets. Textual is pinned
to one version, and a test checks the patched method still gives Textual's
answer, so an upgrade that changes it is noticed.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def _get_inner_outer(
    self: StylesCache, base_background: Color, background: Color
) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def apply() -> None:
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]
