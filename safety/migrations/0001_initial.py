"""The safety app takes over three models with their rows: the safety check and the safety plan
from the program (stages) and the helplines from the site (exback). Their tables exist already,
so the models are created here in the migration state only, on the tables they have, and the
tables are then renamed to this app's names; stages 0008 and exback 0006 forget the models on
their side, in the state only. Renaming a table keeps every row, id and encrypted value as it
is; backwards, the tables get their old names again. (Django's "Moving a model between apps".)

The content types move too, so that staff permissions on helplines and the admin's history
keep pointing at the right model."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import vault.fields

# model -> the app it came from
MOVED = {"safetycheck": "stages", "safetyplan": "stages", "helpline": "exback"}


def _relabel_content_types(apps, schema_editor, *, forwards):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    for model, old_app in MOVED.items():
        source, target = (old_app, "safety") if forwards else ("safety", old_app)
        # One already there (a migrate run since created it) wins; the other stays, unused.
        if not types.filter(app_label=target, model=model).exists():
            types.filter(app_label=source, model=model).update(app_label=target)


def content_types_to_safety(apps, schema_editor):
    _relabel_content_types(apps, schema_editor, forwards=True)


def content_types_back(apps, schema_editor):
    _relabel_content_types(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        # The last migrations that know the models in their old apps (exback 0005 loads the
        # helplines into exback_helpline).
        ("stages", "0007_dashboard_overview"),
        ("exback", "0005_load_helplines"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SafetyCheck",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("answers", vault.fields.EncryptedJSONField(default=dict)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "stages_safetycheck"},
                ),
                migrations.CreateModel(
                    name="SafetyPlan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "warning_signs",
                            vault.fields.EncryptedTextField(blank=True, max_length=3000),
                        ),
                        (
                            "staying_safe",
                            vault.fields.EncryptedTextField(blank=True, max_length=3000),
                        ),
                        (
                            "people_places",
                            vault.fields.EncryptedTextField(blank=True, max_length=3000),
                        ),
                        (
                            "keep_ready",
                            vault.fields.EncryptedTextField(blank=True, max_length=3000),
                        ),
                        (
                            "professional_help",
                            vault.fields.EncryptedTextField(blank=True, max_length=3000),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "stages_safetyplan"},
                ),
                migrations.CreateModel(
                    name="Helpline",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "country",
                            models.CharField(
                                blank=True,
                                db_index=True,
                                help_text="ISO 3166-1 alpha-2, e.g. GB. Empty for an international directory, shown to everyone.",
                                max_length=2,
                            ),
                        ),
                        ("name", models.CharField(max_length=120)),
                        (
                            "purpose",
                            models.CharField(
                                help_text="What it is for, in a few words.", max_length=200
                            ),
                        ),
                        (
                            "is_emergency",
                            models.BooleanField(
                                default=False,
                                help_text="The country's emergency number.",
                                verbose_name="emergency number",
                            ),
                        ),
                        ("phone", models.CharField(blank=True, max_length=40)),
                        (
                            "text",
                            models.CharField(blank=True, max_length=80, verbose_name="text / SMS"),
                        ),
                        ("chat_url", models.URLField(blank=True, verbose_name="chat or website")),
                        ("hours", models.CharField(blank=True, max_length=80)),
                        (
                            "source_url",
                            models.URLField(
                                help_text="Where this was checked.", verbose_name="source"
                            ),
                        ),
                        ("checked_on", models.DateField(verbose_name="checked on")),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "exback_helpline",
                        "ordering": ["country", "-is_emergency", "order", "name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("country", "name"), name="exback_helpline_unique_name"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        # The tables take this app's names: safety_safetycheck, safety_safetyplan,
        # safety_helpline.
        migrations.AlterModelTable(name="safetycheck", table=None),
        migrations.AlterModelTable(name="safetyplan", table=None),
        migrations.AlterModelTable(name="helpline", table=None),
        migrations.RunPython(content_types_to_safety, content_types_back),
    ]
