"""An index on UPPER(Document.language), on PostgreSQL only: the API's ``language`` filter is case-insensitive
(``el`` matches ``EL`` and ``el-GR``: ``UPPER(language) = 'EL' OR UPPER(language) LIKE 'EL-%'``).

The index serves both conditions (``text_pattern_ops`` for the prefix) and, being on an expression, gets
its own statistics from ANALYZE — without them the planner took a language no document has for a common
one and checked every claim (2.5 s at 200,000 claims). Not declared in the model's Meta: the operator
class is PostgreSQL's.
"""

from django.db import migrations

INDEX = "document_language_upper_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON sources_document (UPPER(language::text) text_pattern_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_document_warc_capture_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
