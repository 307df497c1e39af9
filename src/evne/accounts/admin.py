"""Django admin: administrators manage municipalities, teams and users. No citizen or case data here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Municipality, Team, User


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
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
