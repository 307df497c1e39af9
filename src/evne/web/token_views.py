"""The user's own personal API tokens: make one (shown once), see them, revoke one."""

from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from evne.accounts import tokens
from evne.accounts.models import ApiToken, ApiTokenScope
from evne.accounts.tokens import area_choices
from evne.errors import DomainError

from .forms import DateInput


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. the system that will use it."),
    )  # fmt: skip
    scope = forms.ChoiceField(
        label=gettext_lazy("Access"), choices=ApiTokenScope.choices, initial=ApiTokenScope.READ,
        widget=forms.RadioSelect,
    )  # fmt: skip
    areas = forms.MultipleChoiceField(
        label=gettext_lazy("Limited to"), required=False, choices=area_choices, widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Choose none for the whole API, within what you may see and do yourself."),
    )  # fmt: skip
    expires_on = forms.DateField(
        label=gettext_lazy("Valid until and including"), widget=DateInput(),
    )  # fmt: skip


def expires_at(day) -> datetime:
    """A token is valid through the chosen day (Danish time): it expires at the following midnight."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _page(request: HttpRequest, form: TokenForm, *, new_secret: str = "", status: int = 200) -> HttpResponse:
    now = timezone.now()
    rows = [{"token": t, "status": tokens.token_status(t, now=now)} for t in tokens.tokens_of(request.user)]
    labels = dict(area_choices())
    for row in rows:
        row["areas"] = [labels.get(a, a) for a in row["token"].areas]
    return render(
        request,
        "web/account/api_tokens.html",
        {"form": form, "rows": rows, "new_secret": new_secret, "max_days": settings.EVNE_API_TOKEN_MAX_DAYS},
        status=status,
    )


def api_tokens(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = TokenForm(initial={"expires_on": timezone.localdate() + timedelta(days=90)})
        return _page(request, form)
    form = TokenForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            made = tokens.token_create(
                actor=request.user, user=request.user, name=data["name"], scope=data["scope"],
                areas=data["areas"], expires_at=expires_at(data["expires_on"]),
            )  # fmt: skip
        except DomainError as exc:
            form.add_error("expires_on" if exc.field == "expires_at" else exc.field, exc.message)
        else:
            # Shown in this answer only (no redirect, no message in a cookie): the token is never stored in clear.
            return _page(request, TokenForm(initial={"expires_on": data["expires_on"]}), new_secret=made.secret)
    return _page(request, form, status=422)


@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    tokens.token_revoke(actor=request.user, token=token)
    messages.success(
        request, _("The API token “%(name)s” is revoked and can no longer be used.") % {"name": token.name}
    )
    return redirect("web:api_tokens")
