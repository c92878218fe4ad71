"""Benchmarks run by hand (not part of the test suite): `.venv/bin/python -m bench.<name>`."""
