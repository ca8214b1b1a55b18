"""Messages: the commands' help (`vanthu ... --help`), looked up by their Vietnamese text.

The help texts live in the command modules, in Vietnamese, as Click reads them; these entries
say each in English (pipeline/help_language.py finds an entry by its "vi" text, whitespace
collapsed). A text written "Vietnamese / English" shows its English half only. Metavars with
Vietnamese letters (TỆP|URL, NĂM, SỐ) are entries too: a usage error names them as the help does.

help.click.*: the other way round, texts Click writes in English, shown in Vietnamese.
tests/test_help_language.py fails when a command or option has a help text without an entry.
"""

MESSAGES = {
    # vanthu (pipeline/cli.py)
    "help.main": {
        "vi": "vanthu — văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ dữ liệu YAML.",
        "en": "vanthu — administrative documents under Decree 30/2020/NĐ-CP from YAML data.",
    },
    "help.main.lang": {
        "vi": "Ngôn ngữ thông báo / message language (mặc định theo locale).",
        "en": "Message language (default: from the locale).",
    },
    "help.main.templates": {
        "vi": "Thư mục mẫu .docx dùng trước mẫu của cơ quan (mau/) và mẫu có sẵn / a templates "
        "folder searched before the workspace's own (mau/) and the built-in ones.",
        "en": "A .docx templates folder searched before the workspace's own (mau/) and the "
        "built-in ones.",
    },
    "help.render": {
        "vi": "Dựng văn bản .docx từ tệp dữ liệu YAML.",
        "en": "Render .docx documents from YAML data files.",
    },
    "help.render.output": {
        "vi": "Tệp .docx kết quả (một đầu vào; .pdf với --pdf) hoặc thư mục (mặc định: "
        "outputs/<năm>/<tên>.docx của thư mục làm việc).",
        "en": "The .docx file to write (one input; .pdf with --pdf) or a folder (default: "
        "outputs/<year>/<name>.docx of the workspace).",
    },
    "help.render.pdf": {
        "vi": "Xuất thêm PDF bên cạnh tệp .docx (LibreOffice).",
        "en": "Also write a PDF beside the .docx file (LibreOffice).",
    },
    "help.render.test_print": {
        "vi": "Giấy khen: in thử trên giấy trắng, vẽ khung của phôi để so vị trí (như in_thu: co).",
        "en": "Certificate of merit: a test print on plain paper, with the pre-printed form's "
        "frame drawn to compare positions (as in_thu: co).",
    },
    "help.check": {
        "vi": "Kiểm tra dữ liệu, không ghi tệp nào: các tệp, thư mục làm việc hay thư mục dữ "
        "liệu được chỉ (mặc định: mọi văn bản của thư mục làm việc).",
        "en": "Check the data without writing any file: the files, workspaces or data folders "
        "named (default: every document of the workspace).",
    },
    "help.new": {
        "vi": "Tạo tệp dữ liệu mẫu có chú thích, dựng được ngay.",
        "en": "Create an annotated sample data file, ready to render.",
    },
    "help.new.output": {
        "vi": "Tệp YAML sẽ tạo (mặc định: <loại>.yaml trong thư mục hiện tại).",
        "en": "The YAML file to create (default: <kind>.yaml in the current folder).",
    },
    "help.new.force": {"vi": "Ghi đè tệp đã có.", "en": "Overwrite an existing file."},
    # vanthu build (pipeline/batch/command.py)
    "help.build": {
        "vi": "Dựng mọi văn bản của thư mục làm việc (hoặc của INPUT_DIR: một thư mục làm việc "
        "hay một thư mục dữ liệu): song song, chỉ dựng lại văn bản đã thay đổi; kết quả ở "
        "outputs/<năm>/.",
        "en": "Build every document of the workspace (or of INPUT_DIR: a workspace or a data "
        "folder): in parallel, rebuilding only the documents that changed; results in "
        "outputs/<year>/.",
    },
    "help.build.output": {
        "vi": "Thư mục kết quả (mặc định: outputs/ của thư mục làm việc); mỗi năm một thư mục con.",
        "en": "Output folder (default: the workspace's outputs/); one subfolder per year.",
    },
    "help.build.jobs": {
        "vi": "Số tiến trình dựng song song (mặc định: số lõi CPU).",
        "en": "Number of build processes running in parallel (default: the number of CPU cores).",
    },
    "help.build.pdf": {
        "vi": "Xuất thêm PDF bên cạnh mỗi tệp .docx (LibreOffice).",
        "en": "Also write a PDF beside each .docx file (LibreOffice).",
    },
    "help.build.force": {
        "vi": "Dựng lại mọi văn bản, kể cả văn bản không đổi.",
        "en": "Rebuild every document, even those that did not change.",
    },
    "help.build.keep_going": {
        "vi": "Vẫn dựng các văn bản hợp lệ khi có đầu vào lỗi.",
        "en": "Still build the valid documents when some inputs have errors.",
    },
    # vanthu init (pipeline/workspace/command.py); --kieu lists pipeline/workspace/kieu-co-quan.yaml
    "help.init": {
        "vi": "Tạo thư mục làm việc cho một cơ quan: hồ sơ cơ quan, văn bản mẫu, hướng dẫn.",
        "en": "Create a workspace for an office: the office profile, sample documents, a guide.",
    },
    "help.init.kind": {
        "vi": "Kiểu cơ quan: ubnd-tinh: Ủy ban nhân dân tỉnh, thành phố (ký TM. tập thể, KT. "
        "Chủ tịch); ubnd-huyen: Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh (văn "
        "bản trước 01/07/2025); ubnd-xa: Ủy ban nhân dân xã, phường, đặc khu; so-nganh: Sở, "
        "ban, ngành thuộc UBND tỉnh, thành phố (ký KT. Giám đốc); phong: Phòng chuyên môn "
        "thuộc UBND xã, phường, đặc khu, hoặc huyện, thành phố thuộc tỉnh trước 01/07/2025 (ký "
        "KT. Trưởng phòng; cần --chu-quan ghi cấp); van-phong: Văn phòng UBND, Văn phòng Đoàn "
        "ĐBQH và HĐND (ký KT. Chánh Văn phòng); hoi-dong-tdkt: Hội đồng Thi đua - Khen thưởng "
        "của tỉnh, thành phố, xã, phường, đặc khu, hoặc huyện, thành phố thuộc tỉnh trước "
        "01/07/2025 (ký TM. Hội đồng, KT. Chủ tịch; cấp lấy từ --chu-quan hay --ten-day-du)",
        "en": "Kind of office: ubnd-tinh: People's Committee of a province or centrally run city "
        "(signed TM. for the committee, KT. for the Chairman); ubnd-huyen: People's Committee "
        "of a district, urban district, town or provincial city (documents before 01/07/2025); "
        "ubnd-xa: People's Committee of a commune, ward or special zone; so-nganh: a "
        "department, board or agency of a province's or city's People's Committee (signed KT. "
        "for the Director); phong: a specialised office of a commune's, ward's or "
        "special zone's People's Committee, or of a district's or provincial city's before "
        "01/07/2025 (signed KT. for the Head; needs --chu-quan stating the level); van-phong: "
        "Office of the "
        "People's Committee, Office of the National Assembly Delegation and People's Council "
        "(signed KT. for the Chief of Office); hoi-dong-tdkt: Emulation and Commendation "
        "Council of a province, city, commune, ward or special zone, or of a district or "
        "provincial city before 01/07/2025 (signed TM. for the council, KT. for the "
        "Chairman; its level from --chu-quan or --ten-day-du)",
    },
    "help.init.place": {
        "vi": "Địa danh ở dòng ngày tháng, ví dụ: Sơn La; cấp xã: tên xã (mặc định: địa danh "
        "trong --co-quan, không có thì trong --ten-day-du, rồi trong --chu-quan).",
        "en": "Place name on the date line, e.g. Sơn La; for a commune: the commune's name "
        "(default: the place in --co-quan, else the one in --ten-day-du, then in --chu-quan).",
    },
    "help.init.name": {
        "vi": "Tên cơ quan ban hành như in trên văn bản; '|' ngắt dòng ('SỞ NÔNG NGHIỆP VÀ | "
        "PHÁT TRIỂN NÔNG THÔN'), không có thì vanthu ngắt khi dòng quá dài.",
        "en": "Name of the issuing office as printed on documents; '|' marks a line break, else "
        "vanthu breaks a line too long for the header.",
    },
    "help.init.full_name": {
        "vi": "Tên cơ quan dùng trong câu văn.",
        "en": "Name of the office as written in sentences.",
    },
    "help.init.parent": {
        "vi": "Cơ quan chủ quản ('' nếu không có; mặc định theo kiểu cơ quan). Cấp và địa danh "
        "trong tên cơ quan kiểu so-nganh, phong, van-phong, hoi-dong-tdkt lấy từ tên này ('ỦY "
        "BAN NHÂN DÂN HUYỆN MAI SƠN': huyện Mai Sơn), không đoán; kiểu phong bắt buộc có.",
        "en": "Governing body ('' if none; default: from the kind of office). The level and "
        "place in the name of a so-nganh, phong, van-phong or hoi-dong-tdkt office come from "
        "it (a district's People's Committee: that district), never guessed; a phong office "
        "must have one.",
    },
    "help.init.abbreviation": {
        "vi": "Chữ viết tắt trong ký hiệu văn bản, ví dụ: VPUBND.",
        "en": "Abbreviation used in document symbols, e.g. VPUBND.",
    },
    "help.init.signer": {
        "vi": "Họ tên người đứng đầu ký văn bản.",
        "en": "Full name of the head of the office, who signs documents.",
    },
    "help.init.deputy": {
        "vi": "Họ tên cấp phó ký thay (KT.), nếu có.",
        "en": "Full name of the deputy who signs on the head's behalf (KT.), if any.",
    },
    "help.init.force": {"vi": "Ghi đè các tệp đã có.", "en": "Overwrite existing files."},
    # vanthu so (pipeline/register/command.py)
    "help.so": {
        "vi": "Sổ đăng ký văn bản đi: cấp, giữ, hủy số; xem, xuất, nhập, kiểm tra sổ.",
        "en": "The register of outgoing documents: issue, reserve, cancel numbers; show, "
        "export, import, check the register.",
    },
    "help.so.db": {
        "vi": "Sổ văn bản: tệp SQLite hoặc postgresql://... (mặc định: so_van_ban trong "
        "vanthu.yaml, rồi VANTHU_DB, rồi so-van-ban.sqlite3 của thư mục làm việc) / register "
        "file or URL.",
        "en": "The register: an SQLite file or postgresql://... (default: so_van_ban in "
        "vanthu.yaml, then VANTHU_DB, then so-van-ban.sqlite3 of the workspace).",
    },
    "help.so.agency": {
        "vi": "Mã cơ quan: tên tệp hồ sơ cơ quan (mặc định: hồ sơ cơ quan duy nhất của thư mục "
        "làm việc, rồi cơ quan duy nhất trong sổ) / office id.",
        "en": "Office id: the name of the office profile file (default: the workspace's only "
        "office profile, then the only office in the register).",
    },
    "help.so.separate": {
        "vi": "Dãy số riêng cho một loại, ví dụ QĐ=quyet-dinh (lặp lại được); sổ chưa ghi cách "
        "đánh số thì ghi lại cách này (xem: so day-so) / a separate sequence for a type.",
        "en": "A separate number sequence for a type, e.g. QĐ=quyet-dinh (may be repeated); "
        "a register keeping no numbering yet keeps this one (see: so day-so).",
    },
    "help.so.metavar.db": {"vi": "TỆP|URL", "en": "FILE|URL"},
    "help.so.metavar.agency": {"vi": "MÃ", "en": "ID"},
    "help.so.metavar.separate": {"vi": "LOẠI=DÃY", "en": "TYPE=SEQUENCE"},
    "help.so.metavar.xlsx": {"vi": "TỆP.xlsx", "en": "FILE.xlsx"},
    "help.so.cap": {
        "vi": "Cấp số tiếp theo và vào sổ (đã cấp).",
        "en": "Issue the next number and enter it in the register (issued).",
    },
    "help.so.giu": {
        "vi": "Giữ số: lấy số tiếp theo, chưa có văn bản.",
        "en": "Reserve a number: take the next one before the document exists.",
    },
    "help.so.huy": {
        "vi": "Hủy số: giữ lại trong sổ kèm lý do, không bao giờ cấp lại.",
        "en": "Cancel a number: it stays in the register with the reason and is never issued "
        "again.",
    },
    "help.so.khoi_phuc": {
        "vi": "Ghi lại vào sổ các số đã cấp mà sổ không còn (sổ bị làm trống, hoặc chép đè bằng "
        "bản sao cũ), theo các văn bản đã dựng (manifest trong outputs/). Số cấp sau bản sao "
        "bằng so cap, so giu thì không văn bản nào ghi: vào sổ chúng bằng so vao-so, rồi xác "
        "nhận bằng --da-kiem-tra; đến khi đó không cấp số mới năm NĂM.",
        "en": "Enter again the numbers issued that the register no longer holds (emptied, or "
        "overwritten by an older copy), from the documents built (the manifests in outputs/). "
        "Numbers given after the copy with so cap or so giu no document records: enter them "
        "with so vao-so, then confirm with --da-kiem-tra; until then no new number of YEAR is "
        "given.",
    },
    "help.so.khoi_phuc.checked": {
        "vi": "Xác nhận đã vào sổ (so vao-so) mọi số cấp bằng so cap, so giu sau bản sao sổ cũ "
        "mà không văn bản đã dựng nào ghi: vanthu lại cấp số mới năm NĂM.",
        "en": "Confirm that every number given with so cap or so giu after the older copy, "
        "which no document built records, is entered (so vao-so): vanthu gives new numbers "
        "of YEAR again.",
    },
    "help.so.kiem_tra": {
        "vi": "Kiểm tra sổ một năm: thiếu số, trùng số (mã thoát 1 khi có); cảnh báo số có "
        "tệp dữ liệu không còn, số ghi ngày trước số nhỏ hơn.",
        "en": "Check a year's register: missing and duplicate numbers (exit code 1 if any); "
        "warn of numbers whose data file is gone, and of numbers dated before a lower one.",
    },
    "help.so.nhap": {
        "vi": "Nhập sổ cũ từ .xlsx (tất cả các dòng hoặc không dòng nào).",
        "en": "Import an old register from .xlsx (all of its rows or none).",
    },
    "help.so.nhap.displace": {
        "vi": "Số trong tệp trùng số vanthu đã cấp (dựng trước khi nhập sổ cũ): dòng của tệp "
        "giữ số; các số vanthu đã cấp chuyển ra sau, văn bản của chúng được cấp số mới khi "
        "dựng lại.",
        "en": "Numbers of the file that vanthu gave too (documents built before the old "
        "register was imported): the file's rows keep them; the numbers vanthu gave move after "
        "them, and their documents print new ones when built again.",
    },
    "help.so.day_so": {
        "vi": "Cách đánh số của cơ quan, ghi trong sổ: loại văn bản nào có dãy số riêng, ví dụ "
        "QĐ=quyet-dinh. Không đối số: xem cách đang ghi. Build, render, check và mọi lệnh so "
        "đều đánh số theo cách này.",
        "en": "The office's numbering, kept in the register: which document types have a "
        "sequence of their own, e.g. QĐ=quyet-dinh. Without arguments: show it. Build, render, "
        "check and every so command number by it.",
    },
    "help.so.day_so.since": {
        "vi": "Áp dụng từ năm này (mặc định: mọi năm chưa cấp số theo cách khác).",
        "en": "From this year on (default: every year not numbered otherwise).",
    },
    "help.so.day_so.one_run": {
        "vi": "Mọi loại văn bản một dãy số (bỏ các dãy số riêng).",
        "en": "Every type in one sequence (no separate sequences).",
    },
    "help.so.metavar.pairs": {"vi": "[LOẠI=DÃY]...", "en": "[TYPE=SEQUENCE]..."},
    "help.so.vao_so": {
        "vi": "Vào sổ một số đã ghi tay (từ chối số trùng, nêu dòng đã có; số vượt quá số tiếp "
        "theo cần --bo-qua-so).",
        "en": "Enter a number written by hand (a duplicate is refused, naming the row that "
        "has it; a number past the next one needs --bo-qua-so).",
    },
    "help.so.vao_so.skip": {
        "vi": "Cho vào sổ số lớn hơn số tiếp theo, bỏ qua các số ở giữa.",
        "en": "Allow a number past the next one, skipping the numbers between.",
    },
    "help.so.xem": {"vi": "Xem sổ của một năm (bảng).", "en": "Show a year's register (table)."},
    "help.so.xuat": {
        "vi": "Xuất sổ của một năm ra .xlsx hoặc .docx (in được, theo mẫu sổ).",
        "en": "Export a year's register to .xlsx or .docx (printable, in the register's form).",
    },
    "help.so.date": {"vi": "Ngày văn bản.", "en": "Date of the document."},
    "help.so.symbol": {"vi": "Ký hiệu, ví dụ QĐ-VPUBND.", "en": "Symbol, e.g. QĐ-VPUBND."},
    "help.so.type": {"vi": "Loại (QĐ, KH, BC, CV...).", "en": "Type (QĐ, KH, BC, CV...)."},
    "help.so.summary": {
        "vi": "Tên loại và trích yếu.",
        "en": "Name of the type and summary of the content.",
    },
    "help.so.signer": {"vi": "Người ký.", "en": "Signer."},
    "help.so.recipients": {"vi": "Nơi nhận.", "en": "Recipients."},
    "help.so.archive": {
        "vi": "Đơn vị, người nhận bản lưu.",
        "en": "Unit or person who keeps the file copy.",
    },
    "help.so.copies": {"vi": "Số lượng bản.", "en": "Number of copies."},
    "help.so.note": {"vi": "Ghi chú.", "en": "Note."},
    "help.so.year_of_date": {
        "vi": "Năm (mặc định: theo ngày).",
        "en": "Year (default: from the date).",
    },
    "help.so.year_now": {"vi": "Năm (mặc định: năm nay).", "en": "Year (default: this year)."},
    "help.so.year_of_rows": {
        "vi": "Năm của các dòng không ghi năm (mặc định: theo tiêu đề sổ).",
        "en": "Year of the rows that give none (default: from the register's title).",
    },
    "help.so.sequence_of_type": {
        "vi": "Dãy số (mặc định: theo loại).",
        "en": "Number sequence (default: by type).",
    },
    "help.so.sequence_shared": {
        "vi": "Dãy số (mặc định: chung).",
        "en": "Number sequence (default: the common one).",
    },
    "help.so.sequence_only": {"vi": "Chỉ một dãy số.", "en": "Only one number sequence."},
    "help.so.sequence_import": {
        "vi": "Nhập cả tệp vào một dãy số.",
        "en": "Import the whole file into one number sequence.",
    },
    "help.so.other_years": {
        "vi": "Nhận các dòng ghi ngày khác năm của trang sổ (trang ghi văn bản nhiều năm): mỗi "
        "dòng vào sổ của năm ghi trong ngày.",
        "en": "Accept rows dated in another year than their sheet's (a sheet of several years): "
        "each goes to the register of its date's year.",
    },
    "help.so.source": {
        "vi": "Tệp nguồn: cấp lại cho cùng tệp giữ số cũ.",
        "en": "Source file: issuing again for the same file keeps its number.",
    },
    "help.so.quiet": {
        "vi": "Chỉ in số, ký hiệu (cho script).",
        "en": "Print only the number and symbol (for scripts).",
    },
    "help.so.count": {
        "vi": "Giữ mấy số liền nhau.",
        "en": "How many consecutive numbers to reserve.",
    },
    "help.so.reason": {"vi": "Lý do hủy số.", "en": "Why the number is cancelled."},
    "help.so.export_file": {"vi": "Tệp .xlsx hoặc .docx.", "en": "The .xlsx or .docx file."},
    # vanthu templates (pipeline/template_tools/command.py)
    "help.templates": {
        "vi": "Công cụ cho người bảo trì mẫu .docx.",
        "en": "Tools for the maintainers of .docx templates.",
    },
    "help.templates.check": {
        "vi": "Kiểm tra mẫu: cú pháp thẻ, khối chưa đóng, trường lạ, thể thức, khối dùng chung.",
        "en": "Check templates: tag syntax, unclosed blocks, unknown fields, format, shared "
        "blocks.",
    },
    "help.templates.check.inputs": {
        "vi": "Dữ liệu mẫu để đối chiếu trường (mặc định: dữ liệu của thư mục làm việc).",
        "en": "Sample data to check the fields against (default: the workspace's data).",
    },
    "help.templates.copy": {
        "vi": "Chép một mẫu có sẵn vào thư mục mẫu của cơ quan (mau/) để sửa bằng Word.",
        "en": "Copy a built-in template into the workspace's templates folder (mau/) to edit "
        "it in Word.",
    },
    "help.templates.copy.force": {
        "vi": "Ghi đè bản đã có trong thư mục mẫu của cơ quan.",
        "en": "Overwrite the copy already in the workspace's templates folder.",
    },
    "help.templates.fields": {
        "vi": "Các trường dữ liệu mẫu dùng, dạng cây.",
        "en": "The data fields a template uses, as a tree.",
    },
    "help.templates.list": {
        "vi": "Liệt kê các mẫu đang dùng: loại văn bản, nguồn (có sẵn hay của cơ quan), ngày "
        "sửa cuối.",
        "en": "List the templates in use: document type, source (built-in or the office's own), "
        "last changed.",
    },
    # vanthu verify (pipeline/verify/command.py)
    "help.verify": {
        "vi": "Kiểm tra .docx theo Nghị định 30/2020/NĐ-CP (thể thức, kỹ thuật trình bày); nêu "
        "thư mục: mọi .docx trong đó; không nêu tệp: mọi .docx trong outputs/ của thư mục làm "
        "việc. Mã thoát: 0 đạt, 1 có vi phạm, 2 có tệp không đọc được.",
        "en": "Check .docx files against Decree 30/2020/NĐ-CP (format and presentation); a "
        "folder: every .docx in it; no file: every .docx in the workspace's outputs/. Exit "
        "status: 0 passes, 1 violations, 2 a file could not be read.",
    },
    "help.verify.format": {
        "vi": "Kết quả dạng văn bản hay JSON / text or JSON output.",
        "en": "Text or JSON output.",
    },
    "help.verify.type": {
        "vi": "Loại văn bản: ke-hoach, quyet-dinh, cong-van, ... (mặc định: đọc từ tên loại) / "
        "document type (default: from the title).",
        "en": "Document type: ke-hoach, quyet-dinh, cong-van, ... (default: from the title).",
    },
    "help.verify.template": {
        "vi": "Kiểm tra mẫu .docx: chỉ các quy tắc trình bày / check a template: layout rules "
        "only.",
        "en": "Check a .docx template: layout rules only.",
    },
    "help.verify.register": {
        "vi": "Đối chiếu số, ký hiệu và ngày với sổ văn bản đi của thư mục làm việc / check the "
        "number and date against the workspace's register.",
        "en": "Check the number, symbol and date against the workspace's register.",
    },
    # What Click writes itself, in English: shown in Vietnamese ("Usage:" is cli.usage_usage).
    "help.click.help_option": {
        "vi": "Hiện hướng dẫn này rồi thoát.",
        "en": "Show this message and exit.",
    },
    "help.click.version_option": {
        "vi": "Hiện phiên bản rồi thoát.",
        "en": "Show the version and exit.",
    },
    "help.click.options": {"vi": "Tùy chọn", "en": "Options"},
    "help.click.commands": {"vi": "Lệnh", "en": "Commands"},
    # Click's metavars, the words it writes for a value's type and in a usage line
    # (help_language.say_words); a choice's values ([text|json]) and a date's formats are what
    # the user types, and stay.
    "help.click.metavar.text": {"vi": "CHUỖI", "en": "TEXT"},
    "help.click.metavar.integer": {"vi": "SỐ_NGUYÊN", "en": "INTEGER"},
    "help.click.metavar.integer_range": {"vi": "SỐ_NGUYÊN", "en": "INTEGER RANGE"},
    "help.click.metavar.float": {"vi": "SỐ", "en": "FLOAT"},
    "help.click.metavar.boolean": {"vi": "CÓ/KHÔNG", "en": "BOOLEAN"},
    "help.click.metavar.path": {"vi": "ĐƯỜNG_DẪN", "en": "PATH"},
    "help.click.metavar.file": {"vi": "TỆP", "en": "FILE"},
    "help.click.metavar.filename": {"vi": "TÊN_TỆP", "en": "FILENAME"},
    "help.click.metavar.directory": {"vi": "THƯ_MỤC", "en": "DIRECTORY"},
    "help.click.metavar.options": {"vi": "TÙY_CHỌN", "en": "OPTIONS"},
    "help.click.metavar.command": {"vi": "LỆNH", "en": "COMMAND"},
    "help.click.metavar.args": {"vi": "THAM_SỐ", "en": "ARGS"},
    # The words of Click's "[...]" after an option's help (help_language.clicks_extras).
    "help.click.extra.required": {"vi": "bắt buộc", "en": "required"},
    "help.click.extra.default": {"vi": "mặc định", "en": "default"},
    "help.click.extra.env_var": {"vi": "biến môi trường", "en": "env var"},
    # The commands' arguments as a usage line and a missing argument name them (Click would
    # write the parameter's English name: INPUTS..., INPUT_DIR, NAME).
    "help.args.metavar.files": {"vi": "TỆP...", "en": "FILE..."},
    "help.args.metavar.files_optional": {"vi": "[TỆP]...", "en": "[FILE]..."},
    "help.args.metavar.folder_optional": {"vi": "[THƯ_MỤC]", "en": "[FOLDER]"},
    "help.args.metavar.name": {"vi": "TÊN", "en": "NAME"},
    "help.args.metavar.names_optional": {"vi": "[TÊN]...", "en": "[NAME]..."},
    "help.args.metavar.type": {"vi": "LOẠI", "en": "TYPE"},
    # R2 the `so` commands' arguments (pipeline/register/command.py): a year, a number.
    "help.so.metavar.year": {"vi": "NĂM", "en": "YEAR"},
    "help.so.metavar.number": {"vi": "SỐ", "en": "NUMBER"},
}
