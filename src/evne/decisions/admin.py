"""Django admin: a municipality's letter branding and its local decision deadlines (municipal settings, no case
data)."""

from django.contrib import admin

from .models import LetterBranding, LocalDeadline


@admin.register(LetterBranding)
class LetterBrandingAdmin(admin.ModelAdmin):
    list_display = ("municipality", "sender", "phone", "email", "opening_hours")


@admin.register(LocalDeadline)
class LocalDeadlineAdmin(admin.ModelAdmin):
    list_display = ("municipality", "pathway", "weeks")
    list_filter = ("municipality",)
