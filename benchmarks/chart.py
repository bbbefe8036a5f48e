"""An SVG bar chart of throughput (chars/s), written by the benchmark itself (no plotting
library): numclaims on each pipeline, its peers, and spaCy's tokenizer alone as the ceiling."""

from __future__ import annotations

from html import escape
from typing import Any

_BAR_H, _GAP, _LEFT, _WIDTH, _RIGHT = 22, 8, 230, 420, 120


def throughput_svg(systems: dict[str, Any], ceiling: float | None) -> str:
    """The chart of ``systems`` (name -> row with ``chars_per_s``) and the tokenizer
    ``ceiling`` (chars/s), on a logarithmic-free linear scale up to the largest value."""
    rows = [(n, float(r["chars_per_s"])) for n, r in systems.items() if "chars_per_s" in r]
    if ceiling:
        rows.append(("spaCy tokenizer alone (ceiling)", float(ceiling)))
    rows.sort(key=lambda r: -r[1])
    top = max((v for _, v in rows), default=1.0) or 1.0
    height = 40 + len(rows) * (_BAR_H + _GAP)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LEFT + _WIDTH + _RIGHT}" '
        f'height="{height}" font-family="sans-serif" font-size="12">',
        '<text x="10" y="18" font-weight="bold">Throughput on the benchmark corpus '
        "(characters per second, same run)</text>",
    ]
    for i, (name, value) in enumerate(rows):
        y = 30 + i * (_BAR_H + _GAP)
        w = max(1.0, _WIDTH * value / top)
        colour = (
            "#999999"
            if "tokenizer" in name
            else ("#1f77b4" if name.startswith("numclaims") else "#ff7f0e")
        )
        out.append(
            f'<text x="{_LEFT - 6}" y="{y + 15}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{_LEFT}" y="{y}" width="{w:.1f}" height="{_BAR_H}" fill="{colour}"/>'
            f'<text x="{_LEFT + w + 4:.1f}" y="{y + 15}">{value:,.0f}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
