"""Tests of config/: the settings, the URLs, the cache and the WSGI application."""
