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
from collections.abc import Iterable, Mapping, Sequence
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
        return cls.deflate_pieces(name, (data,), level)

    @classmethod
    def deflate_pieces(
        cls, name: str, pieces: Iterable[bytes | memoryview], level: int = 6
    ) -> Member:
        """Member.deflate of the pieces joined, each compressed and checksummed in turn: a
        document is not copied whole once more to join them (engine.drawings_numbered_utf8).
        The same bytes: zlib's deflate, not flushed, decides nothing until it holds enough of
        the input ahead (MIN_LOOKAHEAD), so how the input is cut never shows in its output."""
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        out: list[bytes] = []
        crc = size = 0
        for piece in pieces:
            out.append(compressor.compress(piece))
            crc = zlib.crc32(piece, crc)
            size += len(piece)  # bytes, or a view of bytes: its length is its bytes'
        out.append(compressor.flush())
        return cls(name, crc, size, b"".join(out))


def _local_entry(member: Member) -> bytes:
    """The member as the archive holds it: local header, name, compressed bytes."""
    return _local_header(member) + member.payload


def _local_header(member: Member) -> bytes:
    """The member's local header and name, which its compressed bytes follow."""
    name = member.name.encode("utf-8")
    flags = _UTF8_FLAG if not member.name.isascii() else 0
    header = struct.pack(
        "<4s5H3L2H",
        b"PK\x03\x04", _VERSION, flags, member.method, _DOS_TIME, _DOS_DATE,
        member.crc, len(member.payload), member.size, len(name), 0,
    )  # fmt: skip
    return header + name


def _central_entry(member: Member, offset: int) -> bytes:
    """The member's central directory record; its local entry starts at `offset`."""
    name = member.name.encode("utf-8")
    flags = _UTF8_FLAG if not member.name.isascii() else 0
    record = struct.pack(
        "<4s6H3L5H2L",
        b"PK\x01\x02", _VERSION, _VERSION, flags, member.method, _DOS_TIME, _DOS_DATE,
        member.crc, len(member.payload), member.size, len(name), 0, 0, 0, 0, 0, offset,
    )  # fmt: skip
    return record + name


def _end_record(count: int, directory_size: int, directory_offset: int) -> bytes:
    return struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, directory_size, directory_offset, 0
    )


def write_zip(members: Iterable[Member]) -> bytes:
    """The bytes of a zip archive holding `members` in order."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for member in members:
        entry = _local_entry(member)
        central.append(_central_entry(member, offset))
        chunks.append(entry)
        offset += len(entry)
    directory = b"".join(central)
    return b"".join(chunks) + directory + _end_record(len(central), len(directory), offset)


# Where a central directory record holds its local entry's offset (after 4s6H3L5H2L's 4s6H3L5H
# and the external attributes L).
_OFFSET_AT = 42
_OFFSET = struct.Struct("<L")


class ZipAround:
    """Archives of the same members but one, which changes: `write(member)` gives the bytes
    write_zip gives for before + [member] + after, packing only that member and the offsets
    that move with it (the rest is packed once)."""

    def __init__(self, before: Sequence[Member], after: Sequence[Member]) -> None:
        self._count = len(before) + 1 + len(after)
        entries = [_local_entry(m) for m in before]
        self._head = b"".join(entries)
        offsets = [sum(map(len, entries[:i])) for i in range(len(entries))]
        self._head_directory = b"".join(map(_central_entry, before, offsets))
        entries = [_local_entry(m) for m in after]
        self._tail = b"".join(entries)
        # The after members' records, cut where their offsets go (filled in for each archive).
        self._tail_records: list[tuple[bytes, int, bytes]] = []
        position = 0
        for member, entry in zip(after, entries, strict=True):
            record = _central_entry(member, 0)
            self._tail_records.append((record[:_OFFSET_AT], position, record[_OFFSET_AT + 4 :]))
            position += len(entry)

    def write(self, member: Member) -> bytes:
        # The member's header and compressed bytes go into the archive as they are: joined
        # first (_local_entry), the compressed document was copied once more.
        header = _local_header(member)
        start = len(self._head)
        base = start + len(header) + len(member.payload)
        central = [self._head_directory, _central_entry(member, start)]
        for before, offset, after in self._tail_records:
            central += (before, _OFFSET.pack(base + offset), after)
        directory = b"".join(central)
        end = _end_record(self._count, len(directory), base + len(self._tail))
        return b"".join((self._head, header, member.payload, self._tail, directory, end))


def replace_members(
    members: Iterable[Member], replacements: Mapping[str, bytes], level: int = 6
) -> list[Member]:
    """The members with some parts' contents replaced (deflated anew), order kept."""
    return [
        Member.deflate(m.name, replacements[m.name], level) if m.name in replacements else m
        for m in members
    ]
