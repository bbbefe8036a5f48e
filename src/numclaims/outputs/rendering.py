"""displaCy pictures of claims: each claim highlighted with its value, unit and speaker."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from spacy import displacy
from spacy.displacy.render import EntityRenderer
from spacy.displacy.templates import TPL_FIGURE, TPL_PAGE
from spacy.tokens import Doc
from spacy.util import minify_html

from ..claim import Claim, plain_decimal

__all__ = ["KIND_COLORS", "change_label", "claim_label", "render", "render_page"]

#: Highlight colour of each claim kind.
KIND_COLORS: dict[str, str] = {
    "quantity": "#a6d8f0",
    "money": "#b5e7a0",
    "percent": "#f7d794",
    "ratio": "#d7bde2",
    "vague": "#e0e0e0",
}
#: Highlight colour of a claim of another kind.
_OTHER_COLOR = "#dddddd"
#: Stands for the content of displaCy's page template, to cut it into head and tail.
_CONTENT = "\x00numclaims-content\x00"


def claim_label(claim: Claim) -> str:
    """A short label: qualifier, value, unit and speaker, e.g. "≥ 10000 contenedor · Shin"."""
    signs = {
        "at_least": "≥ ",
        "at_most": "≤ ",
        "more_than": "> ",
        "less_than": "< ",
        "approx": "≈ ",
    }
    if claim.value is not None:
        value = claim.value_exact or ""
    elif claim.value_min is not None and claim.value_max is not None:
        value = f"{claim.to_dict()['value_min']}–{claim.to_dict()['value_max']}"
    elif claim.value_min is not None:
        value = f"≥ {claim.to_dict()['value_min']}"
    else:
        value = "?"
    parts = [signs.get(claim.qualifier or "", "") + value]
    if claim.unit is not None:
        unit = claim.unit.get("code") or claim.unit.get("symbol") or claim.unit.get("name")
        if unit:
            parts.append(str(unit))
    label = " ".join(parts)
    if claim.modality in ("hedged", "negated"):
        label += f" ({claim.modality})"
    if claim.speaker is not None:
        label += f" · {claim.speaker.get('name') or claim.speaker.get('text')}"
    change = claim.extra.get("change")
    if isinstance(change, Mapping) and _shows_change(change):
        text = change_label(change)
        if text:
            label += f" · {text}"
    return label


def _shows_change(change: Mapping[str, Any]) -> bool:
    """A change is shown once: on its end claim, or on its only stated size."""
    role = change.get("role")
    return role == "to" or (change.get("to_value") is None and role != "from")


def _signed(value: str) -> str:
    return value if value.startswith("-") else f"+{value}"


def change_label(change: Mapping[str, Any]) -> str:
    """A change as "70 % → 102 % (+32 pp)", "+18 %", "×3" (from a claim's ``change``)."""
    unit = change.get("delta_unit")
    frm, to, delta = change.get("from_value"), change.get("to_value"), change.get("delta")
    suffix = " %" if unit == "pp" else ""
    size = ""
    if delta is not None:
        size = f"{_signed(str(delta))} {unit}" if unit else _signed(str(delta))
    elif change.get("relative_change") is not None and change.get("factor") is None:
        pct = Decimal(str(change["relative_change"])) * 100
        size = f"{_signed(plain_decimal(pct))} %"
    elif change.get("factor") is not None:
        size = f"×{change['factor']}"
    if frm is not None and to is not None:
        return f"{frm}{suffix} → {to}{suffix}" + (f" ({size})" if size else "")
    if to is not None:
        return f"→ {to}{suffix}"
    return size


def _ents(doc: Doc) -> list[dict[str, Any]]:
    """displaCy's manual spans of the claims of ``doc``, each coloured by its own kind."""
    ents = [
        {
            "start": claim.start_char,
            "end": claim.end_char,
            "label": claim_label(claim),
            "params": {"bg": KIND_COLORS.get(claim.kind, _OTHER_COLOR)},
        }
        for claim in doc._.claims
    ]
    return sorted(ents, key=lambda ent: (ent["start"], ent["end"]))


def _markup(renderer: EntityRenderer, doc: Doc) -> str:
    """The displaCy markup of one doc, as displaCy puts it in a fragment or a page."""
    return renderer.render_ents(doc.text, _ents(doc), None)


def render_page(docs: Doc | Iterable[Doc], *, minify: bool = False) -> Iterator[str]:
    """Yield a whole displaCy HTML page piece by piece: its head, one piece per doc, its tail.

    Each doc is rendered when it is reached, so ``docs`` can be a generator and the
    page can be written as it goes; ``"".join(render_page(docs))`` is
    ``render(docs, page=True)``.

    Args:
        docs: One doc or several, processed by a pipeline with the ``"numclaims"`` component.
        minify: Minify the HTML.
    """
    renderer = EntityRenderer({})
    page = TPL_PAGE.format(content=_CONTENT, lang=renderer.lang, dir=renderer.direction)
    head, tail = page.split(_CONTENT)
    yield minify_html(head) if minify else head.lstrip()
    for doc in [docs] if isinstance(docs, Doc) else docs:
        figure = TPL_FIGURE.format(content=_markup(renderer, doc))
        yield minify_html(figure) if minify else figure
    yield minify_html(tail) if minify else tail.rstrip()


def render(docs: Doc | Iterable[Doc], *, page: bool = False, minify: bool = False) -> str:
    """Return displaCy HTML that highlights the claims of ``docs``.

    Args:
        docs: One doc or several, processed by a pipeline with the ``"numclaims"`` component.
        page: Return a whole HTML page rather than a fragment (see :func:`render_page`).
        minify: Minify the HTML.
    """
    if page:
        html = "".join(render_page(docs, minify=minify))
    else:
        renderer = EntityRenderer({})
        markup = "".join(
            _markup(renderer, doc) for doc in ([docs] if isinstance(docs, Doc) else docs)
        )
        html = minify_html(markup) if minify else markup.strip()
    wrapper = getattr(displacy, "RENDER_WRAPPER", None)  # displacy.set_render_wrapper's hook
    return str(wrapper(html)) if callable(wrapper) else html
