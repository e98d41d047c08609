"""Factories for the core's models. Generic: any test may use them.

    case = CaseFactory()                                  # a draft with a property, a type and an applicant
    case = CaseFactory(status="submitted")                # walked there through services.transitions
    prop = PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø")
"""

import factory

from applications.models import ApplicationType, Case, DocumentRequirement, Property
from tests.factories import UserFactory

# How a new case reaches each status, through the one transition table (never by assigning status).
PATH_TO_STATUS = {
    "draft": [],
    "submitted": ["submitted"],
    "awaiting_information": ["submitted", "awaiting_information"],
    "complete": ["submitted", "complete"],
    "in_review": ["submitted", "complete", "in_review"],
    "decided": ["submitted", "complete", "in_review", "decided"],
    "appealed": ["submitted", "complete", "in_review", "decided", "appealed"],
    "permitted": ["submitted", "complete", "in_review", "decided", "permitted"],
    "work_started": ["submitted", "complete", "in_review", "decided", "permitted", "work_started"],
    "lapsed": ["submitted", "complete", "in_review", "decided", "permitted", "lapsed"],
    "completion_reported": ["submitted", "complete", "in_review", "decided", "permitted", "work_started",
                            "completion_reported"],
    "closed": ["submitted", "complete", "in_review", "decided", "closed"],
    "withdrawn": ["submitted", "withdrawn"],
}


class PropertyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Property
        django_get_or_create = ("property_number",)

    address = factory.Sequence(lambda n: f"Testvej {n + 1}")
    postcode = "2100"
    city = "København Ø"
    cadastral_number = factory.Sequence(lambda n: f"{1000 + n}a Østerbro, København")
    property_number = factory.Sequence(lambda n: str(5_000_000 + n))
    zoning_plan = "Lokalplan 123 Nordhavn"
    year_built = 1962
    built_area = 140
    use = "Fritliggende enfamiliehus"


class ApplicationTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-type-{n}")
    name_en = factory.Sequence(lambda n: f"Test type {n}")
    name_da = factory.Sequence(lambda n: f"Testtype {n}")
    summary_en = "A type for tests."
    summary_da = "En type til test."
    service_target_days = 40


class DocumentRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentRequirement
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-requirement-{n}")
    title_en = factory.Sequence(lambda n: f"Test document {n}")
    title_da = factory.Sequence(lambda n: f"Testdokument {n}")
    explanation_en = "Why we need it."
    explanation_da = "Hvorfor vi skal bruge det."
    good_example_en = "What a good one looks like."
    good_example_da = "Sådan ser et godt ud."
    accepted_formats = factory.LazyFunction(lambda: ["pdf", "png", "jpeg"])
    order = factory.Sequence(lambda n: n)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    # A range services.cases.next_reference will not reach in a test, so both can be used together.
    reference = factory.Sequence(lambda n: f"B-2026-{n + 50001:05d}")
    property = factory.SubFactory(PropertyFactory)
    application_type = factory.SubFactory(ApplicationTypeFactory)
    applicant = factory.SubFactory(UserFactory, role="applicant")
    description = "Carport of 30 m² next to the house."

    @factory.post_generation
    def status(self, create, extracted, **kwargs):
        """``CaseFactory(status="in_review")`` walks the case there through services.transitions."""
        if not create or not extracted:
            return
        from applications.services.transitions import transition

        for step in PATH_TO_STATUS[extracted]:
            transition(case=self, to=step)
        self.refresh_from_db()
