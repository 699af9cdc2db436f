"""Preview one lesson file while it is being written, reloading on every save.

The preview keeps its progress in a throwaway store, never the learner's, so
an author can click through quizzes without leaving a trace. A save that
breaks the file shows its validation errors instead of the lesson, and the
next good save brings the lesson back at the same step.
"""

from __future__ import annotations

from pathlib import Path

from course.loader import LoadResult, load_course
from course.model import Course, Lesson, Module
from course.paths import bundled_lessons
from course.problems import Problem
from course.ui.app import CourseApp
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.problems import ProblemsScreen
from progress import Store

POLL_SECONDS = 0.5
"""How often the file is checked: fast enough to feel live, cheap for 1 MiB."""


def load_preview(path: Path, folders: list[Path]) -> tuple[Course | None, list[Problem]]:
    """The lesson at ``path`` as a one-lesson course, or its problems."""
    result = load_course(folders, [path])
    resolved = path.resolve()
    problems = [p for p in result.errors if p.path.resolve() == resolved]
    lesson = next((x for x in result.course.lessons if x.path.resolve() == resolved), None)
    if problems or lesson is None:
        if not problems:
            problems = [Problem(path, 1, "(file)", "the lesson could not be loaded")]
        return None, problems
    module = result.course.module(lesson.module)
    title, summary = (module.title, module.summary) if module else (lesson.module, "")
    course = Course(f"Preview: {path.name}", (Module(lesson.module, title, summary, (lesson,)),))
    return course, []


class PreviewApp(CourseApp):
    def __init__(self, path: Path, store: Store, folders: list[Path] | None = None) -> None:
        self.path = path
        self.folders = folders if folders is not None else [bundled_lessons()]
        course, self.problems = load_preview(path, self.folders)
        empty = Course(f"Preview: {path.name}", ())
        super().__init__(LoadResult(course or empty, (), 1), store, data_dir=store.path.parent)
        self.title = f"Preview: {path.name}"
        self._last = self.read()

    def show_first_screens(self) -> None:
        """No welcome or notices: straight into the lesson, over a one-lesson map."""
        if self.session.first_run_pending():
            self.session.acknowledge_first_run()
        self.show(None)
        self.set_interval(POLL_SECONDS, self.check_for_changes)

    def saved_line(self) -> str:
        """The preview's store is thrown away as it closes: nothing was kept, by design."""
        return f"trd-course preview: closed {self.path.name}; nothing from the preview was kept."

    def prepare_lessons(self) -> None:
        """Nothing to ready: the preview opens its lesson at once, in its own screen."""

    def read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def check_for_changes(self) -> bool:
        """Reload if the file's bytes changed; True when a reload happened."""
        current = self.read()
        if current == self._last:
            return False
        self._last = current
        self.reload()
        return True

    def reload(self) -> None:
        step_id, part = None, 0
        if isinstance(self.screen, LessonScreen) and not self.screen.at_summary:
            step_id = self.screen.lesson.steps[self.screen.index].id
            shown = self.screen.shown_view()
            part = shown.part if shown is not None else 0
        elif isinstance(self.screen, ProblemsScreen):
            step_id, part = self._before_problems
        course, self.problems = load_preview(self.path, self.folders)
        if course is not None:
            self.session.course = course
        self.show(step_id, part)

    _before_problems: tuple[str | None, int] = (None, 0)

    def lesson(self) -> Lesson | None:
        lessons = self.session.course.lessons
        return lessons[0] if lessons else None

    def show(self, step_id: str | None, part: int = 0) -> None:
        """The lesson at ``step_id`` and page ``part`` (a quiz question kept across saves)."""
        while len(self.screen_stack) > 1:  # down to the map
            self.pop_screen()
        if self.problems:
            self._before_problems = (step_id, part)
            self.push_screen(ProblemsScreen(self.problems))
            return
        lesson = self.lesson()
        if lesson is None:
            return
        index = lesson.step_index(step_id) if step_id else 0
        self.push_screen(LessonScreen(self.session, lesson, index or 0, part))
