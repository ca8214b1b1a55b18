"""One part of an .xlsx (a zip member) inflated straight from the file's bytes.

Written here, beside zipfile rather than instead of it: zipfile still reads the central directory
(and so decides what is a zip at all, and how big each part says it is), but opening a member
through it costs some 20 µs of Python per part (a ZipExtFile, its buffers, a second header
parse), more than inflating the few kilobytes of workbook.xml or a sheet. Only the plain case is
done here (stored or deflated, not encrypted, sizes and CRC as the directory says, a part of
at most a few megabytes); anything else goes through zipfile as before, so a damaged or unusual
file fails exactly as it did.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from pipeline.load.spreadsheet.directory import Archive, Part

# Above this a part is streamed by zipfile in chunks, never held whole.
WHOLE_PART_BYTES = 8 * 1024 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length
_LOCAL_SIGNATURE = b"PK\x03\x04"


def member_bytes(archive: Archive, data: bytes, name: str) -> bytes:
    """The inflated bytes of member `name` of the zip whose whole file is `data` (KeyError if
    there is no such member); zipfile reads it when the plain case does not apply."""
    inflated = plain_member_bytes(archive, data, name)
    return archive.read(name) if inflated is None else inflated


def plain_member_bytes(archive: Archive, data: bytes, name: str) -> bytes | None:
    """The inflated bytes of member `name` in the plain case, else None (KeyError if there is
    no such member)."""
    return _plain_member(data, archive.getinfo(name))


def packed_member(archive: Archive, data: bytes, name: str) -> tuple[int, int, int, bytes] | None:
    """What member `name` is inflated from in the plain case, as a key: its method, size and
    CRC and its packed bytes, which inflate alike each time (KeyError if there is no such
    member); None when the plain case does not apply. A part met before is known by it
    without being inflated again."""
    info = archive.getinfo(name)
    packed = _packed(data, info)
    return None if packed is None else (info.compress_type, info.file_size, info.CRC, packed)


def _plain_member(data: bytes, info: Part | zipfile.ZipInfo) -> bytes | None:
    packed = _packed(data, info)
    if packed is None:
        return None
    if info.compress_type == zipfile.ZIP_STORED:
        inflated = packed
    else:
        try:
            # Never more than the directory promises: a lying size cannot make this a zip bomb.
            inflated = zlib.decompressobj(-zlib.MAX_WBITS).decompress(packed, info.file_size + 1)
        except zlib.error:
            return None
    if len(inflated) != info.file_size or zlib.crc32(inflated) != info.CRC:
        return None
    return inflated


def _packed(data: bytes, info: Part | zipfile.ZipInfo) -> bytes | None:
    """The member's bytes as stored (deflated or not) in the plain case, else None."""
    if info.flag_bits & 0x1 or info.file_size > WHOLE_PART_BYTES:
        return None
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    start = info.header_offset
    if start < 0 or start + _LOCAL_HEADER.size > len(data):
        return None
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, start)
    if signature != _LOCAL_SIGNATURE:
        return None
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    return data[begin : begin + info.compress_size]
