from django.apps import AppConfig


class SynthConfig(AppConfig):
    name = "evne.synth"
    verbose_name = "Synthetic data"
