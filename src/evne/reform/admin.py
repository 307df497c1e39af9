"""Administrators set up the rehabilitation teams and their members by role in Django admin."""

from django.contrib import admin

from .models import RehabTeam, RehabTeamMember


class MemberInline(admin.TabularInline):
    model = RehabTeamMember
    extra = 1


@admin.register(RehabTeam)
class RehabTeamAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality")
    inlines = [MemberInline]
