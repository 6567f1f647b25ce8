"""A trigram GIN index on Actor.search_text, on PostgreSQL only: claim search matches claimant names and
aliases by word prefix (``LIKE 'term%' OR LIKE '% term%'``), which without it reads every actor per search.

pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+): the database owner may create
it. Where it cannot be created, the migration goes on without the index (search is then slower, not
wrong) and says so.
"""

from django.db import DatabaseError, migrations, transaction

INDEX = "actor_search_text_trgm_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as exc:
        print(f"\n  sources 0002: pg_trgm is not available ({str(exc).strip()}); actor name search stays unindexed")
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON sources_actor USING gin (search_text gin_trgm_ops)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_actors_aliases_documents")]

    operations = [migrations.RunPython(create_index, drop_index)]
