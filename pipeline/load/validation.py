"""Turn pydantic's validation errors into one InputError that names file, line and field.

Every part of the message is a catalogue Phrase, said in the language the message is shown in
(message("en") is English whatever language was current when the error was raised). Advice about
typing YAML (quotes, the colon, '- ' lines) is given only for a file: data given as a mapping (a
web form, Workspace.load_mapping) was never typed as YAML, so its value is said in plain terms.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from pipeline.errors import InputError
from pipeline.load.yaml_source import Path_, Source
from pipeline.model.base import FIRST_YEAR, LAST_YEAR
from pipeline.model.document import AUTO_NUMBER
from pipeline.model.errors import library_reason
from pipeline.patterns import lazy
from pipeline.phrase import Phrase
from pipeline.text.normalize import slug

M = TypeVar("M", bound=BaseModel)


def typed_as_yaml(source: Source) -> bool:
    """Whether `source` was typed as a YAML file, so that advice about YAML fits: a file's
    keys all have lines (it is never empty); a mapping given by a program (a form) has none."""
    return bool(source.lines)


def _data_path(source: Source, loc: tuple[Any, ...], prefix: Path_) -> Path_:
    """The part of pydantic's loc that names keys and items of the file (not union members)."""
    path: list[str | int] = list(prefix)
    for part in loc:
        candidate = (*path, part)
        if candidate in source.lines or isinstance(part, int) or _holds(source.data, candidate):
            path.append(part)
        elif isinstance(part, str) and part.isidentifier() and part[0].islower():
            path.append(part)  # a missing key: it is not in the file, but it is the field
    return tuple(path)


def _holds(data: Any, path: Path_) -> bool:
    """Whether the data has a key at `path`: a form's keys have no line, and a key such as 1 or
    "Trích yếu" is still the field a form can point at."""
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return False
    return True


def _rank(error: ErrorDetails) -> tuple[int, int]:
    # Prefer the error that went deepest into the data, and among those a missing field or a
    # bad value over a union member that never applied.
    union_noise = error["type"] in ("string_type", "model_type", "dict_type")
    return (len(error["loc"]), 0 if union_noise else 1)


def _misspelt_key(errors: list[ErrorDetails]) -> ErrorDetails | None:
    """An unknown key that is a misspelling of a missing one (ket_thuk for ket_thuc).

    Reported as the unknown key at its own line, with the suggestion, rather than as the
    required field missing at the line of the mapping.
    """
    missing = {(e["loc"][:-1], str(e["loc"][-1])) for e in errors if e["type"] == "missing"}
    for error in errors:
        if error["type"] != "extra_forbidden" or not error["loc"]:
            continue
        parent, name = error["loc"][:-1], str(error["loc"][-1])
        names = [m for p, m in missing if p == parent]
        # A close spelling, or the one key missing beside the one unknown (mo_dau written
        # where a Công văn needs noi_dung): the key the clerk wrote is where to look.
        if difflib.get_close_matches(name, names, n=1) or (len(names) == 1 and sum(
            1 for e in errors if e["type"] == "extra_forbidden" and e["loc"][:-1] == parent
        ) == 1):
            return error
    return None


def to_input_error(
    exc: ValidationError, source: Source, model: type[BaseModel], prefix: Path_ = ()
) -> InputError:
    """The most telling error of `exc`, located in `source`."""
    errors = exc.errors(include_url=False)
    typed = typed_as_yaml(source)
    for candidate in errors:
        value = candidate.get("input")
        if typed and (
            candidate["type"] == "string_type" and isinstance(value, dict) and len(value) == 1
        ):
            # YAML read "Tháng 6: sơ kết" as a key and a value: the text needs quotes.
            path = _data_path(source, candidate["loc"], prefix)
            return InputError(
                "data.colon_in_text", file=source.path, line=source.line_of(path),
                field=_dotted(path),
            )  # fmt: skip
    error = _misspelt_key(errors) or max(errors, key=_rank)
    path = _data_path(source, error["loc"], prefix)
    kind = error["type"]
    line = source.line_of(path)
    where: dict[str, Any] = {"file": source.path, "line": line, "field": _dotted(path)}
    if kind == "missing":
        if len(path) <= 1:  # a key of the whole file: no line holds it (line 1 may be a comment)
            where["line"] = None
        return InputError("data.missing_field", **where)
    if kind == "extra_forbidden":
        parent_fields = _fields_at(model, error["loc"][:-1])
        missing = [
            str(e["loc"][-1])
            for e in errors
            if e["type"] == "missing" and e["loc"][:-1] == error["loc"][:-1]
        ]
        close = difflib.get_close_matches(str(error["loc"][-1]), missing, n=1)
        close = close or difflib.get_close_matches(str(error["loc"][-1]), parent_fields, n=1)
        hint: str = Phrase("data.did_you_mean", name=close[0]) if close else ""
        if not close and len(missing) == 1:
            hint = Phrase("data.instead_of_missing", name=missing[0])
        return InputError("data.unknown_field", hint=hint, **where)
    if kind == "date_empty":
        return InputError("data.date_empty", **where)
    if kind == "bad_date":
        return InputError("data.bad_date", value=error["ctx"]["value"], **where)
    if kind == "date_year":
        return InputError("data.date_year", value=error["ctx"]["value"], first=FIRST_YEAR,
                          last=LAST_YEAR, **where)  # fmt: skip
    value = error.get("input")
    if value is None and kind in ("string_type", "int_type", "list_type", "dict_type"):
        # "ket_thuc:" with nothing after it: YAML reads no value, which is no text either.
        return InputError("data.empty_value" if typed else "data.empty_value_plain", **where)
    slip = _number_slip(errors, error)
    if slip is not None:
        key, said = slip
        return InputError(key, **said, **where)
    reason = library_reason(error, typed=typed)
    if kind == "vanthu" and _names_value(reason, value):
        # vanthu's own sentence that quotes what was typed ("giờ không hợp lệ '25:70': ...")
        # says it all: "giá trị không hợp lệ: ... (nhận được: '25:70')" would say it twice.
        # One quoting a part of the text quotes a value that is that part alone by chance (a
        # phrase "{{ x|upper }}" of cau_chu): it is about the part, so framed as any refusal.
        key = "data.invalid_value" if _quotes_a_part(reason) else "data.reason_alone"
        return InputError(key, reason=reason, **where)
    if not isinstance(value, dict | list):
        # A number as it was typed ("08", not the 8 YAML read: Source.typed), else as written.
        shown = None if isinstance(value, str) else source.typed.get(path)
        return InputError("data.wrong_type", reason=reason, value=shown or repr(value)[:60],
                          **where)  # fmt: skip
    # A check of the whole group, or of how many items a list holds: its reason says it all.
    if kind in ("vanthu", "value_error", "too_short", "too_long"):
        return InputError("data.invalid_value", reason=reason, **where)
    # A group where one value belongs (or the reverse): say what was written, in words.
    shown = Phrase(
        ("data.shown_mapping" if isinstance(value, dict) else "data.shown_list")
        + ("" if typed else "_plain")
    )
    return InputError("data.wrong_type", reason=reason, value=shown, **where)


# A document's number as printed, typed whole into `so:` ("03/PGDĐT-GDTrH", "Số: 03/QĐ-UBND"):
# the number, then "/" and the ký hiệu.
_printed_number = lazy(
    r"^\s*(?:s[ốo]\s*:?\s*)?(?P<number>\d{1,5})\s*/\s*(?P<symbol>\S.*?)\s*$", re.IGNORECASE
)


def _number_slip(
    errors: list[ErrorDetails], error: ErrorDetails
) -> tuple[str, dict[str, Any]] | None:
    """(catalogue key, parameters) for a text refused by a document's number (`so:`, a whole
    number or tu_dong), which says what to write instead of "must be a whole number": the
    number alone for a Số/ký hiệu typed as printed (vanthu makes the ký hiệu), tu_dong for a
    register number misspelt ("tự động", "tudong"), else both forms. None for any other field.

    The number field is the one refused both as a number and as the literal tu_dong."""
    value = error.get("input")
    if not isinstance(value, str) or error["type"] not in ("int_parsing", "literal_error"):
        return None
    parent = error["loc"][:-1]
    if not any(
        other["type"] == "literal_error" and other["loc"][:-1] == parent
        and f"'{AUTO_NUMBER}'" in str((other.get("ctx") or {}).get("expected", ""))
        for other in errors
    ):  # fmt: skip
        return None
    printed = _printed_number().match(value)
    if printed is not None:
        return "data.number_with_symbol", {
            "value": " ".join(value.split()), "number": printed["number"],
            "symbol": printed["symbol"],
        }  # fmt: skip
    close = difflib.get_close_matches(slug(value), [AUTO_NUMBER], n=1, cutoff=0.75)
    hint = Phrase("data.did_you_mean", name=AUTO_NUMBER) if close else ""
    return "data.number_or_auto", {"value": repr(value)[:60], "hint": hint}


def _names_value(reason: str, value: Any) -> bool:
    """Whether `reason` already names the refused scalar `value`, as a word of its own."""
    if isinstance(value, dict | list) or value is None:
        return False
    typed = str(value).strip()
    return bool(typed) and re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", reason) is not None


# vanthu's reasons that quote a part of a text, not the text: a tag of a phrase of the office's
# wording that vanthu cannot fill, a field the phrase has not (model.wording.checked_phrase).
_QUOTING_A_PART = frozenset({"wording.bad_tag", "wording.unknown_field"})


def _quotes_a_part(reason: str) -> bool:
    """Whether `reason` is one of _QUOTING_A_PART (or its words for a form's data)."""
    return isinstance(reason, Phrase) and reason.key.removesuffix("_plain") in _QUOTING_A_PART


def _dotted(path: Path_) -> str:
    from pipeline.load.yaml_source import dotted

    return dotted(path)


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model reached by following `loc` (best effort, for suggestions)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validate(model: type[M], source: Source, data: Any = None, prefix: Path_ = ()) -> M:
    """`data` (default: the whole file) as a `model`, or an InputError located in the file."""
    try:
        return model.model_validate(source.data if data is None else data)
    except ValidationError as exc:
        raise to_input_error(exc, source, model, prefix) from None
