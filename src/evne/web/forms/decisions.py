"""Forms of the decision pages:
they parse and check input at the edge;
the services apply the rules and give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext_lazy

from evne.decisions import services
from evne.decisions.models import (
    AppealOutcome,
    ApplicationChannel,
    ApplicationKind,
    Channel,
    HearingAnswer,
    Measure,
    OutcomeKind,
    Reconsideration,
)

from . import DateInput, LawDateField

TEXTAREA = {"rows": 4}
FACT_ROWS = 3


def _application_choices(applications) -> list[tuple]:
    return [("", "—")] + [
        (a.pk, f"{a.label} · {a.applied_on:%d-%m-%Y}") for a in applications if a.withdrawal_or_none is None
    ]


class SubjectFields(forms.Form):
    """What the decision concerns and the application it answers (on the new draft and in the editor)."""

    subject = forms.ChoiceField(
        label=gettext_lazy("What the decision concerns"), choices=[("", "—"), *Measure.choices], required=False,
        help_text=gettext_lazy("Empty: from the outcome, or from the application it answers. A refusal or a partial "
                               "grant needs it: a refusal of a fleksjob concerns fleksjob."),
    )  # fmt: skip
    application_id = forms.TypedChoiceField(label=gettext_lazy("The application it answers"), coerce=int,
                                            required=False, empty_value=None)  # fmt: skip

    def __init__(self, *args, applications=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application_id"].choices = _application_choices(applications)


class DraftForm(SubjectFields):
    outcome = forms.ChoiceField(label=gettext_lazy("What the decision decides"), choices=OutcomeKind.choices)
    applied_for = forms.CharField(
        label=gettext_lazy("What you applied for (written to the citizen)"), widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("The letter is addressed to the citizen: write “fleksjob”, or “du har søgt om …”, "
                               "never “the citizen has …”."),
    )  # fmt: skip
    fully_grants = forms.BooleanField(
        label=gettext_lazy("The decision fully grants the request"), required=False,
        help_text=gettext_lazy("If in the slightest doubt, leave this off: the citizen is then heard first."),
    )  # fmt: skip
    appealable = forms.BooleanField(label=gettext_lazy("The decision can be appealed"), required=False, initial=True)

    field_order = ["outcome", "subject", "application_id", "applied_for", "fully_grants", "appealable"]


class ApplicationForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Applied for"), choices=ApplicationKind.choices)
    other_text = forms.CharField(label=gettext_lazy("What was applied for (other)"), required=False, max_length=200)
    applied_on = LawDateField(label=gettext_lazy("Applied on"), widget=DateInput())
    channel = forms.ChoiceField(label=gettext_lazy("How the application came"), choices=ApplicationChannel.choices,
                                widget=forms.RadioSelect)  # fmt: skip
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawalForm(forms.Form):
    withdrawn_on = LawDateField(label=gettext_lazy("Withdrawn on"), widget=DateInput())
    guidance = forms.CharField(
        label=gettext_lazy("Guidance given to the citizen before withdrawing"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("What the withdrawal means for the citizen, and the alternatives. Required."),
    )  # fmt: skip


class ReasonsForm(SubjectFields):
    """The method's order: the decision first, then the reasons, the facts and the legal rules (X7)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    decision_text = forms.CharField(
        label=gettext_lazy("1. The decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The clear answer, first, written to the citizen: “Du får …” or “Du får afslag på …”."),
    )  # fmt: skip
    reasons = forms.CharField(
        label=gettext_lazy("2. Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Why is the decision as it is? What was given weight. Short sentences, plain words, "
                               "written to the citizen (“du”, “dig”, “din”)."),
    )  # fmt: skip
    considerations = forms.CharField(
        label=gettext_lazy("Main considerations (where the law leaves a discretion)"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    answer_dealt_with = forms.CharField(
        label=gettext_lazy("How your remarks to the hearing were dealt with (written to the citizen)"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    legal_basis = forms.CharField(
        label=gettext_lazy("4. Legal rules (hjemmel)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("The act and section the decision is made under, in plain words."),
    )  # fmt: skip
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Documents the decision rests on"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    revision_on = LawDateField(
        label=gettext_lazy("Revision condition: the pension is taken up again on"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Only exceptionally: førtidspension is a lasting benefit."),
    )  # fmt: skip
    revision_reason = forms.CharField(
        label=gettext_lazy("Why the pension is granted with a revision condition"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_ids"].choices = [(d.pk, f"{d.title} · {d.document_date:%d-%m-%Y}") for d in documents]


def _weighing_from_post(post, documents) -> list[dict]:
    """The evidence-weighing table of the editor: per document `weigh-<id>-stance` (empty: not marked),
    `weigh-<id>-dealt_with` and `weigh-<id>-note`. The service checks the rows."""
    rows = []
    for d in documents:
        stance = post.get(f"weigh-{d.pk}-stance", "")
        if stance:
            dealt_with = bool(post.get(f"weigh-{d.pk}-dealt_with"))
            rows.append({"document_id": d.pk, "stance": stance, "dealt_with": dealt_with,
                         "note": post.get(f"weigh-{d.pk}-note", "")})  # fmt: skip
    return rows


def _weighing_rows(documents, marks: list[dict]) -> list[dict]:
    by_id = {m["document_id"]: m for m in marks}
    return [{"document": d, "stance": by_id.get(d.pk, {}).get("stance", ""),
             "dealt_with": by_id.get(d.pk, {}).get("dealt_with", False), "note": by_id.get(d.pk, {}).get("note", "")}
            for d in documents]  # fmt: skip


class FactForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Fact"), required=False, max_length=2000)
    source = forms.ChoiceField(label=gettext_lazy("Where it is in the case"), required=False)

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "—"), *sources]


FactFormSet = forms.formset_factory(FactForm, extra=FACT_ROWS, max_num=services.FACTS_MAX,
                                    absolute_max=services.FACTS_MAX)  # fmt: skip


class HearingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    sent_on = LawDateField(label=gettext_lazy("Sent on"), widget=DateInput())
    response_due_on = LawDateField(
        label=gettext_lazy("Answer due on"), required=False, widget=DateInput(),
        help_text=gettext_lazy("A reasonable time for the amount of information; empty: the default deadline."),
    )  # fmt: skip
    unfavourable_facts = forms.CharField(
        label=gettext_lazy("Unfavourable material facts the decision may rest on"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("The whole resource profile and every specialist statement are included anyway."),
    )
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Other documents to include"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_ids"].choices = [(d.pk, f"{d.title} · {d.document_date:%d-%m-%Y}") for d in documents]


class AnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(label=gettext_lazy("Answer"), choices=HearingAnswer.choices[1:],
                               widget=forms.RadioSelect)  # fmt: skip
    answered_on = LawDateField(label=gettext_lazy("Answer received on"), required=False, widget=DateInput())
    form = forms.ChoiceField(label=gettext_lazy("Form of the answer"), choices=Channel.choices, required=False)
    summary = forms.CharField(label=gettext_lazy("The citizen's answer (summary)"), required=False,
                              widget=forms.Textarea(attrs=TEXTAREA))  # fmt: skip


class IssueForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    override_reason = forms.CharField(
        label=gettext_lazy("Why the decision is issued despite the blocking findings"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class ComplaintForm(forms.Form):
    received_on = LawDateField(label=gettext_lazy("Received on"), widget=DateInput())
    channel = forms.ChoiceField(
        label=gettext_lazy("Form"), choices=Channel.choices, widget=forms.RadioSelect,
        help_text=gettext_lazy("A complaint needs no particular form: oral is enough."),
    )  # fmt: skip
    summary = forms.CharField(label=gettext_lazy("What the citizen complains about"),
                              widget=forms.Textarea(attrs=TEXTAREA))  # fmt: skip


class ReconsiderForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=Reconsideration.choices,
                                widget=forms.RadioSelect)  # fmt: skip
    reconsidered_on = LawDateField(label=gettext_lazy("Reconsidered on"), widget=DateInput())
    reasons = forms.CharField(label=gettext_lazy("Reasons"), widget=forms.Textarea(attrs=TEXTAREA))


class ForwardForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    forwarded_on = LawDateField(label=gettext_lazy("Forwarded on"), widget=DateInput())


class AppealOutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=gettext_lazy("The appeal body's outcome"), choices=AppealOutcome.choices,
                                widget=forms.RadioSelect)  # fmt: skip
    decided_on = LawDateField(label=gettext_lazy("Decided on"), widget=DateInput())
    note = forms.CharField(label=gettext_lazy("What the appeal body said (for a remittal: what is missing)"),
                           required=False, widget=forms.Textarea(attrs=TEXTAREA))  # fmt: skip


class FileAccessForm(forms.Form):
    requested_on = LawDateField(label=gettext_lazy("Requested on"), widget=DateInput())
    channel = forms.ChoiceField(label=gettext_lazy("Form"), choices=Channel.choices, widget=forms.RadioSelect)
    scope = forms.CharField(label=gettext_lazy("Scope (empty: the whole file)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class DelayNoticeForm(forms.Form):
    sent_on = LawDateField(label=gettext_lazy("Sent on"), widget=DateInput())
    expected_on = LawDateField(label=gettext_lazy("A decision can be expected on"), widget=DateInput())
    reason = forms.CharField(label=gettext_lazy("Why the deadline cannot be kept"),
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class ReasonsRequestForm(forms.Form):
    decision_notified_on = LawDateField(label=gettext_lazy("The oral decision was given on"), widget=DateInput())
    decision_summary = forms.CharField(
        label=gettext_lazy("The oral decision"), widget=forms.Textarea(attrs={"rows": 2})
    )
    requested_on = LawDateField(label=gettext_lazy("Requested on"), widget=DateInput())


class ReasonsAnswerForm(forms.Form):
    answered_on = LawDateField(label=gettext_lazy("Written reasons given on"), widget=DateInput())
    reasons = forms.CharField(label=gettext_lazy("Reasons"), widget=forms.Textarea(attrs=TEXTAREA))
    legal_basis = forms.CharField(label=gettext_lazy("Legal rules (hjemmel)"), widget=forms.Textarea(attrs={"rows": 2}))
