"""Lets ``python -m course`` behave exactly like the ``trd-course`` command."""

import sys

from course.cli import main

sys.exit(main())
