#!/usr/bin/env python3
"""Audit the pinned packages in constraints.txt for known vulnerabilities.

The audit first asks a live advisory service through pip-audit (PyPI, then osv.dev) and reads its JSON
report (``pip-audit -f json``). When no service answers, it falls back to the offline snapshot of the
PyPA advisory database committed in security/advisories/pypa-snapshot.json, and says so. The reviewed
findings of security/advisories/reviewed.json are accepted (until their date) in both.

One file of about 480 lines on purpose: ``make audit`` and CI run it as a script, and its tests load it
by path (tests/security/test_dependency_audit.py); the offline check, the live run and the snapshot's
refresh share the pins, the advisories' ranges and the reviewed findings.

Exit status: 0 no known vulnerability, 1 vulnerabilities found (or, with --strict, pins that could not
be checked), 2 the audit itself could not run (missing or invalid snapshot, --refresh without osv.dev).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONSTRAINTS = ROOT / "constraints.txt"
DEFAULT_SNAPSHOT = ROOT / "security" / "advisories" / "pypa-snapshot.json"
DEFAULT_REVIEWED = ROOT / "security" / "advisories" / "reviewed.json"
DEFAULT_PIP_AUDIT = ROOT / ".venv" / "bin" / "pip-audit"
MAX_AGE_DAYS = 180
OSV_API = "https://api.osv.dev/v1"



@dataclass(frozen=True)
class Pin:
    """One `name==version` line of the constraints file."""

    name: str  # normalised (PEP 503)
    raw_name: str
    version: str


@dataclass(frozen=True)
class Finding:
    """A pin that falls in the affected range of an advisory."""

    pin: Pin
    advisory: dict
    fixed: str | None


@dataclass
class Report:
    """Result of checking every pin against a snapshot."""

    checked: list[Pin] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[tuple[Pin, str]] = field(default_factory=list)
    # Findings a person reviewed and accepted until a date (security/advisories/reviewed.json), with the reason.
    accepted: list[tuple[Finding, dict]] = field(default_factory=list)


@dataclass(frozen=True)
class LiveResult:
    """Outcome of one pip-audit run: 'clean', 'vulnerable' or 'unavailable', and what to print."""

    status: str
    source: str
    output: str


def normalize(name: str) -> str:
    """PEP 503 normalised project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def load_pins(path: Path | str) -> list[Pin]:
    """Read `name==version` pins, ignoring comments, blank lines, extras and markers."""
    pins = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        if "==" not in line:
            continue
        name, version = (part.strip() for part in line.split("==", 1))
        name = name.split("[", 1)[0].strip()
        pins.append(Pin(normalize(name), name, version))
    return pins


def load_snapshot(path: Path | str) -> dict:
    """Load and minimally validate an advisory snapshot."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in ("source", "snapshot", "packages_checked", "advisories"):
        if key not in data:
            raise ValueError(f"snapshot {path} has no {key!r} field")
    dt.date.fromisoformat(str(data["snapshot"])[:10])
    for adv in data["advisories"]:
        if "id" not in adv or "package" not in adv:
            raise ValueError(f"snapshot {path}: advisory without id or package: {adv!r}")
    return data


def _parse(value: str) -> Version | None:
    try:
        return Version(value)
    except InvalidVersion:
        return None


def matching_range(version: Version | str, advisory: dict) -> dict | None:
    """The range of the advisory that contains the version, or None.

    introduced "0" means from the first release; a range without fixed or last_affected is open.
    """
    if isinstance(version, str):
        version = Version(version)
    for rng in advisory.get("ranges") or []:
        introduced = str(rng.get("introduced", "0"))
        if introduced != "0":
            low = _parse(introduced)
            if low is None or version < low:
                continue
        if "fixed" in rng:
            high = _parse(str(rng["fixed"]))
            if high is None or version >= high:
                continue
        elif "last_affected" in rng:
            last = _parse(str(rng["last_affected"]))
            if last is None or version > last:
                continue
        return rng
    return None


def affected(version: Version | str, advisory: dict) -> bool:
    """True when the version is affected by the (not withdrawn) advisory."""
    if advisory.get("withdrawn"):
        return False
    if isinstance(version, str):
        version = Version(version)
    if matching_range(version, advisory) is not None:
        return True
    if not advisory.get("ranges"):
        for listed in advisory.get("versions") or []:
            parsed = _parse(str(listed))
            if parsed is not None and parsed == version:
                return True
    return False


def load_reviewed(path: Path | str) -> list[dict]:
    """Reviewed findings: ``[{"id", "package", "reason", "review_by"}]``; an absent file means none."""
    path = Path(path)
    if not path.exists():
        return []
    entries = json.loads(path.read_text(encoding="utf-8"))
    for entry in entries:
        missing = {"id", "package", "reason", "review_by"} - set(entry)
        if missing:
            raise ValueError(f"{path}: entry {entry.get('id', '?')} lacks {', '.join(sorted(missing))}")
        dt.date.fromisoformat(entry["review_by"])
    return entries


def _acceptance(finding: Finding, reviewed: list[dict], today: dt.date) -> dict | None:
    """The review that accepts this finding, if one names it and has not expired."""
    names = {finding.advisory["id"], *(finding.advisory.get("aliases") or [])}
    for entry in reviewed:
        if (normalize(entry["package"]) == finding.pin.name and entry["id"] in names
                and dt.date.fromisoformat(entry["review_by"]) >= today):
            return entry
    return None


def check(pins: list[Pin], snapshot: dict, reviewed: list[dict] | None = None, today: dt.date | None = None) -> Report:
    """Check every pin against every advisory of its package. A finding a current review accepts is
    reported apart and does not count; once the review date has passed it counts again."""
    today = today or dt.date.today()
    report = Report()
    covered = {normalize(name) for name in snapshot.get("packages_checked", [])}
    by_package: dict[str, list[dict]] = {}
    for adv in snapshot["advisories"]:
        by_package.setdefault(normalize(adv["package"]), []).append(adv)
    for pin in pins:
        version = _parse(pin.version)
        if version is None:
            report.not_checked.append((pin, f"version {pin.version!r} does not parse"))
            continue
        if pin.name not in covered:
            report.not_checked.append((pin, "package not covered by the snapshot (refresh it)"))
            continue
        report.checked.append(pin)
        for adv in by_package.get(pin.name, []):
            if affected(version, adv):
                rng = matching_range(version, adv)
                finding = Finding(pin, adv, rng.get("fixed") if rng else None)
                review = _acceptance(finding, reviewed or [], today)
                if review:
                    report.accepted.append((finding, review))
                else:
                    report.findings.append(finding)
    return report


def snapshot_age_days(snapshot: dict, today: dt.date | None = None) -> int:
    """Days between the snapshot date and today."""
    today = today or dt.date.today()
    return (today - dt.date.fromisoformat(str(snapshot["snapshot"])[:10])).days


def format_finding(finding: Finding) -> str:
    """One report line for an affected pin."""
    adv = finding.advisory
    aliases = ", ".join(adv.get("aliases") or []) or "no aliases"
    if finding.fixed:
        fix = f"fixed in {finding.fixed}"
    else:
        rng = matching_range(finding.pin.version, adv)
        if rng and "last_affected" in rng:
            fix = f"no fixed version recorded (last affected {rng['last_affected']})"
        else:
            fix = "no fixed version recorded"
    return f"AFFECTED {finding.pin.raw_name}=={finding.pin.version}: {adv['id']} ({aliases}); {fix}"


def print_report(report: Report, snapshot: dict, today: dt.date | None = None) -> None:
    """Print findings, unchecked pins, the age warning and the summary line."""
    for finding in report.findings:
        print(format_finding(finding))
    for finding, review in report.accepted:
        print(f"{format_finding(finding).replace('AFFECTED', 'ACCEPTED', 1)}; reviewed until {review['review_by']}: "
              f"{review['reason']}")
    for pin, reason in report.not_checked:
        print(f"NOT CHECKED {pin.raw_name}=={pin.version}: {reason}")
    age = snapshot_age_days(snapshot, today)
    if age > MAX_AGE_DAYS:
        print(
            f"WARNING: the advisory snapshot is {age} days old (older than {MAX_AGE_DAYS}); refresh it with "
            "`python scripts/audit_dependencies.py --refresh` on a machine that reaches osv.dev and commit "
            "security/advisories/pypa-snapshot.json."
        )
    print(
        f"{len(report.checked)} packages checked against {snapshot['source']} snapshot of "
        f"{str(snapshot['snapshot'])[:10]}: {len(report.findings)} known vulnerabilities"
    )


def run_live_audit(constraints: Path, source: str, timeout: float, pip_audit: Path = DEFAULT_PIP_AUDIT,
                   reviewed: list[dict] | None = None, today: dt.date | None = None) -> LiveResult:
    """Run pip-audit against one live service, read its JSON report and classify it."""
    cmd = [str(pip_audit), "-r", str(constraints), "--no-deps", "--disable-pip", "--progress-spinner", "off",
           "-s", source, "--strict", "-f", "json"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except FileNotFoundError:
        return LiveResult("unavailable", source, f"{pip_audit} is not installed")
    except subprocess.TimeoutExpired:
        return LiveResult("unavailable", source, f"pip-audit -s {source} did not finish within {timeout:.0f}s")
    status, output = classify_live_output(proc.stdout or "", reviewed or [], today)
    if status == "unavailable" and not output:
        output = proc.stderr or ""  # pip-audit's error: no report
    return LiveResult(status, source, output)


def live_findings(report: dict) -> list[Finding]:
    """The findings of pip-audit's JSON report (``{"dependencies": [{"name", "version", "vulns": [...]}]}``)."""
    findings = []
    for dependency in report["dependencies"]:
        pin = Pin(normalize(dependency["name"]), dependency["name"], dependency["version"])
        for vuln in dependency.get("vulns") or []:
            advisory = {"id": vuln["id"], "aliases": list(vuln.get("aliases") or []), "package": pin.name}
            findings.append(Finding(pin, advisory, ", ".join(vuln.get("fix_versions") or []) or None))
    return findings


def classify_live_output(stdout: str, reviewed: list[dict], today: dt.date | None = None) -> tuple[str, str]:
    """'clean', 'vulnerable' or 'unavailable' from pip-audit's JSON report, with the lines to print. No
    report (the service did not answer: pip-audit printed an error instead) or a dependency it could not
    audit is 'unavailable'. A finding a current review accepts (by its id or an alias) does not count."""
    try:
        report = json.loads(stdout)
        skipped = [d["name"] for d in report["dependencies"] if d.get("skip_reason")]
        findings = live_findings(report)
    except (ValueError, KeyError, TypeError):
        return "unavailable", ""
    if skipped:
        return "unavailable", f"could not be audited: {', '.join(skipped)}"
    today = today or dt.date.today()
    lines, counted = [], 0
    for finding in findings:
        review = _acceptance(finding, reviewed, today)
        if review:
            lines.append(f"{format_finding(finding).replace('AFFECTED', 'ACCEPTED', 1)}; reviewed until "
                         f"{review['review_by']}: {review['reason']}")
        else:
            counted += 1
            lines.append(format_finding(finding))
    return ("vulnerable" if counted else "clean"), "\n".join(lines)


def _last_lines(text: str, count: int = 3) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip() and not line.startswith("WARNING:")]
    return "\n".join("    " + line for line in lines[-count:])


def live_audit(constraints: Path, timeout: float, reviewed: list[dict] | None = None) -> LiveResult | None:
    """Try PyPI then osv.dev; None when neither answered."""
    for source in ("pypi", "osv"):
        result = run_live_audit(constraints, source, timeout, reviewed=reviewed)
        if result.status != "unavailable":
            return result
        print(f"live audit via {source} unavailable:\n{_last_lines(result.output)}")
    return None


def _post_json(url: str, payload: dict, timeout: float) -> dict:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def _get_json(url: str, timeout: float) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def osv_ranges(events: list[dict]) -> list[dict]:
    """Pair OSV events into introduced/fixed (or last_affected) ranges."""
    ranges: list[dict] = []
    current: dict | None = None
    for event in events:
        if "introduced" in event:
            if current is not None:
                ranges.append(current)
            current = {"introduced": str(event["introduced"])}
        elif "fixed" in event or "last_affected" in event:
            key = "fixed" if "fixed" in event else "last_affected"
            current = current or {"introduced": "0"}
            current[key] = str(event[key])
            ranges.append(current)
            current = None
    if current is not None:
        ranges.append(current)
    return ranges


def osv_to_advisory(vuln: dict, package: str) -> dict | None:
    """Reduce an OSV record to the fields the check needs, for one package."""
    ranges: list[dict] = []
    versions: list[str] = []
    for entry in vuln.get("affected", []):
        pkg = entry.get("package", {})
        if pkg.get("ecosystem") != "PyPI" or normalize(pkg.get("name", "")) != package:
            continue
        for rng in entry.get("ranges", []):
            if rng.get("type") == "ECOSYSTEM":
                ranges.extend(osv_ranges(rng.get("events", [])))
        versions.extend(str(v) for v in entry.get("versions", []))
    if not ranges and not versions:
        return None
    advisory = {
        "id": vuln["id"],
        "aliases": list(vuln.get("aliases", [])),
        "package": package,
        "ranges": ranges,
        "versions": [] if ranges else versions,
        "summary": (vuln.get("summary") or vuln.get("details") or "")[:200],
        "modified": vuln.get("modified", ""),
    }
    if vuln.get("withdrawn"):
        advisory["withdrawn"] = vuln["withdrawn"]
    return advisory


def refresh_snapshot(constraints: Path, snapshot_path: Path, timeout: float) -> int:
    """Download the advisories of every pinned package from osv.dev and rewrite the snapshot."""
    names = sorted({pin.name for pin in load_pins(constraints)})
    try:
        ids: dict[str, set[str]] = {name: set() for name in names}
        pending = {name: None for name in names}
        while pending:
            queries = []
            for name, token in pending.items():
                query: dict = {"package": {"name": name, "ecosystem": "PyPI"}}
                if token:
                    query["page_token"] = token
                queries.append(query)
            answer = _post_json(f"{OSV_API}/querybatch", {"queries": queries}, timeout)
            next_pending = {}
            for name, result in zip(pending, answer.get("results", []), strict=False):
                ids[name].update(v["id"] for v in result.get("vulns", []))
                if result.get("next_page_token"):
                    next_pending[name] = result["next_page_token"]
            pending = next_pending
        advisories = []
        for name in names:
            for vuln_id in sorted(ids[name]):
                advisory = osv_to_advisory(_get_json(f"{OSV_API}/vulns/{vuln_id}", timeout), name)
                if advisory:
                    advisories.append(advisory)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        print(f"osv.dev is not reachable ({exc}); the snapshot {snapshot_path} was left unchanged.")
        return 2
    stamps = [a["modified"][:10] for a in advisories if a.get("modified")]
    snapshot = {
        "source": "osv.dev (PyPI ecosystem, includes pypa/advisory-database)",
        "snapshot": max(stamps) if stamps else dt.date.today().isoformat(),
        "notes": [f"Refreshed from {OSV_API} on {dt.date.today().isoformat()}."],
        "packages_checked": names,
        "advisories": sorted(advisories, key=lambda a: (a["package"], a["id"])),
    }
    snapshot_path.write_text(json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(advisories)} advisories for {len(names)} packages to {snapshot_path}")
    return 0


def offline_audit(constraints: Path, snapshot_path: Path, strict: bool, today: dt.date | None = None,
                  reviewed_path: Path = DEFAULT_REVIEWED) -> int:
    """Check the pins against the committed snapshot and print the report."""
    try:
        snapshot = load_snapshot(snapshot_path)
        reviewed = load_reviewed(reviewed_path)
    except (OSError, ValueError) as exc:
        print(f"cannot read the advisory snapshot or the reviewed findings: {exc}")
        return 2
    report = check(load_pins(constraints), snapshot, reviewed, today)
    print_report(report, snapshot, today)
    if report.findings:
        return 1
    if strict and report.not_checked:
        print("--strict: some pins could not be checked.")
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--constraints", type=Path, default=DEFAULT_CONSTRAINTS, help="pinned requirements file")
    parser.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT, help="offline advisory snapshot")
    parser.add_argument("--reviewed", type=Path, default=DEFAULT_REVIEWED, help="reviewed, accepted findings")
    parser.add_argument("--offline", action="store_true", help="skip the live services, use the snapshot only")
    parser.add_argument("--strict", action="store_true", help="fail when a pin could not be checked")
    parser.add_argument("--refresh", action="store_true", help="rewrite the snapshot from osv.dev")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed to each live service")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.refresh:
        return refresh_snapshot(args.constraints, args.snapshot, args.timeout)
    if not args.offline:
        try:
            reviewed = load_reviewed(args.reviewed)
        except (OSError, ValueError) as exc:
            print(f"cannot read the reviewed findings: {exc}")
            return 2
        result = live_audit(args.constraints, args.timeout, reviewed)
        if result is not None and result.status == "clean":
            if result.output:
                print(result.output)
            print(f"live audit ({result.source}): no known vulnerabilities")
            return 0
        if result is not None:
            print(result.output.rstrip())
            print(f"live audit ({result.source}): known vulnerabilities found")
            return 1
        print(f"No live advisory service answered; falling back to the offline snapshot {args.snapshot}.")
    return offline_audit(args.constraints, args.snapshot, args.strict, reviewed_path=args.reviewed)


if __name__ == "__main__":
    sys.exit(main())
