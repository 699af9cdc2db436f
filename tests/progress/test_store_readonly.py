"""A full disk and a read-only disk: the store still opens to be read and exported.

Real file systems, not mocks: each case mounts a small tmpfs in a private
mount namespace (``unshare -m``), so nothing outside the test ever sees it
and it vanishes with the child. That needs root and ``unshare``; elsewhere
the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="needs root and unshare to mount a private tmpfs",
)

SETUP = """
import sys
from pathlib import Path
from progress import database_path, open_store
with open_store(database_path(Path(sys.argv[1]) / "data")).store as store:
    store.save_reflection("lesson", "r1", "words kept on a small disk")
"""

CHECK = """
import sys
from pathlib import Path
from progress import StoreError, database_path, hold_data_folder, open_store
data = Path(sys.argv[1]) / "data"
try:
    open_store(database_path(data))
except StoreError as error:
    print("refused:", error)
with hold_data_folder(data):
    opened = open_store(database_path(data), read_only_ok=True)
    with opened.store as store:
        print("read:", store.reflection("lesson", "r1").text)
        print("read only:", store.read_only)
        try:
            store.save_reflection("lesson", "r1", "more")
        except StoreError as error:
            print("write refused:", type(error).__name__)
    for notice in opened.notices:
        print("notice:", notice.message)
"""

BREAK = {
    "read-only": 'mount -o remount,ro "$1"',
    "full": 'dd if=/dev/zero of="$1/filler" bs=4096 2>/dev/null || true',
}


def _run(tmp_path: Path, case: str) -> tuple[str, str]:
    mount = tmp_path / "disk"
    mount.mkdir()
    script = (
        "set -e\n"
        'mount -t tmpfs -o size=1m,mode=0700 tmpfs "$1"\n'
        '"$2" -c "$SETUP" "$1"\n'
        f"{BREAK[case]}\n"
        '"$2" -c "$CHECK" "$1"\n'
        'echo "---"\n'
        '"$2" -m course --data-dir "$1/data" export\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SETUP": SETUP, "CHECK": CHECK}
    command = ["unshare", "-m", "--propagation", "private", "sh", "-c", script]
    done = subprocess.run(
        [*command, "sh", str(mount), sys.executable],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    if done.returncode != 0 and "mount:" in done.stderr and "permission" in done.stderr.lower():
        pytest.skip("mounting is not allowed here")
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


@pytest.mark.parametrize(("case", "cause"), [("read-only", "read-only"), ("full", "full")])
def test_the_store_opens_read_only_to_be_read_and_exported(
    tmp_path: Path, case: str, cause: str
) -> None:
    out, err = _run(tmp_path, case)
    check, export = out.split("---\n")
    refused = [line for line in check.splitlines() if line.startswith("refused:")]
    assert refused and f"the disk it is on is {cause}" in refused[0], check
    assert "another copy" not in check.lower(), "the message names the real cause"
    assert "read: words kept on a small disk" in check
    assert "read only: True" in check and "write refused: StoreError" in check
    assert f"can't be written to: the disk it is on is {cause}" in check
    assert "words kept on a small disk" in export, "export still works"
    assert "Traceback" not in err
