"""The records of a case a fact may point at (cases.references), registered by the decisions app, which sits above
every app that holds them. Titles are readable in the reader's language; dates as the rest of the pages show them."""

from django.utils import timezone
from django.utils.translation import gettext as _

from evne.cases.references import Record, register


def _documents(case):
    from evne.evidence.models import Document

    for d in Document.objects.filter(case=case).exclude(kind="outgoing_letter").order_by("-document_date", "-id"):
        yield Record("document", d.pk, _("Document: %(title)s (%(date)s)") % {
            "title": d.title, "date": f"{d.document_date:%d-%m-%Y}"}, {})  # fmt: skip


def _notes(case):
    for n in case.notes.order_by("-created_at", "-id")[:50]:
        yield Record("note", n.pk, _("Journal note of %(date)s: %(start)s") % {
            "date": f"{timezone.localtime(n.created_at):%d-%m-%Y}", "start": n.text[:60]}, {})  # fmt: skip


def _versions(case):
    from evne.profiles.models import ElementKey, ElementVersion

    versions = ElementVersion.objects.filter(profile__case=case).order_by("element", "-number")
    for v in versions:
        yield Record("version", v.pk, _("Resource profile: %(element)s, version %(number)s") % {
            "element": ElementKey(v.element).label, "number": v.number}, {"element": v.element})  # fmt: skip


def _assessments(case):
    for a in case.assessments.order_by("-number"):
        yield Record("assessment", a.pk, _("Work-ability assessment %(number)s (%(date)s)") % {
            "number": a.number, "date": f"{a.assessed_on:%d-%m-%Y}"}, {"number": a.number})  # fmt: skip


def _reports(case):
    from evne.plans.models import ProviderReport

    reports = ProviderReport.objects.filter(activity__case=case).select_related("activity__type")
    for r in reports.order_by("-report_date", "-id"):
        yield Record("report", r.pk, _("Provider report from %(provider)s (%(date)s)") % {
            "provider": r.activity.provider or r.activity.type, "date": f"{r.report_date:%d-%m-%Y}"},
            {"activity": r.activity_id})  # fmt: skip


def _recommendations(case):
    from evne.reform.models import Recommendation

    for r in Recommendation.objects.filter(case=case).select_related("item__meeting").order_by("-id"):
        yield Record("recommendation", r.pk, _("The rehabilitation team's recommendation: %(kind)s (%(date)s)") % {
            "kind": r.get_kind_display(), "date": f"{r.item.meeting.held_on:%d-%m-%Y}"}, {})  # fmt: skip


def register_all() -> None:
    for kind, records in (("document", _documents), ("note", _notes), ("version", _versions),
                          ("assessment", _assessments), ("report", _reports),
                          ("recommendation", _recommendations)):  # fmt: skip
        register(kind, lambda case, records=records: list(records(case)))
