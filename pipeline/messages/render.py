"""Messages: templates and rendering."""

MESSAGES = {
    "render.template_missing": {"vi": "không tìm thấy mẫu", "en": "template not found"},
    "render.form_field_missing": {
        "vi": "phôi không có ô kiểu đoạn {style} (đoạn định vị bằng khung, Format ▸ Frame)",
        "en": "the phôi has no field in paragraph style {style} (a framed paragraph)",
    },
    "render.template_not_docx": {
        "vi": "mẫu không phải tệp .docx hợp lệ ({reason})",
        "en": "the template is not a valid .docx file ({reason})",
    },
    "render.templates_dir_missing": {
        "vi": "không tìm thấy thư mục mẫu {path}",
        "en": "template folder {path} not found",
    },
    "render.syntax": {
        "vi": "lỗi cú pháp thẻ mẫu: {reason}",
        "en": "template tag syntax error: {reason}",
    },
    "render.failed": {
        "vi": "không dựng được văn bản từ mẫu: {reason}",
        "en": "rendering the template failed: {reason}",
    },
    "render.unsafe": {
        "vi": "mẫu dùng thao tác không được phép: {reason}",
        "en": "the template uses a forbidden operation: {reason}",
    },
    "render.no_block": {
        "vi": "mẫu gọi khối dùng chung '{name}' không tồn tại (có: {known})",
        "en": "the template includes shared block '{name}', which does not exist ({known})",
    },
    "render.write_failed": {
        "vi": "không ghi được tệp kết quả: {reason}",
        "en": "cannot write the output file: {reason}",
    },
    "render.output_is_input": {
        "vi": "tệp kết quả trùng với tệp đầu vào",
        "en": "the output file is the input file",
    },
}
