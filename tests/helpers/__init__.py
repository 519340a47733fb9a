"""Helpers the tests share: signing in, reading what the database holds, walking every page."""
