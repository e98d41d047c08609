"""The one search box: what it finds, in which order, who may use it, and that every read is logged."""

import pytest
from django.urls import reverse

from dialogueteam import search, services
from dialogueteam.models import CaseSearchEntry
from permitportal.core.models import AuditEntry
from tests.applications.factories import PropertyFactory
from tests.postgresql import postgresql_only


def refs(result):
    return [case.reference for case in result.cases]


def find(query):
    return refs(search.search_cases(user=searcher(), query=query))


# --- What it finds --------------------------------------------------------------------------------------------------

def test_reference_is_found_exactly_and_in_any_case(make_case):
    wanted = make_case(address="Jagtvej 1")
    make_case(address="Jagtvej 2")
    assert find(wanted.reference) == [wanted.reference]
    assert find(wanted.reference.lower()) == [wanted.reference]
    assert find(f"  {wanted.reference} ") == [wanted.reference]


def test_a_reference_that_is_not_a_submitted_case_is_searched_for(make_case):
    case = make_case(address="Jagtvej 9")
    draft = make_case(status="draft", address="Jagtvej 10")
    assert find(case.reference[:-1]) == [case.reference]  # shaped like a reference, one digit short: searched
    assert find(draft.reference) == []


def test_partial_reference_finds_the_case(make_case):
    case = make_case()
    assert case.reference in find(case.reference[-5:])


def test_partial_address_finds_cases(make_case):
    nørrebro = make_case(address="Nørrebrogade 12")
    make_case(address="Amagerbrogade 3")
    assert find("rrebrogade") == [nørrebro.reference]
    assert find("nørrebrogade 12") == [nørrebro.reference]
    assert set(find("brogade")) == {nørrebro.reference, find("amagerbro")[0]}


@pytest.mark.parametrize("query", ["æbeløgade", "ÆBELØGADE", "Æbeløgade", "æBeLøGaDe", "aebeloegade", "beløg"])
def test_ae_oe_and_aa_in_any_case(make_case, query):
    case = make_case(address="Æbeløgade 4", postcode="2100", city="København Ø")
    make_case(address="Ebeltoftvej 4")
    assert find(query) == [case.reference]


@pytest.mark.parametrize("query", ["Åse", "åSE", "ÅSE STRØM", "aase", "strøm", "STRØM"])
def test_applicant_name_with_danish_letters(make_case, query):
    case = make_case(name="Åse Strøm")
    make_case(name="Anders And")
    assert find(query) == [case.reference]


@pytest.mark.parametrize("query", ["bjorn", "BJORN", "bjoern", "bjorn hansen", "bjorn hanse", "hansen bjorn"])
def test_danish_letters_typed_on_a_foreign_keyboard_find_the_name(make_case, query):
    case = make_case(name="Bjørn Hansen")
    make_case(name="Bo Hansen")
    assert find(query) == [case.reference]


@pytest.mark.parametrize(("query", "address"), [
    ("norrebrogade 12", "Nørrebrogade 12"), ("rrebrogade 12", "Nørrebrogade 12"),
    ("soborg hovedgade", "Søborg Hovedgade 5"), ("abenra", "Åbenrå 3"), ("aabenraa", "Åbenrå 3"),
    ("aebelogade", "Æbeløgade 4"), ("aebeloegade", "Æbeløgade 4"),
])
def test_danish_letters_typed_on_a_foreign_keyboard_find_the_address(make_case, query, address):
    case = make_case(address=address)
    make_case(address="Nordre Fasanvej 12")
    assert find(query) == [case.reference]


def test_the_words_with_danish_letters_come_again_without_them_with_their_neighbours():
    text = search.build_search_text(reference="B-2026-00001", address="Nørrebrogade 12", postcode="2200",
                                    city="Kbh N", applicant_name="Åse Hansen", applicant_email="ase@mail.dk")
    assert text == (" b-2026-00001 nørrebrogade 12 2200 kbh n åse hansen ase@mail.dk"
                    " b-2026-00001 norrebrogade 12 n ase hansen ")
    assert "norrebrogade 12" in search.pairs_of(text) and "ase hansen" in search.pairs_of(text)
    assert search.ascii_spellings(" jagtvej 1 2200 kbh n ") == ""


def test_words_may_come_in_any_order(make_case):
    case = make_case(name="Søren Kierkegaard", address="Nytorv 2")
    make_case(name="Søren Jensen", address="Nytorv 4")
    assert find("kierkegaard søren") == [case.reference]
    assert find("søren nytorv 2")[0] == case.reference  # "2" is also in the other's postcode 2200


def test_email_phone_and_cadastral_number(make_case):
    case = make_case(email="mette.frederiksen@example.dk", phone="+45 20 12 34 56")
    case.property.cadastral_number = "123æ Østerbro, København"
    case.property.save()
    make_case(email="lars@example.dk", phone="+45 30 00 00 00")
    assert find("mette.frederik") == [case.reference]
    assert find("MeTTe.Frederiksen@Example.dk") == [case.reference]
    assert find("20 12 34 56") == [case.reference]
    assert find("+4520123456") == [case.reference]
    assert find("20123456") == [case.reference]
    assert find("123Æ østerbro") == [case.reference]


def test_owner_named_in_an_application_for_someone_else(make_case):
    case = make_case(owner_name="Bodil Ørsted", owner_email="bodil@example.dk")
    assert find("ørsted") == [case.reference]


def test_drafts_are_never_found(make_case):
    draft = make_case(status="draft", address="Skjultvej 1")
    sent = make_case(status="submitted", address="Skjultvej 2")
    assert find("skjultvej") == [sent.reference]
    assert find(draft.reference) == []
    assert not CaseSearchEntry.objects.filter(case=draft).exists()


@pytest.mark.parametrize("query", ["", "  ", "ab", "a b", "1 2", "--"])
def test_too_short_searches_are_refused(db, query):
    with pytest.raises(search.QueryTooShort):
        search.search_cases(user=searcher(), query=query)


# --- Ranking and limits ---------------------------------------------------------------------------------------------

def test_whole_word_match_ranks_first_then_word_start_then_anywhere(make_case):
    anywhere = make_case(address="Storegade 1")           # "gade" inside a word
    word_start = make_case(address="Gadevej 1")           # "gade" starts a word
    whole = make_case(address="Gade 1")                   # "gade" as a whole word
    assert find("gade") == [whole.reference, word_start.reference, anywhere.reference]
    assert find("1 gade") == [whole.reference, word_start.reference, anywhere.reference]  # not as written


def test_a_street_and_house_number_are_read_as_written(make_case):
    # An address is written street then number: when cases hold the search as written, those are the
    # answer ("gade 1" ends "Storegade 1"); "Gadevej 1" holds both words, not side by side.
    side_by_side = [make_case(address="Gade 1"), make_case(address="Storegade 1")]
    apart = make_case(address="Gadevej 1")
    assert find("gade 1") == [side_by_side[0].reference, side_by_side[1].reference]
    assert find("gadevej 1") == [apart.reference]


def test_names_are_read_as_written_first_then_word_by_word(make_case):
    together = make_case(address="Fælledvej 3", name="Hanne Jensen")
    middle = make_case(address="Fælledvej 5", name="Hanne Marie Jensen")
    reversed_ = make_case(address="Fælledvej 7", name="Jensen Hanne")
    # Fewer than a page hold "hanne jense" as written: the cases holding both words anywhere come too,
    # after them (newest first among equals).
    assert find("hanne jense") == [together.reference, reversed_.reference, middle.reference]


def test_open_cases_come_before_finished_ones_and_newest_first(make_case):
    closed = make_case(status="closed", address="Havnevej 7")
    older = make_case(status="in_review", address="Havnevej 8")
    newer = make_case(status="submitted", address="Havnevej 9")
    assert find("havnevej") == [newer.reference, older.reference, closed.reference]


def test_results_are_limited_and_say_there_are_more(make_case, settings):
    for n in range(search.RESULT_LIMIT + 2):
        make_case(address=f"Langgade {n + 1}")
    result = search.search_cases(user=searcher(), query="langgade")
    assert len(result.cases) == search.RESULT_LIMIT
    assert result.more is True
    assert search.search_cases(user=searcher(), query="langgade 21").more is False


# --- The index stays in step ----------------------------------------------------------------------------------------

def test_entry_follows_renamed_applicant_and_corrected_address(make_case):
    case = make_case(name="Karen Blixen", address="Rungstedvej 111")
    case.applicant.full_name = "Karen Dinesen"
    case.applicant.save(update_fields=["full_name"])
    case.property.address = "Rungsted Strandvej 111"
    case.property.save()
    assert find("dinesen") == [case.reference]
    assert find("strandvej") == [case.reference]
    assert find("blixen") == []


def test_entry_follows_status(make_case):
    from applications.services.transitions import transition

    case = make_case(status="in_review")
    assert CaseSearchEntry.objects.get(case=case).is_open is True
    transition(case=case, to="decided")
    assert CaseSearchEntry.objects.get(case=case).is_open is False


def test_rebuild_writes_every_entry(make_case):
    cases = [make_case(address=f"Bredgade {n}") for n in range(3)]
    make_case(status="draft")
    CaseSearchEntry.objects.all().delete()
    assert search.rebuild_all(batch_size=2) == 3
    assert set(CaseSearchEntry.objects.values_list("case_id", flat=True)) == {c.pk for c in cases}


def test_search_text_is_lower_case_with_phone_digits():
    text = search.plain_search_text(reference="B-2026-00001", address="ÅGADE 1", postcode="2200",
                                    city="København N", applicant_name="ØRNE Æblegård",
                                    applicant_phone="+45 20 12 34 56")
    assert text == " b-2026-00001 ågade 1 2200 københavn n ørne æblegård 4520123456 20123456 "


# --- Who may search, and the read log -------------------------------------------------------------------------------

def test_applicant_gets_403_and_anonymous_logs_in(client, applicant, api_for):
    client.force_login(applicant)
    assert client.get(reverse("dialogueteam:lookup"), {"q": "vej"}).status_code == 403
    assert api_for(applicant).get("/api/v1/lookup/", {"q": "vej"}).status_code == 403
    client.logout()
    response = client.get(reverse("dialogueteam:lookup"), {"q": "vej"})
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role", ["dialogue_member", "caseworker", "manager"])
def test_staff_may_search(client, make_case, request, role):
    case = make_case(address="Vesterbrogade 3")
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("dialogueteam:lookup"), {"q": "vesterbro"})
    assert response.status_code == 200
    assert case.reference in response.content.decode()


def test_the_lookup_takes_only_the_words_it_searches_and_says_so(client, api_for, make_case, dialogue_member):
    """Before: the form and the API took 10 words and the engine searched the first 6 without a word."""
    case = make_case(address="Vesterbrogade 3")
    words = ["vesterbrogade", "3", "kobenhavn", "1620", "carport", "tilbygning", "garage"]
    assert len(words) == search.MAX_WORDS + 1
    too_many = f"at most {search.MAX_WORDS} words"
    client.force_login(dialogue_member)
    page = client.get(reverse("dialogueteam:lookup"), {"q": " ".join(words)}).content.decode()
    assert too_many in page and case.reference not in page
    response = api_for(dialogue_member).get("/api/v1/lookup/", {"q": " ".join(words)})
    assert response.status_code == 400 and too_many in response.json()["message"]
    response = api_for(dialogue_member).get("/api/v1/lookup/", {"q": " ".join(words[:search.MAX_WORDS])})
    assert response.status_code == 200


def test_every_lookup_is_logged_with_who_what_and_which_cases(client, make_case, dialogue_member):
    first = make_case(address="Gothersgade 1")
    second = make_case(address="Gothersgade 2")
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:lookup"), {"q": "Gothersgade"})
    entry = AuditEntry.objects.get(action="case_lookup")
    assert entry.actor == dialogue_member
    assert entry.object_id == "gothersgade"
    assert first.reference in entry.detail and second.reference in entry.detail
    assert entry.at is not None


def test_card_read_is_logged(client, make_case, dialogue_member):
    case = make_case()
    client.force_login(dialogue_member)
    assert client.get(reverse("dialogueteam:card", args=[case.reference])).status_code == 200
    entry = AuditEntry.objects.get(action="read_case_card")
    assert (entry.actor, entry.object_type, entry.object_id) == (dialogue_member, "case", case.reference)


def test_a_short_search_gets_a_message_and_no_log(client, dialogue_member):
    client.force_login(dialogue_member)
    response = client.get(reverse("dialogueteam:lookup"), {"q": "ab"})
    assert response.status_code == 200
    assert "Type at least three letters or digits in one word." in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_staff_get_404_for_a_draft_card(client, make_case, dialogue_member):
    draft = make_case(status="draft")
    client.force_login(dialogue_member)
    assert client.get(reverse("dialogueteam:card", args=[draft.reference])).status_code == 404


def test_applicant_gets_404_for_a_card(client, make_case, applicant):
    case = make_case()
    client.force_login(applicant)
    assert client.get(reverse("dialogueteam:card", args=[case.reference])).status_code == 404


# --- Query bounds ---------------------------------------------------------------------------------------------------

def _on_postgresql() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


@pytest.mark.parametrize("rows", [1, 8])
def test_lookup_view_makes_three_queries_whatever_the_results(client, make_case, dialogue_member, rows,
                                                              django_assert_num_queries):
    for n in range(rows):
        make_case(address=f"Istedgade {n + 1}", caseworker=dialogue_member if n % 2 else None)
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:lookup"), {"q": "vesterbro"})  # the session; this connection prepares the search
    # Session, user with roles, and the search that writes its own read log (PostgreSQL). SQLite has no
    # data-modifying WITH: there the read log is a statement of its own.
    with django_assert_num_queries(3 if _on_postgresql() else 4):
        response = client.get(reverse("dialogueteam:lookup"), {"q": "istedgade"})
    assert response.content.decode().count("lookup-result\"") == rows
    assert AuditEntry.objects.filter(action="case_lookup", object_id="istedgade").count() == 1


def test_lookup_service_is_one_statement_on_postgresql(make_case, dialogue_member, django_assert_num_queries):
    cases = [make_case(address=f"Amagertorv {n + 1}") for n in range(5)]
    from permitportal.accounts import roles

    roles.role_names(dialogue_member)  # roles are read with the user, once per request
    for query in ("strøget", "B-2026-99998"):  # this connection prepares both shapes
        services.lookup(user=dialogue_member, query=query)
    one = 1 if _on_postgresql() else 2
    with django_assert_num_queries(one):
        services.lookup(user=dialogue_member, query="amagertorv")
    with django_assert_num_queries(one):
        services.lookup(user=dialogue_member, query=cases[0].reference)
    with django_assert_num_queries(one):  # shaped like a reference, not one: the search in the same statement
        services.lookup(user=dialogue_member, query="B-2026-99999")


def _logged():
    return list(AuditEntry.objects.filter(action="case_lookup").order_by("id")
                .values_list("actor_id", "object_type", "object_id", "detail"))


def test_the_read_log_lists_the_cases_shown_in_their_order(make_case, dialogue_member, settings):
    cases = [make_case(address=f"Vognmagergade {n + 1}") for n in range(4)]
    result = services.lookup(user=dialogue_member, query="Vognmagergade 3")
    assert refs(result)[0] == cases[2].reference
    assert _logged() == [(dialogue_member.pk, "case_search", "vognmagergade 3", "cases: " + " ".join(refs(result)))]


def test_the_read_log_names_only_the_shown_cases_when_more_match(make_case, dialogue_member):
    for n in range(search.RESULT_LIMIT + 1):
        make_case(address=f"Kronprinsensgade {n + 1}")
    found = services.lookup(user=dialogue_member, query="kronprinsensgade")
    assert len(found.cases) == search.RESULT_LIMIT and found.more
    assert _logged()[-1][3] == "cases: " + " ".join(refs(found))


def test_a_reference_lookup_is_logged_once_found_or_not(make_case, dialogue_member):
    case = make_case(address="Møntergade 4")
    services.lookup(user=dialogue_member, query=case.reference.lower())
    services.lookup(user=dialogue_member, query="B-2026-99999")  # not a case: the search runs too, one entry
    services.lookup(user=dialogue_member, query="møntergade")
    assert _logged() == [
        (dialogue_member.pk, "case_search", case.reference.lower(), f"cases: {case.reference}"),
        (dialogue_member.pk, "case_search", "b-2026-99999", "no cases"),
        (dialogue_member.pk, "case_search", "møntergade", f"cases: {case.reference}"),
    ]


@pytest.mark.parametrize("events", [1, 10])
def test_card_view_queries_do_not_grow(client, make_case, dialogue_member, caseworker, events,
                                       django_assert_max_num_queries):
    from applications.services import events as case_events

    case = make_case(status="in_review", caseworker=caseworker)
    for n in range(events):
        case_events.record(case=case, kind="document_added", params={"name": f"plan-{n}.pdf"})
        services.log_contact(actor=dialogue_member, channel="phone", topic="status", customer_group="private",
                             case=case, summary=f"Call {n}", forward_question=f"Question {n}?" if n % 2 else "")
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:lookup"))
    with django_assert_max_num_queries(13):
        response = client.get(reverse("dialogueteam:card", args=[case.reference]))
    assert response.status_code == 200


def test_property_without_cases_is_not_indexed(db):
    PropertyFactory(address="Tomvej 1")
    assert not CaseSearchEntry.objects.exists()


def test_a_house_number_beside_words_is_a_whole_number(make_case):
    twelve = make_case(address="Kirkevej 12", phone="+45 40 00 00 00")
    twelve_a = make_case(address="Kirkevej 12A", phone="+45 40 00 00 02")
    make_case(address="Kirkevej 3", phone="+45 40 12 12 12")
    make_case(address="Kirkevej 120", phone="+45 40 00 00 01")
    make_case(address="Kirkevej 9", phone="+45 40 00 01 82")
    assert find("kirkevej 12") == [twelve.reference, twelve_a.reference]
    assert find("kirkevej 182") == []
    assert find("kirkevej 12a") == [twelve_a.reference]


def test_a_short_word_must_start_a_word(make_case):
    ny = make_case(address="Ny Kongensgade 4")
    make_case(address="Kongensgade 4", name="Sonny Lund")
    assert find("ny kongensgade") == [ny.reference]


# --- The word index ---------------------------------------------------------------------------------------------------

def test_words_are_runs_of_letters_and_of_digits():
    assert search.words_of(" b-2026-00042 ågade 12a hanne.jensen42@mail.dk ågade ") == [
        "b", "2026", "00042", "ågade", "12", "a", "hanne", "jensen", "42", "mail", "dk"]
    assert search.words_of("") == []


def test_entries_keep_their_words_and_the_vocabulary_grows(make_case):
    from dialogueteam.models import SearchWord

    case = make_case(address="Æblevej 7", name="Åse Brøndum")
    words = CaseSearchEntry.objects.get(case=case).words.split()
    assert {"æblevej", "7", "åse", "brøndum", case.reference.split("-")[2]} <= set(words)
    assert set(words) <= set(SearchWord.objects.values_list("word", flat=True))


def test_a_fragment_across_words_of_the_text_is_found_exactly(make_case):
    wanted = make_case(address="Bispevej 3", email="bo.krag42@post.example.dk")
    make_case(address="Bispevej 4", email="bo.krag@post.example.dk")
    # "krag42@post" holds the words krag, 42 and post: all three must be in the entry, and the text exact.
    assert find("krag42@post") == [wanted.reference]
    assert find("rag42") == [wanted.reference]


def test_a_search_word_whose_pieces_are_all_short_still_searches(make_case):
    wanted = make_case(address="Kirkevej 12", email="a-b-c@example.dk")
    assert find("a-b-c") == [wanted.reference]


def test_the_word_indexes_answer_the_search_on_postgresql_and_sqlite_scans(make_case):
    from django.db import connection

    make_case(address="Nørrebrogade 12")
    _, text, params = search.search_statement(user=searcher(), query="rrebrogade")
    if connection.vendor != "postgresql":
        # SQLite has no word indexes: the plain LIKE on the text.
        assert "string_to_array" not in text and "dialogueteam_searchword" not in text
        assert find("rrebrogade")
        return
    plan = _plan(text, params)
    assert "dialogue_search_open_words" in plan and "dialogue_search_done_words" in plan


def _plan(text: str, params, *, analyze: bool = False) -> str:
    """PostgreSQL's plan for the statement, with sequential scans off: a test has a handful of rows, so
    this makes the planner show that it can use the indexes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN {'(ANALYZE, COSTS OFF, TIMING OFF) ' if analyze else ''}{text}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    return plan


def test_pairs_are_neighbouring_words_without_long_or_two_numbers():
    text = " b-2026-00042 ny havgade 163 2300 københavn s hanne jensen hanne.jensen42@mail.dk 4520123456 "
    assert search.pairs_of(text) == [
        "b 2026", "ny havgade", "havgade 163", "2300 københavn", "københavn s", "s hanne", "hanne jensen",
        "jensen hanne", "jensen 42", "42 mail", "mail dk"]
    assert search.pairs_of("") == [] and search.pairs_of(" ågade ") == []


def test_entries_keep_their_pairs(make_case):
    case = make_case(address="Æblevej 7", name="Åse Brøndum")
    pairs = CaseSearchEntry.objects.get(case=case).pairs.split(",")
    assert {"æblevej 7", "åse brøndum"} <= set(pairs)


@pytest.mark.parametrize(("query", "patterns"), [
    ("rrebrogade 12", [{"%rrebrogade 12"}]),                # the house number is whole
    ("hanne jense", [{"%hanne jense%"}]),                   # the last word may go on
    ("mmel tagens stræde 100", [{"%mmel tagens"}, {"tagens stræde"}, {"stræde 100"}]),  # words between are whole
    ("ny havgade 12", [{"havgade 12"}]),                    # "ny" is too short to look up the words it ends
    ("nørrebrogade 12a", [{"%nørrebrogade 12"}]),          # "a" may start any word: checked on the text
    ("maersk hansen", [{"%mærsk hansen%", "%maersk hansen%"}]),  # every spelling
    ("jensen", []),                                         # one word: nothing to pair
    ("20 12 34 56", []),                                    # a phone number is digits
])
def test_a_search_of_several_words_is_read_as_pairs(query, patterns):
    assert [pair.patterns for pair in search.query.phrase_pairs(search.parse_query(query))] == patterns


def test_the_pair_indexes_answer_a_search_as_written_and_word_by_word_is_skipped(make_case):
    wanted = make_case(address="Nørrebrogade 12")
    make_case(address="Nørrebrogade 14", postcode="1200")  # holds nørrebrogade and 12, not side by side
    assert find("rrebrogade 12") == [wanted.reference]
    postgresql_only("the plan reads the pair indexes and never runs word by word (SQLite: LIKE, the test above)")
    _, text, params = search.search_statement(user=searcher(), query="rrebrogade 12")
    plan = _plan(text, params, analyze=True)
    assert "dialogue_search_open_pairs" in plan and "dialogue_search_done_pairs" in plan
    # The phrase found the case: the word-by-word half is in the plan but never runs.
    word_scans = [line for line in plan.splitlines() if "dialogue_search_open_words" in line]
    assert word_scans and all("never executed" in line for line in word_scans)


def test_a_search_as_written_is_read_in_tiers_and_open_cases_first(make_case):
    """Whole words first, then the last word going on, then the first word ending another; a tier reads
    its finished cases only when it found too few open ones."""

    whole = [make_case(address=f"Ahornsgade {n + 1}", name="Hanne Jensen") for n in range(search.RESULT_LIMIT + 1)]
    closed = make_case(status="closed", address="Ahornsgade 99", name="Hanne Jensen")
    longer = make_case(address="Ahornsgade 50", name="Hanne Jensenius")
    ending = make_case(address="Ahornsgade 51", name="Johanne Jensen")
    found = search.search_cases(user=searcher(), query="hanne jensen")
    assert found.more and set(refs(found)) <= {case.reference for case in whole}
    assert search.search_cases(user=searcher(), query="hanne jensenius").cases[0].reference == longer.reference
    assert find("johanne jensen") == [ending.reference]
    # Fewer than a page of cases hold "hanne jensenius" or "johanne": the next tiers are read, best first.
    assert find("anne jensenius") == [longer.reference]
    assert closed.reference not in refs(found)
    postgresql_only("the plan reads the tiers in order and the finished cases only when the open ones are too few")
    _, text, params = search.search_statement(user=searcher(), query="hanne jensen")
    plan = _plan(text, params, analyze=True)
    # The first tier found a page of open cases: its finished half and the later tiers never ran.
    done_scans = [line for line in plan.splitlines() if "dialogue_search_done_pairs" in line]
    open_scans = [line for line in plan.splitlines() if "dialogue_search_open_pairs" in line]
    assert done_scans and all("never executed" in line for line in done_scans)
    assert sum("never executed" not in line for line in open_scans) == 1


def test_one_word_is_found_whole_first_and_a_page_of_those_ends_the_search(make_case):
    whole = [make_case(address=f"Bryggervangen {n + 1}", name="Ida Jensen") for n in range(search.RESULT_LIMIT + 1)]
    longer = make_case(address="Bryggervangen 90", name="Ida Jensens")
    found = search.search_cases(user=searcher(), query="JENSEN")
    assert found.more and set(refs(found)) <= {case.reference for case in whole}
    assert find("jensens") == [longer.reference]
    assert find("nsens") == [longer.reference]  # no case holds it whole: word by word, inside words too
    postgresql_only("the plan reads the whole word from the word index and skips word by word")
    _, text, params = search.search_statement(user=searcher(), query="jensen")
    plan = _plan(text, params, analyze=True)
    # A page of open cases hold the whole word: the finished ones and the word-by-word search never ran.
    word_scans = [line for line in plan.splitlines() if "dialogue_search_" in line and "Bitmap Index Scan" in line]
    ran = [line for line in word_scans if "never executed" not in line]
    assert len(word_scans) == 4 and len(ran) == 1 and "dialogue_search_open_words" in ran[0]


def test_the_signed_in_users_roles_come_with_the_user(client, dialogue_member, django_assert_num_queries):
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:lookup"))
    # The lookup page without a search: session, user with roles, and the three work lists.
    with django_assert_num_queries(5) as captured:
        client.get(reverse("dialogueteam:lookup"))
    assert not any('FROM "auth_group"' in q["sql"] for q in captured.captured_queries)  # no roles query of its own


# --- Result cards ---------------------------------------------------------------------------------------------------

def _cards(rows, language="en"):
    import re

    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        html = Template("{% load lookup_results %}{% lookup_results rows '/dialogue/case/' %}").render(
            Context({"rows": rows}))
    return re.findall(r'<li class="card mb-2 lookup-result">(.*?)</li>', html)


def _row(**changes):
    import datetime

    return {"reference": "B-2026-00001", "address": "Nørrebrogade 12, 2200 København N", "applicant_name": "Hanne",
            "status_text": "In review", "waiting_for_text": "the municipality",
            "expected_decision_date": datetime.date(2027, 1, 9), "expected_text": "Expected decision 9 Jan 2027",
            "clock_label": "On track", "clock_badge": "text-bg-success",
            "caseworker": {"name": "Ole Holm", "phone": "+45 33 66 33 66"}, **changes}


def test_a_result_card_links_the_case_and_says_status_ball_date_and_caseworker():
    [card] = _cards([_row()])
    assert '<a href="/dialogue/case/B-2026-00001/">B-2026-00001</a>' in card
    assert "· Nørrebrogade 12, 2200 København N" in card and "<strong>In review</strong>" in card
    assert ('Who has the ball: the municipality · Expected decision 9 Jan 2027 '
            '<span class="badge text-bg-success">On track</span> · Caseworker: Ole Holm, +45 33 66 33 66') in card


def test_a_result_card_without_date_badge_caseworker_or_phone_says_so_in_danish():
    cards = _cards([_row(expected_decision_date=None, caseworker=None),
                    _row(clock_label="", caseworker={"name": "Ole Holm", "phone": ""})], language="da")
    assert "Hvem har bolden: the municipality · Ingen forventet dato · Ingen sagsbehandler endnu" in cards[0]
    assert "badge" not in cards[1]
    assert cards[1].endswith("Expected decision 9 Jan 2027 · Sagsbehandler: Ole Holm</p></div>")


def test_a_result_card_escapes_what_people_typed():
    [card] = _cards([_row(applicant_name="<script>x</script>", caseworker={"name": "A & B", "phone": '"1"'})])
    assert "<script>" not in card and "&lt;script&gt;x&lt;/script&gt;" in card
    assert "Caseworker: A &amp; B, &quot;1&quot;" in card


def test_the_migration_gives_entries_written_before_it_their_ascii_spellings(make_case):
    from importlib import import_module

    from django.apps import apps

    from dialogueteam.models import SearchWord

    migration = import_module("dialogueteam.migrations.0005_structure_ascii_spellings")
    case = make_case(name="Bjørn Hansen")
    entry = CaseSearchEntry.objects.get(case=case)
    plain = entry.search_text[:entry.search_text.index(search.ascii_spellings(entry.search_text))]
    CaseSearchEntry.objects.filter(pk=entry.pk).update(search_text=plain, words=" ".join(search.words_of(plain)),
                                                       pairs=",".join(search.pairs_of(plain)))
    SearchWord.objects.filter(word="bjorn").delete()
    assert find("bjorn") == []
    migration.add_ascii_spellings(apps, None)
    assert find("bjorn") == [case.reference]
    assert CaseSearchEntry.objects.get(pk=entry.pk).search_text == entry.search_text


def searcher():
    """A dialogue-team member of the default municipality (where the factories' properties are)."""
    from permitportal.accounts.models import User
    from tests.factories import UserFactory

    return User.objects.filter(email="searcher@example.dk").first() or UserFactory(role="dialogue_team",
                                                                                   email="searcher@example.dk")
