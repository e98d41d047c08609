from celery import shared_task

from . import services


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def purge_unverified_accounts(self):
    return services.purge_unverified_accounts()


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def purge_login_attempts(self):
    return services.purge_login_attempts()


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def send_firm_member_email(self, membership_id: int, link: str):
    """A retry after a failure to send sends the one message again (nothing was sent before it)."""
    from .services_firms import mail_new_member

    return mail_new_member(membership_id=membership_id, link=link)
