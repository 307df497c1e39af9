"""The population loader's progress: one row per finished batch, written in the batch's own transaction, so a rerun
with the same parameters knows exactly which batches are in the database and continues after them."""

from django.db import models


class PopulationBatch(models.Model):
    run = models.CharField(max_length=200, help_text="The loader's parameters (seed, cases, municipalities, …).")
    number = models.PositiveIntegerField()
    cases = models.PositiveIntegerField()
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="population_batch_unique")]

    def __str__(self) -> str:
        return f"{self.run} #{self.number}"
