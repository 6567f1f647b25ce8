"""sources migration 0002: the trigram index for claimant-name search, and its way out without pg_trgm."""

import importlib

import pytest
from django.db import DatabaseError, connection

migration = importlib.import_module("sources.migrations.0002_actor_search_text_trigram_index")


class _Editor:
    """Records the statements; refuses CREATE EXTENSION as a database without pg_trgm would."""

    def __init__(self, refuse_extension: bool):
        self.connection = connection
        self.refuse_extension = refuse_extension
        self.statements = []

    def execute(self, sql):
        if self.refuse_extension and sql.startswith("CREATE EXTENSION"):
            raise DatabaseError('extension "pg_trgm" is not available')
        self.statements.append(sql)


@pytest.mark.django_db
@pytest.mark.parametrize("refuse", [False, True])
def test_the_index_is_created_where_pg_trgm_can_be_and_skipped_with_a_message_elsewhere(refuse, capsys):
    editor = _Editor(refuse_extension=refuse)
    migration.create_index(None, editor)
    if connection.vendor != "postgresql":
        assert editor.statements == []  # SQLite: no trigram index, LIKE as before
        return
    if refuse:
        assert editor.statements == []
        assert "pg_trgm is not available" in capsys.readouterr().out
    else:
        assert editor.statements == [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            f"CREATE INDEX IF NOT EXISTS {migration.INDEX} ON sources_actor USING gin (search_text gin_trgm_ops)",
        ]
