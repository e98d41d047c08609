"""The lookup finds "Bjørn" from "bjorn": each entry's words with æ, ø or å come again at the end of
its text spelt without them (``dialogueteam.search.ascii_spellings``), with their words and pairs,
and the new words join the vocabulary. Existing entries get them from their text: over the lookup
benchmark's 177,894 entries this took 10 minutes on a heavily loaded machine (2 of them in Python, the
rest updating the rows and their word and pair indexes); plan for about an hour at a million."""

from django.db import migrations


def add_ascii_spellings(apps, schema_editor):
    from dialogueteam.search import ascii_spellings, pairs_of, words_of

    Entry = apps.get_model("dialogueteam", "CaseSearchEntry")
    Word = apps.get_model("dialogueteam", "SearchWord")
    batch, vocabulary = [], set()

    def flush():
        Entry.objects.bulk_update(batch, ["search_text", "words", "pairs"], batch_size=1000)
        Word.objects.bulk_create([Word(word=w) for w in sorted(vocabulary)], ignore_conflicts=True, batch_size=5000)
        batch.clear()
        vocabulary.clear()

    for case_id, text in Entry.objects.order_by("pk").values_list("pk", "search_text").iterator(chunk_size=5000):
        extra = ascii_spellings(text)
        if not extra:
            continue
        text = f"{text}{extra} "
        words = words_of(text)
        vocabulary.update(words_of(extra))
        batch.append(Entry(pk=case_id, search_text=text, words=" ".join(words), pairs=",".join(pairs_of(text))))
        if len(batch) >= 5000:
            flush()
    flush()


class Migration(migrations.Migration):
    dependencies = [
        ("dialogueteam", "0004_search_pairs"),
    ]

    operations = [
        migrations.RunPython(add_ascii_spellings, migrations.RunPython.noop),
    ]
