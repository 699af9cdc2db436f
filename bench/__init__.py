"""Benchmarks: run ``python -m bench`` (timings are read by people, never asserted).

Modules: ``app_bench`` (start-up, paint, memory; each against the minimal app
in ``apps``, measured in fresh subprocesses run by ``_child``),
``loader_bench``, ``store_bench`` and ``toml_bench`` (in process), and
``report`` (the one row shape, the table and the JSON).
"""
