"""Running text as clerks write it: paragraphs, dash lines (gạch đầu dòng) and điểm a), b)."""

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from pipeline.model.base import Record
from pipeline.model.wording import invalid
from pipeline.patterns import lazy
from pipeline.text.normalize import recipient_key, slug

# A bullet typed or pasted from Word at the head of a dash line: the template prints its own
# "- ". A dash before a space or a letter ("- Tổ chức", "–Tổ chức"; not "-5 độ C"), "+" or "*"
# before a space (not "+84", nor "*nghiêng*"), and Word's bullet signs anywhere.
_TYPED_BULLET = re.compile(
    r"^\s*(?:[-\u2010-\u2015\u2212](?=\s|[^\W\d_])|[+*](?=\s)"
    r"|[\u2022\u00b7\u25cf\u25cb\u25e6\u25aa\u25ab\u25a0\u25a1\u2666\u25c6\u25ba\u25b8"
    r"\u27a2\u27a4\u2713\u2714\u2756\u2043])\s*"
)


def without_bullet(line: str) -> str:
    """A dash line without the bullet a clerk typed before it ("- – Tổ chức" would print):
    one bullet, as a typed number is dropped (pipeline.context.typed_numbers). A bullet alone
    is the clerk's text."""
    rest = _TYPED_BULLET.sub("", line, count=1)
    return rest if rest.strip() else line


# The purpose a clerk writes in brackets after a Nơi nhận line: "Như trên (để thực hiện)".
PURPOSE = re.compile(r"\s*\([^()]*\)\s*$")
# A number in vanthu's own line is vanthu's to count: the article of "Như Điều 3".
_NUMBER = re.compile(r"\d+")


def own_line_key(line: str) -> str:
    """A Nơi nhận line as compared with a line vanthu writes itself ("Như trên", a decision's
    "Như Điều 3"): without its purpose in brackets, its numbers alike, keyed as any recipient
    (text.normalize.recipient_key: case, spacing, tone placement, the closing mark aside). The
    renderer's rule (context.addressing.with_own_line) and verify's (rules_recipients.item_key)
    alike."""
    return recipient_key(_NUMBER.sub("0", PURPOSE.sub("", line.rstrip(" .;,"))))


def _typed_bullets_dropped(value: Any) -> Any:
    """A dash list of the data ("- gach: [...]") with the bullets typed before its lines
    dropped: the template prints its own "- ". Lines vanthu writes (a list's names) are its
    own, left as they are."""
    if not isinstance(value, dict) or not isinstance(value.get("gach"), list):
        return value
    lines = [without_bullet(line) if isinstance(line, str) else line for line in value["gach"]]
    return {**value, "gach": lines}


class DashList(Record):
    """Gạch đầu dòng: lines that start with '- '."""

    gach: list[str] = Field(min_length=1)


class PointList(Record):
    """Điểm: a), b), c) ... in Vietnamese letter order."""

    diem: list[str] = Field(min_length=1)


# The keys of the lists a paragraph list holds, as YAML must read them: "- gach: [a, b]".
_LIST_KEYS = ("gach", "diem")
# "- gach:[a, b]" or "- diem:a" (no space after the colon) is text to YAML, and so is
# '- "gach: [a, b]"' (quoted); each would print as it is, as a paragraph. The key as a clerk
# may spell it (gach, Gạch, ĐIỂM); with the space, only a list in brackets makes it one:
# "Điểm: 8,5 ..." is a sentence.
_list_as_text = lazy(
    r"^[\s\-–]*(?P<key>[^\W\d_]+)\s*:(?:(?P<glued>\S.*)|\s+(?P<listed>\[.*\]))$", re.S
)


def _not_list_as_text(text: str) -> str:
    """A paragraph, not a dash or điểm list YAML read as text (it would print "gach:[a, b]")."""
    found = _list_as_text().match(text.strip())
    if found is None or slug(found["key"]) not in _LIST_KEYS:
        return text
    key = slug(found["key"])
    items = (found["glued"] or found["listed"]).strip()
    if not items.startswith("["):
        items = f"[{items}]"
    raise invalid("data.list_as_text", typed=" ".join(text.split()), fixed=f"{key}: {items}")


def _list_key_as_written(value: Any) -> Any:
    """A one-key mapping of lines whose key is a list's spelt otherwise ("- gạch: [a, b]",
    "- Điểm:" with its lines below): said so with the key to write, not as a paragraph to put
    in quotes. "- Điểm: 8,5 ..." (no lines) is a sentence, left to that advice."""
    if not isinstance(value, dict) or len(value) != 1:
        return value
    ((key, items),) = value.items()
    if not isinstance(key, str) or not isinstance(items, list):
        return value
    if key in _LIST_KEYS or slug(key) not in _LIST_KEYS:
        return value
    raise invalid("data.list_key_spelling", typed=key, fixed=slug(key))


Paragraph = Annotated[str, AfterValidator(_not_list_as_text)]
Block = Annotated[
    Paragraph | DashList | PointList,
    BeforeValidator(_typed_bullets_dropped),
    BeforeValidator(_list_key_as_written),
]
