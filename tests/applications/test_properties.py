"""The property register: CSV import, search, autocomplete, API and corrections."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from applications.models import Municipality, Property, PropertyCorrection
from applications.selectors.properties import search_properties
from applications.services.properties import ImportFileError, import_properties, report_correction
from tests.applications.factories import PropertyFactory

DEMO_CSV = Path(__file__).resolve().parents[2] / "applications" / "data" / "demo_properties.csv"
HEADER = "address,postcode,city,cadastral_number,property_number,zoning_plan,year_built,built_area,use\n"


def write_csv(tmp_path, body: str, *, header: str = HEADER, name="register.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes((header + body).encode(encoding))
    return path


GOOD_ROWS = (
    'Æbeløgade 4,2100,København Ø,"1234a Østerbro, København",5101001,Lokalplan 123 Nordhavn,1962,142,'
    "Fritliggende enfamiliehus\n"
    'Gl. Køge Landevej 55,2500,Valby,"88b Valby, København",5101002,,1971,3400,Industri og lager\n'
    'Vesterbrogade 10,1620,København V,"12 Udenbys Vester Kvarter, København",5101003,,1895,2100,'
    "Etageboligbebyggelse\n"
)


# --- Import -----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_import_creates_properties(tmp_path):
    report = import_properties(path=write_csv(tmp_path, GOOD_ROWS))
    assert report.created == [2, 3, 4]
    assert report.skipped == []
    prop = Property.objects.get(property_number="5101001")
    assert prop.address == "Æbeløgade 4"
    assert prop.cadastral_number == "1234a Østerbro, København"
    assert (prop.year_built, prop.built_area, prop.use) == (1962, 142, "Fritliggende enfamiliehus")
    assert prop.zoning_plan == "Lokalplan 123 Nordhavn"
    assert Property.objects.get(property_number="5101002").zoning_plan == ""


@pytest.mark.django_db
def test_import_twice_is_idempotent(tmp_path):
    path = write_csv(tmp_path, GOOD_ROWS)
    import_properties(path=path)
    first = list(Property.objects.order_by("property_number").values())
    report = import_properties(path=path)
    assert Property.objects.count() == 3
    assert (report.created, report.updated, report.unchanged) == ([], [], [2, 3, 4])
    assert list(Property.objects.order_by("property_number").values()) == first


@pytest.mark.django_db
def test_import_updates_by_property_number(tmp_path):
    import_properties(path=write_csv(tmp_path, GOOD_ROWS))
    changed = GOOD_ROWS.replace(",1962,142,", ",1964,150,")
    report = import_properties(path=write_csv(tmp_path, changed, name="v2.csv"))
    assert report.updated == [2]
    assert report.unchanged == [3, 4]
    prop = Property.objects.get(property_number="5101001")
    assert (prop.year_built, prop.built_area) == (1964, 150)
    assert Property.objects.count() == 3


@pytest.mark.django_db
def test_bad_rows_are_skipped_with_line_and_reason(tmp_path):
    next_year = timezone.localdate().year + 1
    body = (
        GOOD_ROWS  # lines 2-4
        + ',2100,København Ø,"1 Østerbro, København",5101010,,1960,100,Rækkehus\n'  # 5: no address
        + 'Rosenvængets Allé 3,2100,København Ø,"2 Østerbro, København",5101011,,nittenhundrede,100,Rækkehus\n'  # 6
        + f'Rosenvængets Allé 5,2100,København Ø,"3 Østerbro, København",5101012,,{next_year},100,Rækkehus\n'  # 7
        + 'Rosenvængets Allé 7,21000,København Ø,"4 Østerbro, København",5101013,,1930,100,Rækkehus\n'  # 8
        + 'Rosenvængets Allé 9,DK-2100,København Ø,"5 Østerbro, København",5101014,,1930,100,Rækkehus\n'  # 9
        + 'Rosenvængets Allé 11,2100,København Ø,"6 Østerbro, København",5101001,,1930,100,Rækkehus\n'  # 10: dup
        + 'Rosenvængets Allé 13,2100,København Ø,"7 Østerbro, København",5101015,,1930,"12,5",Rækkehus\n'  # 11
        + 'Rosenvængets Allé 15,2100,,"8 Østerbro, København",,,1930,100,Rækkehus\n'  # 12: city and number
        + 'Rosenvængets Allé 17,2100,København Ø,"9 Østerbro, København",5101016,,,,\n'  # 13: fine, optional empty
    )
    report = import_properties(path=write_csv(tmp_path, body))
    reasons = {row.line: row.reason for row in report.skipped}
    assert sorted(reasons) == [5, 6, 7, 8, 9, 10, 11, 12]
    assert reasons[5] == "missing address"
    assert "“nittenhundrede” is not a year" in reasons[6]
    assert f"{next_year} is in the future" in reasons[7]
    assert "“21000” is not a Danish postcode" in reasons[8]
    assert "“DK-2100” is not a Danish postcode" in reasons[9]
    assert "already on line 2" in reasons[10]
    assert "“12,5” must be a whole number of square metres" in reasons[11]
    assert reasons[12] == "missing city, property number"
    assert report.created == [2, 3, 4, 13]
    assert Property.objects.count() == 4
    assert Property.objects.get(property_number="5101016").year_built is None


@pytest.mark.django_db
def test_line_numbers_count_quoted_line_breaks(tmp_path):
    body = ('"Strandvejen 1",2100,København Ø,"1 Østerbro,\nKøbenhavn",5101020,,1930,100,Villa\n'
            "Strandvejen 3,2100,København Ø,x,5101021,,1830x,100,Villa\n")
    report = import_properties(path=write_csv(tmp_path, body))
    assert report.created == [3]
    assert [r.line for r in report.skipped] == [4]


@pytest.mark.django_db
def test_semicolon_file_with_bom_from_excel(tmp_path):
    header = "\ufeff" + HEADER.replace(",", ";")
    body = 'Æbeløgade 4;2100;København Ø;1234a Østerbro, København;5101001;;1962;142;Rækkehus\n'
    report = import_properties(path=write_csv(tmp_path, body, header=header))
    assert report.created == [2]
    assert Property.objects.get().cadastral_number == "1234a Østerbro, København"


@pytest.mark.django_db
def test_file_without_required_column_is_refused(tmp_path):
    path = write_csv(tmp_path, "Æbeløgade 4,2100\n", header="address,postcode\n")
    with pytest.raises(ImportFileError) as exc:
        import_properties(path=path)
    assert "no column city, cadastral_number, property_number" in str(exc.value)
    assert Property.objects.count() == 0


@pytest.mark.django_db
def test_latin1_file_is_refused_with_advice(tmp_path):
    path = write_csv(tmp_path, GOOD_ROWS, encoding="latin-1")
    with pytest.raises(ImportFileError) as exc:
        import_properties(path=path)
    assert "Save it as “CSV UTF-8”" in str(exc.value)


@pytest.mark.django_db
def test_command_prints_created_updated_skipped_with_lines(tmp_path):
    body = GOOD_ROWS + 'Rosenvængets Allé 3,2100,København Ø,x,5101011,,19xx,100,Rækkehus\n'
    path = write_csv(tmp_path, body)
    out = io.StringIO()
    call_command("import_properties", str(path), stdout=out)
    text = out.getvalue()
    assert "created: 3 (lines 2-4)" in text
    assert "updated: 0" in text
    assert "skipped: 1" in text
    assert "line 5: the year built “19xx” is not a year" in text
    out = io.StringIO()
    call_command("import_properties", str(path), stdout=out)
    assert "created: 0" in out.getvalue() and "unchanged: 3" in out.getvalue()


@pytest.mark.django_db
def test_command_fails_clearly_on_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read the file"):
        call_command("import_properties", str(tmp_path / "nope.csv"))


@pytest.mark.django_db
def test_demo_file_is_clean_and_big_enough():
    from applications.demo import DEMO_MUNICIPALITIES

    for values in DEMO_MUNICIPALITIES:
        Municipality.objects.update_or_create(code=values["code"], defaults=values)
    report = import_properties(path=DEMO_CSV)
    assert report.skipped == []
    assert len(report.created) >= 220
    rows = list(csv.DictReader(DEMO_CSV.open(encoding="utf-8")))
    years = [int(r["year_built"]) for r in rows]
    assert min(years) >= 1850 and max(years) <= 2020
    assert sum(1950 <= y <= 1977 for y in years) >= 50
    assert {r["postcode"] for r in rows} >= {"1050", "2100", "2200", "2300", "2500", "2770"}
    assert all("1050" <= r["postcode"] <= "2770" for r in rows)
    assert {"Fritliggende enfamiliehus", "Rækkehus", "Etageboligbebyggelse", "Kontor", "Industri og lager"} <= {
        r["use"] for r in rows}
    again = import_properties(path=DEMO_CSV)
    assert again.created == [] and again.updated == [] and len(again.unchanged) == len(rows)


@pytest.mark.django_db
def test_seed_demo_hook_loads_the_register():
    from applications import demo

    demo.load_municipalities(stdout=io.StringIO())
    lines = demo.load_properties(stdout=io.StringIO())
    assert Property.objects.count() >= 220
    assert "created" in lines[0]
    assert Property.objects.filter(municipality__code="0147").count() >= 20
    assert Property.objects.get(address="Kongens Nytorv 2").municipality.code == "0101"
    assert demo.load_properties in demo.LOADERS


# --- Search -----------------------------------------------------------------------------------

@pytest.fixture
def streets(db):
    for address, postcode, city in [
        ("Æbeløgade 4", "2100", "København Ø"),
        ("Østerbrogade 12", "2100", "København Ø"),
        ("Østerbrogade 120", "2100", "København Ø"),
        ("Østerbrogade 12A", "2100", "København Ø"),
        ("Brogade 3", "2300", "København S"),
        ("Lille Brogade 7", "2300", "København S"),
        ("Nørrebrogade 5", "2200", "København N"),
        ("Vesterbrogade 1", "1620", "København V"),
        ("Gl. Køge Landevej 55", "2500", "Valby"),
        ("Gl. Køge Landevej 55", "2650", "Hvidovre"),
        ("Ålekistevej 20", "2720", "Vanløse"),
    ]:
        PropertyFactory(address=address, postcode=postcode, city=city)


def addresses(query, limit=10):
    return [p.address for p in search_properties(query=query, limit=limit)]


def test_search_finds_partial_words(streets):
    assert addresses("beløg") == ["Æbeløgade 4"]
    assert addresses("køge 55") == ["Gl. Køge Landevej 55", "Gl. Køge Landevej 55"]


@pytest.mark.parametrize("query", ["æbeløgade", "ÆBELØGADE", "Æbeløgade", "æBELøGADE 4", "aebeloegade"])
def test_search_danish_letters_in_any_case(streets, query):
    assert addresses(query) == ["Æbeløgade 4"]


@pytest.mark.parametrize("query", ["ålekistevej", "ÅLEKISTEVEJ 20", "aalekistevej"])
def test_search_aa_and_å(streets, query):
    assert addresses(query) == ["Ålekistevej 20"]


def test_search_every_word_must_match(streets):
    assert addresses("østerbrogade 2200") == []
    assert addresses("brogade 2300") == ["Brogade 3", "Lille Brogade 7"]


def test_search_by_postcode_city_and_numbers(streets):
    assert addresses("valby") == ["Gl. Køge Landevej 55"]
    prop = Property.objects.get(address="Æbeløgade 4")
    assert addresses(prop.property_number) == ["Æbeløgade 4"]
    assert addresses(prop.cadastral_number.split()[0]) == ["Æbeløgade 4"]


def test_ranking_prefix_then_word_start_then_inside(streets):
    assert addresses("brogade") == ["Brogade 3", "Lille Brogade 7", "Nørrebrogade 5", "Vesterbrogade 1",
                                    "Østerbrogade 12", "Østerbrogade 120", "Østerbrogade 12A"]
    assert addresses("øster")[:1] == ["Østerbrogade 12"]


def test_ranking_exact_address_first(streets):
    assert addresses("ØSTERBROGADE 12") == ["Østerbrogade 12", "Østerbrogade 120", "Østerbrogade 12A"]
    assert addresses("Østerbrogade 12, 2100")[0] == "Østerbrogade 12"


def test_search_limit_and_empty_query(streets):
    assert len(addresses("gade", limit=3)) == 3
    assert addresses("   ") == []
    assert addresses(",") == []


def test_search_escapes_wildcards(streets):
    assert addresses("%%%") == []
    assert addresses("___") == []


# --- Autocomplete (JSON for the address field) ----------------------------------------------

def test_autocomplete_returns_id_and_label(client, streets):
    response = client.get(reverse("applications:property_autocomplete"), {"q": "æbeløgade"})
    assert response.status_code == 200
    prop = Property.objects.get(address="Æbeløgade 4")
    assert response.json() == [{"id": prop.pk, "label": "Æbeløgade 4, 2100 København Ø"}]


@pytest.mark.parametrize("query", ["", "æb", "  æ  ", "12"])
def test_autocomplete_needs_three_characters(client, streets, query, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("applications:property_autocomplete"), {"q": query})
    assert response.status_code == 200
    assert response.json() == []


def test_autocomplete_query_count_does_not_grow(client, db, django_assert_num_queries):
    PropertyFactory.create_batch(3, address=factory_address())
    with django_assert_num_queries(1):
        few = client.get(reverse("applications:property_autocomplete"), {"q": "testgade"}).json()
    PropertyFactory.create_batch(40, address=factory_address())
    with django_assert_num_queries(1):
        many = client.get(reverse("applications:property_autocomplete"), {"q": "testgade"}).json()
    assert len(few) == 3 and len(many) == 10


def factory_address():
    import factory

    return factory.Sequence(lambda n: f"Testgade {n}")


def test_autocomplete_is_get_only(client, db):
    assert client.post(reverse("applications:property_autocomplete"), {"q": "abc"}).status_code == 405


# --- API --------------------------------------------------------------------------------------

def test_api_properties_anonymous_search(streets):
    response = APIClient().get("/api/v1/properties/", {"q": "ÆBELØ"})
    assert response.status_code == 200
    prop = Property.objects.get(address="Æbeløgade 4")
    assert response.json() == [{
        "id": prop.pk, "address": "Æbeløgade 4", "postcode": "2100", "city": "København Ø",
        "cadastral_number": prop.cadastral_number, "property_number": prop.property_number,
        "zoning_plan": "Lokalplan 123 Nordhavn", "year_built": 1962, "built_area": 140,
        "use": "Fritliggende enfamiliehus", "municipality": settings.DEFAULT_MUNICIPALITY_CODE,
    }]


@pytest.mark.parametrize("query", [None, "", "æb"])
def test_api_properties_short_query_is_400_with_message(streets, query):
    params = {} if query is None else {"q": query}
    response = APIClient().get("/api/v1/properties/", params)
    assert response.status_code == 400
    assert response.json()["message"] == "Type at least 3 characters of the address, for example the street name."


def test_api_properties_in_danish(streets):
    response = APIClient().get("/api/v1/properties/", {"q": "æb"}, HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 400
    assert "mindst 3 tegn" in response.json()["message"]


def test_api_properties_limit(streets):
    client = APIClient()
    assert len(client.get("/api/v1/properties/", {"q": "gade", "limit": 2}).json()) == 2
    response = client.get("/api/v1/properties/", {"q": "gade", "limit": 500})
    assert response.status_code == 400
    assert "from 1 to 50" in response.json()["message"]


def test_api_property_detail(streets):
    prop = Property.objects.get(address="Brogade 3")
    client = APIClient()
    assert client.get(f"/api/v1/properties/{prop.pk}/").json()["address"] == "Brogade 3"
    missing = client.get("/api/v1/properties/999999/")
    assert missing.status_code == 404
    assert "Search with ?q=" in missing.json()["message"]


def test_api_properties_query_count_does_not_grow(db, django_assert_max_num_queries):
    client = APIClient()
    PropertyFactory.create_batch(2, address=factory_address())
    with django_assert_max_num_queries(1):
        assert len(client.get("/api/v1/properties/", {"q": "testgade"}).json()) == 2
    PropertyFactory.create_batch(30, address=factory_address())
    with django_assert_max_num_queries(1):
        assert len(client.get("/api/v1/properties/", {"q": "testgade"}).json()) == 20


# --- Corrections ------------------------------------------------------------------------------

def test_report_correction(db, applicant):
    prop = PropertyFactory(year_built=1962)
    correction = report_correction(property=prop, field="year_built", reported_value=" 1958 ",
                                   comment="Built 1958, see the deed.", user=applicant)
    correction.refresh_from_db()
    assert (correction.field, correction.register_value, correction.reported_value) == ("year_built", "1962", "1958")
    assert correction.comment == "Built 1958, see the deed."
    assert correction.reported_by == applicant
    assert correction.resolved_at is None
    prop.refresh_from_db()
    assert prop.year_built == 1962, "the register is not changed by a report"


def test_report_correction_of_an_empty_value(db):
    prop = PropertyFactory(zoning_plan="")
    correction = report_correction(property=prop, field="zoning_plan", reported_value="Lokalplan 62 Brønshøj")
    assert correction.register_value == "" and correction.reported_by is None


@pytest.mark.parametrize("field", ["address", "property_number", "search_text", ""])
def test_report_correction_refuses_other_fields(db, field):
    prop = PropertyFactory()
    with pytest.raises(ValidationError) as exc:
        report_correction(property=prop, field=field, reported_value="x")
    assert exc.value.code == "invalid_field"
    assert "You can correct: year built, built area (m²), use, zoning plan." in exc.value.messages[0]
    assert not PropertyCorrection.objects.exists()


@pytest.mark.parametrize("field, value, code", [
    ("year_built", "", "required"),
    ("year_built", "sidst i halvtredserne", "invalid_year"),
    ("year_built", "2999", "invalid_year"),
    ("built_area", "140,5", "invalid_area"),
    ("built_area", "0", "invalid_area"),
    ("built_area", "140", "unchanged"),
    ("use", "fritliggende ENFAMILIEHUS", "unchanged"),
])
def test_report_correction_checks_the_value(db, field, value, code):
    prop = PropertyFactory(built_area=140, use="Fritliggende enfamiliehus")
    with pytest.raises(ValidationError) as exc:
        report_correction(property=prop, field=field, reported_value=value)
    assert exc.value.code == code
    assert not PropertyCorrection.objects.exists()


def test_api_property_detail_query_count(streets, django_assert_num_queries):
    prop = Property.objects.get(address="Brogade 3")
    with django_assert_num_queries(1):
        assert APIClient().get(f"/api/v1/properties/{prop.pk}/").status_code == 200


@pytest.mark.django_db
def test_the_register_import_takes_the_municipality_code(tmp_path):
    """issue 19, item 1: a row's municipality_code names its municipality; without one it lands in the
    default (settings.DEFAULT_MUNICIPALITY_CODE); an unknown or malformed code skips the row."""
    frb = Municipality.objects.create(code="0147", name="Frederiksberg")
    path = write_csv(tmp_path, header=HEADER.rstrip("\n") + ",municipality_code\n", body=(
        'Godthåbsvej 87,2000,Frederiksberg,4337b Frederiksberg,964646,,1863,4868,Etageboligbebyggelse,0147\n'
        'Njalsgade 20,2300,København S,"12a Amager, København",7000001,,1990,300,Kontor,\n'
        'Hovedgaden 1,4000,Roskilde,1a Roskilde,7000002,,1990,300,Kontor,0265\n'
        'Hovedgaden 2,4000,Roskilde,1b Roskilde,7000003,,1990,300,Kontor,265\n'))
    report = import_properties(path=path)
    assert report.created == [2, 3]
    assert [(row.line, row.reason) for row in report.skipped] == [
        (4, "no municipality has the code 0265; add it in the admin first"),
        (5, "the municipality code “265” is not four digits, e.g. 0101")]
    assert Property.objects.get(property_number="964646").municipality == frb
    assert Property.objects.get(property_number="7000001").municipality.code == settings.DEFAULT_MUNICIPALITY_CODE
