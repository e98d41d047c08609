"""Issue 19, item 1: municipalities, staff membership (``manage.py create_staff``) and the upgrade that
puts every existing property and case in the default municipality."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from applications.models import Municipality
from permitportal.accounts import roles
from permitportal.accounts.models import User

BEFORE = [("applications", "0014_hearings_and_appeals_advisory_kinds")]  # the newest before municipalities


@pytest.mark.django_db
def test_create_staff_makes_a_member_of_the_named_municipalities_and_is_idempotent(capsys):
    Municipality.objects.create(code="0147", name="Frederiksberg")
    Municipality.objects.get_or_create(code="0101", defaults={"name": "København"})
    call_command("create_staff", "Casey@Example.dk", "caseworker", "0101", "0147")
    user = User.objects.get(email="casey@example.dk")
    assert roles.role_names(user) == {"caseworker"}
    assert sorted(user.municipalities.values_list("code", flat=True)) == ["0101", "0147"]
    assert not user.has_usable_password()
    call_command("create_staff", "casey@example.dk", "caseworker", "0147")
    assert User.objects.filter(email="casey@example.dk").count() == 1
    assert sorted(user.municipalities.values_list("code", flat=True)) == ["0101", "0147"]
    assert "exists: casey@example.dk" in capsys.readouterr().out


@pytest.mark.django_db
def test_create_staff_refuses_an_unknown_code_and_staff_without_a_municipality():
    with pytest.raises(CommandError, match="0999"):
        call_command("create_staff", "x@example.dk", "manager", "0999")
    with pytest.raises(CommandError, match="at least one municipality"):
        call_command("create_staff", "x@example.dk", "manager")
    assert not User.objects.filter(email="x@example.dk").exists()
    call_command("create_staff", "nat@example.dk", "national")
    assert roles.role_names(User.objects.get(email="nat@example.dk")) == {"national"}


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_puts_existing_properties_and_cases_in_the_default_municipality(settings):
    """Data from before municipalities existed lands in DEFAULT_MUNICIPALITY_CODE; nothing is lost."""
    settings.DEFAULT_MUNICIPALITY_CODE, settings.DEFAULT_MUNICIPALITY_NAME = "0147", "Frederiksberg"
    executor = MigrationExecutor(connection)
    leaf = executor.loader.graph.leaf_nodes("applications")
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(email="old@example.dk", password="!")
    props = [old.get_model("applications", "Property").objects.create(
        address=f"Godthåbsvej {n}", postcode="2000", city="Frederiksberg", cadastral_number=f"{n}a",
        property_number=str(800000 + n)) for n in (1, 2)]
    case = old.get_model("applications", "Case").objects.create(property=props[0], applicant=user, status="submitted",
                                                                reference="B-2026-00001")
    executor = MigrationExecutor(connection)
    executor.migrate(leaf)
    from applications.models import Case, Property

    municipality = Municipality.objects.get(code="0147")
    assert municipality.name == "Frederiksberg"
    assert set(Property.objects.values_list("municipality_id", flat=True)) == {municipality.pk}
    assert Property.objects.count() == 2
    assert Case.objects.get(pk=case.pk).property.municipality == municipality
