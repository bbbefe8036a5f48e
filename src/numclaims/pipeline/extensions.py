"""The custom attributes numclaims sets on spaCy objects.

Every ``"numclaims"`` component stores the claims it finds as plain JSON-safe
dictionaries (what :meth:`~numclaims.claim.Claim.to_dict` returns) under its own
name, in the one private attribute ``doc._._numclaims`` (:data:`STORE_ATTR`), a
dictionary ``{component name: [claim dict, ...]}``. Plain data in
``doc.user_data`` survives ``DocBin(store_user_data=True)``, pickling and
``nlp.pipe(n_process=...)``; the public attributes are getters that read it:

- ``doc._.claims``: the claims of the doc, in text order;
- ``doc._.numclaims_data``: the same claims as plain dictionaries (setting it
  replaces the claims of that component);
- ``span._.claim``: the claim whose expression is exactly this span, or ``None``;
- ``span._.claims``: the claims inside this span (e.g. a sentence);
- ``doc._.numbers`` and ``span._.numbers``: every numeric mention (the numbers layer: the
  claims, and the ordinals, years, dates, times, durations, ages, phone numbers,
  identifiers... that are no claim), as :class:`~numclaims.claim.Claim` records whose
  ``kind`` tells them apart, stored the same way in ``doc._._numclaims_numbers``
  (:data:`NUMBERS_ATTR`).

The claims are rebuilt from their dictionaries once per doc and stored data: the getters
keep them in a per-doc cache, which a doc read back (``DocBin``, pickle, another process)
or annotated again does not reuse.

Which component they answer for, when a pipeline has several (say ``"nc_es"``
with ``locale="es-ES"`` and ``"nc_mx"`` with ``locale="es-MX"``):

1. the component named ``"numclaims"`` (:data:`DEFAULT_NAME`, the name
   ``nlp.add_pipe("numclaims")`` gives), if it annotated the doc;
2. otherwise the only component that annotated the doc, whatever its name;
3. otherwise (several components, none named ``"numclaims"``) they raise a
   ``ValueError`` rather than pick one: ask :func:`claims_of` by name.

A doc that no component annotated has no claims (``[]``, ``None``).
:func:`claims_of` gives the claims of any component by name and
:func:`annotated_by` the names of the components that annotated a doc.
"""

from __future__ import annotations

import warnings
import weakref
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Span

from ..claim import Claim

__all__ = [
    "DATA_ATTR",
    "DEFAULT_NAME",
    "EXTENSION_KEYS",
    "NUMBERS_ATTR",
    "STORE_ATTR",
    "annotated_by",
    "claims_of",
    "data_of",
    "numbers_of",
    "register_extensions",
    "register_named_extensions",
    "store_claims",
]

#: The public Doc attribute that gives the claims of ``doc._.claims`` as plain dictionaries.
DATA_ATTR = "numclaims_data"
#: The private Doc attribute where each component stores its claim dictionaries, by name.
STORE_ATTR = "_numclaims"
#: The private Doc attribute where each component stores its numbers layer, by name.
NUMBERS_ATTR = "_numclaims_numbers"
#: The name ``nlp.add_pipe("numclaims")`` gives the component; ``doc._.claims`` answers
#: for the component of this name first.
DEFAULT_NAME = "numclaims"

ClaimData = list[dict[str, Any]]

# numclaims 0.1.0 kept the list of its (one) component in ``doc._.numclaims_data`` itself:
# docs it saved (DocBin, pickle) still have it in their user data.
_LEGACY_KEY = ("._.", DATA_ATTR, None, None)


def _store(doc: Doc, attr: str = STORE_ATTR) -> dict[str, ClaimData]:
    store: object = doc._.get(attr)
    if store is None and attr == NUMBERS_ATTR:
        return {}
    if store is None:
        user_data: dict[Any, Any] = doc.user_data  # typed by spaCy as str-keyed: it is not
        legacy = user_data.get(_LEGACY_KEY)
        # a DocBin gives lists back as tuples
        return {DEFAULT_NAME: list(legacy)} if isinstance(legacy, (list, tuple)) else {}
    if not isinstance(store, dict):
        raise TypeError(
            f"doc._.{attr} holds a {type(store).__name__}, not the dict numclaims stores"
        )
    return store


def annotated_by(doc: Doc | Span) -> list[str]:
    """The names of the numclaims components that annotated ``doc``, in the order they ran.

    A component that found no claim is listed too.
    """
    return list(_store(doc.doc))


def _default_name(store: dict[str, ClaimData]) -> str | None:
    if not store:
        return None
    if DEFAULT_NAME in store:
        return DEFAULT_NAME
    if len(store) == 1:
        return next(iter(store))
    names = ", ".join(repr(n) for n in store)
    raise ValueError(
        f"the doc was annotated by {len(store)} numclaims components ({names}) and none "
        f"is named {DEFAULT_NAME!r}: ask for one by name, "
        "e.g. numclaims.pipeline.extensions.claims_of(doc, name)"
    )


def _named(doc: Doc, name: str | None, attr: str = STORE_ATTR) -> tuple[str | None, ClaimData]:
    """The name asked for (or the default one) and its stored dictionaries."""
    store = _store(doc)
    if name is None:
        found = _default_name(store)
    elif name in store:
        found = name
    else:
        ran = ", ".join(repr(n) for n in store) or "none"
        raise KeyError(
            f"no numclaims component named {name!r} annotated this doc (components that did: {ran})"
        )
    if found is None:
        return None, []
    if attr == STORE_ATTR:
        return found, store[found]
    return found, _store(doc, attr).get(found, [])


def data_of(doc: Doc | Span, name: str | None = None) -> ClaimData:
    """The claim dictionaries that the component ``name`` stored on ``doc``.

    Args:
        doc: A ``Doc``; for a ``Span``, only the claims inside it.
        name: A component's name in the pipeline; ``None`` for the component
            ``doc._.claims`` answers for (see the module's description).

    Raises:
        KeyError: If no numclaims component called ``name`` annotated the doc.
        ValueError: If ``name`` is ``None`` and several components, none of them
            named ``"numclaims"``, annotated the doc.
    """
    _, data = _named(doc.doc, name)
    if isinstance(doc, Span):
        start, end = doc.start_char, doc.end_char
        return [d for d in data if d["start_char"] >= start and d["end_char"] <= end]
    return list(data)  # a new list (and a list, not the tuple a DocBin gives back)


def claims_of(doc: Doc | Span, name: str | None = None) -> list[Claim]:
    """The claims that the component ``name`` found in ``doc``, in text order.

    ``claims_of(doc)`` is ``doc._.claims``; ``claims_of(doc, "nc_mx")`` the claims of
    the component added as ``nlp.add_pipe("numclaims", name="nc_mx", ...)``.

    Args:
        doc: A ``Doc``; for a ``Span``, only the claims inside it.
        name: A component's name in the pipeline; ``None`` for the component
            ``doc._.claims`` answers for.

    Raises:
        KeyError: If no numclaims component called ``name`` annotated the doc.
        ValueError: If ``name`` is ``None`` and several components, none of them
            named ``"numclaims"``, annotated the doc.
    """
    return _records(doc, name, STORE_ATTR)


def numbers_of(doc: Doc | Span, name: str | None = None) -> list[Claim]:
    """Every numeric mention that the component ``name`` found in ``doc``, in text order:
    its claims and the mentions that are no claim (``kind`` ``"ordinal"``, ``"year"``,
    ``"date"``, ``"time"``, ``"duration"``, ``"age"``, ``"phone"``, ``"identifier"``...).

    ``numbers_of(doc)`` is ``doc._.numbers``. A doc annotated by numclaims 0.1.0, which
    had no numbers layer, gives its claims.

    Raises:
        KeyError: If no numclaims component called ``name`` annotated the doc.
        ValueError: As :func:`claims_of`.
    """
    return _records(doc, name, NUMBERS_ATTR)


#: ``doc -> {(attribute, name): (stored list, records)}``: the records rebuilt from the
#: stored list, reused while the doc holds that same list.
_CACHE: weakref.WeakKeyDictionary[Doc, dict[tuple[str, str], tuple[ClaimData, tuple[Claim, ...]]]]
_CACHE = weakref.WeakKeyDictionary()


def _cached(doc: Doc, name: str | None, attr: str) -> tuple[Claim, ...]:
    found, data = _named(doc, name, attr)
    if found is None:
        return ()
    if attr == NUMBERS_ATTR and found not in _store(doc, attr):
        # annotated before the numbers layer existed: its claims are its numbers
        return _cached(doc, found, STORE_ATTR)
    entries = _CACHE.setdefault(doc, {})
    entry = entries.get((attr, found))
    if entry is not None and entry[0] is data and len(entry[1]) == len(data):
        return entry[1]
    records = tuple(Claim.from_dict(d) for d in data)
    entries[(attr, found)] = (data, records)
    return records


def remember(doc: Doc, name: str, attr: str, data: ClaimData, records: tuple[Claim, ...]) -> None:
    """Seed the cache with the records ``data`` was made from (the component has them)."""
    _CACHE.setdefault(doc, {})[(attr, name)] = (data, records)


def _records(doc: Doc | Span, name: str | None, attr: str) -> list[Claim]:
    records = _cached(doc.doc, name, attr)
    if isinstance(doc, Span):
        start, end = doc.start_char, doc.end_char
        return [c for c in records if c.start_char >= start and c.end_char <= end]
    return list(records)


def _doc_data(doc: Doc) -> ClaimData:
    return data_of(doc)


def _set_doc_data(doc: Doc, data: ClaimData) -> None:
    store = _store(doc)
    name = _default_name(store) or DEFAULT_NAME
    store_claims(doc, name, list(data))


def _doc_claims(doc: Doc) -> list[Claim]:
    return claims_of(doc)


def _span_claims(span: Span) -> list[Claim]:
    return claims_of(span)


def _span_claim(span: Span) -> Claim | None:
    for claim in _cached(span.doc, None, STORE_ATTR):
        if claim.start_char == span.start_char and claim.end_char == span.end_char:
            return claim
    return None


def _doc_numbers(doc: Doc) -> list[Claim]:
    return numbers_of(doc)


def _span_numbers(span: Span) -> list[Claim]:
    return numbers_of(span)


_GETTERS = (_doc_data, _doc_claims, _span_claims, _span_claim, _doc_numbers, _span_numbers)


def store_claims(doc: Doc, name: str, data: ClaimData, numbers: ClaimData | None = None) -> None:
    """Store the claim dictionaries of the component ``name`` on ``doc`` (replacing its
    earlier ones, keeping the other components'), and its numbers layer if given (else
    the numbers layer of ``name`` is dropped, as no longer matching its claims)."""
    store = dict(_store(doc))  # a new dict: what a caller got earlier stays as it was
    store[name] = data
    doc._.set(STORE_ATTR, store)
    layer = dict(_store(doc, NUMBERS_ATTR))
    if numbers is not None:
        layer[name] = numbers
    else:
        layer.pop(name, None)
    doc._.set(NUMBERS_ATTR, layer or None)


#: The public attributes whose names a component's ``extensions`` setting may change.
EXTENSION_KEYS = ("claims", "claim", "numbers", DATA_ATTR)

#: ``(class, attribute) -> component name`` of the attributes named in a component's config.
_NAMED: dict[tuple[type[Doc] | type[Span], str], str] = {}


def _or_none(doc: Doc | Span, name: str, attr: str) -> list[Claim]:
    if name not in annotated_by(doc):
        return []
    return _records(doc, name, attr)


def register_named_extensions(names: Mapping[str, str], component: str) -> None:
    """Register the attributes a component's ``extensions`` setting names, for the claims of
    the component ``component`` only: ``{"claims": "cifras"}`` makes ``doc._.cifras`` and
    ``span._.cifras`` give what ``doc._.claims`` and ``span._.claims`` give (the defaults stay
    registered). Keys: ``"claims"``, ``"claim"``, ``"numbers"``, ``"numclaims_data"``.

    Raises:
        ValueError: If a key is unknown, a name no identifier, or a name is an attribute
            already registered by another library or for another numclaims component.
    """
    unknown = sorted(set(names) - set(EXTENSION_KEYS))
    if unknown:
        raise ValueError(f"unknown extensions {unknown}: use some of {list(EXTENSION_KEYS)}")
    wanted: list[tuple[type[Doc] | type[Span], str, dict[str, Any]]] = []
    for key, attr in names.items():
        if attr == key:
            continue
        if not isinstance(attr, str) or not attr.isidentifier():
            raise ValueError(f"extension name for {key!r} must be an identifier, not {attr!r}")
        if key == "claims":
            wanted.append((Doc, attr, {"getter": lambda d: _or_none(d, component, STORE_ATTR)}))
            wanted.append((Span, attr, {"getter": lambda s: _or_none(s, component, STORE_ATTR)}))
        elif key == "numbers":
            wanted.append((Doc, attr, {"getter": lambda d: _or_none(d, component, NUMBERS_ATTR)}))
            wanted.append((Span, attr, {"getter": lambda s: _or_none(s, component, NUMBERS_ATTR)}))
        elif key == "claim":
            wanted.append((Span, attr, {"getter": lambda s: _claim_at(s, component)}))
        else:
            wanted.append((Doc, attr, {"getter": lambda d: _data_or_none(d, component)}))
    for cls, attr, _ in wanted:
        owner = _NAMED.get((cls, attr))
        if cls.has_extension(attr) and owner != component:
            by = f"numclaims component {owner!r}" if owner else "another library or numclaims"
            raise ValueError(
                f"{cls.__name__}._.{attr} is already registered by {by}: "
                "choose another name in the component's extensions setting"
            )
    for cls, attr, kwargs in wanted:
        cls.set_extension(attr, force=True, **kwargs)
        _NAMED[(cls, attr)] = component


def _claim_at(span: Span, component: str) -> Claim | None:
    if component not in annotated_by(span):
        return None
    for claim in _cached(span.doc, component, STORE_ATTR):
        if claim.start_char == span.start_char and claim.end_char == span.end_char:
            return claim
    return None


def _data_or_none(doc: Doc, component: str) -> ClaimData:
    return data_of(doc, component) if component in annotated_by(doc) else []


def register_extensions(force: bool = False) -> None:
    """Register numclaims' attributes on ``Doc`` and ``Span`` (idempotent).

    Args:
        force: Overwrite attributes of the same names that another library set.
    """
    wanted: list[tuple[type[Doc] | type[Span], str, dict[str, Any]]] = [
        (Doc, STORE_ATTR, {"default": None}),
        (Doc, NUMBERS_ATTR, {"default": None}),
        (Doc, DATA_ATTR, {"getter": _doc_data, "setter": _set_doc_data}),
        (Doc, "claims", {"getter": _doc_claims}),
        (Span, "claims", {"getter": _span_claims}),
        (Span, "claim", {"getter": _span_claim}),
        (Doc, "numbers", {"getter": _doc_numbers}),
        (Span, "numbers", {"getter": _span_numbers}),
    ]
    for cls, name, kwargs in wanted:
        if cls.has_extension(name) and not force:
            existing = cls.get_extension(name)
            ours = existing is not None and (
                existing[2] in _GETTERS
                or (
                    name in (STORE_ATTR, NUMBERS_ATTR)
                    and existing[0] is None
                    and existing[2] is None
                )
            )
            if not ours:
                warnings.warn(
                    f"{cls.__name__}._.{name} is already registered by another library; "
                    "numclaims left it alone (call register_extensions(force=True) to replace it)",
                    stacklevel=2,
                )
            continue
        cls.set_extension(name, force=True, **kwargs)
