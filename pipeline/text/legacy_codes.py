"""The legacy Vietnamese codes themselves: their names, their tables, bytes to letters and back.

Offices still hold documents typed in TCVN3 (the ABC fonts, .VnTime), in VNI (VNI-Times) and in
Windows-1258. This module names those codes (``canonical_encoding``, ``describe_encoding``,
``legacy_font``), reads their tables, decodes their bytes (``decode_raw``), or the bytes a text
shows through Windows-1252 (``decode_shown``), and writes text back in them (``encode_legacy``).
Telling which code a text was typed in is pipeline.text.legacy's job.

Python has no TCVN3 or VNI codec; their tables are data files,
``pipeline/rules/data/tcvn3.txt`` and ``vni.txt``, each naming its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pipeline.text.normalize import nfc
from pipeline.text.tones import split_tone

WINDOWS_1258 = "windows-1258"
TCVN3 = "tcvn3"
VNI = "vni"
LEGACY_ENCODINGS = (WINDOWS_1258, TCVN3, VNI)
# Not legacy, but a UTF-8 file opened as Windows-1252 gives text legacy_encodings names too.
UTF_8 = "utf-8"
# The codes text may be misread from (pipeline.text.misread), rather than typed in with a font.
MISREAD_ENCODINGS = (WINDOWS_1258, UTF_8)
# What a misread file was shown as: the ANSI code of a Western Windows.
MISREAD_AS = "Windows-1252"

_HUMAN_NAMES = {WINDOWS_1258: "Windows-1258", TCVN3: "TCVN3 (ABC)", VNI: "VNI", UTF_8: "UTF-8"}
_ALIASES = {
    "windows1258": WINDOWS_1258,
    "cp1258": WINDOWS_1258,
    "win1258": WINDOWS_1258,
    "tcvn3": TCVN3,
    "tcvn3abc": TCVN3,
    "tcvn": TCVN3,
    "abc": TCVN3,
    "vn3": TCVN3,
    "vni": VNI,
    "vniwin": VNI,
    "vniwindows": VNI,
    "utf8": UTF_8,
}

# The five tone marks (thanh huyền, sắc, ngã, hỏi, nặng): pipeline.text.tones lists them.


def canonical_encoding(name: str) -> str:
    """The module's name ("windows-1258", "tcvn3", "vni") for a common spelling of a legacy code."""
    key = re.sub(r"[\s_\-.:()]", "", name.lower())
    try:
        return _ALIASES[key]
    except KeyError:
        raise ValueError(f"unknown legacy Vietnamese encoding: {name!r}") from None


def describe_encoding(name: str) -> str:
    """The name people know a legacy code by: "Windows-1258", "TCVN3 (ABC)", "VNI"."""
    try:
        return _HUMAN_NAMES[canonical_encoding(name)]
    except ValueError:
        return name


# The font a legacy code was typed with, as a clerk sees it in Word's font list.
_FONTS = {WINDOWS_1258: "Windows-1258", TCVN3: ".VnTime", VNI: "VNI-Times", UTF_8: "Unicode"}


def legacy_font(name: str) -> str:
    """The font family people typed a legacy code with: ".VnTime" (TCVN3), "VNI-Times" (VNI)."""
    try:
        return _FONTS[canonical_encoding(name)]
    except ValueError:
        return name


# --- tables -------------------------------------------------------------------------------------


def _western_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five holes of Windows-1252 keep their Latin-1 meaning
        return chr(byte)


# What a byte that is not part of a Vietnamese letter shows as: Windows-1252, as in Word.
WESTERN = tuple(_western_char(byte) for byte in range(256))
_WESTERN_BYTE = {char: byte for byte, char in enumerate(WESTERN)}


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class _Table:
    """One legacy code: letters by byte sequence, and back."""

    decode: dict[str, str]  # byte sequence spelt as Latin-1 text -> Unicode
    encode: dict[str, bytes]
    occupied: frozenset[int]  # bytes above ASCII that belong to Vietnamese letters
    pattern: re.Pattern[str]


@cache
def code_table(encoding: str) -> _Table:
    """The TCVN3 or VNI table, read from pipeline/rules/data."""
    text = files("pipeline.rules").joinpath("data", f"{encoding}.txt").read_text(encoding="utf-8")
    decode: dict[str, str] = {}
    encode: dict[str, bytes] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, letter = line.split("\t")[:2]
        raw = bytes.fromhex(code)
        decode[raw.decode("latin-1")] = letter
        encode[letter] = raw
    occupied = frozenset(byte for raw in encode.values() for byte in raw if byte >= 0x80)
    for byte in range(256):
        decode.setdefault(chr(byte), WESTERN[byte])
    # Two-byte letters first, so "oä" is read as "ộ" and not as "o" then "ä".
    longest_first = sorted((key for key in decode if len(key) > 1), key=len, reverse=True)
    pattern = re.compile("|".join([*map(re.escape, longest_first), "."]), re.DOTALL)
    return _Table(decode, encode, occupied, pattern)


def decode_raw(data: bytes, encoding: str) -> str:
    """`data` read in `encoding`: by Python's codec for the codes it has, by the table for
    TCVN3 and VNI."""
    if encoding in MISREAD_ENCODINGS:  # codes Python has
        return data.decode(encoding, errors="replace")
    table = code_table(encoding)
    return table.pattern.sub(lambda match: table.decode[match.group()], data.decode("latin-1"))


def byte_of(char: str) -> int | None:
    """The byte a character shown through Windows-1252 (or Latin-1) stands for."""
    byte = _WESTERN_BYTE.get(char)
    if byte is None and ord(char) < 0x100:
        byte = ord(char)
    return byte


def decode_shown(text: str, encoding: str) -> str:
    """Every run of characters a byte stands for decoded as `encoding`; the rest as it is."""
    out: list[str] = []
    run = bytearray()
    for char in text:
        byte = byte_of(char)
        if byte is not None:
            run.append(byte)
            continue
        if run:
            out.append(decode_raw(bytes(run), encoding))
            run.clear()
        out.append(char)
    if run:
        out.append(decode_raw(bytes(run), encoding))
    return "".join(out)


def encode_legacy(text: str, encoding: str, errors: str = "strict") -> bytes:
    """The bytes a legacy editor would have saved for this text.

    TCVN3 writes a toned capital ("Ộ") as its small letter's code, as .VnTimeH users typed it.
    Windows-1258 writes a precomposed letter where the code has one, else base letter and tone
    mark. errors="strict" raises UnicodeEncodeError for what the code cannot hold; "replace"
    writes "?".
    """
    encoding = canonical_encoding(encoding)
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    text = nfc(text)
    out = bytearray()
    for index, char in enumerate(text):
        raw = _encode_char(char, encoding)
        if raw is None:
            if errors == "strict":
                reason = f"not representable in {describe_encoding(encoding)}"
                raise UnicodeEncodeError(encoding, text, index, index + 1, reason)
            raw = b"?"
        out += raw
    return bytes(out)


def _encode_char(char: str, encoding: str) -> bytes | None:
    if char < "\x80":
        return char.encode("ascii")
    if encoding == UTF_8:
        return char.encode("utf-8")
    if encoding == WINDOWS_1258:
        return _encode_cp1258(char)
    table = code_table(encoding)
    raw = table.encode.get(char)
    if raw is None and encoding == TCVN3:
        raw = table.encode.get(char.lower())
    if raw is not None:
        return raw
    byte = _WESTERN_BYTE.get(char)
    return bytes([byte]) if byte is not None and byte not in table.occupied else None


def _encode_cp1258(char: str) -> bytes | None:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        pass
    base, tones = split_tone(char)
    if len(tones) != 1:
        return None
    try:
        return base.encode("cp1258") + tones[0].encode("cp1258")
    except UnicodeEncodeError:
        return None
