"""A template prepared without a fault is not searched for faults again while its files and
vanthu's code are the same (pipeline.render.fault_verdict); any other is searched, and refused
in the same words, as without the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import TemplateError
from pipeline.i18n import set_language
from pipeline.render import engine, fault_verdict
from pipeline.render.compose import TemplateLibrary
from pipeline.render.engine import Engine
from pipeline.render.template_cache import CACHE_ENV
from tests.office_templates import office_folder
from tests.test_template_structure import edit_docx

# A print tag missing a brace in a Quyết định's body (tests/test_template_structure.py).
FAULT = ("{{ theo_de_nghi }}", "{{ theo_de_nghi }")
SIGNATURE_FAULT = ("{{", "{")  # a print tag missing its brace in the signature block


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The template files the engines search for faults (the first search of each), in order."""
    calls: list[str] = []
    real = engine.package_faults

    def counted(library: TemplateLibrary, name: str, named: bool = True) -> list:  # type: ignore[type-arg]
        calls.append(name)
        return real(library, name, named)

    monkeypatch.setattr(engine, "package_faults", counted)
    return calls




def refusal(folder: Path, name: str) -> tuple[str, str, str]:
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(folder)).prepare(name)
    error = caught.value
    return error.key, error.message("vi"), error.location("en")


def test_a_template_without_faults_is_searched_once(cache: Path, searched: list[str]) -> None:
    first = Engine(TemplateLibrary()).prepare("quyet-dinh")
    assert searched[-1] == "quyet-dinh" and "khoi/ky-ten" in searched  # its blocks too
    searched.clear()
    warm = Engine(TemplateLibrary())
    again = warm.prepare("quyet-dinh")
    assert searched == []
    assert again.source == first.source and again.continued == first.continued
    warm.prepare("ke-hoach")  # another type, by the same engine: searched, its blocks too
    assert searched[-1] == "ke-hoach" and "khoi/ky-ten" in searched


def test_without_a_cache_every_engine_searches(
    searched: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, "")

    def no_key(library: TemplateLibrary, name: str) -> bytes:
        raise AssertionError("a key made for no cache")

    monkeypatch.setattr(engine, "fault_key", no_key)
    Engine(TemplateLibrary()).prepare("quyet-dinh")
    Engine(TemplateLibrary()).prepare("quyet-dinh")
    assert searched.count("quyet-dinh") == 2


def test_another_vanthu_searches_again(
    cache: Path, searched: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Engine(TemplateLibrary()).prepare("quyet-dinh")
    monkeypatch.setattr(fault_verdict, "fault_code_identity", lambda: "another vanthu")
    searched.clear()
    Engine(TemplateLibrary()).prepare("quyet-dinh")
    assert "quyet-dinh" in searched


def test_a_copy_edited_since_it_came_through_is_refused_as_without_the_cache(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = office_folder(tmp_path, "quyet-dinh", "khoi/ky-ten")
    Engine(TemplateLibrary(folder)).prepare("quyet-dinh")  # no fault yet: remembered
    edit_docx(folder / "quyet-dinh.docx", *FAULT)
    cached = refusal(folder, "quyet-dinh")
    assert cached == refusal(folder, "quyet-dinh")  # refused each time: a fault is not kept
    assert cached[0] == "tpl.unclosed_tag"
    monkeypatch.setenv(CACHE_ENV, "")
    assert refusal(folder, "quyet-dinh") == cached


def test_a_shared_block_edited_since_is_refused_for_every_type(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every block is in each type's key: a block edited after a type came through is searched
    (and refused) when that type is prepared again, whichever type it is."""
    folder = office_folder(tmp_path, "khoi/ky-ten")
    for name in ("quyet-dinh", "ke-hoach"):
        Engine(TemplateLibrary(folder)).prepare(name)
    edit_docx(folder / "khoi" / "ky-ten.docx", *SIGNATURE_FAULT)
    refusals = [refusal(folder, name) for name in ("quyet-dinh", "ke-hoach")]
    monkeypatch.setenv(CACHE_ENV, "")
    assert refusals == [refusal(folder, name) for name in ("quyet-dinh", "ke-hoach")]
    assert all("ky-ten.docx" in location for _, _, location in refusals)


def test_an_unreadable_file_is_no_key() -> None:
    library = TemplateLibrary()
    assert fault_verdict.fault_key(library, "quyet-dinh") is not None
    assert fault_verdict.fault_key(library, "khong-co-mau-nay") is None  # said by preparing it
