"""Create the database cache table as part of `migrate`.

Without REDIS_URL, production uses Django's database cache, and allauth's rate limits need
it on the first login attempt: a forgotten `createcachetable` would turn sign-up and log-in
into errors. createcachetable does nothing when the cache is elsewhere or the table exists.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("exback", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
