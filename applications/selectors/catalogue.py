"""Reads of the catalogue: application types with their rules, requirements, and the guide as a graph."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import (
    ApplicationType,
    DocumentRequirement,
    GuideOption,
    GuideOutcome,
    GuideQuestion,
    RequirementRule,
)


def _rules_with_requirements() -> Prefetch:
    return Prefetch("rules", queryset=RequirementRule.objects.select_related("requirement")
                    .order_by("requirement__order", "requirement__code"))


def application_types(*, active_only: bool = True) -> QuerySet[ApplicationType]:
    """Types in catalogue order, each with ``rules`` (and their requirements) prefetched: two queries."""
    qs = ApplicationType.objects.order_by("order", "code").prefetch_related(_rules_with_requirements())
    return qs.filter(is_active=True) if active_only else qs


def get_application_type(*, code: str, active_only: bool = True) -> ApplicationType:
    """The type with its rules prefetched, or Http404."""
    try:
        return application_types(active_only=active_only).get(code=code)
    except ApplicationType.DoesNotExist as exc:
        raise Http404("No such application type") from exc


def requirements() -> QuerySet[DocumentRequirement]:
    return DocumentRequirement.objects.order_by("order", "code")


def get_requirement(*, code: str) -> DocumentRequirement:
    """The requirement with ``rules`` (and their active types) prefetched, or Http404."""
    rules = Prefetch("rules", queryset=RequirementRule.objects.filter(application_type__is_active=True)
                     .select_related("application_type").order_by("application_type__order"))
    try:
        return DocumentRequirement.objects.prefetch_related(rules).get(code=code)
    except DocumentRequirement.DoesNotExist as exc:
        raise Http404("No such requirement") from exc


@dataclass
class GuideGraph:
    """The guide in memory: questions (each with ``option_list``) and outcomes, by code.

    Each option gets ``next_code`` and ``outcome_code`` (or None).
    """

    start: str | None
    questions: dict[str, GuideQuestion] = field(default_factory=dict)
    outcomes: dict[str, GuideOutcome] = field(default_factory=dict)

    def option(self, question_code: str, option_code: str) -> GuideOption | None:
        question = self.questions.get(question_code)
        if question is None:
            return None
        return next((o for o in question.option_list if o.code == option_code), None)

    def remaining_depth(self, question_code: str) -> int:
        """The most questions left from this one (itself included) to an outcome."""
        memo: dict[str, int] = {}

        def depth(code, trail=()):
            if code in memo:
                return memo[code]
            if code in trail:  # a cycle: check_catalogue refuses these, stay safe anyway
                return 0
            question = self.questions.get(code)
            if question is None:
                return 0
            best = 1 + max((depth(o.next_code, trail + (code,)) for o in question.option_list if o.next_code),
                           default=0)
            memo[code] = best
            return best

        return depth(question_code)


def guide_graph() -> GuideGraph:
    """The whole guide in three queries."""
    questions = {q.code: q for q in GuideQuestion.objects.order_by("order", "code")}
    outcomes = {o.code: o for o in GuideOutcome.objects.select_related("application_type")}
    codes_by_id = {q.pk: q.code for q in questions.values()}
    outcome_codes = {o.pk: o.code for o in outcomes.values()}
    for question in questions.values():
        question.option_list = []
    for option in GuideOption.objects.order_by("question_id", "order", "pk"):
        option.next_code = codes_by_id.get(option.next_question_id)
        option.outcome_code = outcome_codes.get(option.outcome_id)
        question = questions.get(codes_by_id.get(option.question_id))
        if question is not None:
            question.option_list.append(option)
    start = next((q.code for q in questions.values() if q.is_start), None)
    return GuideGraph(start=start, questions=questions, outcomes=outcomes)


def _texts(obj, name: str) -> dict:
    return {"en": getattr(obj, f"{name}_en"), "da": getattr(obj, f"{name}_da")}


def catalogue_as_data(*, version: str = "live") -> dict:
    """The catalogue as it stands in the database, in the data file's shape, so that
    ``services.catalogue.check_catalogue`` can check edits made in the admin."""
    types = list(application_types(active_only=True))
    graph = guide_graph()
    return {
        "version": version,
        "application_types": [
            {"code": t.code, "kind": t.kind, "service_target_days": t.service_target_days,
             "service_target_scope": t.service_target_scope, "source": t.source,
             "name": _texts(t, "name"), "summary": _texts(t, "summary"),
             **({"covers": _texts(t, "covers")} if t.covers_en or t.covers_da else {}),
             "rules": [{"requirement": r.requirement.code, "rule": r.rule, "source": r.source,
                        **({"condition": r.condition} if r.condition else {})} for r in t.rules.all()]}
            for t in types
        ],
        "requirements": [
            {"code": r.code, "accepted_formats": list(r.accepted_formats), "title": _texts(r, "title"),
             "explanation": _texts(r, "explanation"), "good_example": _texts(r, "good_example")}
            for r in requirements()
        ],
        "guide": {
            "start": graph.start,
            "questions": [
                {"code": q.code, "text": _texts(q, "text"),
                 **({"help": _texts(q, "help")} if q.help_en or q.help_da else {}),
                 **({"register_field": q.register_field} if q.register_field else {}),
                 "options": [{"code": o.code, "label": _texts(o, "label"),
                              **({"next": o.next_code} if o.next_code else {}),
                              **({"outcome": o.outcome_code} if o.outcome_code else {}),
                              **({"register_match": o.register_match} if o.register_match else {})}
                             for o in q.option_list]}
                for q in graph.questions.values()
            ],
            "outcomes": [
                {"code": o.code, "kind": o.kind, "text": _texts(o, "text"), "source": o.source,
                 **({"application_type": o.application_type.code} if o.application_type_id else {}),
                 **({"still_applies": _texts(o, "still_applies"), "must_report": _texts(o, "must_report")}
                    if o.kind == GuideOutcome.Kind.NO_PERMIT else {})}
                for o in graph.outcomes.values()
            ],
        },
    }


RULE_WORDS = {
    RequirementRule.Rule.ALWAYS: gettext_lazy("Required"),
    RequirementRule.Rule.REQUIRED_IF: gettext_lazy("Required when"),
    RequirementRule.Rule.RECOMMENDED: gettext_lazy("Recommended"),
    RequirementRule.Rule.RECOMMENDED_IF: gettext_lazy("Recommended when"),
    RequirementRule.Rule.AT_START: gettext_lazy("Required when the work starts"),
    RequirementRule.Rule.AT_START_IF: gettext_lazy("Required when the work starts, if"),
    RequirementRule.Rule.AT_COMPLETION: gettext_lazy("Required with the completion report"),
    RequirementRule.Rule.AT_COMPLETION_IF: gettext_lazy("Required with the completion report, if"),
}


def _derived_fact_texts() -> dict:
    return {
        ("applying_for", "other"): _("you apply on behalf of someone else"),
        ("applying_for", "self"): _("you apply for yourself"),
        ("built_1950_1977", "yes"): _("the building was built between 1950 and 1977"),
        ("built_1950_1977", "no"): _("the building was not built between 1950 and 1977"),
    }


def describe_condition(*, condition: dict, graph: GuideGraph) -> list[dict]:
    """A rule's condition for people: one ``{"question": text or None, "answers": [texts]}`` per fact.

    Guide facts give the question and the answers that match; the derived facts give a sentence."""
    derived = _derived_fact_texts()
    lines = []
    for fact, values in (condition or {}).items():
        wanted = [str(v) for v in values]
        question = graph.questions.get(fact)
        if question is None:
            lines.append({"question": None, "answers": [derived.get((fact, v), f"{fact}: {v}") for v in wanted]})
        else:
            lines.append({"question": question.tr("text"),
                          "answers": [o.tr("label") for o in question.option_list if o.code in wanted]})
    return lines


def rule_display(*, rule: RequirementRule, graph: GuideGraph) -> dict:
    """{rule, words, required, conditions} for showing a rule to a person."""
    return {
        "rule": rule.rule,
        "words": str(RULE_WORDS[rule.rule]),
        "required": rule.rule in (RequirementRule.Rule.ALWAYS, RequirementRule.Rule.REQUIRED_IF),
        "later": rule.rule in (RequirementRule.Rule.AT_START, RequirementRule.Rule.AT_START_IF,
                               RequirementRule.Rule.AT_COMPLETION, RequirementRule.Rule.AT_COMPLETION_IF),
        "conditions": describe_condition(condition=rule.condition, graph=graph),
    }
