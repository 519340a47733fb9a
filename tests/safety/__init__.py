"""Tests of safety/: the safety check, danger check and plan, helplines and quick exit."""
