"""Plain-language texts for statuses and timeline events, in the reader's language.

Every channel (applicant page, dialogue-team card, e-mails, API) gets its status text from
``selectors.status.status_text``, which reads from here.
"""

from django.utils.translation import gettext_lazy as _

STATUS_TEXT = {
    "draft": _("Your application is a draft. It has not been sent to us yet."),
    "submitted": _("We have received the application and are checking that it is complete."),
    "awaiting_information": _("We are waiting for more information from the applicant before we can go on."),
    "complete": _("The application is complete. It is in the queue for a caseworker."),
    "in_review": _("A caseworker is assessing the application."),
    "decided": _("We have made a decision."),
    "closed": _("The case is closed."),
    "withdrawn": _("The application was withdrawn."),
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
    "deadline_extended": _("The expected decision date was moved by %(days)s days: %(reason)s"),
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
}

ADVISORY_TEXT = {
    "case_screened": _("%(reference)s was screened: %(ok)s of %(total)s checks fine."),
    "supplementary_material": _("New material on %(reference)s: %(name)s."),
    "target_at_risk": _("%(reference)s is at risk of missing its expected decision date %(date)s."),
    "request_overdue": _("The information request on %(reference)s was due %(due)s and is not answered."),
    "forwarded_question": _("The dialogue team forwarded a question on %(reference)s: %(question)s"),
    "minutes_linked": _("Pre-application minutes were linked to %(reference)s."),
    "hearing_ready": _("The hearing on %(reference)s is ready."),
    "hearing_answered": _("Every party heard on %(reference)s has answered."),
    "hearing_deadline_passed": _("The hearing on %(reference)s passed its deadline %(date)s."),
    # Variants an advisory names in its params as "text".
    "request_answered": _("The applicant has answered the information request on %(reference)s."),
    "case_screened_problems": _("%(reference)s was screened: %(ok)s of %(total)s checks fine. Not fine: "
                                "%(failed)s."),
}
