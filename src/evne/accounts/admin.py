"""Django admin: administrators manage municipalities, teams, users and their API tokens. No citizen or case data."""

from datetime import timedelta

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Municipality, Team, User
from .tokens import token_create, token_revoke


def _policy_choices():
    from evne.rules.parameters import all_parameters

    return [(name, f"{name} — {values[-1].reference}") for name, values in sorted(all_parameters().items())
            if values[-1].policy]  # fmt: skip


class MunicipalityForm(forms.ModelForm):
    policies = forms.MultipleChoiceField(
        label=_("Policies switched on (not law)"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=_policy_choices,
        help_text=_("Municipal policy beyond the law, off by default. Each switched-on policy adds its checks."),
    )  # fmt: skip

    class Meta:
        model = Municipality
        fields = ["code", "name", "policies"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    form = MunicipalityForm
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "municipality", "is_active"]
    list_filter = ["role", "municipality", "team", "is_active"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Role and need-to-know"), {"fields": ("role", "municipality", "team")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Role and need-to-know"), {"fields": ("role", "municipality", "team")}),
    )


class ApiTokenAddForm(forms.ModelForm):
    areas = forms.MultipleChoiceField(
        label=_("Limited to"), required=False, widget=forms.CheckboxSelectMultiple, choices=lambda: _area_choices(),
        help_text=_("Choose none for the whole API, within what the user may see and do."),
    )  # fmt: skip

    class Meta:
        model = ApiToken
        fields = ["user", "name", "scope", "areas", "expires_at"]


def _area_choices():
    from .tokens import area_choices

    return area_choices()


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Administrators see, make and revoke personal API tokens. A token is shown once, when it is made; only its
    hash is stored, and a token is never deleted (the access log names it)."""

    form = ApiTokenAddForm
    list_display = ["name", "user", "prefix", "scope", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["scope", "user__municipality"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["prefix", "created_at", "created_by", "revoked_at", "revoked_by", "last_used_at"]
    actions = ["revoke"]

    def get_queryset(self, request):
        tokens = super().get_queryset(request).select_related("user")
        if request.user.is_superuser:
            return tokens
        return tokens.filter(user__municipality_id=request.user.municipality_id)

    def get_changeform_initial_data(self, request):
        return {"expires_at": timezone.now() + timedelta(days=90)}

    def has_change_permission(self, request, obj=None):
        return False  # a token is not edited: make a new one, revoke the old

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        made = token_create(
            actor=request.user, user=obj.user, name=obj.name, scope=obj.scope, areas=form.cleaned_data["areas"],
            expires_at=obj.expires_at,
        )  # fmt: skip
        obj.pk, obj.prefix, obj.created_at, obj.created_by = (
            made.token.pk,
            made.token.prefix,
            made.token.created_at,
            request.user,
        )
        obj._state.adding = False
        request._evne_new_token = made.secret

    def response_add(self, request, obj, post_url_continue=None):
        context = {**self.admin_site.each_context(request), "token": obj, "secret": request._evne_new_token,
                   "opts": self.model._meta, "title": _("New API token")}  # fmt: skip
        return TemplateResponse(request, "admin/accounts/apitoken/created.html", context)

    @admin.action(description=_("Revoke the selected API tokens"))
    def revoke(self, request, queryset):
        for token in queryset:
            token_revoke(actor=request.user, token=token)
        self.message_user(request, _("The selected API tokens are revoked."))
