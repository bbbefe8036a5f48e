"""Check the built documentation in a real headless browser, at desktop and phone widths.

    python -m sphinx -b html docs docs/_build/html
    python tools/check_pages.py docs/_build/html

Each main page is opened in Debian's chromium (``/usr/bin/chromium``, or NUMCLAIMS_CHROMIUM)
through Playwright (``pip install -e ".[browser]"``; no browser download) at 1280 and 375 CSS
pixels wide. A page fails if its content column (or the page itself) is wider than the window
lets it be, i.e. something sticks out on the right instead of wrapping (code) or scrolling in
its own box (a wide table), or if one of its images is missing or does not load. CI runs it
after the docs build; tests/test_docs_browser.py shows it failing on pages made to fail.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

#: The pages every reader sees first, and those with wide tables or long examples.
MAIN_PAGES = (
    "index",
    "installation",
    "quickstart",
    "concepts",
    "cookbook",
    "evaluation",
    "cli",
    "benchmarks",
    "reliability",
    "api",
)
#: ``(name, width, height)`` of the windows every page is checked in.
WIDTHS = (("desktop", 1280, 900), ("phone", 375, 740))
CHROMIUM = os.environ.get("NUMCLAIMS_CHROMIUM", "/usr/bin/chromium")

# Run in the page: what sticks out of the content column, and the images that did not load.
_PROBE = """() => {
  // furo's content column (the article and its padding), else the article, else the body
  const column = document.querySelector(".page .content") || document.querySelector("article")
    || document.body;
  const box = column.getBoundingClientRect();
  const wide = [];
  for (const el of column.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // inside a box that scrolls on its own (a wide table): not an overflow of the column
    let scroller = el.parentElement, scrolls = false;
    while (scroller && scroller !== column) {
      const s = getComputedStyle(scroller).overflowX;
      if (s === "auto" || s === "scroll" || s === "hidden") { scrolls = true; break; }
      scroller = scroller.parentElement;
    }
    if (!scrolls && r.right > box.right + 1) {
      wide.push(`${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""}: `
        + `${Math.round(r.right - box.right)}px past the column`);
    }
  }
  // a code block should wrap its long lines, not scroll them out of sight
  for (const pre of column.querySelectorAll("pre")) {
    if (pre.getBoundingClientRect().width > 0 && pre.scrollWidth > pre.clientWidth + 1) {
      wide.push(`a code block scrolls sideways by ${pre.scrollWidth - pre.clientWidth}px: `
        + JSON.stringify(pre.textContent.slice(0, 60)));
    }
  }
  const images = [...document.images].map(img => ({
    src: img.getAttribute("src"), ok: img.complete && img.naturalWidth > 0}));
  return {
    page: document.documentElement.scrollWidth - window.innerWidth,
    column: column.scrollWidth - column.clientWidth,
    wide: wide.slice(0, 5),
    images: images,
  };
}"""


def check(html_dir: Path, pages: tuple[str, ...] = MAIN_PAGES) -> list[str]:
    """The problems found on ``pages`` of the build in ``html_dir`` (empty: all is well)."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for label, width, height in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": height})
                for name in pages:
                    path = html_dir / f"{name}.html"
                    if not path.is_file():
                        problems.append(f"{name}: no {path}")
                        continue
                    page.goto(path.resolve().as_uri(), wait_until="load")
                    found: dict[str, Any] = page.evaluate(_PROBE)
                    where = f"{name}.html at {width}px ({label})"
                    if found["page"] > 1:
                        problems.append(f"{where}: the page scrolls sideways by {found['page']}px")
                    if found["column"] > 1 or found["wide"]:
                        detail = "; ".join(found["wide"]) or f"{found['column']}px"
                        problems.append(f"{where}: overflow of the content column: {detail}")
                    problems.extend(
                        f"{where}: image {img['src']} missing"
                        for img in found["images"]
                        if not img["ok"]
                    )
                page.close()
        finally:
            browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    """Check the pages of the build named on the command line; 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", type=Path, help="the html build (e.g. docs/_build/html)")
    parser.add_argument("--page", action="append", help="check this page only (repeatable)")
    args = parser.parse_args(argv)
    problems = check(args.html_dir, tuple(args.page) if args.page else MAIN_PAGES)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"{len(args.page or MAIN_PAGES)} pages read well at {len(WIDTHS)} widths")
    return 0


if __name__ == "__main__":
    sys.exit(main())
