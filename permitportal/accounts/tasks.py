from celery import shared_task

from . import services


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def purge_unverified_accounts(self):
    return services.purge_unverified_accounts()


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def purge_login_attempts(self):
    return services.purge_login_attempts()
