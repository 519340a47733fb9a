"""The program's pages as one person works through them: the sections with their progress,
the twelve exercises, the personal summary and the urge flow. One function per URL, with the
URL's name (see urls.py); the words come from stages.content, chosen for this reader; every
write goes through services.py.

Sign-in and a verified address are checked for every view by the site's middleware; the
program adds one rule of its own, `safety_checked`: the safety check comes first."""

import datetime
from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from keep import drafts, submissions, versions
from safety import content as safety_content
from safety import views as safety_views
from safety.situation import situation_for
from stages import content

from . import insights as insight_figures
from . import reports, services
from .exercises import BY_KEY, URGE_STAGES, Exercise, for_stage
from .forms import (
    CheckInForm,
    MessageDecisionForm,
    ReachOutForm,
    UrgeForm,
)
from .models import (
    Contact,
    HeldMessage,
    SelfCareCheckIn,
    Urge,
)

require_get_post = require_http_methods(["GET", "HEAD", "POST"])


def safety_checked(view):
    """The program opens with the safety check the first time; afterwards it is never in the way.
    Sets `request.situation` (safety.situation), which the program's pages read."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.situation = situation_for(request.user)
        if not request.situation.checked:
            query = urlencode({"next": request.path})
            return redirect(f"{reverse('safety:check')}?{query}")
        return view(request, *args, **kwargs)

    return wrapped


def _program(request) -> content.Program:
    """The program's words for this person: the one place a view asks which text to show.
    Built once per request (about 0.1 ms)."""
    program = getattr(request, "program", None)
    if program is None:
        program = request.program = content.for_reader(request.situation)
    return program


def _set_aside_page(request, exercise: Exercise, program: content.Program, aside: dict):
    """An exercise that is not part of this reader's path (a step towards the ex, for a
    person for whom that is unsafe): what it says instead, and no form. A POST saves nothing."""
    return render(
        request,
        "progress/set_aside.html",
        {
            "exercise": exercise,
            "stage": program.section(exercise.stage),
            "aside": aside,
            "situation": request.situation,
            "self_care": program.section(content.SELF_CARE_SLUG),
        },
    )


def _exercise_page(request, exercise: Exercise, template: str, context: dict):
    """Render an exercise page with its stage, in the words written for this reader."""
    program = _program(request)
    aside = program.set_aside(exercise.key)
    if aside is not None:
        return _set_aside_page(request, exercise, program, aside)
    return render(
        request,
        template,
        {
            "exercise": exercise,
            "exercise_title": program.exercise_title(exercise.key, exercise.title),
            "stage": program.section(exercise.stage),
            "program_texts": program.texts,
            "situation": request.situation,
            "draft_key": drafts.draft_key(request),
            "saved_draft": drafts.pop_saved(request),
            **context,
        },
    )


def _save(request, form, exercise: Exercise, message: str):
    services.exercise_save(user=request.user, form=form, exercise=exercise)
    drafts.mark_saved(request)
    messages.success(request, message)


def _form_page(request, exercise: Exercise, form, *, template, saved, context=dict, then=None):
    """An exercise page with a form: save and go back to the exercise (or `then`), or show
    the page, with `context()` (called only when the page is shown) and the form. An exercise
    set aside for this reader saves nothing."""
    conflict = None
    aside = _program(request).set_aside(exercise.key)
    if request.method == "POST" and aside is None:
        if submissions.submitted_before(user=request.user, form=form):
            # A double submit: the first one saved it.
            messages.success(request, saved)
            return redirect(then or exercise.url_name)
        if form.is_valid():
            try:
                _save(request, form, exercise, saved)
            except versions.Conflict as changed:
                conflict = versions.lost_to(form, changed.current)
            else:
                return redirect(then or exercise.url_name)
    return _exercise_page(
        request, exercise, template, {"form": form, "conflict": conflict, **context()}
    )


def _answers_page(request, key: str, *, template: str, saved: str, context=lambda obj: {}):
    """The page of an exercise kept as one row per person (answers, a draft, an idea)."""
    exercise = BY_KEY[key]
    instance = exercise.queryset(request.user).first()
    form = exercise.form(request.POST or None, instance=instance)
    return _form_page(
        request, exercise, form, template=template, saved=saved, context=lambda: context(instance)
    )


def _edit_row(request, pk, exercise: Exercise, *, title: str, saved: str, delete_url_name: str):
    """Edit one of the person's own rows (a contact, a mistake, a memory): theirs or a 404."""
    row = get_object_or_404(exercise.model, pk=pk, user=request.user)
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None, instance=row),
        template="progress/edit.html",
        saved=saved,
        context=lambda: {
            "title": title,
            "back": exercise.url_name,
            "delete_url": reverse(delete_url_name, args=[row.pk]),
        },
    )


def _delete_row(
    request, pk, exercise: Exercise, *, deleted: str, what: str = "this entry", back: str = ""
):
    """Delete one of the person's own rows: GET asks first (a page, so no JavaScript is
    needed), POST deletes. `what` names the row on that page ("this memory"), `back` is the
    URL name of the page "Keep it" returns to (it takes the row's pk; the exercise's page
    without one)."""
    row = get_object_or_404(exercise.model, pk=pk, user=request.user)
    if request.method == "POST":
        services.exercise_delete(user=request.user, obj=row, exercise=exercise)
        messages.success(request, deleted)
        return redirect(exercise.url_name)
    return _exercise_page(
        request,
        exercise,
        "progress/delete.html",
        {
            "row": row,
            "what": what,
            "back": reverse(back, args=[pk]) if back else reverse(exercise.url_name),
        },
    )


# The program ---------------------------------------------------------------------------------
def _section_or_404(program: content.Program, slug: str, *, stages_only=False):
    section = program.section(slug, stages_only=stages_only)
    if section is None:
        raise Http404("No such part of the program.")
    return section


@require_safe
@safety_checked
def index(request):
    sections = reports.sections_with_progress(request.user, _program(request))
    return render(
        request,
        "progress/index.html",
        {
            "sections": sections,
            "progress": reports.progress_picture(sections),
            "situation": request.situation,
            "safety_message": safety_content.SAFETY_MESSAGE,
        },
    )


@require_safe
@safety_checked
def detail(request, slug):
    """A section's page, in the words written for this reader. Opening it marks nothing:
    progress starts with the stage's start button or the first save of its exercise."""
    program = _program(request)
    _section_or_404(program, slug)
    sections = reports.sections_with_progress(request.user, program)
    position = next(i for i, s in enumerate(sections) if s.slug == slug)
    current = sections[position]
    return render(
        request,
        "progress/detail.html",
        {
            "stage": current,
            "progress": current.user_progress,
            "exercises": [
                {"url_name": e.url_name, "title": program.exercise_title(e.key, e.title)}
                for e in for_stage(slug)
                if e.listed_on_stage and program.set_aside(e.key) is None
            ],
            "set_aside": [
                {"url_name": e.url_name, "title": program.set_aside(e.key)["title"]}  # type: ignore[index]
                for e in for_stage(slug)
                if e.listed_on_stage and program.set_aside(e.key) is not None
            ],
            "urge_button": slug in URGE_STAGES,
            "previous": sections[position - 1] if position > 0 else None,
            "next": sections[position + 1] if position + 1 < len(sections) else None,
            "sections": sections,
            "outline": reports.outline(sections, current.slug),
            "program": reports.progress_picture(sections),
            "situation": request.situation,
        },
    )


@require_POST
@safety_checked
def start(request, slug):
    stage = _section_or_404(_program(request), slug, stages_only=True)
    services.stage_start(user=request.user, slug=stage.slug)
    messages.success(request, f"\u201c{stage.title}\u201d is under way. Take it at your own pace.")
    return redirect("progress:detail", slug=stage.slug)


@require_POST
@safety_checked
def complete(request, slug):
    stage = _section_or_404(_program(request), slug, stages_only=True)
    services.stage_complete(user=request.user, slug=stage.slug)
    messages.success(request, f"Well done: you marked \u201c{stage.title}\u201d as complete.")
    return redirect("progress:detail", slug=stage.slug)


@require_POST
@safety_checked
def reopen(request, slug):
    stage = _section_or_404(_program(request), slug, stages_only=True)
    services.stage_reopen(user=request.user, slug=stage.slug)
    messages.success(request, f"\u201c{stage.title}\u201d is open again.")
    return redirect("progress:detail", slug=stage.slug)


@require_safe
@safety_checked
def summary(request):
    return render(
        request,
        "progress/summary.html",
        {
            **reports.summary(request.user, _program(request)),
            "situation": request.situation,
        },
    )


@require_safe
@safety_checked
def insights(request):
    """The person's mood and sleep beside their contact, and their urges week by week, over
    the last 13 weeks (progress.insights), in the words written for this reader."""
    texts = _program(request).text("INSIGHTS")
    found = insight_figures.for_user(request.user, timezone.localdate())
    return render(
        request,
        "progress/insights.html",
        {
            "found": {**found, "texts": texts, "said": insight_figures.in_words(found, texts)},
            "situation": request.situation,
        },
    )


# Stage 1: say sorry ---------------------------------------------------------------------------
@require_get_post
@safety_checked
def apology(request):
    return _answers_page(
        request,
        "apology",
        template="progress/apology.html",
        saved="Your apology draft is saved. It stays here, private.",
        context=lambda instance: {"apology": instance},
    )


# Stage 2: take care of yourself -----------------------------------------------------------------
@require_safe
@safety_checked
def selfcare(request):
    today = timezone.localdate()
    checkins = list(
        SelfCareCheckIn.objects.for_user(request.user).filter(
            date__gt=today - datetime.timedelta(days=reports.CHART_DAYS)
        )
    )
    return _exercise_page(
        request,
        BY_KEY["selfcare"],
        "progress/selfcare.html",
        {
            "intro": _program(request).text("SELF_CARE_INTRO"),
            "checkins": checkins,
            # Today's, or one dated ahead of today (made before the zone moved west).
            "today_checkin": next((c for c in reversed(checkins) if c.date >= today), None),
            "chart": reports.mood_chart(checkins, today),
            "streak": SelfCareCheckIn.objects.for_user(request.user).streak(today),
            "today": today,
        },
    )


@require_get_post
@safety_checked
def checkin_today(request):
    today = timezone.localdate()
    instance = SelfCareCheckIn.objects.for_user(request.user).of_today(today)
    # One dated ahead of today keeps its day: moving it could clash with today's own row.
    day = instance.date if instance else today
    return _form_page(
        request,
        BY_KEY["selfcare"],
        CheckInForm(request.POST or None, instance=instance, user=request.user, fixed_date=day),
        template="progress/checkin_form.html",
        saved="Today's check-in is saved. Be kind to yourself.",
        context=lambda: {"checkin": instance, "today": today},
    )


@require_get_post
@safety_checked
def checkin_new(request):
    return _form_page(
        request,
        BY_KEY["selfcare"],
        CheckInForm(request.POST or None, user=request.user),
        template="progress/checkin_form.html",
        saved="Your check-in is saved.",
        context=lambda: {"new": True},
    )


@require_get_post
@safety_checked
def checkin_edit(request, pk):
    checkin = get_object_or_404(SelfCareCheckIn, pk=pk, user=request.user)
    return _form_page(
        request,
        BY_KEY["selfcare"],
        CheckInForm(request.POST or None, instance=checkin, user=request.user),
        template="progress/checkin_form.html",
        saved="Check-in updated.",
        context=lambda: {"checkin": checkin, "edit": True},
    )


@require_get_post
@safety_checked
def checkin_delete(request, pk):
    return _delete_row(
        request,
        pk,
        BY_KEY["selfcare"],
        what="this check-in",
        deleted="Check-in deleted.",
        back="progress:checkin_edit",
    )


# Stage 3: time and space ---------------------------------------------------------------------
@require_get_post
@safety_checked
def contacts(request):
    exercise = BY_KEY["contacts"]
    rows = Contact.objects.for_user(request.user)

    def context():
        picture = rows.picture(timezone.localdate())
        program = _program(request)
        return {
            "contacts": rows,
            "picture": picture,
            "intro": program.text("CONTACT_LOG_INTRO"),
            "guidance": program.text("SPACE_GUIDANCE")[picture["guidance_key"]],
            "feelings_set_aside": program.set_aside("feelings") is not None,
        }

    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None),
        template="progress/contacts.html",
        saved="Contact noted.",
        context=context,
    )


@require_get_post
@safety_checked
def contact_edit(request, pk):
    return _edit_row(
        request,
        pk,
        BY_KEY["contacts"],
        title="Edit a contact",
        saved="Contact updated.",
        delete_url_name="progress:contact_delete",
    )


@require_get_post
@safety_checked
def contact_delete(request, pk):
    return _delete_row(
        request,
        pk,
        BY_KEY["contacts"],
        what="this contact",
        deleted="Contact removed.",
        back="progress:contact_edit",
    )


@require_get_post
@safety_checked
def feelings(request):
    exercise = BY_KEY["feelings"]
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None, signs=exercise.queryset(request.user)),
        template="progress/feelings.html",
        saved="Your notes on their feelings are saved.",
    )


# Stage 4: never lower your value ---------------------------------------------------------------
@require_get_post
@safety_checked
def reach_out(request):
    return _answers_page(
        request,
        "reach_out",
        template="progress/reach_out.html",
        saved="Your answers are saved.",
        context=lambda instance: {
            "check": instance,
            "flags": instance.flags() if instance else [],
            "reminders": _program(request).text("VALUE_REMINDERS"),
        },
    )


@require_get_post
@safety_checked
def held_messages(request):
    exercise = BY_KEY["held_messages"]
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None),
        template="progress/messages.html",
        saved="Your message is being held. Give it time.",
        context=lambda: {
            "held": exercise.queryset(request.user),
            "reminders": _program(request).text("VALUE_REMINDERS"),
        },
    )


@require_safe
@safety_checked
def message_detail(request, pk):
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    check = BY_KEY["reach_out"].queryset(request.user).first()
    return _exercise_page(
        request,
        BY_KEY["held_messages"],
        "progress/message_detail.html",
        {
            "message": message,
            "questions": _program(request).text("REACH_OUT_QUESTIONS"),
            "check": check,
            "flags": check.flags() if check else [],
            "reminders": _program(request).text("VALUE_REMINDERS"),
        },
    )


@require_get_post
@safety_checked
def message_rewrite(request, pk):
    exercise = BY_KEY["held_messages"]
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    if message.status != HeldMessage.Status.HELD or message.is_waiting:
        messages.info(request, "This message can be rewritten once its cooling-off period is over.")
        return redirect("progress:message_detail", pk=message.pk)
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None, instance=message),
        template="progress/edit.html",
        saved="Rewritten. The cooling-off period starts again.",
        context=lambda: {"title": "Rewrite your message", "back": exercise.url_name},
    )


@require_POST
@safety_checked
def message_decide(request, pk):
    exercise = BY_KEY["held_messages"]
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    form = MessageDecisionForm(request.POST)
    if not form.is_valid() or message.status != HeldMessage.Status.HELD:
        messages.error(request, "That choice isn't available for this message.")
        return redirect("progress:message_detail", pk=message.pk)
    decision = form.cleaned_data["decision"]
    if decision == HeldMessage.Status.SENT_ELSEWHERE and message.is_waiting:
        messages.error(request, "This message is still cooling off. You can let it go at any time.")
        return redirect("progress:message_detail", pk=message.pk)
    services.held_message_decide(
        user=request.user, message=message, decision=decision, exercise=exercise
    )
    if decision == HeldMessage.Status.LET_GO:
        messages.success(request, "You let it go. That takes strength.")
    else:
        messages.success(request, "Noted. Nothing was sent from here; it's in your hands.")
    return redirect(exercise.url_name)


@require_get_post
@safety_checked
def message_delete(request, pk):
    return _delete_row(
        request,
        pk,
        BY_KEY["held_messages"],
        what="this held message",
        deleted="Message deleted.",
        back="progress:message_detail",
    )


# Stage 5: take responsibility -----------------------------------------------------------------
@require_get_post
@safety_checked
def responsibilities(request):
    exercise = BY_KEY["responsibilities"]
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None),
        template="progress/responsibilities.html",
        saved="Saved. Being honest with yourself matters.",
        context=lambda: {
            "items": exercise.queryset(request.user),
            "reminder": _program(request).text("RESPONSIBILITY_REMINDER"),
        },
    )


@require_get_post
@safety_checked
def responsibility_edit(request, pk):
    return _edit_row(
        request,
        pk,
        BY_KEY["responsibilities"],
        title="Edit what you wrote",
        saved="Updated.",
        delete_url_name="progress:responsibility_delete",
    )


@require_get_post
@safety_checked
def responsibility_delete(request, pk):
    return _delete_row(
        request,
        pk,
        BY_KEY["responsibilities"],
        what="what you wrote about this mistake",
        deleted="Deleted.",
        back="progress:responsibility_edit",
    )


# Stage 6: change bad patterns ------------------------------------------------------------------
@require_get_post
@safety_checked
def patterns(request):
    return _answers_page(
        request,
        "patterns",
        template="progress/patterns.html",
        saved="Your answers and new habits are saved.",
        context=lambda instance: {"saved": instance},
    )


# Stage 7: celebrate the good times -------------------------------------------------------------
@require_get_post
@safety_checked
def memories(request):
    exercise = BY_KEY["memories"]
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None),
        template="progress/memories.html",
        saved="A good memory, kept.",
        context=lambda: {
            "memories": exercise.queryset(request.user),
            "guidance": _program(request).text("MEMORY_GUIDANCE"),
            "date_idea": BY_KEY["date_idea"].queryset(request.user).first(),
            "date_idea_set_aside": _program(request).set_aside("date_idea") is not None,
            "date_idea_reminder": _program(request).text("DATE_IDEA_REMINDER"),
        },
    )


@require_get_post
@safety_checked
def memory_edit(request, pk):
    return _edit_row(
        request,
        pk,
        BY_KEY["memories"],
        title="Edit a memory",
        saved="Memory updated.",
        delete_url_name="progress:memory_delete",
    )


@require_get_post
@safety_checked
def memory_delete(request, pk):
    return _delete_row(
        request,
        pk,
        BY_KEY["memories"],
        what="this memory",
        deleted="Memory deleted.",
        back="progress:memory_edit",
    )


@require_get_post
@safety_checked
def date_idea(request):
    exercise = BY_KEY["date_idea"]
    return _form_page(
        request,
        exercise,
        exercise.form(request.POST or None, instance=exercise.queryset(request.user).first()),
        template="progress/edit.html",
        saved="Your date idea is saved, for later.",
        context=lambda: {
            "title": "A date idea near where you first met",
            "back": "progress:memories",
            "note": _program(request).text("DATE_IDEA_REMINDER"),
        },
        then="progress:memories",
    )


# Are you sure? -------------------------------------------------------------------------------
@require_get_post
@safety_checked
def readiness(request):
    """The decision aid; for a reader whose safety answers suggest abuse, the safety app's
    danger check in its place, on this same address."""
    program = _program(request)
    if program.is_danger_check("readiness"):
        return safety_views.danger_check(request, stage=program.section(BY_KEY["readiness"].stage))
    return _answers_page(
        request,
        "readiness",
        template="progress/readiness.html",
        saved="Your answers are saved.",
        context=lambda instance: {
            "note": instance.note(request.situation) if instance else None,
            "concerns": instance.concerns(request.situation) if instance else None,
        },
    )


# "I want to reach out": the check, a moment to ground, then where it ends -------------------
# Where each ending leads (a URL name; the journal's by name only); what it says is the
# program's text for this reader (content: URGE_ENDED).
URGE_ENDINGS = {
    Urge.Outcome.WAITED: "dashboard",
    Urge.Outcome.HELD: "progress:held_messages",
    Urge.Outcome.JOURNAL: "journal:new",
    Urge.Outcome.REACHED_OUT: "progress:contacts",
}


def _urge_page(request, template: str, context: dict):
    return _exercise_page(
        request,
        BY_KEY["reach_out_now"],
        template,
        {
            "safety_first": request.situation.unsafe,
            # No "reach out" framing for anyone who said yes to a safety question.
            "title": _program(request).text("URGE_TITLE"),
            **context,
        },
    )


def _urge_ended(request, urge):
    messages.success(request, _program(request).text("URGE_ENDED")[urge.outcome])
    return redirect(URGE_ENDINGS[Urge.Outcome(urge.outcome)])


@require_get_post
@safety_checked
def reach_out_now(request):
    """Step 1: the before-you-reach-out questions, answered fresh for this moment (saving them
    updates the Stage 4 answers). Anyone who said yes to a safety question is not asked them:
    the page offers support and the grounding step instead."""
    if request.situation.unsafe:
        return _urge_page(request, "progress/urge_start.html", {})
    instance = BY_KEY["reach_out"].queryset(request.user).first()
    form = ReachOutForm(request.POST or None, instance=instance, initial={})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.exercise_save(
                user=request.user, form=form, exercise=BY_KEY["reach_out"], moves_stage=False
            )
        except versions.Conflict as changed:
            if getattr(changed.current, "answers", None) != form.answers():
                conflict = versions.lost_to(form, changed.current)
        if conflict is None:  # saved, or the same answers sent twice
            return redirect("progress:reach_out_now_ground")
    return _urge_page(
        request,
        "progress/urge_start.html",
        {
            "form": form,
            "conflict": conflict,
            "reminders": _program(request).text("VALUE_REMINDERS"),
        },
    )


@require_safe
@safety_checked
def reach_out_now_ground(request):
    """Step 2: a slow breath and the 5-4-3-2-1 grounding exercise, with an optional wait."""
    check = None
    if not request.situation.unsafe:
        check = BY_KEY["reach_out"].queryset(request.user).first()
    # Only a wait the page offers: anything else in the query string is ignored.
    minutes = {str(m): m for m in content.URGE_WAITS}.get(request.GET.get("wait", ""))
    return _urge_page(
        request,
        "progress/urge_ground.html",
        {
            "flags": check.flags() if check else [],
            "breathing": content.URGE_BREATHING,
            "grounding": content.URGE_GROUNDING,
            "encouragement": _program(request).text("URGE_ENCOURAGEMENT"),
            "waits": content.URGE_WAITS,
            "wait_minutes": minutes,
            "wait_seconds": minutes * 60 if minutes else None,
            "wait_until": timezone.localtime().replace(microsecond=0)
            + datetime.timedelta(minutes=minutes)
            if minutes
            else None,
        },
    )


@require_get_post
@safety_checked
def reach_out_now_end(request):
    """Step 3: the person chooses where this moment ends; each choice logs one urge (a double
    submit logs one), with an optional note, and leads on to the held message, the journal,
    the dashboard or the contact log."""
    form = UrgeForm(request.POST or None, safety_first=request.situation.unsafe)
    if request.method == "POST":
        urge = submissions.submitted_before(user=request.user, form=form)
        if urge is None and form.is_valid():
            urge = services.exercise_save(
                user=request.user, form=form, exercise=BY_KEY["reach_out_now"], moves_stage=False
            )
        if urge is not None:
            drafts.mark_saved(request)
            return _urge_ended(request, urge)
    return _urge_page(request, "progress/urge_end.html", {"form": form})
