"""The keys of lesson and course files, as data: one definition, two readers.

The validator (``course.schema``) takes its key lists, required keys and
minimum counts from here, and ``course.json_schema`` turns the same tables
into the JSON Schema editors use for completion and inline errors, so the
two cannot drift apart (a test feeds both the same broken files). What only
the validator can check (unique ids across files, declared modules, the
warnings) stays in the validator.
"""

from __future__ import annotations


class Key:
    """One key of a table: its type, whether it must be there, and what it is for.

    ``kind`` is one of: ``version`` (the schema number), ``id``, ``text``
    (plain text), ``markdown``, ``minutes``, ``boolean``, ``ids`` (an array of
    ids), ``texts`` (an array of strings), ``step-kind``, or ``tables`` (an
    array of tables described by the table named in ``entries``).
    A plain class, not a dataclass: see ``course.schema.Report``.
    """

    __slots__ = ("default", "doc", "entries", "kind", "minimum", "required")

    def __init__(
        self,
        kind: str,
        doc: str,
        *,
        required: bool = False,
        minimum: int = 0,
        entries: str = "",
        default: object = None,
    ) -> None:
        self.kind = kind
        self.doc = doc
        self.required = required
        self.minimum = minimum
        self.entries = entries
        self.default = default


PREVIOUS = "previous_ids"
_PREVIOUS = Key(
    "ids",
    "Ids this entry had before a rename: progress saved under them follows it.",
    default=[],
)

COURSE: dict[str, Key] = {
    "schema": Key("version", "The lesson format version; must be 1.", required=True),
    "title": Key(
        "text",
        "The course title (needed only in the first course.toml read: with the "
        "bundled course first, leave it out).",
    ),
    "modules": Key(
        "tables",
        "The modules this file declares, in order ([[modules]]).",
        required=True,
        minimum=1,
        entries="module",
    ),
}

MODULE: dict[str, Key] = {
    "id": Key("id", "The module id lessons name in 'module'.", required=True),
    "title": Key("text", "The module heading.", required=True),
    "summary": Key("text", "One line under the heading.", required=True),
}

LESSON: dict[str, Key] = {
    "schema": Key("version", "The lesson format version; if given, must be 1.", default=1),
    "id": Key("id", "This lesson's permanent id, unique across every folder.", required=True),
    "module": Key("id", "The id of a module declared in a course.toml.", required=True),
    "title": Key("text", "The lesson's title.", required=True),
    "minutes": Key("minutes", "About how long it takes, 1 to 60.", required=True),
    "summary": Key("text", "One or two sentences, shown when it ends.", required=True),
    "sources": Key("texts", "References for the facts in the lesson.", default=[]),
    "steps": Key(
        "tables", "The steps, in order ([[steps]]).", required=True, minimum=1, entries="step"
    ),
    PREVIOUS: _PREVIOUS,
}

STEP: dict[str, Key] = {
    "id": Key("id", "This step's permanent id, unique within the lesson.", required=True),
    "kind": Key("step-kind", "read, quiz, reflect or plan.", required=True),
    "title": Key("text", "The step's heading (a default by kind if left out)."),
}
"""The keys every step has; each kind adds its own (``STEP_KIND``)."""

STEP_KIND: dict[str, dict[str, Key]] = {
    "read": {"body": Key("markdown", "The page, in Markdown.", required=True)},
    "quiz": {
        "intro": Key("markdown", "A line shown above the first question."),
        "questions": Key(
            "tables",
            "The questions ([[steps.questions]]).",
            required=True,
            minimum=1,
            entries="question",
        ),
    },
    "reflect": {
        "prompt": Key("text", "The question the learner answers privately.", required=True),
        "placeholder": Key("text", "Faint hint text in the empty answer box."),
    },
    "plan": {
        "prompt": Key("text", "What the list is for.", required=True),
        "items": Key(
            "tables",
            "The actions to tick ([[steps.items]]).",
            required=True,
            minimum=1,
            entries="item",
        ),
        "allow_custom": Key(
            "boolean", "Whether the learner may add actions of their own.", default=True
        ),
    },
}

QUESTION: dict[str, Key] = {
    "id": Key("id", "This question's permanent id, unique within the lesson.", required=True),
    "prompt": Key("text", "The question.", required=True),
    "explanation": Key("text", "Shown after answering: why the right answer is right."),
    "shuffle": Key(
        "boolean",
        "Whether each learner sees the choices in their own order; false keeps the written order.",
        default=True,
    ),
    "choices": Key(
        "tables",
        "The choices ([[steps.questions.choices]]); mark at least one correct.",
        required=True,
        minimum=2,
        entries="choice",
    ),
    PREVIOUS: _PREVIOUS,
}

CHOICE: dict[str, Key] = {
    "id": Key("id", "This choice's permanent id, unique within its question.", required=True),
    "text": Key("text", "The answer as the learner sees it.", required=True),
    "correct": Key("boolean", "Whether this choice is right.", default=False),
    "feedback": Key("text", "Shown when picked: why it is right or wrong."),
    PREVIOUS: _PREVIOUS,
}

ITEM: dict[str, Key] = {
    "id": Key("id", "This action's permanent id, unique within the lesson.", required=True),
    "text": Key("text", "The action.", required=True),
    PREVIOUS: _PREVIOUS,
}

TABLES: dict[str, dict[str, Key]] = {
    "course": COURSE,
    "module": MODULE,
    "lesson": LESSON,
    "question": QUESTION,
    "choice": CHOICE,
    "item": ITEM,
}
"""Every table but the step, by the name ``Key.entries`` uses."""


def step_keys(kind: str) -> dict[str, Key]:
    """The keys a step of ``kind`` may have, in the order the guide lists them."""
    return {**STEP, **STEP_KIND[kind], PREVIOUS: _PREVIOUS}
