"""The catalogue: load the data file, check it, and work out which documents an application needs.

The data file (``applications/catalogue/catalogue.yaml``) is the source. ``load_catalogue`` upserts it
by stable codes and records a ``CatalogueVersion`` (with a snapshot of the data); loading the same file
again changes nothing. ``check_catalogue`` lists every problem a person must fix before loading.
"""

import copy
import hashlib
import json
from pathlib import Path

import yaml
from django.db import transaction

from applications.models import (
    ApplicationType,
    CatalogueVersion,
    DocumentRequirement,
    GuideOption,
    GuideOutcome,
    GuideQuestion,
    RequirementRule,
)

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "catalogue" / "catalogue.yaml"
LANGUAGES = ("en", "da")
KINDS = tuple(ApplicationType.Kind.values)
RULES = tuple(RequirementRule.Rule.values)
CONDITIONAL_RULES = (RequirementRule.Rule.REQUIRED_IF, RequirementRule.Rule.RECOMMENDED_IF)
OUTCOME_KINDS = tuple(GuideOutcome.Kind.values)
FORMATS = ("pdf", "png", "jpeg")
REGISTER_FIELDS = ("year_built", "use", "zoning_plan", "built_area")
NUMERIC_REGISTER_FIELDS = ("year_built", "built_area")
# Facts the portal adds to the guide's answers (see services.guide.facts_for), with their values.
DERIVED_FACTS = {
    "applying_for": ("self", "other"),
    "built_1950_1977": ("yes", "no"),
}


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_parsed: dict = {}  # (path, modified, size) -> data: the file is parsed once per change, not per load


class CatalogueError(ValueError):
    """The catalogue file cannot be loaded; ``problems`` lists what to fix."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("The catalogue has problems:\n" + "\n".join(f"- {p}" for p in self.problems))


# --- Reading -------------------------------------------------------------------------------------

def read_catalogue(*, path=None) -> dict:
    """The data file parsed, or CatalogueError saying why it cannot be read."""
    path = Path(path or DEFAULT_PATH)
    try:
        stat = path.stat()
        cache_key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if cache_key in _parsed:
            return copy.deepcopy(_parsed[cache_key])
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError([f"Cannot read {path}: {exc.strerror or exc}."]) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueError([f"{path} is not UTF-8 text (at byte {exc.start}). Save it as UTF-8."]) from exc
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # a safe loader (C-accelerated where available)
    except yaml.YAMLError as exc:
        raise CatalogueError([f"{path} is not valid YAML: {exc}"]) from exc
    if not isinstance(data, dict):
        raise CatalogueError([f"{path} must hold a mapping with version, application_types, requirements and guide."])
    if len(_parsed) > 8:
        _parsed.clear()
    _parsed[cache_key] = data
    return copy.deepcopy(data)


def checksum(data: dict) -> str:
    """A fingerprint of the content (not of the layout: comments and spacing do not count)."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- Checking ------------------------------------------------------------------------------------

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


def check_catalogue(*, data: dict) -> list[str]:
    """Every problem in the catalogue data, each as a sentence saying where and what; [] when it is fine.

    Finds missing texts, duplicate codes, unknown codes (types, requirements, questions, outcomes, facts
    and fact values), options that lead nowhere (dead ends), questions that cannot be reached from the
    start, and cycles in the guide.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["The catalogue must be a mapping with version, application_types, requirements and guide."]
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        problems.append('`version` is missing: write it as a quoted text, for example version: "2026.1".')
    elif len(version) > CatalogueVersion._meta.get_field("version").max_length:
        problems.append("`version` is too long.")

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

    guide = data.get("guide")
    if not isinstance(guide, dict):
        problems.append("`guide` is missing: it needs `start`, `questions` and `outcomes`.")
        guide = {}
    questions = _unique_codes(_list(guide, "questions", "guide", problems), "guide questions", problems)
    outcomes = _unique_codes(_list(guide, "outcomes", "guide", problems), "guide outcomes", problems)

    # Facts a rule condition may name: every question (its option codes) and the derived facts.
    facts: dict[str, set] = {name: set(values) for name, values in DERIVED_FACTS.items()}
    for qcode, question in questions.items():
        options = question.get("options") if isinstance(question.get("options"), list) else []
        facts[qcode] = {str(o.get("code")) for o in options if isinstance(o, dict) and o.get("code") is not None}

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
        seen_reqs = set()
        rules = app_type.get("rules") or []
        if not isinstance(rules, list):
            problems.append(f"{where}: `rules` must be a list.")
            rules = []
        for rule in rules:
            if not isinstance(rule, dict):
                problems.append(f"{where}: each rule must be a mapping with requirement and rule.")
                continue
            req_code = rule.get("requirement")
            rwhere = f"{where}, rule for `{req_code}`"
            if req_code not in requirements:
                problems.append(f"{where}: unknown requirement `{req_code}` in its rules.")
            elif req_code in seen_reqs:
                problems.append(f"{where}: the requirement `{req_code}` has more than one rule.")
            seen_reqs.add(req_code)
            kind = rule.get("rule")
            if kind not in RULES:
                problems.append(f"{rwhere}: unknown rule `{kind}` (use {', '.join(RULES)}).")
                continue
            condition = rule.get("condition")
            if kind in CONDITIONAL_RULES:
                if not isinstance(condition, dict) or not condition:
                    problems.append(f"{rwhere}: `{kind}` needs a condition such as {{applying_for: [other]}}.")
                    continue
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
                            problems.append(f"{rwhere}: write {value!r} for `{fact}` in quotes "
                                            "(YAML reads yes/no as true/false).")
                        elif str(value) not in facts[fact]:
                            problems.append(f"{rwhere}: `{value}` is not an answer to `{fact}`.")
            elif condition:
                problems.append(f"{rwhere}: the rule `{kind}` takes no condition; use `{kind}_if` or remove it.")

    for code, outcome in outcomes.items():
        where = f"outcome `{code}`"
        kind = outcome.get("kind")
        if kind not in OUTCOME_KINDS:
            problems.append(f"{where}: `kind` must be one of {', '.join(OUTCOME_KINDS)}.")
        _texts(outcome, ("text",), where, problems)
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

    # The guide's graph.
    edges: dict[str, list[str]] = {}
    reached_outcomes: set = set()
    for qcode, question in questions.items():
        where = f"question `{qcode}`"
        _texts(question, ("text",), where, problems)
        _texts(question, ("help",), where, problems, optional=("help",))
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

    start = guide.get("start")
    if guide and start not in questions:
        problems.append(f"guide: the start question `{start}` does not exist.")
    elif start:
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
    problems.extend(_cycles(edges))
    return problems


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


# --- Loading -------------------------------------------------------------------------------------

def _tr(item: dict, name: str) -> dict:
    value = item.get(name) or {}
    return {f"{name}_{lang}": (value.get(lang) or "").strip() for lang in LANGUAGES}


@transaction.atomic
def load_catalogue(*, path=None) -> CatalogueVersion:
    """Load the catalogue file into the database and make its version the current one.

    Loading the same content again changes nothing (and keeps one version row). Changed content must
    carry a new ``version``; it is upserted by code and stored as a new current version with a
    snapshot. Types no longer in the file are deactivated; questions, options, outcomes and rules no
    longer in the file are removed. Raises CatalogueError listing the problems.
    """
    data = read_catalogue(path=path)
    problems = check_catalogue(data=data)
    if problems:
        raise CatalogueError(problems)
    digest = checksum(data)
    version = data["version"].strip()
    existing = CatalogueVersion.objects.filter(version=version).first()
    if existing and existing.checksum != digest:
        raise CatalogueError([
            f"The catalogue has changed but its version is still {version}, which is already loaded with other "
            f"content. Give it a new version (for example {_next_version(version)}) and load it again."
        ])
    if existing and existing.is_current:
        return existing

    _upsert(data)
    CatalogueVersion.objects.filter(is_current=True).update(is_current=False)
    if existing:
        existing.is_current = True
        existing.save(update_fields=["is_current"])
        return existing
    snapshot = json.loads(json.dumps(data, ensure_ascii=False, default=str))
    return CatalogueVersion.objects.create(version=version, checksum=digest, is_current=True, snapshot=snapshot)


def _next_version(version: str) -> str:
    head, _sep, tail = version.rpartition(".")
    return f"{head}.{int(tail) + 1}" if head and tail.isdigit() else f"{version}.1"


def _sync(model, *, key, rows: list[dict]) -> dict:
    """Create or update ``model`` rows in bulk, matched on the ``key`` fields; returns {key: obj} for all rows."""

    def key_of(obj):
        return tuple(getattr(obj, name) for name in key)

    existing = {key_of(obj): obj for obj in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for values in rows:
        obj = existing.get(tuple(values[name] for name in key))
        if obj is None:
            to_create.append(model(**values))
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            fields.update(changed)
            to_update.append(obj)
    if to_create:
        model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields))
    return {key_of(obj): obj for obj in model.objects.all()}


def _upsert(data: dict) -> None:
    """Bring the database in line with the data, in bulk (a few dozen queries for the whole catalogue)."""
    type_codes = [item["code"] for item in data["application_types"]]
    types = _sync(ApplicationType, key=("code",), rows=[
        {"code": item["code"], **_tr(item, "name"), **_tr(item, "summary"), **_tr(item, "covers"),
         "kind": item["kind"], "service_target_days": item["service_target_days"], "order": order, "is_active": True}
        for order, item in enumerate(data["application_types"])
    ])
    ApplicationType.objects.exclude(code__in=type_codes).update(is_active=False)

    requirements = _sync(DocumentRequirement, key=("code",), rows=[
        {"code": item["code"], **_tr(item, "title"), **_tr(item, "explanation"), **_tr(item, "good_example"),
         "accepted_formats": list(item["accepted_formats"]), "order": order}
        for order, item in enumerate(data["requirements"])
    ])

    rule_rows = []
    for item in data["application_types"]:
        for rule in item.get("rules") or []:
            rule_rows.append({
                "application_type_id": types[(item["code"],)].pk,
                "requirement_id": requirements[(rule["requirement"],)].pk,
                "rule": rule["rule"],
                "condition": {fact: [str(v) for v in values] for fact, values in (rule.get("condition") or {}).items()},
            })
    rules = _sync(RequirementRule, key=("application_type_id", "requirement_id"), rows=rule_rows)
    wanted_rules = {(r["application_type_id"], r["requirement_id"]) for r in rule_rows}
    RequirementRule.objects.filter(pk__in=[obj.pk for k, obj in rules.items() if k not in wanted_rules]).delete()

    guide = data["guide"]
    outcomes = _sync(GuideOutcome, key=("code",), rows=[
        {"code": item["code"], "kind": item["kind"],
         "application_type_id": types[(item["application_type"],)].pk if item.get("application_type") else None,
         **_tr(item, "text"), **_tr(item, "still_applies"), **_tr(item, "must_report")}
        for item in guide["outcomes"]
    ])
    questions = _sync(GuideQuestion, key=("code",), rows=[
        {"code": item["code"], **_tr(item, "text"), **_tr(item, "help"), "is_start": item["code"] == guide["start"],
         "register_field": item.get("register_field") or "", "order": order}
        for order, item in enumerate(guide["questions"])
    ])

    option_rows = []
    for item in guide["questions"]:
        for order, option in enumerate(item["options"]):
            option_rows.append({
                "question_id": questions[(item["code"],)].pk, "code": str(option["code"]), **_tr(option, "label"),
                "next_question_id": questions[(option["next"],)].pk if option.get("next") else None,
                "outcome_id": outcomes[(option["outcome"],)].pk if option.get("outcome") else None,
                "register_match": option.get("register_match") or {}, "order": order,
            })
    options = _sync(GuideOption, key=("question_id", "code"), rows=option_rows)
    wanted_options = {(o["question_id"], o["code"]) for o in option_rows}
    GuideOption.objects.filter(pk__in=[obj.pk for k, obj in options.items() if k not in wanted_options]).delete()
    GuideQuestion.objects.exclude(code__in=[item["code"] for item in guide["questions"]]).delete()
    GuideOutcome.objects.exclude(code__in=[item["code"] for item in guide["outcomes"]]).delete()


# --- Using the catalogue -------------------------------------------------------------------------

def condition_matches(condition: dict, facts: dict) -> bool:
    """True when every fact in the condition has one of its listed values."""
    return all(str(facts.get(fact)) in {str(v) for v in values} if fact in facts else False
               for fact, values in (condition or {}).items())


def requirements_for(*, application_type, facts: dict) -> list[tuple[DocumentRequirement, bool]]:
    """The documents an application of this type needs, given the facts: (requirement, required).

    ``application_type`` is an ApplicationType or its code. "always" and matching "required_if" rules
    give required=True; "recommended" and matching "recommended_if" give required=False. In the
    requirements' catalogue order. One query.
    """
    code = getattr(application_type, "code", application_type)
    rules = RequirementRule.objects.filter(application_type__code=code).select_related("requirement")
    result = []
    for rule in sorted(rules, key=lambda r: (r.requirement.order, r.requirement.code)):
        if rule.rule == RequirementRule.Rule.ALWAYS:
            result.append((rule.requirement, True))
        elif rule.rule == RequirementRule.Rule.RECOMMENDED:
            result.append((rule.requirement, False))
        elif condition_matches(rule.condition, facts or {}):
            result.append((rule.requirement, rule.rule == RequirementRule.Rule.REQUIRED_IF))
    return result


def current_version() -> str:
    """The version string of the catalogue in use, or "" before any catalogue is loaded."""
    return CatalogueVersion.objects.filter(is_current=True).values_list("version", flat=True).first() or ""
