"""Benchmarks of numclaims against its peers: accuracy, speed and memory.

Run ``python -m benchmarks`` from the repository root (``--smoke`` for a tiny, fast
run); results go to ``benchmarks/results/latest.json`` and ``latest.md``.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root (the folder that holds ``benchmarks/``).
REPO_ROOT = Path(__file__).resolve().parents[1]
#: The shared evaluation material, beside the repository (may be absent).
SHARED = REPO_ROOT.parent / "shared"
