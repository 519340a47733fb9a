from crispy_forms.helper import FormHelper
from django import forms

from .models import ReminderSettings

TIME_FORMATS = ["%H:%M", "%H:%M:%S"]
TIME_ERROR = "Enter a time on the 24-hour clock, like 08:30 or 21:00."


def time_field(label: str, help_text: str = "") -> forms.TimeField:
    """A time typed as HH:MM on the 24-hour clock, as the hints say. A text box, not
    `type="time"`, which a browser draws in its own locale ("06:23 PM" beside a hint of
    "For example 20:30")."""
    return forms.TimeField(
        label=label,
        required=False,
        input_formats=TIME_FORMATS,
        help_text=help_text,
        widget=forms.TimeInput(
            format="%H:%M",
            attrs={
                "inputmode": "numeric",
                "pattern": "([01]?[0-9]|2[0-3]):[0-5][0-9]",
                "placeholder": "HH:MM",
                "maxlength": 5,
                "size": 5,
                "autocomplete": "off",
            },
        ),
        error_messages={"invalid": TIME_ERROR},
    )


class ReminderSettingsForm(forms.ModelForm):
    """Every reminder is off until turned on. Times are in the person's own time zone, to
    the minute."""

    daily_time = time_field("At what time", "For example 20:30.")
    quiet_start = time_field("Quiet from", "For example 22:00. Nothing is sent in quiet hours.")
    quiet_end = time_field("Quiet until", "For example 07:00; quiet hours may run past midnight.")

    class Meta:
        model = ReminderSettings
        fields = [
            "daily_enabled",
            "daily_time",
            "held_ready_enabled",
            "weekly_enabled",
            "quiet_start",
            "quiet_end",
        ]
        labels = {
            "weekly_enabled": "Send me a weekly note (on Sundays): how many check-ins and "
            "entries, with a word of encouragement; never anything you wrote",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        super().clean()
        data = self.cleaned_data
        for name in ("daily_time", "quiet_start", "quiet_end"):
            if data.get(name):
                data[name] = data[name].replace(second=0, microsecond=0)
        start, end = data.get("quiet_start"), data.get("quiet_end")
        if "quiet_start" in data and "quiet_end" in data:
            if (start is None) != (end is None):
                missing = "quiet_end" if end is None else "quiet_start"
                self.add_error(
                    missing,
                    "Give quiet hours both a start and an end, or leave both empty.",
                )
            elif start is not None and start == end:
                self.add_error(
                    "quiet_end", "Quiet hours need to end at a different time than they start."
                )
        if data.get("daily_enabled") and "daily_time" in data and data["daily_time"] is None:
            self.add_error("daily_time", "Choose a time for your daily reminder.")
        daily = data.get("daily_time")
        if daily and not self.errors and start and end:
            quiet = ReminderSettings(quiet_start=start, quiet_end=end)
            if data.get("daily_enabled") and quiet.is_quiet(daily):
                self.add_error(
                    "daily_time",
                    f"{daily:%H:%M} is in your quiet hours ({start:%H:%M}–{end:%H:%M}), so "
                    "the reminder would never come. Choose another time, or change your "
                    "quiet hours.",
                )
        return data

    def save_for(self, user) -> ReminderSettings:
        """Saved as the person's one row, made the first time (two tabs saving at once
        update the same row)."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        prefs, _ = ReminderSettings.objects.update_or_create(user=user, defaults=values)
        return prefs
