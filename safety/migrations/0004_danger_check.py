"""The danger check (safety.DangerCheck, its answers encrypted), and which helplines are for
people affected by domestic abuse, so that the danger check can show the country's abuse line
beside its emergency number. The lines marked here are the loaded rows (exback 0005) whose
purpose is support for people facing domestic or gender-based violence; general crisis and
suicide lines are not, and Switzerland's only line listed (a general listening line) is not
either, so there the danger check shows the international directories. Staff change the mark
in the admin. Rows are named by (country, name), as written here: no live code is imported."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import vault.fields

ABUSE_SUPPORT = {
    ("US", "National Domestic Violence Hotline"),
    ("GB", "National Domestic Abuse Helpline (Refuge)"),
    ("GB", "Men's Advice Line"),
    ("AU", "1800RESPECT"),
    ("NZ", "Women's Refuge crisis line"),
    ("NZ", "Shine Helpline"),
    ("CA", "ShelterSafe (women's shelter finder)"),
    ("IE", "Women's Aid National Freephone Helpline"),
    ("DE", "Hilfetelefon Gewalt gegen Frauen"),
    ("AT", "Frauenhelpline gegen Gewalt"),
    ("FR", "3919 – Violences Femmes Info"),
    ("BE", "Écoute Violences Conjugales"),
    ("BE", "1712 (Flanders)"),
    ("NL", "Veilig Thuis"),
    ("ES", "016 – Atención a víctimas de violencia de género"),
    ("PT", "Serviço de Informação às Vítimas de Violência Doméstica"),
    ("IT", "1522 – Numero antiviolenza e stalking"),
    ("SE", "Kvinnofridslinjen"),
    ("NO", "Vold- og overgrepslinjen (VO-linjen)"),
    ("DK", "Lev Uden Vold – national hotline"),
    ("FI", "Nollalinja"),
    ("PL", "Niebieska Linia"),
    ("BR", "Ligue 180 – Central de Atendimento à Mulher"),
    ("AR", "Línea 144"),
    ("MX", "Línea de las Mujeres (079, opción 1)"),
    ("CL", "Fono de orientación 1455"),
    ("CO", "Línea 155"),
    ("IN", "Women Helpline (181)"),
    ("ZA", "Gender-Based Violence Command Centre"),
    ("JP", "DV相談プラス (DV Soudan Plus)"),
    ("JP", "DV相談ナビ #8008"),
    ("KR", "여성긴급전화 1366 (Women's Emergency Line)"),
    ("GR", "SOS 15900"),
    ("CZ", "Linka pomoci obětem 116 006 (Bílý kruh bezpečí)"),
    ("RO", "Linia telefonică 0800 500 333 (ANES)"),
    ("TR", "ALO 183 Sosyal Destek Hattı"),
    ("IL", "Welfare Ministry hotline 118"),
    ("SG", "National Anti-Violence Helpline"),
    ("HK", "CEASE Crisis Centre"),
}


def mark_abuse_support(apps, schema_editor):
    Helpline = apps.get_model("safety", "Helpline")
    for country, name in ABUSE_SUPPORT:
        Helpline.objects.filter(country=country, name=name).update(is_abuse_support=True)


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0003_helplines_verified_and_four_corrections"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="helpline",
            name="is_abuse_support",
            field=models.BooleanField(
                default=False,
                help_text="A line for people affected by domestic abuse: the danger check shows it beside the emergency number when a person's answers show a sign of serious danger.",
                verbose_name="domestic-abuse support",
            ),
        ),
        migrations.CreateModel(
            name="DangerCheck",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("answers", vault.fields.EncryptedJSONField(default=dict)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
        ),
        migrations.RunPython(mark_abuse_support, migrations.RunPython.noop),
    ]
