"""The kinds' table and the lists that follow it: starters, `vanthu new`, Phụ lục III."""

from __future__ import annotations

from pipeline.cli import NEW_KINDS
from pipeline.kinds import KINDS
from pipeline.rules.doc_types import document_types
from pipeline.starters import COMPANIONS, STARTERS, read_starter


def test_every_starter_is_offered_by_vanthu_new() -> None:
    starters = [kind.starter for kind in KINDS.values() if kind.starter]
    assert sorted(NEW_KINDS) == sorted(STARTERS) == sorted(starters) == sorted(COMPANIONS)
    for name in starters:
        assert read_starter(f"{name}.yaml").startswith("#")


def test_every_kind_is_a_type_of_phu_luc_iii() -> None:
    types = document_types()
    for code, kind in KINDS.items():
        assert code in types
        assert kind.template == code.replace("_", "-")
