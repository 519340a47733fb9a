"""Creates one row per part of the program: the identity that progress rows and journal
entries point to. The words themselves live in code (stages.content), so this migration
names only numbers, slugs and kinds, as literals: it never imports live code, and it is safe
to run again (it updates by slug and never touches anyone's progress or answers)."""

from django.db import migrations

SECTIONS = (
    (0, "introduction", "intro"),
    (1, "say-sorry", "stage"),
    (2, "take-care-of-yourself", "stage"),
    (3, "time-and-space", "stage"),
    (4, "never-lower-your-value", "stage"),
    (5, "take-responsibility", "stage"),
    (6, "change-bad-patterns", "stage"),
    (7, "celebrate-the-good-times", "stage"),
    (8, "keep-in-mind", "closing"),
    (9, "are-you-sure", "reflection"),
    (10, "faq", "faq"),
)


def load_program(apps, schema_editor):
    Stage = apps.get_model("stages", "Stage")
    for number, slug, kind in SECTIONS:
        # Until 0008 the table also had text columns; they are left empty here.
        Stage.objects.update_or_create(
            slug=slug, defaults={"number": number, "kind": kind, "title": slug}
        )


def unload_program(apps, schema_editor):
    Stage = apps.get_model("stages", "Stage")
    Stage.objects.filter(slug__in=[slug for _, slug, _ in SECTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("stages", "0001_stage")]

    operations = [migrations.RunPython(load_program, unload_program)]
