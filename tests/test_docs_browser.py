"""The documentation's browser check (tools/check_pages.py) and pictures (tools/screenshots.py),
in a real headless chromium (Debian's, through Playwright)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NUMCLAIMS_CHROMIUM", "/usr/bin/chromium")


def _tool(name: str) -> ModuleType:
    if importlib.util.find_spec("playwright") is None:
        pytest.skip('playwright is not installed (pip install -e ".[browser]")')
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    spec = importlib.util.spec_from_file_location(f"numclaims_tools_{name}", ROOT / "tools" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# a page shaped like furo's: the content column is ``.page .content``
PAGE = """<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">
<style>body {{ margin: 0 }} .content {{ max-width: 46em; padding: 0 1em }}
pre {{ overflow: auto }} .scroll {{ overflow-x: auto }}</style></head>
<body><div class="page"><div class="content"><article>{body}</article></div></div></body></html>"""


def _site(tmp_path: Path, body: str) -> Path:
    (tmp_path / "index.html").write_text(PAGE.format(body=body), "utf-8")
    return tmp_path


def test_a_page_that_reads_well_passes(tmp_path: Path) -> None:
    tools = _tool("check_pages.py")
    (tmp_path / "ok.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "utf-8"
    )
    body = (
        "<p>Texto.</p><pre style='white-space: pre-wrap'>" + "x " * 400 + "</pre>"
        "<div class='scroll'><table><tr><td style='min-width: 3000px'>ancha</td></tr></table>"
        "</div><img src='ok.svg' alt='ok'>"
    )
    assert tools.check(_site(tmp_path, body), ("index",)) == []


def test_code_that_runs_off_the_right_fails(tmp_path: Path) -> None:
    tools = _tool("check_pages.py")
    problems = tools.check(_site(tmp_path, "<pre>" + "x" * 400 + "</pre>"), ("index",))
    assert len(problems) == 2  # desktop and phone
    assert all("code block scrolls sideways" in p for p in problems)


def test_something_wider_than_the_column_fails(tmp_path: Path) -> None:
    tools = _tool("check_pages.py")
    problems = tools.check(_site(tmp_path, "<div style='width: 2000px'>x</div>"), ("index",))
    assert any("overflow of the content column" in p and "desktop" in p for p in problems)
    assert any("sideways" in p and "phone" in p for p in problems)


def test_a_missing_image_fails(tmp_path: Path) -> None:
    tools = _tool("check_pages.py")
    problems = tools.check(_site(tmp_path, "<img src='nowhere.png' alt='x'>"), ("index",))
    assert problems and all("image nowhere.png missing" in p for p in problems)


def test_the_sample_picture_comes_from_the_current_code(tmp_path: Path) -> None:
    tools = _tool("screenshots.py")
    html = tools.sample_page()
    assert "3.500 millones de euros" in html
    out = tmp_path / "claims.png"
    tools.shoot(html, out, width=500)
    assert out.read_bytes().startswith(b"\x89PNG")
    assert (ROOT / "docs" / "_static" / "claims_sample.png").is_file()
