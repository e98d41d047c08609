"""The satisfaction figures per day (``SatisfactionDay``), which the dashboard reads instead of every response:
counted up with each invitation sent, answer and refusal (``count_up``, called by ``satisfaction.services``), and
counted again from scratch by ``recount_satisfaction_days`` (``manage.py rebuild_dashboard_figures``)."""

from django.db import transaction

from .models import COUNTERS, MAX_QUESTIONS, Invitation, SatisfactionDay

# SatisfactionDay is counted up in the same transaction as each change, with one upsert that adds to the
# row (concurrent answers add up, none is lost). Only sent invitations count, as in the recount below.

def count_up(invitation: Invitation, **increments) -> None:
    from django.db import connection

    if invitation.sent_at is None:
        return
    quote = connection.ops.quote_name
    table = quote(SatisfactionDay._meta.db_table)
    keys = ("day", "month", "touchpoint", "channel", "customer_group", "municipality_id")
    columns = ", ".join(quote(c) for c in (*keys, *COUNTERS))
    placeholders = ", ".join(["%s"] * (len(keys) + len(COUNTERS)))
    updates = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in COUNTERS)
    conflict = ", ".join(quote(c) for c in keys if c != "month")
    params = [connection.ops.adapt_datefield_value(invitation.touchpoint_on),
              connection.ops.adapt_datefield_value(invitation.month), invitation.touchpoint, invitation.channel,
              invitation.customer_group, invitation.municipality_id, *(int(increments.get(c, 0)) for c in COUNTERS)]
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) "
                       f"ON CONFLICT ({conflict}) DO UPDATE SET {updates}", params)


@transaction.atomic
def recount_satisfaction_days() -> None:
    """Count SatisfactionDay again from the invitations and responses (one statement)."""
    from django.db import connection
    from django.db.models import Count, Q, Sum

    aggregates = {"invitations": Count("id"), "declined": Count("id", filter=Q(state=Invitation.State.DECLINED)),
                  "responses": Count("response")}
    for position in range(1, MAX_QUESTIONS + 1):
        aggregates[f"score_sum_{position}"] = Sum(f"response__score_{position}", default=0)
        aggregates[f"score_count_{position}"] = Count(f"response__score_{position}")
    counts = (Invitation.objects.filter(sent_at__isnull=False).order_by()
              .values("touchpoint_on", "month", "touchpoint", "channel", "customer_group", "municipality_id")
              .annotate(**aggregates))
    sql, params = counts.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in ("day", "month", "touchpoint", "channel", "customer_group",
                                           "municipality_id", *COUNTERS))
    SatisfactionDay.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(SatisfactionDay._meta.db_table)} ({columns}) SELECT * FROM ({sql}) AS c",
                       params)
