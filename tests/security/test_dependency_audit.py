"""The dependency audit (scripts/audit_dependencies.py): range logic, fallback and the committed snapshot."""

import datetime as dt
import importlib.util
import json
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "audit_dependencies.py"
SNAPSHOT = ROOT / "security" / "advisories" / "pypa-snapshot.json"
CONSTRAINTS = ROOT / "constraints.txt"


def _load_module():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


audit = _load_module()


def advisory(ranges=(), versions=(), **extra):
    return {
        "id": "PYSEC-0000-TEST",
        "aliases": ["CVE-0000-0001"],
        "package": "demo",
        "ranges": list(ranges),
        "versions": list(versions),
        "summary": "test advisory",
        "modified": "2026-01-01T00:00:00Z",
        **extra,
    }


def write_case(tmp_path, pins, advisories, packages=("demo",), snapshot_date="2026-11-01"):
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("".join(f"{pin}\n" for pin in pins))
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(
        json.dumps(
            {
                "source": "test-db",
                "snapshot": snapshot_date,
                "packages_checked": list(packages),
                "advisories": list(advisories),
            }
        )
    )
    return constraints, snapshot


def run_offline(constraints, snapshot, *extra):
    return audit.main(["--offline", "--constraints", str(constraints), "--snapshot", str(snapshot), *extra])


def test_pin_inside_a_range_is_reported_and_fails(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["demo==1.5"], [advisory([{"introduced": "1.0", "fixed": "2.0"}])])
    assert run_offline(constraints, snapshot) == 1
    out = capsys.readouterr().out
    assert "AFFECTED demo==1.5: PYSEC-0000-TEST (CVE-0000-0001); fixed in 2.0" in out
    assert "1 packages checked against test-db snapshot of 2026-11-01: 1 known vulnerabilities" in out


def test_pin_at_the_fixed_version_is_clean(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["demo==2.0"], [advisory([{"introduced": "1.0", "fixed": "2.0"}])])
    assert run_offline(constraints, snapshot) == 0
    assert "0 known vulnerabilities" in capsys.readouterr().out


def test_pin_below_introduced_is_clean():
    assert not audit.affected("0.9", advisory([{"introduced": "1.0", "fixed": "2.0"}]))


def test_introduced_zero_means_from_the_first_release():
    adv = advisory([{"introduced": "0", "fixed": "1.2.3"}])
    assert audit.affected("0.0.1", adv)
    assert audit.affected("1.2.2", adv)
    assert not audit.affected("1.2.3", adv)


def test_last_affected_is_inclusive():
    adv = advisory([{"introduced": "0", "last_affected": "4.0.1"}])
    assert audit.affected("4.0.1", adv)
    assert not audit.affected("4.0.2", adv)


def test_range_without_fix_covers_every_later_version():
    adv = advisory([{"introduced": "3.0"}])
    assert audit.affected("99.0", adv)
    assert not audit.affected("2.9", adv)


def test_several_ranges_of_one_advisory():
    adv = advisory([{"introduced": "4.2", "fixed": "4.2.30"}, {"introduced": "5.2", "fixed": "5.2.13"}])
    assert audit.affected("4.2.29", adv)
    assert audit.affected("5.2.12", adv)
    assert not audit.affected("5.0", adv)
    assert not audit.affected("5.2.19", adv)


def test_explicit_versions_list_without_ranges(tmp_path, capsys):
    adv = advisory(versions=["1.0", "1.1"])
    assert audit.affected("1.1", adv)
    assert audit.affected("1.1.0", adv)  # same version, other spelling
    assert not audit.affected("1.2", adv)
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [adv])
    assert run_offline(constraints, snapshot) == 1
    assert "no fixed version recorded" in capsys.readouterr().out


def test_withdrawn_advisory_is_ignored():
    assert not audit.affected("1.0", advisory([{"introduced": "0"}], withdrawn="2024-01-01T00:00:00Z"))


def test_unparsable_pin_is_not_checked_and_fails_only_when_strict(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["demo==not a version"], [advisory([{"introduced": "0"}])])
    assert run_offline(constraints, snapshot) == 0
    out = capsys.readouterr().out
    assert "NOT CHECKED demo==not a version: version 'not a version' does not parse" in out
    assert "0 packages checked" in out
    assert run_offline(constraints, snapshot, "--strict") == 1


def test_package_missing_from_the_snapshot_is_not_checked(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["other==1.0"], [])
    assert run_offline(constraints, snapshot, "--strict") == 1
    assert "NOT CHECKED other==1.0: package not covered by the snapshot" in capsys.readouterr().out


def test_load_pins_normalises_names_and_skips_noise(tmp_path):
    path = tmp_path / "constraints.txt"
    path.write_text("# comment\n\nZope.Interface==8.7\ncelery[redis]==5.7.0 ; python_version>'3'\n-e .\nloose>=1\n")
    assert [(p.name, p.raw_name, p.version) for p in audit.load_pins(path)] == [
        ("zope-interface", "Zope.Interface", "8.7"),
        ("celery", "celery", "5.7.0"),
    ]


def test_old_snapshot_warns_but_does_not_fail(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [], snapshot_date="2026-01-01")
    assert audit.offline_audit(constraints, snapshot, strict=True, today=dt.date(2026, 11, 25)) == 0
    out = capsys.readouterr().out
    assert "WARNING: the advisory snapshot is 328 days old" in out
    assert "--refresh" in out


def test_invalid_snapshot_is_an_error(tmp_path):
    constraints, _ = write_case(tmp_path, ["demo==1.0"], [])
    broken = tmp_path / "broken.json"
    broken.write_text('{"source": "x"}')
    assert run_offline(constraints, broken) == 2


def _pip_audit_json(*dependencies) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


def test_live_answer_is_classified_from_pip_audits_json():
    clean = _pip_audit_json({"name": "demo", "version": "1.0", "vulns": []})
    assert audit.classify_live_output(clean, []) == ("clean", "")
    found = _pip_audit_json({"name": "Demo", "version": "1.0", "vulns": [
        {"id": "PYSEC-2026-1", "fix_versions": ["1.1"], "aliases": ["CVE-2026-1"], "description": "x"}]})
    status, output = audit.classify_live_output(found, [])
    assert status == "vulnerable"
    assert output == "AFFECTED Demo==1.0: PYSEC-2026-1 (CVE-2026-1); fixed in 1.1"
    skipped = _pip_audit_json({"name": "idna", "skip_reason": "Dependency not found on PyPI and could not be audited"})
    assert audit.classify_live_output(skipped, [])[0] == "unavailable"
    # No report at all: pip-audit printed an error (the service did not answer).
    assert audit.classify_live_output("", []) == ("unavailable", "")
    assert audit.classify_live_output("requests.exceptions.ConnectionError: Max retries", [])[0] == "unavailable"


def test_a_reviewed_finding_is_accepted_in_the_live_report_too(tmp_path):
    found = _pip_audit_json({"name": "demo", "version": "1.0", "vulns": [
        {"id": "GHSA-xxxx", "fix_versions": [], "aliases": ["PYSEC-0000-TEST"], "description": "x"}]})
    reviewed = audit.load_reviewed(_reviewed(tmp_path, "2027-01-01"))
    status, output = audit.classify_live_output(found, reviewed, dt.date(2026, 12, 1))
    assert status == "clean" and output.startswith("ACCEPTED demo==1.0: GHSA-xxxx")
    assert audit.classify_live_output(found, reviewed, dt.date(2027, 1, 2))[0] == "vulnerable"


def test_unreachable_services_fall_back_to_the_snapshot(tmp_path, capsys, monkeypatch):
    calls = []

    def fake_run(constraints, source, timeout, **kwargs):
        calls.append(source)
        return audit.LiveResult("unavailable", source, "Connection refused")

    monkeypatch.setattr(audit, "run_live_audit", fake_run)
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [])
    assert audit.main(["--constraints", str(constraints), "--snapshot", str(snapshot)]) == 0
    out = capsys.readouterr().out
    assert calls == ["pypi", "osv"]
    assert "falling back to the offline snapshot" in out
    assert "1 packages checked against test-db snapshot" in out


def test_live_results_decide_without_the_snapshot(tmp_path, capsys, monkeypatch):
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [advisory([{"introduced": "0"}])])
    monkeypatch.setattr(audit, "run_live_audit", lambda c, s, t, **kw: audit.LiveResult("clean", s, ""))
    assert audit.main(["--constraints", str(constraints), "--snapshot", str(snapshot)]) == 0
    assert "live audit (pypi): no known vulnerabilities" in capsys.readouterr().out
    table = "Found 1 known vulnerability in 1 package"
    monkeypatch.setattr(audit, "run_live_audit", lambda c, s, t, **kw: audit.LiveResult("vulnerable", s, table))
    assert audit.main(["--constraints", str(constraints), "--snapshot", str(snapshot)]) == 1
    assert table in capsys.readouterr().out


def test_refresh_without_osv_leaves_the_snapshot_alone(tmp_path, capsys, monkeypatch):
    def refused(*args, **kwargs):
        raise urllib.error.URLError("connection refused")

    monkeypatch.setattr(audit, "_post_json", refused)
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [])
    before = snapshot.read_text()
    assert audit.main(["--refresh", "--constraints", str(constraints), "--snapshot", str(snapshot)]) == 2
    assert snapshot.read_text() == before
    assert "osv.dev is not reachable" in capsys.readouterr().out


def test_osv_records_are_reduced_to_ranges():
    vuln = {
        "id": "GHSA-xxxx",
        "aliases": ["CVE-1"],
        "modified": "2026-02-02T00:00:00Z",
        "summary": "s",
        "affected": [
            {
                "package": {"ecosystem": "PyPI", "name": "Demo_Pkg"},
                "ranges": [
                    {"type": "GIT", "events": [{"introduced": "0"}, {"fixed": "abc"}]},
                    {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2"}, {"introduced": "2.0"}]},
                ],
                "versions": ["1.0"],
            },
            {"package": {"ecosystem": "npm", "name": "demo-pkg"}, "ranges": []},
        ],
    }
    adv = audit.osv_to_advisory(vuln, "demo-pkg")
    assert adv["ranges"] == [{"introduced": "0", "fixed": "1.2"}, {"introduced": "2.0"}]
    assert adv["versions"] == []
    assert audit.osv_to_advisory(vuln, "other") is None


def test_committed_snapshot_covers_every_pinned_package():
    snapshot = audit.load_snapshot(SNAPSHOT)
    pinned = {pin.name for pin in audit.load_pins(CONSTRAINTS)}
    assert len(pinned) == len(audit.load_pins(CONSTRAINTS))
    assert set(snapshot["packages_checked"]) == pinned
    assert {adv["package"] for adv in snapshot["advisories"]} <= pinned
    assert snapshot["source"] == "pypa/advisory-database"
    for adv in snapshot["advisories"]:
        assert adv["ranges"] or adv["versions"] or adv.get("withdrawn"), adv["id"]
        assert len(adv["summary"]) <= 200


def test_offline_audit_of_the_committed_snapshot_is_clean():
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--offline", "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 0, f"pinned packages with known vulnerabilities:\n{proc.stdout}{proc.stderr}"
    assert "0 known vulnerabilities" in proc.stdout


@pytest.mark.parametrize("version", ["5.2.19", "5.2.13"])
def test_committed_snapshot_django_pin_series(version):
    """Sanity check of the real data: 5.2.13 is hit by later 5.2 fixes, 5.2.19 is not."""
    snapshot = audit.load_snapshot(SNAPSHOT)
    pins = [audit.Pin("django", "Django", version)]
    findings = audit.check(pins, snapshot).findings
    assert bool(findings) == (version == "5.2.13")


# --- Reviewed findings ----------------------------------------------------------------------------------------------

def _reviewed(tmp_path, review_by, advisory_id="PYSEC-0000-TEST"):
    path = tmp_path / "reviewed.json"
    path.write_text(json.dumps([{"id": advisory_id, "package": "demo", "reason": "not in the runtime",
                                 "review_by": review_by}]))
    return path


def test_a_reviewed_finding_is_reported_but_not_counted_until_its_date(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [advisory([{"introduced": "0"}])])
    reviewed = _reviewed(tmp_path, "2026-12-31")
    status = audit.offline_audit(constraints, snapshot, True, today=dt.date(2026, 11, 25), reviewed_path=reviewed)
    out = capsys.readouterr().out
    assert status == 0
    assert "ACCEPTED demo==1.0: PYSEC-0000-TEST" in out and "not in the runtime" in out
    assert "0 known vulnerabilities" in out


def test_an_expired_review_counts_the_finding_again(tmp_path, capsys):
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [advisory([{"introduced": "0"}])])
    reviewed = _reviewed(tmp_path, "2026-11-24")
    status = audit.offline_audit(constraints, snapshot, True, today=dt.date(2026, 11, 25), reviewed_path=reviewed)
    assert status == 1
    assert "AFFECTED demo==1.0" in capsys.readouterr().out


def test_a_review_of_another_advisory_accepts_nothing(tmp_path):
    constraints, snapshot = write_case(tmp_path, ["demo==1.0"], [advisory([{"introduced": "0"}])])
    reviewed = _reviewed(tmp_path, "2027-01-01", advisory_id="PYSEC-0000-OTHER")
    assert audit.offline_audit(constraints, snapshot, True, today=dt.date(2026, 11, 25), reviewed_path=reviewed) == 1


def test_a_review_without_a_reason_is_refused(tmp_path):
    path = tmp_path / "reviewed.json"
    path.write_text(json.dumps([{"id": "X", "package": "demo", "review_by": "2027-01-01"}]))
    with pytest.raises(ValueError, match="reason"):
        audit.load_reviewed(path)
