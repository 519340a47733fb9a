"""Tests of stages/: the program's words and which reader reads which."""
