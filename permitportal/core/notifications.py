"""E-mail (and text messages) in the recipient's language, from templates.

A message is rendered from ``<template>_subject.txt`` and ``<template>.txt`` (and
``<template>.html`` when present) under ``templates/``.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def send_templated_email(*, to: list[str], template: str, context: dict, language: str = "da",
                         attachments: list[tuple[str, bytes, str]] | None = None) -> int:
    context = {"site_url": settings.SITE_URL, "contact": settings.PORTAL_CONTACT_POINTS, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=settings.DEFAULT_FROM_EMAIL)
    if html:
        message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments or []:
        message.attach(name, content, mimetype)
    return message.send()


class ConsoleSMSBackend:
    """Development text-message backend: writes the message to the log."""

    sent: list[tuple[str, str]] = []

    def send(self, *, to: str, text: str) -> None:
        self.sent.append((to, text))
        logger.info("SMS to %s: %s", to, text)


def get_sms_backend():
    path = getattr(settings, "SMS_BACKEND", "permitportal.core.notifications.ConsoleSMSBackend")
    return import_string(path)()


def send_sms(*, to: str, text: str) -> None:
    if to:
        get_sms_backend().send(to=to, text=text)
