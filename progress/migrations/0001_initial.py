"""The progress app takes over a person's progress, the twelve exercises' rows and the
dashboard's kept figures from the program (stages), with their rows. Their tables exist already,
so the models are created here in the migration state only, on the tables and constraint names
they have; stages 0010 forgets them on its side, in the state only, and progress 0002 then
renames the tables and the one-per-submit constraints to this app's names. Renaming keeps every
row, id and encrypted value as it is. (Django's "Moving a model between apps".)

The content types move too, so that the admin's history and any permission keep pointing at
the right model."""

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import vault.fields

MOVED = (
    "apology",
    "contact",
    "dateidea",
    "feelingsign",
    "heldmessage",
    "memory",
    "overview",
    "patternanswers",
    "reachoutcheck",
    "readiness",
    "responsibility",
    "selfcarecheckin",
    "stageprogress",
    "urge",
)


def _relabel_content_types(apps, schema_editor, *, forwards):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    source, target = ("stages", "progress") if forwards else ("progress", "stages")
    for model in MOVED:
        # One already there (a migrate run since created it) wins; the other stays, unused.
        if not types.filter(app_label=target, model=model).exists():
            types.filter(app_label=source, model=model).update(app_label=target)


def content_types_to_progress(apps, schema_editor):
    _relabel_content_types(apps, schema_editor, forwards=True)


def content_types_back(apps, schema_editor):
    _relabel_content_types(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("stages", "0009_program_text_in_code"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Overview",
                    fields=[
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                serialize=False,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        ("generation", models.PositiveBigIntegerField(default=0)),
                        ("built_generation", models.PositiveBigIntegerField(blank=True, null=True)),
                        ("day", models.DateField(blank=True, null=True)),
                        ("valid_until", models.DateTimeField(blank=True, null=True)),
                        ("figures", models.JSONField(blank=True, default=dict)),
                    ],
                    options={"db_table": "stages_overview"},
                ),
                migrations.CreateModel(
                    name="Apology",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("sincerity", vault.fields.EncryptedJSONField(default=dict)),
                        ("draft", vault.fields.EncryptedTextField(blank=True, max_length=5000)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Still a draft"),
                                    ("ready", "Ready (I'll say it myself, in my own time)"),
                                    ("decided_not", "I've decided not to apologise"),
                                ],
                                default="draft",
                                max_length=12,
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_apology",
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="DateIdea",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "idea",
                            vault.fields.EncryptedTextField(
                                max_length=1000, verbose_name="Your date idea"
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_dateidea",
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="PatternAnswers",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("answers", vault.fields.EncryptedJSONField(default=dict)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_patternanswers",
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="ReachOutCheck",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("answers", vault.fields.EncryptedJSONField(default=dict)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_reachoutcheck",
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Readiness",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("answers", vault.fields.EncryptedJSONField(default=dict)),
                        ("reasons", vault.fields.EncryptedJSONField(blank=True, default=list)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_readiness",
                        "verbose_name_plural": "readiness answers",
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Contact",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submission_token",
                            models.UUIDField(blank=True, editable=False, null=True),
                        ),
                        ("date", models.DateField()),
                        (
                            "initiated_by",
                            models.CharField(
                                choices=[("me", "I did"), ("them", "They did")],
                                max_length=4,
                                verbose_name="Who reached out?",
                            ),
                        ),
                        (
                            "method",
                            models.CharField(
                                choices=[
                                    ("call", "A call"),
                                    ("text", "A text or message"),
                                    ("in_person", "In person"),
                                    ("other", "Other"),
                                ],
                                max_length=10,
                                verbose_name="How?",
                            ),
                        ),
                        (
                            "how_it_went",
                            vault.fields.EncryptedTextField(
                                blank=True, max_length=1000, verbose_name="How did it go?"
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_contact",
                        "ordering": ["-date", "-id"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "submission_token"),
                                name="stages_contact_one_per_submit",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="FeelingSign",
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
                            "feeling",
                            models.CharField(
                                choices=[
                                    ("regret", "Regret"),
                                    ("longing", "Longing"),
                                    ("curiosity", "Curiosity"),
                                    ("desire", "Desire"),
                                    ("appreciation", "Appreciation"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("noticed", models.BooleanField(default=False)),
                        ("note", vault.fields.EncryptedCharField(blank=True, max_length=500)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_feelingsign",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "feeling"), name="feelingsign_one_per_feeling"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HeldMessage",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submission_token",
                            models.UUIDField(blank=True, editable=False, null=True),
                        ),
                        (
                            "text",
                            vault.fields.EncryptedTextField(
                                max_length=5000, verbose_name="Your message"
                            ),
                        ),
                        (
                            "hold_hours",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (24, "24 hours"),
                                    (48, "48 hours"),
                                    (72, "72 hours"),
                                    (168, "1 week"),
                                ],
                                default=24,
                                verbose_name="Cooling-off period",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("held", "Held"),
                                    ("sent_elsewhere", "I sent it myself"),
                                    ("let_go", "Let go"),
                                ],
                                default="held",
                                max_length=14,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("ready_at", models.DateTimeField()),
                        ("decided_at", models.DateTimeField(blank=True, null=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_heldmessage",
                        "ordering": ["-created_at", "-id"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "submission_token"),
                                name="stages_heldmessage_one_per_submit",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Memory",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submission_token",
                            models.UUIDField(blank=True, editable=False, null=True),
                        ),
                        (
                            "what",
                            vault.fields.EncryptedCharField(
                                max_length=500, verbose_name="What happened"
                            ),
                        ),
                        (
                            "when",
                            vault.fields.EncryptedCharField(
                                blank=True, max_length=100, verbose_name="When"
                            ),
                        ),
                        (
                            "where",
                            vault.fields.EncryptedCharField(
                                blank=True, max_length=200, verbose_name="Where"
                            ),
                        ),
                        (
                            "why_good",
                            vault.fields.EncryptedTextField(
                                blank=True, max_length=1000, verbose_name="What made it good"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_memory",
                        "verbose_name_plural": "memories",
                        "ordering": ["-created_at", "-id"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "submission_token"),
                                name="stages_memory_one_per_submit",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Responsibility",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submission_token",
                            models.UUIDField(blank=True, editable=False, null=True),
                        ),
                        (
                            "what_happened",
                            vault.fields.EncryptedTextField(
                                max_length=2000, verbose_name="What happened"
                            ),
                        ),
                        (
                            "my_part",
                            vault.fields.EncryptedTextField(
                                max_length=2000, verbose_name="My part in it"
                            ),
                        ),
                        (
                            "do_differently",
                            vault.fields.EncryptedTextField(
                                blank=True, max_length=2000, verbose_name="What I'll do differently"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_responsibility",
                        "verbose_name_plural": "responsibilities",
                        "ordering": ["-created_at", "-id"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "submission_token"),
                                name="stages_responsibility_one_per_submit",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SelfCareCheckIn",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submission_token",
                            models.UUIDField(blank=True, editable=False, null=True),
                        ),
                        ("date", models.DateField()),
                        (
                            "hours_slept",
                            models.DecimalField(
                                decimal_places=1,
                                max_digits=3,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0")),
                                    django.core.validators.MaxValueValidator(Decimal("24")),
                                ],
                            ),
                        ),
                        ("ate_well", models.BooleanField()),
                        ("moved", models.BooleanField()),
                        ("basic_care", models.BooleanField()),
                        (
                            "mood",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(5),
                                ]
                            ),
                        ),
                        ("note", vault.fields.EncryptedTextField(blank=True, max_length=1000)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_selfcarecheckin",
                        "ordering": ["-date"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "submission_token"),
                                name="stages_selfcarecheckin_one_per_submit",
                            ),
                            models.UniqueConstraint(
                                fields=("user", "date"), name="checkin_one_per_day"
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="StageProgress",
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
                            "status",
                            models.CharField(
                                choices=[
                                    ("not_started", "Not started"),
                                    ("in_progress", "In progress"),
                                    ("completed", "Completed"),
                                ],
                                default="not_started",
                                max_length=12,
                            ),
                        ),
                        ("started_at", models.DateTimeField(blank=True, null=True)),
                        ("completed_at", models.DateTimeField(blank=True, null=True)),
                        ("last_visited_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "stage",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="progress",
                                to="stages.stage",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_stageprogress",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "stage"), name="stageprogress_one_per_stage"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Urge",
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
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        (
                            "submission_token",
                            models.UUIDField(blank=True, editable=False, null=True),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "outcome",
                            models.CharField(
                                choices=[
                                    ("waited", "I waited"),
                                    ("held", "I wrote a held message"),
                                    ("journal", "I wrote in my journal"),
                                    ("reached_out", "I reached out anyway"),
                                ],
                                max_length=12,
                            ),
                        ),
                        (
                            "note",
                            vault.fields.EncryptedTextField(
                                blank=True,
                                max_length=1000,
                                verbose_name="Anything you want to note",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "stages_urge",
                        "ordering": ["-created_at", "-id"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "submission_token"),
                                name="stages_urge_one_per_submit",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_progress, content_types_back),
    ]
