from typing import cast

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from keep.submissions import token_field
from keep.versions import version_field
from stages import content
from stages.models import Stage

from .models import MAX_BODY_LENGTH, MAX_PROMPT_LENGTH, MAX_TITLE_LENGTH

MOOD_CHOICES = [
    ("", "Not recorded"),
    (1, "1 · Very low"),
    (2, "2 · Low"),
    (3, "3 · Okay"),
    (4, "4 · Good"),
    (5, "5 · Very good"),
]


class StageChoiceField(forms.ModelChoiceField):
    """A part of the program, named in the words written for this reader (`titles`)."""

    titles: dict[str, str] = {}

    def label_from_instance(self, obj):
        return self.titles.get(obj.slug, obj.slug)


def section_names(program: content.Program) -> dict[str, str]:
    return {section.slug: str(section) for section in program.sections}


class EntryForm(forms.Form):
    """Writing or editing an entry. Not a ModelForm: the owner, the prompt and the version
    are never taken from what the person posts, only passed on to the service."""

    title = forms.CharField(
        max_length=MAX_TITLE_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    body = forms.CharField(
        label="Your entry",
        max_length=MAX_BODY_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Write something before saving: the entry is empty."},
    )
    mood = forms.TypedChoiceField(
        label="How are you feeling?",
        choices=MOOD_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    stage = StageChoiceField(
        label="Linked to a part of the program",
        queryset=Stage.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="None",
    )

    def __init__(self, *args, program: content.Program, **kwargs):
        super().__init__(*args, **kwargs)
        cast(StageChoiceField, self.fields["stage"]).titles = section_names(program)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write something before saving: the entry is empty.")
        return body


class NewEntryForm(EntryForm):
    prompt = forms.CharField(max_length=MAX_PROMPT_LENGTH, required=False, widget=forms.HiddenInput)
    submission_token = token_field(required=True)

    def clean_prompt(self):
        """Only a prompt of the program is kept: the prompt is stored unencrypted, so it
        must never be a place for a person's own words."""
        prompt = self.cleaned_data["prompt"]
        if prompt and prompt not in content.every_prompt():
            return ""
        return prompt


class EditEntryForm(EntryForm):
    version = version_field(required=True)


class EntryFilterForm(forms.Form):
    """The list's search box and filters; invalid values are reported and ignored."""

    q = forms.CharField(label="Search", max_length=200, required=False)
    stage = StageChoiceField(
        queryset=Stage.objects.all(), to_field_name="slug", required=False, empty_label="Any"
    )
    mood = forms.TypedChoiceField(
        choices=[("", "Any"), *MOOD_CHOICES[1:]], coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, program: content.Program, **kwargs):
        super().__init__(*args, **kwargs)
        # The program's parts in this reader's words, for the select and for the cards'
        # labels (a template loop over the field's own choices would count them first, then
        # read them). Cards name an entry's part by its slug, read with the entry.
        names = section_names(program)
        field = cast(StageChoiceField, self.fields["stage"])
        field.choices = [("", "Any"), *names.items()]
        self.stage_names = names

    def options(self, name) -> SafeString:
        """A select's <option>s, the chosen one selected, every value and label escaped:
        written here once because the template's loop over them cost about 0.25 ms a page,
        this about 0.15 ms (comparing each option with the field's value there, about 1 ms)."""
        chosen = str(self[name].value() or "")
        return mark_safe(  # noqa: S308  (escaped)
            "".join(
                f'<option value="{escape(value)}"{" selected" if str(value) == chosen else ""}>'
                f"{escape(label)}</option>"
                for value, label in self.fields[name].choices  # type: ignore[attr-defined]
            )
        )

    def stage_options(self):
        return self.options("stage")

    def mood_options(self):
        return self.options("mood")

    def filter(self, queryset, user):
        """Apply the valid parts of the form to the person's entries."""
        self.is_valid()  # cleaned_data then holds only the fields that are valid
        data = self.cleaned_data
        queryset = queryset.search(user, data.get("q") or "")
        if data.get("stage"):
            queryset = queryset.filter(stage=data["stage"])
        if data.get("mood"):
            queryset = queryset.filter(mood=data["mood"])
        return queryset

    def is_filtered(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("q", "stage", "mood"))
