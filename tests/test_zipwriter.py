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


@pytest.mark.parametrize("level", [1, 6])
@pytest.mark.parametrize(
    "cuts", [[], [0], [1, 2, 3], [100, 5000, 5001], list(range(7, 30000, 997))]
)
def test_deflate_pieces_is_deflate_of_them_joined(level: int, cuts: list[int]) -> None:
    """The same member however the data is cut (bytes or views of them), as a render's
    document numbered around its drawings is deflated."""
    data = "".join(f"<w:p>Điều {k}: ế {k * k}</w:p>" for k in range(1500)).encode()
    bounds = [0, *cuts, len(data)]
    view = memoryview(data)
    spans = enumerate(zip(bounds, bounds[1:], strict=False))
    pieces = [view[a:b] if i % 2 else data[a:b] for i, (a, b) in spans]
    whole = Member.deflate("word/document.xml", data, level)
    assert Member.deflate_pieces("word/document.xml", pieces, level) == whole
