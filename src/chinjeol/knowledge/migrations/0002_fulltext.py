"""The full-text index: an FTS5 table on SQLite, a generated weighted tsvector with a GIN index on PostgreSQL."""

from django.db import migrations


def _run(statements_for):
    def run(apps, schema_editor):
        for sql in statements_for(schema_editor.connection.vendor):
            schema_editor.execute(sql)

    return run


SQLITE_SETUP = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts USING fts5("
    "title, keys, body, grams, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts_vocab USING fts5vocab(knowledge_fts, col)",
)
SQLITE_TEARDOWN = ("DROP TABLE IF EXISTS knowledge_fts_vocab", "DROP TABLE IF EXISTS knowledge_fts")
PG_SETUP = (
    "ALTER TABLE knowledge_articleindex ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', keys), 'B') || "
    "setweight(to_tsvector('simple', body_terms), 'C') || setweight(to_tsvector('simple', grams), 'D')) STORED",
    "CREATE INDEX knowledge_articleindex_search ON knowledge_articleindex USING gin (search)",
)
PG_TEARDOWN = (
    "DROP INDEX IF EXISTS knowledge_articleindex_search",
    "ALTER TABLE knowledge_articleindex DROP COLUMN IF EXISTS search",
)


def _setup(vendor):
    return {"sqlite": SQLITE_SETUP, "postgresql": PG_SETUP}.get(vendor, ())


def _teardown(vendor):
    return {"sqlite": SQLITE_TEARDOWN, "postgresql": PG_TEARDOWN}.get(vendor, ())


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(_run(_setup), _run(_teardown))]
