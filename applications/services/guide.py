"""The guide: from answers (and the property register) to the next question or an outcome.

Answers are ``{question code: option code}``. The guide walks from the start question along the
chosen options; answers to questions that are not on that path (left over after the applicant went
back and chose differently) are ignored. A question with a ``register_field`` is pre-filled from the
property register: it is still shown, with the register's answer selected, so the applicant can
confirm it or say the register is wrong.
"""

from django.utils.translation import gettext as _

from applications.models import GuideOutcome, Property
from applications.selectors.catalogue import GuideGraph, guide_graph
from applications.services.catalogue import requirements_for

PCB_YEARS = (1950, 1977)


class GuideError(ValueError):
    """Answers the guide cannot use; the message says what to do."""


class GuideUnavailable(GuideError):
    """No catalogue is loaded, so there is no guide to answer."""


# --- Register pre-answers ------------------------------------------------------------------------

def _register_matches(match: dict, value) -> bool:
    if not match:
        return False
    if match.get("present"):
        return value not in (None, "")
    if "values" in match:
        text = " ".join(str(value).split()).lower()
        return text in {" ".join(str(v).split()).lower() for v in match["values"]}
    if "min" in match or "max" in match:
        try:
            number = int(value)
        except (TypeError, ValueError):
            return False
        return match.get("min", number) <= number <= match.get("max", number)
    return False


def register_prefill(*, question, property: Property | None) -> dict | None:
    """What the property register answers for this question: {field, field_label, value, option}, or None."""
    field = question.register_field
    if not field or property is None:
        return None
    value = getattr(property, field, None)
    if value in (None, ""):
        return None
    for option in question.option_list:
        if _register_matches(option.register_match, value):
            return {
                "field": field,
                "field_label": str(Property._meta.get_field(field).verbose_name),
                "value": str(value),
                "option": option.code,
            }
    return None


# --- Walking the guide ---------------------------------------------------------------------------

def _graph() -> GuideGraph:
    graph = guide_graph()
    if not graph.start:
        raise GuideUnavailable(_("The guide is not available yet. Please try again later or call the dialogue "
                                 "team."))
    return graph


def _validate(graph: GuideGraph, answers) -> None:
    if not isinstance(answers, dict):
        raise GuideError(_("Send the answers as pairs of question code and answer code."))
    for question_code, option_code in answers.items():
        question = graph.questions.get(question_code)
        if question is None:
            raise GuideError(_("“%(question)s” is not a question in the guide. Start the guide again.")
                             % {"question": question_code})
        if not isinstance(option_code, str) or graph.option(question_code, option_code) is None:
            raise GuideError(
                _("“%(answer)s” is not an answer to the question “%(question)s”. Choose one of: %(options)s.")
                % {"answer": option_code, "question": question_code,
                   "options": ", ".join(o.code for o in question.option_list)}
            )


def _walk(graph: GuideGraph, answers: dict):
    """(path, next question or None, outcome or None); path is [(question, option)] along the answers."""
    path = []
    code = graph.start
    seen = set()
    while code and code not in seen:
        seen.add(code)
        question = graph.questions.get(code)
        if question is None:
            break
        option = graph.option(code, answers.get(code)) if isinstance(answers.get(code), str) else None
        if option is None:
            return path, question, None
        path.append((question, option))
        if option.outcome_code:
            return path, None, graph.outcomes.get(option.outcome_code)
        code = option.next_code
    return path, None, None


def _path_dicts(path) -> list[dict]:
    return [{"question": q.code, "text": q.tr("text"), "answer": o.code, "label": o.tr("label")} for q, o in path]


def _question_dict(graph: GuideGraph, question, *, path, property, answer=None) -> dict:
    return {
        "code": question.code,
        "text": question.tr("text"),
        "help": question.tr("help"),
        "options": [{"code": o.code, "label": o.tr("label")} for o in question.option_list],
        "step": len(path) + 1,
        "total_estimate": len(path) + graph.remaining_depth(question.code),
        "prefilled_from_register": register_prefill(question=question, property=property),
        "previous": path[-1][0].code if path else None,
        "answer": answer,
    }


def _outcome_dict(outcome: GuideOutcome, *, facts: dict, property: Property | None = None) -> dict:
    """The outcome; with the property chosen, as it applies in the property's municipality (its local target
    and the requirements and guidance it adds, issue 19)."""
    from applications.services.clock import target_for

    app_type = outcome.application_type if outcome.application_type_id else None
    municipality_id = getattr(property, "municipality_id", None)
    requirements, local_guidance = [], []
    if outcome.kind == GuideOutcome.Kind.APPLICATION and app_type is not None:
        requirements = [
            {"code": req.code, "title": req.title, "explanation": req.explanation, "required": required,
             "accepted_formats": list(req.accepted_formats)}
            for req, required in requirements_for(application_type=app_type, facts=facts,
                                                  municipality_id=municipality_id)
        ]
        if municipality_id:
            from applications.models import LocalRequirement

            local_guidance = [text for text in LocalRequirement.objects.filter(
                municipality_id=municipality_id, application_type=app_type).exclude(guidance="")
                .order_by("pk").values_list("guidance", flat=True)]
    return {
        "kind": outcome.kind,
        "code": outcome.code,
        "application_type": app_type.code if app_type else None,
        "application_type_name": app_type.name if app_type else None,
        "application_kind": app_type.kind if app_type else None,
        "service_target_days": target_for(application_type=app_type, municipality_id=municipality_id)
        if app_type else None,
        "local_target": bool(app_type and app_type.has_local_target),
        "local_guidance": local_guidance,
        "text": outcome.tr("text"),
        "requirements": requirements,
        "still_applies": outcome.tr("still_applies"),
        "must_report": outcome.tr("must_report"),
    }


def _facts(path, *, property, applying_for) -> dict:
    facts = {q.code: o.code for q, o in path}
    if applying_for:
        facts["applying_for"] = applying_for
    built = None
    for question, option in path:
        match = option.register_match or {}
        if question.register_field == "year_built" and ("min" in match or "max" in match):
            inside = match.get("min", 0) >= PCB_YEARS[0] and match.get("max", 10**6) <= PCB_YEARS[1]
            built = "yes" if inside else "no"
    if built is None and property is not None and getattr(property, "year_built", None):
        built = "yes" if PCB_YEARS[0] <= property.year_built <= PCB_YEARS[1] else "no"
    if built is not None:
        facts["built_1950_1977"] = built
    return facts


def evaluate_guide(*, answers: dict, property: Property | None = None, applying_for: str | None = None) -> dict:
    """Where the answers lead.

    Returns ``{"next_question": {code, text, help, options: [{code, label}], step, total_estimate,
    prefilled_from_register, previous, answer}}`` or ``{"outcome": {kind, code, application_type,
    application_type_name, application_kind, service_target_days, local_target, local_guidance, text,
    requirements: [{code, title, explanation, required, accepted_formats}], still_applies,
    must_report}}``; both also carry ``path``
    (the answered questions on the way, with texts) and ``answers`` (only the answers on that path).
    Raises GuideError (a ValueError) for an unknown question or answer.
    """
    graph = _graph()
    _validate(graph, answers)
    path, question, outcome = _walk(graph, answers)
    result = {"path": _path_dicts(path), "answers": {q.code: o.code for q, o in path}}
    if outcome is not None:
        result["outcome"] = _outcome_dict(outcome, facts=_facts(path, property=property, applying_for=applying_for),
                                          property=property)
    elif question is not None:
        result["next_question"] = _question_dict(graph, question, path=path, property=property)
    else:
        raise GuideError(_("The guide could not find an answer for these answers. Please call the dialogue team."))
    return result


def first_question() -> str:
    """The code of the guide's first question: where a reopened guide starts, its answers filled in."""
    return _graph().start


def question_at(*, answers: dict, code: str, property: Property | None = None) -> dict | None:
    """The question ``code`` as it stands on the applicant's path (with their earlier answer, if any),
    or None when the answers do not lead to it."""
    graph = _graph()
    _validate(graph, answers)
    path, question, _outcome = _walk(graph, answers)
    for index, (asked, option) in enumerate(path):
        if asked.code == code:
            return _question_dict(graph, asked, path=path[:index], property=property, answer=option.code)
    if question is not None and question.code == code:
        return _question_dict(graph, question, path=path, property=property)
    return None


def record_answer(*, answers: dict, question: str, option: str) -> tuple[dict, dict]:
    """The answers with this one added, and where it leads: {"question": code} or {"outcome": code}."""
    graph = _graph()
    new_answers = {**(answers or {}), question: option}
    _validate(graph, new_answers)
    chosen = graph.option(question, option)
    target = {"question": chosen.next_code} if chosen.next_code else {"outcome": chosen.outcome_code}
    return new_answers, target


def facts_for(*, answers: dict, property: Property | None = None, applying_for: str | None = None) -> dict:
    """The facts requirement rules are matched against: the answers on the guide's path, ``applying_for``
    and ``built_1950_1977`` (the applicant's answer to a year-built question if given, else the
    register's year built). Lenient: answers the current catalogue no longer knows end the path
    instead of raising, so drafts made under an older catalogue still work."""
    graph = guide_graph()
    path, _question, _outcome = _walk(graph, answers or {}) if graph.start else ([], None, None)
    return _facts(path, property=property, applying_for=applying_for)
