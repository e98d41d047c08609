"""Demo data hooks: each installed app may have a ``demo`` module whose ``load(stdout)`` seed_demo
calls, in the order of INSTALLED_APPS (applications, predialogue, dialogueteam, satisfaction), as
Django's admin discovers ``admin`` modules."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def demo_modules() -> list[str]:
    """The apps' demo modules, not this one (the core's own ``demo`` is the runner)."""
    return [f"{config.name}.demo" for config in apps.get_app_configs()
            if f"{config.name}.demo" != __name__ and module_has_submodule(config.module, "demo")]


def run_demo_hooks(*, stdout):
    lines = []
    for name in demo_modules():
        lines.extend(import_module(name).load(stdout=stdout) or [])
    return lines
