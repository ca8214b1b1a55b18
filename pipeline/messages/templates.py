"""Messages: template tooling (vanthu templates)."""

MESSAGES = {
    "tpl.syntax": {"vi": "lỗi cú pháp thẻ: {reason}", "en": "tag syntax error: {reason}"},
    "tpl.unclosed": {
        "vi": "khối '{tag}' mở mà không đóng (thiếu end{tag})",
        "en": "block '{tag}' is opened but never closed (end{tag} missing)",
    },
    "tpl.stray_end": {
        "vi": "thẻ đóng {tag} không khớp khối nào đang mở",
        "en": "closing tag {tag} matches no open block",
    },
    "tpl.split_tag": {
        "vi": "thẻ {tag} bị Word tách thành nhiều đoạn chữ (run); nên gõ lại thẻ một lần",
        "en": "tag {tag} is split across several runs by Word; retype it in one go",
    },
    "tpl.unknown_field": {
        "vi": "mẫu dùng '{name}' nhưng dữ liệu không có trường này",
        "en": "the template uses '{name}', which the data does not provide",
    },
    "tpl.dropped_field": {
        "vi": "mẫu có sẵn in '{name}' mà bản riêng của cơ quan không in (bản sao chép từ trước "
        "khi vanthu thêm trường này?); sao chép lại hoặc thêm thẻ vào bản riêng",
        "en": "the built-in template prints '{name}' and the office's copy does not (copied "
        "before vanthu added it?); copy it again or add the tag to the copy",
    },
    "tpl.style_drift": {
        "vi": "kiểu đoạn khác với khung dùng chung (khung.docx được dùng khi dựng): {styles}",
        "en": "styles differ from the shared frame (khung.docx is used when rendering): {styles}",
    },
    "tpl.copied_block": {
        "vi": "mẫu chép lại nội dung khối dùng chung ('{text}'); hãy dùng {{%p include %}}",
        "en": "the template copies a shared block ('{text}'); use {{%p include %}} instead",
    },
    "tpl.layout": {"vi": "{line}", "en": "{line}"},
    "tpl.ok": {"vi": "{count} mẫu, không có lỗi", "en": "{count} templates, no problems"},
    "tpl.summary": {
        "vi": "{count} mẫu, {errors} lỗi, {warnings} cảnh báo",
        "en": "{count} templates, {errors} errors, {warnings} warnings",
    },
    "tpl.warning": {"vi": "cảnh báo", "en": "warning"},
    "tpl.unknown": {
        "vi": "không có mẫu '{name}' (có: {known})",
        "en": "no template '{name}' (there are: {known})",
    },
    "tpl.col.name": {"vi": "Mẫu", "en": "Template"},
    "tpl.col.serves": {"vi": "Dùng cho", "en": "Serves"},
    "tpl.col.changed": {"vi": "Sửa lần cuối", "en": "Last change"},
}
