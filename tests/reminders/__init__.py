"""Tests of reminders/: choosing reminders, sending each once, and unsubscribing."""
