"""Helplines can say they are not yet verified (`verified`) and carry a note for the reader
(`note`); and the four doubtful details found when 15 entries were checked against public pages
are corrected (issue 22; safety/data/helplines-notes.md says what was found and where):

- New Zealand, Shine: its own site said 24/7 in 2022, the government's page says 9am-11pm.
  Hours cleared, marked not yet verified, with a note saying both.
- Hong Kong, Social Welfare Department Hotline: hours were missing; a 2023 government press
  release says it is a 24-hour hotline.
- South Africa, Gender-Based Violence Command Centre: the SMS line (31531) was switched off in
  2022 and not confirmed back after the 2024 relaunch; removed, with a note. Source: the
  relaunch statement.
- South Africa, police 10111: sourced from the South African Police Service's own page instead
  of a copy of another government's page.

A row is corrected only while it still holds what was loaded (or already the correction, as
on a new database, where exback 0005 loads the corrected helplines.json): a row staff have
edited in the admin since is left as they made it. Backwards, the same rows get the old values.
The values are written out here, not read from helplines.json, so that this migration always
does the same thing.
"""

import datetime

from django.db import migrations, models

CHECKED = datetime.date(2026, 12, 2)
LOADED = datetime.date(2026, 11, 25)

# (country, name): (the fields as loaded, the fields corrected)
CORRECTIONS = {
    ("NZ", "Shine Helpline"): (
        {"hours": "9am\u201311pm every day", "checked_on": LOADED, "verified": True, "note": ""},
        {
            "hours": "",
            "checked_on": CHECKED,
            "verified": False,
            "note": "Hours not confirmed: Shine's own site said 24/7 in 2022; the government's "
            "page says 9am\u201311pm every day. Women's Refuge answers 24/7.",
        },
    ),
    ("HK", "Social Welfare Department Hotline"): (
        {
            "hours": "",
            "source_url": "https://www.doj.gov.hk/childabduct/en/related-information/"
            "abduct_riwelfare.html",
            "checked_on": LOADED,
        },
        {
            "hours": "24 hours, every day",
            "source_url": "https://www.info.gov.hk/gia/general/202306/05/P2023060500553.htm",
            "checked_on": CHECKED,
        },
    ),
    ("ZA", "Gender-Based Violence Command Centre"): (
        {
            "text": "SMS 'help' to 31531 (for people with disabilities)",
            "source_url": "http://gbv.org.za/about-us",
            "checked_on": LOADED,
            "note": "",
        },
        {
            "text": "",
            "source_url": "https://allafrica.com/stories/202412190450.html",
            "checked_on": CHECKED,
            "note": "Call rather than text: its SMS line (31531) stopped working in 2022, and we "
            "could not confirm it is back.",
        },
    ),
    ("ZA", "Police emergency (10111)"): (
        {
            "source_url": "https://savagerose.org/sv/federal-communications-commission-svenska",
            "checked_on": LOADED,
        },
        {"source_url": "https://www.saps.gov.za/services/cc_10111.php", "checked_on": CHECKED},
    ),
}


def _apply(apps, schema_editor, *, forwards):
    Helpline = apps.get_model("safety", "Helpline")
    rows = Helpline.objects.using(schema_editor.connection.alias)
    for (country, name), (loaded, corrected) in CORRECTIONS.items():
        row = rows.filter(country=country, name=name).first()
        if row is None:
            continue
        # Untouched since it was loaded or corrected: every field holds one or the other.
        if all(getattr(row, field) in (loaded[field], corrected[field]) for field in loaded):
            rows.filter(pk=row.pk).update(**(corrected if forwards else loaded))


def correct(apps, schema_editor):
    _apply(apps, schema_editor, forwards=True)


def restore(apps, schema_editor):
    _apply(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("safety", "0002_safety_plan_sections")]

    operations = [
        migrations.AddField(
            model_name="helpline",
            name="verified",
            field=models.BooleanField(
                default=True,
                help_text="Untick when a detail could not be confirmed against a published "
                "source: the Safety page then says it is not yet verified.",
            ),
        ),
        migrations.AddField(
            model_name="helpline",
            name="note",
            field=models.CharField(
                blank=True,
                help_text="Shown under the entry: what a reader should know, such as what could "
                "not be confirmed.",
                max_length=200,
            ),
        ),
        migrations.RunPython(correct, restore),
    ]
