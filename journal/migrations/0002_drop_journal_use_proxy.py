from django.db import migrations


class Migration(migrations.Migration):
    """The per-person entry count moved to the site's user admin (exback/admin.py)."""

    dependencies = [("journal", "0001_initial")]

    operations = [migrations.DeleteModel(name="JournalUser")]
