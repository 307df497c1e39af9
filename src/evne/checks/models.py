"""The one derived table of the checks: each open case's next running deadline, for the worklist.

The worklist orders a caseworker's (or a team's) open cases by their next deadline, overdue first, and pages them.
Evaluating the catalogue for every case behind the list on every view would cost seconds per thousand cases, so
the earliest deadline is kept here and recomputed when it may have changed: a case's record changed (every write
adds a timeline event, which marks the row stale), the municipality's settings changed (its rows are marked stale),
or the day it was computed on has passed (the rules read dates relative to the day). The worklist recomputes stale
rows of the cases it lists (a bounded number per view, in one batch), and `evne deadlines` recomputes them all (run
it nightly and after a rules release). See docs/decisions/0011-access-log-at-scale.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NextDeadline(models.Model):
    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="next_deadline", verbose_name=_("case")
    )
    due_on = models.DateField(_("next deadline"), null=True, blank=True)  # None: no running deadline
    rule_id = models.CharField(_("rule"), max_length=100, blank=True)
    computed_on = models.DateField(_("computed on"))
    stale = models.BooleanField(_("to be recomputed"), default=False)

    class Meta:
        verbose_name = _("next deadline")
        verbose_name_plural = _("next deadlines")
        indexes = [models.Index(fields=["due_on"], name="nextdeadline_due_on")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.due_on}"
