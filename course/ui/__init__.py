"""The Textual app: the only part of the project that imports Textual."""
