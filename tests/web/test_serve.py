"""`evne serve`: the production server (gunicorn) with static files from WhiteNoise, started as a real process."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from evne.web.management.commands.serve import server_options

from ..conftest import PASSWORD

EVNE = Path(sys.executable).with_name("evne")


def test_the_server_takes_workers_and_threads_from_the_settings_and_the_command_line(settings):
    settings.EVNE_SERVER_WORKERS, settings.EVNE_SERVER_THREADS = 3, 4

    options = server_options()
    assert (options["workers"], options["threads"], options["worker_class"]) == (3, 4, "gthread")
    single = server_options(bind="127.0.0.1:9", workers=1, threads=1)
    assert (single["bind"], single["workers"], single["worker_class"]) == ("127.0.0.1:9", 1, "sync")
    assert server_options()["accesslog"] is None  # off unless asked for


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Browser:
    """Just enough of a browser for a server behind TLS: HTTPS as the proxy says it, cookies kept by hand (they are
    Secure, so urllib would not send them back over the plain connection to the port)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.origin = "https://" + urllib.parse.urlsplit(base).netloc

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={  # noqa: S310 - our own server
            "X-Forwarded-Proto": "https", "Origin": self.origin, "Referer": self.origin + path,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {}),
        })  # fmt: skip
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as exc:
            response = exc
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="production runs on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_evne_serve_serves_the_login_page_static_files_and_a_logged_in_page(tmp_path, alice, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # production's, not the tests'
    alice.set_password(PASSWORD)
    alice.save()
    port = _free_port()
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "evne.settings.production", "DATABASE_URL": url,
        "EVNE_SECRET_KEY": secrets.token_urlsafe(40), "EVNE_ALLOWED_HOSTS": "127.0.0.1",
        "EVNE_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}", "EVNE_DATA_DIR": str(tmp_path),
        "EVNE_SERVER_WORKERS": "2", "EVNE_SERVER_THREADS": "2",
    }  # fmt: skip
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen(  # noqa: S603 - our own command
        [str(EVNE), "serve", "--bind", f"127.0.0.1:{port}"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    browser = _Browser(f"http://127.0.0.1:{port}")
    try:
        login = None
        for _ in range(240):  # the first start collects and compresses the static files
            try:
                login = browser.request("/login/")
                break
            except OSError:
                assert server.poll() is None, Path(log.name).read_text()
                time.sleep(0.25)
        assert login is not None and login.status == 200, Path(log.name).read_text()
        page = login.read().decode()
        assert 'name="password"' in page

        css = re.search(r'href="(/static/evne/evne\.[0-9a-f]{12}\.css)"', page)
        assert css, "the stylesheet is linked by its hashed name (manifest storage)"
        static = browser.request(css.group(1), headers={"Accept-Encoding": "gzip"})
        assert static.status == 200
        assert static.headers["Content-Encoding"] == "gzip"
        assert "immutable" in static.headers["Cache-Control"]
        assert (tmp_path / "static" / "staticfiles.json").exists()

        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        answer = browser.request("/login/", {"csrfmiddlewaretoken": token, "username": "alice", "password": PASSWORD})
        assert answer.status == 302, answer.read()[:500]
        worklist = browser.request("/")
        assert worklist.status == 200
        assert "Alice" in worklist.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert server.returncode == 0
