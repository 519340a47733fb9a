"""Tests of demo/: the benchmark's demo data."""
