"""The guide, walked with answers from real cases, and the facts that drive the document rules."""

import pytest

from applications.services.guide import GuideError, evaluate_guide, facts_for, question_at, record_answer
from tests.applications.factories import PropertyFactory


def required(outcome) -> set[str]:
    return {r["code"] for r in outcome["requirements"] if r["required"]}


def recommended(outcome) -> set[str]:
    return {r["code"] for r in outcome["requirements"] if not r["required"]}


HOUSE_EXTENSION = {"project": "house", "house-work": "extend", "house-building-age": "after-1977",
                   "house-waste": "no", "house-kind": "year-round", "house-heated-area": "up-to-50",
                   "house-construction-class": "class-1", "house-fire-class": "class-1"}
SMALL_CARPORT = {"project": "small-building", "small-total-area": "up-to-50", "small-integrated": "no",
                 "small-on-ground": "yes", "small-holiday-area": "no", "small-boundary": "yes"}
DEMOLITION = {"project": "demolish", "demolish-what": "building", "demolition-building-age": "1950-1977",
              "demolition-waste": "1t-or-more"}


# --- Scenarios ---------------------------------------------------------------------------------

def test_30_m2_carport_on_a_single_family_property_needs_no_permit(catalogue):
    outcome = evaluate_guide(answers=SMALL_CARPORT)["outcome"]
    assert outcome["kind"] == "no_permit"
    assert outcome["application_type"] is None
    assert outcome["requirements"] == []
    assert "BR18" in outcome["still_applies"]
    assert "BBR" in outcome["must_report"]


def test_65_m2_garage_needs_a_small_building_permit(catalogue):
    answers = {"project": "small-building", "small-total-area": "over-50"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["kind"] == "application"
    assert outcome["application_type"] == "small-building"
    assert outcome["service_target_days"] == 40
    assert "50 m²" in outcome["text"]
    assert {"site-plan", "floor-plans", "facades"} <= required(outcome)
    assert "sections" in recommended(outcome)


def test_small_building_breaking_the_distance_rules_needs_a_permit(catalogue):
    outcome = evaluate_guide(answers={**SMALL_CARPORT, "small-boundary": "no"})["outcome"]
    assert outcome["application_type"] == "small-building"
    assert outcome["code"] == "apply-small-building-rules"


def test_a_shed_at_a_block_of_flats_needs_no_permit_within_50_m2(catalogue):
    # BR18 § 5, stk. 1, nr. 1 and the guidance on secondary buildings (section 2.0): the 50 m² apply on
    # every kind of property, not only at detached houses and holiday homes.
    flats = PropertyFactory(use="Etageboligbebyggelse")
    result = evaluate_guide(answers=SMALL_CARPORT, property=flats)
    assert result["outcome"]["code"] == "no-permit-small-building"
    assert "small-property-type" not in {step["question"] for step in result["path"]}


def test_house_extension_in_construction_class_2_needs_structural_documentation(catalogue):
    answers = {**HOUSE_EXTENSION, "house-construction-class": "class-2"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["application_type"] == "single-family-house"
    assert "structural-docs" in required(outcome)
    assert "fire-docs" not in required(outcome) | recommended(outcome)


def test_house_extension_in_class_1_needs_no_structural_documentation(catalogue):
    outcome = evaluate_guide(answers=HOUSE_EXTENSION)["outcome"]
    assert required(outcome) == {"site-plan", "floor-plans", "sections", "facades", "building-register-data",
                                 "classification", "technical-declaration", "energy-extension"}


def test_house_in_fire_class_3_needs_fire_documentation(catalogue):
    outcome = evaluate_guide(answers={**HOUSE_EXTENSION, "house-fire-class": "class-3"})["outcome"]
    assert "fire-docs" in required(outcome)


def test_not_knowing_the_construction_class_asks_for_structural_documentation(catalogue):
    outcome = evaluate_guide(answers={**HOUSE_EXTENSION, "house-construction-class": "dont-know"})["outcome"]
    assert "structural-docs" in required(outcome)


def test_new_120_m2_heated_house_needs_an_energy_frame_calculation(catalogue):
    answers = {"project": "house", "house-work": "new", "house-kind": "year-round", "house-heated-area": "over-50",
               "house-construction-class": "class-1", "house-fire-class": "class-1"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["application_type"] == "single-family-house"
    assert "energy-frame" in required(outcome)
    assert "waste-screening" not in required(outcome)


def test_small_new_heated_house_needs_no_energy_frame(catalogue):
    answers = {"project": "house", "house-work": "new", "house-kind": "year-round", "house-heated-area": "up-to-50",
               "house-construction-class": "class-1", "house-fire-class": "class-1"}
    assert "energy-frame" not in required(evaluate_guide(answers=answers)["outcome"])


def test_demolishing_a_1965_building_needs_waste_screening(catalogue):
    prop = PropertyFactory(year_built=1965)
    outcome = evaluate_guide(answers=DEMOLITION, property=prop)["outcome"]
    assert outcome["application_type"] == "demolition"
    assert outcome["service_target_days"] == 14
    assert {"waste-screening", "pcb-screening", "demolition-details"} <= required(outcome)
    assert facts_for(answers={"project": "demolish"}, property=prop)["built_1950_1977"] == "yes"


def test_extending_a_house_with_a_tonne_of_waste_needs_screening_and_a_1965_one_the_pcb_form(catalogue):
    # Waste order §§ 68-69: the screening follows the amount of waste, not the year; the PCB form the year.
    old = required(evaluate_guide(answers={**HOUSE_EXTENSION, "house-building-age": "1950-1977",
                                           "house-waste": "yes"})["outcome"])
    newer = required(evaluate_guide(answers={**HOUSE_EXTENSION, "house-waste": "yes"})["outcome"])
    little = required(evaluate_guide(answers={**HOUSE_EXTENSION, "house-building-age": "1950-1977"})["outcome"])
    assert {"waste-screening", "pcb-screening"} <= old
    assert "waste-screening" in newer and "pcb-screening" not in newer
    assert not {"waste-screening", "pcb-screening"} & little


def test_applying_for_a_neighbour_needs_a_power_of_attorney(catalogue):
    for_self = evaluate_guide(answers=HOUSE_EXTENSION, applying_for="self")["outcome"]
    for_neighbour = evaluate_guide(answers=HOUSE_EXTENSION, applying_for="other")["outcome"]
    assert "power-of-attorney" not in required(for_self)
    assert "power-of-attorney" in required(for_neighbour)


@pytest.mark.parametrize("answers", [
    DEMOLITION,
    {"project": "other", "other-what": "sign"},
    {"project": "change-use", "cu-current-use": "business", "cu-new-use": "housing", "cu-building-age": "after-1977",
     "cu-building-work": "no"},
    {"project": "industry", "industry-work": "new", "industry-heated": "unheated",
     "industry-construction-class": "class-1", "industry-fire-class": "class-1"},
])
def test_power_of_attorney_applies_to_every_type(catalogue, answers):
    assert "power-of-attorney" in required(evaluate_guide(answers=answers, applying_for="other")["outcome"])


def test_change_of_use_needs_a_description_of_the_use(catalogue):
    answers = {"project": "change-use", "cu-current-use": "business", "cu-new-use": "housing",
               "cu-building-age": "before-1950", "cu-building-work": "no"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["application_type"] == "change-of-use"
    assert "use-description" in required(outcome)
    assert "waste-screening" not in required(outcome)
    assert "facades" not in recommended(outcome)


def test_change_of_use_into_a_meeting_place_recommends_fire_documentation(catalogue):
    answers = {"project": "change-use", "cu-current-use": "industry-storage", "cu-new-use": "assembly",
               "cu-building-age": "1950-1977", "cu-building-work": "yes", "cu-waste": "yes"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert "fire-docs" in recommended(outcome)
    assert "waste-screening" in required(outcome)
    assert {"sections", "facades"} <= recommended(outcome)


def test_multi_storey_housing_within_the_local_plan(catalogue):
    answers = {"project": "housing", "housing-work": "new", "housing-local-plan": "yes", "housing-follows-plan": "yes"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["application_type"] == "housing-multistorey"
    assert outcome["service_target_days"] == 60
    assert {"structural-docs", "fire-docs", "energy-frame"} <= required(outcome)


def test_multi_storey_housing_outside_the_local_plan_suggests_a_meeting_first(catalogue):
    answers = {"project": "housing", "housing-work": "new", "housing-local-plan": "yes", "housing-follows-plan": "no"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["kind"] == "predialogue"
    assert outcome["application_type"] is None


def test_offices_extension_in_a_1970_building(catalogue):
    prop = PropertyFactory(year_built=1970, use="Kontor")
    answers = {"project": "commercial", "commercial-work": "extend", "commercial-building-age": "1950-1977",
               "commercial-waste": "yes", "commercial-local-plan": "yes", "commercial-follows-plan": "yes"}
    outcome = evaluate_guide(answers=answers, property=prop)["outcome"]
    assert outcome["application_type"] == "commercial-multistorey"
    assert {"use-description", "fire-docs", "structural-docs", "waste-screening"} <= required(outcome)
    assert "energy-frame" not in required(outcome)


def test_heated_storage_hall_in_industry(catalogue):
    answers = {"project": "industry", "industry-work": "new", "industry-heated": "heated-over-50",
               "industry-construction-class": "class-2", "industry-fire-class": "class-1"}
    outcome = evaluate_guide(answers=answers)["outcome"]
    assert outcome["application_type"] == "industry-storage"
    assert outcome["service_target_days"] == 50
    assert {"energy-frame", "structural-docs"} <= required(outcome)
    assert "use-description" in recommended(outcome)


def test_not_sure_suggests_a_pre_application_meeting(catalogue):
    outcome = evaluate_guide(answers={"project": "not-sure"})["outcome"]
    assert outcome["kind"] == "predialogue"
    assert outcome["code"] == "predialogue-not-sure"
    assert outcome["requirements"] == []


def test_solar_installation_is_another_structure(catalogue):
    outcome = evaluate_guide(answers={"project": "other", "other-what": "solar", "solar-where": "ground"})["outcome"]
    assert outcome["application_type"] == "other-structure"
    assert "structural-docs" not in required(outcome)


def test_a_mast_needs_structural_documentation(catalogue):
    outcome = evaluate_guide(answers={"project": "other", "other-what": "mast"})["outcome"]
    assert "structural-docs" in required(outcome)


# --- Questions, steps and the register ---------------------------------------------------------

def test_no_answers_gives_the_first_question(catalogue):
    result = evaluate_guide(answers={})
    question = result["next_question"]
    assert question["code"] == "project"
    assert question["step"] == 1
    assert question["previous"] is None
    assert question["total_estimate"] == 10  # the longest: a change inside a house that adds floor area
    assert {"code": "not-sure", "label": "Something else, or I am not sure"} in question["options"]
    assert result["path"] == []


def test_steps_count_up_and_point_back(catalogue):
    question = evaluate_guide(answers={"project": "house", "house-work": "extend"})["next_question"]
    assert question["code"] == "house-building-age"
    assert question["step"] == 3
    assert question["previous"] == "house-work"
    assert question["total_estimate"] == 8


def test_the_register_pre_answers_the_year_built(catalogue):
    prop = PropertyFactory(year_built=1965)
    question = evaluate_guide(answers={"project": "house", "house-work": "extend"}, property=prop)["next_question"]
    assert question["prefilled_from_register"] == {"field": "year_built", "field_label": "year built",
                                                   "value": "1965", "option": "1950-1977"}


def test_the_register_pre_answers_the_kind_of_house(catalogue):
    terraced = PropertyFactory(use="Rækkehus")
    holiday = PropertyFactory(use="Sommerhus")
    flats = PropertyFactory(use="Etageboligbebyggelse")
    answers = {"project": "house", "house-work": "new"}
    assert evaluate_guide(answers=answers, property=terraced)["next_question"]["prefilled_from_register"]["option"] \
        == "year-round"
    assert evaluate_guide(answers=answers, property=holiday)["next_question"]["prefilled_from_register"]["option"] \
        == "holiday"
    # The register's value fits no option: the applicant answers themselves.
    assert evaluate_guide(answers=answers, property=flats)["next_question"]["prefilled_from_register"] is None


def test_the_register_pre_answers_the_local_plan_only_when_it_knows_one(catalogue):
    answers = {"project": "housing", "housing-work": "new"}
    with_plan = PropertyFactory(zoning_plan="Lokalplan 221 Indre By")
    without = PropertyFactory(zoning_plan="")
    assert evaluate_guide(answers=answers, property=with_plan)["next_question"]["prefilled_from_register"]["option"] \
        == "yes"
    assert evaluate_guide(answers=answers, property=without)["next_question"]["prefilled_from_register"] is None


def test_the_applicants_answer_on_the_year_built_wins_over_the_register(catalogue):
    prop = PropertyFactory(year_built=1965)
    facts = facts_for(answers=HOUSE_EXTENSION, property=prop, applying_for="self")
    assert facts["built_1950_1977"] == "no"  # they answered "after 1977" (and reported the register as wrong)
    assert facts["applying_for"] == "self"
    assert facts["house-construction-class"] == "class-1"


def test_facts_ignore_answers_left_over_from_another_path(catalogue):
    answers = {**HOUSE_EXTENSION, "project": "demolish", "small-total-area": "over-50"}
    facts = facts_for(answers=answers, property=None)
    assert facts == {"project": "demolish"}
    result = evaluate_guide(answers=answers)
    assert result["next_question"]["code"] == "demolish-what"
    assert result["answers"] == {"project": "demolish"}


def test_facts_are_lenient_with_answers_an_older_catalogue_gave(catalogue):
    facts = facts_for(answers={"project": "house", "house-work": "rebuild", "gone-question": "x"},
                      property=PropertyFactory(year_built=1955), applying_for="other")
    assert facts == {"project": "house", "applying_for": "other", "built_1950_1977": "yes"}


def test_unknown_question_raises_a_clear_error(catalogue):
    with pytest.raises(GuideError, match="“colour” is not a question in the guide"):
        evaluate_guide(answers={"colour": "red"})


def test_unknown_answer_lists_the_answers_that_exist(catalogue):
    with pytest.raises(ValueError, match="“castle” is not an answer to the question “project”. Choose one of: "
                                          "small-building, house"):
        evaluate_guide(answers={"project": "castle"})


def test_answers_must_be_a_mapping(catalogue):
    with pytest.raises(GuideError):
        evaluate_guide(answers=["project", "house"])


def test_question_at_gives_an_answered_question_with_its_answer(catalogue):
    answers = {"project": "house", "house-work": "new", "house-kind": "year-round", "house-heated-area": "over-50"}
    question = question_at(answers=answers, code="house-work")
    assert question["answer"] == "new"
    assert question["step"] == 2
    assert question["previous"] == "project"
    assert question_at(answers=answers, code="house-construction-class")["answer"] is None
    assert question_at(answers=answers, code="industry-work") is None


def test_record_answer_says_where_it_leads(catalogue):
    answers, target = record_answer(answers={}, question="project", option="house")
    assert answers == {"project": "house"} and target == {"question": "house-work"}
    answers, target = record_answer(answers=answers, question="project", option="demolish")
    assert target == {"question": "demolish-what"}
    _answers, target = record_answer(answers=DEMOLITION, question="demolition-waste", option="under-1t")
    assert target == {"outcome": "apply-demolition"}
    with pytest.raises(GuideError):
        record_answer(answers={}, question="project", option="castle")


def test_outcome_texts_follow_the_language(catalogue):
    from django.utils import translation

    with translation.override("da"):
        outcome = evaluate_guide(answers=DEMOLITION)["outcome"]
    assert outcome["application_type_name"] == "Nedrivning"
    assert "Screening og anmeldelse af byggeaffald" in {r["title"] for r in outcome["requirements"]}


def test_the_guide_without_a_catalogue_says_it_is_not_available(db):
    with pytest.raises(GuideError, match="not available"):
        evaluate_guide(answers={})
