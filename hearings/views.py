"""The hearings' pages: the caseworker's (start, the hearing, close early, extend, weigh) and the
party's personal link. Thin: the services decide, the selectors read."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from applications.services.uploads import safe_filename
from applications.views.caseworker import caseworker_required
from permitportal.core import audit
from permitportal.core.errors import Invalid
from permitportal.core.pdf import render_pdf

from . import selectors, texts
from .forms import AnswerForm, ExtendForm, StartHearingForm, WeighForm
from .models import Attachment, Party
from .services import answers, hearings


def _hearing(request, reference, hearing_id):
    hearing = selectors.hearing_for_screen(case=request.case, hearing_id=hearing_id)
    if hearing is None:
        raise Http404("No such hearing")
    return hearing


def _to_hearing(hearing):
    return redirect("hearings:detail", hearing.case.reference, hearing.pk)


def _street(request, case) -> tuple[str, str]:
    """The address searched for neighbours (the case's street when none is given), and what is wrong with it."""
    from django.core.exceptions import ValidationError

    from permitportal.core.search_input import bounded_search

    typed = (request.POST if request.method == "POST" else request.GET).get("street")
    if typed is None:
        return selectors.street_of(case.property.address), ""
    try:
        return bounded_search(typed), ""
    except ValidationError as exc:
        return "", exc.messages[0]


@caseworker_required
@require_http_methods(["GET", "POST"])
def start(request, reference):
    case = request.case
    documents = selectors.current_documents(case=case)
    street, street_error = _street(request, case)
    neighbours = selectors.neighbour_candidates(case=case, street=street) if street else []
    if request.method == "POST":
        form = StartHearingForm(request.POST, documents=documents, neighbours=neighbours,
                                authorities=selectors.authorities_for(case=case))
        if form.is_valid():
            data = form.cleaned_data
            try:
                hearing = hearings.start_hearing(case=case, actor=request.user, kind=data["kind"],
                                                 parties=form.party_rows(), message=data["message"],
                                                 document_ids=data["documents"], deadline=data["deadline"])
            except Invalid as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The hearing has started. The parties get their links by e-mail."))
                return _to_hearing(hearing)
    else:
        kind = request.GET.get("kind") if request.GET.get("kind") in texts.MESSAGES else "neighbours"
        form = StartHearingForm(documents=documents, neighbours=neighbours,
                                authorities=selectors.authorities_for(case=case), initial={
            "kind": kind, "message": texts.default_message(kind, language=request.LANGUAGE_CODE),
            "deadline": hearings.default_deadline(kind=kind), "street": street})
    return render(request, "hearings/start.html", {"case": case, "form": form, "street": street,
                                                   "street_error": street_error, "neighbours": neighbours})


@caseworker_required
def detail(request, reference, hearing_id):
    hearing = _hearing(request, reference, hearing_id)
    audit.record(actor=request.user, action="read_hearing", object_type="hearing", object_id=hearing.pk,
                 detail=reference)
    return render(request, "hearings/detail.html", {
        "case": request.case, "hearing": hearing, "extend_form": ExtendForm(), "weigh_form": WeighForm(),
        "link_expires_on": answers.link_expires_on(hearing), "today": timezone.localdate()})


@caseworker_required
@require_POST
def close(request, reference, hearing_id):
    hearing = hearings.close_early(hearing=_hearing(request, reference, hearing_id), actor=request.user)
    messages.success(request, _("The hearing is closed."))
    return _to_hearing(hearing)


@caseworker_required
@require_POST
def extend(request, reference, hearing_id):
    hearing = _hearing(request, reference, hearing_id)
    form = ExtendForm(request.POST)
    if not form.is_valid():
        raise Invalid(_("Give a new deadline and the reason for the extension."))
    hearings.extend(hearing=hearing, actor=request.user, **form.cleaned_data)
    messages.success(request, _("The deadline is extended. The applicant sees the reason."))
    return _to_hearing(hearing)


@caseworker_required
@require_POST
def weigh(request, reference, hearing_id, party_id):
    hearing = _hearing(request, reference, hearing_id)
    party = next((p for p in hearing.parties.all() if p.pk == party_id), None)
    form = WeighForm(request.POST)
    if party is None:
        raise Http404("No such party")
    if not form.is_valid():
        raise Invalid(_("Write how the objection was weighed."))
    hearings.weigh(party=party, actor=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("The weighing is saved. The decision letter carries it."))
    if request.POST.get("next") == "decision":
        return redirect("applications:decide", reference)
    return _to_hearing(hearing)


def _file(stored, name, content_type):
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The stored file is missing") from exc
    response = FileResponse(handle, as_attachment=True, filename=safe_filename(name), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@caseworker_required
def attachment(request, reference, hearing_id, pk):
    hearing = _hearing(request, reference, hearing_id)
    found = Attachment.objects.filter(pk=pk, party__hearing=hearing).first()
    if found is None:
        raise Http404("No such attachment")
    audit.record(actor=request.user, action="hearing_attachment", object_type="hearing_attachment",
                 object_id=found.pk, detail=f"{reference}: {found.original_name}")
    return _file(found.file, found.original_name, found.content_type)


@caseworker_required
def letter(request, reference, hearing_id, party_id):
    """The hearing letter for a party who must get it on paper: the material and their personal link."""
    hearing = _hearing(request, reference, hearing_id)
    party = next((p for p in hearing.parties.all() if p.pk == party_id), None)
    if party is None:
        raise Http404("No such party")
    pdf = render_pdf(template="hearings/pdf/letter.html", language=party.language, context={
        "party": party, "hearing": hearing, "case": hearing.case, "today": timezone.localdate(),
        "contact": settings.PORTAL_CONTACT_POINTS,
        "link": settings.SITE_URL + reverse("hearings:answer", args=[answers.token_for(party)])})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{reference}-hearing-{party.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- The party's link -------------------------------------------------------------------------------

def _party(token) -> Party:
    party = answers.party_for_token(token)
    if party is None:
        raise Http404("No such link")
    return party


@require_http_methods(["GET", "POST"])
def answer(request, token):
    party = _party(token)
    if request.method == "POST":
        form = AnswerForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                answers.answer(party=party, comment=data["comment"], no_objection=data["no_objection"],
                               files=request.FILES.getlist("attachments"))
            except Invalid as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Thank you. We have your answer."))
                return redirect("hearings:answer", token)
    else:
        answers.record_opened(party=party)
        form = AnswerForm(initial={"comment": party.comment, "no_objection": party.no_objection})
    hearing = party.hearing
    return render(request, "hearings/answer.html", {
        "party": party, "hearing": hearing, "case": hearing.case, "form": form, "token": token,
        "state": answers.link_state(party), "expires_on": answers.link_expires_on(hearing),
        "documents": list(hearing.documents.all()), "attachments": list(party.attachments.all())})


def party_document(request, token, pk):
    party = _party(token)
    document = party.hearing.documents.filter(pk=pk).first()
    if document is None:
        raise Http404("No such document")
    return _file(document.file, document.original_name, document.content_type)


