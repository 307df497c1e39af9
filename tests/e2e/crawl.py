"""Crawl every page type a user can reach by following links, and find identifier-shaped text in what the user reads.

Used by `test_no_internal_codes.py` (on the demo data, as each role) and runnable by hand against a running
server: `python -m tests.e2e.crawl http://127.0.0.1:8000 sagsbehandler1 jurist` prints what it finds.

What counts as internal code in running text (issue 13, item 4): snake_case keys, rule ids, `kind:123`
references, hash ids, ISO dates, and references into the seed files ("R43–R44", "seed-001 lines 12–20").
Link targets, form values and parts marked `data-technical` (the rules catalogue's collapsed technical detail)
are not running text and are not read.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from evne.rules.catalogue import FORMER, RULES

RULE_IDS = sorted({r.id for r in RULES} | set(FORMER), key=len, reverse=True)
# Abbreviations and addresses a Danish text may hold that look like dotted ids.
DOTTED_WORDS = re.compile(r"^(?:[a-zæøå]{1,3}\.)+[a-zæøå]{1,3}$|\.(?:dk|com|org|net|eu|gov|io)$")

PATTERNS: dict[str, re.Pattern[str]] = {
    "snake_case": re.compile(r"(?<![\w/@.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@])"),
    "dotted id": re.compile(r"(?<![\w/@-])[a-z][a-z_]*(?:\.[a-z][a-z_]*)+(?![\w@-])"),
    "kind:id": re.compile(r"(?<![\w/])[a-z_]+:\d+\b"),
    "hash id": re.compile(r"\b(?=[0-9a-f-]*[a-f])(?=[0-9a-f-]*\d)[0-9a-f]{8,}(?:-[0-9a-f]{4,})*\b"),
    "ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    "seed reference": re.compile(r"\bR\d+(?:\s*[–-]\s*R?\d+)?\b|\bseed[- ]?\d+|\bseed\b", re.IGNORECASE),
}

# The visible text of the page, without link targets, form field values and parts marked as technical detail.
VISIBLE_TEXT_JS = """() => {
  const skip = 'script, style, noscript, template, textarea, [data-technical], [hidden]';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out.join('\\n');
}"""

SKIP_PATH = re.compile(r"^/(?:logout|admin|i18n|api|static|media)/|/pdf/?$|/download/?$|\.pdf$|/export|/file/?$")


def offending(text: str) -> list[tuple[str, str, str]]:
    """(kind, the string, its line) for every identifier-shaped string in the text."""
    found = []
    for line in text.splitlines():
        for kind, pattern in PATTERNS.items():
            for m in pattern.finditer(line):
                s = m.group(0)
                if kind == "dotted id" and DOTTED_WORDS.search(s) and s not in RULE_IDS:
                    continue
                found.append((kind, s, line.strip()[:160]))
    return found


def page_type(path: str) -> str:
    """/cases/12/profile/health/ → /cases/{n}/profile/{s}/ (the profile element is a variable too)."""
    path = re.sub(r"/\d+(?=/|$)", "/{n}", path)
    return re.sub(r"(/cases/\{n\}/profile/)(?!involvement|hypotheses|present|responses|pdf)[a-z_]+", r"\1{s}", path)


@dataclass
class CrawlResult:
    pages: dict[str, str] = field(default_factory=dict)  # page type → the first URL crawled
    loads: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # URL → non-200 status
    findings: list[tuple[str, str, str, str]] = field(default_factory=list)  # (page URL, kind, string, line)


def crawl(page, base_url: str, *, start: tuple[str, ...] = ("/",), per_type: int = 2, limit: int = 400) -> CrawlResult:
    """Breadth-first over same-site links from `start`, at most `per_type` pages of each type, `limit` loads."""
    origin = urlsplit(base_url).netloc
    result = CrawlResult()
    seen_urls: set[str] = set()
    per: dict[str, int] = {}
    queue = deque(start)
    forced = set(start)  # the start pages are read even where their type has been read already
    while queue and result.loads < limit:
        url = queue.popleft()
        split = urlsplit(url if "://" in url else base_url + url)
        if split.netloc != origin or SKIP_PATH.search(split.path):
            continue
        key = split.path + ("?" + split.query if split.query else "")
        kind = page_type(split.path) + ("?" + re.sub(r"=[^&]*", "=", split.query) if split.query else "")
        if key in seen_urls or (per.get(kind, 0) >= per_type and url not in forced):
            continue
        seen_urls.add(key)
        response = page.goto(base_url + key)
        result.loads += 1
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        if response.status != 200:
            if url not in forced:  # a start page this user may not see is no defect; a link offered to them is
                result.statuses[key] = response.status
            continue
        per[kind] = per.get(kind, 0) + 1
        result.pages.setdefault(kind, key)
        text = page.evaluate(VISIBLE_TEXT_JS)
        text += "\n" + page.title()
        for k, s, line in offending(text):
            result.findings.append((key, k, s, line))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            href = urldefrag(href)[0]
            if urlsplit(href).netloc == origin:
                queue.append(href)
    return result


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()


def report(result: CrawlResult) -> str:
    lines = [f"{len(result.pages)} page types, {result.loads} loads, {len(result.findings)} findings"]
    by_string: dict[tuple[str, str], list[str]] = {}
    for url, kind, s, line in result.findings:
        by_string.setdefault((kind, s), []).append(f"{url} | {line}")
    for (kind, s), where in sorted(by_string.items()):
        lines.append(f"  [{kind}] {s!r} ×{len(where)}  e.g. {where[0]}")
    for url, status in result.statuses.items():
        lines.append(f"  status {status}: {url}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a tool for the developer
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")
    django.setup()
    from playwright.sync_api import sync_playwright

    base, *users = sys.argv[1:]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for user in users:
            context = browser.new_context(locale="en-US")
            pg = context.new_page()
            anonymous = crawl(pg, base, start=("/login/",), per_type=1, limit=2)
            log_in(pg, base, user, os.environ.get("EVNE_DEMO_PASSWORD", "demo-Evne-2026"))
            extra = tuple(os.environ.get("START", "").split())
            res = crawl(pg, base, start=("/", *extra), per_type=int(os.environ.get("PER_TYPE", "2")))
            res.findings[:0] = anonymous.findings
            print(f"== {user}: {report(res)}")
            if os.environ.get("PAGES"):
                print("\n".join(f"    {k}  {v}" for k, v in sorted(res.pages.items())))
            context.close()
