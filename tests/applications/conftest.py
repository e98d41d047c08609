import pytest

from applications.services.catalogue import load_catalogue


@pytest.fixture
def catalogue(db):
    """The shipped catalogue loaded; returns its CatalogueVersion."""
    return load_catalogue()
