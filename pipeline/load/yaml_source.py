"""Read a YAML data file into plain Python values, remembering where each value stood.

Two parsers, one result. The fast path streams libyaml's events (PyYAML's C parser) and builds
plain dicts, lists and scalars itself, with YAML 1.2 scalar rules taken from ruamel.yaml's
resolver, the line of every key and item taken from the events' marks, and the limits checked as
it goes: depth, size after alias expansion, tags. When libyaml reports an error (or the file is
something it reads differently), the file is parsed again with ruamel.yaml's round-trip loader,
which produced the messages users have seen so far (same reason, same line), and its result
passes the same checks. Dates are kept as text here so that an impossible date (31/02/2021) is
reported by the model with its line, instead of failing inside the YAML parser. A number is
read as typed in decimal digits (12, 08, -5, 1.5); one YAML would read from another form (1e2,
0o10, 0x1F, 1_53) is refused at its line, never printed as another number (_construct).

Every string passes pipeline.text.gate: a character XML cannot hold or a control character is
refused at its line and field; invisible spaces are normalised. (In a file whose own text gives
the gate nothing to do, no value can either: each is then only measured and brought to NFC.)
"""

from __future__ import annotations

import codecs
import functools
import math
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml._yaml import CParser

from pipeline.errors import InputError
from pipeline.load import read_log
from pipeline.patterns import lazy
from pipeline.render.phrase import Phrase
from pipeline.text.gate import REFUSED_PATTERN as _REFUSED_PATTERN
from pipeline.text.gate import (
    BadCharacter,
    gate,
    normalize_invisible,
    passes_unchanged,
    refused_character,
)
from pipeline.text.legacy import (
    PERSON_NAME,
    legacy_encodings,
    looks_like_legacy_text,
    misread_with_control,
    named_encodings,
    refusal_key,
    suggested_unicode,
)
from pipeline.text.normalize import nfc

# ruamel.yaml is imported where it is used, on the slow path only (a file libyaml cannot read,
# or reads otherwise): importing it cost every run some 10 ms, and a file the fast path reads,
# as most are, needs none of it (_RESOLVERS; numbers are read by _construct).
if TYPE_CHECKING:
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.error import MarkedYAMLError

Path_ = tuple[str | int, ...]

# Limits: a plan with its appendix is about 30 KB, 6 levels deep, 2,000 values.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_VALUES = 200_000  # after aliases are expanded: a 15 KB alias bomb asks for billions
MAX_TEXT_CHARS = 100_000  # one value

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
# Explicit tags a data file may use: the standard scalars and collections. Anything else
# (!!python/object, !!binary, !!set, a local !tag) is refused.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
) | {"!"}


@functools.cache
def _text_dates_constructor() -> type[RoundTripConstructor]:
    """ruamel's round-trip constructor, leaving timestamps as strings (made once, when the
    slow path first needs it)."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class _TextDatesConstructor(RoundTripConstructor):
        """Round-trip constructor that leaves timestamps as strings."""

    _TextDatesConstructor.add_constructor(
        "tag:yaml.org,2002:timestamp", _TextDatesConstructor.construct_yaml_str
    )
    # Numbers as the fast path reads them (_construct), with the text they were typed as: not
    # ruamel's own constructors, which read 1e2 as 100 and fail on "-_" (IndexError).
    for tag in (_INT, _FLOAT):
        _TextDatesConstructor.add_constructor(tag, _slow_number)
    return _TextDatesConstructor


def _slow_number(_constructor: Any, node: Any) -> _SlowNumber:
    """A number scalar of ruamel's tree as _construct reads it, with its text as typed."""
    tag = getattr(node.tag, "value", node.tag)  # a ruamel Tag (0.17.22 on), or its text
    return _SlowNumber(node.value, _construct(str(tag), node.value))


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class _SlowNumber:
    """A scalar of ruamel's tree that YAML resolves as a number: as typed, and as read."""

    typed: str
    read: int | float | str | _OtherForm

    def __str__(self) -> str:  # as a key refused for not being text names it
        return self.typed


@dataclass
class Source:
    """A parsed data file: its values and the line (1-based) of every key or item in it."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    # The text a number was typed as where Python writes it otherwise (08, +5, .5, 1.50: 8, 5,
    # 0.5, 1.5), by where it stands: a message quoting the value quotes it as typed.
    typed: dict[Path_, str] = field(default_factory=dict, compare=False, repr=False)
    # Every string of `data` with where it stands, as strings(data) lists them, when the parser
    # listed them as it read (_FastBuilder.texts); None: walked for when asked (texts()).
    listed: list[tuple[Path_, str]] | None = field(default=None, compare=False, repr=False)

    def texts(self) -> list[tuple[Path_, str]]:
        """Every string of the data with where it stands, in the data's order: strings(data),
        listed once (each document's load looks at every text for typed weekdays); not to be
        changed by the caller."""
        if self.listed is None:
            self.listed = list(strings(self.data))
        return self.listed

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest part of `loc` that exists in the file."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def error(self, key: str, loc: Path_ = (), **params: Any) -> InputError:
        """An InputError located at `loc` in this file."""
        return InputError(
            key, file=self.path, line=self.line_of(loc), field=dotted(loc) or None, **params
        )


def dotted(loc: Path_) -> str:
    """noi_nhan[3].ten from ('noi_nhan', 2, 'ten'): a field as a message names it.

    Items count from 1, as a clerk counts them: the fourth meeting of `lich:` is lich[4]; the
    index in `loc` (and in Source.lines) stays Python's, from 0.
    """
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no larger than `limit`; a FIFO, device or loop is refused.
    Its stat is the one its document's load took, when it took one (read_log.looked_once)."""
    try:
        info = read_log.file_stat(path)
    except FileNotFoundError:
        raise InputError("data.file_missing", file=path) from None
    except OSError as exc:  # a symlink loop (ELOOP), a permission problem
        raise _unreadable(path, exc) from None
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO would wait for a writer forever.
        raise InputError("data.not_regular_file", file=path)
    if info.st_size > limit:
        raise InputError("data.file_too_large", file=path, size=info.st_size, limit=limit)
    try:
        # By the system's calls: a file object's open takes a stat more (read_log.read_whole).
        handle = os.open(path, os.O_RDONLY)
        try:
            # The size stat gave and a byte more: read(limit + 1) allocates the limit, 2 MB.
            raw = read_log.read_up_to(handle, info.st_size + 1)
            if len(raw) > info.st_size:  # grew since stat: on to the limit
                raw += read_log.read_up_to(handle, limit + 1 - len(raw))
        finally:
            os.close(handle)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if len(raw) > limit:  # grew since stat
        raise InputError("data.file_too_large", file=path, size=len(raw), limit=limit)
    read_log.note(path, info, raw)
    return raw


def _unreadable(path: Path, exc: OSError) -> InputError:
    """The error of a data file the OS would not let be read, its reason in the message's
    language (render.output.ReadReason): the OS's strerror is English, "Permission denied"
    inside a Vietnamese sentence. Imported here, for a file that could not be read."""
    from pipeline.render.output import ReadReason

    return InputError("data.file_unreadable", file=path, reason=ReadReason(exc))


def read_text(path: Path, *, composed: bool = True) -> str:
    """The file's text: UTF-8 (a BOM is allowed), NFC; legacy encodings are named, not guessed.

    `composed=False` leaves the text as typed, for the YAML reader, which brings each value to
    NFC once parsed: composing the file's text first would join a combining mark typed after a
    backslash escape ("\\n" + U+0301) into a letter and break the escape.
    """
    text = _decoded(path, read_bytes(path))
    return nfc(text) if composed else text


def _decoded(path: Path, raw: bytes) -> str:
    """The text of file `path`'s bytes `raw` (read_text)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Imported here, for a file that is no text: the spreadsheet reader's package.
        from pipeline.load.spreadsheet.detect import OLE2_MAGIC, ZIP_MAGIC

        if raw.startswith((ZIP_MAGIC, OLE2_MAGIC)):  # a .docx, .xlsx (zip); a .doc, .xls (OLE2)
            raise InputError("data.office_file", file=path) from None
        line = raw[: exc.start].count(b"\n") + 1
        from pipeline.text.legacy import describe_encoding, guess_legacy_bytes

        guess = guess_legacy_bytes(raw)
        if guess:
            raise InputError(
                "data.not_utf8_legacy", file=path, line=line, encoding=describe_encoding(guess)
            ) from None
        raise InputError("data.not_utf8", file=path, line=line) from None


def _short_tag(tag: str) -> str:
    """'!!python/object' for 'tag:yaml.org,2002:python/object', as the file spells it."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _bad_char_error(path: Path, text: str, bad: BadCharacter, line: int | None,
                    loc: Path_ = (), value: str | None = None) -> InputError:  # fmt: skip
    """InputError for a refused character: its line in the file when it is typed there. A C1
    control in a `value` (as typed) of a UTF-8 file opened in the wrong code ("Nguyá»\\x85n")
    is refused as that misread (data.misread_text), whose mending is to open the file again in
    its code, as the value would be once the control were gone (misread_with_control)."""
    if bad.stray_mark:  # found in the value composed: its own line and field
        composed = normalize_invisible(nfc(value)) if value is not None else ""  # as gated
        if line is None and (typed := text.find(bad.char)) >= 0:  # in a comment: its line
            line = text.count("\n", 0, typed) + 1
        return InputError("data.stray_mark", file=path, line=line, field=dotted(loc) or None,
                          char=bad.code, letter=bad.on_its_letter(composed))  # fmt: skip
    found = text.find(bad.char)
    if found >= 0:  # typed as is (not as a "\x07" escape): its own line
        line = text.count("\n", 0, found) + 1
    if value is not None:
        codes = misread_with_control(normalize_invisible(nfc(value)), bad.char)
        if codes:
            return _legacy_error(path, line, loc, codes, value)
    return InputError(
        "data.pictograph" if bad.pictograph else "data.bad_char", file=path, line=line,
        field=dotted(loc) or None, char=bad.code, name=bad.name,
    )  # fmt: skip


def checked_text(path: Path, value: str, loc: Path_, line: int | None) -> str:
    """A text value within its length limit, through the text gate (BadCharacter goes on, for
    the caller to locate)."""
    if len(value) > MAX_TEXT_CHARS:
        raise _too_long(path, loc, line)
    return gate(nfc(value))


def _too_long(path: Path, loc: Path_, line: int | None) -> InputError:
    return InputError("data.text_too_long", file=path, line=line, field=dotted(loc) or None,
                      limit=MAX_TEXT_CHARS)  # fmt: skip


class _Limits:
    """Counts values (aliases expanded) against MAX_VALUES."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values = 0

    def add(self, count: int, line: int | None) -> None:
        self.values += count
        if self.values > MAX_VALUES:
            raise InputError("data.too_many_values", file=self.path, line=line, limit=MAX_VALUES)


def _plain(node: Any, loc: Path_, lines: dict[Path_, int], source: _SlowSource) -> Any:
    """ruamel's tree as plain values, with the same checks as the fast path."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    if len(loc) > MAX_DEPTH:
        raise InputError("data.too_deep", file=source.path, line=source.line(loc, lines),
                         limit=MAX_DEPTH)  # fmt: skip
    source.limits.add(1, source.line(loc, lines))
    tag = getattr(getattr(node, "tag", None), "value", None)
    if tag is not None and tag not in _ALLOWED_TAGS and tag.startswith("!"):
        raise InputError("data.yaml_tag", file=source.path, line=source.line(loc, lines),
                         field=dotted(loc) or None, tag=_short_tag(tag))  # fmt: skip
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            # A key merged in with << has no position of its own: the mapping's line.
            position = node.lc.data.get(key)
            line = position[0] + 1 if position else (source.line(loc, lines) or 1)
            here = (*loc, source.key(key, loc, line))
            lines[here] = line
            out[here[-1]] = _plain(value, here, lines, source)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            here = (*loc, index)
            lines[here] = node.lc.item(index)[0] + 1
            items.append(_plain(value, here, lines, source))
        return items
    if isinstance(node, _SlowNumber):
        return source.number(node, loc, source.line(loc, lines))
    if isinstance(node, str):
        return source.text(str(node), loc, source.line(loc, lines))
    if isinstance(node, TaggedScalar) and tag == _STR:
        # `!!str 5`: ruamel keeps an explicitly tagged scalar as its own object; its text, as
        # the fast path reads it (it was refused naming the Python type TaggedScalar).
        return source.text(str(node.value or ""), loc, source.line(loc, lines))
    if isinstance(node, bool):
        raise InputError("data.boolean_value", file=source.path, line=source.line(loc, lines),
                         field=dotted(loc) or None, value=str(node).lower())  # fmt: skip
    if node is None:
        return None
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        if not math.isfinite(node):
            raise _not_finite(source.path, loc, source.line(loc, lines), _yaml_float(node))
        return float(node)
    raise InputError("data.yaml_tag", file=source.path, line=source.line(loc, lines),
                     field=dotted(loc) or None, tag=type(node).__name__)  # fmt: skip


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(eq=False, repr=False)
class _SlowSource:
    path: Path
    raw: str
    limits: _Limits
    typed: dict[Path_, str]

    def line(self, loc: Path_, lines: dict[Path_, int]) -> int | None:
        return Source(self.path, None, lines).line_of(loc)

    def number(self, node: _SlowNumber, loc: Path_, line: int | None) -> Any:
        """A number scalar as the fast path gives it (_FastBuilder._scalar)."""
        read = node.read
        if isinstance(read, str):
            return self.text(read, loc, line)
        if isinstance(read, _OtherForm):
            raise _other_form(self.path, loc, line, read)
        if not math.isfinite(read):
            # As this reader always said it (ruamel's tree kept no text of it).
            raise _not_finite(self.path, loc, line, _yaml_float(read))
        if str(read) != node.typed:
            self.typed[loc] = node.typed
        return read

    def text(self, value: str, loc: Path_, line: int | None) -> str:
        try:
            return checked_text(self.path, value, loc, line)
        except BadCharacter as bad:
            raise _bad_char_error(self.path, self.raw, bad, line, loc, value) from None

    def key(self, key: Any, loc: Path_, line: int) -> str:
        if not isinstance(key, str) or isinstance(key, bool):
            raise InputError("data.key_not_text", file=self.path, line=line,
                             field=dotted(loc) or None, key=str(key))  # fmt: skip
        return self.text(str(key), loc, line)


def _slow_load(path: Path, text: str, typed: dict[Path_, str] | None = None) -> Any:
    """ruamel.yaml's round-trip parse: the messages for syntax errors, and the reference.
    `typed` is given the text of the numbers typed otherwise than Python writes them."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml_rt = YAML(typ="rt")
    yaml_rt.Constructor = _text_dates_constructor()
    try:
        node = yaml_rt.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _key_at(text, mark.line, mark.column) if mark else ""
        line = mark.line + 1 if mark else None
        if not key:
            raise InputError("data.duplicate_key_unnamed", file=path, line=line) from None
        raise InputError("data.duplicate_key", file=path, line=line, key=key) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        tab_line = _tab_indented_line(text, near=line)
        if tab_line is not None:
            raise InputError("data.tab_indent", file=path, line=tab_line) from None
        glued = _glued_key(text, line)
        if glued is not None:
            raise glued.error(path) from None
        opened = _unclosed_quote_line(text, line)
        if opened is not None:
            raise InputError("data.yaml_quote", file=path, line=opened) from None
        raise _syntax_error(path, line, exc) from None
    except RecursionError:
        raise InputError("data.too_deep", file=path, line=_deep_line(text),
                         limit=MAX_DEPTH) from None  # fmt: skip
    except (YAMLError, ValueError) as exc:
        reason = str(exc).strip()
        raise InputError("data.yaml_syntax", file=path, line=None, reason=reason[:200]) from None
    if not isinstance(node, CommentedMap):
        raise InputError("data.not_mapping", file=path, line=1)
    lines: dict[Path_, int] = {(): 1}
    slow = _SlowSource(path, text, _Limits(path), {} if typed is None else typed)
    data = _plain(node, (), lines, slow)
    return data, lines


# What ruamel's English says (problem, then context), and what a clerk reads instead: the
# slips people make in YAML, said as what to fix. Anything else keeps the parser's words.
_SYNTAX_HINTS = (
    ("expected <block end>", "", "data.yaml_indent"),
    ("mapping values are not allowed here", "", "data.yaml_colon"),
    ("", "while scanning a quoted scalar", "data.yaml_quote"),
    ("expected ',' or ']'", "", "data.yaml_bracket"),
    ("expected ',' or '}'", "", "data.yaml_brace"),
    ("that cannot start any token", "", "data.yaml_start_char"),
    ("found undefined alias", "", "data.yaml_start_char"),
)


# The parser's other problems, said in the catalogue's words inside data.yaml_syntax; a problem
# not listed keeps the parser's English (it names what it met).
_SYNTAX_REASONS = (
    ("could not find expected ':'", "data.yaml_reason_colon"),
    ("did not find expected key", "data.yaml_reason_key"),
    ("did not find expected '-' indicator", "data.yaml_reason_dash"),
    ("but found another document", "data.yaml_reason_document"),
    ("expected a single document", "data.yaml_reason_document"),
    ("found unknown escape character", "data.yaml_reason_escape"),
    ("expected alphabetic or numeric character", "data.yaml_reason_anchor"),
    ("mapping keys are not allowed here", "data.yaml_reason_question"),
    ("found unexpected end of stream", "data.yaml_reason_end"),
    ("sequence entries are not allowed here", "data.yaml_reason_dash_here"),
    ("expected a comment or a line break", "data.yaml_reason_after_value"),
    ("but found '<stream end>'", "data.yaml_reason_cut"),
    ("expected the node content", "data.yaml_reason_node"),
)


def _syntax_error(path: Path, line: int | None, exc: MarkedYAMLError) -> InputError:
    """A YAML syntax error in the clerk's terms when it is a common slip, else the parser's."""
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    for in_problem, in_context, key in _SYNTAX_HINTS:
        if in_problem in problem and in_context in context:
            mark, buffer = exc.problem_mark, getattr(exc.problem_mark, "buffer", None)
            char = buffer[mark.pointer] if buffer and 0 <= mark.pointer < len(buffer) else ""
            opening = ("data.yaml_quote", "data.yaml_bracket", "data.yaml_brace")
            if key in opening and exc.context_mark is not None:
                line = exc.context_mark.line + 1  # where it opened, not where the parser gave up
            return InputError(key, file=path, line=line, char=char)
    reason: str = problem
    for in_problem, key in _SYNTAX_REASONS:
        if in_problem in problem:
            reason = Phrase(key)
            break
    return InputError("data.yaml_syntax", file=path, line=line, reason=reason)


# "trich_yeu:Về việc ..." typed without the space YAML needs after a key's colon: the line
# reads as text, and the parser stumbles on a later line ("could not find expected ':'").
_glued_key_line = lazy(r"^\s*(?:-\s+)?(?P<key>[a-z][a-z0-9_]*):(?P<value>[^\s:/].*)$")
# A well-formed key line ("tham_quyen: ...", "khen_thuong:"): a slip above it is not the one
# the parser met (a text folded onto the next lines ends at the first such line).
_key_line = lazy(r"^\s*(?:-\s+)?[^\s#-][^:#]*:(?:\s|$)")
# How many lines above the one the parser names the slip may stand, at most.
_GLUED_REACH = 20
_SHOWN_VALUE = 30


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class _GluedKey:
    """A `key:value` line (no space after the colon) near a YAML syntax error."""

    line: int
    key: str
    value: str

    def error(self, path: Path) -> InputError:
        """data.yaml_key_space at the line, the line as typed and as it should be."""
        value = self.value.rstrip()
        cut = value[:_SHOWN_VALUE].rsplit(" ", 1)[0] if " " in value[:_SHOWN_VALUE] else value
        shown = value if len(value) <= _SHOWN_VALUE else cut[:_SHOWN_VALUE].rstrip() + "…"
        return InputError(
            "data.yaml_key_space", file=path, line=self.line, key=self.key,
            typed=f"{self.key}:{shown}", fixed=f"{self.key}: {shown}",
        )  # fmt: skip


def _glued_key(text: str, line: int | None) -> _GluedKey | None:
    """The `key:value` line at or above `line` (from 1; the parser's) whose text runs down to
    it: the lines between are a folded text, no well-formed key (_key_line). None when there is
    none (the error is another slip). A key is a field's spelling (lower case, digits, _):
    "Lưu:VT" or "08:00" in a text are not keys."""
    if line is None:
        return None
    lines = text.splitlines()
    last = min(line, len(lines))
    for number in range(last, max(last - _GLUED_REACH, 0), -1):
        typed = lines[number - 1].rstrip("\r")
        found = _glued_key_line().match(typed)
        if found is not None:
            return _GluedKey(number, found["key"], found["value"])
        if number < last and _key_line().match(typed):
            return None
    return None


# A line whose value opens with a quote: `trich_yeu: "...`, `- '...`.
_opened_quote = lazy(r"""^\s*(?:-\s+)?(?:[^\s#"'-][^:#]*:\s+)?(?P<quote>["'])""")
# A double quote closing a double-quoted text (one escaped with \ does not).
_closing_double = lazy(r'(?<!\\)"')


def _unclosed_quote_line(text: str, line: int | None) -> int | None:
    """The line above `line` (from 1; the parser's) opening a quoted value it does not close,
    when closing it there lets the parser past `line`: the closing quote forgotten, YAML reads
    the lines below it (the next keys, a comment's quotes) into the value until a quote ends
    it, and stumbles further down ("sequence entries are not allowed here"). None when no such
    line is the slip. Looked for only once the parse has failed."""
    if line is None:
        return None
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, max(line - 1 - _GLUED_REACH, 0), -1):
        typed = lines[number - 1].rstrip("\r")
        found = _opened_quote().match(typed)
        if found is None:
            continue
        quote, rest = found["quote"], typed[found.end() :]
        closed = rest.replace("''", "").find("'") >= 0 if quote == "'" else (
            _closing_double().search(rest) is not None)  # fmt: skip
        if closed:
            continue
        mended = [*lines[: number - 1], typed.rstrip() + quote, *lines[number:]]
        if _parses_past("\n".join(mended), line):
            return number
    return None


def _parses_past(text: str, line: int) -> bool:
    """Whether libyaml reads `text` whole, or fails only below `line` (from 1)."""
    try:
        yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line + 1 > line
    except yaml.YAMLError:
        return False
    return True


def _key_at(text: str, line: int, column: int) -> str:
    """The mapping key as typed at (line, column), both from 0: `ngay` of `ngay: 05/02/2024`,
    `c` of `"c": 3`; "" when it cannot be told (the message then names only the line)."""
    lines = text.splitlines()
    rest = lines[line][column:] if 0 <= line < len(lines) else ""
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        return rest[1:end] if end > 0 else ""
    return rest.split(":", 1)[0].strip() if ":" in rest else ""


def _deep_line(text: str) -> int | None:
    """The line where brackets first nest deeper than MAX_DEPTH (a parser gave up on them)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > MAX_DEPTH:
                return number
    return None


class _Fallback(Exception):
    """The fast parser cannot give the answer (an error to word, a construct it reads otherwise)."""


_SCALAR = yaml.ScalarEvent
_ALIAS = yaml.AliasEvent
_MAPPING_START = yaml.MappingStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _gate_free(text: str, unchanged: bool | None = None) -> bool:
    """Whether the text gate has nothing to do on any value of a file with this text
    (`unchanged`: passes_unchanged of the text without its CRs, when already known).

    A value holds the file's own characters, and line feeds and spaces where YAML folds lines
    (libyaml turns every line break, CR LF or CR alone, into a line feed); only a double-quoted
    escape ("\\x07", "\\u00a0") makes another. So when the file holds no backslash, no character
    the gate refuses (its line breaks aside) and none it normalises, neither does any value,
    nor does its NFC form (no canonical mapping leads to one of them).
    """
    if "\\" in text:
        return False
    return passes_unchanged(text.replace("\r", "")) if unchanged is None else unchanged


class _FastBuilder:
    """Plain values from libyaml's event stream, with lines, limits, tags and the text gate.

    `gate_free` (see _gate_free; worked out from `text` when not given) lets each value be only
    measured and brought to NFC. `maybe_legacy` says whether a text value looked like TCVN3 or
    VNI: refuse_legacy_text, which names the first in the order of the data, has work to do.
    """

    def __init__(self, path: Path, text: str, original: str | None = None, *,
                 gate_free: bool | None = None) -> None:  # fmt: skip
        self.path = path
        self.text = text
        self.original = text if original is None else original
        self.gate_free = _gate_free(text) if gate_free is None else gate_free
        self.maybe_legacy = False
        self.lines: dict[Path_, int] = {(): 1}
        self.limits = _Limits(path)
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        # Every string value with where it stands, in the order read: strings(data)'s order
        # while no alias or merge key repeats a value elsewhere (`texts_listed` then False).
        self.texts: list[tuple[Path_, str]] = []
        self.texts_listed = True
        self.typed: dict[Path_, str] = {}  # Source.typed
        # `text` in UTF-8, when the caller has it (the file's bytes, load_yaml): what CParser
        # makes of a str itself, so the same events.
        self.encoded: bytes | None = None

    def build(self) -> Any:
        parser = CParser(self.text if self.encoded is None else self.encoded)
        try:
            # get_event itself, not an iterator over it: one call an event fewer (after the
            # stream's end, which is read below, libyaml has no more to give)
            events = parser.get_event
            kinds = [type(events()), type(events())]  # stream start, document start
            if kinds != [yaml.StreamStartEvent, yaml.DocumentStartEvent]:
                raise _Fallback
            first = events()
            value, _ = self._node(first, events, (), 1)
            if type(events()) is not yaml.DocumentEndEvent:
                raise _Fallback
            if type(events()) is not yaml.StreamEndEvent:
                raise _Fallback  # a second document: ruamel words the error
        except yaml.YAMLError:
            raise _Fallback from None
        finally:
            parser.dispose()
        return value

    def _node(
        self, event: Any, events: Callable[[], Any], loc: Path_, depth: int
    ) -> tuple[Any, int]:
        """The value starting with `event`, and how many values it counts for."""
        line = event.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise InputError("data.too_deep", file=self.path, line=line, limit=MAX_DEPTH)
        kind = type(event)
        if kind is _ALIAS:
            self.texts_listed = False  # its value stands here too, as strings() would say
            if event.anchor in self.open_anchors:
                raise InputError("data.alias_loop", file=self.path, line=line,
                                 field=dotted(loc) or None, name=event.anchor)  # fmt: skip
            if event.anchor not in self.anchors:
                raise _Fallback  # ruamel words "found undefined alias"
            value, count = self.anchors[event.anchor]
            self.limits.add(count, line)
            return value, count
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            raise InputError("data.yaml_tag", file=self.path, line=line,
                             field=dotted(loc) or None, tag=_short_tag(tag))  # fmt: skip
        anchor = event.anchor
        if anchor is not None:
            self.open_anchors.add(anchor)
        if kind is _SCALAR:
            value, count = self._scalar(event, loc, line), 1
            self.limits.add(1, line)
            if type(value) is str:
                self.texts.append((loc, value))
                if not self.maybe_legacy and looks_like_legacy_text(value):
                    self.maybe_legacy = True
        elif kind is _MAPPING_START:
            value, count = self._mapping(events, loc, depth, line)
        elif kind is _SEQUENCE_START:
            value, count = self._sequence(events, loc, depth, line)
        else:
            raise _Fallback
        if anchor is not None:
            self.open_anchors.discard(anchor)
            self.anchors[anchor] = (value, count)
        return value, count

    def _plain_text(self, event: Any, here: Path_) -> str | None:
        """The text of a scalar `event` at `here` as _node gives it, counted, looked at for
        legacy text and listed (texts) as _node does, when it is text by its form alone in a
        file the gate has nothing to do in (gate_free): no tag, no anchor, quoted or folded or
        plain starting as no pattern does, within the length limit. None for any other (for
        _node to read).

        Most of a file's values are such texts: read here in one call instead of _node's five
        (_scalar, _resolve, _text, nfc, _Limits.add), with the same result and the same checks.
        """
        if event.tag is not None or event.anchor is not None:
            return None
        value: str = event.value
        if event.implicit[0] and not (value and value[0] not in _PATTERN_STARTS):
            return None  # plain: a number, a date, null, true... or text (_resolve says)
        if len(value) > MAX_TEXT_CHARS:
            return None
        value = nfc(value)
        limits = self.limits
        if limits.values >= MAX_VALUES:  # this one is too many: said at its line
            limits.add(1, event.start_mark.line + 1)
        limits.values += 1
        if not self.maybe_legacy and looks_like_legacy_text(value):
            self.maybe_legacy = True
        self.texts.append((here, value))
        return value

    def _scalar(self, event: Any, loc: Path_, line: int) -> Any:
        value: str = event.value
        tag = event.tag
        if tag is None and value.isdigit() and value.isascii() and len(value) < 19:
            if event.implicit[0]:  # plain digits: an int in YAML 1.2, without asking ruamel
                if value[0] == "0" and len(value) > 1:  # 08: the 8 it is, typed so
                    self.typed[loc] = value
                return int(value)
        if tag is None or tag == "!":
            tag = _resolve(value) if event.implicit[0] and tag is None else _STR
        if tag == _STR or tag == _TIMESTAMP:
            return self._text(value, loc, line, event.start_mark.index)
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            raise InputError("data.boolean_value", file=self.path, line=line,
                             field=dotted(loc) or None, value=value)  # fmt: skip
        if tag == _MERGE:
            return _MERGE_KEY
        constructed = _construct(tag, value)
        if isinstance(constructed, str):  # "-_", "0x_": no number in it, the text as typed
            return self._text(value, loc, line, event.start_mark.index)
        if isinstance(constructed, _OtherForm):
            raise _other_form(self.path, loc, line, constructed)
        if not math.isfinite(constructed):
            raise _not_finite(self.path, loc, line, value)
        if str(constructed) != value:
            self.typed[loc] = value
        return constructed

    def _key(self, event: Any, loc: Path_, line: int) -> Any:
        """A mapping key: text (or the merge key <<); a number, true or ~ as a key is refused."""
        if event.tag is None and event.implicit[0]:
            tag = _resolve(event.value)
            if tag == _MERGE:
                return _MERGE_KEY
            if tag != _STR and tag != _TIMESTAMP:
                raise InputError("data.key_not_text", file=self.path, line=line,
                                 field=dotted(loc) or None, key=event.value)  # fmt: skip
            return self._text(event.value, loc, line, event.start_mark.index)
        return self._scalar(event, loc, line)

    def _text(self, value: str, loc: Path_, line: int, start: int = 0) -> str:
        if self.gate_free:
            if len(value) > MAX_TEXT_CHARS:
                raise _too_long(self.path, loc, line)
            return nfc(value)
        try:
            return checked_text(self.path, value, loc, line)
        except BadCharacter as bad:
            if bad.char == _STAND_IN:  # a character typed in the file: the real one, its line
                at = self.text.find(_STAND_IN, start)
                if at >= 0:
                    line = self.original.count("\n", 0, at) + 1
                    bad = BadCharacter(self.original[at], at)
                    typed = self._typed_value(value, start)
                    raise _bad_char_error(self.path, "", bad, line, loc, typed) from None
            raise _bad_char_error(self.path, self.original, bad, line, loc, value) from None

    def _typed_value(self, value: str, start: int) -> str | None:
        """`value` (parsed from the text starting at `start`) with the characters typed in the
        file back in place of their stand-ins (_typed_bad_char), in order; None when they
        cannot all be found (a stand-in typed as an escape)."""
        typed, at = [], start - 1
        for piece in value.split(_STAND_IN)[:-1]:
            at = self.text.find(_STAND_IN, at + 1)
            if at < 0:
                return None
            typed += [piece, self.original[at]]
        return "".join(typed) + value.rsplit(_STAND_IN, 1)[-1]

    def _mapping(self, events: Callable[[], Any], loc: Path_, depth: int, line: int
                 ) -> tuple[dict[str, Any], int]:  # fmt: skip
        out: dict[str, Any] = {}
        merged: list[dict[str, Any]] = []
        count = 1
        self.limits.add(1, line)
        lines = self.lines
        gate_free = self.gate_free
        plain = gate_free and depth < MAX_DEPTH  # a value's depth (depth + 1) within the limit
        while True:
            event = events()
            kind = type(event)
            if kind is _MAPPING_END:
                break
            key_line = event.start_mark.line + 1
            if kind is not _SCALAR:
                raise InputError("data.key_not_text", file=self.path, line=key_line,
                                 field=dotted(loc) or None, key="[...]")  # fmt: skip
            key = None
            if gate_free and event.tag is None and event.implicit[0]:
                key = _text_key(event.value)
            if key is None:
                key = self._key(event, loc, key_line)
            if key is _MERGE_KEY:
                self.texts_listed = False  # merged values come after the mapping's own
                value, size = self._node(events(), events, (*loc, "<<"), depth + 1)
                sources = value if isinstance(value, list) else [value]
                if not all(isinstance(v, dict) for v in sources):
                    raise _Fallback
                merged.extend(sources)
                count += size
                continue
            if not isinstance(key, str):
                raise InputError("data.key_not_text", file=self.path, line=key_line,
                                 field=dotted(loc) or None, key=event.value)  # fmt: skip
            if key in out:
                raise _Fallback  # ruamel words the duplicate key
            # A key is text a clerk types too (an office's own award names, khen_thuong_rieng,
            # print as typed): looked at for legacy text as a value is (refuse_legacy_text).
            if not self.maybe_legacy and not key.isascii() and looks_like_legacy_text(key):
                self.maybe_legacy = True
            here = (*loc, key)
            lines[here] = key_line
            event = events()
            if plain and type(event) is _SCALAR:
                text = self._plain_text(event, here)
                if text is not None:
                    out[key] = text
                    count += 1
                    continue
            out[key], size = self._node(event, events, here, depth + 1)
            count += size
        for source in merged:  # explicit keys win, then earlier merged mappings
            for key, value in source.items():
                out.setdefault(key, value)
        return out, count

    def _sequence(self, events: Callable[[], Any], loc: Path_, depth: int, line: int
                  ) -> tuple[list[Any], int]:  # fmt: skip
        out: list[Any] = []
        count = 1
        self.limits.add(1, line)
        lines = self.lines
        plain = self.gate_free and depth < MAX_DEPTH  # as in _mapping
        while True:
            event = events()
            kind = type(event)
            if kind is _SEQUENCE_END:
                break
            here = (*loc, len(out))
            lines[here] = event.start_mark.line + 1
            if plain and kind is _SCALAR:
                text = self._plain_text(event, here)
                if text is not None:
                    out.append(text)
                    count += 1
                    continue
            value, size = self._node(event, events, here, depth + 1)
            out.append(value)
            count += size
        return out, count


_MERGE_KEY = object()


# The implicit resolvers of YAML 1.2 as ruamel.yaml's VersionedResolver holds them: the tag a
# plain scalar may resolve to, its pattern and the pattern's flags, and the first characters it
# is tried for, in ruamel's order (ruamel.yaml.resolver.implicit_resolvers). Written out so
# that the fast path resolves a scalar as ruamel does without importing ruamel;
# tests/test_yaml_source.py holds them to ruamel's own.
_RESOLVERS: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    ("tag:yaml.org,2002:bool", "^(?:true|True|TRUE|false|False|FALSE)$", re.X, tuple("tTfF")),
    ("tag:yaml.org,2002:float", """^(?:
         [-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\\.(?:inf|Inf|INF)
        |\\.(?:nan|NaN|NAN))$""", re.X, tuple("-+0123456789.")),
    ("tag:yaml.org,2002:int", """^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", re.X, tuple("-+0123456789")),
    ("tag:yaml.org,2002:merge", "^(?:<<)$", 0, ("<",)),
    ("tag:yaml.org,2002:null", """^(?: ~
        |null|Null|NULL
        | )$""", re.X, ("~", "n", "N", "")),
    ("tag:yaml.org,2002:timestamp", """^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \\t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\\.[0-9]*)?
        (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X, tuple("0123456789")),
    ("tag:yaml.org,2002:value", "^(?:=)$", 0, ("=",)),
    ("tag:yaml.org,2002:yaml", "^(?:!|&|\\*)$", 0, tuple("!&*")),
)  # fmt: skip


def _by_first() -> dict[str, list[tuple[str, str, int]]]:
    """A first character → the (tag, pattern, flags) tried, in order, for a scalar starting
    with it ("": the empty scalar). The patterns are compiled when first tried (re keeps them),
    not at import: a run reading no file pays nothing for them."""
    found: dict[str, list[tuple[str, str, int]]] = {}
    for tag, pattern, flags, firsts in _RESOLVERS:
        for first in firsts:
            found.setdefault(first, []).append((tag, pattern, flags))
    return found


_BY_FIRST = _by_first()
_PATTERN_STARTS = frozenset(_BY_FIRST)


@functools.lru_cache(maxsize=4096)
def _resolve_patterned(value: str) -> str:
    """The tag ruamel's resolver gives plain scalar `value` (VersionedResolver.resolve, YAML
    1.2): that of the first pattern tried for its first character that matches, else str."""
    for tag, pattern, flags in _BY_FIRST.get(value[:1], ()):
        if re.match(pattern, value, flags):
            return tag
    return _STR


def _resolve(value: str) -> str:
    """The YAML 1.2 tag of a plain scalar, as ruamel.yaml resolves it.

    ruamel picks its patterns by the scalar's first character: a scalar starting with any
    other (most text a clerk types) is a string without trying one, and the answer for the
    others (keys, numbers, dates) is the same every time, so it is remembered.
    """
    if value and value[0] not in _PATTERN_STARTS:
        return _STR
    return _resolve_patterned(value)


@functools.lru_cache(maxsize=1024)  # loai, co_quan, ngay, trich_yeu ... in every file
def _text_key(value: str) -> str | None:
    """A plain mapping key as _FastBuilder._key reads it in a file the gate has nothing to do
    in (gate_free): the key as text when it is text (composed), None when _key has more to say
    (a number, a date, null, true or << as a key; a key beyond the length limit)."""
    if len(value) > MAX_TEXT_CHARS or _resolve(value) != _STR:
        return None
    return nfc(value)


def _not_finite(path: Path, loc: Path_, line: int | None, typed: str) -> InputError:
    """The error of a number YAML reads as infinite or not a number (.inf, .nan, 1e400, too
    large for a float): no field takes one, and pydantic's refusal would name its own code
    (finite_number), not a reason; said at its line, as true/false is (data.boolean_value)."""
    return InputError("data.number_not_finite", file=path, line=line, field=dotted(loc) or None,
                      value=typed)  # fmt: skip


def _yaml_float(number: float) -> str:
    """A float that is no finite number as YAML writes it (.inf, -.inf, .nan): ruamel's tree
    keeps no text of it."""
    if math.isnan(number):
        return ".nan"
    return ".inf" if number > 0 else "-.inf"


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
# A number typed as a clerk writes one, in decimal digits: 12, 08, -5, +5, 1.5, .5, 3. (YAML 1.2
# reads more as numbers: 1e2, 0o10, 0x1F, 0b101, 1_53, which _construct refuses as such.)
_decimal_int = lazy(r"[-+]?[0-9]+")
_decimal_float = lazy(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")
_not_a_number = lazy(r"([-+]?)\.(?:(inf|Inf|INF)|nan|NaN|NAN)")
_BASES = {"0x": 16, "0o": 8, "0b": 2}


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class _OtherForm:
    """A scalar YAML reads as a number from a form that is not decimal digits: an exponent
    (1e2), a base's prefix (0o10, 0x1F, 0b101) or underscores (1_53)."""

    typed: str
    number: int | float


@functools.lru_cache(maxsize=1024)
def _construct(tag: str, value: str) -> int | float | str | _OtherForm:
    """What a scalar typed `value`, that YAML 1.2 resolves as `tag` (int or float), is: the
    int or float of a number typed in decimal digits (.inf and .nan too: the caller refuses
    them); an _OtherForm for a number written otherwise (1e2, 0o10, 0x1F, 1_53), which a clerk
    reads as typed and vanthu would print as another (Số 100, 08, 153): refused at its line,
    never reinterpreted; `value` itself, as text, when no number is in it ("-_", "0x_", "._":
    YAML 1.2's patterns take them, no number can be read from them).

    Both readers read numbers here (the slow one through _slow_number): the same answer,
    without ruamel, whose constructors read 1e2 as 100 and fail on "-_" (IndexError)."""
    number: int | float | None
    if tag == _INT:
        if _decimal_int().fullmatch(value):
            return int(value)
        number = _other_int(value)
    elif tag == _FLOAT:
        if _decimal_float().fullmatch(value) or _decimal_int().fullmatch(value):  # !!float 1
            return float(value)
        special = _not_a_number().fullmatch(value)
        if special is not None:
            return float(f"{special[1]}inf" if special[2] else "nan")
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            number = None
    else:
        return value
    if number is None:
        return value
    if isinstance(number, float) and not math.isfinite(number):
        return number  # 1e400: refused as too large a number, as before
    return _OtherForm(value, number)


def _other_int(value: str) -> int | None:
    """The int YAML 1.2 reads from `value` typed with a base's prefix or underscores (0x1F,
    -0o17, 1_000); None when no number is in it ("-_", "0b_")."""
    digits = value.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    digits = digits.lstrip("+-")
    base = _BASES.get(digits[:2], 10)
    if base != 10:
        digits = digits[2:]
    try:
        return sign * int(digits, base) if digits else None
    except ValueError:
        return None


# The longest number a message shows whole (a hex number of a hundred digits is cut).
_SHOWN_NUMBER = 30


def _other_form(path: Path, loc: Path_, line: int | None, found: _OtherForm) -> InputError:
    """The refusal of a number typed otherwise than in decimal digits, at its line and field:
    what was typed, the number YAML reads, and what to write for either meaning."""
    number = found.number
    if isinstance(number, float):
        shown = f"{Decimal(repr(number)):f}"
        shown = shown.rstrip("0").rstrip(".") if "." in shown else shown
    else:
        shown = str(number)
    if len(shown) > _SHOWN_NUMBER:
        shown = shown[:_SHOWN_NUMBER] + "…"
    key = loc[-1] if loc else None
    head = f"{key}: " if isinstance(key, str) else "- " if isinstance(key, int) else ""
    return InputError(
        "data.number_form", file=path, line=line, field=dotted(loc) or None, value=found.typed,
        number=shown, fixed=f"{head}{shown}", quoted=f'{head}"{found.typed}"',
    )  # fmt: skip


# Stands in for a refused character typed in the file while the file is parsed to find the
# field it is in: parsers refuse a NUL or BEL outright, but read U+FDD0 as text (and the gate
# refuses it). The stand-in has the same length, so positions stay the same.
_STAND_IN = "\ufdd0"


def _typed_bad_char(path: Path, text: str, bad: BadCharacter) -> InputError:
    """The error for a refused character typed in the file, with its line and, if any, field."""
    masked = "\r".join(re.sub(_REFUSED_PATTERN, _STAND_IN, part) for part in text.split("\r"))
    builder = _FastBuilder(path, masked, original=text)
    try:
        builder.build()
    except InputError as exc:
        # data.misread_text: the character is a C1 control of a misread value (_bad_char_error);
        # data.stray_mark: a refused mark on no letter (U+20E3, the keycap of an emoji alone).
        if exc.key in ("data.bad_char", "data.pictograph", "data.misread_text", "data.stray_mark"):
            return exc
    except _Fallback:
        pass
    return _bad_char_error(path, text, bad, None)  # in a comment, or the parse failed


# The first character of a line that is neither blank nor a comment, and the end of a line as
# str.splitlines finds it (its breaks are all whitespace, as str.strip and \s see it).
_NOT_SPACE = re.compile(r"\S")
_line_break = lazy("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _has_content(text: str) -> bool:
    """Whether some line of `text` is neither blank nor a comment (only whitespace before a
    #): what `not all(not line.strip() or line.lstrip().startswith("#") for line in
    text.splitlines())` says, looking no further than the first such line (the file's first
    key, after its heading comments) instead of splitting the whole file into lines."""
    at = 0
    while True:
        found = _NOT_SPACE.search(text, at)
        if found is None:
            return False
        if found[0] != "#":
            return True
        # The comment ends at its line feed, or at another break before it: one only where the
        # comment holds a character that is not printable (a break is not), which a comment
        # rarely does; looked for there alone, as a search of every character costs more.
        start = found.end()
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if not text[start:end].isprintable():
            other = _line_break().search(text, start, end)
            if other is not None:
                end = other.start()
        if end >= len(text):
            return False
        at = end + 1


def load_yaml(path: Path) -> Source:
    """Parse `path`; YAML errors, tabs, empty files become InputErrors with their line."""
    raw = read_bytes(path)
    # The text as typed (read_text's, composed=False): each value is brought to NFC once parsed.
    text = _decoded(path, raw)
    if not _has_content(text):
        raise InputError("data.empty_file", file=path)
    unix = text.replace("\r", "")  # a CR of a line break is not a refused character
    unchanged = passes_unchanged(unix)
    if not unchanged:
        bad = refused_character(unix)
        if bad is not None:
            raise _typed_bad_char(path, text, bad)
    # Whether the gate has work, from the search just made rather than a second one.
    builder = _FastBuilder(path, text, gate_free=_gate_free(text, unchanged))
    if not raw.startswith(codecs.BOM_UTF8):
        # The bytes libyaml would be given: the text's own UTF-8, not encoded again from it.
        builder.encoded = raw
    try:
        data = builder.build()
        lines = builder.lines
        legacy = builder.maybe_legacy
        listed = builder.texts if builder.texts_listed else None
        typed = builder.typed
    except _Fallback:
        typed = {}
        data, lines = _slow_load(path, text, typed)
        legacy, listed = True, None
    if not isinstance(data, dict):
        raise InputError("data.not_mapping", file=path, line=1)
    source = Source(path=path, data=data, lines=lines, listed=listed, typed=typed)
    if legacy:
        refuse_legacy_text(source, text)
    return source


def source_of_mapping(data: Mapping[str, Any], path: Path) -> Source:
    """A document given as a dict (a web form) as a Source: the same text rules as a file.

    Text is NFC and checked for pasted TCVN3/VNI like a file's; there are no lines, so messages
    name the field alone. `path` is where the document stands in the workspace.
    """
    if not isinstance(data, Mapping):
        raise InputError("data.not_mapping", file=path)
    plain = _plain_mapping(data, path, ())
    source = Source(path=path, data=plain, lines={})
    refuse_legacy_text(source)
    return source


def _plain_mapping(node: Any, path: Path, loc: Path_) -> Any:
    """A form's data as a parsed file's: plain dicts and lists, text keys, every text through
    the gate (NFC, invisible spaces normalised, refused characters named with their field), and
    booleans refused where text or a number belongs, as in a file."""
    if isinstance(node, Mapping):
        return {
            _form_text(str(key), path, (*loc, str(key))): _plain_mapping(
                value, path, (*loc, str(key))
            )
            for key, value in node.items()
        }
    if isinstance(node, list | tuple):
        return [_plain_mapping(value, path, (*loc, index)) for index, value in enumerate(node)]
    if isinstance(node, bool):  # a form's own True/False: no YAML read it, no quotes to add
        raise InputError("data.boolean_value_plain", file=path, field=dotted(loc) or None,
                         value=str(node).lower())  # fmt: skip
    if isinstance(node, str):
        return _form_text(node, path, loc)
    if isinstance(node, float) and not math.isfinite(node):
        raise InputError("data.number_not_finite_plain", file=path, field=dotted(loc) or None,
                         value=node)  # fmt: skip
    return node


def _form_text(value: str, path: Path, loc: Path_) -> str:
    try:
        return checked_text(path, value, loc, None)
    except BadCharacter as bad:
        raise _bad_char_error(path, "", bad, None, loc, value) from None


def strings(node: Any, loc: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string in a data tree with where it stands, in the tree's order."""
    found: list[tuple[Path_, str]] = []
    _strings_into(found, node, loc)
    return iter(found)


def _strings_into(found: list[tuple[Path_, str]], node: Any, loc: Path_) -> None:
    # A list filled, not generators nested: each string of a generator went up through one
    # frame for each level above it, and every document's data is walked so.
    if isinstance(node, dict):
        for key, value in node.items():
            _strings_into(found, value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _strings_into(found, value, (*loc, index))
    elif isinstance(node, str):
        found.append((loc, node))


def refuse_legacy_text(source: Source, file_text: str | None = None) -> None:
    """Text pasted from a TCVN3 or VNI document (Céng hoµ...) would print garbled: refuse it,
    with the text it was meant to be, decoded from the value as typed in `file_text` when that
    can be read back (see _as_typed). Then a mapping's keys, at their own lines in the field of
    their mapping: some are names a clerk types and vanthu prints (an office's own awards,
    khen_thuong_rieng; its names for a decree's, ten_khen_thuong). The values first: a file
    with legacy values is told about them as it always was, a key when it is the only one."""
    for loc, text in source.texts():
        codes = legacy_encodings(text)
        if codes:
            typed = _as_typed(file_text, loc) or text
            raise _legacy_error(source.path, source.line_of(loc), loc, codes, typed)
    for loc, key in _keys(source.data):
        codes = legacy_encodings(key)
        if codes:
            raise _legacy_error(source.path, source.line_of(loc), loc[:-1], codes, key)


def _keys(node: Any) -> list[tuple[Path_, str]]:
    """Every text key of a data tree's mappings with where it stands, in the tree's order."""
    found: list[tuple[Path_, str]] = []
    _keys_into(found, node, ())
    return found


def _keys_into(found: list[tuple[Path_, str]], node: Any, loc: Path_) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            here = (*loc, key)
            if isinstance(key, str):
                found.append((here, key))
            _keys_into(found, value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _keys_into(found, value, (*loc, index))


def _legacy_error(path: Path, line: int | None, loc: Path_, codes: tuple[str, ...],
                  typed: str) -> InputError:  # fmt: skip
    """The refusal of a text value typed with a legacy font, or (data.misread_text) of a file
    opened in the wrong code, in `codes` (legacy_encodings): the Unicode it stands for, read
    from the value as `typed`, as a suggestion."""
    encoding, font = named_encodings(codes)
    return InputError(
        refusal_key("data.legacy_text", codes), file=path, line=line, field=dotted(loc) or None,
        encoding=encoding, font=font,
        fixed=suggested_unicode(typed, codes[0], person=loc[-1:] == (PERSON_NAME,))[:60],
    )  # fmt: skip


# TCVN3 writes ư as byte 0xAD, which text pasted as Latin-1 shows as a soft hyphen: the text
# gate removes it from values (it is invisible in print), so the suggestion is decoded from the
# value as the file holds it ("T\u00ad ph¸p" → "Tư pháp", not "T pháp").
_TYPED_ONLY = "\u00ad"


def _as_typed(file_text: str | None, loc: Path_) -> str | None:
    """The value at `loc` as `file_text` holds it, before the text gate; None when it holds
    nothing the gate removes there, or cannot be read back. Only on the way to an error."""
    if file_text is None or _TYPED_ONLY not in file_text:
        return None
    try:
        value: Any = yaml.load(file_text, Loader=yaml.CSafeLoader)
        for part in loc:
            value = value[part]
    except (yaml.YAMLError, LookupError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _tab_indented_line(text: str, near: int | None) -> int | None:
    """The line, at or before `near`, whose indentation holds a tab."""
    candidates = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]
    ]
    if not candidates:
        return None
    before = [n for n in candidates if near is None or n <= near + 1]
    return before[-1] if before else candidates[0]
