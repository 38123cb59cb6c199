"""Driving the real app in-process for tests and benchmarks."""
