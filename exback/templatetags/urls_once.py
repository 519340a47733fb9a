"""`{% url %}` with each answer remembered: the same tag, the same output, the same errors.

Django's `reverse()` costs 25–45 µs a call, and a signed-in page makes 30–40 of them (the
header's navigation is drawn twice, wide and in the phone menu), about 1 ms a page. The URL
patterns never change while a process runs, so the answer for a view name and its arguments
is remembered per URLconf and script prefix (an LRU of 4,096: journal entry ids come and go).
Loaded by name, `{% load urls_once %}`, in the templates on every signed-in page (base.html,
the site navigation) and the busiest pages (dashboard, the program's pages, the journal
list); every other template uses Django's own tag.
"""

import functools

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _reverse(urlconf, prefix, view_name, args, kwargs, current_app):
    del prefix  # part of the key only: reverse() reads it from the thread itself
    return reverse(
        view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
    )


class RememberedURLNode(URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((k, v.resolve(context)) for k, v in self.kwargs.items()))
        view_name = self.view_name.resolve(context)
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
        except TypeError:  # an argument that can't be a key (a list, say): ask Django itself
            return super().render(context)
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
