"""pipeline.load.yaml_source: the fast reader's short cuts give the answers of its full checks.

A file whose text leaves the text gate nothing to do has its values only measured and brought
to NFC; a file where no value looks like TCVN3 or VNI skips the walk that names the first one;
plain digits are read as ints without asking ruamel. Each short cut is compared with the path it
stands in for.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.load import yaml_source
from pipeline.load.yaml_source import (
    Source,
    _construct,
    _FastBuilder,
    _gate_free,
    _resolve,
    load_yaml,
    read_bytes,
    refuse_legacy_text,
)
from pipeline.text.legacy import TCVN3, encode_legacy

PATH = Path("x.yaml")

# Characters that make the gate's work differ: NFD letters and lone combining marks, the
# spaces and zero-width characters it normalises, ones it refuses, CR, tab and YAML syntax.
ALPHABET = st.sampled_from(
    [*"aAz09 :#-'\"|>", "ộ", "o\u0302\u0323", "\u0301", "\u0323", "\t", "\r\n", "\r", "\n  ",
     "\u00a0", "\u200b", "\ufeff", "\u2028", "\x07", "\x85", "\u202e", "\\", "\\n", "\\x07",
     "\\u00a0", "đ", "Céng hoµ x· héi"]
)  # fmt: skip


def _result(builder: _FastBuilder) -> tuple[str, Any, Any]:
    """What a builder gives: its values and lines, or the error it raises (key, line, field)."""
    try:
        data = builder.build()
    except InputError as exc:
        return ("error", (exc.key, exc.line, exc.field, exc.params.get("char")), None)
    except Exception as exc:  # noqa: BLE001 - _Fallback: the slow reader takes over
        return ("fallback", type(exc).__name__, None)
    return ("data", data, builder.lines)


def _document(values: list[str], styles: list[int]) -> str:
    lines = ["loai: ke_hoach"]
    for index, (value, style) in enumerate(zip(values, styles, strict=True)):
        if style == 0:
            lines.append(f"k{index}: {value}")
        elif style == 1:
            lines.append(f"k{index}: '{value}'")
        elif style == 2:
            lines.append(f'k{index}: "{value}"')
        elif style == 3:
            lines.append(f"k{index}: >\n  {value}\n  {value}")
        else:
            lines.append(f"k{index}:\n  - {value}")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(ALPHABET, max_size=6).map("".join), min_size=1, max_size=4),
    st.lists(st.integers(0, 4), min_size=4, max_size=4),
)
def test_gate_free_files_read_as_through_the_gate(values: list[str], styles: list[int]) -> None:
    text = _document(values, styles[: len(values)])
    assume(_gate_free(text))  # not a silent return: hypothesis fails if most are left out
    short_cut = _result(_FastBuilder(PATH, text, gate_free=True))
    assert short_cut == _result(_FastBuilder(PATH, text, gate_free=False))


@pytest.mark.parametrize(
    "text, free",
    [
        ("a: Lò Văn Mạnh\r\nb: '1'\r\n", True),
        # NFD: its marks looked at once composed, where one no letter took is refused (s48)
        ("a: Lo\u0323\u0302c\n", False),
        ('a: "\\x07"\n', False),  # an escape can make any character
        ("a: Nguyễn\u00a0An\n", False),
        ("a: b\x07\n", False),
    ],
)
def test_gate_free(text: str, free: bool) -> None:
    assert _gate_free(text) is free


def test_nfd_text_in_a_gate_free_file_is_composed(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("loai: ke_hoach\nten: Lo\u0323\u0302c\r\nds:\n  - 'Ho\u0300a'\n", "utf-8")
    assert load_yaml(path).data == {"loai": "ke_hoach", "ten": "Lộc", "ds": ["Hòa"]}


LEGACY = encode_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam", TCVN3).decode("cp1252")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Lò Văn Mạnh", LEGACY, "abc", "Céng", "12"]), max_size=5))
def test_maybe_legacy_when_the_walk_finds_legacy_text(values: list[str]) -> None:
    text = "loai: ke_hoach\n" + "".join(f"k{i}: {json.dumps(v)}\n" for i, v in enumerate(values))
    builder = _FastBuilder(PATH, text)
    source = Source(PATH, builder.build(), builder.lines)
    try:
        refuse_legacy_text(source)
    except InputError:
        assert builder.maybe_legacy
    else:
        assert builder.maybe_legacy == (LEGACY in values)


def test_legacy_text_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"loai: ke_hoach\nds:\n  - a\n  - {LEGACY}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    found = (caught.value.key, caught.value.line, caught.value.field)
    assert found == ("data.legacy_text", 4, "ds[2]")


@pytest.mark.parametrize("digits", ["0", "7", "00", "012", "08", "2022", "1" * 18, "9" * 18])
def test_plain_digits_read_as_ruamel_reads_them(digits: str) -> None:
    value = _FastBuilder(PATH, f"x: {digits}\n").build()["x"]
    expected = _construct(_resolve(digits), digits)
    assert value == expected and type(value) is type(expected) is int


@pytest.mark.parametrize("told", [0, 10, 99, 100])
def test_a_file_read_whole_whatever_stat_said(tmp_path: Path, monkeypatch, told: int) -> None:
    """read_bytes reads what stat said and one byte more, then on to the limit if it grew."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a" * 100)
    real = os.stat

    def stat_told(name: Any, **options: Any) -> os.stat_result:
        info = real(name, **options)
        return _sized(info, told) if name == path else info

    monkeypatch.setattr(yaml_source.os, "stat", stat_told)
    assert read_bytes(path) == b"a" * 100
    with pytest.raises(InputError) as caught:
        read_bytes(path, limit=50)
    assert caught.value.key == "data.file_too_large"
    assert caught.value.params["size"] == max(told, 51)  # what stat said, else what was read


def _sized(info: os.stat_result, size: int) -> os.stat_result:
    fields = list(info)
    fields[stat.ST_SIZE] = size
    return os.stat_result(fields)


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("loai: ke_hoach\nngay: 01/02/2024\nngay: 02/02/2024\n", "ngay", 3),
        ('a: 1\nb:\n  c: 2\n  "c": 3\n', "c", 4),
        ("a: 1\nb: {c: 2, 'c': 3}\n", "c", 2),
    ],
)
def test_a_duplicate_key_is_named_at_its_second_line(
    tmp_path: Path, text: str, key: str, line: int
) -> None:
    path = tmp_path / "trung.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.key == "data.duplicate_key" and caught.value.line == line
    assert f"khóa '{key}' xuất hiện hai lần" in caught.value.message("vi")
    assert f"the key '{key}' appears twice" in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "key", "line", "words"),
    [
        ("a: 1\nb:\n  c: 2\n d: 3\n", "data.yaml_indent", 4, "thụt lề"),
        ("a: 1\nb: Tháng 6: sơ kết\n", "data.yaml_colon", 2, "dấu nháy kép"),
        ('a: 1\nb: "Thi đua\nc: 2\n', "data.yaml_quote", 2, "không có dấu nháy đóng"),
        # Said where the bracket opened, not where the parser gave up (s48).
        ("a: [Thi đua\nb: 2\n", "data.yaml_bracket", 1, "thiếu ']'"),
        ("a: {x: 1\nb: 2\n", "data.yaml_brace", 1, "thiếu '}'"),
        # A quote left open, the keys below read into the value until a comment's quote
        # closes it: said at the quote, not where the parser stumbled (s48).
        ('a: 1\nb: "Thi đua\n\nc:   # một dòng "- ..."\n  - x\n', "data.yaml_quote", 2,
         "không có dấu nháy đóng"),
        ("a: 1\nb: 'Thi đua\nc:   # it's\n  - x\n", "data.yaml_quote", 2,
         "không có dấu nháy đóng"),
        ("a: 1\nb: @x\n", "data.yaml_start_char", 2, "ký tự '@'"),
        ("a: *x\n", "data.yaml_start_char", 1, "ký tự '*'"),
    ],
)
def test_common_yaml_slips_are_said_in_the_clerks_terms(
    tmp_path: Path, text: str, key: str, line: int, words: str
) -> None:
    path = tmp_path / "loi.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert (caught.value.key, caught.value.line) == (key, line)
    message = caught.value.message("vi")
    assert words in message and "expected" not in message and "found" not in message
    assert "YAML syntax error" in caught.value.message("en")


def test_the_resolvers_written_out_are_ruamels() -> None:
    """The fast path's YAML 1.2 resolvers (yaml_source._RESOLVERS, written out so that ruamel
    is not imported for them) are ruamel's own: the same tags, patterns, flags, first characters
    and order. A ruamel whose rules change fails here, not in a clerk's file."""
    from ruamel.yaml.resolver import implicit_resolvers

    theirs = [(tag, regexp.pattern, regexp.flags, tuple(first))
              for versions, tag, regexp, first in implicit_resolvers
              if (1, 2) in versions]  # fmt: skip
    ours = [(tag, compiled.pattern, compiled.flags, firsts)
            for tag, pattern, flags, firsts in yaml_source._RESOLVERS
            for compiled in [yaml_source.re.compile(pattern, flags)]]  # fmt: skip
    assert ours == theirs


@pytest.mark.parametrize(
    "value",
    ["", "~", "null", "Null", "nulls", "true", "TRUE", "tRue", "false", "yes", "no", "on", "n",
     "0", "-1", "+1", "1_000", "0x1F", "0o17", "0b101", "017", "08", "1.5", "1e3", ".5", "-.inf",
     ".nan", "2022-01-05", "2022-1-5 10:00:00", "2022-01-05T10:00:00Z", "05/12/2022", "1,5",
     "<<", "=", "12:30", "1:20", "nan", "+", "-", ".", "3.", "-3.e5", "1e", "0x", "_1", "ngay",
     "trich_yeu", "Tập thể"],
)  # fmt: skip
def test_plain_scalars_resolve_as_ruamel_resolves_them(value: str) -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode

    theirs = YAML(typ="rt").resolver.resolve(ScalarNode, value, (True, False))
    assert _resolve(value) == str(theirs)


def test_a_file_the_fast_path_reads_imports_no_ruamel(tmp_path: Path) -> None:
    """ruamel.yaml (some 10 ms of a run's start) is imported for the slow path only: loading
    documents (pipeline.load.documents, and what it imports) and a file of text, dates, plain
    numbers and keys that try ruamel's patterns (null, true, a date) need none of it. In a
    process of its own, as this one has imported ruamel already."""
    import subprocess
    import sys

    import pipeline

    path = tmp_path / "qd.yaml"
    path.write_text(
        "loai: quyet_dinh\nso: 12\nngay: 05/12/2022\ntrich_yeu: Về việc\nnoi_nhan:\n"
        "  - Như trên\n  - Lưu: VT\nx: null\ny: 2022-01-05\nn: ~\n", "utf-8",
    )  # fmt: skip
    code = (
        "import sys; from pathlib import Path; import pipeline.load.documents;"
        "from pipeline.load.yaml_source import load_yaml;"
        f"d = load_yaml(Path({str(path)!r})).data; assert d['so'] == 12 and d['x'] is None, d;"
        "print(sorted(m for m in sys.modules if m.startswith('ruamel')))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(pipeline.__file__).parents[1])}
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env=env)  # fmt: skip
    assert found.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: | Thi đua\n", 2, "sau dấu '|' hoặc '>'"),
        ("a: 1\nb: [\n", 3, "tệp hết giữa chừng một giá trị"),
        ('a: 1\nb: "x" - y\n', 2, "có dấu '- ' (một mục của danh sách) ở chỗ không có"),
    ],
)
def test_the_parsers_other_problems_are_said_in_the_catalogues_words(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "loi.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert (caught.value.key, caught.value.line) == ("data.yaml_syntax", line)
    message, english = caught.value.message("vi"), caught.value.message("en")
    assert words in message, message
    for said in (message, english):
        assert "expected" not in said and "found" not in said and "not allowed" not in said


def test_a_quote_closed_on_a_later_line_is_not_blamed(tmp_path: Path) -> None:
    """A text in double quotes over two lines is YAML's own: the slip below it is said as the
    parser finds it, not at the quote."""
    path = tmp_path / "loi.yaml"
    path.write_text('a: "Thi đua\n  khen thưởng"\nb: 1\n c: 2\n', "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.key != "data.yaml_quote" and caught.value.line == 4


@pytest.mark.parametrize("text, value", [("k: !!str 5\n", "5"), ("k: !!str\n", ""),
                                         ('k: !!str "Lò Văn Mạnh"\n', "Lò Văn Mạnh")])
def test_the_slow_reader_reads_a_str_tag_as_the_fast_one_does(text: str, value: str) -> None:
    """`!!str` before a value: the text typed, on either path (s58: the slow path, which reads
    a file the fast one falls back on, refused it naming the Python type 'TaggedScalar')."""
    assert _FastBuilder(PATH, text).build() == {"k": value}
    assert yaml_source._slow_load(PATH, text)[0] == {"k": value}
