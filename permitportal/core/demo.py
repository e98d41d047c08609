"""Demo data hooks: each app may add a ``demo.load(stdout)`` that seed_demo calls in order."""

import importlib

DEMO_MODULES = ["applications.demo", "predialogue.demo", "dialogueteam.demo", "satisfaction.demo"]


def run_demo_hooks(*, stdout):
    lines = []
    for name in DEMO_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        lines.extend(module.load(stdout=stdout) or [])
    return lines
