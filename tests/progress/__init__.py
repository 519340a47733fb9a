"""Tests of progress/: a person's progress, the twelve exercises and the dashboard."""
