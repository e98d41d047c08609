import pytest

from applications.services.catalogue import load_catalogue
from tests.applications.factories import PropertyFactory


@pytest.fixture
def catalogue(db):
    """The shipped catalogue (types, requirements, rules, guide)."""
    return load_catalogue()


@pytest.fixture
def prop(db):
    return PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø")


@pytest.fixture(autouse=True)
def sketch_storage(tmp_path, monkeypatch):
    """Each test's sketches in its own folder, so a test can prove that nothing was stored.

    ``Sketch.file`` resolves its storage once, when the model is imported; point it at a fresh folder."""
    from django.core.files.storage import FileSystemStorage

    from predialogue.models import Sketch

    root = tmp_path / "private-sketches"
    root.mkdir()
    monkeypatch.setattr(Sketch._meta.get_field("file"), "storage", FileSystemStorage(location=str(root)))
    return root
