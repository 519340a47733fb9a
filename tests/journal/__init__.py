"""Tests of journal/: writing, listing and searching journal entries."""
