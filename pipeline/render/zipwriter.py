"""Write .docx packages fast and deterministically.

Hand-written because the standard zipfile module cannot copy an already-deflated member without
inflating and deflating it again; in a batch most parts of a package (styles, theme, headers)
never change, so their compressed bytes are prepared once and copied raw into every output.
Timestamps are fixed (1980-01-01) and members keep the template's order: the same inputs give
the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_DOS_TIME = 0
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_VERSION = 20
_DEFLATED = 8
_STORED = 0
_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class Member:
    """One part of the package, ready to copy: its name, CRC, sizes and compressed bytes."""

    name: str
    crc: int
    size: int
    payload: bytes
    method: int = _DEFLATED

    @classmethod
    def deflate(cls, name: str, data: bytes, level: int = 6) -> Member:
        """Compress `data` as a raw deflate stream, as zip members hold it."""
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        payload = compressor.compress(data) + compressor.flush()
        return cls(name, zlib.crc32(data), len(data), payload)


def write_zip(members: Iterable[Member]) -> bytes:
    """The bytes of a zip archive holding `members` in order."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for member in members:
        name = member.name.encode("utf-8")
        flags = _UTF8_FLAG if not member.name.isascii() else 0
        header = struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04", _VERSION, flags, member.method, _DOS_TIME, _DOS_DATE,
            member.crc, len(member.payload), member.size, len(name), 0,
        )  # fmt: skip
        chunks += (header, name, member.payload)
        central.append(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                _VERSION,
                _VERSION,
                flags,
                member.method,
                _DOS_TIME,
                _DOS_DATE,
                member.crc,
                len(member.payload),
                member.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
            + name
        )
        offset += len(header) + len(name) + len(member.payload)
        count += 1
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(chunks) + directory + end


def replace_members(
    members: Iterable[Member], replacements: Mapping[str, bytes], level: int = 6
) -> list[Member]:
    """The members with some parts' contents replaced (deflated anew), order kept."""
    return [
        Member.deflate(m.name, replacements[m.name], level) if m.name in replacements else m
        for m in members
    ]
