"""Bilingual model fields: each text has an ``_en`` and a ``_da`` column."""

from django.db import models
from django.utils import translation


def pick(obj, field: str, language: str | None = None) -> str:
    lang = (language or translation.get_language() or "en")[:2]
    value = getattr(obj, f"{field}_{lang}", "") or ""
    return value or getattr(obj, f"{field}_en", "") or getattr(obj, f"{field}_da", "") or ""


class BilingualMixin(models.Model):
    class Meta:
        abstract = True

    def tr(self, field: str, language: str | None = None) -> str:
        return pick(self, field, language)
