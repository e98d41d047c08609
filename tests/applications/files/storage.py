"""Keep each test's stored documents in its own folder.

``Document.file`` resolves its storage (``storages["private"]``) once, when the model is imported,
so changing ``settings.STORAGES`` in a test does not move it. This fixture points the field at a
fresh folder for the test, so tests can prove that nothing was stored.
"""

from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage

from applications.models import Document


@pytest.fixture
def private_storage(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "private-documents"
    root.mkdir()
    monkeypatch.setattr(Document._meta.get_field("file"), "storage", FileSystemStorage(location=str(root)))
    return root


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]
