"""The survey pages (no login: the link's token is the key) and the managers' dashboard. Thin: each view
calls satisfaction.services or satisfaction.selectors."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from applications import hooks
from applications.selectors.after_decision import figures as after_decision_figures
from applications.selectors.municipalities import member_municipality_ids
from permitportal.accounts import roles

from . import dashboard, selectors, services
from .forms import PeriodForm, SurveyForm
from .models import Invitation

# --- Survey pages --------------------------------------------------------------------------------------------------


def _language(request, invitation: Invitation | None) -> str:
    """The invitation's language, unless the person chose one in this browser (the language switch)."""
    if invitation is None or settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return translation.get_language()
    return invitation.language


def _render(request, template: str, context: dict, *, invitation=None, status: int = 200):
    with translation.override(_language(request, invitation)):
        return render(request, template, context, status=status)


def _link_problem(request, error: services.SurveyLinkError):
    return _render(request, "satisfaction/link_problem.html", {"kind": error.kind}, status=error.status)


def _headers(response):
    # The token is a key: keep it out of shared caches. (The site's referrer policy, same-origin, already
    # keeps it out of other sites' logs; "no-referrer" would make browsers send "Origin: null" and fail CSRF.)
    response["Cache-Control"] = "no-store"
    return response


def token_page(view):
    @never_cache
    @wraps(view)
    def wrapper(request, token, *args, **kwargs):
        try:
            return _headers(view(request, token, *args, **kwargs))
        except services.SurveyLinkError as error:
            return _headers(_link_problem(request, error))

    return wrapper


@token_page
@require_http_methods(["GET", "POST"])
def survey(request, token):
    invitation = services.resolve_token(token)
    form = SurveyForm(request.POST or None, survey=invitation.survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_response(token=token, scores=form.scores(), comment=form.cleaned_data["comment"])
        except services.ResponseInvalid as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            return redirect("satisfaction:thanks", token=token)
    context = {"invitation": invitation, "survey": invitation.survey, "form": form, "token": token}
    return _render(request, "satisfaction/survey.html", context, invitation=invitation,
                   status=400 if form.errors else 200)


@token_page
@require_http_methods(["GET", "POST"])
def decline(request, token):
    """GET asks (a link in an e-mail may be opened by a mail scanner); POST declines."""
    invitation = services.resolve_token(token)
    if request.method == "POST":
        services.decline(token=token)
        return redirect("satisfaction:declined", token=token)
    return _render(request, "satisfaction/decline.html", {"invitation": invitation, "token": token},
                   invitation=invitation)


@token_page
@require_POST
def opt_out(request, token):
    services.opt_out(token=token)
    return redirect("satisfaction:opted_out", token=token)


def _after(request, token, template: str, states: tuple[str, ...]):
    invitation = services.resolve_token(token, usable=False)
    if invitation.state not in states:
        return redirect("satisfaction:survey", token=token)
    context = {"invitation": invitation, "token": token,
               "opted_out": services.is_opted_out(invitation.email)}
    return _render(request, template, context, invitation=invitation)


@token_page
def thanks(request, token):
    return _after(request, token, "satisfaction/thanks.html", (Invitation.State.ANSWERED,))


@token_page
def declined(request, token):
    return _after(request, token, "satisfaction/declined.html", (Invitation.State.DECLINED,))


@token_page
def opted_out(request, token):
    invitation = services.resolve_token(token, usable=False)
    if not services.is_opted_out(invitation.email):
        return redirect("satisfaction:survey", token=token)
    return _render(request, "satisfaction/opted_out.html", {"invitation": invitation}, invitation=invitation)


# --- Dashboard -----------------------------------------------------------------------------------------------------

def manager_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not roles.has_role(request.user, roles.MANAGER):
            raise PermissionDenied(_("Only managers have access to the dashboard."))
        return view(request, *args, **kwargs)

    return wrapper


@manager_required
def dashboard_page(request):
    form = PeriodForm(request.GET)
    period = form.period
    mine = member_municipality_ids(user=request.user)
    summary = selectors.satisfaction_summary(period=period, municipalities=mine)
    kpis = selectors.kpis(period=period, municipalities=mine)
    context = {
        "form": form, "period": period, "summary": summary, "kpis": kpis,
        "comments": dashboard.comment_rows(selectors.latest_comments(period=period, municipalities=mine)),
        "contacts": selectors.contacts_matrix(kpis["contacts_by_topic_and_channel"]),
        "charts": dashboard.chart_data(summary=summary, kpis=kpis),
        "export_query": f"from={period.start:%Y-%m-%d}&to={period.end:%Y-%m-%d}",
        "after_decision": after_decision_figures(start=period.start, end=period.end, municipalities=mine),
        "sections": hooks.sections_for("dashboard", user=request.user, period=period, municipalities=mine),
    }
    return render(request, "satisfaction/dashboard.html", context, status=400 if form.errors else 200)


@manager_required
def export_csv(request):
    form = PeriodForm(request.GET)
    if form.is_bound and not form.is_valid():
        messages = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(messages, status=400, content_type="text/plain; charset=utf-8")
    period = form.period
    mine = member_municipality_ids(user=request.user)
    summary = selectors.satisfaction_summary(period=period, municipalities=mine)
    kpis = selectors.kpis(period=period, municipalities=mine)
    response = HttpResponse(dashboard.csv_text(summary=summary, kpis=kpis), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="satisfaction-and-kpis-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.csv"')
    return response


@login_required
def national_page(request):
    """Issue 19, item 4: every municipality's headline figures side by side (the national role; figures only)."""
    from . import national

    if not national.can_read(request.user):
        raise PermissionDenied(_("Only the national overview role has access to this page."))
    form = PeriodForm(request.GET)
    period = form.period
    return render(request, "satisfaction/national.html",
                  {"form": form, "period": period, "rows": national.comparison(period=period)},
                  status=400 if form.errors else 200)
