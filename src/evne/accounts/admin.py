"""Django admin: administrators manage municipalities, teams and users. No citizen or case data here."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Municipality, Team, User


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
