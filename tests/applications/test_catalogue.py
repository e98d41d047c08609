"""The catalogue file: checking, loading (idempotent, versioned), the document rules, the commands, the admin."""

import copy

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from applications.models import (
    ApplicationType,
    CatalogueVersion,
    DocumentRequirement,
    GuideOption,
    GuideQuestion,
    RequirementRule,
)
from applications.selectors.catalogue import catalogue_as_data
from applications.services.catalogue import (
    DEFAULT_PATH,
    CatalogueError,
    check_catalogue,
    current_version,
    load_catalogue,
    read_catalogue,
    requirements_for,
)

DESIGN_TYPES = {
    "small-building": 40, "single-family-house": 40, "industry-storage": 50, "commercial-multistorey": 55,
    "housing-multistorey": 60, "other-structure": 40, "change-of-use": 40, "demolition": 14,
}
DESIGN_REQUIREMENTS = {"site-plan", "floor-plans", "sections", "facades", "power-of-attorney", "structural-docs",
                       "fire-docs", "energy-frame", "waste-screening", "use-description"}


@pytest.fixture
def data():
    return read_catalogue()


def write(tmp_path, data, name="catalogue.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def question(data, code):
    return next(q for q in data["guide"]["questions"] if q["code"] == code)


# --- The shipped file ------------------------------------------------------------------------------

def test_the_shipped_catalogue_passes_the_check(data):
    assert check_catalogue(data=data) == []


def test_the_shipped_catalogue_has_every_type_and_requirement_of_the_design(data):
    assert {t["code"]: t["service_target_days"] for t in data["application_types"]} == DESIGN_TYPES
    assert DESIGN_REQUIREMENTS <= {r["code"] for r in data["requirements"]}
    # BR18 § 47: demolition needs a permit (it was a notification before BR18).
    assert {t["kind"] for t in data["application_types"]} == {"permit"}
    scopes = {t["code"]: t["service_target_scope"] for t in data["application_types"]}
    assert {c for c, scope in scopes.items() if scope == "local"} == {"other-structure", "change-of-use", "demolition"}
    for requirement in data["requirements"]:
        for field in ("title", "explanation", "good_example"):
            assert requirement[field]["en"] and requirement[field]["da"], (requirement["code"], field)
        assert set(requirement["accepted_formats"]) <= {"pdf", "png", "jpeg"}


def test_every_type_asks_for_a_power_of_attorney_when_applying_for_someone_else(data):
    for app_type in data["application_types"]:
        rule = next(r for r in app_type["rules"] if r["requirement"] == "power-of-attorney")
        assert (rule["rule"], rule["condition"]) == ("required_if", {"applying_for": ["other"]}), app_type["code"]


def test_the_check_command_passes_on_the_shipped_file(capsys):
    call_command("check_catalogue")
    assert "Catalogue 2026.2 is fine." in capsys.readouterr().out


# --- Problems the check finds -----------------------------------------------------------------------

def test_check_finds_a_dead_end(data):
    option = question(data, "house-work")["options"][0]
    del option["next"]
    problems = check_catalogue(data=data)
    assert "question `house-work`, option `new`: leads nowhere (dead end): give it a `next` question or an " \
           "`outcome`." in problems


def test_check_finds_a_question_nobody_can_reach(data):
    data["guide"]["questions"].append({"code": "orphan", "text": {"en": "Lost?", "da": "Væk?"},
                                       "options": [{"code": "x", "label": {"en": "X", "da": "X"},
                                                    "outcome": "predialogue-not-sure"}]})
    assert "question `orphan` cannot be reached from the start question `project` (dead end)." \
        in check_catalogue(data=data)


def test_check_finds_a_cycle(data):
    question(data, "house-fire-class")["options"][0] = {"code": "class-1", "label": {"en": "Class 1", "da": "Klasse 1"},
                                                       "next": "house-work"}
    problems = check_catalogue(data=data)
    cycles = [p for p in problems if "circle" in p]
    assert len(cycles) == 1
    assert ("house-work -> house-kind -> house-heated-area -> house-construction-class -> house-fire-class -> "
            "house-work") in cycles[0]


def test_check_finds_unknown_codes(data):
    question(data, "project")["options"][0]["next"] = "no-such-question"
    question(data, "other-what")["options"][1]["outcome"] = "no-such-outcome"
    area = next(o for o in data["guide"]["outcomes"] if o["code"] == "apply-small-building-area")
    area["application_type"] = "castle"
    data["application_types"][0]["rules"].append({"requirement": "moat-survey", "rule": "always"})
    data["application_types"][1]["rules"][-1]["condition"] = {"house-colour": ["red"]}
    data["application_types"][2]["rules"][-1]["condition"] = {"industry-work": ["rebuild"]}
    problems = check_catalogue(data=data)
    assert "question `project`, option `small-building`: unknown next question `no-such-question`." in problems
    assert "question `other-what`, option `aerial`: unknown outcome `no-such-outcome`." in problems
    assert "outcome `apply-small-building-area`: unknown application type `castle`." in problems
    assert "application type `small-building`: unknown requirement `moat-survey` in its rules." in problems
    assert any("unknown fact `house-colour`" in p for p in problems)
    assert any("`rebuild` is not an answer to `industry-work`" in p for p in problems)


def test_check_finds_duplicate_codes(data):
    data["requirements"].append(copy.deepcopy(data["requirements"][0]))
    question(data, "project")["options"].append(copy.deepcopy(question(data, "project")["options"][0]))
    problems = check_catalogue(data=data)
    assert "requirements: the code `site-plan` is used more than once." in problems
    assert "question `project` options: the code `small-building` is used more than once." in problems


def test_check_finds_missing_texts_and_bad_values(data):
    del data["requirements"][0]["good_example"]["da"]
    data["application_types"][0]["service_target_days"] = 0
    data["application_types"][0]["kind"] = "wish"
    question(data, "small-boundary")["options"][0]["code"] = True  # an unquoted yes
    del data["version"]
    problems = check_catalogue(data=data)
    assert "requirement `site-plan`: `good_example` has no Danish (da) text." in problems
    assert "application type `small-building`: `service_target_days` must be a whole number of days above 0." \
        in problems
    assert "application type `small-building`: `kind` must be one of permit, notification." in problems
    assert any("must be written in quotes" in p for p in problems)
    assert any(p.startswith("`version` is missing") for p in problems)


def test_check_fails_on_a_rule_without_a_source(data):
    house = next(t for t in data["application_types"] if t["code"] == "single-family-house")
    del next(r for r in house["rules"] if r["requirement"] == "energy-frame")["source"]
    del house["source"]
    del next(o for o in data["guide"]["outcomes"] if o["code"] == "apply-demolition")["source"]
    problems = check_catalogue(data=data)
    assert "application type `single-family-house`, rule for `energy-frame`: names no source; give the paragraph " \
           "and the page it was checked against." in problems
    assert "application type `single-family-house`: names no source; give the paragraph and the page it was " \
           "checked against." in problems
    assert "outcome `apply-demolition`: names no source; give the paragraph and the page it was checked " \
           "against." in problems
    assert len(problems) == 3


def test_check_fails_on_an_unknown_or_incomplete_source(data):
    small = data["application_types"][0]
    small["rules"][0]["source"] = "br99"
    small["rules"][1]["source"] = {"paragraph": "BR18 § 10"}
    small["rules"][2]["source"] = {"paragraph": "BR18 § 10", "page": "bygningsreglementet.dk", "verified": "yes"}
    data["sources"]["waste"]["page"] = ""
    problems = check_catalogue(data=data)
    assert "application type `small-building`, rule for `site-plan`: unknown source `br99`." in problems
    assert "application type `small-building`, rule for `floor-plans`: the source needs a `page`." in problems
    assert "application type `small-building`, rule for `facades`: the source's `page` must be the address " \
           "(https://…) of the page checked." in problems
    assert "application type `small-building`, rule for `facades`: the source's `verified` must be true or " \
           "false." in problems
    assert "source `waste`: the source needs a `page`." in problems


def test_every_source_names_a_paragraph_and_the_page_it_was_checked_against(data):
    assert data["sources"]
    for code, source in data["sources"].items():
        assert source["paragraph"].strip() and source["page"].startswith("http"), code
        assert isinstance(source["verified"], bool), code
        if not source["verified"]:
            assert source.get("note"), f"source `{code}` is marked unverified without saying why"


def test_check_command_lists_each_problem_and_fails(tmp_path, data, capsys):
    del question(data, "house-work")["options"][0]["next"]
    question(data, "other-what")["options"][2]["outcome"] = "nowhere"
    with pytest.raises(CommandError, match="2 problem"):
        call_command("check_catalogue", path=str(write(tmp_path, data)))
    err = capsys.readouterr().err
    assert "- question `house-work`, option `new`: leads nowhere" in err
    assert "- question `other-what`, option `mast`: unknown outcome `nowhere`." in err


def test_check_command_explains_an_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "broken.yaml"
    bad.write_text("version: [unclosed", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("check_catalogue", path=str(bad))
    assert "is not valid YAML" in capsys.readouterr().err


# --- Loading -------------------------------------------------------------------------------------

def test_loading_creates_the_catalogue(catalogue):
    assert catalogue.version == "2026.2" and catalogue.is_current
    assert current_version() == "2026.2"
    assert ApplicationType.objects.count() == 8
    assert DocumentRequirement.objects.filter(code__in=DESIGN_REQUIREMENTS).count() == len(DESIGN_REQUIREMENTS)
    assert GuideQuestion.objects.get(is_start=True).code == "project"
    assert catalogue.snapshot["version"] == "2026.2"
    option = GuideOption.objects.get(question__code="house-building-age", code="1950-1977")
    assert option.register_match == {"min": 1950, "max": 1977}
    # Each rule keeps its source, resolved from the file's `sources`.
    rule = RequirementRule.objects.get(application_type__code="demolition", requirement__code="waste-screening")
    assert rule.source["paragraph"].startswith("Affaldsbekendtgørelsen (BEK nr. 2159 af 9.12.2020) §§ 68-69")
    assert rule.source["page"].startswith("https://") and rule.source["verified"] is True
    demolition = ApplicationType.objects.get(code="demolition")
    assert demolition.kind == "permit" and demolition.has_local_target
    assert not ApplicationType.objects.get(code="single-family-house").has_local_target


def test_loading_the_same_file_twice_changes_nothing(catalogue, django_assert_max_num_queries):
    counts = [m.objects.count() for m in (ApplicationType, DocumentRequirement, RequirementRule, GuideQuestion,
                                          GuideOption)]
    with django_assert_max_num_queries(3):
        again = load_catalogue()
    assert again.pk == catalogue.pk
    assert CatalogueVersion.objects.count() == 1
    assert counts == [m.objects.count() for m in (ApplicationType, DocumentRequirement, RequirementRule,
                                                  GuideQuestion, GuideOption)]


def test_a_changed_file_makes_a_new_current_version(catalogue, tmp_path, data):
    data["version"] = "2026.3"
    data["application_types"][0]["service_target_days"] = 35
    house = next(t for t in data["application_types"] if t["code"] == "single-family-house")
    house["rules"] = [r for r in house["rules"] if r["requirement"] != "sections"]
    new = load_catalogue(path=write(tmp_path, data))
    assert new.version == "2026.3" and new.is_current
    assert not CatalogueVersion.objects.get(version="2026.2").is_current
    assert CatalogueVersion.objects.count() == 2
    assert current_version() == "2026.3"
    assert new.snapshot["application_types"][0]["service_target_days"] == 35
    assert ApplicationType.objects.get(code="small-building").service_target_days == 35
    assert not RequirementRule.objects.filter(application_type__code="single-family-house",
                                              requirement__code="sections").exists()
    # Going back to the first file makes its version current again, without a new row.
    back = load_catalogue()
    assert back.pk == catalogue.pk and back.is_current
    assert CatalogueVersion.objects.count() == 2
    assert RequirementRule.objects.filter(application_type__code="single-family-house",
                                          requirement__code="sections").exists()


def test_changed_content_under_the_same_version_is_refused(catalogue, tmp_path, data):
    data["application_types"][0]["service_target_days"] = 35
    with pytest.raises(CatalogueError, match="its version is still 2026.2.*for example 2026.3"):
        load_catalogue(path=write(tmp_path, data))
    assert ApplicationType.objects.get(code="small-building").service_target_days == 40


def test_a_removed_type_is_deactivated_and_removed_questions_deleted(catalogue, tmp_path, data):
    data["version"] = "2026.3"
    data["application_types"] = [t for t in data["application_types"] if t["code"] != "other-structure"]
    gone_questions = ("other-what", "solar-where")
    gone_outcomes = ("apply-other-structure", "no-permit-solar-house", "no-permit-aerial")
    data["guide"]["questions"] = [q for q in data["guide"]["questions"] if q["code"] not in gone_questions]
    data["guide"]["outcomes"] = [o for o in data["guide"]["outcomes"] if o["code"] not in gone_outcomes]
    question(data, "project")["options"] = [o for o in question(data, "project")["options"] if o["code"] != "other"]
    load_catalogue(path=write(tmp_path, data))
    assert not ApplicationType.objects.get(code="other-structure").is_active
    assert not GuideQuestion.objects.filter(code="other-what").exists()
    assert not GuideOption.objects.filter(question__code="project", code="other").exists()


def test_a_broken_file_is_not_loaded(catalogue, tmp_path, data):
    data["version"] = "2026.9"
    del question(data, "house-work")["options"][0]["next"]
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path=write(tmp_path, data))
    assert any("dead end" in p for p in info.value.problems)
    assert current_version() == "2026.2"


def test_load_command_reports_and_is_idempotent(db, capsys):
    call_command("load_catalogue")
    assert "Catalogue 2026.2 loaded." in capsys.readouterr().out
    call_command("load_catalogue")
    assert "already loaded; nothing changed" in capsys.readouterr().out


def test_load_command_fails_with_the_problems(db, tmp_path, data, capsys):
    data["guide"]["start"] = "nowhere"
    with pytest.raises(CommandError, match="not loaded"):
        call_command("load_catalogue", path=str(write(tmp_path, data)))
    assert "the start question `nowhere` does not exist" in capsys.readouterr().err


def test_the_live_catalogue_exported_from_the_database_passes_the_check(catalogue):
    assert check_catalogue(data=catalogue_as_data()) == []


def test_a_rule_edited_without_a_source_is_reported_by_the_live_check(catalogue):
    RequirementRule.objects.filter(application_type__code="demolition", requirement__code="site-plan").update(source={})
    assert "application type `demolition`, rule for `site-plan`: names no source; give the paragraph and the page " \
           "it was checked against." in check_catalogue(data=catalogue_as_data())


def test_the_admin_shows_and_edits_sources_and_the_target_scope(admin_client):
    demolition = ApplicationType.objects.get(code="demolition")
    body = admin_client.get(f"/admin/applications/applicationtype/{demolition.pk}/change/").content.decode()
    assert 'name="service_target_scope"' in body and "BR18 § 47" in body


def test_current_version_without_a_catalogue_is_empty(db):
    assert current_version() == ""


def test_default_path_is_the_shipped_file():
    assert DEFAULT_PATH.name == "catalogue.yaml" and DEFAULT_PATH.exists()


# --- requirements_for ------------------------------------------------------------------------------

def codes(pairs):
    return [(req.code, required) for req, required in pairs]


def test_requirements_for_applies_each_kind_of_rule(catalogue, django_assert_num_queries):
    facts = {"cu-building-work": "yes", "cu-waste": "yes", "built_1950_1977": "yes", "cu-current-use": "housing",
             "cu-new-use": "business", "applying_for": "self"}
    with django_assert_num_queries(1):
        pairs = requirements_for(application_type="change-of-use", facts=facts)
    assert codes(pairs) == [
        ("site-plan", True), ("floor-plans", True), ("sections", False), ("facades", False),
        ("classification", True), ("technical-declaration", True), ("waste-screening", True),
        ("pcb-screening", True), ("use-description", True), ("building-register-data", True),
    ]


def test_required_if_needs_every_fact_to_match(catalogue):
    house = ApplicationType.objects.get(code="single-family-house")
    only_new = codes(requirements_for(application_type=house, facts={"house-work": "new", "house-kind": "year-round"}))
    every = codes(requirements_for(application_type=house, facts={"house-work": "new", "house-kind": "year-round",
                                                                  "house-heated-area": "over-50"}))
    assert ("energy-frame", True) not in only_new
    assert ("energy-frame", True) in every


def test_requirements_for_an_unknown_type_is_empty(catalogue):
    assert requirements_for(application_type="castle", facts={}) == []


# --- Admin ---------------------------------------------------------------------------------------

@pytest.fixture
def admin_client(client, catalogue):
    from tests.factories import UserFactory

    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", ["applicationtype", "documentrequirement", "guidequestion", "guideoutcome",
                                   "catalogueversion", "property", "propertycorrection", "case", "checklistitem",
                                   "document", "caseevent"])
def test_admin_lists_open(admin_client, model):
    assert admin_client.get(f"/admin/applications/{model}/").status_code == 200


def test_admin_edits_of_the_guide_are_checked(admin_client):
    question = GuideQuestion.objects.get(code="house-work")
    page = admin_client.get(f"/admin/applications/guidequestion/{question.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "id"}
    data.update({"code": "house-work", "is_start": "", "order": question.order})
    formset = page.context["inline_admin_formsets"][0].formset
    p = formset.prefix
    data.update({f"{p}-TOTAL_FORMS": len(formset.forms), f"{p}-INITIAL_FORMS": len(formset.forms),
                 f"{p}-MIN_NUM_FORMS": 0, f"{p}-MAX_NUM_FORMS": 1000})
    for i, option_form in enumerate(formset.forms):
        option = option_form.instance
        # Every option loses its next question: each becomes a dead end.
        data.update({f"{p}-{i}-id": option.pk, f"{p}-{i}-question": question.pk, f"{p}-{i}-code": option.code,
                     f"{p}-{i}-order": option.order, f"{p}-{i}-label_en": option.label_en,
                     f"{p}-{i}-label_da": option.label_da, f"{p}-{i}-next_question": "", f"{p}-{i}-outcome": "",
                     f"{p}-{i}-register_match": "{}"})
    response = admin_client.post(f"/admin/applications/guidequestion/{question.pk}/change/", data, follow=True)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any("option `new`: leads nowhere (dead end)" in m for m in shown), shown


def test_admin_never_edits_a_case_status(admin_client):
    from applications.admin import CaseAdmin

    assert "status" in CaseAdmin.readonly_fields


def test_demo_loader_loads_the_catalogue(db):
    from applications import demo

    assert demo.LOADERS[:2] == [demo.load_municipalities, demo.load_catalogue]
    assert demo.load_catalogue(stdout=None) == ["Catalogue 2026.2 loaded"]
    assert current_version() == "2026.2"
