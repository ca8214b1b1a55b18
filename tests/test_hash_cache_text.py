"""The hash cache's text laid out without json's encoder: the same text, byte for byte, as
json's compact form of {"format": 1, "files": {name: [size, inode, mtime, ctime, sha256]}}."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch.hash_cache import _FORMAT, _STAMP, _pieces

_files = st.lists(
    st.tuples(
        st.text(),  # any name: quotes, tabs, non-ASCII, lone surrogates (undecodable bytes)
        st.integers(0, 2**64 - 1), st.integers(0, 2**64 - 1),
        st.integers(-(2**63), 2**63 - 1), st.integers(-(2**63), 2**63 - 1),
        st.binary(min_size=32, max_size=32),
    ),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(files=_files)
def test_the_cache_text_is_json_s_compact_text(files: list[tuple[str, int, int, int, int, bytes]]
                                               ) -> None:
    records = [(name, _STAMP.pack(size, inode, mtime, ctime) + digest)
               for name, size, inode, mtime, ctime, digest in files]
    expected = json.dumps(
        {"format": _FORMAT,
         "files": {name: [size, inode, mtime, ctime, digest.hex()]
                   for name, size, inode, mtime, ctime, digest in files}},
        separators=(",", ":"),
    )  # fmt: skip
    names = [name for name, *_ in files]
    if len(set(names)) == len(names):  # a dict keeps one entry per name; the cache never repeats
        assert "".join(_pieces(records)) == expected
