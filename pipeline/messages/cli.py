"""Messages: the command line."""

MESSAGES = {
    # vanthu init: a xã's --dia-danh other than the xã its --co-quan names.
    "ws.place_not_commune": {
        "vi": "địa danh '{place}' khác tên {level} trong --co-quan ('{commune}'): văn bản của "
        "cơ quan cấp xã ghi tên {level} ở dòng ngày tháng (Nghị định 30/2020, Phụ lục I); "
        "nếu nhầm, sửa 'dia_danh' trong hồ sơ cơ quan hoặc chạy lại với --dia-danh "
        "'{commune}' --force",
        "en": "the place '{place}' is not the {level} named in --co-quan ('{commune}'): the date "
        "line of a commune-level body carries the {level}'s name (Decree 30/2020, Annex I); "
        "if this is a slip, edit 'dia_danh' in the agency profile or run again with "
        "--dia-danh '{commune}' --force",
    },
    # Before the message of a run the user stopped (Ctrl-C): asked for, not an error.
    "cli.stopped": {"vi": "Đã dừng", "en": "Stopped"},
    "cli.rendered": {"vi": "Đã dựng {input} → {output}", "en": "Rendered {input} → {output}"},
    "cli.valid": {"vi": "Hợp lệ: {input}", "en": "Valid: {input}"},
    # One problem several documents share word for word (api.failure_lines).
    "cli.failed_for": {
        "vi": "{count} văn bản ({documents}): {error}",
        "en": "{count} documents ({documents}): {error}",
    },
    "cli.nothing_to_check": {
        "vi": "Không có văn bản nào để kiểm tra (không tìm thấy tệp .yaml).",
        "en": "Nothing to check (no .yaml file found).",
    },
    # Click's usage errors (pipeline/usage_errors.py); {name} is quoted: 'NĂM', '--ngay'.
    "cli.usage_usage": {"vi": "Cách dùng:", "en": "Usage:"},
    "cli.usage_help": {
        "vi": "Xem '{command}' để biết cách dùng.",
        "en": "Try '{command}' for help.",
    },
    "cli.usage_missing_argument": {"vi": "thiếu tham số {name}.", "en": "missing argument {name}."},
    "cli.usage_missing_argument_unnamed": {"vi": "thiếu tham số.", "en": "missing argument."},
    "cli.usage_missing_choice": {
        "vi": "thiếu tham số {name}; chọn một trong: {choices}.",
        "en": "missing argument {name}; choose one of: {choices}.",
    },
    "cli.usage_missing_choice_unnamed": {
        "vi": "thiếu tham số; chọn một trong: {choices}.",
        "en": "missing argument; choose one of: {choices}.",
    },
    "cli.usage_is_directory": {
        "vi": "{name}: '{value}' là một thư mục, cần tên một tệp.",
        "en": "{name}: '{value}' is a folder; a file is needed.",
    },
    "cli.usage_is_file": {
        "vi": "{name}: '{value}' là một tệp, cần tên một thư mục.",
        "en": "{name}: '{value}' is a file; a folder is needed.",
    },
    "cli.usage_does_not_exist": {
        "vi": "{name}: không có '{value}'.",
        "en": "{name}: '{value}' does not exist.",
    },
    "cli.usage_not_readable": {
        "vi": "{name}: không đọc được '{value}' (không có quyền).",
        "en": "{name}: '{value}' cannot be read (no permission).",
    },
    "cli.usage_not_writable": {
        "vi": "{name}: không ghi được vào '{value}' (không có quyền).",
        "en": "{name}: '{value}' cannot be written (no permission).",
    },
    "cli.usage_missing_option": {"vi": "thiếu tùy chọn {name}.", "en": "missing option {name}."},
    "cli.usage_bad_date": {
        "vi": "{name}: ngày '{value}' sai dạng hoặc không có thật; dùng dạng 22/12/2021 hoặc "
        "2021-12-22.",
        "en": "{name}: the date '{value}' is in the wrong form or does not exist; use 22/12/2021 "
        "or 2021-12-22.",
    },
    "cli.usage_not_a_choice": {
        "vi": "{name}: không có '{value}'; chọn một trong: {choices}.",
        "en": "{name}: '{value}' is not a choice; choose one of: {choices}.",
    },
    "cli.usage_not_a_choice_unnamed": {
        "vi": "không có '{value}'; chọn một trong: {choices}.",
        "en": "'{value}' is not a choice; choose one of: {choices}.",
    },
    "cli.usage_not_integer": {
        "vi": "{name}: '{value}' không phải số nguyên.",
        "en": "{name}: '{value}' is not a whole number.",
    },
    "cli.usage_too_small": {
        "vi": "{name}: {value} nhỏ quá; ít nhất là {low}.",
        "en": "{name}: {value} is too small; the least is {low}.",
    },
    "cli.usage_missing_command": {
        "vi": "thiếu lệnh.",
        "en": "missing command.",
    },
    "cli.usage_no_command": {"vi": "không có lệnh '{name}'.", "en": "no command '{name}'."},
    "cli.usage_no_option": {"vi": "không có tùy chọn '{name}'.", "en": "no option '{name}'."},
    "cli.usage_no_option_close": {
        "vi": "không có tùy chọn '{name}'; có phải '{close}'?",
        "en": "no option '{name}'; did you mean '{close}'?",
    },
    "cli.usage_needs_value": {
        "vi": "tùy chọn '{name}' cần một giá trị đi sau.",
        "en": "option '{name}' needs a value after it.",
    },
    "cli.usage_extra": {
        "vi": "thừa tham số ({value}).",
        "en": "unexpected extra argument ({value}).",
    },
    "cli.interrupted": {
        "vi": "theo yêu cầu (Ctrl-C), không phải lỗi",
        "en": "as asked (Ctrl-C), not an error",
    },
    "cli.interrupted_read_only": {
        "vi": "theo yêu cầu (Ctrl-C), không phải lỗi; lệnh này không ghi tệp nào",
        "en": "as asked (Ctrl-C), not an error; this command writes no file",
    },
    "cli.created": {"vi": "Đã tạo {path}", "en": "Created {path}"},
    "cli.new_not_yaml": {
        "vi": "{path}: tệp dữ liệu phải có đuôi .yaml (vanthu build đọc các tệp .yaml); văn "
        "bản .docx được dựng từ nó bằng vanthu render",
        "en": "{path}: a data file must end in .yaml (vanthu build reads .yaml files); the "
        ".docx is made from it with vanthu render",
    },
    "cli.exists": {
        "vi": "tệp {path} đã có; dùng --force để ghi đè",
        "en": "{path} already exists; use --force to overwrite it",
    },
    "cli.internal_error": {
        "vi": "Lỗi nội bộ của vanthu ({reason}); đặt VANTHU_DEBUG=1 để xem chi tiết và báo lỗi",
        "en": "vanthu internal error ({reason}); set VANTHU_DEBUG=1 for details and report it",
    },
    # A PermissionError no reader said (pipeline.cli): the system refused to read, write or
    # enter a path; the user's to mend.
    "cli.permission_denied": {
        "vi": "{path}: không có quyền (đọc, ghi, hoặc mở thư mục); hãy cho quyền rồi chạy lại",
        "en": "{path}: permission denied (to read, write, or open the folder); allow it, then "
        "run again",
    },
    "cli.permission_denied_unnamed": {
        "vi": "không có quyền đọc hoặc ghi một tệp hay thư mục; hãy cho quyền rồi chạy lại",
        "en": "permission denied to read or write a file or folder; allow it, then run again",
    },
    # Click's "no such option" with several close ones (pipeline.usage_errors).
    "cli.usage_no_option_several": {
        "vi": "không có tùy chọn '{name}'; có phải một trong các tùy chọn: {close}?",
        "en": "no option '{name}'; did you mean one of: {close}?",
    },
}
