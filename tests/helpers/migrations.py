"""Moving the test database back and forth through the migrations, for the tests that prove
a move between apps (or a change of shape) keeps every row."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets) -> object:
    """Migrate to `targets` (a list of (app, migration or None)) and return the app registry
    of that state, for writing rows as the code of that time did."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    state_at = [target for target in targets if target[1] is not None]
    return executor.loader.project_state(state_at).apps


def migrate_forward() -> None:
    """Every migration applied, as the other tests expect the database."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def tables() -> set[str]:
    return set(connection.introspection.table_names())
