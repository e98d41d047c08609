"""Demo data for ``manage.py seed_demo``: each part of the core adds its loader to LOADERS."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load_catalogue(*, stdout) -> list[str]:
    from applications.services.catalogue import load_catalogue as load

    version = load()
    return [f"Catalogue {version.version} loaded"]


def load_properties(*, stdout) -> list[str]:
    from applications.services.properties import import_properties

    report = import_properties(path=DATA / "demo_properties.csv")
    return [f"Properties: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."]


# Called in order; a later loader may use what an earlier one loaded (cases need properties).
LOADERS = [
    load_catalogue,
    load_properties,
]


def load(*, stdout) -> list[str]:
    lines: list[str] = []
    for loader in LOADERS:
        lines.extend(loader(stdout=stdout) or [])
    return lines
