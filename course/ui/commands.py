"""Command palette: jump to a lesson by title, or search the course's text.

Every entry is built from literal text (``course.ui.text``): a lesson title
holding ``[b]`` or ``[@click=...]`` shows those characters, and does nothing.
Choosing an entry posts the same message the map does.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from course.session import Session
from course.ui.messages import LessonChosen, ToolChosen
from course.ui.text import highlighted, markup_literal, plain


class LessonCommands(Provider):
    @property
    def session(self) -> Session:
        session = getattr(self.app, "session", None)
        assert isinstance(session, Session)
        return session

    def choose(self, lesson_id: str, step: int = 0, part: int = 0) -> None:
        self.app.post_message(LessonChosen(lesson_id, step, part))

    def choose_tool(self, tool_id: str) -> None:
        self.app.post_message(ToolChosen(tool_id))

    async def discover(self) -> Hits:
        from course.ui.tools import available_tools

        for item in available_tools():
            yield DiscoveryHit(
                plain(item.title),
                lambda tool_id=item.id: self.choose_tool(tool_id),
                help=markup_literal(item.summary),
            )
        for lesson in self.session.course.lessons:
            yield DiscoveryHit(
                plain(f"Open lesson: {lesson.title}"),
                lambda lesson_id=lesson.id: self.choose(lesson_id),
                help=markup_literal(lesson.summary),
            )

    async def search(self, query: str) -> Hits:
        from course.search import search  # first used when the palette is typed in
        from course.ui.tools import available_tools

        course = self.session.course
        matcher = self.matcher(query)
        for item in available_tools():
            score = matcher.match(f"{item.title} {item.summary}")
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, item.title),
                    lambda tool_id=item.id: self.choose_tool(tool_id),
                    help=markup_literal(item.summary),
                )
        titles: set[str] = set()
        for lesson in course.lessons:
            label = f"Open lesson: {lesson.title}"
            score = matcher.match(label)
            if score > 0:
                titles.add(lesson.id)
                yield Hit(
                    score,
                    highlighted(matcher, label),
                    lambda lesson_id=lesson.id: self.choose(lesson_id),
                    help=markup_literal(lesson.summary),
                )
        for match in search(course, query):
            where = f" (step {match.step + 1}" + (
                f", question {match.part + 1})" if match.part else ")"
            )
            yield Hit(
                0.5 if match.lesson.id in titles else 0.7,
                Content.assemble("Find in ", plain(match.lesson.title).stylize("bold"), where),
                lambda m=match: self.choose(m.lesson.id, m.step, m.part),
                help=markup_literal(match.snippet),
            )
