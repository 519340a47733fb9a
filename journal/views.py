import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from keep import drafts
from stages.models import Stage
from stages.program import program_for

from .forms import EditEntryForm, EntryFilterForm, NewEntryForm
from .listing import entries_page
from .models import Entry
from .services import entry_create, entry_update

# Set after a save, read once by the next page: tells journal.js which draft to forget.
SAVED_DRAFT_SESSION_KEY = "journal_saved_draft"


def _prompt_from_query(request, program):
    """The stage and prompt named by ?stage=<slug>&prompt=<index> (the prompts this reader
    is shown), or None for either when the link is wrong: a stale link still opens an empty
    form."""
    stage = Stage.objects.filter(slug=request.GET.get("stage", "")).first()
    section = program.section(stage.slug) if stage is not None else None
    prompt = ""
    if section is not None:
        try:
            index = int(request.GET.get("prompt", ""))
        except ValueError:
            index = None
        if index is not None and 0 <= index < len(section.prompts):
            prompt = str(section.prompts[index])
    return stage, prompt


def _stage_name(program, entry) -> str:
    section = program.section(entry.stage.slug) if entry.stage else None
    return str(section) if section else ""


def _mark_saved(request, draft_id):
    drafts.mark_saved(request, draft_id, session_key=SAVED_DRAFT_SESSION_KEY)


@never_cache
@require_safe
@sensitive_variables()
def index(request):
    form = EntryFilterForm(request.GET, program=program_for(request.user))
    entries = form.filter(Entry.objects.all(), request.user)
    page = entries_page(entries, request.GET, stage_names=form.stage_names)
    return render(
        request,
        "journal/index.html",
        {"form": form, "page": page, "filtered": form.is_filtered()},
    )


@never_cache
@sensitive_post_parameters("title", "body", "prompt")
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def new(request):
    program = program_for(request.user)
    if request.method == "POST":
        form = NewEntryForm(request.POST, program=program)
        if form.is_valid():
            data = form.cleaned_data
            entry, created = entry_create(
                user=request.user,
                title=data["title"],
                body=data["body"],
                mood=data["mood"],
                stage=data["stage"],
                prompt=data["prompt"],
                submission_token=data["submission_token"],
            )
            if created:
                messages.success(request, "Your entry is saved.")
            _mark_saved(request, "new")
            return redirect("journal:detail", pk=entry.pk)
        if "submission_token" in form.errors:
            # A form damaged or from an old page: let the next save go through.
            data = request.POST.copy()
            data["submission_token"] = str(uuid.uuid4())
            form = NewEntryForm(data, program=program)
            form.is_valid()
            form.add_error(
                None,
                "Part of this form was out of date or damaged. Check your text and save again.",
            )
    else:
        stage, prompt = _prompt_from_query(request, program)
        form = NewEntryForm(
            initial={"stage": stage, "prompt": prompt},  # a fresh token: keep.submissions
            program=program,
        )
    prompt = form["prompt"].value() or ""
    return render(
        request,
        "journal/form.html",
        {
            "form": form,
            "prompt": prompt,
            "draft_id": "new",
            "draft_owner": drafts.draft_owner(request.user),
        },
    )


@never_cache
@require_safe
@sensitive_variables()
def detail(request, pk):
    entry = get_object_or_404(Entry.objects.select_related("stage"), pk=pk, user=request.user)
    return render(
        request,
        "journal/detail.html",
        {
            "entry": entry,
            "stage_name": _stage_name(program_for(request.user), entry),
            "saved_draft": drafts.pop_saved(request, session_key=SAVED_DRAFT_SESSION_KEY),
            "draft_owner": drafts.draft_owner(request.user),
        },
    )


@never_cache
@sensitive_post_parameters("title", "body", "prompt")
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def edit(request, pk):
    entry = get_object_or_404(Entry.objects.select_related("stage"), pk=pk, user=request.user)
    if entry.is_unreadable:
        messages.error(request, "This entry can't be edited until it can be read again.")
        return redirect("journal:detail", pk=entry.pk)
    current = None
    program = program_for(request.user)
    if request.method == "POST":
        form = EditEntryForm(request.POST, program=program)
        if form.is_valid():
            data = form.cleaned_data
            saved = entry_update(
                entry=entry,
                version=data["version"],
                title=data["title"],
                body=data["body"],
                mood=data["mood"],
                stage=data["stage"],
            )
            if saved:
                messages.success(request, "Your changes are saved.")
                _mark_saved(request, str(entry.pk))
                return redirect("journal:detail", pk=entry.pk)
            # Changed in another tab or on another device since this form was loaded:
            # keep what was typed, show what is saved, and let the next save go through.
            current = Entry.objects.select_related("stage").filter(pk=entry.pk).first()
            if current is None:
                raise Http404
            bound = request.POST.copy()
            bound["version"] = current.version
            form = EditEntryForm(bound, program=program)
    else:
        form = EditEntryForm(
            initial={
                "title": entry.title,
                "body": entry.body,
                "mood": entry.mood,
                "stage": entry.stage,
                "version": entry.version,
            },
            program=program,
        )
    return render(
        request,
        "journal/form.html",
        {
            "form": form,
            "entry": entry,
            "current": current,
            "current_stage_name": _stage_name(program, current) if current else "",
            "prompt": entry.prompt,
            "draft_id": str(entry.pk),
            "draft_owner": drafts.draft_owner(request.user),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def delete(request, pk):
    entry = get_object_or_404(Entry, pk=pk, user=request.user)
    if request.method == "POST":
        entry.delete()
        messages.success(request, "The entry is deleted.")
        return redirect("journal:index")
    return render(request, "journal/delete.html", {"entry": entry})
