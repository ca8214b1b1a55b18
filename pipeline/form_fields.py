"""The fields a form for one document type asks for, read from the type's data model.

Each field is its data key, whether the form must give it, its default, its JSON schema as
pydantic gives it (a `$ref` names a part of the type's schema, `model_json_schema()["$defs"]`)
and a description: the model's own, else that of the part the field holds (a Mục, a Biên bản's
time), else the short one below, for the fields the models leave undescribed. Descriptions are
in English, as the models write them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import UsageError
from pipeline.kinds import KINDS, TEMPLATES
from pipeline.load.contract import DocumentKind

# For the fields whose model says nothing of them, nor of the part they hold.
UNDESCRIBED: dict[str, str] = {
    "loai": "the document type (its code: ke_hoach, quyet_dinh ...)",
    "ngay": "the date of issue: 05/01/2026",
    "trich_yeu": "trích yếu: what the document is about, after the type's name",
    "noi_nhan": "Nơi nhận: one recipient a line; {nhom: <id>} for a group of the agency profile",
    "mo_dau": "the opening paragraphs (grounds, purpose)",
    "ket_thuc": "the closing sentence; './.' is added",
    "can_cu": "the căn cứ lines: the laws and documents the decision rests on, one a line",
    "kinh_gui": "Kính gửi: whom it is addressed to (one, or a list)",
    "kinh_moi": "Kính mời: who is invited (one, or a list)",
    "noi_dung": "the body: paragraphs, dash or point lists",
    "dia_diem": "where it takes place",
    "thanh_phan": "who attends (one, or a list)",
    "ket_luan": "the conclusion: paragraphs, dash or point lists",
}

# A field one type holds otherwise than the others of its name (UNDESCRIBED): a Giấy mời's
# noi_dung is one line after "Nội dung:", not a body of paragraphs and lists.
UNDESCRIBED_OF: dict[tuple[str, str], str] = {
    ("giay_moi", "noi_dung"): "Nội dung: what the meeting is about, one text (optional)",
}


def taken_from_elsewhere(code: str) -> tuple[str, ...]:
    """Fields type `code` takes from another document and refuses from its own data (a Giấy
    khen batch: its decision's number, date, office, signer...): none of its form's. The Giấy
    khen's model imported here, not with this module (which every build imports, by api)."""
    if code != "giay_khen":
        return ()
    from pipeline.model.giay_khen import INHERITED

    return INHERITED


@dataclass(frozen=True)
class FormField:
    """One field of a document type's data, as a form asks for it."""

    name: str  # the data key: trich_yeu
    required: bool
    description: str | None
    default: Any = None  # what an optional field is without a value (None: nothing)
    schema: Mapping[str, Any] = field(default_factory=dict)  # its JSON schema (pydantic)


def kind_named(name: str) -> DocumentKind:
    """The document type `name` names: its code (ke_hoach) or its template (ke-hoach); a
    UsageError naming the types there are for any other."""
    # By TEMPLATES, not by each kind's template: only the kind named is imported (KINDS).
    code = name if name in KINDS else next((c for c, t in TEMPLATES.items() if t == name), None)
    if code is None:
        raise UsageError("data.unknown_type", value=name, known=", ".join(sorted(KINDS)),
                         hint="")
    return KINDS[code]


def form_fields(kind: str) -> list[FormField]:
    """The fields of document type `kind` (ke_hoach or ke-hoach), in the model's order; a field
    the model only reads to refuse it (a Báo cáo's `bang`, kept in a khoản), or that the type
    takes from another document (taken_from_elsewhere), is none."""
    found_kind = kind_named(kind)
    model = found_kind.model
    schema = model.model_json_schema()
    parts = schema.get("$defs", {})
    required = set(schema.get("required", ()))
    found = []
    elsewhere = taken_from_elsewhere(found_kind.code)
    for name, info in model.model_fields.items():
        key = info.alias or name
        if info.exclude or key in elsewhere:
            continue
        described = schema["properties"][key]
        text = (described.get("description") or part_description(described, parts)
                or UNDESCRIBED_OF.get((found_kind.code, key)) or UNDESCRIBED.get(key))
        needed = key in required
        found.append(FormField(
            name=key, required=needed, description=" ".join(text.split()) if text else None,
            default=None if needed else info.get_default(call_default_factory=True),
            schema=described,
        ))
    return found


def part_description(schema: Mapping[str, Any], parts: Mapping[str, Any]) -> str | None:
    """The description of the one part a field holds (itself, a list of it, or it or
    nothing), from the type's `$defs`; None when it holds none, or several kinds of part."""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    if len(options) != 1:
        return None
    held = options[0].get("items", options[0])
    ref = held.get("$ref", "") if isinstance(held, Mapping) else ""
    part = parts.get(ref.rpartition("/")[2]) if ref.startswith("#/$defs/") else None
    return part.get("description") if part else None
