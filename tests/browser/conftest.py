"""Browser fixtures: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright.

Every page a test opens fails the test if a request leaves 127.0.0.1 or the console shows an error
(tests that provoke errors on purpose ask for `page_allowing_errors`)."""

from __future__ import annotations

import sys
from urllib.parse import urlparse

import pytest

from browser_support import ROOT, SITE  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(items):
    here = ROOT / "tests" / "browser"
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url():
    if not (SITE / "assets" / "wheels" / "manifest.json").exists():
        pytest.exit("the site is not built: run `make site` (make test does it)", returncode=1)
    # Material's instant navigation follows only links whose port matches site_url's (sitemap.xml),
    # so the site is served exactly where mkdocs.yml says it lives.
    port = serve.site_port(ROOT / "mkdocs.yml")
    try:
        server = serve.start(SITE, port)
    except OSError as exc:
        pytest.exit(f"cannot serve the site on 127.0.0.1:{port} ({exc.strerror}); is `make serve` running?", returncode=1)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What a page did that it must not: requests off 127.0.0.1, console errors, page errors."""

    def __init__(self):
        self.outside: list[str] = []
        self.errors: list[str] = []


def _open(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    watch = Watch()

    def guard(route):
        url = urlparse(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != "127.0.0.1":
            watch.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    context.on("request", lambda r: urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).hostname != "127.0.0.1"
               and watch.outside.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and watch.errors.append(m.text))
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("dialog", lambda d: d.accept())
    return context, page, watch


def _watched_page(browser, allow_console_errors: bool):
    context, page, watch = _open(browser)
    page.watch = watch
    yield page
    context.close()
    assert watch.outside == [], f"requests left 127.0.0.1: {watch.outside}"
    if not allow_console_errors:
        assert watch.errors == [], f"console errors: {watch.errors}"


@pytest.fixture
def page(browser):
    yield from _watched_page(browser, allow_console_errors=False)


@pytest.fixture
def page_allowing_errors(browser):
    yield from _watched_page(browser, allow_console_errors=True)
