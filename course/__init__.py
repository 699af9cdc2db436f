"""trd-course: a self-guided coping course for treatment-resistant depression.

The package root holds the domain (model, loader, validation, grading,
export), which never imports Textual or sqlite3; ``course.ui`` holds the app.
"""

__version__ = "0.1.0"
