"""Why pydantic refused a value, said in the user's language (no validation-library English).

pipeline/load/validation.py places the error (file, line, field); this says what was wrong,
from the error's type and context, through the message catalogue. The reason is a Phrase, so an
error's message("en") says it in English whatever language was current when it was raised.
"""

from typing import Any

from pydantic_core import ErrorDetails

from pipeline.messages import CATALOGUE
from pipeline.phrase import Alternatives, Phrase

# The context entry of a vanthu validation error that holds its message as a Phrase.
VANTHU_PHRASE = "vanthu_phrase"

# pydantic error type → catalogue key (messages/wording.py, "value.*").
_KINDS = {
    "string_too_short": "value.too_short_text",
    "string_too_long": "value.too_long_text",
    "too_short": "value.too_few_items",
    "too_long": "value.too_many_items",
    "greater_than_equal": "value.at_least",
    "greater_than": "value.more_than",
    "less_than_equal": "value.at_most",
    "less_than": "value.less_than",
    "int_parsing": "value.integer",
    "int_type": "value.integer",
    "int_from_float": "value.integer",
    "float_parsing": "value.number",
    "float_type": "value.number",
    "decimal_parsing": "value.number",
    "bool_parsing": "value.yes_no",
    "bool_type": "value.yes_no",
    "string_type": "value.text",
    "list_type": "value.list",
    "dict_type": "value.mapping",
    "model_type": "value.mapping",
    "model_attributes_type": "value.mapping",
    "literal_error": "value.one_of",
    "enum": "value.one_of",
    "string_pattern_mismatch": "value.pattern",
}


def library_reason(error: ErrorDetails, *, typed: bool = True) -> str:
    """The reason of a pydantic error as a sentence of the catalogue. `typed` is False for data
    that was not typed as YAML (a form's mapping): no advice about how to write YAML lines."""
    kind = error["type"]
    context: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "vanthu":  # raised by vanthu's own validators (model.wording.invalid)
        phrase = context.get(VANTHU_PHRASE)
        if not isinstance(phrase, Phrase):
            return error["msg"]
        if not typed and (plain := f"{phrase.key}_plain") in CATALOGUE:
            return Phrase(plain, **phrase.params)  # its words for data not typed as YAML
        return phrase
    if kind == "value_error":  # a plain ValueError from a validator: its text, no prefix
        return str(context.get("error", error["msg"]))
    key = _KINDS.get(kind)
    if key is None:
        return Phrase("value.other", kind=kind)
    if "expected" in context:  # pydantic's "'a', 'b' or 'c'": "or" in the message's language
        head, _, last = str(context["expected"]).rpartition(" or ")
        context["expected"] = Alternatives((head, last) if head else (last,))
    if kind == "string_too_short" and context.get("min_length") == 1:
        key = "value.empty"
    if kind == "too_short" and context.get("min_length") == 1:  # an empty list: say it plainly
        key = "value.empty_list"
    if key == "value.list" and not typed:
        key = "value.list_plain"
    return Phrase(key, **context)
