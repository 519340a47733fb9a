"""`{{ session.user_agent|browser_name }}`: a session named as a person would (exback.sessions)."""

from django import template

from exback import sessions

register = template.Library()
register.filter("browser_name", sessions.browser_name)
