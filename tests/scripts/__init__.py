"""Tests of the Makefile, the Procfile and scripts/."""
