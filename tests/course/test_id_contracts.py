"""Bundled ids are a contract with every learner who has saved progress.

The progress store keys what a learner did by ids, never by file name or
position: the lesson id, the step id (where they stopped, reflections, plan
ticks), the question and choice ids (quiz answers) and the plan item ids
(ticks). Removing one of them in ``lessons/`` silently orphans what learners
saved against it, and so does renaming one unless the old id is kept in
``previous_ids`` (``course.renames`` then carries the progress over). This
test holds a checked-in listing of every bundled id, so such a change is
always a deliberate, reviewed edit, and a listed id that left the course is
refused unless a ``previous_ids`` entry leads from it to a current id.

After a deliberate change (a new lesson, or a removal you have thought
through), print the current listing and paste it over ``BUNDLED_IDS``::

    .venv/bin/python -m tests.course.test_id_contracts
"""

from __future__ import annotations

from course.loader import load_course
from course.model import Course, PlanStep, QuizStep
from course.paths import bundled_lessons
from course.renames import Renames, renames


def listing(course: Course) -> dict[str, tuple[str, ...]]:
    """Every id a learner's progress can point at, per lesson, in course order."""
    result: dict[str, tuple[str, ...]] = {}
    for lesson in course.lessons:
        ids: list[str] = []
        for step in lesson.steps:
            ids.append(f"step {step.id}")
            if isinstance(step, QuizStep):
                for question in step.questions:
                    ids.append(f"question {question.id}")
                    ids.extend(f"choice {question.id}/{choice.id}" for choice in question.choices)
            elif isinstance(step, PlanStep):
                ids.extend(f"item {step.id}/{item.id}" for item in step.items)
        result[lesson.id] = tuple(ids)
    return result


def render(ids: dict[str, tuple[str, ...]]) -> str:
    """``ids`` as the Python literal this file keeps."""
    lines = ["BUNDLED_IDS: dict[str, tuple[str, ...]] = {"]
    for lesson_id, entries in ids.items():
        lines.append(f'    "{lesson_id}": (')
        lines.extend(f'        "{entry}",' for entry in entries)
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines)


def _pairs(ids: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    return {("lesson", lesson_id) for lesson_id in ids} | {
        (lesson_id, entry) for lesson_id, entries in ids.items() for entry in entries
    }


def _describe(pairs: set[tuple[str, str]]) -> str:
    return "\n".join(f"  lesson {b}" if a == "lesson" else f"  {a}: {b}" for a, b in sorted(pairs))


def followed(pair: tuple[str, str], moved: Renames, current: set[tuple[str, str]]) -> bool:
    """Whether a listed id that left the course is renamed to one still in it."""
    scope, entry = pair
    if scope == "lesson":
        return ("lesson", moved.lesson(entry)) in current
    lesson = moved.lesson(scope)
    kind, _, ident = entry.partition(" ")
    outer, _, inner = ident.rpartition("/")
    if kind == "step":
        now = moved.step(lesson, ident)
    elif kind == "question":
        now = moved.question(lesson, ident)
    elif kind == "choice":
        question = moved.question(lesson, outer)
        now = f"{question}/{moved.choice(lesson, question, inner)}"
    else:
        step = moved.step(lesson, outer)
        now = f"{step}/{moved.item(lesson, step, inner)}"
    return (lesson, f"{kind} {now}") in current


def test_bundled_ids_match_the_checked_in_listing() -> None:
    result = load_course([bundled_lessons()])
    assert result.ok, "\n".join(p.format() for p in result.errors)
    current = listing(result.course)
    moved = renames(result.course)
    gone = {
        pair
        for pair in _pairs(BUNDLED_IDS) - _pairs(current)
        if not followed(pair, moved, _pairs(current))
    }
    new = _pairs(current) - _pairs(BUNDLED_IDS)
    message = (
        "The bundled lesson ids changed.\n"
        "Learners' saved progress (answers, reflections, plan ticks, where they stopped) "
        "points at lesson, step, question, choice and plan item ids. Removing one orphans "
        "what learners saved against it: reword the text as much as you like, but keep "
        "the ids. To rename an id, keep the old one in the entry's previous_ids.\n"
        "If this change is deliberate (a new lesson or step, or a removal you have thought "
        "through), update BUNDLED_IDS in tests/course/test_id_contracts.py: run\n"
        "  .venv/bin/python -m tests.course.test_id_contracts\n"
        "and paste its output over the listing.\n"
    )
    if gone:
        message += (
            f"\nNo longer in the course (saved progress would be orphaned):\n{_describe(gone)}\n"
        )
    if new:
        message += f"\nNew in the course (not yet in the listing):\n{_describe(new)}\n"
    assert not gone and not new, message


def test_a_listed_id_renamed_with_previous_ids_is_followed(tmp_path) -> None:
    from tests.course.lesson_text import write_folder
    from tests.course.test_previous_ids import RENAMED

    result = load_course([write_folder(tmp_path / "l", {"m/01-one.toml": RENAMED})])
    current = _pairs(listing(result.course))
    moved = renames(result.course)
    for pair in [
        ("lesson", "lesson-one"),
        ("lesson-one", "step page"),
        ("lesson-one", "question q1"),
        ("lesson-one", "choice q1/a"),
        ("lesson-one", "item todo/one"),
    ]:
        assert pair not in current and followed(pair, moved, current), pair
    assert not followed(("lesson-one", "step removed"), moved, current)


def test_listing_names_every_kind_of_id() -> None:
    kinds = {entry.split(" ", 1)[0] for entries in BUNDLED_IDS.values() for entry in entries}
    assert kinds == {"step", "question", "choice", "item"}


# Generated from the bundled course; see the module docstring before editing.
BUNDLED_IDS: dict[str, tuple[str, ...]] = {
    "what-trd-means": (
        "step a-name-not-a-verdict",
        "step not-untreatable",
        "step other-names",
        "step check",
        "question meaning",
        "choice meaning/untreatable",
        "choice meaning/two-trials",
        "choice meaning/not-trying",
        "question other-names",
        "choice other-names/difficult",
        "choice other-names/untreatable",
        "choice other-names/chronic",
        "choice other-names/complex-needs",
        "question definition",
        "choice definition/blood-test",
        "choice definition/ten-medicines",
        "choice definition/no-single-rule",
        "question in-your-chart",
        "choice in-your-chart/top-of-chart",
        "choice in-your-chart/treatments-listed",
        "choice in-your-chart/end-of-treatment",
        "step the-label",
    ),
    "how-common": (
        "step how-common",
        "step why-medicines-differ",
        "step check",
        "question share-with-mdd",
        "choice share-with-mdd/three-in-ten",
        "choice share-with-mdd/one-in-hundred",
        "choice share-with-mdd/almost-all",
        "question share-of-adults",
        "choice share-of-adults/thirty",
        "choice share-of-adults/none",
        "choice share-of-adults/one-point-one",
        "question why-not-work",
        "choice why-not-work/genes",
        "choice why-not-work/willpower",
        "choice why-not-work/serotonin",
        "choice why-not-work/brain",
        "step not-alone",
    ),
    "risk-factors": (
        "step no-single-cause",
        "step more-factors",
        "step check",
        "question which-risk",
        "choice which-risk/long-episode",
        "choice which-risk/weak-will",
        "choice which-risk/anxiety",
        "choice which-risk/older-age",
        "question severity",
        "choice severity/severe-only",
        "choice severity/both-ends",
        "choice severity/mild-never",
        "question bipolar",
        "choice bipolar/more",
        "choice bipolar/less",
        "choice bipolar/never",
        "question early-weeks",
        "choice early-weeks/proof",
        "choice early-weeks/stop-now",
        "choice early-weeks/early-sign",
        "step your-picture",
    ),
    "what-gets-checked": (
        "step before-the-label",
        "step a-fresh-look",
        "step check",
        "question checks",
        "choice checks/dose",
        "choice checks/effort",
        "choice checks/as-directed",
        "choice checks/side-effects",
        "choice checks/thyroid",
        "question nonadherence",
        "choice nonadherence/not-as-directed",
        "choice nonadherence/side-effect",
        "choice nonadherence/refusing",
        "question why-thyroid",
        "choice why-thyroid/always-thyroid",
        "choice why-thyroid/harm",
        "choice why-thyroid/other-cause",
        "question missed-doses",
        "choice missed-doses/hide",
        "choice missed-doses/tell",
        "choice missed-doses/double-up",
        "step to-raise",
        "item to-raise/fair-chance",
        "item to-raise/missed-doses",
        "item to-raise/side-effects",
        "item to-raise/other-conditions",
        "item to-raise/other-tests",
    ),
    "switching-medicines": (
        "step classes",
        "step trying-another",
        "step your-history",
        "step check",
        "question first-choice",
        "choice first-choice/maoi",
        "choice first-choice/tca",
        "choice first-choice/ssri-snri",
        "question same-class",
        "choice same-class/best-option",
        "choice same-class/weaker-evidence",
        "choice same-class/never-works",
        "question history-details",
        "choice history-details/how-long",
        "choice history-details/only-helpful",
        "choice history-details/side-effects",
        "choice history-details/what-changed",
        "question who-decides",
        "choice who-decides/together",
        "choice who-decides/stop-at-home",
        "choice who-decides/friend",
        "step my-treatment-history",
    ),
    "adding-a-medicine": (
        "step adding",
        "step esketamine",
        "step check",
        "question augmentation",
        "choice augmentation/switch-class",
        "choice augmentation/raise-dose",
        "choice augmentation/add-medicine",
        "question add-ons",
        "choice add-ons/lithium",
        "choice add-ons/folic-acid",
        "choice add-ons/sga",
        "choice add-ons/t3",
        "choice add-ons/esketamine-alone",
        "question where-esketamine",
        "choice where-esketamine/at-home",
        "choice where-esketamine/certified-office",
        "choice where-esketamine/any-clinic",
        "question rems",
        "choice rems/test",
        "choice rems/therapy",
        "choice rems/safety-rules",
        "step medicine-questions",
    ),
    "talk-therapy": (
        "step therapy-and-trd",
        "step types",
        "step check",
        "question combined",
        "choice combined/last-resort",
        "choice combined/with-medicine",
        "choice combined/never",
        "question match-type",
        "choice match-type/dbt",
        "choice match-type/ipt",
        "choice match-type/istdp",
        "question relationships",
        "choice relationships/cbt",
        "choice relationships/istdp",
        "choice relationships/ipt",
        "question didnt-help",
        "choice didnt-help/try-another",
        "choice didnt-help/cant-help",
        "choice didnt-help/your-fault",
        "step therapy-experience",
    ),
    "ect-and-vns": (
        "step ect",
        "step ect-safety",
        "step vns",
        "step asking",
        "step check",
        "question ect-how",
        "choice ect-how/awake",
        "choice ect-how/anesthesia",
        "choice ect-how/long-stay",
        "question ect-facts",
        "choice ect-facts/one-session",
        "choice ect-facts/established",
        "choice ect-facts/memory",
        "choice ect-facts/twice-weekly",
        "choice ect-facts/safe",
        "question vns-who",
        "choice vns-who/no-medicines",
        "choice vns-who/one-side-effect",
        "choice vns-who/four-medicines",
        "question vns-how",
        "choice vns-how/pill",
        "choice vns-how/implanted-device",
        "choice vns-how/nasal-spray",
        "step my-views",
    ),
    "testing-and-research": (
        "step pharmacogenetics",
        "step research",
        "step check",
        "question what-it-looks-at",
        "choice what-it-looks-at/diagnosis",
        "choice what-it-looks-at/genes",
        "choice what-it-looks-at/brain-scan",
        "question what-it-helps",
        "choice what-it-helps/which-medicines",
        "choice what-it-helps/guarantee",
        "choice what-it-helps/which-doses",
        "choice what-it-helps/side-effects",
        "question folate-status",
        "choice folate-status/proven",
        "choice folate-status/ruled-out",
        "choice folate-status/under-way",
        "step options-to-ask",
        "item options-to-ask/switch-class",
        "item options-to-ask/add-medicine",
        "item options-to-ask/esketamine",
        "item options-to-ask/therapy-type",
        "item options-to-ask/ect-vns",
        "item options-to-ask/gene-test",
        "item options-to-ask/research",
    ),
    "activity-sleep-meals": (
        "step small-steps",
        "step sleep-and-meals",
        "step check",
        "question healthy-habits",
        "choice healthy-habits/skip-meals",
        "choice healthy-habits/activity",
        "choice healthy-habits/sleep-routine",
        "choice healthy-habits/regular-meals",
        "question sleep-hygiene",
        "choice sleep-hygiene/washing",
        "choice sleep-hygiene/habits",
        "choice sleep-hygiene/sleeping-pills",
        "question fit-with-treatment",
        "choice fit-with-treatment/alongside",
        "choice fit-with-treatment/pointless",
        "choice fit-with-treatment/replace",
        "step easier-day",
    ),
    "people-and-choices": (
        "step connecting",
        "step decisions-and-substances",
        "step check",
        "question big-decision",
        "choice big-decision/decide-now",
        "choice big-decision/never-decide",
        "choice big-decision/wait",
        "question avoid",
        "choice avoid/alcohol",
        "choice avoid/friends",
        "choice avoid/nicotine",
        "choice avoid/drugs",
        "question why-substances",
        "choice why-substances/no-effect",
        "choice why-substances/mood-and-medicine",
        "choice why-substances/fine-with-medicine",
        "step my-lifestyle-plan",
        "item my-lifestyle-plan/move",
        "item my-lifestyle-plan/wake-time",
        "item my-lifestyle-plan/wind-down",
        "item my-lifestyle-plan/regular-meals",
        "item my-lifestyle-plan/reach-out",
        "item my-lifestyle-plan/support-group",
        "item my-lifestyle-plan/delay-decision",
        "item my-lifestyle-plan/substances",
    ),
    "doing-one-thing": (
        "step why-one-thing",
        "step choosing",
        "step check",
        "question what-comes-first",
        "choice what-comes-first/wait-to-feel",
        "choice what-comes-first/small-activity",
        "choice what-comes-first/big-change",
        "question good-first-step",
        "choice good-first-step/whole-house",
        "choice good-first-step/five-minutes",
        "choice good-first-step/long-race",
        "choice good-first-step/text-someone",
        "question before-after",
        "choice before-after/grade-yourself",
        "choice before-after/reach-ten",
        "choice before-after/notice-change",
        "question didnt-happen",
        "choice didnt-happen/smaller-step",
        "choice didnt-happen/give-up",
        "choice didnt-happen/make-up",
        "step what-used-to-help",
        "step my-one-thing",
        "item my-one-thing/pick-one",
        "item my-one-thing/pick-time",
        "item my-one-thing/rate-mood",
        "item my-one-thing/note-it",
        "item my-one-thing/go-smaller",
    ),
    "talking-with-your-provider": (
        "step before",
        "step during-and-after",
        "step check",
        "question prepare",
        "choice prepare/know-aim",
        "choice prepare/keep-quiet",
        "choice prepare/write-questions",
        "choice prepare/bring-history",
        "question not-heard",
        "choice not-heard/stay-quiet",
        "choice not-heard/agree",
        "choice not-heard/say-so",
        "question notes",
        "choice notes/required",
        "choice notes/record",
        "choice notes/to-argue",
        "question after",
        "choice after/follow-up",
        "choice after/change-yourself",
        "choice after/wait-and-see",
        "step appointment-aim",
        "step questions-for-provider",
        "item questions-for-provider/is-it-trd",
        "item questions-for-provider/checked",
        "item questions-for-provider/next-options",
        "item questions-for-provider/how-long",
        "item questions-for-provider/side-effects",
        "item questions-for-provider/therapy",
        "item questions-for-provider/gene-test",
        "item questions-for-provider/between-visits",
        "item questions-for-provider/suicidal-thoughts",
    ),
    "following-your-plan": (
        "step a-plan-that-fits",
        "step early-signs",
        "step act-now",
        "step check",
        "question early-signs",
        "choice early-signs/low-mood",
        "choice early-signs/appetite-sleep",
        "choice early-signs/taking-daily",
        "choice early-signs/less-social",
        "choice early-signs/lost-interest",
        "question no-improvement",
        "choice no-improvement/keep-waiting",
        "choice no-improvement/check-back",
        "choice no-improvement/stop",
        "question not-doable",
        "choice not-doable/pretend",
        "choice not-doable/skip-quietly",
        "choice not-doable/tell-provider",
        "step what-gets-in-the-way",
        "step signs-to-watch",
        "item signs-to-watch/low-mood",
        "item signs-to-watch/appetite-sleep",
        "item signs-to-watch/less-social",
        "item signs-to-watch/lost-interest",
        "item signs-to-watch/no-change",
        "item signs-to-watch/side-effects",
        "item signs-to-watch/act-now",
    ),
    "help-now": (
        "step in-a-crisis",
        "step always-close",
        "step check",
        "question us-number",
        "choice us-number/call-911",
        "choice us-number/call-988",
        "choice us-number/wait",
        "question old-number",
        "choice old-number/switched-off",
        "choice old-number/still-works",
        "question danger",
        "choice danger/call-911",
        "choice danger/email",
        "choice danger/wait-it-out",
        "question outside-us",
        "choice outside-us/988-everywhere",
        "choice outside-us/nowhere",
        "choice outside-us/findahelpline",
        "step people-to-reach",
        "step ready-just-in-case",
        "item ready-just-in-case/save-988",
        "item ready-just-in-case/save-provider",
        "item ready-just-in-case/tell-someone",
        "item ready-just-in-case/find-panel",
    ),
    "your-safety-plan": (
        "step what-it-is",
        "step for-and-not-for",
        "step check",
        "question when-to-write",
        "choice when-to-write/in-crisis",
        "choice when-to-write/calm-day",
        "choice when-to-write/provider-writes",
        "question parts",
        "choice parts/medicine-list",
        "choice parts/warning-signs",
        "choice parts/diagnosis",
        "choice parts/people-to-ask",
        "choice parts/safer-surroundings",
        "question open-it",
        "choice open-it/online",
        "choice open-it/key-s",
        "choice open-it/settings-file",
        "step start-my-plan",
        "item start-my-plan/open-plan",
        "item start-my-plan/add-people",
        "item start-my-plan/share-plan",
    ),
    "the-check-in": (
        "step what-it-is",
        "step for-and-not-for",
        "step check",
        "question what-phq9",
        "choice what-phq9/diagnosis",
        "choice what-phq9/daily-diary",
        "choice what-phq9/phq9",
        "question higher-score",
        "choice higher-score/share-trend",
        "choice higher-score/adjust-medicine",
        "choice higher-score/ignore-it",
        "question item-nine",
        "choice item-nine/sent",
        "choice item-nine/locked",
        "choice item-nine/panel",
    ),
    "treatments-and-brief": (
        "step my-treatments",
        "step the-brief",
        "step check",
        "question what-computed",
        "choice what-computed/adequate",
        "choice what-computed/durations",
        "choice what-computed/next-medicine",
        "question brief-contains",
        "choice brief-contains/goal",
        "choice brief-contains/all-reflections",
        "choice brief-contains/questions",
        "choice brief-contains/trend",
        "choice brief-contains/treatments",
        "question which-key",
        "choice which-key/t",
        "choice which-key/m",
        "choice which-key/p",
        "step before-next-visit",
        "item before-next-visit/add-treatments",
        "item before-next-visit/make-brief",
        "item before-next-visit/save-brief",
    ),
    "support-without-blame": (
        "step for-you",
        "step without-blame",
        "step check",
        "question what-it-means",
        "choice what-it-means/given-up",
        "choice what-it-means/not-eased",
        "choice what-it-means/attitude",
        "question skipped-doses",
        "choice skipped-doses/encourage-telling",
        "choice skipped-doses/scold",
        "choice skipped-doses/take-over",
        "question helpful-things",
        "choice helpful-things/bright-side",
        "choice helpful-things/listen",
        "choice helpful-things/walk-together",
        "choice helpful-things/decide-medicines",
        "choice helpful-things/list-questions",
        "question why-differ",
        "choice why-differ/same-for-all",
        "choice why-differ/known-doctor",
        "choice why-differ/genes-brain",
        "step what-helps-you-help",
    ),
    "appointments-and-history": (
        "step at-appointments",
        "step the-history",
        "step early-signs",
        "step check",
        "question before-going",
        "choice before-going/just-go",
        "choice before-going/ask-them",
        "choice before-going/call-doctor",
        "question your-role",
        "choice your-role/answer-for-them",
        "choice your-role/take-notes",
        "choice your-role/hold-back",
        "choice your-role/check-first",
        "question history-record",
        "choice history-record/names-dates",
        "choice history-record/doctor-opinion",
        "choice history-record/how-long",
        "choice history-record/as-directed",
        "question not-wanting-to-be-here",
        "choice not-wanting-to-be-here/change-subject",
        "choice not-wanting-to-be-here/act-now",
        "choice not-wanting-to-be-here/wait-visit",
        "step what-i-can-do",
        "item what-i-can-do/offer-appointment",
        "item what-i-can-do/take-notes",
        "item what-i-can-do/gather-records",
        "item what-i-can-do/watch-signs",
        "item what-i-can-do/save-988",
    ),
    "asking-about-suicide": (
        "step why-ask",
        "step if-yes",
        "step check",
        "question put-the-idea",
        "choice put-the-idea/yes-hint",
        "choice put-the-idea/leave-to-pros",
        "choice put-the-idea/no-ask",
        "question how-to-ask",
        "choice how-to-ask/direct",
        "choice how-to-ask/silly",
        "choice how-to-ask/better-now",
        "question after-yes",
        "choice after-yes/promise-secret",
        "choice after-yes/stay-listen",
        "choice after-yes/argue",
        "choice after-yes/call-988",
        "choice after-yes/out-of-reach",
        "question immediate-danger",
        "choice immediate-danger/text-later",
        "choice immediate-danger/call-911",
        "choice immediate-danger/wait-calm",
        "step words-i-would-use",
        "step ready-to-ask",
        "item ready-to-ask/save-988",
        "item ready-to-ask/practice-words",
        "item ready-to-ask/safety-plan",
        "item ready-to-ask/medicines",
    ),
    "your-own-support": (
        "step you-matter-too",
        "step support-for-you",
        "step check",
        "question selfish",
        "choice selfish/them-first",
        "choice selfish/can-wait",
        "choice selfish/keep-going",
        "question who-988",
        "choice who-988/professionals",
        "choice who-988/anyone",
        "choice who-988/person-in-crisis",
        "question sharing-the-load",
        "choice sharing-the-load/do-it-all",
        "choice sharing-the-load/care-team",
        "choice sharing-the-load/give-up-own",
        "choice sharing-the-load/support-group",
        "question abroad",
        "choice abroad/988-abroad",
        "choice abroad/next-visit",
        "choice abroad/findahelpline",
        "step my-support",
        "step looking-after-me",
        "item looking-after-me/one-thing",
        "item looking-after-me/talk-to-someone",
        "item looking-after-me/support-group",
        "item looking-after-me/save-988",
        "item looking-after-me/own-provider",
    ),
}


if __name__ == "__main__":
    print(render(listing(load_course([bundled_lessons()]).course)))
