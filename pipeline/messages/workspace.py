"""Messages: the workspace — where files are, where outputs go, starting a new office."""

MESSAGES = {
    "ws.outside_workspace": {
        "vi": "tệp '{name}' nằm ngoài thư mục làm việc; hãy đặt nó trong thư mục của cơ quan "
        "(không dùng đường dẫn tuyệt đối hay '..')",
        "en": "file '{name}' lies outside the workspace; keep it in the office's folder "
        "(no absolute path, no '..')",
    },
    "ws.reference_cycle": {
        "vi": "văn bản tham chiếu vòng tròn: '{name}' lại tham chiếu chính nó",
        "en": "circular reference: '{name}' refers back to itself",
    },
    "ws.output_collision": {
        "vi": "hai tệp dữ liệu cho cùng một tệp kết quả {output}: {first} và {second}; hãy đổi "
        "tên một tệp",
        "en": "two data files make the same output {output}: {first} and {second}; rename one",
    },
    "ws.output_suffix": {
        "vi": "tệp kết quả '{path}' phải có đuôi .docx{pdf_hint}, hoặc là một thư mục",
        "en": "the output '{path}' must end in .docx{pdf_hint}, or be a folder",
    },
    "ws.output_pdf_hint": {"vi": " (hoặc .pdf khi dùng --pdf)", "en": " (or .pdf with --pdf)"},
    "ws.output_pdf_needs_flag": {
        "vi": "tệp kết quả '{path}' là PDF: thêm --pdf để xuất PDF",
        "en": "the output '{path}' is a PDF: add --pdf to make PDFs",
    },
    "ws.output_many_to_file": {
        "vi": "nhiều tệp dữ liệu không thể ghi vào một tệp '{path}'; hãy cho -o một thư mục",
        "en": "several data files cannot go to one file '{path}'; give -o a folder",
    },
    "ws.exists": {
        "vi": "thư mục {path} đã là thư mục làm việc của vanthu (có {config})",
        "en": "{path} is already a vanthu workspace (it has {config})",
    },
    "ws.not_empty": {
        "vi": "thư mục {path} đã có {name}; chọn thư mục trống hoặc dùng --force",
        "en": "{path} already has {name}; choose an empty folder or use --force",
    },
    "ws.unknown_preset": {
        "vi": "không có kiểu cơ quan '{name}' (có: {known})",
        "en": "no office preset '{name}' (known: {known})",
    },
    "ws.missing_answer": {
        "vi": "thiếu thông tin '{name}': thêm --{option} ...",
        "en": "'{name}' is missing: add --{option} ...",
    },
    "ws.legacy_answer": {
        "vi": "--{option} '{value}' có vẻ gõ bằng bảng mã {encoding} (phông {font}); hãy gõ lại "
        "bằng Unicode, ví dụ: '{fixed}'",
        "en": "--{option} '{value}' looks like {encoding} text (a {font} font); type it again "
        "in Unicode, e.g. '{fixed}'",
    },
    "ws.misread_answer": {
        "vi": "--{option} '{value}' có vẻ là chữ {encoding}; hãy gõ lại bằng Unicode, ví dụ: "
        "'{fixed}'",
        "en": "--{option} '{value}' looks like {encoding} text; type it again in Unicode, e.g. "
        "'{fixed}'",
    },
    # vanthu init: --co-quan starting with UBND, HĐND ..., written in full in the profile.
    "ws.name_is_place": {
        "vi": "'{typed}' là tên {level} {place}, không phải tên cơ quan ban hành: cơ quan kiểu "
        "{kieu} là {body} của {level}, nên hồ sơ cơ quan ghi tên '{full}' và lấy địa danh "
        "'{place}' từ tên ấy",
        "en": "'{typed}' names the {level} of {place}, not the issuing body: a {kieu} office is "
        "the {level}'s {body}, so the agency profile holds the name '{full}' and takes the "
        "place '{place}' from it",
    },
    "ws.name_expanded": {
        "vi": "tên cơ quan ban hành '{typed}' viết tắt '{abbreviation}': chỉ tên cơ quan chủ "
        "quản mới được viết tắt (Nghị định 30/2020, Phụ lục I, ô 2), nên hồ sơ cơ quan ghi tên "
        "đầy đủ '{full}' ({abbreviation} = {words})",
        "en": "the issuing agency's name '{typed}' abbreviates '{abbreviation}': only the parent "
        "body's name may be abbreviated (Decree 30/2020, Annex I, box 2), so the agency profile "
        "holds the full name '{full}' ({abbreviation} = {words})",
    },
    "ws.bad_abbreviation": {
        "vi": "chữ viết tắt '{value}' chỉ được có chữ cái và chữ số, không dấu cách",
        "en": "the abbreviation '{value}' may hold only letters and digits, no spaces",
    },
    "ws.initialised": {
        "vi": "Đã tạo thư mục làm việc cho {agency} tại {path}",
        "en": "Created the workspace of {agency} in {path}",
    },
    # vanthu new outside any workspace: nothing but the data file is written.
    "ws.sample_office": {
        "vi": "Thư mục này chưa là thư mục làm việc của cơ quan nào: tệp dùng hồ sơ cơ quan mẫu "
        "'{agency}' có sẵn trong vanthu (dựng được ngay). Để in tên cơ quan của bạn: chạy "
        "'vanthu init' rồi tạo tệp trong thư mục inputs/ của nó",
        "en": "This folder is no office's workspace: the file uses the sample office profile "
        "'{agency}' shipped with vanthu (it renders as it is). To print your office's name: run "
        "'vanthu init' and make the file in its inputs/ folder",
    },
    "ws.next_steps": {
        "vi": "Tiếp theo: cd {path} && vanthu render {document} && vanthu build",
        "en": "Next: cd {path} && vanthu render {document} && vanthu build",
    },
    "ws.template_copied": {
        "vi": "Đã chép mẫu {name} vào {path}; sửa bằng Word hoặc LibreOffice, vanthu sẽ dùng bản "
        "này thay bản có sẵn",
        "en": "Copied template {name} to {path}; edit it in Word or LibreOffice and vanthu will "
        "use it instead of the built-in one",
    },
    "tpl.col.origin": {"vi": "nguồn", "en": "source"},
    "ws.template_builtin": {"vi": "có sẵn", "en": "built-in"},
    "ws.template_override": {"vi": "của cơ quan", "en": "workspace"},
    "verify.no_files": {
        "vi": "không có tệp .docx nào để kiểm tra: nêu tệp, hoặc dựng văn bản trước (vanthu build)",
        "en": "no .docx to check: name the files, or build the documents first (vanthu build)",
    },
    "ws.pdf_written": {"vi": "Đã xuất PDF {output}", "en": "Wrote PDF {output}"},
    "verify.rule.so_dang_ky.missing": {
        "vi": "Số, ký hiệu có trong sổ văn bản đi",
        "en": "Number in the register of outgoing documents",
    },
    "verify.rule.so_dang_ky.void": {
        "vi": "Số, ký hiệu là số còn hiệu lực trong sổ (chưa hủy)",
        "en": "Number live in the register (not voided)",
    },
    "verify.rule.so_dang_ky.date": {
        "vi": "Ngày văn bản trùng ngày ghi trong sổ văn bản đi",
        "en": "Document date as recorded in the register",
    },
    "verify.v.in_register": {
        "vi": "một số còn hiệu lực trong sổ năm {year}",
        "en": "a live number in the {year} register",
    },
}
