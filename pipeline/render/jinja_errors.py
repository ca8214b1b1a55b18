"""Jinja's error messages said in the user's language, like every other message of vanthu.

Jinja words its errors in English. The forms a template maintainer meets (an unknown tag, a
block left open, a tag cut short, an unknown filter, an unknown field) are recognised here by
Jinja's own wording (pinned by tests/test_template_tools.py against the installed Jinja) and
said through the message catalogue; any other keeps Jinja's words.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from jinja2.exceptions import UndefinedError
from jinja2.utils import object_type_repr
from markupsafe import Markup

from pipeline.i18n import library_wording
from pipeline.patterns import lazy
from pipeline.render.phrase import Phrase

_Q = r"'(?P<{}>[^']*)'"


def _q(name: str) -> str:
    return _Q.format(name)


# Jinja's English (jinja2.parser, jinja2.lexer, jinja2.compiler, jinja2.runtime) → key.
_LOOKING = (r" Jinja was looking for the following tags: (?P<wanted>.*?)\."
            rf" The innermost block that needs to be closed is {_q('block')}\.")  # fmt: skip

# Compiled when Jinja's first error is said (functools.cache), not at import: ~8 M instructions
# of every build's start, which a build whose templates and data raise nothing never needs.
@cache
def _forms() -> list[tuple[re.Pattern[str], str]]:
    """Jinja's forms of error, each with its key."""
    return [
        (
            re.compile(rf"^Encountered unknown tag {_q('tag')}\.{_LOOKING}$", re.S),
            "jinja.unknown_tag_in",
        ),
        (re.compile(rf"^Encountered unknown tag {_q('tag')}\.", re.S), "jinja.unknown_tag"),
        (re.compile(rf"^Unexpected end of template\.{_LOOKING}$", re.S), "jinja.unclosed"),
        (re.compile(rf"^expected token {_q('expected')}, got {_q('got')}$"), "jinja.expected"),
        (re.compile(rf"^Expected an expression, got {_q('got')}$"), "jinja.expression"),
        (
            re.compile(rf"^unexpected end of template, expected {_q('expected')}\.?$"),
            "jinja.end_expected",
        ),  # fmt: skip
        (re.compile(r"^unexpected end of template\.?$"), "jinja.end"),
        (re.compile(rf"^unexpected {_q('got')}$"), "jinja.unexpected"),
        (re.compile(r"^unexpected char (?P<got>'.*') at \d+$"), "jinja.unexpected_char"),
        (re.compile(rf"^No filter named {_q('name')}(?: found)?\.?$"), "jinja.no_filter"),
        (re.compile(rf"^No test named {_q('name')}(?: found)?\.?$"), "jinja.no_test"),
        (re.compile(r"^tag name expected$"), "jinja.tag_name"),
        (
            re.compile(rf"^access to attribute {_q('name')} of {_q('kind')} object is unsafe\.$"),
            "jinja.unsafe_attribute",
        ),  # fmt: skip
        (re.compile(rf"^{_q('name')} is undefined$"), "jinja.undefined"),
        (
            re.compile(rf"^(?P<owner>'.*') has no (?:attribute|element) {_q('name')}$"),
            "jinja.no_attribute",
        ),  # fmt: skip
        # An index past a list's end ({{ noi_nhan[5] }}): Jinja quotes neither the owner nor the
        # index.
        (
            re.compile(r"^(?P<owner>[\w.]+ object) has no element (?P<name>\d+)$"),
            "jinja.no_element",
        ),
    ]


# Jinja's names of tokens → the text a maintainer types.
_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "begin of print statement": "{{",
    "begin of statement block": "{%",
}
# The values a template computes with → what a maintainer calls them.
_KIND_OF: dict[type, str] = {
    Markup: "jinja.owner.text",
    str: "jinja.owner.text",
    int: "jinja.owner.number",
    float: "jinja.owner.number",
    Decimal: "jinja.owner.number",
    list: "jinja.owner.list",
    tuple: "jinja.owner.list",
    dict: "jinja.owner.group",
    type(None): "jinja.owner.none",
}
# Python's names of them ('str', 'NoneType': a TypeError's words) → key.
_KINDS = {kind.__name__: key for kind, key in _KIND_OF.items()}
# Jinja's names of them ("'dict object' has no attribute 'x'") → key: Jinja's own wording
# (jinja2.utils.object_type_repr) of an empty value of each, so both tables know the same types.
_OWNERS = {
    **{f"'{object_type_repr(kind())}'": key for kind, key in _KIND_OF.items()},
    # A field looked up on a float, a Decimal or a tuple was said as 'the value' before this table
    # was derived from _KIND_OF (which says 'the number', 'the list'): kept so, as a change of
    # wording was not part of deriving it.
    "'float object'": "jinja.owner.value",
    "'decimal.Decimal object'": "jinja.owner.value",
    "'tuple object'": "jinja.owner.value",
}


def _form(text: str) -> tuple[str, re.Match[str]] | None:
    """The key of the first of Jinja's forms `text` is worded in, with the match."""
    return library_wording(_forms(), text)


def jinja_reason(message: str | None) -> str:
    """Jinja's error message in the current language (a Phrase), or as Jinja put it."""
    text = (message or "").strip()
    found = _form(text)
    if found is None:
        return text
    key, match = found
    params: dict[str, object] = {k: v or "" for k, v in match.groupdict().items()}
    for name in ("expected", "got"):
        if name in params:
            params[name] = _TOKENS.get(str(params[name]), str(params[name]))
    if "wanted" in params:  # 'endfor' or 'else' → 'endfor', 'else'
        params["wanted"] = str(params["wanted"]).replace("' or '", "', '")
    if "owner" in params:
        owner = str(params["owner"])
        owner = owner if owner.startswith("'") else f"'{owner}'"  # no_element's is unquoted
        params["owner"] = Phrase(_OWNERS.get(owner, "jinja.owner.value"))
    if key == "jinja.no_element":
        params["n"] = int(str(params["name"])) + 1
    return Phrase(key, **params)


class ItemPastEnd(UndefinedError):
    """An index past a list's end ({{ noi_nhan[5] }} when the data has 3), in Jinja's words,
    with what they leave out: the index and how many items the list has (render.compose's
    DataUndefined raises it, knowing the list)."""

    def __init__(self, message: str | None = None, *, index: int, count: int) -> None:
        super().__init__(message)
        self.index = index
        self.count = count


def undefined_message(
    exc: UndefinedError, path: str, template: str
) -> tuple[str, dict[str, object]]:
    """The catalogue key and params of a render reading what the data lacks (`path`: the field
    as the template reads it, 'noi_nhan[5]'; `template`: the type template's name): an index
    past a list's end said with the list's length, any other with the command listing the
    fields the template can use (vanthu templates fields)."""
    if isinstance(exc, ItemPastEnd):
        index = f"[{exc.index}]"
        if path.endswith(index) and len(path) > len(index):
            return "render.index_past_end", {
                "name": path, "list": path[: -len(index)], "n": exc.index + 1, "count": exc.count,
            }  # fmt: skip
    return "render.undefined_field", {"name": path, "type": template}


# An undefined field, a field of a value that has none, an index past a list's end.
_UNDEFINED_FORMS = ("jinja.undefined", "jinja.no_attribute", "jinja.no_element")


def undefined_name(message: str | None) -> str | None:
    """The field an UndefinedError is about ('tieu_dee'), None when Jinja's wording is unknown."""
    found = _form((message or "").strip())
    if found is None or found[0] not in _UNDEFINED_FORMS:
        return None
    return found[1]["name"]


def unclosed_block(message: str | None) -> str | None:
    """The block Jinja says is left open at the end of the template ('for'), else None."""
    found = _form((message or "").strip())
    if found is None or found[0] != "jinja.unclosed":
        return None
    return found[1]["block"]


_operands = lazy(r"^unsupported operand type\(s\) for (?P<op>\S+): '(?P<left>\w+)' and "
                       r"'(?P<right>\w+)'$")  # fmt: skip
_concatenate = lazy(r'^can only concatenate (?P<left>\w+) \(not "(?P<right>\w+)"\) to \w+$')


def expression_reason(exc: BaseException) -> str:
    """What went wrong computing a tag's expression (`{{ 1/0 }}`, `{{ trich_yeu + 1 }}`) in the
    current language (a Phrase): the common cases said through the catalogue, any other with
    Python's name of the error and its words."""
    text = str(exc)
    if isinstance(exc, ZeroDivisionError):
        return Phrase("expr.zero_division")
    if isinstance(exc, TypeError):
        found = _operands().match(text) or _concatenate().match(text)
        if found is not None:
            params = found.groupdict()
            return Phrase(
                "expr.operands", op=params.get("op", "+"),
                left=Phrase(_KINDS.get(params["left"], "jinja.owner.value")),
                right=Phrase(_KINDS.get(params["right"], "jinja.owner.value")),
            )  # fmt: skip
    if isinstance(exc, OverflowError):
        return Phrase("expr.overflow")
    return Phrase("expr.other", kind=type(exc).__name__, text=text)
