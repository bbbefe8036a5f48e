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


#: The accuracy suites the chart shows, with their colour and a reader's name.
_SUITES = (
    ("dev_claims_es", "#1f77b4", "news sentences (claims)"),
    ("recognizers_es", "#ff7f0e", "Recognizers-Text suites"),
    ("num2words_es", "#2ca02c", "num2words sentences"),
)


def _overall(scores: dict[str, Any]) -> dict[str, Any]:
    """The overall row of a system's scores ("all scored" or "all claims")."""
    key = next((k for k in scores if k.startswith("all")), None)
    return scores[key] if key else {}


def accuracy_svg(accuracy: dict[str, Any], metric: str = "f1") -> str:
    """A grouped bar chart of ``metric`` (``"f1"`` or ``"value_acc"``) of every system on each
    accuracy suite of ``accuracy`` (the ``results["accuracy"]`` of a run), 0 to 1."""
    suites = [(k, c, label) for k, c, label in _SUITES if k in accuracy]
    names: list[str] = []
    for key, _, _ in suites:
        names += [n for n in accuracy[key]["systems"] if n not in names]
    group = len(suites) * 12 + _GAP
    legend_h = 20
    height = 40 + legend_h + len(names) * group
    what = "detection F1" if metric == "f1" else "value accuracy"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LEFT + _WIDTH + _RIGHT}" '
        f'height="{height}" font-family="sans-serif" font-size="12">',
        f'<text x="10" y="18" font-weight="bold">Accuracy against the peers: {what} '
        "(0 to 1, same run)</text>",
    ]
    x = _LEFT
    for _, colour, label in suites:
        out.append(
            f'<rect x="{x}" y="28" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="37">{escape(label)}</text>'
        )
        x += 14 + 7 * len(label) + 16
    for i, name in enumerate(names):
        y = 30 + legend_h + i * group
        out.append(
            f'<text x="{_LEFT - 6}" y="{y + group / 2:.0f}" text-anchor="end">{escape(name)}</text>'
        )
        for j, (key, colour, _) in enumerate(suites):
            row = accuracy[key]["systems"].get(name)
            value = _overall(row.get("scores") or {}).get(metric) if row else None
            by = y + j * 12
            if value is None:
                out.append(f'<text x="{_LEFT + 4}" y="{by + 9}" font-size="10">n/a</text>')
                continue
            w = max(1.0, _WIDTH * float(value))
            out.append(
                f'<rect x="{_LEFT}" y="{by}" width="{w:.1f}" height="10" fill="{colour}"/>'
                f'<text x="{_LEFT + w + 4:.1f}" y="{by + 9}" font-size="10">{value:.2f}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"
