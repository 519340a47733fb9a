"""The program's words leave the database: they live in code (stages.content), written for
each kind of reader. A Stage row keeps only what progress rows and journal entries point to.

The text columns get a default first, so that migrating back re-creates them on tables that
have rows (empty: the words are in code)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stages", "0008_safety_models_move_to_safety")]

    operations = [
        migrations.AlterField(
            model_name="stage", name="title", field=models.CharField(default="", max_length=120)
        ),
        migrations.AlterField(
            model_name="stage", name="summary", field=models.CharField(default="", max_length=300)
        ),
        migrations.AlterField(
            model_name="stage", name="body", field=models.TextField(blank=True, default="")
        ),
        migrations.RemoveField(model_name="stage", name="title"),
        migrations.RemoveField(model_name="stage", name="summary"),
        migrations.RemoveField(model_name="stage", name="body"),
        migrations.RemoveField(model_name="stage", name="key_points"),
        migrations.RemoveField(model_name="stage", name="prompts"),
        migrations.RemoveField(model_name="stage", name="faqs"),
    ]
