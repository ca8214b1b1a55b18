"""Read a YAML data file into plain Python values, remembering where each value stood.

ruamel.yaml (round-trip mode) keeps line numbers, which every error message needs; dates are kept
as text here so that an impossible date (31/02/2021) is reported by the model with its line,
instead of failing inside the YAML parser.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from pipeline.errors import InputError
from pipeline.text.normalize import nfc, normalize_tree

Path_ = tuple[str | int, ...]


class _TextDatesConstructor(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps as strings."""


_TextDatesConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _TextDatesConstructor.construct_yaml_str
)


@dataclass
class Source:
    """A parsed data file: its values and the line (1-based) of every key or item in it."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

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
    """noi_nhan[2].ten from ('noi_nhan', 2, 'ten')."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (a BOM is allowed), NFC; legacy encodings are named, not guessed."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("data.file_missing", file=path) from None
    except OSError as exc:
        raise InputError("data.file_unreadable", file=path, reason=exc.strerror) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        from pipeline.text.legacy import describe_encoding, guess_legacy_bytes

        guess = guess_legacy_bytes(raw)
        if guess:
            raise InputError(
                "data.not_utf8_legacy", file=path, line=line, encoding=describe_encoding(guess)
            ) from None
        raise InputError("data.not_utf8", file=path, line=line) from None
    return nfc(text)


def _plain(node: Any, loc: Path_, lines: dict[Path_, int]) -> Any:
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            key_text = str(key)
            here = (*loc, key_text)
            lines[here] = node.lc.key(key)[0] + 1
            out[key_text] = _plain(value, here, lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            here = (*loc, index)
            lines[here] = node.lc.item(index)[0] + 1
            items.append(_plain(value, here, lines))
        return items
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def load_yaml(path: Path) -> Source:
    """Parse `path`; YAML errors, tabs, empty files become InputErrors with their line."""
    text = read_text(path)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise InputError("data.empty_file", file=path)
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDatesConstructor
    try:
        node = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        raise InputError(
            "data.duplicate_key", file=path, line=mark.line + 1 if mark else None
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        tab_line = _tab_indented_line(text, near=line)
        if tab_line is not None:
            raise InputError("data.tab_indent", file=path, line=tab_line) from None
        reason = (exc.problem or "").strip()
        raise InputError("data.yaml_syntax", file=path, line=line, reason=reason) from None
    if not isinstance(node, CommentedMap):
        raise InputError("data.not_mapping", file=path, line=1)
    lines: dict[Path_, int] = {(): 1}
    source = Source(path=path, data=_plain(node, (), lines), lines=lines)
    refuse_legacy_text(source)
    return source


def source_of_mapping(data: Mapping[str, Any], path: Path) -> Source:
    """A document given as a dict (a web form) as a Source: the same text rules as a file.

    Text is NFC and checked for pasted TCVN3/VNI like a file's; there are no lines, so messages
    name the field alone. `path` is where the document stands in the workspace.
    """
    if not isinstance(data, Mapping):
        raise InputError("data.not_mapping", file=path)
    plain = normalize_tree(_plain_mapping(data))
    source = Source(path=path, data=plain, lines={})
    refuse_legacy_text(source)
    return source


def _plain_mapping(node: Any) -> Any:
    """Plain dicts and lists of a form's data (keys as text), like a parsed file's."""
    if isinstance(node, Mapping):
        return {str(key): _plain_mapping(value) for key, value in node.items()}
    if isinstance(node, list | tuple):
        return [_plain_mapping(value) for value in node]
    return node


def strings(node: Any, loc: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string in a data tree with where it stands."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, (*loc, index))
    elif isinstance(node, str):
        yield loc, node


def refuse_legacy_text(source: Source) -> None:
    """Text pasted from a TCVN3 or VNI document (Céng hoµ...) would print garbled: refuse it."""
    from pipeline.text.legacy import decode_legacy, describe_encoding, looks_like_legacy_text

    for loc, text in strings(source.data):
        encoding = looks_like_legacy_text(text)
        if encoding:
            raise source.error(
                "data.legacy_text", loc, encoding=describe_encoding(encoding),
                fixed=decode_legacy(text, encoding)[:60],
            )  # fmt: skip


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
