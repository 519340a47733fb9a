"""Tests of exback/, the site: accounts, pages, privacy and a person's own data."""
