"""Benchmarks: run ``python -m bench`` (timings are read by people, never asserted)."""
