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
    "tpl.unclosed_tag": {
        "vi": "thẻ {tag} không được đóng trong cùng đoạn (thiếu '}}}}' hoặc '%}}'); một thẻ phải "
        "nằm trọn trong một đoạn, nếu không nó nuốt mất phần sau của văn bản",
        "en": "tag {tag} is not closed in the same paragraph ('}}}}' or '%}}' missing); a tag must "
        "stand within one paragraph, else it swallows the rest of the document",
    },
    "tpl.stray_close": {
        "vi": "'{tag}' đóng một thẻ không được mở trong đoạn này (thiếu '{{{{' hoặc '{{%')",
        "en": "'{tag}' closes a tag that is not opened in this paragraph ('{{{{' or '{{%' missing)",
    },
    "tpl.control_not_alone": {
        "vi": "thẻ {tag} phải đứng một mình trong đoạn: khi dựng, cả đoạn (hàng, ô) bị thay bằng "
        "thẻ nên «{rest}» sẽ mất; tách phần còn lại sang đoạn khác (Enter)",
        "en": "tag {tag} must stand alone in its paragraph: rendering replaces the whole "
        "paragraph (row, cell) by the tag, so «{rest}» would vanish; move the rest to another "
        "paragraph (Enter)",
    },
    "tpl.level_mismatch": {
        "vi": "khối '{block}' mở bằng {open} ({open_level}) nhưng {close} đứng {close_level}; "
        "văn bản dựng ra sẽ hỏng. Thẻ mở, else và thẻ đóng phải cùng loại: {{%tr … %}} với "
        "{{%tr … %}}, {{%p … %}} với {{%p … %}}",
        "en": "block '{block}' is opened by {open} ({open_level}) but {close} stands "
        "{close_level}; the rendered document would be corrupt. The opening, else and closing "
        "tags must be of one kind: {{%tr … %}} with {{%tr … %}}, {{%p … %}} with {{%p … %}}",
    },
    "tpl.level.cell": {"vi": "trong một ô bảng", "en": "inside a table cell"},
    "tpl.level.row": {"vi": "giữa các ô của một hàng", "en": "between the cells of a row"},
    "tpl.level.table": {"vi": "giữa các hàng của bảng", "en": "between the rows of a table"},
    "tpl.level.paragraph": {"vi": "bên trong một đoạn", "en": "inside a paragraph"},
    "tpl.level.body": {"vi": "giữa các đoạn", "en": "between paragraphs"},
    "tpl.unknown_block": {
        "vi": "không có khối dùng chung '{name}'{hint} (có: {known})",
        "en": "there is no shared block '{name}'{hint} (there are: {known})",
    },
    "tpl.office_copy": {
        "vi": "bản riêng của cơ quan trong {folder}/",
        "en": "the office's copy in {folder}/",
    },
    "tpl.layout": {"vi": "{line}", "en": "{line}"},
    "tpl.style_missing": {
        "vi": "đoạn dùng kiểu '{style}' không có trong {frame}{hint}; khi dựng đoạn này sẽ in "
        "theo kiểu mặc định (Word đổi tên kiểu khi dán từ văn bản khác?)",
        "en": "the paragraph uses style '{style}', which {frame} does not have{hint}; rendered, "
        "it would print in the default style (renamed by Word when pasted from another file?)",
    },
    "tpl.frame_style_missing": {
        "vi": "kiểu '{style}' mà {users} dùng không có trong tệp này{hint}; các đoạn dùng nó sẽ "
        "in theo kiểu mặc định",
        "en": "style '{style}', used by {users}, is missing from this file{hint}; the paragraphs "
        "using it would print in the default style",
    },
    "tpl.style_where": {"vi": "kiểu '{style}'", "en": "style '{style}'"},
    "tpl.unused_override": {
        "vi": "tệp không thay mẫu nào nên không được dùng (tên mẫu phải đúng như "
        "'vanthu templates list' ghi){hint}",
        "en": "the file replaces no template, so it is never used (its name must be a template's "
        "as 'vanthu templates list' shows it){hint}",
    },
    "tpl.shadowed": {
        "vi": "bản {path} bị che bởi bản này",
        "en": "the copy {path} is hidden by this one",
    },
    "tpl.unreadable": {
        "vi": "mẫu không phải tệp .docx hợp lệ ({reason})",
        "en": "the template is not a valid .docx file ({reason})",
    },
    "tpl.templates_not_dir": {
        "vi": "--templates phải là một thư mục mẫu, không phải tệp: {path}",
        "en": "--templates must be a templates folder, not a file: {path}",
    },
    "tpl.col.source": {"vi": "Nguồn", "en": "Source"},
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
    "tpl.tracked_changes": {
        "vi": "đoạn còn thay đổi chưa chấp nhận (Track Changes): khi dựng, cả chữ đã xóa lẫn chữ "
        "đã chèn đều vào văn bản; mở mẫu bằng Word, Review ▸ Accept ▸ Accept All Changes (hoặc "
        "Reject All Changes), tắt Track Changes rồi lưu lại",
        "en": "the paragraph still holds tracked changes (Track Changes): rendered, both the "
        "deleted and the inserted text would reach the document; open the template in Word, "
        "Review ▸ Accept ▸ Accept All Changes (or Reject All Changes), turn Track Changes off "
        "and save",
    },
    "tpl.unsupported_object": {
        "vi": "{what} ({element}) trong mẫu không chép được sang văn bản; bỏ nó khỏi mẫu (ảnh "
        "và liên kết thì được; logo cố định có thể đặt ở đầu trang của khung.docx)",
        "en": "{what} ({element}) in the template cannot be carried into the document; remove "
        "it from the template (pictures and links can; a fixed logo can also go in the header "
        "of khung.docx)",
    },
    "tpl.what.link": {"vi": "liên kết", "en": "a link"},
    "tpl.what.picture": {"vi": "ảnh", "en": "a picture"},
    "tpl.what.object": {"vi": "đối tượng nhúng (OLE)", "en": "an embedded object (OLE)"},
    "tpl.what.other": {"vi": "nội dung nhúng", "en": "embedded content"},
    "tpl.not_docx": {
        "vi": "tệp không được dùng: vanthu chỉ đọc mẫu dạng .docx{hint}; mở tệp bằng Word hoặc "
        "LibreOffice và lưu lại dạng .docx (Word 2007–365), rồi xóa tệp này",
        "en": "the file is not used: vanthu reads templates saved as .docx only{hint}; open it in "
        "Word or LibreOffice, save it as .docx (Word 2007–365), then delete this file",
    },
    "tpl.not_docx_for": {
        "vi": " (bản .docx sẽ thay mẫu '{name}')",
        "en": " (saved as .docx it replaces template '{name}')",
    },
    "tpl.col.name": {"vi": "Mẫu", "en": "Template"},
    "tpl.col.serves": {"vi": "Dùng cho", "en": "Serves"},
    "tpl.col.changed": {"vi": "Sửa lần cuối", "en": "Last change"},
}
