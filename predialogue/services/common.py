"""Small helpers the pre-application services share."""

from django.conf import settings


def clean(value) -> str:
    return (value or "").strip()


def language_code(value) -> str:
    code = (value or "da")[:2]
    return code if code in dict(settings.LANGUAGES) else "da"
