from django.db import migrations

from evne.appendonly import ForbidUpdate


class Migration(migrations.Migration):
    dependencies = [
        ("reform", "0001_initial"),
    ]

    operations = [
        ForbidUpdate("RehabPlanRevision"),
        ForbidUpdate("Recommendation"),
        ForbidUpdate("Departure"),
        ForbidUpdate("PensionTransfer"),
        ForbidUpdate("FlexJobVisitation"),
        ForbidUpdate("FlexJob"),
        ForbidUpdate("UnemploymentPeriod"),
    ]
