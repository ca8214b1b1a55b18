"""Locations and shared words."""

MESSAGES = {
    "loc.sheet": {"vi": "trang tính '{sheet}'", "en": "sheet '{sheet}'"},
    "loc.row": {"vi": "dòng {row}", "en": "row {row}"},
    "loc.line": {"vi": "dòng {line}", "en": "line {line}"},
    "loc.column": {"vi": "cột {column}", "en": "column {column}"},
    "loc.field": {"vi": "trường '{field}'", "en": "field '{field}'"},
    "common.error": {"vi": "Lỗi", "en": "Error"},
    # A legacy text that reads as Vietnamese alike in two codes: both readings, with the font
    # each was typed in (pipeline.text.legacy.suggested_unicode).
    "common.legacy_readings": {
        "vi": "{first} ({first_font}) hay {second} ({second_font})",
        "en": "{first} ({first_font}) or {second} ({second_font})",
    },
    # A file in one code opened as another and saved again: its text is garbled
    # (pipeline.text.legacy.misread_name: "LoÌ Thiò Ýõm" is Windows-1258 read as Windows-1252).
    "common.misread_encoding": {
        "vi": "{encoding} đọc nhầm thành {shown}",
        "en": "{encoding} misread as {shown}",
    },
    # Why a file could not be read or written, for the OS's English words (render.output).
    "common.os_loop": {
        "vi": "đường dẫn có liên kết (symlink) vòng quanh, trỏ về chính nó",
        "en": "the path has symbolic links that loop back on themselves",
    },
    "common.os_name_too_long": {
        "vi": "tên tệp hoặc thư mục quá dài, hệ điều hành không nhận; hãy đặt tên ngắn hơn",
        "en": "the file or folder name is too long for the system; use a shorter name",
    },
    "common.os_read_is_directory": {
        "vi": "đây là một thư mục, không phải tệp; hãy ghi tên tệp trong thư mục đó",
        "en": "this is a folder, not a file; name a file inside it",
    },
    "common.os_read_io": {
        "vi": "lỗi khi đọc ổ đĩa (ổ hỏng, hoặc ổ mạng/USB bị ngắt); hãy thử lại, hoặc chép tệp "
        "sang ổ khác",
        "en": "the disk could not be read (a failing disk, or a network or USB drive cut off); "
        "try again, or copy the file to another disk",
    },
    "common.os_read_not_directory": {
        "vi": "một phần của đường dẫn là tệp chứ không phải thư mục; hãy xem lại đường dẫn",
        "en": "part of the path is a file, not a folder; check the path",
    },
}
