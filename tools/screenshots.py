"""Make the documentation's pictures of highlighted claims from the current code.

    python tools/screenshots.py            # writes docs/_static/claims_sample.png
    python tools/screenshots.py --check    # exits 1 if that picture is missing

The picture is the bundled sample news text (``numclaims.cli.sample_text()``) annotated by a
blank pipeline and drawn by :func:`numclaims.render`, photographed in a headless Debian
chromium (``apt-get install chromium``) driven by Playwright (``pip install -e ".[browser]"``);
no browser is downloaded. CI runs it before building the docs, so the docs' own build shows
what the current code finds.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "_static" / "claims_sample.png"
#: The Debian chromium; NUMCLAIMS_CHROMIUM overrides it.
CHROMIUM = os.environ.get("NUMCLAIMS_CHROMIUM", "/usr/bin/chromium")


def sample_page() -> str:
    """The sample text's claims as a whole HTML page (title and body as the docs show them)."""
    import numclaims
    from numclaims.cli import sample_text

    nlp = numclaims.load("blank")
    paragraphs = [p for p in sample_text().split("\n") if p.strip()][:3]
    return numclaims.render(list(nlp.pipe(paragraphs)), page=True)


def shoot(html: str, out: Path, *, width: int = 900) -> None:
    """Photograph ``html`` at ``width`` CSS pixels (twice the pixels for sharpness)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 600}, device_scale_factor=2)
            page.set_content(html, wait_until="load")
            figure = page.locator("body")
            out.parent.mkdir(parents=True, exist_ok=True)
            figure.screenshot(path=str(out))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Write the pictures (or, with ``--check``, only check that they exist)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the picture exists")
    args = parser.parse_args(argv)
    if args.check:
        if not OUT.is_file() or OUT.stat().st_size == 0:
            print(f"missing: {OUT.relative_to(ROOT)} (run python tools/screenshots.py)")
            return 1
        return 0
    shoot(sample_page(), OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
