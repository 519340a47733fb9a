"""Loads the program's text from stages/content.py. Safe to run again: it updates the
content by slug and never touches anyone's progress or answers."""

from django.db import migrations

FIELDS = ("number", "kind", "title", "summary", "body", "key_points", "prompts", "faqs")


def load_program(apps, schema_editor):
    from stages.content import SECTIONS

    Stage = apps.get_model("stages", "Stage")
    for section in SECTIONS:
        Stage.objects.update_or_create(
            slug=section["slug"], defaults={field: section[field] for field in FIELDS}
        )


def unload_program(apps, schema_editor):
    from stages.content import SECTIONS

    Stage = apps.get_model("stages", "Stage")
    Stage.objects.filter(slug__in=[section["slug"] for section in SECTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("stages", "0001_stage")]

    operations = [migrations.RunPython(load_program, unload_program)]
