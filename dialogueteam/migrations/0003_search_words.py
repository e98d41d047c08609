"""The lookup finds fragments through a vocabulary of words instead of trigrams of whole entries.

A trigram index over every entry made a common fragment ("jense", "gade") read the trigram lists
of most of the table. Now each entry also keeps its distinct words (runs of letters, runs of
digits), the ``SearchWord`` table holds every word once, and on PostgreSQL:

- a trigram GIN index on ``SearchWord.word``: the words containing a fragment are found among a
  few hundred thousand short words;
- two partial GIN indexes on the entries' words as an array, one over open and one over finished
  cases: the cases holding one of those words come straight from the index;
- the trigram indexes of migration 0002 on the whole search text are dropped.

SQLite keeps the simple scan.
"""

from django.db import migrations, models

WORD_INDEXES = {"dialogue_search_open_words": "is_open", "dialogue_search_done_words": "NOT is_open"}
VOCABULARY_INDEX = "dialogue_searchword_trgm"
OLD_TRIGRAM_INDEXES = {"dialogue_search_open_trgm": "is_open", "dialogue_search_done_trgm": "NOT is_open"}


def words_expression(column: str = "words") -> str:
    """The expression the word indexes are built on; the lookup's SQL must spell it the same."""
    return f"string_to_array({column}, ' ')"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name in OLD_TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, predicate in WORD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON dialogueteam_casesearchentry "
                              f"USING gin (({words_expression()})) WHERE {predicate}")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {VOCABULARY_INDEX} ON dialogueteam_searchword "
                          "USING gin (word gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in [*WORD_INDEXES, VOCABULARY_INDEX]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, predicate in OLD_TRIGRAM_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON dialogueteam_casesearchentry "
                              f"USING gin (search_text gin_trgm_ops) WHERE {predicate}")


def fill_words(apps, schema_editor):
    from dialogueteam.search import words_of

    Entry = apps.get_model("dialogueteam", "CaseSearchEntry")
    Word = apps.get_model("dialogueteam", "SearchWord")
    batch, vocabulary = [], set()

    def flush():
        Entry.objects.bulk_update(batch, ["words"], batch_size=1000)
        batch.clear()

    for case_id, text in Entry.objects.order_by("pk").values_list("pk", "search_text").iterator(chunk_size=5000):
        words = words_of(text)
        vocabulary.update(words)
        batch.append(Entry(pk=case_id, words=" ".join(words)))
        if len(batch) >= 5000:
            flush()
    flush()
    Word.objects.bulk_create([Word(word=w) for w in sorted(vocabulary)], ignore_conflicts=True, batch_size=5000)


class Migration(migrations.Migration):
    dependencies = [
        ("dialogueteam", "0002_search_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=255, primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.AddField(
            model_name="casesearchentry",
            name="words",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(fill_words, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
