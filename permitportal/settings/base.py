"""Settings shared by every environment, driven by environment variables.

With nothing set the portal runs on the embedded default: SQLite, Celery tasks in-process,
e-mail to the console and private files on local disk. ``DATABASE_URL`` and
``CELERY_BROKER_URL`` switch to PostgreSQL and Redis with real workers.

One module of about 490 lines on purpose: Django reads one settings module per environment (``dev``, ``test``,
``production`` import this one and change a few values), and every value here is read from the environment
in one place.
"""

import importlib.util
import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
(BASE_DIR / "var" / "staticfiles").mkdir(parents=True, exist_ok=True)


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789-abcdefghijklmnopqrstuvwxyz")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
# Existing properties and cases, and a register row without a code, land in this municipality.
DEFAULT_MUNICIPALITY_CODE = env("DEFAULT_MUNICIPALITY_CODE", "0101")
DEFAULT_MUNICIPALITY_NAME = env("DEFAULT_MUNICIPALITY_NAME", "København")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "permitportal.accounts",
    "permitportal.core",
    "applications",
    "predialogue",
    "dialogueteam",
    "satisfaction",
    "hearings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "permitportal.core.middleware.RefuseControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "permitportal.accounts.middleware.PreferredLanguageMiddleware",
    "permitportal.core.audit.StaffReadAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "permitportal.core.errors.DomainErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "permitportal.urls"
WSGI_APPLICATION = "permitportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "permitportal.core.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# "transaction" when DATABASE_URL points to a pooler in transaction mode (PgBouncer, docker-compose.yml):
# consecutive transactions of one Django connection may then run on different server sessions, so
# nothing may outlive a transaction on the server (README.md, "Scaling: worker pools and the pooler").
DATABASE_POOLER = env("DATABASE_POOLER", "")
if DATABASE_POOLER not in ("", "transaction"):
    raise ImproperlyConfigured("DATABASE_POOLER must be empty (a direct connection) or 'transaction'.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Wait up to 20 s for another writer, and take the write lock when a transaction begins: a
    # transaction that read first and wrote later would otherwise fail at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    # A covering index's extra columns (satisfaction.CaseFacts) serve PostgreSQL; SQLite ignores them, harmlessly.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
elif "postgresql" in DATABASES["default"]["ENGINE"] and DATABASE_POOLER == "transaction":
    # Server-side cursors (.iterator()) keep a cursor open across the pooler's transactions: off. No
    # startup "options" (PgBouncer refuses them): the pooler's connect_query sets jit=off instead, and
    # the lookup's statements are not prepared (permitportal.core.prepared), so no plan_cache_mode.
    # The connection to PgBouncer is cheap and kept (CONN_MAX_AGE as for a direct connection).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # Statements the portal prepares (permitportal.core.prepared: the lookup) are planned once per connection.
    # No JIT: a generic plan's row estimates can pass jit_above_cost, and compiling a statement that runs
    # in a millisecond costs most of a second (measured on the lookup).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c plan_cache_mode=force_generic_plan -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "permitportal.accounts.backends.EmailBackend",
    "permitportal.accounts.oidc.NationalLoginBackend",
]
# The national login (MitID through an OpenID Connect broker), by mozilla-django-oidc: on when a client id
# and the provider's endpoints are set. The claims that carry the verified name, the person identifier and
# the company number (CVR) are configurable; the person identifier is stored only as a hash.
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
OIDC_CLAIM_NAME = env("OIDC_CLAIM_NAME", "name")
OIDC_CLAIM_PERSON_ID = env("OIDC_CLAIM_PERSON_ID", "sub")
OIDC_CLAIM_CVR = env("OIDC_CLAIM_CVR", "cvr")
OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", "MitID")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
OIDC_CALLBACK_CLASS = "permitportal.accounts.oidc.NationalLoginCallbackView"
OIDC_AUTHENTICATE_CLASS = "permitportal.accounts.oidc.NationalLoginStartView"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed-login throttling (accounts.backends, every way in): after this many failures within the window
# for one account from one client address (four times as many from one client address over all accounts)
# each further attempt waits LOGIN_DELAY_SECONDS, doubling with every failure up to LOGIN_DELAY_MAX_SECONDS.
# Nothing locks an account: its owner logs in from their own address, and a password reset clears it.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW = timedelta(minutes=env_int("LOGIN_FAILURE_WINDOW_MINUTES", 15))
LOGIN_DELAY_SECONDS = env_int("LOGIN_DELAY_SECONDS", 2)
LOGIN_DELAY_MAX_SECONDS = env_int("LOGIN_DELAY_MAX_SECONDS", 300)
# How many reverse proxies of our own stand in front of the portal (the production TLS proxy: 1). The
# client's address is then read from X-Forwarded-For as the outermost of them saw it; 0 reads REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# A staff member's session ends after this many hours (an applicant's after SESSION_COOKIE_AGE, 2 weeks).
STAFF_SESSION_AGE = timedelta(hours=env_int("STAFF_SESSION_HOURS", 8))
# An API token works this many days (and not after its owner's password changes).
API_TOKEN_LIFETIME = timedelta(days=env_int("API_TOKEN_DAYS", 30))
ACCOUNT_VERIFICATION_MAX_AGE = timedelta(days=env_int("ACCOUNT_VERIFICATION_DAYS", 3))
# An invitation to an account made for someone (a firm's new member, an assisted citizen) works this many days.
ACCOUNT_INVITATION_MAX_AGE = timedelta(days=env_int("ACCOUNT_INVITATION_DAYS", 14))
# The link an assisted citizen confirms and submits their application with works this many days (issue 20).
ASSISTED_CONFIRM_DAYS = env_int("ASSISTED_CONFIRM_DAYS", 14)

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("da", _("Danish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["permitportal.formats"]  # the date formats per language
TIME_ZONE = env("TIME_ZONE", "Europe/Copenhagen")
USE_I18N = True
USE_TZ = True

# --- Static and private files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
_bootstrap_dir = Path(importlib.util.find_spec("bootstrap").submodule_search_locations[0])
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/bootstrap", _bootstrap_dir)]
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No MEDIA_URL: private files are only ever served through permission-checked views.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ----------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Byggesag <byggesag@example.dk>")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)

# --- Celery ----------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# Without a broker every task runs in-process, right away: the embedded default.
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TIMEZONE = TIME_ZONE
# A broker that is down must not hang a request: publishing gives up quickly and the periodic
# sweeps pick up the work once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TASK_PUBLISH_RETRY = False
# Worker pools per queue (docker-compose.yml runs one worker service per queue): "casework" screens
# submissions and uploads and writes advisories, so a burst of letters never delays screening;
# "letters" renders PDFs and sends e-mail and survey invitations; everything else (purges, expiry,
# the sweeps that only re-send letters, pings, figures) runs on Celery's default queue "celery".
# One table, by task name: no call names a queue. tests/permitportal/test_task_routes.py checks
# that every task is routed to a queue some compose worker consumes.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CASEWORK_QUEUE_TASKS = (
    "applications.tasks.screen_case",
    "applications.tasks.sweep_unscreened_cases",
    "applications.tasks.sweep_unscreened_uploads",
    "applications.tasks.sweep_advisories",
)
LETTERS_QUEUE_TASKS = (
    "applications.tasks.send_receipt",
    "applications.tasks.send_draft_reminders",
    "applications.tasks.send_advisory_digests",
    "applications.tasks.generate_decision_letter",
    "applications.tasks.notify_status_change",
    "applications.tasks.notify_information_request",
    "applications.tasks.notify_date_changes",
    "applications.tasks.send_assisted_link",
    "applications.tasks.notify_stage_document_refused",
    "permitportal.accounts.tasks.send_firm_member_email",
    "dialogueteam.tasks.send_question_answer",
    "predialogue.tasks.send_request_received",
    "predialogue.tasks.send_meeting_notice",
    "predialogue.tasks.send_minutes",
    "predialogue.tasks.send_registration_confirmation",
    "predialogue.tasks.send_registration_link",
    "satisfaction.tasks.send_invitation",
)
CELERY_TASK_ROUTES = {
    **{name: {"queue": "casework"} for name in CASEWORK_QUEUE_TASKS},
    **{name: {"queue": "letters"} for name in LETTERS_QUEUE_TASKS},
}
# What `make worker` and the integration tests' worker consume: every queue, so nothing is stranded.
CELERY_ALL_QUEUES = ("casework", "letters", CELERY_TASK_DEFAULT_QUEUE)
CELERY_BEAT_SCHEDULE = {
    "sweep-hearings": {
        "task": "hearings.tasks.sweep_hearings",
        "schedule": crontab(minute=20, hour="*/6"),
    },
    "purge-unverified-accounts": {
        "task": "permitportal.accounts.tasks.purge_unverified_accounts",
        "schedule": crontab(minute=15, hour=3),
    },
    "send-draft-reminders": {
        "task": "applications.tasks.send_draft_reminders",
        "schedule": crontab(minute=0, hour=8),
    },
    "expire-drafts": {
        "task": "applications.tasks.expire_drafts",
        "schedule": crontab(minute=30, hour=2),
    },
    "sweep-unsent-receipts": {
        "task": "applications.tasks.sweep_unsent_receipts",
        "schedule": crontab(minute="*/10"),
    },
    "sweep-unscreened-cases": {
        "task": "applications.tasks.sweep_unscreened_cases",
        "schedule": crontab(minute="*/5"),
    },
    "sweep-unscreened-uploads": {
        "task": "applications.tasks.sweep_unscreened_uploads",
        "schedule": crontab(minute="2-59/5"),
    },
    "sweep-advisories": {
        "task": "applications.tasks.sweep_advisories",
        "schedule": crontab(minute=5),
    },
    "send-advisory-digests": {
        "task": "applications.tasks.send_advisory_digests",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon-fri"),
    },
    "close-decided-cases": {
        "task": "applications.tasks.close_decided_cases",
        "schedule": crontab(minute=45, hour=1),
    },
    "permit-lapse-sweep": {
        "task": "applications.tasks.sweep_permit_lapses",
        "schedule": crontab(minute=55, hour=1),
    },
    "expire-mandates": {
        "task": "applications.tasks.expire_mandates",
        "schedule": crontab(minute=5, hour=0),
    },
    "purge-login-attempts": {
        "task": "permitportal.accounts.tasks.purge_login_attempts",
        "schedule": crontab(minute=30, hour=3),
    },
    "dialogue-sweep": {
        "task": "dialogueteam.tasks.sweep_dialogue",
        "schedule": crontab(minute="*/15"),
    },
    "satisfaction-sweep-pending-invitations": {
        "task": "satisfaction.tasks.sweep_pending_invitations",
        "schedule": crontab(minute="7,22,37,52"),
    },
    "satisfaction-refresh-kpi-facts": {
        "task": "satisfaction.tasks.refresh_recent_facts",
        "schedule": crontab(minute="*/10"),
    },
}

# --- REST API --------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "permitportal.accounts.api_auth.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "permitportal.core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Refuse control characters, NUL and deep nesting in every request body (permitportal/core/parsers.py).
    "DEFAULT_PARSER_CLASSES": ["permitportal.core.parsers.JSONParser", "permitportal.core.parsers.FormParser",
                               "permitportal.core.parsers.MultiPartParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Permit portal API",
    "DESCRIPTION": "Building-permit applications, case handling, dialogue team and satisfaction.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several components have a field called "status" with different choices: name each set.
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": ["draft", "submitted", "awaiting_information", "complete", "in_review", "decided",
                           "appealed", "permitted", "work_started", "lapsed", "completion_reported", "closed",
                           "withdrawn"],
        "AppealStatusEnum": ["lodged", "forwarded", "upheld", "overturned", "remitted", "withdrawn"],
        "MeetingStatusEnum": "predialogue.models.Meeting.Status",
        "MeetingClosingStatusEnum": [("held", "held"), ("cancelled", "cancelled")],
    },
}

# --- Security headers (tightened further in production) --------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Uploads per case, replaced versions included (applications.services.documents).
CASE_MAX_DOCUMENTS = env_int("CASE_MAX_DOCUMENTS", 200)
CASE_MAX_BYTES = env_int("CASE_MAX_BYTES", 1024 * 1024 * 1024)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Portal ----------------------------------------------------------------------------------
# Contact points shown in every page's footer. Override with PORTAL_CONTACT_POINTS (JSON).
PORTAL_CONTACT_POINTS = json.loads(
    env(
        "PORTAL_CONTACT_POINTS",
        json.dumps(
            {
                "municipality": "Københavns Kommune",
                "dialogue_team": {
                    "phone": "+45 33 66 52 00",
                    "email": "byggesag@kk.example.dk",
                    "hours": {"en": "Monday to Thursday 9–15, Friday 9–13",
                              "da": "Mandag til torsdag 9–15, fredag 9–13"},
                },
                "customer_centre": {
                    "address": "Njalsgade 13, 2300 København S",
                    "hours": {"en": "Monday to Friday 10–14, Thursday until 17",
                              "da": "Mandag til fredag 10–14, torsdag til 17"},
                },
                "building_centre": {
                    "address": "Njalsgade 13, 2300 København S",
                    "hours": {"en": "By appointment, book a meeting in the portal",
                              "da": "Efter aftale, book et møde i portalen"},
                },
            }
        ),
    )
)

# Drafts are kept this long after the last change; reminders go out 7 days and 1 day before.
DRAFT_LIFETIME_DAYS = env_int("DRAFT_LIFETIME_DAYS", 90)
# The expected decision date at submission: submission day + this allowance + the type's target.
SCREENING_ALLOWANCE_DAYS = env_int("SCREENING_ALLOWANCE_DAYS", 5)
# A case is "at risk" this many days before its expected decision date.
TARGET_AT_RISK_DAYS = env_int("TARGET_AT_RISK_DAYS", 5)

# Submitted cases with no screening result after this many minutes are screened again by the sweep.
SCREENING_SWEEP_MINUTES = env_int("SCREENING_SWEEP_MINUTES", 10)
# A decided case is closed when the appeal period has passed (4 weeks in Denmark).
APPEAL_PERIOD_DAYS = env_int("APPEAL_PERIOD_DAYS", 28)
# Reminders to a permit's holder that it lapses unless the work starts (byggeloven § 16, stk. 10: one
# year): days before the lapse day, e.g. about 2 months and 2 weeks ("61,14").
PERMIT_LAPSE_REMINDER_DAYS = tuple(int(d) for d in os.environ.get("PERMIT_LAPSE_REMINDER_DAYS", "61,14").split(",")
                                   if d.strip())
# Days an applicant gets to answer an information request, by default.
INFORMATION_REQUEST_DAYS = env_int("INFORMATION_REQUEST_DAYS", 21)
PORTAL_ADVISORY_COUNT_FUNCTION = "applications.selectors.advisories.unread_count"
# A question the dialogue team forwards to a caseworker is overdue after this many working days.
DIALOGUE_FORWARD_NORM_WORKING_DAYS = env_int("DIALOGUE_FORWARD_NORM_WORKING_DAYS", 2)
# A help code lets the dialogue team see an applicant's draft for this many minutes.
DIALOGUE_HELP_CODE_MINUTES = env_int("DIALOGUE_HELP_CODE_MINUTES", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
PREDIALOGUE_LINK_DAYS = env_int("PREDIALOGUE_LINK_DAYS", 365)  # days in which minutes are offered to a new case
# Open-house registrations: confirmation e-mails to one address a day, registrations from one client an hour.
OPEN_HOUSE_LINKS_PER_ADDRESS = env_int("OPEN_HOUSE_LINKS_PER_ADDRESS", 3)
OPEN_HOUSE_REGISTRATIONS_PER_CLIENT = env_int("OPEN_HOUSE_REGISTRATIONS_PER_CLIENT", 10)
# An invitation to represent an applicant works this many days, for the invited e-mail address only.
REPRESENTATIVE_INVITATION_DAYS = env_int("REPRESENTATIVE_INVITATION_DAYS", 14)

# Hearings (issue 17): the default deadline per kind in days, the days a link still takes a late answer
# after the deadline, and the days before the deadline a party who has not answered is reminded.
HEARING_DEADLINE_DAYS = {"neighbours": 14, "parties": 14, "authority": 14}
HEARING_GRACE_DAYS = 7
HEARING_REMINDER_DAYS = 3
