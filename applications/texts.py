"""Plain-language texts for statuses and timeline events, in the reader's language.

Every channel (applicant page, dialogue-team card, e-mails, API) gets its status text from
``selectors.status.status_text``, which reads from here.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

STATUS_TEXT = {
    "draft": _("Your application is a draft. It has not been sent to us yet."),
    "submitted": _("We have received the application and are checking that it is complete."),
    "awaiting_information": _("We are waiting for more information from the applicant before we can go on."),
    # "In the queue" only while nobody is assigned (selectors.status.status_key).
    "complete": _("The application is complete. It is in the queue for a caseworker."),
    "complete_assigned": _("The application is complete and has a caseworker, who has not started assessing it "
                           "yet."),
    "in_review": _("A caseworker is assessing the application."),
    "decided": _("We have made a decision."),
    "appealed": _("The decision has been appealed. The case stays open until the appeal has ended."),
    "permitted": _("The permit is in force. Tell us the day the work starts; the permit lapses if the work has not "
                   "started within one year."),
    "work_started": _("The work has started. Send us a completion notice when it is finished."),
    "completion_reported": _("You have reported the work completed. We are checking the documentation."),
    "lapsed": _("The permit has lapsed because the work did not start within one year. To build, apply again."),
    "closed": _("The case is closed."),
    "withdrawn": _("The application was withdrawn."),
}

# After the decision the status text names its day (selectors.status.status_day): the permit's lapse day, the
# day the work started, the day it was reported completed. STATUS_TEXT's texts stay for a case without the day.
STATUS_TEXT_ON_DAY = {
    "permitted": _("The permit is in force. We are waiting for the applicant to tell us the day the work starts: "
                   "the permit lapses on %(date)s if the work has not started by then."),
    "work_started": _("The work started on %(date)s. We are waiting for the applicant to send us a completion "
                      "notice when it is finished."),
    "completion_reported": _("The work was reported completed on %(date)s. We are checking the documentation."),
    "lapsed": _("The permit lapsed on %(date)s because the work had not started within one year. The case is "
                "closed; to build, apply again."),
}

WAITING_FOR_TEXT = {
    "applicant": _("The applicant"),
    "municipality": _("The municipality"),
    None: _("Nobody: the case is finished"),
}

# Timeline texts by event kind. Params from CaseEvent.params fill the placeholders.
EVENT_TEXT = {
    "created": _("Application started."),
    "status:submitted": _("Application sent. Reference %(reference)s."),
    "status:awaiting_information": _("We asked for more information."),
    "status:complete": _("The application is complete. The service clock runs from today."),
    "status:in_review": _("A caseworker started assessing the application."),
    "status:decided": _("Decision made."),
    "status:closed": _("The case was closed after the appeal period."),
    "status:withdrawn": _("The application was withdrawn."),
    "document_added": _("Document added: %(name)s."),
    "not_relevant": _("Marked as not relevant: %(requirement)s."),
    "type_changed": _("The application type was changed to %(type)s."),
    # Written before every move of the date became a "date_changed" event; kept for those events.
    "deadline_extended": _("The expected decision date was moved by %(days)s days: %(reason)s"),
    "date_changed": _("The expected decision date moved from %(from_date)s to %(to_date)s. %(reason_text)s"),
    "representative_added": _("%(email)s now represents the applicant."),
    "representative_removed": _("%(email)s no longer represents the applicant."),
    "representative_invitation_withdrawn": _("The invitation to %(email)s was withdrawn."),
    "catalogue_updated": _("The application was checked against the updated requirements."),
    "screened": _("We checked the documents automatically: %(ok)s of %(total)s checks fine."),
    "screened_problems": _("We checked the documents automatically: %(ok)s of %(total)s checks fine. "
                           "Not fine: %(failed)s."),
    "information_requested": _("We need more information: %(items)s. Please answer by %(due)s."),
    "information_answered": _("Thank you: the information request is answered."),
    "assigned": _("Caseworker %(name)s is handling the case."),
    "claim_accepted": _("The caseworker accepted that %(requirement)s is not relevant."),
    "claim_rejected": _("The caseworker needs %(requirement)s after all."),
    "decision_letter": _("The decision letter is ready."),
    "status:appealed": _("The case stays open while the appeal runs."),
    "status:permitted": _("The appeal period is over: the permit is in force."),
    "status:work_started": _("The work has started."),
    "status:lapsed": _("The permit lapsed: the work did not start within one year."),
    "work_started": _("The work started on %(date)s."),
    "status:completion_reported": _("The work was reported completed on %(date)s."),
    "completion_returned": _("The completion report is missing something: %(reason)s"),
    "occupancy_permit": _("The occupancy permit is issued: the building may be taken into use."),
    "closed_occupancy": _("The case is closed with the occupancy permit."),
    "closed_completed": _("The work is completed and the case is closed."),
    "bbr_updated": _("The building register (BBR) is updated."),
    "stage_document_added": _("Document received: %(requirement)s."),
    "stage_document_accepted": _("We have checked and accepted: %(requirement)s."),
    "stage_document_refused": _("We cannot accept %(requirement)s: %(reason)s Please send a new one."),
    "appeal:lodged": _("An appeal against the decision was received on %(date)s."),
    "appeal:forwarded": _("The appeal was sent to the appeals body on %(date)s."),
    "appeal:upheld": _("The appeals body upheld the decision."),
    "appeal:overturned": _("The appeals body overturned the decision."),
    "appeal:remitted": _("The appeals body sent the decision back to us for a new decision."),
    "appeal:withdrawn": _("The appeal was withdrawn."),
    "appeal_remitted": _("The case is back in review for a new decision after the appeal: %(reason)s"),
    "appeal_ended:closed": _("The appeal has ended and the appeal period is over: the case is closed."),
    "appeal_ended:in_force": _("The appeal has ended and the appeal period is over: the permit is in force."),
    "appeal_ended:open": _("The appeal has ended. The decision stands; the appeal period is still running."),
    "mandate_granted": _("The owner gave %(agent)s a digital mandate until %(until)s."),
    "mandate_refused": _("The owner refused the mandate %(agent)s asked for."),
    "mandate_revoked": _("The owner revoked the mandate of %(agent)s."),
    "mandate_expired": _("The mandate of %(agent)s ended on its last day, %(until)s."),
    "assisted_started": _("The dialogue team (%(by)s) started the application with you."),
    "assisted_link_sent": _("A link to confirm and send the application was e-mailed to you."),
    "assisted_confirmed": _("You confirmed the application the dialogue team helped you fill in."),
}

ADVISORY_TEXT = {
    "case_screened": _("%(reference)s was screened: %(ok)s of %(total)s checks fine."),
    "supplementary_material": _("New material on %(reference)s: %(name)s."),
    "target_at_risk": _("%(reference)s is at risk of missing its expected decision date %(date)s."),
    "request_overdue": _("The information request on %(reference)s was due %(due)s and is not answered."),
    "forwarded_question": _("The dialogue team forwarded a question on %(reference)s: %(question)s"),
    "minutes_linked": _("Pre-application minutes were linked to %(reference)s."),
    "screening_due": _("%(reference)s has not been screened yet: the screening allowance runs out on %(date)s."),
    "appeal_lodged": _("An appeal was lodged on %(reference)s: send it to the appeals body and record the day."),
    "completion_reported": _("The work on %(reference)s is reported completed: check the documentation, issue "
                             "the occupancy permit or close the case, and update the building register (BBR)."),
    "hearing_ready": _("The hearing on %(reference)s is ready."),
    "hearing_answered": _("Every party heard on %(reference)s has answered."),
    "hearing_deadline_passed": _("The hearing on %(reference)s passed its deadline %(date)s."),
    # Variants an advisory names in its params as "text".
    "request_answered": _("The applicant has answered the information request on %(reference)s."),
    "start_documents": _("Documents for the start of work on %(reference)s arrived: %(names)s. Check them on the "
                         "case."),
    "case_screened_problems": _("%(reference)s was screened: %(ok)s of %(total)s checks fine. Not fine: "
                                "%(failed)s."),
}

# Why the expected decision date moved (a "date_changed" event's ``reason``; services.clock).
DATE_CHANGE_REASON = {
    "information": ngettext_lazy("The clock was paused for %(days)s day while we waited for information.",
                                 "The clock was paused for %(days)s days while we waited for information.", "days"),
    "extension": ngettext_lazy("The caseworker extended the time by %(days)s day: %(text)s",
                               "The caseworker extended the time by %(days)s days: %(text)s", "days"),
    "screening_late": ngettext_lazy(
        "Checking that the application was complete took %(took)s days; we allow %(allowance)s, so the date moved "
        "%(days)s day later.",
        "Checking that the application was complete took %(took)s days; we allow %(allowance)s, so the date moved "
        "%(days)s days later.", "days"),
    "screening_early": ngettext_lazy(
        "We found the application complete after %(took)s days, sooner than the %(allowance)s we allow, so the "
        "date moved %(days)s day earlier.",
        "We found the application complete after %(took)s days, sooner than the %(allowance)s we allow, so the "
        "date moved %(days)s days earlier.", "days"),
    "type": _("The application type was changed to %(type)s, which has a service target of %(target)s days "
              "instead of %(old_target)s."),
}

# An appeal's status in words, in every channel (the case page, the API, the case card).
APPEAL_STATUS_TEXT = {
    "lodged": _("We have received the appeal and will send it to the appeals body."),
    "forwarded": _("The appeal has been sent to the appeals body, which decides it."),
    "upheld": _("The appeals body upheld the decision."),
    "overturned": _("The appeals body overturned the decision."),
    "remitted": _("The appeals body sent the decision back to us for a new decision."),
    "withdrawn": _("The appeal was withdrawn."),
}
