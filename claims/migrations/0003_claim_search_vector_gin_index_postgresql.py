"""A GIN index on Claim.search_vector, on PostgreSQL only.

SQLite has no tsvector or GIN: there the API's ``q`` filter searches ``search_text`` instead (same
normalisation, same answers on the seed data). The index is not declared in the model's Meta because
Django would then try to build it on SQLite too.
"""

from django.db import migrations

INDEX = "claim_search_vector_gin_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON claims_claim USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_curator_and_reviewer_groups")]

    operations = [migrations.RunPython(create_index, drop_index)]
