"""One string object for a text a build holds again and again."""

from __future__ import annotations

_texts: dict[str, str] = {}
_TEXTS_KEPT = 4096


def same(text: str) -> str:
    """One string object for text seen again (the agency profile's name, a template's, a date;
    a document's name in its result and in its manifest entry; its signer, recipients and bản
    lưu in what the register records of it): a build keeps every document's entry until it
    ends, so each repeat held once is memory that does not grow with the year."""
    if len(_texts) >= _TEXTS_KEPT:
        _texts.clear()
    return _texts.setdefault(text, text)
