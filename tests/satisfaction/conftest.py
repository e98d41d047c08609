import importlib

import pytest
from django.apps import apps as django_apps

_defaults = importlib.import_module("satisfaction.migrations.0002_default_surveys")


@pytest.fixture(autouse=True)
def default_surveys(db):
    """The four surveys the data migration creates (a transactional test elsewhere may have flushed them)."""
    _defaults.create_surveys(django_apps, None)
