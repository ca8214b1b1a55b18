"""Messages: limits on templates (time, size, recursion) that stop a runaway render."""

MESSAGES: dict[str, dict[str, str]] = {
    "limit.render_time": {
        "vi": "mẫu chạy quá {limit:g} giây cho một văn bản (có thể có vòng lặp quá lớn); đã dừng",
        "en": "the template ran longer than {limit:g} seconds for one document (a loop too "
        "large?); stopped",
    },
    "limit.output_size": {
        "vi": "mẫu sinh ra quá {limit} ký tự cho một văn bản (có thể có vòng lặp quá lớn); đã dừng",
        "en": "the template produced more than {limit} characters for one document (a loop "
        "too large?); stopped",
    },
    "limit.range": {
        "vi": "mẫu dùng range() quá {limit} phần tử",
        "en": "the template uses a range() of more than {limit} items",
    },
    "limit.operator": {
        "vi": "mẫu tạo một giá trị quá lớn bằng phép * hoặc ** (giới hạn {limit})",
        "en": "the template builds a value too large with * or ** (limit {limit})",
    },
    "limit.recursion": {
        "vi": "mẫu gọi macro đệ quy không dừng (vượt quá độ sâu cho phép)",
        "en": "a macro in the template calls itself without end (too deep)",
    },
}
