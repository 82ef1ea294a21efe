"""Benchmark (not a test): how long Python takes in the browser, measured in one headless Chromium run.

    make bench        (or .venv/bin/python scripts/bench.py [--runs 5])

Prints the medians of:
  - bare Pyodide booting in a module worker on a blank page of the same origin (no wheels);
  - the Step 1 page, from navigation until <html data-playbook-runtime="ready">;
  - one generate on that page once ready (click to rendered output);
and the ratios page-ready / bare boot and generate / bare boot.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

# A blank page whose worker only boots Pyodide: the floor for any page that uses Python.
BLANK = """<!doctype html><meta charset="utf-8"><title>bench</title><script type="module">
const source = `import { loadPyodide } from "${new URL("/assets/pyodide/pyodide.mjs", location)}";
const t0 = performance.now();
await loadPyodide({ indexURL: "${new URL("/assets/pyodide/", location)}" });
postMessage(performance.now() - t0);`;
const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
const started = performance.now();
const worker = new Worker(url, { type: "module" });
worker.onmessage = () => { window.bootMs = performance.now() - started; };
</script>"""


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure Pyodide boot and document generation.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    site = ROOT / "site"
    if not (site / "assets" / "wheels" / "manifest.json").exists():
        sys.exit("the site is not built: run make site")
    (site / "bench-blank.html").write_text(BLANK, encoding="utf-8")
    from playwright.sync_api import sync_playwright

    server = serve.start(site)
    base = f"http://127.0.0.1:{server.server_port}"
    bare, ready, generate = [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                # A fresh context each run: nothing cached between runs, as on a first visit.
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/bench-blank.html")
                page.wait_for_function("window.bootMs !== undefined", timeout=120_000)
                bare.append(page.evaluate("window.bootMs") / 1000)
                context.close()

                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/steps/step-1/")
                page.wait_for_selector("html[data-playbook-runtime=ready]", timeout=120_000)
                ready.append(page.evaluate("performance.now()") / 1000)
                page.fill("[name=case_code]", "BENCH-1")
                page.fill("[name=received_on]", "2026-03-14")
                page.fill("[name=summary]", "Benchmark case.")
                page.check("[name=outcome][value=substantiated]")
                page.fill("[name=reasons]", "Benchmark.")
                generate.append(page.evaluate("""async () => {
                    const output = document.querySelector('[data-playbook-output]');
                    output.replaceChildren();
                    const t0 = performance.now();
                    document.querySelector('[data-playbook-action=generate]').click();
                    while (!output.querySelector('h1')) await new Promise(r => setTimeout(r, 5));
                    return performance.now() - t0;
                }""") / 1000)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        (site / "bench-blank.html").unlink(missing_ok=True)

    b, r, g = statistics.median(bare), statistics.median(ready), statistics.median(generate)
    print(f"runs: {args.runs} (median of each), headless Chromium, site served on 127.0.0.1")
    print(f"bare Pyodide boot in a worker (blank page):   {b:6.2f} s")
    print(f"Step 1 page: navigation to runtime ready:      {r:6.2f} s   ({r / b:.2f} x bare boot)")
    print(f"one generate after ready (click to output):    {g:6.3f} s   ({g / b:.3f} x bare boot)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
