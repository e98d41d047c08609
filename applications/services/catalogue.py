"""The catalogue: load the data file, check it, and work out which documents an application needs.

The data file (``applications/catalogue/catalogue.yaml``) is the source. ``load_catalogue`` upserts it
by stable codes and records a ``CatalogueVersion`` (with a snapshot of the data); loading the same file
again changes nothing. ``check_catalogue`` (in ``catalogue_check``) lists every problem a person must fix
before loading.
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
from applications.services.catalogue_check import LANGUAGES, check_catalogue, resolve_source

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "catalogue" / "catalogue.yaml"


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
    """Bring the database in line with the data, in bulk (a few dozen queries for the whole catalogue).

    Each rule's source is stored resolved (paragraph, page, verified), so the admin shows it and
    ``catalogue_as_data`` exports it for the check. About 65 lines on purpose: the tables are written in
    their dependency order (types, requirements, rules, questions, options, outcomes) in one pass that
    reads top to bottom."""
    sources = data.get("sources") or {}

    def source(item) -> dict:
        return dict(resolve_source(item.get("source"), sources) or {})

    type_codes = [item["code"] for item in data["application_types"]]
    types = _sync(ApplicationType, key=("code",), rows=[
        {"code": item["code"], **_tr(item, "name"), **_tr(item, "summary"), **_tr(item, "covers"),
         "kind": item["kind"], "service_target_days": item["service_target_days"],
         "service_target_scope": item.get("service_target_scope") or ApplicationType.TargetScope.NATIONAL,
         "source": source(item), "order": order, "is_active": True}
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
                "source": source(rule),
            })
    rules = _sync(RequirementRule, key=("application_type_id", "requirement_id"), rows=rule_rows)
    wanted_rules = {(r["application_type_id"], r["requirement_id"]) for r in rule_rows}
    RequirementRule.objects.filter(pk__in=[obj.pk for k, obj in rules.items() if k not in wanted_rules]).delete()

    guide = data["guide"]
    outcomes = _sync(GuideOutcome, key=("code",), rows=[
        {"code": item["code"], "kind": item["kind"],
         "application_type_id": types[(item["application_type"],)].pk if item.get("application_type") else None,
         **_tr(item, "text"), **_tr(item, "still_applies"), **_tr(item, "must_report"), "source": source(item)}
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


def requirements_for(*, application_type, facts: dict, municipality_id=None) -> list[tuple[DocumentRequirement, bool]]:
    """The documents an application of this type needs, given the facts: (requirement, required).

    ``application_type`` is an ApplicationType or its code. "always" and matching "required_if" rules
    give required=True; "recommended" and matching "recommended_if" give required=False. In the
    requirements' catalogue order. One query; with ``municipality_id``, a second: the requirements that
    municipality adds to the type on top of the national catalogue (``LocalRequirement``, issue 19), required.
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
    if municipality_id:
        from applications.models import LocalRequirement

        national = {req.pk for req, _required in result}
        local = (LocalRequirement.objects.filter(municipality_id=municipality_id, application_type__code=code,
                                                 requirement__isnull=False)
                 .select_related("requirement").order_by("requirement__order", "requirement__code"))
        result += [(row.requirement, True) for row in local if row.requirement_id not in national]
    return result


def current_version() -> str:
    """The version string of the catalogue in use, or "" before any catalogue is loaded."""
    return CatalogueVersion.objects.filter(is_current=True).values_list("version", flat=True).first() or ""
