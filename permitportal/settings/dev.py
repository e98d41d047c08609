"""The embedded default for a developer's machine: ``make run``."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
