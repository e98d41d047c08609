"""The guide walked with real projects, one row each: the answers an applicant gives, the outcome they
must get, the documents that must (and must not) be asked for, and the paragraph that decides it.

The paragraph is checked against the source the catalogue stores: the outcome's source, or, when the
row names a requirement in ``decided_by_rule``, the source of that requirement's rule for the type.
"""

from dataclasses import dataclass, field

import pytest

from applications.models import GuideOutcome, RequirementRule
from applications.services.guide import evaluate_guide
from tests.applications.factories import PropertyFactory

SMALL = {"project": "small-building", "small-total-area": "up-to-50", "small-integrated": "no",
         "small-on-ground": "yes", "small-holiday-area": "no", "small-boundary": "yes"}
NEW_HOUSE = {"project": "house", "house-work": "new", "house-kind": "year-round", "house-heated-area": "over-50",
             "house-construction-class": "class-1", "house-fire-class": "class-1"}
EXTENSION = {"project": "house", "house-work": "extend", "house-building-age": "after-1977", "house-waste": "no",
             "house-kind": "year-round", "house-heated-area": "up-to-50", "house-construction-class": "class-1",
             "house-fire-class": "class-1"}
DEMOLISH = {"project": "demolish", "demolish-what": "building", "demolition-building-age": "after-1977",
            "demolition-waste": "1t-or-more"}
ALWAYS_FOR_BUILDING = {"classification", "technical-declaration", "building-register-data"}


@dataclass
class Project:
    name: str
    answers: dict
    outcome: str
    decided_by: str  # the paragraph (or a distinctive part of it) that decides the row
    decided_by_rule: str = ""  # a requirement code: the paragraph is that rule's source, not the outcome's
    required: set = field(default_factory=set)
    not_required: set = field(default_factory=set)
    applying_for: str = "self"


PROJECTS = [
    # --- Small buildings --------------------------------------------------------------------------
    Project("30 m² carport beside a detached house, 1 m from the boundary, 2.4 m high", SMALL,
            "no-permit-small-building", "BR18 § 5, stk. 1, nr. 1"),
    Project("20 m² shed at a holiday home, 3 m from the boundary",
            {**SMALL, "small-holiday-area": "yes", "small-boundary-holiday": "yes"},
            "no-permit-small-building-holiday", "BR18 § 5, stk. 1, nr. 1"),
    Project("25 m² bicycle shed at a block of flats: the 50 m² apply to every kind of property", SMALL,
            "no-permit-small-building", "BR18 § 5, stk. 1, nr. 1"),
    Project("65 m² double garage", {"project": "small-building", "small-total-area": "over-50"},
            "apply-small-building-area", "afsnit 2.0", required={"site-plan", "facades", "classification"}),
    Project("8 m² playhouse where 45 m² of outbuildings already stand: no separate 10 m² rule",
            {"project": "small-building", "small-total-area": "over-50"}, "apply-small-building-area",
            "afsnit 2.0"),
    Project("Garage built into the house under the same roof",
            {"project": "small-building", "small-total-area": "up-to-50", "small-integrated": "yes"},
            "apply-small-building-integrated", "afsnit 6.2"),
    Project("Carport on a raised deck over a slope",
            {"project": "small-building", "small-total-area": "up-to-50", "small-integrated": "no",
             "small-on-ground": "no"}, "apply-small-building-ground", "afsnit 2.0"),
    Project("3 m high workshop shed 1.5 m from the neighbour's boundary", {**SMALL, "small-boundary": "no"},
            "apply-small-building-rules", "BR18 §§ 180-181"),
    Project("Shed 1 m from the boundary in a holiday-home area",
            {**SMALL, "small-holiday-area": "yes", "small-boundary-holiday": "no"},
            "apply-small-building-rules", "BR18 §§ 180-181"),
    Project("Greenhouse where the owner is not sure of the boundary rules", {**SMALL, "small-boundary": "not-sure"},
            "predialogue-not-sure", "kontakte kommunen"),
    # --- Houses ---------------------------------------------------------------------------------------
    Project("New 140 m² detached house built by a standard-house company", NEW_HOUSE, "apply-single-family-house",
            "Byggeloven § 25 A", decided_by_rule="building-damage-insurance",
            required={"energy-frame", "building-damage-insurance"} | ALWAYS_FOR_BUILDING,
            not_required={"structural-docs", "fire-docs", "energy-holiday", "waste-screening"}),
    Project("New 140 m² detached house: the energy frame", NEW_HOUSE, "apply-single-family-house",
            "kapitel 11", decided_by_rule="energy-frame", required={"energy-frame"}),
    Project("New 70 m² holiday home: holiday-home energy rules, no insurance",
            {**NEW_HOUSE, "house-kind": "holiday"}, "apply-single-family-house", "BR18 § 283",
            decided_by_rule="energy-holiday", required={"energy-holiday"},
            not_required={"energy-frame", "building-damage-insurance"}),
    Project("30 m² kitchen extension of a 1965 house, an outer wall taken down",
            {**EXTENSION, "house-building-age": "1950-1977", "house-waste": "yes"}, "apply-single-family-house",
            "§§ 68-69", decided_by_rule="waste-screening",
            required={"waste-screening", "pcb-screening", "energy-extension"},
            not_required={"energy-frame", "building-damage-insurance"}),
    Project("30 m² extension of a 1965 house: the PCB form", {**EXTENSION, "house-building-age": "1950-1977",
                                                             "house-waste": "yes"},
            "apply-single-family-house", "1950-1977", decided_by_rule="pcb-screening", required={"pcb-screening"}),
    Project("20 m² bedroom extension of a 1990 house with little waste", EXTENSION, "apply-single-family-house",
            "BR18 §§ 271-272", decided_by_rule="energy-extension", required={"energy-extension"},
            not_required={"waste-screening", "pcb-screening", "energy-frame"}),
    Project("Extension of a 1972 house giving under 1 tonne of waste: no screening, so no PCB form",
            {**EXTENSION, "house-building-age": "1950-1977"}, "apply-single-family-house", "§§ 68-69",
            decided_by_rule="waste-screening", not_required={"waste-screening", "pcb-screening"}),
    Project("Unheated conservatory on a 1995 house", {**EXTENSION, "house-heated-area": "none"},
            "apply-single-family-house", "BR18 §§ 271-272", decided_by_rule="energy-extension",
            not_required={"energy-extension", "energy-frame", "energy-holiday"}),
    Project("Two-storey extension in construction class 2", {**EXTENSION, "house-construction-class": "class-2"},
            "apply-single-family-house", "BR18 §§ 10 og 28", decided_by_rule="structural-docs",
            required={"structural-docs", "classification"}, not_required={"fire-docs"}),
    Project("Extension where the owner applies through an architect", EXTENSION, "apply-single-family-house",
            "tinglyste ejer", decided_by_rule="power-of-attorney", required={"power-of-attorney"},
            applying_for="other"),
    # --- Demolition -----------------------------------------------------------------------------------
    Project("Demolishing a 1962 detached house", {**DEMOLISH, "demolition-building-age": "1950-1977"},
            "apply-demolition", "BR18 § 47, stk. 1",
            required={"demolition-details", "site-plan", "waste-screening", "pcb-screening"},
            not_required={"classification", "structural-docs", "fire-docs"}),
    Project("Demolishing part of a 1985 workshop, under 1 tonne of waste",
            {**DEMOLISH, "demolition-waste": "under-1t"}, "apply-demolition", "BR18 § 47, stk. 1",
            required={"demolition-details"}, not_required={"waste-screening", "pcb-screening"}),
    Project("Demolishing a 25 m² free-standing garage at a terraced house",
            {"project": "demolish", "demolish-what": "small-outbuilding"}, "no-permit-demolition-small",
            "BR18 § 47, stk. 2"),
    # --- Solar, aerials, masts ------------------------------------------------------------------------
    Project("Solar panels on the roof of a detached house", {"project": "other", "other-what": "solar",
                                                             "solar-where": "house"},
            "no-permit-solar-house", "BR18 § 5, stk. 1, nr. 3"),
    Project("Solar park on the ground at a farm", {"project": "other", "other-what": "solar",
                                                   "solar-where": "ground"},
            "apply-other-structure", "BR18 § 2", required={"site-plan", "technical-declaration"}),
    Project("Solar panels on an office building's roof", {"project": "other", "other-what": "solar",
                                                          "solar-where": "other-building"},
            "apply-other-structure", "BR18 § 2"),
    Project("80 cm satellite dish on a house", {"project": "other", "other-what": "aerial"}, "no-permit-aerial",
            "højst 1,0 m"),
    Project("36 m telecom mast", {"project": "other", "other-what": "mast"}, "apply-other-structure", "BR18 § 2",
            required={"structural-docs"}),
    # --- Changes inside a building --------------------------------------------------------------------
    Project("New bathroom in a detached house", {"project": "alter", "alter-building": "house",
                                                 "alter-house-scope": "no"},
            "no-permit-alteration-house", "BR18 § 5, stk. 1, nr. 3 og 4"),
    Project("Removing a light partition wall in one's own flat", {"project": "alter", "alter-building": "other",
                                                                  "alter-other-scope": "no"},
            "no-permit-alteration-other", "BR18 § 5, stk. 1, nr. 3 og 4"),
    Project("Removing a load-bearing wall in a block of flats", {"project": "alter", "alter-building": "other",
                                                                 "alter-other-scope": "yes"},
            "predialogue-alteration", "BR18 § 5, stk. 1, nr. 3 og 4"),
    Project("Converting the roof space of a 1990 house into two bedrooms",
            {**EXTENSION, "project": "alter", "alter-building": "house", "alter-house-scope": "more-area"},
            "apply-single-family-house", "BR18 § 2", required={"energy-extension"}),
    # --- Change of use and larger buildings -----------------------------------------------------------
    Project("Shop in a 1960 building turned into a flat, walls and a kitchen removed",
            {"project": "change-use", "cu-current-use": "business", "cu-new-use": "housing",
             "cu-building-age": "1950-1977", "cu-building-work": "yes", "cu-waste": "yes"},
            "apply-change-of-use", "Byggeloven § 25 A", decided_by_rule="building-damage-insurance",
            required={"building-damage-insurance", "waste-screening", "pcb-screening", "use-description"}),
    Project("Warehouse used as a workshop, no building work",
            {"project": "change-use", "cu-current-use": "industry-storage", "cu-new-use": "industry-storage",
             "cu-building-age": "after-1977", "cu-building-work": "no"},
            "apply-change-of-use", "BR18 § 2", required={"use-description", "classification"},
            not_required={"building-damage-insurance", "waste-screening"}),
    Project("New block of flats within the local plan",
            {"project": "housing", "housing-work": "new", "housing-local-plan": "yes", "housing-follows-plan": "yes"},
            "apply-housing-multistorey", "BR18 § 2",
            required={"building-damage-insurance", "energy-frame", "structural-docs", "fire-docs"}),
    Project("New block of flats that needs an exemption from the local plan",
            {"project": "housing", "housing-work": "new", "housing-local-plan": "yes", "housing-follows-plan": "no"},
            "predialogue-large", "Planloven § 19"),
    Project("Extension of a 1970 office building, facade taken down",
            {"project": "commercial", "commercial-work": "extend", "commercial-building-age": "1950-1977",
             "commercial-waste": "yes", "commercial-local-plan": "yes", "commercial-follows-plan": "yes"},
            "apply-commercial-multistorey", "BR18 § 2",
            required={"energy-extension", "waste-screening", "pcb-screening", "use-description"},
            not_required={"energy-frame"}),
    Project("New heated storage hall of 800 m²",
            {"project": "industry", "industry-work": "new", "industry-heated": "heated-over-50",
             "industry-construction-class": "class-2", "industry-fire-class": "class-1"},
            "apply-industry-storage", "BR18 § 2", required={"energy-frame", "structural-docs"} | ALWAYS_FOR_BUILDING,
            not_required={"energy-extension", "waste-screening"}),
]


def _rule_source(outcome: dict, requirement: str) -> dict:
    rule = RequirementRule.objects.get(application_type__code=outcome["application_type"],
                                       requirement__code=requirement)
    return rule.source


@pytest.mark.parametrize("project", PROJECTS, ids=[p.name for p in PROJECTS])
def test_a_real_project_gets_its_outcome_and_documents(catalogue, project):
    outcome = evaluate_guide(answers=project.answers, applying_for=project.applying_for)["outcome"]
    assert outcome["code"] == project.outcome
    required = {r["code"] for r in outcome["requirements"] if r["required"]}
    assert project.required <= required, project.required - required
    assert not (project.not_required & required), project.not_required & required
    source = (_rule_source(outcome, project.decided_by_rule) if project.decided_by_rule
              else GuideOutcome.objects.get(code=project.outcome).source)
    assert project.decided_by in source["paragraph"], source
    assert source["page"].startswith("http")


def test_there_are_at_least_25_projects_and_every_outcome_is_reached_by_one():
    assert len(PROJECTS) >= 25
    from applications.services.catalogue import read_catalogue

    outcomes = {o["code"] for o in read_catalogue()["guide"]["outcomes"]}
    assert outcomes <= {p.outcome for p in PROJECTS}


def test_demolition_is_a_permit_not_a_notification(catalogue):
    outcome = evaluate_guide(answers=DEMOLISH)["outcome"]
    assert outcome["application_kind"] == "permit"
    assert "completion notice" in outcome["text"]


@pytest.mark.parametrize("code, numbers", [
    ("no-permit-small-building", ["2.5 m", "12 m", "rainwater", "openings"]),
    ("no-permit-small-building-holiday", ["2.5 m", "5 m", "12 m", "rainwater"]),
])
def test_the_no_permit_outcome_states_the_rules_with_their_numbers(catalogue, code, numbers):
    outcome = GuideOutcome.objects.get(code=code)
    for number in numbers:
        assert number in outcome.still_applies_en
    assert "keep the rules" not in outcome.still_applies_en
    for number in ("2,5 m", "12 m", "regnvand"):
        assert number in outcome.still_applies_da


def test_the_boundary_question_states_the_rules_with_their_numbers(catalogue):
    question = evaluate_guide(answers={k: v for k, v in SMALL.items() if k != "small-boundary"})["next_question"]
    assert question["code"] == "small-boundary"
    for number in ("2.5 m", "12 m", "openings", "rainwater"):
        assert number in question["help"]


def test_the_register_says_whether_the_property_is_a_holiday_home(catalogue):
    answers = {k: v for k, v in SMALL.items() if k not in ("small-holiday-area", "small-boundary")}
    holiday = PropertyFactory(use="Sommerhus")
    flats = PropertyFactory(use="Etageboligbebyggelse")
    assert evaluate_guide(answers=answers, property=holiday)["next_question"]["prefilled_from_register"]["option"] \
        == "yes"
    assert evaluate_guide(answers=answers, property=flats)["next_question"]["prefilled_from_register"]["option"] \
        == "no"
