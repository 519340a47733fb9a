"""Tests of vault/: encryption at rest, its keys and their rotation."""
