"""Benchmarks for factcheck: loaders for the external datasets and the harness (`python -m benchmarks run`)."""
