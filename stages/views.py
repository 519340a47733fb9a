import datetime
from functools import partial, wraps

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from exback.decorators import verified_login_required

from . import content, reports, services
from .forms import (
    ApologyForm,
    CheckInForm,
    ContactForm,
    DateIdeaForm,
    FeelingsForm,
    HeldMessageForm,
    MemoryForm,
    MessageDecisionForm,
    PatternForm,
    ReachOutForm,
    ReadinessForm,
    ResponsibilityForm,
    SafetyCheckForm,
)
from .models import (
    Apology,
    Contact,
    DateIdea,
    FeelingSign,
    HeldMessage,
    Memory,
    PatternAnswers,
    ReachOutCheck,
    Readiness,
    Responsibility,
    SafetyCheck,
    SelfCareCheckIn,
    Stage,
    StageProgress,
)

# The exercise pages that belong to each stage, shown on the stage page.
EXERCISES = {
    "say-sorry": [("stages:apology", "Sincerity check and apology draft")],
    "take-care-of-yourself": [("stages:selfcare", "Daily self-care check-in")],
    "time-and-space": [
        ("stages:contacts", "Contact log"),
        ("stages:feelings", "Signs of their feelings"),
    ],
    "never-lower-your-value": [
        ("stages:reach_out", "Before you reach out"),
        ("stages:messages", "Held messages"),
    ],
    "take-responsibility": [("stages:responsibilities", "Your part in what happened")],
    "change-bad-patterns": [("stages:patterns", "Patterns and new habits")],
    "celebrate-the-good-times": [
        ("stages:memories", "Good memories"),
        ("stages:date_idea", "A date idea"),
    ],
    "are-you-sure": [("stages:readiness", "Are you sure?")],
}
GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def safety_checked(view):
    """The program opens with the safety check the first time; afterwards it is never in the way."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not SafetyCheck.objects.filter(user=request.user).exists():
            query = urlencode({"next": request.path})
            return redirect(f"{reverse('stages:safety_check')}?{query}")
        return view(request, *args, **kwargs)

    return wrapped


def program_view(view, methods=GET_POST):
    """A signed-in, verified person who has answered the safety check."""
    return methods(verified_login_required(safety_checked(view)))


def _save(request, form, stage_slug, message):
    services.exercise_save(user=request.user, form=form, stage_slug=stage_slug)
    messages.success(request, message)


@GET_POST
@verified_login_required
def safety_check(request):
    instance = SafetyCheck.objects.filter(user=request.user).first()
    form = SafetyCheckForm(request.POST or None, instance=instance)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    if request.method == "POST" and form.is_valid():
        check = form.save(request.user)
        messages.success(request, "Thank you. Your answers are saved, and only you can see them.")
        if check.any_yes:
            return redirect("stages:index")
        return redirect(next_url or "stages:index")
    return render(
        request,
        "stages/safety_check.html",
        {"form": form, "next": next_url, "retake": instance is not None},
    )


def _index(request):
    sections = reports.sections_with_progress(request.user)
    return render(
        request,
        "stages/index.html",
        {
            "sections": sections,
            "progress": reports.progress_picture(sections),
            "safety": SafetyCheck.objects.get(user=request.user),
            "safety_message": content.SAFETY_MESSAGE,
        },
    )


index = program_view(_index, require_safe)


def _detail(request, slug):
    stage = get_object_or_404(Stage, slug=slug)
    progress = StageProgress.touch(request.user, stage)
    sections = list(Stage.objects.only("slug", "title", "number", "kind"))
    position = next(i for i, s in enumerate(sections) if s.pk == stage.pk)
    return render(
        request,
        "stages/detail.html",
        {
            "stage": stage,
            "progress": progress,
            "exercises": EXERCISES.get(stage.slug, []),
            "previous": sections[position - 1] if position > 0 else None,
            "next": sections[position + 1] if position + 1 < len(sections) else None,
            "safety": SafetyCheck.objects.get(user=request.user),
        },
    )


detail = program_view(_detail, require_safe)


def _complete(request, slug):
    stage = get_object_or_404(Stage.objects.stages(), slug=slug)
    StageProgress.complete(request.user, stage)
    messages.success(request, f"Well done: you marked \u201c{stage.title}\u201d as complete.")
    return redirect("stages:detail", slug=stage.slug)


def _reopen(request, slug):
    stage = get_object_or_404(Stage.objects.stages(), slug=slug)
    StageProgress.reopen(request.user, stage)
    messages.success(request, f"\u201c{stage.title}\u201d is open again.")
    return redirect("stages:detail", slug=stage.slug)


complete = program_view(_complete, require_POST)
reopen = program_view(_reopen, require_POST)


def _row_edit(request, pk, *, model, form_class, stage_slug, title, saved, list_name, delete_name):
    """Edit one of the person's own rows (a contact, a mistake, a memory): theirs or a 404."""
    row = get_object_or_404(model, pk=pk, user=request.user)
    form = form_class(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        _save(request, form, stage_slug, saved)
        return redirect(list_name)
    return render(
        request,
        "stages/edit.html",
        {
            "form": form,
            "title": title,
            "back": list_name,
            "delete_url": reverse(delete_name, args=[row.pk]),
        },
    )


def _row_delete(request, pk, *, model, stage_slug, deleted, list_name):
    row = get_object_or_404(model, pk=pk, user=request.user)
    services.exercise_delete(user=request.user, obj=row, stage_slug=stage_slug)
    messages.success(request, deleted)
    return redirect(list_name)


# Stage 1 ------------------------------------------------------------------------------------
def _apology(request):
    instance = Apology.objects.filter(user=request.user).first()
    form = ApologyForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "say-sorry", "Your apology draft is saved. It stays here, private.")
        return redirect("stages:apology")
    return render(request, "stages/apology.html", {"form": form, "apology": instance})


apology = program_view(_apology)


# Stage 2 ------------------------------------------------------------------------------------
def _selfcare(request):
    today = timezone.localdate()
    checkins = list(
        SelfCareCheckIn.objects.for_user(request.user).filter(
            date__gt=today - datetime.timedelta(days=reports.CHART_DAYS)
        )
    )
    return render(
        request,
        "stages/selfcare.html",
        {
            "intro": content.SELF_CARE_INTRO,
            "checkins": checkins,
            "today_checkin": next((c for c in checkins if c.date == today), None),
            "chart": reports.mood_chart(checkins, today),
            "streak": SelfCareCheckIn.objects.for_user(request.user).streak(today),
            "today": today,
        },
    )


selfcare = program_view(_selfcare, require_safe)


def _checkin_today(request):
    today = timezone.localdate()
    instance = SelfCareCheckIn.objects.filter(user=request.user, date=today).first()
    form = CheckInForm(request.POST or None, instance=instance, user=request.user, fixed_date=today)
    if request.method == "POST" and form.is_valid():
        _save(
            request,
            form,
            "take-care-of-yourself",
            "Today's check-in is saved. Be kind to yourself.",
        )
        return redirect("stages:selfcare")
    return render(
        request, "stages/checkin_form.html", {"form": form, "checkin": instance, "today": today}
    )


checkin_today = program_view(_checkin_today)


def _checkin_new(request):
    form = CheckInForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "take-care-of-yourself", "Your check-in is saved.")
        return redirect("stages:selfcare")
    return render(request, "stages/checkin_form.html", {"form": form, "new": True})


checkin_new = program_view(_checkin_new)


# Stage 3 ------------------------------------------------------------------------------------
def _contacts(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "time-and-space", "Contact noted.")
        return redirect("stages:contacts")
    picture = Contact.objects.for_user(request.user).picture(timezone.localdate())
    return render(
        request,
        "stages/contacts.html",
        {
            "form": form,
            "contacts": Contact.objects.for_user(request.user),
            "picture": picture,
            "guidance": content.SPACE_GUIDANCE[picture["guidance_key"]],
        },
    )


contacts = program_view(_contacts)


contact_edit = program_view(
    partial(
        _row_edit,
        model=Contact,
        form_class=ContactForm,
        stage_slug="time-and-space",
        title="Edit a contact",
        saved="Contact updated.",
        list_name="stages:contacts",
        delete_name="stages:contact_delete",
    )
)


contact_delete = program_view(
    partial(
        _row_delete,
        model=Contact,
        stage_slug="time-and-space",
        deleted="Contact removed.",
        list_name="stages:contacts",
    ),
    require_POST,
)


def _feelings(request):
    signs = FeelingSign.objects.for_user(request.user)
    form = FeelingsForm(request.POST or None, signs=signs)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "time-and-space", "Your notes on their feelings are saved.")
        return redirect("stages:feelings")
    return render(request, "stages/feelings.html", {"form": form})


feelings = program_view(_feelings)


# Stage 4 ------------------------------------------------------------------------------------
def _reach_out(request):
    instance = ReachOutCheck.objects.filter(user=request.user).first()
    form = ReachOutForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "never-lower-your-value", "Your answers are saved.")
        return redirect("stages:reach_out")
    return render(
        request,
        "stages/reach_out.html",
        {
            "form": form,
            "check": instance,
            "flags": reports.reach_out_flags(instance.answers) if instance else [],
            "reminders": content.VALUE_REMINDERS,
        },
    )


reach_out = program_view(_reach_out)


def _messages(request):
    form = HeldMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "never-lower-your-value", "Your message is being held. Give it time.")
        return redirect("stages:messages")
    return render(
        request,
        "stages/messages.html",
        {
            "form": form,
            "held": HeldMessage.objects.for_user(request.user),
            "reminders": content.VALUE_REMINDERS,
        },
    )


held_messages = program_view(_messages)


def _message_detail(request, pk):
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    check = ReachOutCheck.objects.filter(user=request.user).first()
    return render(
        request,
        "stages/message_detail.html",
        {
            "message": message,
            "questions": content.REACH_OUT_QUESTIONS,
            "check": check,
            "flags": reports.reach_out_flags(check.answers) if check else [],
            "reminders": content.VALUE_REMINDERS,
        },
    )


message_detail = program_view(_message_detail, require_safe)


def _message_rewrite(request, pk):
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    if message.status != HeldMessage.Status.HELD or message.is_waiting:
        messages.info(request, "This message can be rewritten once its cooling-off period is over.")
        return redirect("stages:message_detail", pk=message.pk)
    form = HeldMessageForm(request.POST or None, instance=message)
    if request.method == "POST" and form.is_valid():
        _save(
            request,
            form,
            "never-lower-your-value",
            "Rewritten. The cooling-off period starts again.",
        )
        return redirect("stages:messages")
    return render(
        request,
        "stages/edit.html",
        {
            "form": form,
            "title": "Rewrite your message",
            "back": "stages:messages",
        },
    )


message_rewrite = program_view(_message_rewrite)


def _message_decide(request, pk):
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    form = MessageDecisionForm(request.POST)
    if not form.is_valid() or message.status != HeldMessage.Status.HELD:
        messages.error(request, "That choice isn't available for this message.")
        return redirect("stages:message_detail", pk=message.pk)
    decision = form.cleaned_data["decision"]
    if decision == HeldMessage.Status.SENT_ELSEWHERE and message.is_waiting:
        messages.error(request, "This message is still cooling off. You can let it go at any time.")
        return redirect("stages:message_detail", pk=message.pk)
    services.held_message_decide(user=request.user, message=message, decision=decision)
    if decision == HeldMessage.Status.LET_GO:
        messages.success(request, "You let it go. That takes strength.")
    else:
        messages.success(request, "Noted. exback hasn't sent anything; it's in your hands.")
    return redirect("stages:messages")


message_decide = program_view(_message_decide, require_POST)


def _message_delete(request, pk):
    message = get_object_or_404(HeldMessage, pk=pk, user=request.user)
    services.exercise_delete(user=request.user, obj=message, stage_slug="never-lower-your-value")
    messages.success(request, "Message deleted.")
    return redirect("stages:messages")


message_delete = program_view(_message_delete, require_POST)


# Stage 5 ------------------------------------------------------------------------------------
def _responsibilities(request):
    form = ResponsibilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "take-responsibility", "Saved. Being honest with yourself matters.")
        return redirect("stages:responsibilities")
    return render(
        request,
        "stages/responsibilities.html",
        {
            "form": form,
            "items": Responsibility.objects.for_user(request.user),
            "reminder": content.RESPONSIBILITY_REMINDER,
        },
    )


responsibilities = program_view(_responsibilities)


responsibility_edit = program_view(
    partial(
        _row_edit,
        model=Responsibility,
        form_class=ResponsibilityForm,
        stage_slug="take-responsibility",
        title="Edit what you wrote",
        saved="Updated.",
        list_name="stages:responsibilities",
        delete_name="stages:responsibility_delete",
    )
)


responsibility_delete = program_view(
    partial(
        _row_delete,
        model=Responsibility,
        stage_slug="take-responsibility",
        deleted="Deleted.",
        list_name="stages:responsibilities",
    ),
    require_POST,
)


# Stage 6 ------------------------------------------------------------------------------------
def _patterns(request):
    instance = PatternAnswers.objects.filter(user=request.user).first()
    form = PatternForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "change-bad-patterns", "Your answers and new habits are saved.")
        return redirect("stages:patterns")
    return render(request, "stages/patterns.html", {"form": form, "saved": instance})


patterns = program_view(_patterns)


# Stage 7 ------------------------------------------------------------------------------------
def _memories(request):
    form = MemoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "celebrate-the-good-times", "A good memory, kept.")
        return redirect("stages:memories")
    return render(
        request,
        "stages/memories.html",
        {
            "form": form,
            "memories": Memory.objects.for_user(request.user),
            "guidance": content.MEMORY_GUIDANCE,
            "date_idea": DateIdea.objects.filter(user=request.user).first(),
            "date_idea_reminder": content.DATE_IDEA_REMINDER,
        },
    )


memories = program_view(_memories)


memory_edit = program_view(
    partial(
        _row_edit,
        model=Memory,
        form_class=MemoryForm,
        stage_slug="celebrate-the-good-times",
        title="Edit a memory",
        saved="Memory updated.",
        list_name="stages:memories",
        delete_name="stages:memory_delete",
    )
)


memory_delete = program_view(
    partial(
        _row_delete,
        model=Memory,
        stage_slug="celebrate-the-good-times",
        deleted="Memory deleted.",
        list_name="stages:memories",
    ),
    require_POST,
)


def _date_idea(request):
    instance = DateIdea.objects.filter(user=request.user).first()
    form = DateIdeaForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "celebrate-the-good-times", "Your date idea is saved, for later.")
        return redirect("stages:memories")
    return render(
        request,
        "stages/edit.html",
        {
            "form": form,
            "title": "A date idea near where you first met",
            "back": "stages:memories",
            "note": content.DATE_IDEA_REMINDER,
        },
    )


date_idea = program_view(_date_idea)


# Are you sure? -------------------------------------------------------------------------------
def _readiness(request):
    instance = Readiness.objects.filter(user=request.user).first()
    form = ReadinessForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        _save(request, form, "are-you-sure", "Your answers are saved.")
        return redirect("stages:readiness")
    return render(
        request,
        "stages/readiness.html",
        {
            "form": form,
            "note": reports.readiness_note(instance.answers) if instance else None,
        },
    )


readiness = program_view(_readiness)


def _summary(request):
    return render(request, "stages/summary.html", reports.summary(request.user))


summary = program_view(_summary, require_safe)
