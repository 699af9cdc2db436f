"""Widgets for each kind of lesson step, and small shared pieces."""
