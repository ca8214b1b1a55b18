"""pipeline.rules.part_order: the order of a document's parts (Nghị định 30/2020, Phụ lục I),
one table that `templates check` (render.structure) and `vanthu verify` (verify.rules_order)
both read."""

from __future__ import annotations

from pipeline.render import structure
from pipeline.rules import part_order
from pipeline.rules.part_order import (
    ADDRESSED,
    ATTACHED,
    BODY,
    HEADER,
    SIGNATURE,
    TITLE,
    attached_start,
    middle_out_of_order,
)
from pipeline.verify import rules_order


def test_the_decree_order() -> None:
    assert part_order.ORDER == (HEADER, TITLE, ADDRESSED, BODY, SIGNATURE, ATTACHED)
    assert part_order.MIDDLE == (TITLE, ADDRESSED, BODY)


def test_both_readers_read_the_one_table() -> None:
    for name in ("HEADER", "TITLE", "ADDRESSED", "BODY", "SIGNATURE", "ATTACHED"):
        assert getattr(structure, name) is getattr(part_order, name), name
        assert getattr(rules_order, name) is getattr(part_order, name), name
    assert rules_order.ORDER is part_order.ORDER
    assert set(structure.PART_STYLES.values()) == set(part_order.ORDER)


def test_middle_parts_in_order_or_left_out() -> None:
    assert middle_out_of_order([TITLE, TITLE, ADDRESSED, BODY, BODY]) == []
    assert middle_out_of_order([ADDRESSED, BODY]) == []  # a Công văn: no tên loại
    assert middle_out_of_order([TITLE, BODY]) == []  # a Quyết định: no Kính gửi
    assert middle_out_of_order([]) == []


def test_middle_parts_out_of_order() -> None:
    # Kính gửi after the body: said of Kính gửi, naming the body line before it.
    assert middle_out_of_order([TITLE, BODY, ADDRESSED, BODY]) == [(2, [1])]
    # The type name under the body and Kính gửi: said of the type name (its first line), then
    # of Kính gửi, each naming every later part's line before it.
    parts = [BODY, ADDRESSED, TITLE, TITLE, BODY]
    assert middle_out_of_order(parts) == [(2, [0, 1]), (1, [0])]


def test_attached_start() -> None:
    # The Nơi nhận and a body line under the signature are still the document's own.
    assert attached_start([(SIGNATURE, 1), (SIGNATURE, 1), (BODY, 1)]) == 3
    # A Phụ lục, a second document's header or tên loại, or another section opens one.
    for part in (ATTACHED, HEADER, TITLE):
        assert attached_start([(SIGNATURE, 1), (BODY, 1), (part, 1), (BODY, 1)]) == 2, part
    assert attached_start([(SIGNATURE, 1), (BODY, 2)]) == 1
    assert attached_start([]) == 0
