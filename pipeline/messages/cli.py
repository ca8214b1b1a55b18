"""Messages: the command line."""

MESSAGES = {
    "cli.rendered": {"vi": "Đã dựng {input} → {output}", "en": "Rendered {input} → {output}"},
    "cli.valid": {"vi": "Hợp lệ: {input}", "en": "Valid: {input}"},
    "cli.created": {"vi": "Đã tạo {path}", "en": "Created {path}"},
    "cli.exists": {
        "vi": "tệp {path} đã có; dùng --force để ghi đè",
        "en": "{path} already exists; use --force to overwrite it",
    },
    "cli.internal_error": {
        "vi": "Lỗi nội bộ của vanthu ({reason}); đặt VANTHU_DEBUG=1 để xem chi tiết và báo lỗi",
        "en": "vanthu internal error ({reason}); set VANTHU_DEBUG=1 for details and report it",
    },
}
