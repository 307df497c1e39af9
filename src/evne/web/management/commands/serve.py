"""`evne serve`: Evne under its production server, gunicorn, with static files from WhiteNoise.

Workers, threads and the address come from the settings (EVNE_SERVER_*, read from the environment) or the
command line. Static files are collected (hashed names, gzip-compressed) on the first start, or with
--collectstatic after an upgrade. The demo (`./run`, `evne demo --serve`) keeps Django's development server.
"""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.utils.translation import gettext as _
from gunicorn.app.base import BaseApplication


def server_options(*, bind: str | None = None, workers: int | None = None, threads: int | None = None) -> dict:
    """gunicorn's configuration: the command line over the settings (EVNE_SERVER_* in the environment)."""
    threads = threads or settings.EVNE_SERVER_THREADS
    return {
        "bind": bind or settings.EVNE_SERVER_BIND,
        "workers": workers or settings.EVNE_SERVER_WORKERS,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": settings.EVNE_SERVER_TIMEOUT,  # a decision letter or a file-access PDF renders in the request
        "graceful_timeout": 30,
        "keepalive": 5,
        # a worker is replaced after this many requests (with jitter, so they do not all restart at once)
        "max_requests": 2000,
        "max_requests_jitter": 200,
        # gunicorn's access log writes every request line; Evne's URLs carry ids, never CPR or names, but it is
        # off unless asked for (EVNE_SERVER_ACCESS_LOG=- for stdout), as the proxy in front usually keeps one
        "accesslog": settings.EVNE_SERVER_ACCESS_LOG or None,
        "errorlog": "-",
        "forwarded_allow_ips": settings.EVNE_SERVER_FORWARDED_ALLOW_IPS,
        "proc_name": "evne",
    }


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # built in each worker, after the static files are collected (WhiteNoise indexes them when it starts)
        return get_wsgi_application()


class Command(BaseCommand):
    help = "Serve Evne with the production server (gunicorn) and its static files (WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", help=f"Address (default EVNE_SERVER_BIND, {settings.EVNE_SERVER_BIND}).")
        parser.add_argument("--workers", type=int, help="Worker processes (default EVNE_SERVER_WORKERS).")
        parser.add_argument("--threads", type=int, help="Threads per worker (default EVNE_SERVER_THREADS).")
        parser.add_argument("--collectstatic", action="store_true", help="Collect the static files first.")

    def handle(self, *args, **options):
        for name in ("workers", "threads"):
            if options[name] is not None and options[name] < 1:
                raise CommandError(_("--%(option)s must be at least 1.") % {"option": name})
        manifest = getattr(staticfiles_storage, "manifest_name", None)
        if options["collectstatic"] or (manifest and not staticfiles_storage.exists(manifest)):
            call_command("collectstatic", interactive=False, verbosity=0)
        config = server_options(bind=options["bind"], workers=options["workers"], threads=options["threads"])
        self.stdout.write(
            _("Evne serves on %(bind)s with gunicorn: %(workers)s processes of %(threads)s threads each.")
            % {"bind": config["bind"], "workers": config["workers"], "threads": config["threads"]}
        )
        connections.close_all()  # nothing opened here may be shared with the forked workers
        _Gunicorn(config).run()
