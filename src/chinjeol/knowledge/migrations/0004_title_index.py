"""SQLite: a small FTS5 table of the titles and keys alone, so that ranking title matches reads only the
titles' word lists (bm25 reads every article of each word it ranks). PostgreSQL needs nothing: ts_rank_cd
does not count articles."""

from django.db import migrations

SETUP = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts_title USING fts5("
    "title, keys, tokenize = 'unicode61 remove_diacritics 0')",
    "INSERT INTO knowledge_fts_title (rowid, title, keys) SELECT rowid, title, keys FROM knowledge_fts",
)
TEARDOWN = ("DROP TABLE IF EXISTS knowledge_fts_title",)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_seed_synonyms")]

    operations = [migrations.RunPython(_run(SETUP), _run(TEARDOWN))]
