"""Checking the catalogue data: every problem a person must fix before loading, one section at a time.

``check_catalogue`` runs one check per section of the file (version, sources, requirements, application
types with their rules, outcomes, the guide's questions and its graph) and returns each problem as a
sentence saying where and what. Every rule of the catalogue (a type's service target, each document
rule, each outcome) names its source: a paragraph and the page it was checked against.
"""

from applications.models import ApplicationType, CatalogueVersion, GuideOutcome, RequirementRule

LANGUAGES = ("en", "da")
KINDS = tuple(ApplicationType.Kind.values)
TARGET_SCOPES = tuple(ApplicationType.TargetScope.values)
RULES = tuple(RequirementRule.Rule.values)
CONDITIONAL_RULES = (RequirementRule.Rule.REQUIRED_IF, RequirementRule.Rule.RECOMMENDED_IF,
                     RequirementRule.Rule.AT_START_IF, RequirementRule.Rule.AT_COMPLETION_IF)
OUTCOME_KINDS = tuple(GuideOutcome.Kind.values)
FORMATS = ("pdf", "png", "jpeg")
REGISTER_FIELDS = ("year_built", "use", "zoning_plan", "built_area")
NUMERIC_REGISTER_FIELDS = ("year_built", "built_area")
SOURCE_KEYS = {"paragraph", "page", "verified", "note"}
# Facts the portal adds to the guide's answers (see services.guide.facts_for), with their values.
DERIVED_FACTS = {
    "applying_for": ("self", "other"),
    "built_1950_1977": ("yes", "no"),
}


# --- Small helpers ---------------------------------------------------------------------------------

def _list(data, key, where, problems) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    if value is None:
        problems.append(f"{where}: `{key}` is missing.")
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: `{key}` must be a list.")
        return []
    return value


def _code(item, where, problems) -> str | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: each entry must be a mapping with a `code`.")
        return None
    code = item.get("code")
    if isinstance(code, bool):
        problems.append(f"{where}: the code {code!r} must be written in quotes (YAML reads yes/no as true/false).")
        return None
    if code is None or not isinstance(code, str | int) or not str(code).strip():
        problems.append(f"{where}: an entry has no `code`.")
        return None
    return str(code)


def _unique_codes(items, where, problems) -> dict:
    """{code: item}; reports entries without a code and duplicate codes."""
    seen: dict = {}
    for item in items:
        code = _code(item, where, problems)
        if code is None:
            continue
        if code in seen:
            problems.append(f"{where}: the code `{code}` is used more than once.")
            continue
        seen[code] = item
    return seen


def _texts(item, fields, where, problems, *, optional=()):
    for name in fields:
        value = item.get(name)
        if value is None and name in optional:
            continue
        if not isinstance(value, dict):
            problems.append(f"{where}: `{name}` needs an English (en) and a Danish (da) text.")
            continue
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), str) or not value.get(lang).strip():
                problems.append(f"{where}: `{name}` has no {'English' if lang == 'en' else 'Danish'} ({lang}) text.")


def resolve_source(value, sources: dict) -> dict | None:
    """The source a rule names: a code from the file's ``sources`` or a mapping of its own; None if neither."""
    if isinstance(value, str):
        return sources.get(value)
    return value if isinstance(value, dict) else None


def _source_problems(source: dict, where: str) -> list[str]:
    problems = []
    unknown = set(source) - SOURCE_KEYS
    if unknown:
        problems.append(f"{where}: the source has unknown keys: {', '.join(sorted(unknown))}.")
    for key in ("paragraph", "page"):
        if not isinstance(source.get(key), str) or not source.get(key).strip():
            problems.append(f"{where}: the source needs a `{key}`.")
    page = source.get("page")
    if isinstance(page, str) and page.strip() and not page.startswith(("https://", "http://")):
        problems.append(f"{where}: the source's `page` must be the address (https://…) of the page checked.")
    if "verified" in source and not isinstance(source["verified"], bool):
        problems.append(f"{where}: the source's `verified` must be true or false.")
    return problems


def _check_cited(item, where, sources, problems) -> None:
    """Every rule names its source: a code from ``sources`` or a mapping with paragraph and page."""
    value = item.get("source")
    if value in (None, "", {}):
        problems.append(f"{where}: names no source; give the paragraph and the page it was checked against.")
        return
    if isinstance(value, str) and value not in sources:
        problems.append(f"{where}: unknown source `{value}`.")
        return
    if not isinstance(value, str | dict):
        problems.append(f"{where}: `source` must be a source code or a mapping with paragraph and page.")
        return
    if isinstance(value, dict):
        problems.extend(_source_problems(value, where))


def _check_register_match(match, field, where, problems):
    if match in (None, {}):
        return
    if not isinstance(match, dict) or not match:
        problems.append(f"{where}: `register_match` must be a mapping such as {{min: 1950, max: 1977}}.")
        return
    unknown = set(match) - {"min", "max", "values", "present"}
    if unknown:
        problems.append(f"{where}: `register_match` has unknown keys: {', '.join(sorted(unknown))}.")
    if ("min" in match or "max" in match) and field not in NUMERIC_REGISTER_FIELDS:
        problems.append(f"{where}: min/max only work for the number fields {', '.join(NUMERIC_REGISTER_FIELDS)}.")
    for key in ("min", "max"):
        if key in match and (isinstance(match[key], bool) or not isinstance(match[key], int)):
            problems.append(f"{where}: `register_match.{key}` must be a whole number.")
    if "values" in match and (not isinstance(match["values"], list) or not match["values"]):
        problems.append(f"{where}: `register_match.values` must be a list of register texts.")


# --- The sections ----------------------------------------------------------------------------------

def _check_version(data, problems) -> None:
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        problems.append('`version` is missing: write it as a quoted text, for example version: "2026.1".')
    elif len(version) > CatalogueVersion._meta.get_field("version").max_length:
        problems.append("`version` is too long.")


def _check_sources(data, problems) -> dict:
    """The file's ``sources``: {code: {paragraph, page, verified?, note?}}, each complete."""
    sources = data.get("sources")
    if sources is None:
        return {}
    if not isinstance(sources, dict):
        problems.append("`sources` must be a mapping from a source code to its paragraph and page.")
        return {}
    for code, source in sources.items():
        if not isinstance(source, dict):
            problems.append(f"source `{code}`: must be a mapping with paragraph and page.")
            continue
        problems.extend(_source_problems(source, f"source `{code}`"))
    return {code: source for code, source in sources.items() if isinstance(source, dict)}


def _check_requirements(data, problems) -> dict:
    requirements = _unique_codes(_list(data, "requirements", "requirements", problems), "requirements", problems)
    for code, req in requirements.items():
        where = f"requirement `{code}`"
        _texts(req, ("title", "explanation", "good_example"), where, problems)
        formats = req.get("accepted_formats")
        if not isinstance(formats, list) or not formats:
            problems.append(f"{where}: `accepted_formats` must list at least one of {', '.join(FORMATS)}.")
        else:
            bad = [str(f) for f in formats if f not in FORMATS]
            if bad:
                problems.append(f"{where}: unknown file formats {', '.join(bad)} (use {', '.join(FORMATS)}).")
    return requirements


def _facts(questions: dict) -> dict[str, set]:
    """Facts a rule condition may name: every question (its option codes) and the derived facts."""
    facts: dict[str, set] = {name: set(values) for name, values in DERIVED_FACTS.items()}
    for qcode, question in questions.items():
        options = question.get("options") if isinstance(question.get("options"), list) else []
        facts[qcode] = {str(o.get("code")) for o in options if isinstance(o, dict) and o.get("code") is not None}
    return facts


def _check_condition(condition, rwhere, facts, problems) -> None:
    for fact, values in condition.items():
        if fact not in facts:
            problems.append(f"{rwhere}: the condition names an unknown fact `{fact}` "
                            f"(use a question code or {', '.join(DERIVED_FACTS)}).")
            continue
        if not isinstance(values, list) or not values:
            problems.append(f"{rwhere}: the condition on `{fact}` must list the values that match.")
            continue
        for value in values:
            if isinstance(value, bool):
                problems.append(f"{rwhere}: write {value!r} for `{fact}` in quotes (YAML reads yes/no as true/false).")
            elif str(value) not in facts[fact]:
                problems.append(f"{rwhere}: `{value}` is not an answer to `{fact}`.")


def _check_rule(rule, where, requirements, seen_reqs, facts, sources, problems) -> None:
    if not isinstance(rule, dict):
        problems.append(f"{where}: each rule must be a mapping with requirement and rule.")
        return
    req_code = rule.get("requirement")
    rwhere = f"{where}, rule for `{req_code}`"
    if req_code not in requirements:
        problems.append(f"{where}: unknown requirement `{req_code}` in its rules.")
    elif req_code in seen_reqs:
        problems.append(f"{where}: the requirement `{req_code}` has more than one rule.")
    seen_reqs.add(req_code)
    _check_cited(rule, rwhere, sources, problems)
    kind = rule.get("rule")
    if kind not in RULES:
        problems.append(f"{rwhere}: unknown rule `{kind}` (use {', '.join(RULES)}).")
        return
    condition = rule.get("condition")
    if kind in CONDITIONAL_RULES:
        if not isinstance(condition, dict) or not condition:
            problems.append(f"{rwhere}: `{kind}` needs a condition such as {{applying_for: [other]}}.")
            return
        _check_condition(condition, rwhere, facts, problems)
    elif condition:
        problems.append(f"{rwhere}: the rule `{kind}` takes no condition; use `{kind}_if` or remove it.")


def _check_types(data, requirements, facts, sources, problems) -> dict:
    types = _unique_codes(_list(data, "application_types", "application_types", problems), "application_types",
                          problems)
    for code, app_type in types.items():
        where = f"application type `{code}`"
        _texts(app_type, ("name", "summary"), where, problems)
        _texts(app_type, ("covers",), where, problems, optional=("covers",))
        if app_type.get("kind") not in KINDS:
            problems.append(f"{where}: `kind` must be one of {', '.join(KINDS)}.")
        days = app_type.get("service_target_days")
        if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
            problems.append(f"{where}: `service_target_days` must be a whole number of days above 0.")
        if app_type.get("service_target_scope", "national") not in TARGET_SCOPES:
            problems.append(f"{where}: `service_target_scope` must be one of {', '.join(TARGET_SCOPES)}.")
        _check_cited(app_type, where, sources, problems)
        rules = app_type.get("rules") or []
        if not isinstance(rules, list):
            problems.append(f"{where}: `rules` must be a list.")
            continue
        seen_reqs: set = set()
        for rule in rules:
            _check_rule(rule, where, requirements, seen_reqs, facts, sources, problems)
    return types


def _check_outcomes(outcomes, types, sources, problems) -> None:
    for code, outcome in outcomes.items():
        where = f"outcome `{code}`"
        kind = outcome.get("kind")
        if kind not in OUTCOME_KINDS:
            problems.append(f"{where}: `kind` must be one of {', '.join(OUTCOME_KINDS)}.")
        _texts(outcome, ("text",), where, problems)
        _check_cited(outcome, where, sources, problems)
        type_code = outcome.get("application_type")
        if kind == GuideOutcome.Kind.APPLICATION:
            if not type_code:
                problems.append(f"{where}: an application outcome needs an `application_type`.")
            elif type_code not in types:
                problems.append(f"{where}: unknown application type `{type_code}`.")
        elif type_code:
            problems.append(f"{where}: only application outcomes have an application type.")
        if kind == GuideOutcome.Kind.NO_PERMIT:
            _texts(outcome, ("still_applies", "must_report"), where, problems)


def _check_questions(questions, outcomes, sources, problems) -> tuple[dict, set]:
    """Each question and its options (a question that states numbers may name their source); returns the
    guide's edges {question: [next questions]} and the outcomes some option reaches."""
    edges: dict[str, list[str]] = {}
    reached_outcomes: set = set()
    for qcode, question in questions.items():
        where = f"question `{qcode}`"
        _texts(question, ("text",), where, problems)
        _texts(question, ("help",), where, problems, optional=("help",))
        if "source" in question:
            _check_cited(question, where, sources, problems)
        field = question.get("register_field")
        if field and field not in REGISTER_FIELDS:
            problems.append(f"{where}: unknown register field `{field}` (use {', '.join(REGISTER_FIELDS)}).")
        options = _list(question, "options", where, problems)
        if isinstance(question.get("options"), list) and not options:
            problems.append(f"{where}: has no options, so the guide stops there (dead end).")
        edges[qcode] = []
        for ocode, option in _unique_codes(options, f"{where} options", problems).items():
            owhere = f"{where}, option `{ocode}`"
            _texts(option, ("label",), owhere, problems)
            nxt, out = option.get("next"), option.get("outcome")
            if nxt and out:
                problems.append(f"{owhere}: has both `next` and `outcome`; keep one.")
            elif not nxt and not out:
                problems.append(f"{owhere}: leads nowhere (dead end): give it a `next` question or an `outcome`.")
            if nxt:
                if nxt in questions:
                    edges[qcode].append(nxt)
                else:
                    problems.append(f"{owhere}: unknown next question `{nxt}`.")
            if out:
                if out in outcomes:
                    reached_outcomes.add(out)
                else:
                    problems.append(f"{owhere}: unknown outcome `{out}`.")
            if option.get("register_match") and not field:
                problems.append(f"{owhere}: has `register_match` but the question has no `register_field`.")
            _check_register_match(option.get("register_match"), field, owhere, problems)
    return edges, reached_outcomes


def _check_reachable(guide, questions, outcomes, edges, reached_outcomes, problems) -> None:
    start = guide.get("start")
    if guide and start not in questions:
        problems.append(f"guide: the start question `{start}` does not exist.")
        return
    if not start:
        return
    reachable = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in reachable:
            continue
        reachable.add(node)
        stack.extend(edges.get(node, []))
    for qcode in questions:
        if qcode not in reachable:
            problems.append(f"question `{qcode}` cannot be reached from the start question `{start}` (dead end).")
    for code in outcomes:
        if code not in reached_outcomes:
            problems.append(f"outcome `{code}` is not the outcome of any option, so nobody can reach it.")


def _cycles(edges: dict[str, list[str]]) -> list[str]:
    """Each cycle in the guide once, as 'a -> b -> a'."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(edges, white)
    found = []
    seen_cycles = set()

    def visit(node, trail):
        colour[node] = grey
        trail.append(node)
        for nxt in edges.get(node, []):
            if colour.get(nxt) == grey:
                cycle = trail[trail.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    found.append("the guide goes round in a circle: " + " -> ".join(cycle) + ".")
            elif colour.get(nxt) == white:
                visit(nxt, trail)
        trail.pop()
        colour[node] = black

    for node in edges:
        if colour[node] == white:
            visit(node, [])
    return found


def check_catalogue(*, data: dict) -> list[str]:
    """Every problem in the catalogue data, each as a sentence saying where and what; [] when it is fine.

    Finds missing texts, duplicate codes, unknown codes (types, requirements, questions, outcomes, facts,
    fact values and sources), rules without a source, options that lead nowhere (dead ends), questions
    that cannot be reached from the start, and cycles in the guide.
    """
    if not isinstance(data, dict):
        return ["The catalogue must be a mapping with version, application_types, requirements and guide."]
    problems: list[str] = []
    _check_version(data, problems)
    sources = _check_sources(data, problems)
    requirements = _check_requirements(data, problems)
    guide = data.get("guide")
    if not isinstance(guide, dict):
        problems.append("`guide` is missing: it needs `start`, `questions` and `outcomes`.")
        guide = {}
    questions = _unique_codes(_list(guide, "questions", "guide", problems), "guide questions", problems)
    outcomes = _unique_codes(_list(guide, "outcomes", "guide", problems), "guide outcomes", problems)
    types = _check_types(data, requirements, _facts(questions), sources, problems)
    _check_outcomes(outcomes, types, sources, problems)
    edges, reached_outcomes = _check_questions(questions, outcomes, sources, problems)
    _check_reachable(guide, questions, outcomes, edges, reached_outcomes, problems)
    problems.extend(_cycles(edges))
    return problems
