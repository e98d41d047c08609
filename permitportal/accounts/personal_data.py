"""What each app holds about a person, asked through one registry, so that the accounts package
knows no feature app (as ``applications.hooks`` lets other apps add checks to the core).

An app registers a ``Holder`` in its ``AppConfig.ready``:

- ``export(user) -> dict``: its sections of the personal-data download, ready for JSON;
- ``blockers(user) -> list[str]``: why the account cannot be deleted now, in sentences a person can
  act on (records the authority must keep);
- ``delete(user) -> int``: delete what goes with the account, inside the deletion's transaction
  (stored files after commit: ``transaction.on_commit``); returns how many records it deleted.

``permitportal.accounts.services_data`` asks every holder, in the order the apps are installed.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Holder:
    name: str
    export: Callable | None = None
    blockers: Callable | None = None
    delete: Callable | None = None


_holders: dict[str, Holder] = {}


def register(holder: Holder) -> None:
    """Add (or replace, by name) an app's holder; ``ready`` may run more than once in tests."""
    _holders[holder.name] = holder


def holders() -> list[Holder]:
    return list(_holders.values())


def iso(value):
    """A date or time as ISO 8601 text for the download, or None."""
    return value.isoformat() if value else None
