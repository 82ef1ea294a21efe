"""axe-core on every page of the site: no serious or critical violation."""

from __future__ import annotations

import re

import pytest
from browser_support import ROOT, SITE

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = sorted(
    "/" + str(p.parent.relative_to(SITE)).replace(".", "").strip("/") + ("/" if p.parent != SITE else "")
    for p in SITE.rglob("index.html") if not p.relative_to(SITE).parts[0] in ("assets", "search")
)


def test_every_page_is_listed():
    assert "/" in PAGES and "/steps/step-1/" in PAGES and "/emergency/" in PAGES and len(PAGES) >= 9


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(page, base_url, path):
    page.goto(f"{base_url}{re.sub('//+', '/', path)}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], bad
