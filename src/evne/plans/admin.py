"""Administrators keep the catalogue of activity types (tilbud): add, rename, mark as company-based, retire.
A type in use is retired (`active` off), not deleted: activities keep pointing at it (PROTECT)."""

from django.contrib import admin

from .models import ActivityType


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ("name_da", "name_en", "code", "company_based", "active")
    list_filter = ("active", "company_based")
    search_fields = ("name_da", "name_en", "code")
    ordering = ("name_da",)
