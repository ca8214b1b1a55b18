"""The kinds' table and the lists that follow it: starters, `vanthu new`, Phụ lục III."""

from __future__ import annotations

import pytest

from pipeline.cli import NEW_KINDS
from pipeline.kinds import KINDS, DocumentKind
from pipeline.rules.doc_types import document_types
from pipeline.starters import COMPANIONS, STARTERS, read_starter


def test_every_starter_is_offered_by_vanthu_new() -> None:
    starters = [name for kind in KINDS.values() for name in kind.starters]
    assert sorted(NEW_KINDS) == sorted(STARTERS) == sorted(starters) == sorted(COMPANIONS)
    for name in starters:
        assert read_starter(f"{name}.yaml").startswith("#")


@pytest.mark.parametrize(
    ("kind", "starter"),
    [(k, name) for k in KINDS.values() for name in k.starters],
    ids=lambda value: value if isinstance(value, str) else value.code,
)
def test_every_starter_renders_as_it_is_and_passes_verify(
    kind: DocumentKind, starter: str, tmp_path
) -> None:
    from pipeline.verify import verify_file
    from tests.typed_docs import render_starter

    report = verify_file(render_starter(starter, tmp_path))
    assert report.doc_type == kind.code and report.ok, [v.rule for v in report.violations]


def test_every_kind_is_a_type_of_phu_luc_iii() -> None:
    types = document_types()
    for code, kind in KINDS.items():
        assert code in types
        assert kind.template == code.replace("_", "-")


def test_a_starters_commented_wording_is_valid(tmp_path) -> None:
    """The commented cau_chu: block of a starter, uncommented, still renders (quyet-dinh's
    shows wording for a list with one money level, which its starter list does not have)."""
    from datetime import date

    from pipeline.api import Renderer
    from pipeline.starters import starter_text
    from pipeline.workspace import Workspace
    from tests.typed_docs import REPO, TEMPLATES, uncommented_wording

    for name in ("to-trinh", "cong-van", "giay-moi"):
        text = starter_text(
            name, "van-phong-ubnd-son-la", "TH", "chanh-van-phong", date(2026, 1, 1)
        )
        if "# cau_chu:" not in text:
            continue
        folder = tmp_path / "inputs" / "2026"
        folder.mkdir(parents=True, exist_ok=True)
        (tmp_path / "inputs" / "co-quan").mkdir(exist_ok=True)
        profile = REPO / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml"
        (tmp_path / "inputs" / "co-quan" / profile.name).write_bytes(profile.read_bytes())
        for companion in COMPANIONS[name]:
            (folder / companion).write_text(read_starter(companion), "utf-8-sig")
        path = folder / f"{name}.yaml"
        path.write_text(uncommented_wording(text), "utf-8")
        document = Workspace.containing(path).load(path)
        assert document.info.data.cau_chu is not None, name
        assert Renderer(TEMPLATES).render(document)


def test_kinds_are_made_when_asked_for_and_named_without_import() -> None:
    from pipeline.form_fields import kind_named
    from pipeline.kinds import TEMPLATES, kind_of

    assert list(KINDS) == list(TEMPLATES) and len(KINDS) == 9
    assert "quyet_dinh" in KINDS and "quyet-dinh" not in KINDS and kind_of("khong_co") is None
    assert KINDS.get("khong_co") is None
    with pytest.raises(KeyError):
        KINDS["khong_co"]  # noqa: B018 - a mapping's refusal, as a dict's
    for code, kind in KINDS.items():
        assert kind.code == code and kind.template == TEMPLATES[code]
        assert KINDS[code] is kind  # made once
        assert kind_named(code) is kind is kind_named(kind.template)


def test_the_models_annotations_are_not_postponed() -> None:
    """pipeline.model's fields are annotated with types, not texts pydantic would compile and
    evaluate at every start (pipeline/model/__init__.py)."""
    import importlib
    import pkgutil

    import pipeline.model

    for found in pkgutil.iter_modules(pipeline.model.__path__):
        module = importlib.import_module(f"pipeline.model.{found.name}")
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                texts = [k for k, v in value.__dict__.get("__annotations__", {}).items()
                         if isinstance(v, str)]  # fmt: skip
                assert not texts, (module.__name__, value.__name__, texts)
