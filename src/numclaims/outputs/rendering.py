"""displaCy pictures of claims: each claim highlighted with its value, unit and speaker."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from html import escape
from typing import Any

from spacy import displacy
from spacy.displacy.render import EntityRenderer
from spacy.displacy.templates import TPL_FIGURE, TPL_PAGE
from spacy.tokens import Doc
from spacy.util import minify_html

from ..claim import Claim, plain_decimal
from ..rules.locales import POINT_DECIMAL_REGIONS

__all__ = [
    "DISPLACY_COLORS",
    "KIND_COLORS",
    "NO_CLAIMS",
    "change_label",
    "claim_label",
    "format_value",
    "render",
    "render_page",
]

#: Highlight colour of each claim kind.
KIND_COLORS: dict[str, str] = {
    "quantity": "#a6d8f0",
    "money": "#b5e7a0",
    "percent": "#f7d794",
    "ratio": "#d7bde2",
    "vague": "#e0e0e0",
    # the kinds of the numbers layer (claims only with ``claim_kinds``)
    "duration": "#f5b7b1",
    "age": "#fad7a0",
    "year": "#c8e6c9",
    "date": "#bfe1d9",
    "time": "#bfe1d9",
    "ordinal": "#d5dbdb",
    "number": "#aed6f1",
    "score": "#f9e79f",
    "phone": "#e8daef",
    "identifier": "#e5e8e8",
    "reference": "#fdebd0",
}
#: The colours numclaims gives displaCy (the ``spacy_displacy_colors`` entry point): one for
#: each kind, the label of a span of ``doc.spans["numclaims"]``, and for the entity labels of
#: ``annotate_ents`` (``MONEY``, ``PERCENT``, ``QUANTITY``), which spaCy draws all in one grey.
#: ``DATE`` and ``TIME`` keep spaCy's own colour.
DISPLACY_COLORS: dict[str, str] = {
    kind.upper(): color for kind, color in KIND_COLORS.items() if kind not in ("date", "time")
}
#: Highlight colour of a claim of another kind.
_OTHER_COLOR = "#dddddd"
#: What a page of no claims says.
NO_CLAIMS = "no claims found"
#: The kinds the page's legend explains (the claim kinds; others are listed when they occur).
_LEGEND_KINDS = ("quantity", "money", "percent", "ratio", "vague")
#: Stands for the content of displaCy's page template, to cut it into head and tail.
_CONTENT = "\x00numclaims-content\x00"


def format_value(value: Any, locale: str = "es") -> str:
    """An exact decimal as a reader writes it: digits grouped by thousands and the decimal mark
    of ``locale`` ("3.500.000.000", "12,5"; with a point-decimal locale such as ``"es-MX"``
    "3,500,000,000", "12.5"); a value that is no decimal is returned as it is.

    >>> format_value("3500000000"), format_value("-12.5"), format_value("1500.25", "es-MX")
    ('3.500.000.000', '-12,5', '1,500.25')
    """
    text = str(value)
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, frac = digits.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()):
        return text
    group, mark = ",", "."
    region = locale.replace("_", "-").upper().partition("-")[2]
    if not region or region not in POINT_DECIMAL_REGIONS:
        group, mark = ".", ","
    grouped = f"{int(whole):,}".replace(",", group) if len(whole) > 3 else whole
    return sign + grouped + (mark + frac if frac else "")


def _unit_text(unit: Mapping[str, Any]) -> str:
    """The unit as a label shows it: a currency's symbol (its code where the symbol is the
    ambiguous "$"), else the code, symbol or name."""
    symbol = unit.get("symbol")
    if unit.get("kind") == "currency" and symbol and symbol != "$":
        return str(symbol)
    return str(unit.get("code") or symbol or unit.get("name") or "")


def claim_label(claim: Claim, locale: str = "es") -> str:
    """A short label: qualifier, value, unit and speaker, e.g. "≥ 10.000 contenedor · Shin".

    Values are grouped as in ``locale`` (:func:`format_value`). A ratio shows its factor and,
    where the text states its base, what it implies: "× 0,5 → 1.750.000.000 €" for "la mitad
    de esa cantidad" after "3.500 millones de euros".
    """
    signs = {
        "at_least": "≥ ",
        "at_most": "≤ ",
        "more_than": "> ",
        "less_than": "< ",
        "approx": "≈ ",
    }
    d = claim.to_dict()
    if claim.value is not None:
        value = format_value(claim.value_exact or "", locale)
    elif claim.value_min is not None and claim.value_max is not None:
        low = format_value(d.get("value_min_exact", d["value_min"]), locale)
        value = f"{low}–{format_value(d.get('value_max_exact', d['value_max']), locale)}"
    elif claim.value_min is not None:
        value = f"≥ {format_value(d.get('value_min_exact', d['value_min']), locale)}"
    else:
        value = "?"
    unit = _unit_text(claim.unit) if claim.unit is not None else ""
    implied = claim.extra.get("implied_value_exact")
    if claim.kind == "ratio":
        parts = [f"× {value}"]
        if implied is not None:
            parts.append(f"→ {format_value(implied, locale)}" + (f" {unit}" if unit else ""))
    else:
        parts = [signs.get(claim.qualifier or "", "") + value]
        if unit:
            parts.append(unit)
    label = " ".join(parts)
    if claim.modality in ("hedged", "negated"):
        label += f" ({claim.modality})"
    if claim.speaker is not None:
        label += f" · {claim.speaker.get('name') or claim.speaker.get('text')}"
    change = claim.extra.get("change")
    if isinstance(change, Mapping) and _shows_change(change):
        text = change_label(change, locale)
        if text:
            label += f" · {text}"
    return label


def _shows_change(change: Mapping[str, Any]) -> bool:
    """A change is shown once: on its end claim, or on its only stated size."""
    role = change.get("role")
    return role == "to" or (change.get("to_value") is None and role != "from")


def _signed(value: str) -> str:
    return value if value.startswith("-") else f"+{value}"


#: The arrow before the end of a change that states no start ("bajó al 12,5 %": "↓ 12,5 %").
_DIRECTION_ARROWS = {"up": "↑", "down": "↓", "none": "="}


def change_label(change: Mapping[str, Any], locale: str = "es") -> str:
    """A change as "70 % → 102 % (+32 pp)", "↓ 12,5 %", "+18 %", "×3" (from a claim's
    ``change``), its values written for ``locale`` (see :func:`format_value`).

    >>> change_label({"from_value": "70", "to_value": "102", "delta": "32", "delta_unit": "pp"})
    '70 % → 102 % (+32 pp)'
    >>> change_label({"to_value": "12.5", "delta_unit": "pp", "direction": "down"})
    '↓ 12,5 %'
    """
    unit = change.get("delta_unit")
    frm, to, delta = change.get("from_value"), change.get("to_value"), change.get("delta")
    suffix = " %" if unit == "pp" else ""
    size = ""
    if delta is not None:
        shown = _signed(format_value(str(delta), locale))
        size = f"{shown} {unit}" if unit else shown
    elif change.get("relative_change") is not None and change.get("factor") is None:
        pct = Decimal(str(change["relative_change"])) * 100
        size = f"{_signed(format_value(plain_decimal(pct), locale))} %"
    elif change.get("factor") is not None:
        size = f"×{format_value(str(change['factor']), locale)}"
    if frm is not None and to is not None:
        ends = f"{format_value(str(frm), locale)}{suffix} → {format_value(str(to), locale)}"
        return ends + suffix + (f" ({size})" if size else "")
    if to is not None:
        arrow = _DIRECTION_ARROWS.get(str(change.get("direction")), "→")
        return f"{arrow} {format_value(str(to), locale)}{suffix}" + (f" ({size})" if size else "")
    return size


def _ents(doc: Doc, locale: str = "es") -> list[dict[str, Any]]:
    """displaCy's manual spans of the claims of ``doc``, each coloured by its own kind."""
    ents = [
        {
            "start": claim.start_char,
            "end": claim.end_char,
            "label": claim_label(claim, locale),
            "params": {"bg": KIND_COLORS.get(claim.kind, _OTHER_COLOR)},
        }
        for claim in doc._.claims
    ]
    return sorted(ents, key=lambda ent: (ent["start"], ent["end"]))


def _markup(renderer: EntityRenderer, doc: Doc, locale: str = "es") -> str:
    """The displaCy markup of one doc, as displaCy puts it in a fragment or a page."""
    return renderer.render_ents(doc.text, _ents(doc, locale), None)


def _legend() -> str:
    items = "".join(
        f'<span style="background: {KIND_COLORS[kind]}; padding: 0.2em 0.6em; '
        f'margin-right: 0.5em; border-radius: 0.35em; line-height: 2">{kind}</span>'
        for kind in _LEGEND_KINDS
    )
    return f'<p class="numclaims-legend" lang="en">{items}</p>\n'


def render_page(
    docs: Doc | Iterable[Doc],
    *,
    minify: bool = False,
    title: str = "numclaims",
    locale: str = "es",
) -> Iterator[str]:
    """Yield a whole HTML page piece by piece: its head (with ``title``, ``lang="es"`` and a
    legend of the colours), one displaCy figure per doc, its tail.

    Each doc is rendered when it is reached, so ``docs`` can be a generator and the
    page can be written as it goes; ``"".join(render_page(docs))`` is
    ``render(docs, page=True)``. A page without any claim says so (:data:`NO_CLAIMS`).

    Args:
        docs: One doc or several, processed by a pipeline with the ``"numclaims"`` component.
        minify: Minify the HTML.
        title: The page's title, also shown as its heading.
        locale: How values are written (:func:`format_value`).
    """
    renderer = EntityRenderer({})
    page = TPL_PAGE.format(content=_CONTENT, lang="es", dir=renderer.direction)
    head, tail = page.split(_CONTENT)
    head = head.replace("<title>displaCy</title>", f"<title>{escape(title)}</title>")
    head += f'<h1 style="font-size: 1.4em">{escape(title)}</h1>\n' + _legend()
    yield minify_html(head) if minify else head.lstrip()
    found = False
    for doc in [docs] if isinstance(docs, Doc) else docs:
        found = found or bool(doc._.claims)
        figure = TPL_FIGURE.format(content=_markup(renderer, doc, locale))
        yield minify_html(figure) if minify else figure
    if not found:
        tail = f'<p class="numclaims-none" lang="en">{NO_CLAIMS}</p>\n' + tail
    yield minify_html(tail) if minify else tail.rstrip()


def render(
    docs: Doc | Iterable[Doc],
    *,
    page: bool = False,
    minify: bool = False,
    locale: str = "es",
) -> str:
    """Return displaCy HTML that highlights the claims of ``docs``.

    Args:
        docs: One doc or several, processed by a pipeline with the ``"numclaims"`` component.
        page: Return a whole HTML page rather than a fragment (see :func:`render_page`).
        minify: Minify the HTML.
        locale: How values are written in the labels (:func:`format_value`).
    """
    if page:
        html = "".join(render_page(docs, minify=minify, locale=locale))
    else:
        renderer = EntityRenderer({})
        markup = "".join(
            _markup(renderer, doc, locale) for doc in ([docs] if isinstance(docs, Doc) else docs)
        )
        html = minify_html(markup) if minify else markup.strip()
    wrapper = getattr(displacy, "RENDER_WRAPPER", None)  # displacy.set_render_wrapper's hook
    return str(wrapper(html)) if callable(wrapper) else html
