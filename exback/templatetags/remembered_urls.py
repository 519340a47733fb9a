"""`{% url %}` with each answer remembered: Django's tag, the same output and the same errors,
in every template (a builtin of the template engine, config/settings.py's TEMPLATES).

Django's tag costs about 25 µs and the dashboard has 34 of them, about 0.8 ms of its 5 ms;
this one about 7 µs once it has the answer (docs/benchmark.md). The URL patterns never change
while a process runs, so the answer for a view name and its arguments is kept per URLconf,
script prefix and current namespace, in a bounded LRU (journal entries' ids come and go).
Only arguments whose text cannot change are remembered (strings, whole numbers, UUIDs);
anything else, a model instance say, is reversed by Django each time.
"""

import functools
import uuid

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()

REMEMBERED = 4096
_PLAIN = (str, int, uuid.UUID)


@functools.lru_cache(maxsize=REMEMBERED)
def _reverse(urlconf, prefix, view_name, args, kwargs, current_app) -> str:
    del prefix  # part of the key only: reverse() reads the prefix of the thread itself
    return reverse(
        view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
    )


def _plain(values) -> bool:
    return all(isinstance(value, _PLAIN) for value in values)


class RememberedURLNode(URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((k, v.resolve(context)) for k, v in self.kwargs.items()))
        view_name = self.view_name.resolve(context)
        if not (isinstance(view_name, str) and _plain(args) and _plain(v for _, v in kwargs)):
            return super().render(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = _reverse(get_urlconf(), get_script_prefix(), view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
