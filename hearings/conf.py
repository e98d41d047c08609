"""The hearings' settings, with their defaults (DESIGN.md, "Hearings and statements": 14 days).

The rules the hearings rest on, each checked against its source:
- Parties: forvaltningsloven § 19 (partshøring): before a decision against a party's interest on facts the
  party cannot be assumed to know, the authority lets the party comment; it may set a deadline for the
  comment, which must leave reasonable time (da.wikipedia.org "Partshøring": "Hovedreglerne for parthøring er
  beskrevet i forvaltningslovens § 19 ... Myndigheden kan fastsætte en frist"; kl.dk "Partshøring":
  forvaltningslovens kapitel 5; a party has "en væsentlig og individuel interesse"). A neighbour can be such a
  party whether or not a neighbour notice is required (ombudsmanden.dk, Myndighedsguiden, overblik #14
  "Partshøring af naboer i byggesager").
- Neighbours: a dispensation from a local plan may be given only when 2 weeks have passed after the
  municipality notified the neighbours in writing, and the notice says that comments may be sent within 2 weeks
  (planloven § 20, stk. 1; danskelove.dk/planloven/20). The building act's own neighbour notice before a
  dispensation from the building rules is byggeloven § 22, stk. 2 (the Ombudsman: FOB 98-125, "der efter
  byggelovens § 22, stk. 2, skulle have været foretaget en fornyet naboorientering", and FOB 99-553, on a
  dispensation "efter byggelovens § 22, stk. 1"; ombudsmanden.dk). Its own period could not be read from the
  act's text at hand; the 14 days here rest on planloven § 20 and the forvaltningslov's "reasonable time".
"""

from django.conf import settings

# 14 days: neighbours, planloven § 20, stk. 1 ("inden 2 uger"); parties, forvaltningsloven § 19 (a deadline
# with reasonable time; no number in the act); authorities, the same practice. Per kind in HEARING_DEADLINE_DAYS.
DEFAULT_DEADLINE_DAYS = {"neighbours": 14, "parties": 14, "authority": 14}


def deadline_days(kind: str) -> int:
    return {**DEFAULT_DEADLINE_DAYS, **getattr(settings, "HEARING_DEADLINE_DAYS", {})}[kind]


def grace_days() -> int:
    """After the deadline a party's link takes a late answer for this many days, then is read-only."""
    return getattr(settings, "HEARING_GRACE_DAYS", 7)


def reminder_days() -> int:
    """Parties who have not answered are reminded this many days before the deadline."""
    return getattr(settings, "HEARING_REMINDER_DAYS", 3)


MAX_PARTIES = 100
MAX_ATTACHMENTS = 5
MAX_COMMENT = 10000
MAX_MESSAGE = 10000
MAX_REASON = 2000
