"""Messages: the workspace — where files are, where outputs go, starting a new office."""

MESSAGES = {
    "ws.outside_workspace": {
        "vi": "tệp '{name}' nằm ngoài thư mục làm việc; hãy đặt nó trong thư mục của cơ quan "
        "(không dùng đường dẫn tuyệt đối hay '..')",
        "en": "file '{name}' lies outside the workspace; keep it in the office's folder "
        "(no absolute path, no '..')",
    },
    # A workspace's settings named where a document is expected (vanthu render vanthu.yaml).
    "ws.config_not_document": {
        "vi": "đây là tệp cài đặt của thư mục làm việc, không phải văn bản; hãy chỉ tới tệp dữ "
        "liệu của một văn bản (ví dụ inputs/2026/ke-hoach.yaml), hoặc chỉ thư mục làm việc để "
        "kiểm tra, dựng mọi văn bản của nó (vanthu check {folder}, vanthu build {folder})",
        "en": "this file holds a workspace's settings, not a document; name a document's data "
        "file (e.g. inputs/2026/ke-hoach.yaml), or name the workspace folder to check or build "
        "all its documents (vanthu check {folder}, vanthu build {folder})",
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
    # {force}: force=True to init_workspace, --force to vanthu init (workspace.parameters).
    "ws.not_empty": {
        "vi": "thư mục {path} đã có {name}; chọn thư mục trống hoặc dùng {force}",
        "en": "{path} already has {name}; choose an empty folder or use {force}",
    },
    "ws.unknown_preset": {
        "vi": "không có kiểu cơ quan '{name}' (có: {known})",
        "en": "no office preset '{name}' (known: {known})",
    },
    # {option}: the answer as the caller gives it (workspace.parameters.Parameter): dia_danh=...
    # to init_workspace, --dia-danh ... to vanthu init.
    "ws.missing_answer": {
        "vi": "thiếu thông tin '{name}': thêm {option}",
        "en": "'{name}' is missing: add {option}",
    },
    # {option}: the answer with the value given, as the caller gives it (dia_danh='S¬n La' to
    # init_workspace, --dia-danh 'S¬n La' to vanthu init).
    "ws.legacy_answer": {
        "vi": "{option} có vẻ gõ bằng bảng mã {encoding} (phông {font}); hãy gõ lại bằng "
        "Unicode, ví dụ: '{fixed}'",
        "en": "{option} looks like {encoding} text (a {font} font); type it again in Unicode, "
        "e.g. '{fixed}'",
    },
    "ws.bad_char_answer": {
        "vi": "{option} có ký tự không in được {char} ({name}), thường do sao chép từ trang web "
        "hoặc phần mềm khác; hãy gõ lại",
        "en": "{option} contains the unprintable character {char} ({name}), usually pasted "
        "from a web page or another program; type it again",
    },
    "ws.stray_mark_answer": {
        "vi": "{option} có dấu thừa {char} trên chữ «{letter}» (dấu thanh hay dấu phụ gõ hai "
        "lần, hoặc đặt trên chữ không nhận dấu); hãy xóa rồi gõ lại chữ đó",
        "en": "{option} has a stray mark {char} on «{letter}» (a tone or diacritic typed twice, "
        "or on a letter that takes none); delete the letter and type it again",
    },
    "ws.misread_answer": {
        "vi": "{option} có vẻ là chữ {encoding}; hãy gõ lại bằng Unicode, ví dụ: '{fixed}'",
        "en": "{option} looks like {encoding} text; type it again in Unicode, e.g. '{fixed}'",
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
    # {option}: the answer as the caller gives it (dia_danh='...' to init_workspace, --dia-danh
    # '...' to vanthu init, the question asked at its terminal).
    "ws.place_no_letters": {
        "vi": "{option} không phải địa danh: địa danh ở dòng ngày tháng viết bằng chữ (ví dụ: "
        "Sơn La); đơn vị hành chính đặt tên bằng chữ số ghi cả cấp: 'Phường 1', 'Quận 3'",
        "en": "{option} is no place name: the place on the date line is written in words "
        "(e.g. Sơn La); a unit named by a number is written with its level: 'Phường 1', "
        "'Quận 3'",
    },
    "ws.person_no_letters": {
        "vi": "{option} không phải họ tên người: họ tên viết bằng chữ, ví dụ: 'Nguyễn Văn A'",
        "en": "{option} is no person's name: a name is written in words, e.g. 'Nguyễn Văn A'",
    },
    "ws.agency_no_letters": {
        "vi": "{option} không phải tên cơ quan: tên cơ quan viết bằng chữ, ví dụ: 'SỞ Y TẾ'",
        "en": "{option} is no agency's name: a name is written in words, e.g. 'SỞ Y TẾ'",
    },
    # {hint}: ws.level_other_kinds, or nothing when no kind of office is of that level.
    "ws.place_level_unfit": {
        "vi": "{option} ghi cấp {level}, còn cơ quan kiểu {kieu} là cơ quan cấp {levels}: tên "
        "cơ quan sẽ ghi sai cấp{hint}",
        "en": "{option} states the {level} level, while a {kieu} office is of one of: "
        "{levels}; its name would state the wrong level{hint}",
    },
    "ws.place_level_unfit_chief": {
        "vi": "{option} ghi cấp {level}, còn cơ quan kiểu {kieu} thuộc cơ quan chủ quản cấp "
        "{levels} và ghi địa danh của cơ quan chủ quản: tên cơ quan sẽ ghi sai cấp{hint}",
        "en": "{option} states the {level} level, while a {kieu} office belongs to a parent "
        "body of one of: {levels}, whose place it writes; its name would state the wrong "
        "level{hint}",
    },
    "ws.level_other_kinds": {
        "vi": "; cơ quan cấp {level} dùng {kinds}",
        "en": "; for an office of the {level} level use {kinds}",
    },
    "ws.level_gone": {
        "vi": "; cấp {level} không còn từ 01/07/2025: văn bản trước ngày ấy của Ủy ban nhân dân "
        "{level} thì ghi đủ tên cơ quan, {kind} {example}",
        "en": "; the {level} level is gone since 01/07/2025: for documents before that day of "
        "a {level}'s People's Committee give its full name, {kind} {example}",
    },
    "ws.place_level_differs": {
        "vi": "{option} ghi cấp {level}, còn tên cơ quan '{name}' ghi cấp {stated}: hai câu "
        "trả lời phải cùng một cấp",
        "en": "{option} states the {level} level, while the agency's name '{name}' states "
        "{stated}: both answers must be of one level",
    },
    # A warning of vanthu init: the level word typed with the place is not on the date line.
    "ws.place_level_dropped": {
        "vi": "địa danh '{typed}': cấp ({level}) ghi vào tên cơ quan, dòng ngày tháng ghi "
        "'{place}, ngày ...' (Nghị định 30/2020, Phụ lục I, mục II.4); đơn vị hành chính đặt "
        "tên theo tên người hay sự kiện lịch sử thì ghi đủ tên: khi đó sửa dia_danh trong hồ "
        "sơ cơ quan thành '{full}'",
        "en": "place '{typed}': its level ({level}) goes into the agency's name, and the date "
        "line reads '{place}, ngày ...' (Decree 30/2020, Annex I, section II.4); a unit named "
        "after a person or a historical event is written in full: then change dia_danh in the "
        "agency profile to '{full}'",
    },
    # {kinds}: where the kinds are described (ws.kinds_listed, ws.kinds_listed_cli); {example}:
    # the answer as the caller gives it.
    "ws.name_not_body": {
        "vi": "'{name}' không phải tên một {body}: cơ quan kiểu {kieu} là {body} cấp {levels}, "
        "tên bắt đầu bằng '{body}' rồi đến cấp, ví dụ: {example}; người ký, nhóm nơi nhận, câu "
        "chữ của kiểu {kieu} là của {body}: cơ quan khác thì chọn kiểu khác ({kinds})",
        "en": "'{name}' is not the name of an {body}: a {kieu} office is the {body} of one of: "
        "{levels}, its name starting '{body}' then the level, e.g. {example}; the signers, "
        "recipient groups and wording of {kieu} are an {body}'s: for another office choose "
        "another kind ({kinds})",
    },
    # vanthu init at the terminal: an answer as its question names it (parameters.Parameter).
    "ws.answer_to": {
        "vi": "câu trả lời '{value}' cho câu hỏi «{question}»",
        "en": "the answer '{value}' to the question “{question}”",
    },
    "ws.ask_not_a_kind": {
        "vi": "'{value}' không phải kiểu cơ quan; chọn một trong: {kinds}",
        "en": "'{value}' is no kind of office; choose one of: {kinds}",
    },
    "ws.ask_again": {"vi": "Hãy trả lời lại.", "en": "Please answer again."},
    "ws.ask_no_answer": {
        "vi": "không có câu trả lời cho câu hỏi «{question}» (hết dữ liệu vào): chưa tạo tệp "
        "nào; chạy lại vanthu init, hoặc cho câu trả lời bằng {option}",
        "en": "no answer to the question “{question}” (end of input): no file was written; run "
        "vanthu init again, or give the answer with {option}",
    },
    "ws.bad_abbreviation": {
        "vi": "chữ viết tắt '{value}' chỉ được có chữ cái và chữ số, không dấu cách",
        "en": "the abbreviation '{value}' may hold only letters and digits, no spaces",
    },
    # vanthu init on a terminal: what it asks, by the OfficeAnswers field it fills.
    "ws.ask.kieu": {"vi": "Kiểu cơ quan ({kinds})", "en": "Kind of office ({kinds})"},
    "ws.ask.ten_co_quan": {
        "vi": "Tên cơ quan ban hành, như in trên văn bản",
        "en": "Name of the issuing office, as printed on documents",
    },
    "ws.ask.co_quan_chu_quan": {
        "vi": "Cơ quan chủ quản, ghi cả cấp (ví dụ: ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ)",
        "en": "Parent body, with its level (e.g. ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ)",
    },
    "ws.ask.viet_tat": {
        "vi": "Chữ viết tắt trong ký hiệu văn bản (ví dụ: STP, PGDĐT)",
        "en": "Abbreviation in document symbols (e.g. STP, PGDĐT)",
    },
    "ws.ask.dia_danh": {
        "vi": "Địa danh ở dòng ngày tháng",
        "en": "Place name on the date line",
    },
    "ws.ask.nguoi_ky": {
        "vi": "Họ tên người đứng đầu, người ký",
        "en": "Full name of the head of the office, who signs",
    },
    # vanthu init: the level of a Sở's or a phòng's name comes from its chủ quản, never guessed.
    "ws.chief_missing": {
        "vi": "thiếu thông tin 'co_quan_chu_quan': cơ quan kiểu {kieu} lấy cấp ({levels}) từ "
        "cơ quan chủ quản; thêm tên cơ quan chủ quản, ví dụ: {example}",
        "en": "'co_quan_chu_quan' is missing: a {kieu} office takes its level ({levels}) from "
        "its parent body; add the parent body's name, e.g. {example}",
    },
    "ws.chief_level_unknown": {
        "vi": "cơ quan chủ quản '{chu_quan}' không ghi cấp ({levels}): cơ quan kiểu {kieu} lấy "
        "cấp và địa danh từ tên ấy, vanthu không đoán; ghi đủ tên, ví dụ: {example}",
        "en": "the parent body '{chu_quan}' states no level ({levels}): a {kieu} office takes "
        "its level and place from that name, and vanthu does not guess; give the full name, "
        "e.g. {example}",
    },
    # {ten_day_du}, {kinds}: answers as the caller gives them (ten_day_du=... to
    # init_workspace, --ten-day-du ... to vanthu init).
    "ws.chief_level_unfit": {
        "vi": "cơ quan chủ quản '{chu_quan}' là cấp {level}, còn cơ quan kiểu {kieu} thuộc cấp "
        "{levels}: tên của nó sẽ ghi sai cấp{hint}; hoặc ghi tên trong câu văn bằng "
        "{ten_day_du}",
        "en": "the parent body '{chu_quan}' is of the {level} level, while a {kieu} office "
        "belongs to one of: {levels}; its name would state the wrong level{hint}; or give "
        "its name in running text with {ten_day_du}",
    },
    "ws.chief_other_kinds": {
        "vi": "; cơ quan thuộc cấp ấy dùng {kinds}",
        "en": "; for an office of that level use {kinds}",
    },
    # {option}: kieu='phong' to init_workspace, --kieu phong to vanthu init; {kinds}: where
    # the kinds are described, for either caller (ws.kinds_listed, ws.kinds_listed_cli).
    "ws.name_of_other_kind": {
        "vi": "'{name}' bắt đầu bằng '{start}': là cơ quan kiểu {other}, không phải {kieu} "
        "(người ký, nhóm nơi nhận, câu chữ của kiểu {kieu} là của cơ quan khác); dùng {option} "
        "({kinds})",
        "en": "'{name}' starts with '{start}': it is a {other} office, not {kieu} (the "
        "signers, recipient groups and wording of {kieu} are another kind of office's); use "
        "{option} ({kinds})",
    },
    "ws.kinds_listed": {
        "vi": "các kiểu cơ quan: pipeline.workspace.presets.presets(), mo_ta của mỗi kiểu",
        "en": "the kinds of office: pipeline.workspace.presets.presets(), each one's mo_ta",
    },
    "ws.kinds_listed_cli": {"vi": "xem vanthu init --help", "en": "see vanthu init --help"},
    "ws.note": {"vi": "Lưu ý", "en": "Note"},
    # {present}: the present office's kind as the caller gives it (ws.present_office, or
    # ws.present_office_cli to vanthu init).
    "ws.starter_before_two_levels": {
        "vi": "'{name}' là cơ quan cấp {level}, cấp này không còn từ 01/07/2025: văn bản mẫu "
        "ghi ngày {date}, trong thư mục năm {year} (năm cuối cùng cấp ấy còn), để vanthu check "
        "không cảnh báo ngay; văn bản từ 01/07/2025 là của cơ quan hiện nay ({present})",
        "en": "'{name}' is a {level}-level body, a level gone since 01/07/2025: the starter is "
        "dated {date} and filed in the {year} folder (the last year the level existed), so that "
        "vanthu check does not warn at once; documents from 01/07/2025 on are the present "
        "office's ({present})",
    },
    "ws.present_office": {
        "vi": "init_workspace với {xa}, hoặc {phong}, {chu_quan}",
        "en": "init_workspace with {xa}, or {phong}, {chu_quan}",
    },
    "ws.present_office_cli": {
        "vi": "vanthu init {xa}, hoặc {phong} {chu_quan}",
        "en": "vanthu init {xa}, or {phong} {chu_quan}",
    },
    # vanthu new: why the new document is not dated today (starters.document_day).
    "ws.new_in_folder_year": {
        "vi": "văn bản ghi ngày {date}, trong năm {year} của thư mục chứa nó (không phải năm "
        "nay): sửa thành ngày ký",
        "en": "the document is dated {date}, in {year}, the year of its folder (not this "
        "year): change it to the day it is signed",
    },
    # {present}: as in ws.starter_before_two_levels.
    "ws.new_before_two_levels": {
        "vi": "'{name}' là cơ quan cấp {level}, cấp này không còn từ 01/07/2025: văn bản ghi "
        "ngày {date} (trước 01/07/2025, năm {year}){where}; văn bản từ 01/07/2025 là của cơ "
        "quan hiện nay ({present})",
        "en": "'{name}' is a {level}-level body, a level gone since 01/07/2025: the document is "
        "dated {date} (before 01/07/2025, in {year}){where}; documents from 01/07/2025 on are "
        "the present office's ({present})",
    },
    "ws.new_folder_after_level": {
        "vi": "; tệp nằm trong thư mục {folder}, năm cấp ấy không còn: chuyển tệp sang thư mục "
        "{year}",
        "en": "; the file is in the {folder} folder, a year the level no longer existed: move "
        "it to the {year} folder",
    },
    # The comments of the files `vanthu init` writes (their keys and values are data: the same
    # in either language). Each line a YAML comment; no message ends in a newline.
    "ws.file.profile_head": {
        "vi": '# Hồ sơ cơ quan: khai một lần, mọi văn bản tham chiếu bằng "co_quan: <tên tệp>".\n'
        "# tham_quyen: TM. / KT. / TL. / TUQ. / Q.; thay_cho: tập thể hoặc chức vụ người đứng\n"
        '# đầu mà người ký ký thay. Đơn vị: khóa là chữ viết tắt dùng ở dòng "Lưu:".',
        "en": "# Agency profile (hồ sơ cơ quan): written once, every document refers to it with\n"
        '# "co_quan: <file name>". tham_quyen: TM. / KT. / TL. / TUQ. / Q.; thay_cho: the body or\n'
        "# the head's title the signer signs for. Units (don_vi): the key is the abbreviation\n"
        '# used on the "Lưu:" line.',
    },
    "ws.file.profile_personal": {
        "vi": "# Người ký có TM.: văn bản thuộc thẩm quyền của tập thể (tham_quyen: Ủy ban nhân\n"
        "# dân ..., Hội đồng ...). Người ký *-ca-nhan: văn bản thuộc thẩm quyền của Chủ tịch\n"
        "# (tham_quyen: Chủ tịch ...; giấy khen của Chủ tịch, quyết định nhân sự): không TM.",
        "en": "# Signers with TM.: documents in the collective body's authority (tham_quyen: Ủy\n"
        "# ban nhân dân ..., Hội đồng ...). Signers *-ca-nhan: documents in the Chủ tịch's own\n"
        "# authority (tham_quyen: Chủ tịch ...; the Chủ tịch's giấy khen, staff decisions): no TM.",
    },
    "ws.file.config_head": {
        "vi": "# Thư mục làm việc vanthu của {name}.\n"
        "# Mọi khóa đều có giá trị mặc định; đường dẫn tính từ thư mục chứa tệp này.",
        "en": "# The vanthu workspace of {name}.\n"
        "# Every key has a default; paths are relative to the folder holding this file.",
    },
    "ws.file.config_data": {
        "vi": "tệp dữ liệu theo năm: {folder}/2026/...",
        "en": "data files by year: {folder}/2026/...",
    },
    "ws.file.config_output": {
        "vi": "văn bản dựng ra: {folder}/2026/...",
        "en": "documents built: {folder}/2026/...",
    },
    "ws.file.config_templates": {
        "vi": "mẫu .docx riêng, thay mẫu có sẵn cùng tên",
        "en": "the office's own .docx templates, used instead of the built-in ones of that name",
    },
    "ws.file.identity": {
        "vi": "định danh thư mục làm việc trong sổ văn bản dùng chung",
        "en": "the workspace's identity in a shared register",
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
    # A data folder that could not be listed (Workspace.documents): its documents are not
    # known, never taken for none (a build would remove their outputs as deleted ones').
    "ws.folder_unreadable": {
        "vi": "không đọc được thư mục này ({reason}), nên không biết trong đó có những tệp dữ "
        "liệu nào; vanthu không coi thư mục là trống và không xóa tệp kết quả nào của nó. Hãy "
        "cho quyền đọc thư mục rồi chạy lại",
        "en": "this folder could not be read ({reason}), so which data files it holds is not "
        "known; vanthu does not take it for empty and removes none of its outputs. Allow "
        "reading the folder, then run again",
    },
    # Why a folder could not be listed or looked into (a data folder, a templates folder).
    "ws.folder_no_permission": {"vi": "không có quyền đọc", "en": "permission denied"},
    # A báo cáo counts the award decisions of every folder of the data folder (load.report).
    "ws.report_folder_unreadable": {
        "vi": "báo cáo năm {year} lấy số liệu từ mọi quyết định khen thưởng, ở bất kỳ thư "
        "mục dữ liệu nào, nhưng không đọc được thư mục {folder} ({reason}): báo cáo không được "
        "dựng từ số liệu thiếu. Hãy cho quyền đọc thư mục rồi chạy lại",
        "en": "the {year} report takes its figures from every award decision, whichever data "
        "folder it is kept in, but the folder {folder} could not be read ({reason}): no "
        "report is made from partial figures. Allow reading the folder, then run again",
    },
    # The date line (ô 4) too wide for the header's right column (header date line, s52).
    "ws.long_date_line": {
        "vi": "dòng địa danh, ngày tháng «{text}» không vừa một dòng của cột phải ở đầu trang "
        "(dưới Quốc hiệu, cạnh tên cơ quan; bảng đã nới tối đa 5 mm vào mỗi lề), nên khi in sẽ "
        "bị ngắt dòng. Hãy ngắt tên cơ quan (ten_co_quan, co_quan_chu_quan) thành nhiều dòng "
        "ngắn hơn, hoặc dùng mẫu đặt dòng này cỡ chữ 13",
        "en": "the place and date line «{text}» does not fit on one line of the header's right "
        "column (under the Quốc hiệu, beside the agency's name; the table already reaches 5 mm "
        "into each margin), so it would wrap when printed. Break the agency's name (ten_co_quan, "
        "co_quan_chu_quan) into more, shorter lines, or use a template setting this line at "
        "13 pt",
    },
    # vanthu init: a chủ quản typed as its place alone ("TỈNH SƠN LA"), for a kind that takes
    # its level from its chủ quản (name breaks and places, s54).
    "ws.chief_place_only": {
        "vi": "cơ quan chủ quản '{chu_quan}' chỉ ghi địa danh, không ghi tên cơ quan: cơ quan "
        "kiểu {kieu} lấy cấp và địa danh từ tên cơ quan chủ quản trực tiếp và in tên ấy ở đầu "
        "trang, vanthu không đoán đó là cơ quan nào; ghi đủ tên, ví dụ: {example}",
        "en": "the parent body '{chu_quan}' names a place only, not a body: a {kieu} office "
        "takes its level and place from its direct parent body's name and prints that name "
        "in the header, and vanthu does not guess which body it is; give the full name, e.g. "
        "{example}",
    },
}
