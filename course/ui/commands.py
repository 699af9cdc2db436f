"""Command palette: jump to a lesson by title, or search the course's text."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from course.ui.text import plain

if TYPE_CHECKING:
    from course.ui.app import CourseApp


class LessonCommands(Provider):
    @property
    def course_app(self) -> CourseApp:
        from course.ui.app import CourseApp

        assert isinstance(self.app, CourseApp)
        return self.app

    async def discover(self) -> Hits:
        app = self.course_app
        for lesson in app.session.course.lessons:
            yield DiscoveryHit(
                plain(f"Open lesson: {lesson.title}"),
                partial(app.open_lesson, lesson.id, 0),
                help=escape(lesson.summary),
            )

    async def search(self, query: str) -> Hits:
        from course.search import search  # first used when the palette is typed in

        app = self.course_app
        matcher = self.matcher(query)
        titles: set[str] = set()
        for lesson in app.session.course.lessons:
            label = f"Open lesson: {lesson.title}"
            score = matcher.match(label)
            if score > 0:
                titles.add(lesson.id)
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(app.open_lesson, lesson.id, 0),
                    help=escape(lesson.summary),
                )
        for match in search(app.session.course, query):
            yield Hit(
                0.5 if match.lesson.id in titles else 0.7,
                Content.assemble(
                    "Find in ",
                    (match.lesson.title, "bold"),
                    f" (step {match.step + 1})",
                ),
                partial(app.open_lesson, match.lesson.id, match.step),
                help=escape(match.snippet),
            )
