"""Locations and shared words."""

MESSAGES = {
    "loc.sheet": {"vi": "trang tính '{sheet}'", "en": "sheet '{sheet}'"},
    "loc.row": {"vi": "dòng {row}", "en": "row {row}"},
    "loc.line": {"vi": "dòng {line}", "en": "line {line}"},
    "loc.column": {"vi": "cột {column}", "en": "column {column}"},
    "loc.field": {"vi": "trường '{field}'", "en": "field '{field}'"},
    "common.error": {"vi": "Lỗi", "en": "Error"},
}
