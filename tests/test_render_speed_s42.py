"""The render's own code paths made cheaper (issue 13) print what Jinja's sandbox prints."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from pipeline.api import Renderer, load_document
from pipeline.render.budget import BudgetExceeded, guard, guarded_range
from pipeline.render.compose import DataSandbox, DataUndefined


class _Row:
    """An object whose attributes a template reads (not a dict)."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)


class _Mapping(dict):  # type: ignore[type-arg]
    """A dict subclass: the sandbox's own lookup, not the compiled one, reads it."""


_TEMPLATES = [
    "{{ row.ho_ten }}|{{ row.muc.stt }}|{{ row.items is callable }}",
    "{% for dong in rows %}{{ dong.muc.ho_ten }}-{{ dong.nhom }};{% endfor %}",
    "{% for dong in rows if dong.nhom %}{{ dong.nhom }}{% endfor %}",
    "{% macro cell(x) %}[{{ x.stt }}]{% endmacro %}"
    "{% for d in rows %}{{ cell(d.muc) }}{% endfor %}",
    "{% set first = rows[0].muc %}{{ first.ho_ten }}{{ first.keys() | list | length }}",
    "{% with m = row.muc %}{{ m.stt }}{{ m.missing is defined }}{% endwith %}",
    "{{ row.muc.stt if row.muc else row.nhom }}{{ (row.muc or {}).ho_ten }}",
    "{% macro box() %}{{ caller().strip() }}{% endmacro %}"
    "{% call box() %} {{ row.ho_ten }} {% endcall %}",
    "{{ row.get('ho_ten') }}{{ row.values() | list | length }}{{ row.__len__ is defined }}",
    # Values printed together reading the same object (kept by the first: _shared_reads).
    "{% for dong in rows %}{{ dong.muc.stt }}|{{ dong.muc.ho_ten }}|{{ dong.nhom }}"
    "{{ dong.muc.stt }};{% endfor %}",
    "{{ nothing.muc.stt }}{{ row.muc.stt }}{{ row.muc.ho_ten }}",
    "{{ row.muc.stt ~ row.nhom }}{{ row.muc.ho_ten }}{{ row.muc.items is callable }}"
    "{{ row.muc.stt }}",
    "{% for dong in rows %}{% if dong.nhom %}{{ dong.nhom }}{% else %}<{{ dong.muc.stt }}|"
    "{{ dong.muc.ho_ten }}>{% endif %}{% endfor %}",
    "{% for dong in rows %}{% for d in rows %}{{ dong.muc.stt }}{{ d.muc.stt }}"
    "{{ dong.muc.ho_ten }}{% endfor %}{% endfor %}",
    # A value reading a name of dict's own among them.
    "{% for dong in rows %}{{ dong.muc.stt }}|{{ dong.muc.values is callable }}|"
    "{{ dong.muc.get }}{{ dong.muc.ho_ten }};{% endfor %}",
]

_values = st.one_of(st.text(max_size=5), st.integers(-5, 5), st.none())
_rows = st.lists(
    st.fixed_dictionaries(
        {"nhom": _values},
        optional={"muc": st.one_of(
            st.fixed_dictionaries({"stt": _values, "ho_ten": _values}),
            st.builds(_Row, stt=_values, ho_ten=_values),
            st.builds(lambda s: _Mapping(stt=s, ho_ten=s), _values),
            st.none(),
        )},
    ),  # fmt: skip
    min_size=1,
    max_size=4,
)


def _outcome(env: SandboxedEnvironment, source: str, data: dict[str, Any]) -> str:
    try:
        return env.from_string(source).render(data)
    except (SecurityError, UndefinedError, TypeError, AttributeError) as exc:
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=60, deadline=None)
@given(rows=_rows, row=_rows.map(lambda rows: rows[0]), index=st.integers(0, len(_TEMPLATES) - 1))
def test_compiled_lookups_print_what_the_sandbox_prints(
    rows: list[dict[str, Any]], row: dict[str, Any], index: int
) -> None:
    """A plain dict's item is read by the template's compiled code itself; every other value (an
    object, a dict subclass, a dict without the name, a dict method's name) goes through the
    sandbox: the output, or the error, is Jinja's sandbox's own."""
    source = _TEMPLATES[index]
    data = {"rows": rows, "row": {**row, "ho_ten": "A & B", "items": "key"}}
    ours = _outcome(DataSandbox(autoescape=True, undefined=DataUndefined), source, data)
    theirs = _outcome(SandboxedEnvironment(autoescape=True, undefined=DataUndefined), source, data)
    assert ours == theirs


def test_a_dict_item_is_read_without_the_sandbox_s_getattr() -> None:
    """The compiled code reads a plain dict's item itself; the sandbox's getattr is asked only
    for what is not one (an object's attribute, a name of dict's own)."""
    asked: list[str] = []

    class Counting(DataSandbox):
        def getattr(self, obj: Any, attribute: str) -> Any:
            asked.append(attribute)
            return super().getattr(obj, attribute)

    env = Counting(autoescape=True)
    source = "{{ row.muc.stt }}{{ row.obj.stt }}{{ row.muc.items is callable }}"
    out = env.from_string(source).render(row={"muc": {"stt": 1}, "obj": _Row(stt=2)})
    assert out == "12True"
    assert asked == ["stt", "items"]


def test_values_printed_together_read_what_they_share_once() -> None:
    """Values printed together that read the same object (a row's `dong.muc`) read it once,
    the first keeping it for the others (compose._shared_reads); each reads its own item."""
    asked: list[str] = []

    class Counting(DataSandbox):
        def getattr(self, obj: Any, attribute: str) -> Any:
            asked.append(attribute)
            return super().getattr(obj, attribute)

    env = Counting(autoescape=True, undefined=DataUndefined)
    source = "{{ row.obj.inner.stt }}-{{ row.obj.inner.ho_ten }}-{{ row.obj.stt }}"
    row = {"obj": _Row(stt=3, inner=_Row(stt=1, ho_ten="A & B"))}
    assert env.from_string(source).render(row=row) == "1-A &amp; B-3"
    assert asked == ["inner", "stt", "ho_ten", "stt"]
    # Printed apart, each value reads it again.
    asked.clear()
    apart = source.replace("-", "{{ '' }}{% if 1 %}-{% endif %}")
    assert env.from_string(apart).render(row=row) == "1-A &amp; B-3"
    assert asked.count("inner") == 2


@pytest.mark.parametrize(
    "expression", ["{{ row.__class__.__mro__ }}", "{{ row.pop.__self__ }}", "{{ row.mro }}"]
)
def test_the_sandbox_still_refuses_what_it_refused(expression: str) -> None:
    env = DataSandbox(autoescape=True, undefined=DataUndefined)
    data = {"row": {"mro": "x", "pop": "y"}}
    assert _outcome(env, expression, data) == _outcome(
        SandboxedEnvironment(autoescape=True, undefined=DataUndefined), expression, data
    )


def test_a_block_edited_between_two_renderers_prints_as_edited(tmp_path: Path) -> None:
    """Each engine reads its blocks once and no longer asks whether they changed: a block
    edited since is read by the next Renderer (a new engine), as before."""
    repo = Path(__file__).resolve().parents[1]
    document = load_document(repo / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml")
    templates = tmp_path / "templates"
    shutil.copytree(repo / "templates", templates)
    before = Renderer(templates)
    assert "ĐOẠN THÊM VÀO KHỐI" not in _body(before.render(document))
    block = templates / "khoi" / "ky-ten.docx"
    package = Document(str(block))
    package.add_paragraph("ĐOẠN THÊM VÀO KHỐI")
    package.save(str(block))
    assert "ĐOẠN THÊM VÀO KHỐI" in _body(Renderer(templates).render(document))
    assert "ĐOẠN THÊM VÀO KHỐI" not in _body(before.render(document))  # its own blocks


def _body(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_a_template_s_globals_are_the_guarded_environment_s_and_its_own() -> None:
    """A template's globals are one dict (DataSandbox.make_globals): the environment's as
    guard set them (its range, which stops at the budget's limit), under the template's own;
    the environment's are left as they were."""
    env = guard(DataSandbox(autoescape=True, undefined=DataUndefined))
    assert env.from_string("{{ range(3) | list }}").render() == "[0, 1, 2]"
    with pytest.raises(BudgetExceeded):
        env.from_string("{{ range(10 ** 6) | list | length }}").render()
    own = env.from_string("{{ range }}|{{ so }}", globals={"so": 5, "range": "riêng"})
    assert own.render() == "riêng|5"
    assert env.globals["range"] is guarded_range and "so" not in env.globals
    assert env.from_string("{{ so is defined }}").render() == "False"
