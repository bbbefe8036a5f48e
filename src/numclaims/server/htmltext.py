"""The text of an HTML document, for the claims of an uploaded ``.html`` file (stdlib only)."""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["html_to_text"]

#: Elements whose content is no text of the document.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
#: Elements that end a paragraph.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td"),
        *("th", "tr", "ul"),
    }
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Return the visible text of ``html``: one paragraph a line, spaces collapsed.

    Example:
        >>> from numclaims.server.htmltext import html_to_text
        >>> html_to_text("<html><head><title>T</title></head><body><h1>Paro</h1>"
        ...              "<p>Bajó al <b>11 %</b>.</p><script>x=1</script></body></html>")
        'Paro\\nBajó al 11 %.'
    """
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
