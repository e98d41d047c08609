"""The one state-machine primitive: every stateful model (cases, pre-application meetings, and the
hearings, appeals and mandates to come) declares its table with it and changes status only through it.

A machine owns four things, so that no caller can forget one:

- **the table**: ``Edge(source, target, rule)`` rows, each naming the rule it serves; an ``internal``
  edge is taken only by the system (a sweep, a reply closing a request), never asked for by a person;
- **the lock**: the row is read again ``SELECT ... FOR UPDATE`` inside one transaction, so of two
  simultaneous requests exactly one moves the object and the other gets ``NotAllowed`` (409);
- **the event**: ``record_event`` writes the timeline row in the same transaction;
- **the signal**: ``on_commit`` runs after the commit (receivers never see a change that rolled back).

**Protected status.** The status field is a ``StatusField``: assigning it outside
``StateMachine.transition`` raises ``ProtectedStatus`` at run time, and so do ``QuerySet.update(status=...)``,
``bulk_update(..., ["status"])`` and creating a row in any state but the initial one (``StatusQuerySet``).

Why our own and not django-fsm-2 with ``protected=True``: its protection covers attribute assignment
only, so ``.update()`` and ``bulk_update`` would still need a queryset of our own (and
``refresh_from_db`` its ``FSMModelMixin``); the row lock, the event row and the after-commit signal
would still be ours to write around its ``@transition`` methods; and a table spread over decorated
methods reads worse than the one list of edges STYLE.md keeps. What the library would add is the
table lookup, which here is a dict. So: one module of about 200 lines, no new dependency.
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.query_utils import DeferredAttribute
from django.utils import timezone

from permitportal.core.errors import NotAllowed

# True while a machine (or a migration of historic data, or a test fixture) writes the status.
_writing: ContextVar[bool] = ContextVar("state_machine_writing", default=False)


class ProtectedStatus(RuntimeError):
    """Status was written outside the state machine: a programming error, never a person's."""


@contextmanager
def writing_status():
    """Let the code inside write a status field directly. Only the machine itself, data migrations and
    test set-up that needs a state no walk of the table reaches use it."""
    token = _writing.set(True)
    try:
        yield
    finally:
        _writing.reset(token)


def _refuse(what: str):
    raise ProtectedStatus(f"{what}: status changes only through the model's StateMachine.transition")


class _ProtectedAttribute(DeferredAttribute):
    def __set__(self, instance, value):
        name = self.field.attname
        data = instance.__dict__
        if name in data and data[name] != value and not _writing.get():
            _refuse(f"{type(instance).__name__}.{name} = {value!r}")
        data[name] = value


class StatusField(models.CharField):
    """A ``CharField`` whose value only the state machine changes (the first value, from the database
    or the constructor, is set freely). Migrations see a plain ``CharField``."""

    descriptor_class = _ProtectedAttribute

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


def _status_fields(model) -> set[str]:
    return {f.name for f in model._meta.concrete_fields if isinstance(f, StatusField)}


class StatusQuerySet(models.QuerySet):
    """Refuses ``update(status=...)``, ``bulk_update`` of the status and bulk-creating rows past their
    first state."""

    def update(self, **kwargs):
        if not _writing.get() and _status_fields(self.model) & set(kwargs):
            _refuse(f"{self.model.__name__}.objects.update({', '.join(kwargs)})")
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        if not _writing.get() and _status_fields(self.model) & set(fields):
            _refuse(f"{self.model.__name__}.objects.bulk_update(..., {list(fields)})")
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            _check_initial(obj)
        return super().bulk_create(objs, *args, **kwargs)


def _check_initial(obj) -> None:
    if _writing.get():
        return
    for name in _status_fields(type(obj)):
        field = obj._meta.get_field(name)
        if getattr(obj, field.attname) != field.get_default():
            _refuse(f"new {type(obj).__name__} with {name}={getattr(obj, field.attname)!r}")


class StatusModel(models.Model):
    """Mixin for a model with a ``StatusField``: a new row starts in the field's default state, and
    ``refresh_from_db`` may load a status the machine wrote."""

    objects = StatusQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            _check_initial(self)
        return super().save(*args, **kwargs)

    def refresh_from_db(self, *args, **kwargs):
        with writing_status():
            return super().refresh_from_db(*args, **kwargs)


@dataclass(frozen=True)
class Edge:
    """One allowed change and the rule it serves. ``internal``: only the system takes it (a sweep, a
    reply that closes a request), so no button or endpoint offers it to a person."""

    source: str
    target: str
    rule: str
    internal: bool = False


class StateMachine:
    """A model's table of allowed status changes and the one function that makes them.

    ``timestamps`` maps a state to the field stamped with the time the object first (or, with
    ``restamp``, every time) reaches it. ``before_save(obj, from_status, to_status, now, first_time)``
    may change further fields and returns their names (the case's service clock). ``record_event(obj,
    from_status, to_status, actor, **event)`` writes the timeline row; ``on_commit(obj, from_status,
    to_status, actor)`` runs after the commit (signals). ``not_allowed(obj, to_status)`` builds the
    error for a change the table does not allow.
    """

    def __init__(self, *, model, edges: Iterable[Edge], field: str = "status", timestamps: dict | None = None,
                 restamp: bool = False, not_allowed: Callable | None = None,
                 record_event: Callable | None = None, before_save: Callable | None = None,
                 on_commit: Callable | None = None):
        self.model = model
        self.field = field
        if field not in _status_fields(model) or not issubclass(model, StatusModel):
            raise TypeError(f"{model.__name__} must be a StatusModel and its {field} a StatusField")
        self.states = [value for value, _label in model._meta.get_field(field).choices]
        self.edges = tuple(edges)
        for edge in self.edges:
            if edge.source not in self.states or edge.target not in self.states:
                raise ValueError(f"{model.__name__}: unknown state in {edge}")
        self.table: dict[str, frozenset[str]] = {
            state: frozenset(e.target for e in self.edges if e.source == state) for state in self.states}
        self.timestamps = timestamps or {}
        self.restamp = restamp
        self._not_allowed = not_allowed or (lambda obj, to: NotAllowed(f"{getattr(obj, field)} -> {to}"))
        self._record_event = record_event
        self._before_save = before_save
        self._on_commit = on_commit

    # --- The table ---------------------------------------------------------------------------

    def is_allowed(self, from_status: str, to_status: str) -> bool:
        return to_status in self.table.get(from_status, frozenset())

    def allowed_targets(self, obj) -> frozenset[str]:
        return self.table.get(getattr(obj, self.field), frozenset())

    def requestable_targets(self, obj) -> frozenset[str]:
        """The changes a person may ask for now (internal edges left out)."""
        current = getattr(obj, self.field)
        return frozenset(e.target for e in self.edges if e.source == current and not e.internal)

    # --- The change --------------------------------------------------------------------------

    @transaction.atomic
    def transition(self, *, obj, to: str, actor=None, fields: dict | None = None, **event):
        """Move ``obj`` to ``to`` (with ``fields`` set in the same save): lock the row, check the table,
        stamp the time, save, record the event, run ``on_commit`` after the commit. Returns the locked,
        saved row; ``obj`` is brought in step with it."""
        locked = self.model._default_manager.select_for_update().get(pk=obj.pk)
        from_status = getattr(locked, self.field)
        if not self.is_allowed(from_status, to):
            raise self._not_allowed(locked, to)
        now = timezone.now()
        changed = {self.field}
        if any(f.name == "updated_at" for f in self.model._meta.concrete_fields):
            changed.add("updated_at")
        with writing_status():
            setattr(locked, self.field, to)
        for name, value in (fields or {}).items():
            setattr(locked, name, value)
            changed.add(name)
        stamp = self.timestamps.get(to)
        first_time = bool(stamp) and getattr(locked, stamp) is None
        if stamp and (first_time or self.restamp):
            setattr(locked, stamp, now)
            changed.add(stamp)
        if self._before_save:
            changed.update(self._before_save(locked, from_status, to, now, first_time) or ())
        locked.save(update_fields=sorted(changed))
        if self._record_event:
            self._record_event(locked, from_status, to, actor, **event)
        if self._on_commit:
            transaction.on_commit(lambda: self._on_commit(locked, from_status, to, actor))
        with writing_status():
            for name in changed:
                setattr(obj, name, getattr(locked, name))
        return locked
