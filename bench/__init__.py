"""Benchmarks against the budgets of DESIGN §7 (not tests): `python -m bench`."""
