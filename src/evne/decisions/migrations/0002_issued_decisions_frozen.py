from django.db import migrations

from evne.decisions.db import ForbidUpdateWhen


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_initial"),
    ]

    operations = [
        # An issued decision is final: only a new decision can follow it (seed 000 §5.12; issue 6).
        ForbidUpdateWhen("Decision", "status", "issued"),
    ]
