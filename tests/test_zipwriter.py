"""The zip writer: archives any zip reader opens, the same bytes for the same members."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.render.zipwriter import Member, ZipAround, write_zip

PARTS = [
    Member.deflate(name, data)
    for name, data in [
        ("[Content_Types].xml", b"<Types/>"),
        ("word/styles.xml", b"<w:styles>" + b"x" * 5000 + b"</w:styles>"),
        ("t\u00e0i li\u1ec7u/\u1ea3nh.xml", "ảnh".encode()),  # a UTF-8 name
        ("empty.xml", b""),
    ]
]


def test_write_zip_is_read_back() -> None:
    with zipfile.ZipFile(io.BytesIO(write_zip(PARTS))) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [m.name for m in PARTS]
        assert archive.read("word/styles.xml").startswith(b"<w:styles>xxx")


@pytest.mark.parametrize("index", range(len(PARTS)))
def test_zip_around_one_member_is_write_zip(index: int) -> None:
    before, after = PARTS[:index], PARTS[index + 1 :]
    package = ZipAround(before, after)
    for document in (PARTS[index], Member.deflate("word/document.xml", "Điều 1".encode() * 999)):
        assert package.write(document) == write_zip([*before, document, *after])
