"""Where the learner's progress lives on disk.

The order is: the ``--data-dir`` command-line value, then the
``TRD_COURSE_DATA_DIR`` environment variable, then the platform's per-user
data folder. The command line wins so a learner can try a throwaway folder
without changing their environment; the variable exists for tests and for
people who keep the course on a removable drive.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

APP_NAME = "trd-course"
DATA_DIR_ENV = "TRD_COURSE_DATA_DIR"
DB_FILENAME = "progress.db"


def resolve_data_dir(cli_value: Path | None, env: Mapping[str, str]) -> Path:
    """Pick the data folder, as an absolute path (it may not exist yet).

    Args:
        cli_value: The ``--data-dir`` value, or None when not given.
        env: The environment to read ``TRD_COURSE_DATA_DIR`` from (passed in so
            callers and tests never depend on ``os.environ`` by accident).

    Returns:
        The folder to keep ``progress.db`` in. ``~`` is expanded; an empty
        environment value counts as unset.
    """
    if cli_value is not None:
        return cli_value.expanduser().absolute()
    from_env = env.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser().absolute()
    # Imported here so the store (and its crash-test child) starts without it.
    import platformdirs

    return platformdirs.user_data_path(APP_NAME)


def database_path(data_dir: Path) -> Path:
    """Return the progress file inside ``data_dir``."""
    return data_dir / DB_FILENAME
