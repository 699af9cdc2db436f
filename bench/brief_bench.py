"""Brief benchmark: the appointment brief from a long history, read and written.

Run ``python -m bench.brief_bench`` (``--quick`` for fewer repetitions). Not a
test: it prints times for a person to read against the target.

The store holds 100 treatments (two doses each), 260 check-ins (ten years of
two-weekly ones: more than the five years of the target's story, so every
treatment's dates catch some), 20 questions and a reflection. One sample is
what ``trd-course brief --output`` does after opening the store: read
everything the brief needs, build the page and write the private file.
Target: under 100 ms for each format. Everything runs in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.report import Row, table, under
from course.brief import FORMATS
from course.loader import load_course
from course.paths import bundled_lessons
from course.private_file import write_private
from course.session_treatments import brief_from_store
from progress import Store, brief_state, database_path, open_store
from progress import treatments as rows
from progress.questions import add_question
from progress.treatments import DoseRow, TreatmentRow

TARGET_MS = 100.0
TREATMENTS = 100
CHECKINS = 260
TODAY = date(2026, 12, 2)


def fill(store: Store) -> None:
    """The history (set-up, not measured): one transaction for the check-ins."""
    for n in range(TREATMENTS):
        year, month = 2016 + n // 12, 1 + n % 12
        rows.add_treatment(
            store,
            TreatmentRow(
                kind="medicine" if n % 3 else "add-on",
                name=f"Medicine number {n}",
                started=f"{year}-{month:02d}",
                stopped=None if n == TREATMENTS - 1 else f"{year + 1}-{month:02d}",
                still_taking=n == TREATMENTS - 1,
                missed_doses="sometimes",
                side_effects="tired in the mornings; some nausea the first weeks",
                side_effects_why_stopped=n % 2 == 0,
                helped="a-little",
                why_stopped="not enough change",
                notes="notes the brief leaves out",
                doses=(
                    DoseRow("1 tablet once a day", f"{year}-{month:02d}"),
                    DoseRow("2 tablets once a day", f"{year}-{min(12, month + 2):02d}"),
                ),
            ),
        )
    start = datetime(2016, 12, 1, 12, tzinfo=UTC)
    with store._write() as conn:
        conn.executemany(
            "INSERT INTO checkin (form, answers, difficulty, total, item9_panel_shown, taken_at) "
            "VALUES ('phq9', '[0,1,2,3,0,1,2,3,0]', 1, ?, 0, ?)",
            [(n % 28, (start + timedelta(days=14 * n)).isoformat()) for n in range(CHECKINS)],
        )
    for n in range(20):
        add_question(store, f"Question number {n} for my prescriber?", "own")
    brief_state.set_goal(store, "Agree on what to try next, and when to review it.")


def run(quick: bool) -> list[Row]:
    course = load_course([bundled_lessons()]).course
    runs = 5 if quick else 40
    found: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="trd-brief-bench-") as folder,
        open_store(database_path(Path(folder) / "data")).store as store,
    ):
        fill(store)
        for fmt in ("md", "html"):
            out = Path(folder) / f"brief.{fmt}"
            samples = []
            size = 0
            for _ in range(runs + 1):
                begin = time.perf_counter()
                text = FORMATS[fmt](brief_from_store(course, store, TODAY))
                write_private(out, text)
                samples.append((time.perf_counter() - begin) * 1000)
                size = out.stat().st_size
            found.append(
                under(
                    f"brief: {fmt} from 100 treatments, 260 check-ins",
                    samples[1:],  # the first run warms the wording and imports
                    "ms",
                    TARGET_MS,
                    notes=f"read, build and write a private file; {size / 1024:.0f} KB",
                    extra={"kb": size / 1024},
                )
            )
    return found


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
