"""The parts an .xlsx lists in its zip's central directory, read from the file's bytes.

zipfile.ZipFile reads the directory in Python, a ZipInfo and some twenty attribute settings for
each part: some 25 µs for an .xlsx's nine parts, for every list of a build, where the reader
needs only each part's name, sizes, CRC, method and place. `Directory` reads those itself in the
plain case only: the directory is the file's last record but its end record (no archive
comment, no Zip64 record, nothing before the zip), and each part's entry is whole, without
extra fields (whose Zip64 sizes zipfile would read) and of a version zipfile reads. What it
then lists is what zipfile would list. Anything else is read by zipfile as before, so a damaged
or unusual file is refused exactly as it was; and whatever opens a part as a stream (a formula
searched for, a large part, a part left to zipfile: members) is given zipfile's, made then.
"""

from __future__ import annotations

import io
import struct
import zipfile
from types import TracebackType
from typing import IO, Any, NamedTuple

_END = struct.Struct("<4s4H2LH")  # zipfile's structEndArchive
# zipfile's structCentralDir ("<4s4B4HL2L5H2L") with only the fields read here, the others
# skipped as padding (no int made for each part's times, attributes and versions but the one
# zipfile checks): signature, extract version, flags, method, CRC, packed and inflated sizes,
# name, extra and comment lengths, the header's place.
_CENTRAL_READ = struct.Struct("<4s2xBxHH4xLLLHHH8xL")
_END_SIGNATURE = b"PK\x05\x06"
_CENTRAL_SIGNATURE = b"PK\x01\x02"
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_LOCATOR_BYTES = 20
_UTF8_NAME = 0x800  # flag bit: the name is UTF-8 (else code page 437)


class Part(NamedTuple):
    """A part as the directory lists it: what zipfile.ZipInfo holds of it that is read here."""

    filename: str
    flag_bits: int
    compress_type: int
    CRC: int
    compress_size: int
    file_size: int
    header_offset: int


class Directory:
    """The parts of the zip whose whole file is `data`, as zipfile.ZipFile lists them
    (`infolist`, `getinfo`); `open` and `read` are zipfile's. Raises what zipfile.ZipFile
    raises for a file it cannot read."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._zip: zipfile.ZipFile | None = None
        parts = _plain_directory(data)
        if parts is None:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._parts: list[Any] = self._zip.infolist() if self._zip is not None else parts or []
        # A name listed twice is the later part, as zipfile's NameToInfo.
        self._named: dict[str, Any] = {part.filename: part for part in self._parts}

    def infolist(self) -> list[Any]:
        return self._parts

    def getinfo(self, name: str) -> Any:
        info = self._named.get(name)
        if info is None:
            raise KeyError(f"There is no item named {name!r} in the archive")
        return info

    def open(self, name: str) -> IO[bytes]:
        return self._archive().open(name)

    def read(self, name: str) -> bytes:
        return self._archive().read(name)

    def _archive(self) -> zipfile.ZipFile:
        if self._zip is None:
            self._zip = zipfile.ZipFile(io.BytesIO(self._data))
        return self._zip

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Directory:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _plain_directory(data: bytes) -> list[Part] | None:
    """The parts of the zip in `data` in the plain case (see the module), else None."""
    end = len(data) - _END.size
    if end < _ZIP64_LOCATOR_BYTES or data[end : end + 4] != _END_SIGNATURE:
        return None
    if data[-2:] != b"\0\0":  # an archive comment: zipfile searches for the record
        return None
    locator = end - _ZIP64_LOCATOR_BYTES
    if data[locator : locator + 4] == _ZIP64_LOCATOR_SIGNATURE:
        return None
    size, offset = _END.unpack_from(data, end)[5:7]
    if offset + size != end:  # a zip after other bytes (zipfile's "concat"), or a bad size
        return None
    parts: list[Part] = []
    position, unpack, entry_size = offset, _CENTRAL_READ.unpack_from, _CENTRAL_READ.size
    while position < end:
        if position + entry_size > end:
            return None
        (signature, version, flags, method, crc, packed, size, name_length, extra_length,
         comment_length, header) = unpack(data, position)  # fmt: skip
        if signature != _CENTRAL_SIGNATURE or extra_length or version > zipfile.MAX_EXTRACT_VERSION:
            return None
        start = position + entry_size
        position = start + name_length + comment_length
        if position > end:
            return None
        raw = data[start : start + name_length]
        if b"\0" in raw:  # zipfile cuts the name there
            return None
        try:
            # A name in ASCII reads the same in either (cp437's first 128 are ASCII's), and the
            # UTF-8 codec is found and run with fewer instructions (cp437's charmap: some 4 k
            # instructions more a part).
            name = raw.decode("utf-8" if flags & _UTF8_NAME or raw.isascii() else "cp437")
        except UnicodeDecodeError:
            return None
        # tuple.__new__ itself: a NamedTuple's own __new__ is a Python call more for each part.
        parts.append(_new_part(Part, (name, flags, method, crc, packed, size, header)))
    return parts


_new_part = tuple.__new__

# What the readers of parts are given: a Directory, or zipfile's own (an older caller, a test).
Archive = Directory | zipfile.ZipFile
