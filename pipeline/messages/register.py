"""Messages: the sổ đăng ký văn bản đi (vanthu so)."""

MESSAGES: dict[str, dict[str, str]] = {
    "register.cannot_open": {
        "vi": "không mở được sổ văn bản {location}: {reason}",
        "en": "cannot open the register {location}: {reason}",
    },
    "register.connection_lost": {
        "vi": "mất kết nối tới sổ văn bản {location}: {reason}",
        "en": "lost the connection to the register {location}: {reason}",
    },
    "register.busy": {
        "vi": "sổ văn bản {location} đang bận quá lâu (người khác đang ghi): {reason}; hãy thử lại",
        "en": "the register {location} stayed busy too long (someone else is writing): {reason}; "
        "try again",
    },
    # SQLite's errors a clerk can act on (backends.sqlite_failure): the file and what to do.
    "register.read_only": {
        "vi": "không ghi được vào sổ văn bản {location}: tệp sổ (hoặc thư mục chứa nó) chỉ cho "
        "đọc (SQLite: {reason}); hãy cho phép ghi: bỏ thuộc tính chỉ đọc (Read-only) của tệp, "
        "kiểm tra quyền ghi của người dùng này trên tệp và thư mục, rồi chạy lại",
        "en": "cannot write to the register {location}: the register file (or its folder) is "
        "read-only (SQLite: {reason}); allow writing: clear the file's read-only attribute, "
        "check this user's write permission on the file and its folder, then run again",
    },
    "register.disk_full": {
        "vi": "không ghi được vào sổ văn bản {location}: ổ đĩa chứa sổ đã đầy (SQLite: "
        "{reason}); hãy giải phóng chỗ trống trên ổ đĩa đó rồi chạy lại",
        "en": "cannot write to the register {location}: the disk holding it is full (SQLite: "
        "{reason}); free some space on that disk, then run again",
    },
    "register.disk_io": {
        "vi": "không đọc ghi được sổ văn bản {location}: lỗi đọc ghi ổ đĩa (SQLite: {reason}); "
        "ổ đĩa có thể đã đầy, tệp vượt giới hạn dung lượng được phép, hoặc ổ đĩa (ổ mạng, USB) "
        "bị lỗi hay bị rút ra; hãy giải phóng chỗ trống, kiểm tra ổ đĩa, rồi chạy lại",
        "en": "cannot read or write the register {location}: a disk input/output error "
        "(SQLite: {reason}); the disk may be full, the file over its allowed size, or the "
        "disk (a network drive, a USB stick) failing or removed; free some space, check the "
        "disk, then run again",
    },
    "register.corrupt": {
        "vi": "sổ văn bản {location} bị hỏng, vanthu không đọc được (SQLite: {reason}). Đừng "
        "xóa tệp: hãy chép nó sang chỗ khác để giữ, rồi đặt bản sao lưu gần nhất của sổ vào "
        "chỗ của nó; nếu không có bản sao lưu, đổi tên tệp hỏng, nhập lại sổ bằng vanthu so "
        "nhap từ tệp đã xuất bằng vanthu so xuat (nếu có), rồi ghi lại các số các văn bản đã "
        "dựng còn ghi bằng vanthu so khoi-phuc NĂM",
        "en": "the register {location} is damaged and vanthu cannot read it (SQLite: {reason}). "
        "Do not delete the file: copy it elsewhere to keep it, then put the latest backup of "
        "the register in its place; without a backup, rename the damaged file, import the "
        "register again with vanthu so nhap from a file exported with vanthu so xuat (if "
        "any), then enter again the numbers the documents built record with vanthu so "
        "khoi-phuc YEAR",
    },
    # A register file of 0 bytes (backends.refuse_unusable_file): vanthu makes a register
    # whole (schema.create_file), so an empty one was emptied, or left by an older vanthu
    # interrupted while making it.
    "register.emptied": {
        "vi": "sổ văn bản {location} là tệp rỗng (0 byte), không còn số nào: sổ do vanthu tạo "
        "luôn có sẵn cấu trúc của nó, nên tệp này đã bị làm rỗng (chép hỏng, ổ đĩa đầy, bị ghi "
        "đè). vanthu không dùng tệp này, để không cấp lại từ 01 các số đã cấp. Hãy đặt bản sao "
        "lưu gần nhất của sổ vào chỗ của nó{wal}; nếu "
        "không có bản sao lưu, đổi tên hoặc xóa tệp rỗng, nhập lại sổ bằng vanthu so nhap từ "
        "tệp đã xuất bằng vanthu so xuat (nếu có), rồi ghi lại các số các văn bản đã dựng còn "
        "ghi bằng vanthu so khoi-phuc NĂM. Nếu sổ chưa từng cấp số nào (tệp do một lần chạy "
        "vanthu bản cũ bị ngắt khi đang tạo sổ để lại), chỉ cần xóa tệp rỗng rồi chạy lại",
        "en": "the register {location} is an empty file (0 bytes) holding no number: a "
        "register vanthu makes always has its structure in it, so this file was emptied (a "
        "failed copy, a full disk, overwritten). vanthu does not use it, so as not to give "
        "again from 01 the numbers already given. Put the latest backup of the register in "
        "its place{wal}; without a backup, "
        "rename or delete the empty file, import the register again with vanthu so nhap from "
        "a file exported with vanthu so xuat (if any), then enter again the numbers the "
        "documents built record with vanthu so khoi-phuc YEAR. If the register never gave a "
        "number (the file was left by a run of an older vanthu interrupted while making the "
        "register), just delete the empty file and run again",
    },
    "register.emptied_wal": {
        "vi": " (tệp {wal} bên cạnh có thể còn giữ các số cấp sau cùng: đừng xóa, hãy chuyển "
        "nó sang chỗ khác để giữ trước khi đặt bản sao lưu vào)",
        "en": " (the file {wal} beside it may still hold the last numbers given: do not "
        "delete it, move it elsewhere to keep it before putting the backup in place)",
    },
    # --db, VANTHU_DB or so_van_ban naming a folder (backends.refuse_unusable_file).
    "register.is_folder": {
        "vi": "sổ văn bản {location} là một thư mục, không phải tệp sổ; hãy ghi đường dẫn tới "
        "tệp sổ (--db, VANTHU_DB hoặc so_van_ban trong vanthu.yaml), ví dụ "
        "{location}/so-van-ban.sqlite3",
        "en": "the register {location} is a folder, not a register file; give the path of the "
        "register file (--db, VANTHU_DB or so_van_ban in vanthu.yaml), for example "
        "{location}/so-van-ban.sqlite3",
    },
    "register.no_psycopg": {
        "vi": "cần gói psycopg để dùng sổ trên PostgreSQL; cài bằng: "
        "pip install 'vanthu[postgres]'",
        "en": "psycopg is needed for a register on PostgreSQL; install it: "
        "pip install 'vanthu[postgres]'",
    },
    # Where the register is (location.py) and what PostgreSQL says (backends.py). Nothing of
    # a password is ever shown: {location} is masked, {driver} rid of it (backends.scrub).
    "register.postgres_detail": {
        "vi": " (chi tiết từ PostgreSQL: {reason})",
        "en": " (PostgreSQL says: {reason})",
    },
    "register.cannot_open_postgres": {
        "vi": "không mở được sổ văn bản {location}{driver}",
        "en": "cannot open the register {location}{driver}",
    },
    "register.connection_lost_postgres": {
        "vi": "mất kết nối tới sổ văn bản {location}{driver}",
        "en": "lost the connection to the register {location}{driver}",
    },
    "register.url_unreadable": {
        "vi": "không đọc được địa chỉ sổ văn bản {location}{driver}. Trong tên đăng nhập và mật "
        "khẩu, các ký tự @ : / ? # và dấu cách phải viết mã hóa: @ thành %40, : thành %3A, / "
        "thành %2F, ? thành %3F, # thành %23, dấu cách thành %20 (ví dụ mật khẩu Thu@Ky#5 "
        "viết postgresql://van-thu:Thu%40Ky%235@may-chu/so_van_ban)",
        "en": "cannot read the register address {location}{driver}. In the user name and "
        "password, the characters @ : / ? # and spaces must be percent-encoded: @ as %40, : as "
        "%3A, / as %2F, ? as %3F, # as %23, a space as %20 (e.g. the password Thu@Ky#5 is "
        "written postgresql://van-thu:Thu%40Ky%235@may-chu/so_van_ban)",
    },
    "register.url_no_host": {
        "vi": "không đọc được địa chỉ sổ văn bản {location}{driver}: địa chỉ thiếu máy chủ "
        "(@máy-chủ); phần sau tên đăng nhập được hiểu là cổng. Địa chỉ viết "
        "postgresql://tên:mật-khẩu@máy-chủ:cổng/cơ-sở-dữ-liệu, các ký tự @ : / ? # và dấu cách "
        "trong mật khẩu viết mã hóa (@ thành %40, # thành %23, dấu cách thành %20). Nếu địa chỉ "
        "ghi trong vanthu.yaml, có vẻ nó đã bị cắt: ở đó một dấu # sau dấu cách bắt đầu chú "
        "thích; hãy đặt địa chỉ trong dấu nháy (so_van_ban: \"postgresql://...\")",
        "en": "cannot read the register address {location}{driver}: the host (@host) is "
        "missing; what follows the user name is read as a port. The address is written "
        "postgresql://user:password@host:port/database, the characters @ : / ? # and spaces of "
        "the password percent-encoded (@ as %40, # as %23, a space as %20). If the address is "
        "in vanthu.yaml, it looks cut short: there a # after a space starts a comment; put the "
        "address in quotes (so_van_ban: \"postgresql://...\")",
    },
    "register.unsupported_location": {
        "vi": "không dùng được sổ văn bản {location}: vanthu không mở sổ theo giao thức "
        "'{scheme}'. Sổ văn bản là một tệp SQLite, ghi bằng đường dẫn tệp (ví dụ "
        "so-van-ban.sqlite3 hoặc /srv/van-thu/so-van-ban.sqlite3), hoặc một cơ sở dữ liệu "
        "PostgreSQL, ghi postgresql://tên:mật-khẩu@máy-chủ:cổng/cơ-sở-dữ-liệu (hoặc postgres://). "
        "Chưa tạo sổ nào, chưa ghi gì",
        "en": "cannot use the register {location}: vanthu opens no register by '{scheme}'. A "
        "register is an SQLite file, written as a file path (e.g. so-van-ban.sqlite3 or "
        "/srv/van-thu/so-van-ban.sqlite3), or a PostgreSQL database, written "
        "postgresql://user:password@host:port/database (or postgres://). No register was "
        "created, nothing was written",
    },
    "register.dsn_location": {
        "vi": "không dùng được sổ văn bản {location}: đây là chuỗi kết nối dạng khóa=giá trị, "
        "vanthu cần địa chỉ postgresql://tên:mật-khẩu@máy-chủ:cổng/cơ-sở-dữ-liệu (ví dụ "
        "postgresql://van-thu:MAT-KHAU@127.0.0.1:5432/so_van_ban), hoặc đường dẫn một tệp SQLite "
        "(ví dụ so-van-ban.sqlite3). Chưa tạo sổ nào, chưa ghi gì",
        "en": "cannot use the register {location}: this is a key=value connection string; "
        "vanthu needs an address postgresql://user:password@host:port/database (e.g. "
        "postgresql://van-thu:PASSWORD@127.0.0.1:5432/so_van_ban), or the path of an SQLite "
        "file (e.g. so-van-ban.sqlite3). No register was created, nothing was written",
    },
    "register.no_privilege": {
        "vi": "tài khoản PostgreSQL '{role}' không đủ quyền trên cơ sở dữ liệu {database} (sổ văn "
        "bản {location}){driver}: vanthu cần quyền tạo và ghi các bảng của sổ trong cơ sở dữ liệu "
        "đó (quyền CREATE và USAGE trên schema public, hoặc là chủ cơ sở dữ liệu). Hãy nhờ người "
        "quản trị PostgreSQL cấp quyền cho tài khoản '{role}'",
        "en": "the PostgreSQL role '{role}' lacks rights on the database {database} (register "
        "{location}){driver}: vanthu needs to create and write the register's tables in that "
        "database (CREATE and USAGE on the schema public, or owning the database). Ask the "
        "PostgreSQL administrator to grant them to the role '{role}'",
    },
    "register.bad_number_text": {
        "vi": "số văn bản phải là số nguyên từ 01 trở lên, ví dụ 05 (nhận '{value}')",
        "en": "a document number is a whole number from 01 up, e.g. 05 (got '{value}')",
    },
    "register.bad_year": {
        "vi": "năm phải ghi đủ bốn chữ số, từ {low} đến {high}, ví dụ 2026 (nhận {value})",
        "en": "a year is written with four digits, from {low} to {high}, e.g. 2026 (got {value})",
    },
    "register.newer_schema": {
        "vi": "sổ văn bản do phiên bản vanthu mới hơn tạo (lược đồ {version}, bản này biết tới "
        "{known}); hãy cập nhật vanthu",
        "en": "the register was made by a newer vanthu (schema {version}, this one knows up to "
        "{known}); update vanthu",
    },
    "register.year_mismatch": {
        "vi": "năm {year} không khớp với ngày văn bản {date}",
        "en": "year {year} does not match the document date {date}",
    },
    "register.source_elsewhere": {
        "vi": "tệp {source} đã được cấp số {existing} (năm {year}, dãy số '{sequence}'); muốn "
        "cấp số khác thì hủy số cũ trước (vanthu so huy)",
        "en": "{source} already has number {existing} (year {year}, sequence '{sequence}'); to "
        "number it anew, void the old number first (vanthu so huy)",
    },
    "register.no_entry": {
        "vi": "không có dòng số {id} trong sổ văn bản",
        "en": "the register has no row {id}",
    },
    "register.confirm_void": {
        "vi": "số {entry} đã bị hủy, không dùng lại được",
        "en": "number {entry} is void and cannot be used again",
    },
    "register.bad_count": {
        "vi": "số lượng số cần giữ phải từ 1 trở lên (nhận {count})",
        "en": "the count of numbers to reserve must be 1 or more (got {count})",
    },
    "register.count_too_large": {
        "vi": "không giữ được {count} số một lần: một dãy số có nhiều nhất {limit} số",
        "en": "cannot reserve {count} numbers at once: a sequence holds at most {limit}",
    },
    "register.bad_number": {
        "vi": "số văn bản bắt đầu từ 01 (nhận {number})",
        "en": "document numbers start at 01 (got {number})",
    },
    "register.number_too_large": {
        "vi": "số văn bản {number} quá lớn: một dãy số của sổ đánh từ 01 đến nhiều nhất {limit} "
        "(như số ghi trong dữ liệu văn bản); hãy kiểm tra lại số",
        "en": "document number {number} is too large: a sequence of the register numbers from "
        "01 to at most {limit} (as a document's data types it); check the number",
    },
    "register.void_needs_reason": {
        "vi": "hủy số phải ghi lý do (--ly-do)",
        "en": "voiding a number needs a reason (--ly-do)",
    },
    "register.not_given": {
        "vi": "số {number} năm {year} (dãy số '{sequence}', cơ quan {agency}) chưa được cấp",
        "en": "number {number} of {year} (sequence '{sequence}', office {agency}) was never given",
    },
    "register.not_given_last_year": {
        "vi": "số {number} năm {year} (dãy số '{sequence}', cơ quan {agency}) chưa được cấp; "
        "sổ năm {last_year} đã cấp số này: để hủy số của năm {last_year}, thêm --nam "
        "{last_year}",
        "en": "number {number} of {year} (sequence '{sequence}', office {agency}) was never "
        "given; the register of {last_year} gave it: to void the number of {last_year}, add "
        "--nam {last_year}",
    },
    "register.symbol_other_office": {
        "vi": "ký hiệu {symbol} ghi '{given}' ở chỗ tên cơ quan, khác chữ viết tắt của cơ quan "
        "{agency} trong hồ sơ cơ quan ({abbreviation}); có phải là {meant}? (nếu gõ nhầm, hãy "
        "hủy số này và cấp lại với --ky-hieu {meant})",
        "en": "ký hiệu {symbol} has '{given}' where the office's name goes, not the "
        "abbreviation of office {agency} in its profile ({abbreviation}); did you mean {meant}? "
        "(if it is a typo, void this number and give one again with --ky-hieu {meant})",
    },
    "register.already_void": {
        "vi": "số {entry} đã bị hủy từ trước",
        "en": "number {entry} is already void",
    },
    "register.duplicate": {
        "vi": "số {number} năm {year} (dãy số '{sequence}') đã có trong sổ: {existing}",
        "en": "number {number} of {year} (sequence '{sequence}') is already in the register: "
        "{existing}",
    },
    "register.source_taken": {
        "vi": "tệp {source} đã có số trong sổ: {existing}",
        "en": "{source} already has a number in the register: {existing}",
    },
    "register.agency_choose_profile": {
        "vi": "thư mục làm việc có {count} hồ sơ cơ quan ({folder}): {known}; hãy chọn một bằng "
        "--co-quan, ví dụ: vanthu so --co-quan {first} {command} ...",
        "en": "the workspace has {count} agency profiles ({folder}): {known}; choose one with "
        "--co-quan, e.g. vanthu so --co-quan {first} {command} ...",
    },
    "register.agency_choose_register": {
        "vi": "sổ văn bản có số của {count} cơ quan: {known}; hãy chọn một bằng --co-quan, "
        "ví dụ: vanthu so --co-quan {first} {command} ...",
        "en": "the register holds numbers of {count} offices: {known}; choose one with "
        "--co-quan, e.g. vanthu so --co-quan {first} {command} ...",
    },
    "register.agency_unknown": {
        "vi": "chưa biết vào sổ cho cơ quan nào: thư mục này không có hồ sơ cơ quan ({folder}) "
        "và sổ chưa có số nào. Hãy ghi mã cơ quan bằng --co-quan, ví dụ: vanthu so --co-quan "
        "van-phong {command} ...; hoặc tạo thư mục làm việc bằng vanthu init rồi chạy lệnh trong "
        "thư mục đó",
        "en": "no office to number for: this folder has no agency profile ({folder}) and the "
        "register holds no numbers yet. Name the office with --co-quan, e.g. vanthu so "
        "--co-quan van-phong {command} ...; or create a workspace with vanthu init and run the "
        "command inside it",
    },
    "register.office_unknown": {
        "vi": "mã cơ quan '{value}' không có hồ sơ cơ quan ({folder}) và chưa có trong sổ văn "
        "bản{hint}; {listed}. Chưa ghi gì vào sổ. Muốn vào sổ cho một cơ quan mới, hãy tạo hồ "
        "sơ cơ quan {folder}/{value}.yaml trước",
        "en": "office id '{value}' is neither an agency profile ({folder}) nor in the "
        "register{hint}; {listed}. Nothing was written to the register. To number for a new "
        "office, create its agency profile {folder}/{value}.yaml first",
    },
    "register.office_not_in_register": {
        "vi": "sổ văn bản không có cơ quan '{value}'{hint}; {listed}",
        "en": "the register has no office '{value}'{hint}; {listed}",
    },
    "register.office_known": {"vi": "các mã đã biết: {known}", "en": "known ids: {known}"},
    "register.office_none_known": {
        "vi": "sổ chưa có số của cơ quan nào",
        "en": "the register holds no office yet",
    },
    "register.bad_plan": {
        "vi": "dãy số riêng phải viết dạng LOẠI=TÊN, ví dụ QĐ=quyet-dinh (nhận '{pair}')",
        "en": "a separate sequence is written TYPE=NAME, e.g. QĐ=quyet-dinh (got '{pair}')",
    },
    "register.bad_plan_option": {
        "vi": "tùy chọn {option}: dãy số riêng phải viết dạng LOẠI=TÊN, ví dụ QĐ=quyet-dinh "
        "(nhận '{pair}')",
        "en": "option {option}: a separate sequence is written TYPE=NAME, e.g. QĐ=quyet-dinh "
        "(got '{pair}')",
    },
    "register.export_no_folder": {
        "vi": "không có thư mục {folder}: không ghi {path} (vanthu không tự tạo thư mục; kiểm "
        "tra lại đường dẫn sau -o)",
        "en": "there is no folder {folder}: {path} not written (vanthu creates no folder; check "
        "the path after -o)",
    },
    "register.option_date_missing": {
        "vi": "thiếu --ngay: cột Ngày tháng văn bản của sổ phải có ngày (ví dụ --ngay "
        "05/02/2026); chưa ghi gì vào sổ",
        "en": "--ngay is missing: the register's Ngày tháng văn bản column needs the date (e.g. "
        "--ngay 05/02/2026); nothing was written",
    },
    # cap and vao-so number a document that exists: the form's Số, ký hiệu and trích yếu
    # columns are what the printed sổ says the number was given to.
    "register.option_symbol_missing": {
        "vi": "thiếu --ky-hieu: cột Số, ký hiệu văn bản của sổ phải có ký hiệu của văn bản được "
        "cấp số (ví dụ --ky-hieu QĐ-VPUBND, hoặc --ky-hieu VPUBND-TH cho công văn); chưa ghi gì "
        "vào sổ",
        "en": "--ky-hieu is missing: the register's Số, ký hiệu văn bản column needs the ký hiệu "
        "of the document the number is for (e.g. --ky-hieu QĐ-VPUBND, or --ky-hieu VPUBND-TH for "
        "a công văn); nothing was written",
    },
    "register.option_summary_missing": {
        "vi": "thiếu --trich-yeu: cột Tên loại và trích yếu nội dung của sổ phải ghi số được cấp "
        "cho văn bản nào (ví dụ --trich-yeu \"Quyết định khen thưởng năm 2026\"); chưa ghi gì "
        "vào sổ",
        "en": "--trich-yeu is missing: the register's Tên loại và trích yếu nội dung column needs "
        "to say which document the number is for (e.g. --trich-yeu \"Quyết định khen thưởng năm "
        "2026\"); nothing was written",
    },
    "register.option_blank": {
        "vi": "{option} để trống: bỏ hẳn tùy chọn này hoặc ghi giá trị; chưa ghi gì vào sổ",
        "en": "{option} is blank: leave the option out or give a value; nothing was written",
    },
    # A text option refused as a data file's text is (register.texts): {reason} is that
    # text's refusal (data.bad_char, data.legacy_text, data.date_year ...).
    "register.option_text": {
        "vi": "{option}: {reason}; chưa ghi gì vào sổ",
        "en": "{option}: {reason}; nothing was written",
    },
    "register.symbol_has_number": {
        "vi": "--ky-hieu '{symbol}' có số {number} ở đầu: ký hiệu ghi không kèm số (ví dụ "
        "--ky-hieu {rest}), số do sổ cấp (hoặc ghi ở SỐ của vao-so); chưa ghi gì vào sổ",
        "en": "--ky-hieu '{symbol}' begins with the number {number}: give the ký hiệu without "
        "it (e.g. --ky-hieu {rest}); the register gives the number (or vao-so takes it as "
        "NUMBER); nothing was written",
    },
    "register.unknown_type": {
        "vi": "--loai '{value}' không phải tên viết tắt loại văn bản của Phụ lục III Nghị định "
        "30/2020/NĐ-CP (ví dụ QĐ, KH, BC, TB) hoặc CV (công văn); chưa ghi gì vào sổ",
        "en": "--loai '{value}' is not a document type abbreviation of Phụ lục III of Nghị định "
        "30/2020/NĐ-CP (e.g. QĐ, KH, BC, TB) nor CV (công văn); nothing was written",
    },
    "register.type_contradicts_symbol": {
        "vi": "--loai '{value}' trái với --ky-hieu '{symbol}' (ký hiệu này là của loại "
        "{symbol_type}): sửa một trong hai, hoặc bỏ --loai; chưa ghi gì vào sổ",
        "en": "--loai '{value}' contradicts --ky-hieu '{symbol}' (that ký hiệu is of type "
        "{symbol_type}): correct one of them, or leave --loai out; nothing was written",
    },
    "register.bad_export_format": {
        "vi": "chỉ xuất được .xlsx hoặc .docx (nhận '{suffix}')",
        "en": "can only export .xlsx or .docx (got '{suffix}')",
    },
    "register.nothing_to_export": {
        "vi": "sổ năm {year} chưa có dòng nào: không ghi {path}",
        "en": "the register has no rows for {year}: {path} not written",
    },
    # A command that only reads (so kiem-tra, xem, xuat, day-so) and finds no register file:
    # it makes none, and says what the outputs record of the numbers it would hold.
    "register.absent_numbers": {
        "vi": "không có sổ văn bản {location}, nhưng các văn bản đã dựng ghi {count} số năm "
        "{year} do sổ đó cấp (kê dưới đây): nay không sổ nào ghi các số đó. Nếu tệp sổ bị xóa "
        "hoặc chuyển đi, hãy đặt nó (hoặc bản sao lưu mới nhất) lại vào {location}; nếu không "
        "còn, ghi lại các số đó vào sổ theo các văn bản đã dựng: {command}",
        "en": "there is no register {location}, but the documents built record {count} numbers "
        "of {year} given by it (listed below): no register records them now. If the register "
        "file was deleted or moved, put it (or its newest backup) back at {location}; if there "
        "is none, enter those numbers again from the documents built: {command}",
    },
    "register.absent_check_ok": {
        "vi": "Không có sổ văn bản {location}: năm {year} chưa có số nào (không văn bản đã dựng "
        "nào ghi số do sổ này cấp); không tạo sổ",
        "en": "There is no register {location}: no number of {year} (no document built records "
        "a number given by it); no register made",
    },
    # `so huy` and `so khoi-phuc` find no register file: they make none either.
    "register.void_absent": {
        "vi": "không có sổ văn bản {location}, và không văn bản đã dựng nào ghi số năm {year} "
        "do sổ này cấp: không có số {number} năm {year} để hủy; nếu sổ được đặt ở chỗ khác, "
        "hãy chỉ đúng tệp sổ; không tạo sổ",
        "en": "there is no register {location}, and no document built records a number of "
        "{year} given by it: there is no number {number} of {year} to void; if the register "
        "is kept elsewhere, point to its file; no register made",
    },
    "register.void_absent_lacking": {
        "vi": "chưa hủy số {number} năm {year}: không có sổ văn bản {location} (xem trên). Hãy "
        "đặt tệp sổ lại chỗ cũ, hoặc ghi lại các số vào sổ ({command}), rồi "
        "mới hủy số; không tạo sổ",
        "en": "number {number} of {year} not voided: there is no register {location} (see "
        "above). Put the register file back, or enter the numbers again ({command}), then "
        "void the number; no register made",
    },
    "register.absent_restore_nothing": {
        "vi": "Không có sổ văn bản {location}: không văn bản đã dựng nào ghi số năm {year} do "
        "sổ này cấp, nên không có số nào cần ghi lại; không tạo sổ",
        "en": "There is no register {location}: no document built records a number of {year} "
        "given by it, so no number needs entering again; no register made",
    },
    "register.empty_year": {
        "vi": "sổ năm {year} chưa có dòng nào",
        "en": "the register of {year} has no rows",
    },
    # Import of an existing register (.xlsx)
    "register.import_refused": {
        "vi": "{count} lỗi trong {path}, chưa nhập dòng nào",
        "en": "{count} problem(s) in {path}, nothing was imported",
    },
    "register.not_found": {
        "vi": "không tìm thấy tệp sổ cần nhập",
        "en": "the register file to import does not exist",
    },
    "register.import_failed": {
        "vi": "{count} dòng lỗi, chưa nhập dòng nào; dòng đầu tiên: {first}",
        "en": "{count} bad row(s), nothing was imported; the first: {first}",
    },
    "register.too_many_rows": {
        "vi": "trang sổ quá dài (quá {limit} dòng); hãy tách mỗi năm ra một tệp.",
        "en": "the register's sheet is too long (more than {limit} rows); put each year in a "
        "file of its own.",
    },
    "register.no_header": {
        "vi": "không tìm thấy dòng tiêu đề của sổ (cần các cột như 'Số, ký hiệu văn bản', "
        "'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung') trong {rows} dòng đầu",
        "en": "no header row of a register (columns such as 'Số, ký hiệu văn bản', 'Ngày tháng "
        "văn bản', 'Tên loại và trích yếu nội dung') in the first {rows} rows",
    },
    "register.no_number_column": {
        "vi": "dòng tiêu đề không có cột số văn bản: cần cột 'Số, ký hiệu văn bản' (hoặc 'Số, "
        "ký hiệu', 'Số văn bản', 'Số/KH'), hoặc hai cột 'Số' và 'Ký hiệu'",
        "en": "the header row has no column for the document number: a 'Số, ký hiệu văn bản' "
        "column (or 'Số, ký hiệu', 'Số văn bản', 'Số/KH') is needed, or two columns 'Số' and "
        "'Ký hiệu'",
    },
    "register.bad_reference": {
        "vi": "không đọc được số văn bản từ '{value}' (cần dạng 05/QĐ-UBND: số, dấu /, ký hiệu)",
        "en": "cannot read a document number from '{value}' (expected e.g. 05/QĐ-UBND: the "
        "number, a slash, the ký hiệu)",
    },
    "register.no_reference": {
        "vi": "dòng không có số văn bản (ô số, ký hiệu để trống); nếu dòng này không thuộc sổ "
        "(ghi chú, dòng cộng hay chữ ký dưới bảng), hãy xóa nó khỏi tệp",
        "en": "the row has no document number (the số, ký hiệu cell is empty); if the row is not "
        "part of the register (a note, a total or a signature under the table), delete it from "
        "the file",
    },
    "register.number_symbol_apart": {
        "vi": "cột Số ghi '{number}' và cột Ký hiệu ghi '{symbol}': không ghép được thành một "
        "số, ký hiệu (cần một số ở cột Số, ký hiệu như QĐ-UBND ở cột Ký hiệu)",
        "en": "the Số column says '{number}' and the Ký hiệu column '{symbol}': they do not make "
        "one số, ký hiệu (a number is needed under Số, a ký hiệu such as QĐ-UBND under Ký hiệu)",
    },
    "register.bad_date": {
        "vi": "ngày '{value}' không hợp lệ (cần dạng 05/02/2026)",
        "en": "'{value}' is not a valid date (expected e.g. 05/02/2026)",
    },
    "register.date_number": {
        "vi": "ô ngày chứa số {value}, không phải ngày: hãy định dạng ô là Ngày (Format Cells → "
        "Date) hoặc gõ ngày dạng 05/02/2026",
        "en": "the date cell holds the number {value}, not a date: format the cell as a Date "
        "(Format Cells → Date) or type the date as 05/02/2026",
    },
    "register.date_no_year": {
        "vi": "ngày '{value}' không ghi năm, và cả tiêu đề sổ lẫn tên trang tính không ghi năm: "
        "hãy ghi năm vào ngày, hoặc nhập với --nam NĂM",
        "en": "the date '{value}' has no year, and neither the register's title nor the sheet's "
        "name gives one: add the year to the date, or import with --nam YEAR",
    },
    "register.date_month_first": {
        "vi": "ngày '{value}' không có tháng {month}: có lẽ ghi theo kiểu tháng/ngày/năm (ý là "
        "{meant}?); hãy ghi ngày/tháng/năm, và xem lại các ngày khác của cột: một ngày từ 12 "
        "trở xuống ghi kiểu đó bị đọc đảo ngày và tháng mà không báo lỗi",
        "en": "the date '{value}' has no month {month}: it is probably written month/day/year "
        "(meaning {meant}?); write day/month/year, and check the column's other dates: one with "
        "a day of 12 or less written that way is read with day and month swapped, without error",
    },
    "register.dates_month_first": {
        "vi": "các ngày ghi dạng chữ đều có ngày trên 12 (như dòng {text_row}: {text_date:%d/%m/%Y}"
        ") còn {count} ô ngày của Excel (dòng {rows}) đều có ngày từ 12 trở xuống: dấu hiệu "
        "Excel đặt kiểu tháng/ngày đã đọc các ngày gõ ngày/tháng thành tháng/ngày; các ô này có "
        "thể đã bị đảo ngày và tháng (dòng {example_row}: {date:%d/%m/%Y}, có lẽ là "
        "{swapped:%d/%m/%Y}). Đã nhập như trong tệp: hãy xem lại cột này",
        "en": "the dates written as text all have a day above 12 (such as row {text_row}: "
        "{text_date:%d/%m/%Y}) while the {count} Excel date cells (rows {rows}) all have a day of "
        "12 or less: a sign an Excel set to month/day read dates typed day/month as month/day; "
        "these cells may have day and month swapped (row {example_row}: {date:%d/%m/%Y}, probably "
        "{swapped:%d/%m/%Y}). Imported as the file says: check this column",
    },
    "register.swap_fits_all": {
        "vi": "các số theo đúng thứ tự ngày nếu đảo ngày và tháng của {count} ô ngày (dòng {rows}"
        "; dòng {example_row}: {date:%d/%m/%Y} thành {swapped:%d/%m/%Y}): có lẽ Excel đã đọc "
        "ngày theo kiểu tháng/ngày. Đã nhập như trong tệp: hãy xem lại cột này",
        "en": "the numbers are in date order if the {count} date cells (rows {rows}; row "
        "{example_row}: {date:%d/%m/%Y} becomes {swapped:%d/%m/%Y}) have day and month swapped: "
        "Excel probably read them as month/day. Imported as the file says: check this column",
    },
    "register.swap_fits": {
        "vi": "ngày {date:%d/%m/%Y} đảo ngày và tháng thành {swapped:%d/%m/%Y} thì đúng thứ tự "
        "số: có lẽ Excel đã đọc ngày này theo kiểu tháng/ngày. Đã nhập như trong tệp",
        "en": "the date {date:%d/%m/%Y} with day and month swapped, {swapped:%d/%m/%Y}, is in "
        "number order: Excel probably read it as month/day. Imported as the file says",
    },
    "register.year_from_title": {
        "vi": "năm ghi ở tiêu đề sổ, dòng {row}",
        "en": "the year in the register's title, row {row}",
    },
    "register.year_from_sheet_name": {
        "vi": "năm ghi ở tên trang tính",
        "en": "the year in the sheet's name",
    },
    "register.year_from_rows": {
        "vi": "năm của {count}/{total} dòng có ngày",
        "en": "the year of {count} of the {total} dated rows",
    },
    "register.row_other_year": {
        "vi": "ngày {date:%d/%m/%Y} thuộc năm {year}, nhưng trang sổ này là năm {expected} "
        "({why}): nếu gõ nhầm năm, hãy sửa ngày trong tệp; nếu trang thật sự ghi văn bản của "
        "nhiều năm, nhập với --nhieu-nam để mỗi dòng vào sổ của năm ghi trong ngày",
        "en": "the date {date:%d/%m/%Y} is in {year}, but this sheet is the register of "
        "{expected} ({why}): if the year was mistyped, correct the date in the file; if the sheet "
        "really holds documents of several years, import with --nhieu-nam so that each row goes "
        "to the register of its date's year",
    },
    "register.sheet_other_year": {
        "vi": "trang sổ là năm {year} ({why}) nhưng {count}/{total} dòng ghi ngày năm {years}: "
        "hãy sửa năm ở tiêu đề (hoặc tên trang), hoặc sửa ngày; nếu trang thật sự ghi văn bản "
        "của nhiều năm, nhập với --nhieu-nam",
        "en": "the sheet is the register of {year} ({why}) but {count} of {total} rows are "
        "dated in {years}: correct the year in the title (or the sheet's name), or the dates; if "
        "the sheet really holds documents of several years, import with --nhieu-nam",
    },
    "register.xls_file": {
        "vi": "tệp là sổ Excel 97–2003 (.xls), vanthu chỉ đọc .xlsx. Hãy mở tệp bằng Excel "
        "hoặc LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook).",
        "en": "the file is an Excel 97–2003 workbook (.xls); vanthu reads .xlsx only. Open it "
        "in Excel or LibreOffice and save it as .xlsx (Excel Workbook).",
    },
    "register.bad_xlsx": {
        "vi": "tệp không phải là tệp Excel .xlsx đọc được (tệp hỏng, hoặc tệp loại khác mang "
        "đuôi .xlsx). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.",
        "en": "the file is not a readable Excel .xlsx file (damaged, or a file of another kind "
        "named .xlsx). Open it in Excel or LibreOffice and save it as .xlsx.",
    },
    "register.no_year": {
        "vi": "không có ngày văn bản nên không biết năm của số này (thêm ngày, hoặc dùng --nam)",
        "en": "no document date, so the year of this number is unknown (add the date, or use "
        "--nam)",
    },
    "register.bad_copies": {
        "vi": "số lượng bản '{value}' không phải số nguyên dương",
        "en": "number of copies '{value}' is not a positive whole number",
    },
    "register.copies_too_many": {
        "vi": "số lượng bản {value} quá lớn (nhiều nhất {limit})",
        "en": "{value} copies is too many (at most {limit})",
    },
    "register.bad_status": {
        "vi": "trạng thái '{value}' không rõ: hãy ghi một trong {known}, hoặc để trống (đã cấp)",
        "en": "the status '{value}' is unknown: write one of {known}, or leave it empty (đã "
        "cấp: issued)",
    },
    "register.status_reason_contradicts": {
        "vi": "trạng thái '{value}' nhưng cột Lý do hủy ghi '{reason}': số đã hủy thì ghi trạng "
        "thái 'đã hủy'; số chưa hủy thì xóa lý do hủy",
        "en": "the status is '{value}' but the Lý do hủy column says '{reason}': for a voided "
        "number write the status 'đã hủy'; for one not voided, clear the reason",
    },
    "register.duplicate_in_file": {
        "vi": "số {reference} năm {year} đã có ở dòng {other_row} ({other_reference})",
        "en": "number {reference} of {year} is already on row {other_row} ({other_reference})",
    },
    "register.duplicate_in_other_sheet": {
        "vi": "số {reference} năm {year} đã có ở trang tính '{other_sheet}', dòng {other_row} "
        "({other_reference}), cùng một dãy số; nếu cơ quan đánh số riêng cho loại văn bản đó, "
        "hãy khai báo dãy số riêng (vanthu so --tach)",
        "en": "number {reference} of {year} is already on sheet '{other_sheet}', row "
        "{other_row} ({other_reference}), in the same sequence; if the office numbers that type "
        "of document apart, declare its own sequence (vanthu so --tach)",
    },
    # After an import: what `so kiem-tra` would say of the rows imported (xlsx_import).
    "register.imported_reserved": {
        "vi": "Ghi chú của {count} dòng (dòng {rows}) nói số đã giữ, chưa cấp cho văn bản nào "
        "(\"Giữ số\", \"Để trống\"): đã nhập là số giữ ({numbers}), không phải số đã cấp. "
        "Khi văn bản mang số đó ban hành, hãy vào sổ cho nó (vanthu so vao-so {example} --ngay "
        "... --ky-hieu ... --trich-yeu ...), hoặc ghi so: {example} trong tệp dữ liệu của văn "
        "bản; nếu số không dùng đến, hãy hủy số (vanthu so huy)",
        "en": "the Ghi chú of {count} row(s) (rows {rows}) says the number is kept aside, not yet "
        "given to a document (\"Giữ số\", \"Để trống\"): imported as reserved numbers "
        "({numbers}), not as issued ones. When the document bearing one is issued, record it "
        "(vanthu so vao-so {example} --ngay ... --ky-hieu ... --trich-yeu ...), or write so: "
        "{example} in the document's data file; if the number is not used, void it "
        "(vanthu so huy)",
    },
    "register.import_gap": {
        "vi": "sổ năm {year} ({agency}, dãy số '{sequence}') thiếu số {numbers}: không dòng nào "
        "mang số này; nếu số đã cấp, hãy vào sổ (vanthu so vao-so), nếu bỏ trống, hãy hủy số "
        "(vanthu so huy)",
        "en": "the register of {year} ({agency}, sequence '{sequence}') lacks number(s) "
        "{numbers}: no row holds them; if a number was given, record it (vanthu so vao-so), if "
        "it was left unused, void it (vanthu so huy)",
    },
    "register.import_in_future": {
        "vi": "số {reference} năm {year} (cơ quan {agency}, dãy số '{sequence}') ghi ngày "
        "{date:%d/%m/%Y}, sau hôm nay: ngày gõ nhầm?",
        "en": "number {reference} of {year} (office {agency}, sequence '{sequence}') is dated "
        "{date:%d/%m/%Y}, after today: a mistyped date?",
    },
    # Command output
    "register.allocated": {"vi": "Đã cấp số {reference}", "en": "Number {reference} allocated"},
    "register.reserved": {"vi": "Đã giữ số {reference}", "en": "Number {reference} reserved"},
    "register.voided": {"vi": "Đã hủy số {entry}", "en": "Number {entry} voided"},
    "register.recorded": {"vi": "Đã vào sổ số {reference}", "en": "Number {reference} recorded"},
    "register.exported": {"vi": "Đã xuất sổ năm {year}: {path}", "en": "Exported {year}: {path}"},
    # so xuat of a register written before its texts were checked (register.texts.printable).
    "register.export_unprintable": {
        "vi": "số {reference} năm {year}, cột '{column}': có ký tự không in được {char} (ghi "
        "vào sổ trước khi vanthu kiểm tra chữ nhập vào); tệp xuất ghi nó thành [{char}]: hãy "
        "sửa ô đó trong tệp trước khi in",
        "en": "number {reference} of {year}, column '{column}': holds the unprintable character "
        "{char} (written into the register before vanthu checked what is typed); the exported "
        "file shows it as [{char}]: correct that cell in the file before printing",
    },
    "register.imported": {
        "vi": "Đã nhập {count} dòng từ {path}",
        "en": "Imported {count} rows from {path}",
    },
    "register.imported_one": {
        "vi": "Đã nhập {count} dòng từ {path}",
        "en": "Imported {count} row from {path}",
    },
    "register.check_ok": {
        "vi": "Sổ năm {year}: {rows} dòng, không thiếu số, không trùng số",
        "en": "Register {year}: {rows} rows, no gaps, no duplicates",
    },
    "register.check_ok_before_vanthu": {
        "vi": "Sổ năm {year}: {rows} dòng, không trùng số; các số trước khi cơ quan cấp số bằng "
        "vanthu không được kiểm tra (xem cảnh báo trên)",
        "en": "Register {year}: {rows} rows, no duplicates; the numbers from before the office "
        "numbered with vanthu are not checked (see the warning above)",
    },
    "register.check_ok_one": {
        "vi": "Sổ năm {year}: {rows} dòng, không thiếu số, không trùng số",
        "en": "Register {year}: {rows} row, no gaps, no duplicates",
    },
    "register.check_ok_before_vanthu_one": {
        "vi": "Sổ năm {year}: {rows} dòng, không trùng số; các số trước khi cơ quan cấp số bằng "
        "vanthu không được kiểm tra (xem cảnh báo trên)",
        "en": "Register {year}: {rows} row, no duplicates; the numbers from before the office "
        "numbered with vanthu are not checked (see the warning above)",
    },
    "register.before_vanthu": {
        "vi": "{agency}, dãy số '{sequence}': năm {year} là trước khi cơ quan cấp số bằng vanthu "
        "(từ năm {since}), sổ của vanthu chỉ có {count} số ghi tay trong dữ liệu văn bản "
        "({numbers}); các số {missing} thuộc sổ cũ, không tính là thiếu. Muốn kiểm tra đủ sổ "
        "năm {year}, hãy nhập sổ cũ: vanthu so nhap TỆP.xlsx --nam {year}",
        "en": "{agency}, sequence '{sequence}': {year} is before the office numbered with "
        "vanthu (from {since}), and vanthu's register holds only {count} number(s) typed in "
        "documents' data ({numbers}); numbers {missing} belong to the old register and are not "
        "counted missing. To have the register of {year} checked in full, import the old one: "
        "vanthu so nhap FILE.xlsx --nam {year}",
    },
    "register.typed_number_before_vanthu": {
        "vi": "{name}: số {reference} ghi tay trong dữ liệu đã vào sổ năm {year}, năm trước khi "
        "cơ quan cấp số bằng vanthu; các số {skipped} của năm đó thuộc sổ cũ và không có trong "
        "sổ của vanthu (muốn có đủ sổ năm {year}, hãy nhập sổ cũ: vanthu so nhap TỆP.xlsx --nam "
        "{year})",
        "en": "{name}: number {reference} typed in the data is recorded in the register of "
        "{year}, a year before the office numbered with vanthu; numbers {skipped} of that year "
        "belong to the old register and are not in vanthu's (to have the register of {year} in "
        "full, import the old one: vanthu so nhap FILE.xlsx --nam {year})",
    },
    "register.gap": {
        "vi": "{agency}, dãy số '{sequence}': thiếu số {numbers}",
        "en": "{agency}, sequence '{sequence}': numbers {numbers} missing",
    },
    "register.gap_one": {
        "vi": "{agency}, dãy số '{sequence}': thiếu số {numbers}",
        "en": "{agency}, sequence '{sequence}': number {numbers} missing",
    },
    "register.duplicate_found": {
        "vi": "{agency}: số {reference} trùng ở {count} dòng: {entries}",
        "en": "{agency}: number {reference} appears on {count} rows: {entries}",
    },
    "register.counter_behind": {
        "vi": "{agency}, dãy số '{sequence}': bộ đếm ở {counter} nhưng sổ đã có số {highest}",
        "en": "{agency}, sequence '{sequence}': the counter is at {counter} but the register "
        "holds number {highest}",
    },
    "register.pending": {
        "vi": "số {entry} đã cấp nhưng chưa xác nhận văn bản",
        "en": "number {entry} was allocated but its document never confirmed",
    },
    "register.source_missing": {
        "vi": "số {reference}: tệp dữ liệu {source} không còn; nếu đã bỏ văn bản, hãy hủy số: "
        "{command} --ly-do ...; nếu tệp đã đổi tên, dựng lại chỉ giữ số khi loại, ngày và "
        "trích yếu không đổi (đã sửa trích yếu thì ghi so: {number} vào tệp mới để giữ số)",
        "en": "number {reference}: the data file {source} is gone; if the document was "
        "dropped, void the number: {command} --ly-do ...; if the file was renamed, building it "
        "keeps the number only when its type, date and trích yếu are unchanged (with its trích "
        "yếu edited, write so: {number} in the new file to keep it)",
    },
    # Rows already in the register without what the form needs (imported, or made before cap
    # and vao-so asked for it): the printed sổ shows the column empty.
    "register.row_in_future": {
        "vi": "số {reference} năm {year} (cơ quan {agency}, dãy số '{sequence}') ghi ngày "
        "{date:%d/%m/%Y}, sau hôm nay: nếu ngày gõ nhầm, hãy sửa ngày trong tệp dữ liệu; số đã "
        "cấp theo ngày đó (hủy bằng vanthu so huy nếu không dùng)",
        "en": "number {reference} of {year} (office {agency}, sequence '{sequence}') is dated "
        "{date:%d/%m/%Y}, after today: if the date was typed wrong, correct it in the data file; "
        "the number was given for that date (void it with vanthu so huy if unused)",
    },
    "register.row_no_date": {
        "vi": "số {reference} năm {year} (cơ quan {agency}, dãy số '{sequence}') không "
        "có ngày văn bản: cột Ngày tháng văn bản của sổ in ra để trống",
        "en": "number {reference} of {year} (office {agency}, sequence '{sequence}') "
        "has no document date: the printed register's Ngày tháng văn bản column is empty",
    },
    "register.row_no_symbol": {
        "vi": "số {reference} năm {year} (cơ quan {agency}, dãy số '{sequence}') không "
        "có ký hiệu: cột Số, ký hiệu văn bản của sổ in ra chỉ có số",
        "en": "number {reference} of {year} (office {agency}, sequence '{sequence}') "
        "has no ký hiệu: the printed register's Số, ký hiệu văn bản column holds the number "
        "alone",
    },
    "register.check_failed": {
        "vi": "Sổ năm {year}: {problems} vấn đề",
        "en": "Register {year}: {problems} problem(s)",
    },
    "register.title": {"vi": "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "en": "SỔ ĐĂNG KÝ VĂN BẢN ĐI"},
    "register.year_line": {"vi": "Năm {year}", "en": "Year {year}"},
    # Entry.describe: a void or reserved row named in a message.
    "register.describe_void": {"vi": "(hủy: {reason})", "en": "(void: {reason})"},
    "register.describe_void_bare": {"vi": "(hủy)", "en": "(void)"},
    "register.describe_reserved": {"vi": "(giữ số)", "en": "(reserved)"},
    "register.status.pending": {"vi": "đang cấp", "en": "pending"},
    "register.status.issued": {"vi": "đã cấp", "en": "issued"},
    "register.status.reserved": {"vi": "giữ số", "en": "reserved"},
    "register.status.void": {"vi": "đã hủy", "en": "void"},
    "register.col.status": {"vi": "Trạng thái", "en": "Status"},
    "register.col.sequence": {"vi": "Dãy số", "en": "Sequence"},
    # `so xem` on screen: the form's columns in the message language (exports keep the form's).
    "register.screen_title": {
        "vi": "SỔ ĐĂNG KÝ VĂN BẢN ĐI — {year}",
        "en": "REGISTER OF OUTGOING DOCUMENTS — {year}",
    },
    "register.col.reference": {"vi": "Số, ký hiệu văn bản", "en": "Number and symbol"},
    "register.col.doc_date": {"vi": "Ngày tháng văn bản", "en": "Date"},
    "register.col.summary": {"vi": "Tên loại và trích yếu nội dung", "en": "Type and summary"},
    "register.col.signer": {"vi": "Người ký", "en": "Signed by"},
    "register.col.recipients": {"vi": "Nơi nhận văn bản", "en": "Recipients"},
    "register.col.archive": {"vi": "Đơn vị, người nhận bản lưu", "en": "Filed copy with"},
    "register.col.copies": {"vi": "Số lượng bản", "en": "Copies"},
    "register.col.note": {"vi": "Ghi chú", "en": "Note"},
    "register.lender_not_numbered": {
        "vi": "văn bản {name} lấy số từ sổ văn bản đi (so: tu_dong) nhưng sổ chưa cấp số cho "
        "nó; hãy dựng văn bản đó trước (vanthu render {name}, hoặc vanthu build cả hai)",
        "en": "{name} takes its number from the register (so: tu_dong) but the register has "
        "given it none yet; render it first (vanthu render {name}, or vanthu build both)",
    },
    "register.numbered": {
        "vi": "  Số, ký hiệu từ sổ văn bản đi: {number}",
        "en": "  Number from the register: {number}",
    },
    "register.out_of_order": {
        "vi": "số {entry} ghi ngày trước số nhỏ hơn {earlier} (cơ quan {agency}, dãy "
        "số '{sequence}'); số trong sổ phải cấp theo thứ tự ngày ban hành",
        "en": "number {entry} is dated before a lower number, {earlier} (office "
        "{agency}, sequence '{sequence}'); a register gives numbers in the order documents are "
        "issued",
    },
    "register.out_of_order_later": {
        "vi": "số {entry} ghi ngày sau {count} số lớn hơn nó, từ số {later} (cơ quan "
        "{agency}, dãy số '{sequence}'); số trong sổ phải cấp theo thứ tự ngày ban hành: xem "
        "lại ngày của số này (nếu sai, hãy hủy số: vanthu so huy)",
        "en": "number {entry} is dated after {count} higher numbers, from {later} "
        "(office {agency}, sequence '{sequence}'); a register gives numbers in the order "
        "documents are issued: check this number's date (if it is wrong, void the number: "
        "vanthu so huy)",
    },
    "register.given_out_of_order": {
        "vi": "số {reference} ngày {date} ghi ngày trước số cấp trước nó, {earlier}; "
        "số trong sổ phải cấp theo thứ tự ngày ban hành (nếu sai ngày, hãy hủy số: vanthu so "
        "huy)",
        "en": "number {reference} dated {date} is dated before the number given before "
        "it, {earlier}; a register gives numbers in the order documents are issued (if the date "
        "is wrong, void the number: vanthu so huy)",
    },
    "register.typed_ahead": {
        "vi": "số {reference} ghi tay trong dữ liệu vượt số tiếp theo của sổ ({following}), "
        "mà {count} văn bản so: tu_dong ghi ngày trước nó ({documents}) đang chờ cấp số: cấp "
        "bây giờ thì chúng nhận số sau {number}, trái thứ tự ngày ban hành, và số đã cấp không "
        "lấy lại được. Chưa cấp số nào, chưa vào sổ số nào. Nếu gõ nhầm, hãy sửa số trong dữ "
        "liệu. Nếu đúng là số đã cấp trên sổ giấy, hãy vào sổ trước các số {skipped} đã cấp "
        "(cả sổ cũ: vanthu so nhap TỆP.xlsx; từng số: vanthu so vao-so SỐ --bo-qua-so). Muốn "
        "cấp số cho các văn bản kia trước (các số nhỏ hơn {number}) rồi mới vào sổ văn bản "
        "này: chạy vanthu build --keep-going, rồi vanthu build. Muốn giữ số {number} và để "
        "các văn bản kia nhận số sau nó: chạy vanthu build --bo-qua-so",
        "en": "number {reference} typed in the data is past the register's next number "
        "({following}), while {count} so: tu_dong documents dated before it ({documents}) "
        "wait for numbers: given now, they would follow {number}, out of the order of issue, "
        "and a number given cannot be taken back. No number was given or recorded. If it is "
        "a typo, fix the number in the data. If it is a number given in the paper register, "
        "record the numbers {skipped} given there first (the whole old register: vanthu so "
        "nhap FILE.xlsx; one number: vanthu so vao-so NUMBER --bo-qua-so). To number the "
        "other documents first (numbers below {number}) and record this one after: run "
        "vanthu build --keep-going, then vanthu build. To keep {number} and let the other "
        "documents follow it: run vanthu build --bo-qua-so",
    },
    "register.typed_ahead_allowed": {
        "vi": "số {reference} ghi tay trong dữ liệu vượt số tiếp theo của sổ ({following}), "
        "và theo --bo-qua-so, {count} văn bản so: tu_dong ghi ngày trước nó ({documents}) "
        "nhận số sau {number}, trái thứ tự ngày ban hành; các số {skipped} bị bỏ qua",
        "en": "number {reference} typed in the data is past the register's next number "
        "({following}), and as --bo-qua-so says, {count} so: tu_dong documents dated before "
        "it ({documents}) were numbered after {number}, out of the order of issue; numbers "
        "{skipped} are skipped",
    },
    "register.would_skip": {
        "vi": "số tiếp theo của dãy số '{sequence}' năm {year} là {following}; vào sổ số "
        "{number} sẽ bỏ qua các số {skipped}, không bao giờ cấp được nữa. Chưa ghi gì vào sổ. "
        "Nếu đúng là số {number}, chạy lại với --bo-qua-so",
        "en": "the next number of sequence '{sequence}' in {year} is {following}; recording "
        "{number} would skip {skipped}, never to be given. Nothing was written to the register. "
        "If {number} is right, run again with --bo-qua-so",
    },
    "register.number_left_behind": {
        "vi": "chưa cấp số: số {reference} ngày {date} (cùng loại văn bản) đã cấp cho {old}, nay "
        "tệp đó không còn. Nếu tệp này chính là tệp đó đổi tên rồi sửa, hãy ghi so: {number} "
        "(thay cho tu_dong) để giữ số đã cấp; nếu văn bản đó đã bỏ thật, hãy hủy số: {command} "
        "--ly-do \"...\" rồi dựng lại để cấp số mới",
        "en": "no number given: number {reference} dated {date} (the same type) was given to "
        "{old}, and that file is gone. If this file is that one renamed and edited, write "
        "so: {number} (instead of tu_dong) to keep its number; if that document was really "
        "dropped, void the number: {command} --ly-do \"...\" and build again to give this one "
        "a new number",
    },
    "register.numbers_left_behind": {
        "vi": "chưa cấp số: {count} số cùng loại văn bản, ngày {date} đã cấp cho các tệp nay "
        "không còn: {rows}. Nếu tệp này là một trong các tệp đó đổi tên và sửa nội dung, hãy "
        "ghi số của tệp ấy vào so (thay cho tu_dong) để giữ số đã cấp; số của văn bản đã bỏ "
        "thật thì hủy ({commands}, thêm --ly-do \"...\") rồi dựng lại để cấp số mới",
        "en": "no number given: {count} numbers of the same type dated {date} were given to "
        "files that are gone: {rows}. If this file is one of them renamed and edited, write "
        "its number in so (instead of tu_dong) to keep it; void the numbers of documents really "
        "dropped ({commands}, adding --ly-do \"...\") and build again to give this one a new "
        "number",
    },
    "register.typed_number_taken": {
        "vi": "số {number} đã có trong sổ văn bản đi cho văn bản khác: "
        "{existing}; một cơ quan không cấp một số cho hai văn bản trong một năm: hãy ghi "
        "so: tu_dong hoặc một số chưa cấp",
        "en": "number {number} is already in the register for another "
        "document: {existing}; an office gives each number to one document a year: write "
        "so: tu_dong or a number not yet given",
    },
    "register.typed_number_voided": {
        "vi": "số {number} đã bị hủy trong sổ văn bản đi: {existing}; số đã hủy không bao giờ "
        "dùng lại (tệp kết quả nào còn in số này đã cũ, phải làm lại): hãy ghi một số khác chưa "
        "cấp, hoặc so: tu_dong để được cấp số mới, rồi dựng lại",
        "en": "number {number} was voided in the register: {existing}; a voided number is "
        "never used again (an output still printing it is out of date and must be made "
        "again): type another number not yet given, or so: tu_dong for a new number, then "
        "build again",
    },
    "register.identity_written": {
        "vi": "đã ghi định danh thư mục làm việc vào {config} (dinh_danh: {identity}, giữ nguyên "
        "các dòng ghi chú): sổ văn bản {location} dùng chung, nó phân biệt tệp dữ liệu của thư "
        "mục này với tệp cùng tên của thư mục khác; đừng xóa hay sửa dòng này",
        "en": "wrote this workspace's identity into {config} (dinh_danh: {identity}, comments "
        "kept): the register {location} is shared, and it tells this workspace's data files "
        "from files of the same name in other workspaces; do not remove or change that line",
    },
    "register.number_voided": {
        "vi": "{error}. Số {reference} đã cấp cho văn bản này nên đã bị hủy trong sổ văn bản đi "
        "(lý do: {reason}); lần dựng sau văn bản nhận số mới",
        "en": "{error}. Number {reference}, given to this document, was voided in the register "
        "(reason: {reason}); the next render gives it a new number",
    },
    # vanthu check: an output printing a number voided since it was built (documents.
    # voided_output).
    "register.output_number_voided": {
        "vi": "{output} còn in số {reference}, số này đã bị hủy trong sổ văn bản đi (lý do: "
        "{reason}): tệp kết quả đã cũ, phải làm lại; hãy dựng lại (vanthu build) để văn bản "
        "nhận số mới, hoặc ghi một số khác chưa cấp vào so: rồi dựng lại. Bản đã in hoặc đã ký "
        "(nếu có) còn mang số {reference}: hãy thay bản đó",
        "en": "{output} still prints number {reference}, which was voided in the register "
        "(reason: {reason}): the output is out of date and must be made again; build again "
        "(vanthu build) so that the document gets a new number, or type another number not "
        "yet given in so: and build again. A copy already printed or signed (if any) still "
        "carries {reference}: replace it",
    },
    "register.output_lent_voided": {
        "vi": "{output} còn in số {reference} của {decision}, số này đã bị hủy trong sổ văn bản "
        "đi (lý do: {reason}): tệp kết quả đã cũ, phải làm lại; hãy dựng lại (vanthu build) để "
        "{decision} nhận số mới và tệp này in số đó, hoặc ghi một số khác chưa cấp vào so: của "
        "{decision} rồi dựng lại. Bản đã in hoặc đã ký (nếu có) còn mang số {reference}: hãy "
        "thay bản đó",
        "en": "{output} still prints number {reference} of {decision}, which was voided in the "
        "register (reason: {reason}): the output is out of date and must be made again; build "
        "again (vanthu build) so that {decision} gets a new number and this file prints it, or "
        "type another number not yet given in the so: of {decision} and build again. A copy "
        "already printed or signed (if any) still carries {reference}: replace it",
    },
    # Several documents an output folder failed alike (builder.say_kept_pending): said once.
    "register.numbers_kept_pending": {
        "vi": "{count} số đã cấp cho các văn bản chưa ghi ở trên vẫn giữ cho chúng (chờ ghi "
        "tệp, chưa xác nhận trong sổ): {references}; lần dựng sau, khi ghi được tệp, mỗi văn "
        "bản nhận lại đúng số của nó",
        "en": "{count} numbers given to the documents not written above stay theirs (waiting "
        "for their files, not yet confirmed in the register): {references}; the next build, "
        "once the files can be written, gives each document its same number",
    },
    "register.number_kept_pending": {
        "vi": "{error}. Số {reference} đã cấp cho văn bản này vẫn giữ cho nó (chờ ghi tệp, "
        "chưa xác nhận trong sổ): lần dựng sau, khi ghi được tệp, văn bản nhận lại đúng số này",
        "en": "{error}. Number {reference}, given to this document, stays its own (waiting "
        "for the file, not yet confirmed in the register): the next build, once the file can "
        "be written, gives it this same number",
    },
    "register.void_reason_failed": {
        "vi": "dựng văn bản bị lỗi, số không dùng",
        "en": "the document could not be written; number not used",
    },
    "register.numbered_elsewhere": {
        "vi": "văn bản này đã được cấp số từ sổ văn bản {recorded}, nay sổ đang dùng là "
        "{current}: dựng lại sẽ cấp một số khác (có thể trùng số của người khác), nên không "
        "dựng. Hãy trỏ vanthu tới sổ đã cấp số (biến môi trường VANTHU_DB, hoặc so_van_ban "
        "trong vanthu.yaml) rồi chạy lại; hoặc, nếu đã chuyển hẳn sang sổ đang dùng, chuyển sổ "
        "cũ sang: vanthu so --db {old} xuat {year} -o so-cu-{year}.xlsx; vanthu so nhap "
        "so-cu-{year}.xlsx (trong thư mục làm việc này), rồi dựng lại: văn bản giữ số đã cấp",
        "en": "this document was numbered from the register {recorded}, but the register in "
        "use now is {current}: rendering it again would give it another number (perhaps a "
        "colleague's), so it was not rendered. Point vanthu at the register that numbered it "
        "(the VANTHU_DB environment variable, or so_van_ban in vanthu.yaml) and run again; or, "
        "if the register in use is the one to keep, move the old register over: vanthu so "
        "--db {old} xuat {year} -o so-cu-{year}.xlsx; vanthu so nhap so-cu-{year}.xlsx (in this "
        "workspace's folder), then build again: the document keeps its number",
    },
    "register.numbered_elsewhere_url": {
        "vi": "văn bản này đã được cấp số từ sổ văn bản {recorded}, nay sổ đang dùng là "
        "{current}: dựng lại sẽ cấp một số khác (có thể trùng số của người khác), nên không "
        "dựng. Hãy trỏ vanthu tới sổ đã cấp số (biến môi trường VANTHU_DB, hoặc so_van_ban "
        "trong vanthu.yaml, với mật khẩu của sổ đó) rồi chạy lại; hoặc, nếu đã chuyển hẳn sang "
        "sổ đang dùng, chuyển sổ cũ sang (trong thư mục làm việc này): trỏ vanthu tới sổ cũ như "
        "trên rồi chạy vanthu so xuat {year} -o so-cu-{year}.xlsx; trỏ vanthu lại sổ đang dùng "
        "rồi chạy vanthu so nhap so-cu-{year}.xlsx; rồi dựng lại: văn bản giữ số đã cấp",
        "en": "this document was numbered from the register {recorded}, but the register in "
        "use now is {current}: rendering it again would give it another number (perhaps a "
        "colleague's), so it was not rendered. Point vanthu at the register that numbered it "
        "(the VANTHU_DB environment variable, or so_van_ban in vanthu.yaml, with that "
        "register's password) and run again; or, if the register in use is the one to keep, "
        "move the old register over (in this workspace's folder): with vanthu pointed at the "
        "old register as above, run vanthu so xuat {year} -o so-cu-{year}.xlsx; with vanthu "
        "pointed back at the register in use, run vanthu so nhap so-cu-{year}.xlsx; then build "
        "again: the document keeps its number",
    },
    "register.workspace_copied": {
        "vi": "thư mục làm việc {root} có cùng định danh (dinh_danh: {identity}) với thư mục "
        "{other} trên máy này, thư mục đã dùng sổ văn bản {location} lần trước: có lẽ một thư "
        "mục được sao chép từ thư mục kia, và sẽ ghi đè số của văn bản bên kia. Hãy xóa dòng "
        "dinh_danh trong vanthu.yaml của bản sao, vanthu sẽ cấp cho nó định danh riêng",
        "en": "the workspace {root} has the same identity (dinh_danh: {identity}) as the "
        "workspace {other} on this machine, which used the register {location} last: one "
        "was probably copied from the other, and would overwrite the other's numbers. Delete "
        "the dinh_danh line in the copy's vanthu.yaml, and vanthu gives it its own identity",
    },
    "register.workspace_copied_row": {
        "vi": "thư mục làm việc {root} có cùng định danh (dinh_danh: {identity}) với thư mục "
        "{other} trên máy {host}, và sổ văn bản đã cấp số cho {source} của thư mục đó cho một "
        "văn bản khác: {existing}. Có lẽ thư mục này được sao chép từ thư mục kia; không cấp "
        "số để khỏi ghi đè. Nếu là bản sao: xóa dòng dinh_danh trong vanthu.yaml của thư mục "
        "này, vanthu sẽ cấp cho nó định danh riêng. Nếu thư mục đã thật sự được chuyển tới "
        "đây: chạy lại với biến môi trường VANTHU_DA_CHUYEN=1",
        "en": "the workspace {root} has the same identity (dinh_danh: {identity}) as the "
        "workspace {other} on machine {host}, and the register gave that workspace's "
        "{source} a number for another document: {existing}. This workspace was probably "
        "copied from that one; no number was given, so as not to overwrite it. If it is a "
        "copy: delete the dinh_danh line in this workspace's vanthu.yaml, and vanthu gives it "
        "its own identity. If the workspace really was moved here: run again with the "
        "environment variable VANTHU_DA_CHUYEN=1",
    },
    # A workspace pointed at a register lacking the numbers it was given (switched.py).
    "register.evidence_manifest": {
        "vi": "manifest của các văn bản đã dựng (outputs/)",
        "en": "the manifests of the documents built (outputs/)",
    },
    "register.evidence_file": {
        "vi": "tệp sổ cũ {file} trong thư mục làm việc",
        "en": "the old register file {file} in the workspace",
    },
    "register.not_migrated": {
        "vi": "chưa cấp số: sổ văn bản đang dùng ({current}) chưa có số nào năm {year} của thư "
        "mục làm việc này, nhưng {evidence} cho thấy sổ {old} đã cấp {count} số năm {year} "
        "(như số {example}); cấp số từ sổ đang dùng sẽ bắt đầu lại từ 01, trùng số đã ban "
        "hành. Hãy chuyển sổ cũ sang sổ đang dùng, chạy trong thư mục làm việc này: {commands}; "
        "rồi dựng lại (số mới nối tiếp số cũ, văn bản cũ giữ số của mình). Nếu sổ đang dùng là "
        "nhầm, hãy trỏ vanthu lại sổ cũ (so_van_ban trong vanthu.yaml, hoặc biến môi trường "
        "VANTHU_DB)",
        "en": "no number given: the register in use ({current}) holds no {year} number of this "
        "workspace, but {evidence} show that the register {old} gave {count} numbers in {year} "
        "(such as {example}); numbering from the register in use would start again at 01, "
        "repeating numbers already issued. Move the old register over, from this workspace's "
        "folder: {commands}; then build again (new numbers follow the old ones, old documents "
        "keep theirs). If the register in use is a mistake, point vanthu back at the old one "
        "(so_van_ban in vanthu.yaml, or the VANTHU_DB environment variable)",
    },
    "register.not_migrated_url": {
        "vi": "chưa cấp số: sổ văn bản đang dùng ({current}) chưa có số nào năm {year} của thư "
        "mục làm việc này, nhưng {evidence} cho thấy sổ {old} đã cấp {count} số năm {year} "
        "(như số {example}); cấp số từ sổ đang dùng sẽ bắt đầu lại từ 01, trùng số đã ban "
        "hành. Hãy chuyển sổ cũ sang sổ đang dùng, chạy trong thư mục làm việc này: trỏ vanthu "
        "tới sổ cũ (biến môi trường VANTHU_DB, hoặc so_van_ban trong vanthu.yaml, với mật khẩu "
        "của sổ đó) rồi chạy {exports}; trỏ vanthu lại sổ đang dùng rồi chạy {imports}; rồi "
        "dựng lại (số mới nối tiếp số cũ, văn bản cũ giữ số của mình). Nếu sổ đang dùng là "
        "nhầm, hãy trỏ vanthu lại sổ cũ",
        "en": "no number given: the register in use ({current}) holds no {year} number of this "
        "workspace, but {evidence} show that the register {old} gave {count} numbers in {year} "
        "(such as {example}); numbering from the register in use would start again at 01, "
        "repeating numbers already issued. Move the old register over, from this workspace's "
        "folder: with vanthu pointed at the old register (the VANTHU_DB environment variable, "
        "or so_van_ban in vanthu.yaml, with that register's password) run {exports}; with "
        "vanthu pointed back at the register in use run {imports}; then build again (new "
        "numbers follow the old ones, old documents keep theirs). If the register in use is a "
        "mistake, point vanthu back at the old one",
    },
    "register.numbers_gone": {
        "vi": "chưa cấp số: {evidence} cho thấy sổ văn bản đang dùng ({current}) đã cấp {count} "
        "số năm {year} (như số {example}), nhưng sổ nay không còn số nào trong đó: có lẽ sổ đã "
        "bị làm trống hoặc thay bằng sổ khác; cấp số lúc này sẽ bắt đầu lại từ 01, trùng số đã "
        "ban hành. Hãy khôi phục sổ (hoặc nhập lại bằng vanthu so nhap từ bản xuất của sổ, hoặc "
        "ghi lại vào sổ các số các văn bản đã dựng còn ghi: vanthu so khoi-phuc {year}) rồi "
        "dựng lại; nếu các số đó chỉ là bản dựng thử, hãy xóa các văn bản đã dựng của năm "
        "{year} (thư mục outputs/{year}) rồi dựng lại",
        "en": "no number given: {evidence} show that the register in use ({current}) gave "
        "{count} numbers in {year} (such as {example}), but it holds none of them now: it was "
        "probably emptied or replaced; numbering now would start again at 01, repeating "
        "numbers already issued. Restore the register (or import it again with vanthu so nhap "
        "from an export of it, or enter again the numbers the documents built record: vanthu "
        "so khoi-phuc {year}) and build again; if those numbers were only a trial build, "
        "delete the documents built for {year} (the outputs/{year} folder) and build again",
    },
    # A register put back from an older copy (pipeline.register.restore): it holds some of the
    # numbers the manifests record it giving, and lacks others.
    "register.numbers_lacking": {
        "vi": "chưa cấp số: các văn bản đã dựng (manifest trong outputs/) cho thấy sổ văn bản "
        "đang dùng ({current}) đã cấp {count} số năm {year} mà sổ nay không có dòng nào: "
        "{numbers}; sổ có lẽ là một bản sao cũ được chép đè lên (khôi phục từ bản sao lưu), "
        "thiếu các số cấp sau bản sao đó, và cấp số lúc này sẽ cấp lại những số đã ban hành. Hãy "
        "đặt lại bản sổ mới nhất nếu còn; nếu không, ghi lại các số đó vào sổ theo các văn bản "
        "đã dựng: vanthu so khoi-phuc {year}, rồi dựng lại. Số cấp sau bản sao mà không văn bản "
        "đã dựng nào ghi (như số cấp bằng vanthu so cap cho văn bản giấy) không ghi lại được "
        "theo cách này: vanthu so kiem-tra {year} chỉ ra chỗ thiếu để vào sổ lại (vanthu so "
        "vao-so) hoặc hủy số",
        "en": "no number given: the documents built (the manifests in outputs/) show that the "
        "register in use ({current}) gave {count} numbers in {year} of which it holds no row "
        "now: {numbers}; the register is probably an older copy put back (restored from a "
        "backup) lacking the numbers given after that copy was made, and numbering now would "
        "give numbers already issued again. Put back the newest copy of the register if there "
        "is one; if not, enter those numbers again from the documents built: vanthu so "
        "khoi-phuc {year}, then build again. A number given after the copy that no document "
        "built records (such as one given with vanthu so cap for a paper letter) cannot be "
        "entered again this way: vanthu so kiem-tra {year} shows the gaps, to enter again "
        "(vanthu so vao-so) or void",
    },
    "register.manifest_numbers_lacking": {
        "vi": "thiếu {count} số mà các văn bản đã dựng (manifest trong outputs/) ghi là sổ này "
        "đã cấp năm {year}: {numbers}; sổ có lẽ đã bị làm trống hoặc chép đè bằng một bản sao "
        "cũ. Hãy đặt lại bản sổ mới nhất nếu còn; nếu không, ghi lại các số đó: vanthu so "
        "khoi-phuc {year}",
        "en": "{count} numbers that the documents built (the manifests in outputs/) record this "
        "register giving in {year} are missing: {numbers}; the register was probably emptied, "
        "or an older copy of it put back. Put back the newest copy if there is one; if not, "
        "enter those numbers again: vanthu so khoi-phuc {year}",
    },
    "register.restored_row": {
        "vi": "Đã ghi lại vào sổ: {entry}",
        "en": "Entered again: {entry}",
    },
    "register.restored": {
        "vi": "Đã ghi lại {count} số năm {year} theo các văn bản đã dựng; số cuối cùng ghi lại: "
        "{last}",
        "en": "Entered again {count} numbers of {year} from the documents built; the last "
        "number entered again: {last}",
    },
    # After `so khoi-phuc` (pipeline.register.restorations): the numbers nothing records.
    "register.restored_unknown": {
        "vi": "vanthu không biết các số cấp sau khi bản sao sổ cũ được chép mà không văn bản đã "
        "dựng nào ghi: số cấp bằng vanthu so cap (công văn giấy) hay giữ bằng vanthu so giu "
        "(số giữ trước). Số ở giữa hiện ra là chỗ thiếu trong vanthu so kiem-tra {year}; số sau "
        "số cuối ghi lại ({last}) thì không để lại chỗ thiếu nào, và cấp số mới lúc này có thể "
        "cấp lại đúng số đó cho văn bản khác. Hãy xem sổ giấy hoặc các văn bản đã gửi, vào sổ "
        "từng số đó: vanthu so vao-so SỐ --ngay NGÀY --ky-hieu KÝ-HIỆU --trich-yeu \"TRÍCH "
        "YẾU\", rồi xác nhận: {command}. Đến khi xác nhận, vanthu không cấp số mới năm {year} "
        "(build, render, so cap, so giu đều từ chối)",
        "en": "vanthu cannot know the numbers given after the older copy of the register was "
        "made that no document built records: numbers given with vanthu so cap (paper "
        "letters) or kept with vanthu so giu (reserved numbers). One in between shows as a gap "
        "in vanthu so kiem-tra {year}; one after the last number entered again ({last}) leaves "
        "no gap, and numbering now could give that very number to another document. Check the "
        "paper register or the letters sent, enter each of those numbers: vanthu so vao-so "
        "NUMBER --ngay DATE --ky-hieu SYMBOL --trich-yeu \"SUMMARY\", then confirm: "
        "{command}. Until confirmed, vanthu gives no new number of {year} (build, render, so "
        "cap and so giu refuse)",
    },
    "register.restored_last": {
        "vi": "{reference} (dãy {sequence})",
        "en": "{reference} (run {sequence})",
    },
    "register.restored_last_of_office": {
        "vi": "{reference} ({agency}, dãy {sequence})",
        "en": "{reference} ({agency}, run {sequence})",
    },
    "register.restore_unconfirmed": {
        "vi": "chưa cấp số mới năm {year} của {agency}: sổ được ghi lại bằng vanthu so "
        "khoi-phuc lúc {time} ngày {day} (số cuối cùng ghi lại: {last}) và chưa được xác nhận "
        "là đã vào sổ các số cấp sau khi bản sao sổ cũ được chép. Số cấp bằng vanthu so cap "
        "(công văn giấy) hay giữ bằng vanthu so giu sau bản sao đó chỉ có trong sổ đã mất, "
        "vanthu không biết được: số mới có thể trùng một số đã dùng. Hãy xem sổ giấy hoặc các "
        "văn bản đã gửi, vào sổ từng số đó (vanthu so vao-so SỐ --ngay NGÀY --ky-hieu KÝ-HIỆU "
        "--trich-yeu \"TRÍCH YẾU\"), rồi xác nhận: {command}",
        "en": "no new number of {year} given for {agency}: the register was entered again "
        "with vanthu so khoi-phuc at {time} on {day} (the last number entered again: {last}) "
        "and it is not yet confirmed that the numbers given after the older copy was made are "
        "entered. A number given with vanthu so cap (a paper letter) or kept with vanthu so "
        "giu after that copy is only in the register that was lost, and vanthu cannot know "
        "it: a new number may repeat one already used. Check the paper register or the "
        "letters sent, enter each of those numbers (vanthu so vao-so NUMBER --ngay DATE "
        "--ky-hieu SYMBOL --trich-yeu \"SUMMARY\"), then confirm: {command}",
    },
    "register.restore_unconfirmed_check": {
        "vi": "sổ năm {year} được ghi lại bằng vanthu so khoi-phuc lúc {time} ngày {day} (số "
        "cuối cùng ghi lại: {last}) và chưa được xác nhận: số cấp bằng vanthu so cap hay giữ "
        "bằng vanthu so giu sau khi bản sao sổ cũ được chép không có trong sổ, và số sau số "
        "cuối không để lại chỗ thiếu cho kiểm tra này thấy. Hãy vào sổ các số đó (vanthu so "
        "vao-so) theo sổ giấy hoặc các văn bản đã gửi, rồi xác nhận: {command}",
        "en": "the register of {year} was entered again with vanthu so khoi-phuc at {time} on "
        "{day} (the last number entered again: {last}) and is not yet confirmed: numbers "
        "given with vanthu so cap or kept with vanthu so giu after the older copy was made are "
        "not in it, and one after the last number leaves no gap for this check to see. Enter "
        "those numbers (vanthu so vao-so) from the paper register or the letters sent, then "
        "confirm: {command}",
    },
    "register.restore_waiting": {
        "vi": "lần ghi lại sổ năm {year} lúc {time} ngày {day} (số cuối cùng ghi lại: {last}) "
        "vẫn chờ xác nhận: hãy vào sổ (vanthu so vao-so) các số cấp bằng vanthu so cap hay giữ "
        "bằng vanthu so giu sau khi bản sao sổ cũ được chép, rồi xác nhận: {command}. Đến khi "
        "đó, vanthu không cấp số mới năm {year}",
        "en": "the restore of the register of {year} at {time} on {day} (the last number "
        "entered again: {last}) still waits to be confirmed: enter (vanthu so vao-so) the "
        "numbers given with vanthu so cap or kept with vanthu so giu after the older copy was "
        "made, then confirm: {command}. Until then, vanthu gives no new number of {year}",
    },
    "register.restore_still_waiting": {
        "vi": "sổ năm {year} được ghi lại bằng vanthu so khoi-phuc lúc {time} ngày {day} (số "
        "cuối cùng ghi lại: {last}): khi đã vào sổ đủ mọi số cấp bằng vanthu so cap hay giữ "
        "bằng vanthu so giu sau khi bản sao sổ cũ được chép, hãy xác nhận: {command}. Đến khi "
        "đó, vanthu không cấp số mới năm {year}",
        "en": "the register of {year} was entered again with vanthu so khoi-phuc at {time} on "
        "{day} (the last number entered again: {last}): once every number given with vanthu "
        "so cap or kept with vanthu so giu after the older copy was made is entered, confirm: "
        "{command}. Until then, vanthu gives no new number of {year}",
    },
    "register.restore_confirmed": {
        "vi": "Đã xác nhận: các số năm {year} cấp sau bản sao sổ cũ đã được vào sổ (số cuối "
        "cùng ghi lại khi khôi phục: {last}). vanthu lại cấp số mới năm {year}; số tiếp theo: "
        "{following}",
        "en": "Confirmed: the numbers of {year} given after the older copy are entered (the "
        "last number entered again by the restore: {last}). vanthu gives new numbers of "
        "{year} again; the next one: {following}",
    },
    "register.next_in_run": {
        "vi": "{number} (dãy {sequence})",
        "en": "{number} (run {sequence})",
    },
    "register.restore_none_waiting": {
        "vi": "Năm {year} không có lần ghi lại sổ (vanthu so khoi-phuc) nào chờ xác nhận; không "
        "có gì thay đổi",
        "en": "No restore of the register (vanthu so khoi-phuc) of {year} waits to be "
        "confirmed; nothing changed",
    },
    "register.restore_nothing": {
        "vi": "Không thiếu số nào: sổ năm {year} có đủ mọi số mà các văn bản đã dựng (manifest "
        "trong outputs/) ghi là sổ này đã cấp; không ghi thêm gì",
        "en": "Nothing is lacking: the register of {year} lacks no number that the documents "
        "built (the manifests in outputs/) record it giving; nothing entered",
    },
    "register.restore_impossible": {
        "vi": "không ghi lại được {count} số năm {year} mà các văn bản đã dựng (manifest trong "
        "outputs/) ghi là sổ này đã cấp: {numbers}; tệp dữ liệu của chúng nay giữ số khác "
        "trong sổ (sổ là bản sao cũ, từ trước khi các tệp ấy được cấp số này). Hãy xem số "
        "từng tệp đang giữ (vanthu so xem {year}); nếu đó là số đã hủy sau bản sao, hãy hủy "
        "lại (vanthu so huy SỐ --nam {year} --ly-do \"...\") rồi chạy lại vanthu so "
        "khoi-phuc {year}",
        "en": "cannot enter again {count} numbers of {year} that the documents built (the "
        "manifests in outputs/) record this register giving: {numbers}; their data files hold "
        "other numbers in the register now (it is an older copy, from before those files "
        "were given these numbers). See the number each file holds (vanthu so xem {year}); "
        "if it is one voided after the copy, void it again (vanthu so huy NUMBER --nam {year} "
        "--ly-do \"...\") and run vanthu so khoi-phuc {year} again",
    },
    "register.workspace_place": {
        "vi": ", ở thư mục {root} trên máy {host}",
        "en": ", in the folder {root} on machine {host}",
    },
    "register.voided_other_workspace": {
        "vi": "số {reference} là của một thư mục làm việc khác (dinh_danh: {identity}{place}): "
        "tệp {source} là tệp của thư mục đó, không phải của thư mục này. Lần dựng tới ở thư "
        "mục đó, văn bản ấy sẽ được cấp số mới (vanthu báo cho người dựng); nếu hủy nhầm, "
        "hãy báo người dùng thư mục đó",
        "en": "number {reference} belongs to another workspace (dinh_danh: {identity}{place}): "
        "{source} is that workspace's file, not this one's. At that workspace's next build "
        "the document is given a new number (vanthu tells whoever builds it); if the void "
        "was a mistake, tell the person using that workspace",
    },
    "register.sources_not_checked": {
        "vi": "({count} số của các thư mục làm việc khác dùng chung sổ: tệp dữ liệu của chúng "
        "nằm ở thư mục khác, không kiểm tra ở đây; chạy vanthu so kiem-tra trong thư mục đó)",
        "en": "({count} numbers of other workspaces sharing the register: their data files "
        "are in other folders and were not checked here; run vanthu so kiem-tra there)",
    },
    # The common causes of a PostgreSQL register that cannot be opened (errors.cause_key).
    "register.pg_cause_not_running": {
        "vi": "Máy chủ PostgreSQL không trả lời: máy chủ chưa chạy, hoặc sai địa chỉ máy hay "
        "cổng trong địa chỉ sổ (so_van_ban trong vanthu.yaml, VANTHU_DB hoặc --db); hãy kiểm "
        "tra với người quản trị máy chủ",
        "en": "The PostgreSQL server does not answer: it is not running, or the host or port "
        "in the register's address (so_van_ban in vanthu.yaml, VANTHU_DB or --db) is wrong; "
        "check with the server's administrator",
    },
    "register.pg_cause_host": {
        "vi": "Không tìm thấy máy chủ có tên trong địa chỉ sổ: hãy kiểm tra tên máy",
        "en": "No server has the host name in the register's address: check the host name",
    },
    "register.pg_cause_password": {
        "vi": "Sai mật khẩu (hoặc tên đăng nhập) trong địa chỉ sổ: hãy kiểm tra lại, nhớ viết "
        "mã hóa các ký tự đặc biệt (@ thành %40)",
        "en": "Wrong password (or user name) in the register's address: check it, with special "
        "characters encoded (@ as %40)",
    },
    "register.pg_cause_role": {
        "vi": "Máy chủ không có tên đăng nhập này: hãy kiểm tra tên đăng nhập, hoặc nhờ người "
        "quản trị tạo",
        "en": "The server has no such user: check the user name, or ask the administrator to "
        "create it",
    },
    "register.pg_cause_database": {
        "vi": "Máy chủ chưa có cơ sở dữ liệu này: hãy kiểm tra tên cơ sở dữ liệu trong địa chỉ "
        "sổ, hoặc nhờ người quản trị tạo (createdb)",
        "en": "The server has no such database: check the database name in the register's "
        "address, or ask the administrator to create it (createdb)",
    },
    "register.source_missing_shared": {
        "vi": "số {reference}: tệp dữ liệu {source} của thư mục làm việc này không còn (sổ dùng "
        "chung: tệp đổi tên được cấp số mới, không giữ số cũ); nếu văn bản đã bỏ hoặc đã được "
        "cấp số mới, hãy hủy số: {command} --ly-do ...",
        "en": "number {reference}: this workspace's data file {source} is gone (a shared "
        "register: a renamed file is given a new number, not the old one); if the document was "
        "dropped or numbered anew, void the number: {command} --ly-do ...",
    },
    # A document written again whose number the sổ holds, issued, with another signer
    # (documents.signer_change_error): {held} and {now} are title lines and name, " / " between.
    "register.signer_changed": {
        "vi": "số {reference} ngày {date} đã vào sổ văn bản đi với người ký “{held}”, nay văn "
        "bản in người ký “{now}” (nguoi_ky: {key}): văn bản không được dựng lại và sổ giữ "
        "nguyên, để bản lưu khớp bản đã ký. Văn bản đã ban hành giữ người ký cũ: trong {profile} "
        "khai người ký cũ dưới một khóa mới (ví dụ {new_key}: ho_ten: {name}, chuc_vu và "
        "tham_quyen như đã in), rồi ghi nguoi_ky: {new_key} trong tệp này. Nếu sổ ghi sai (tên "
        "gõ nhầm, văn bản chưa ký): {command} dựng lại với người ký mới và sửa sổ",
        "en": "number {reference} of {date} is in the register signed by “{held}”, and the "
        "document now prints “{now}” (nguoi_ky: {key}): it is not written again and its row is "
        "kept, so that the archived output matches the signed paper. To keep the former signer "
        "on an issued document: in {profile}, add the former signer under a new key (e.g. "
        "{new_key}: ho_ten: {name}, with the chuc_vu and tham_quyen printed), then write "
        "nguoi_ky: {new_key} in this file. If the register is wrong (a misspelt name, a "
        "document not yet signed): {command} writes it with the new signer and corrects the "
        "register",
    },
    "register.signer_changed_kept": {
        "vi": "số {reference} ngày {date} đã vào sổ văn bản đi với người ký “{held}”, nay văn "
        "bản in người ký “{now}” (nguoi_ky: {key}): văn bản không được dựng lại và sổ giữ "
        "nguyên, để bản lưu khớp bản đã ký. Văn bản đã ban hành giữ người ký cũ: ghi nguoi_ky: "
        "{kept} trong tệp này (hồ sơ cơ quan in người ký này đúng như sổ ghi). Nếu sổ ghi sai "
        "(tên gõ nhầm, văn bản chưa ký): {command} dựng lại với người ký mới và sửa sổ",
        "en": "number {reference} of {date} is in the register signed by “{held}”, and the "
        "document now prints “{now}” (nguoi_ky: {key}): it is not written again and its row is "
        "kept, so that the archived output matches the signed paper. To keep the former signer "
        "on an issued document: write nguoi_ky: {kept} in this file (the profile's signer "
        "printed as the register records it). If the register is wrong (a misspelt name, a "
        "document not yet signed): {command} writes it with the new signer and corrects the "
        "register",
    },
    "register.lender_signer_changed": {
        "vi": "quyết định {decision}, số {reference} ngày {date}, mà Giấy khen in số và người ký, "
        "đã vào sổ văn bản đi với người ký “{held}”, nay quyết định in người ký “{now}”: Giấy "
        "khen không được dựng lại. Hãy xử lý quyết định trước ({command} nói cách làm), rồi dựng "
        "lại Giấy khen",
        "en": "decision {decision}, number {reference} of {date}, whose number and signer the "
        "Giấy khen print, is in the register signed by “{held}”, and the decision now prints "
        "“{now}”: the Giấy khen are not written again. Settle the decision first ({command} "
        "says how), then write the Giấy khen again",
    },
    "register.signer_corrected": {
        "vi": "{name}: sổ văn bản đi, số {reference}: người ký sửa từ “{old}” thành “{new}” "
        "(--force)",
        "en": "{name}: the register's number {reference}: signer corrected from “{old}” to "
        "“{new}” (--force)",
    },
    # How an office splits its numbering into sequences, kept in the register (sequences.py,
    # Register.set_plan, vanthu so day-so, --tach).
    "register.bad_plan_type": {
        "vi": "tùy chọn {option}: '{pair}' không phải loại văn bản theo Phụ lục III Nghị định "
        "30/2020 (QĐ, KH, BC, TB...; CV cho công văn)",
        "en": "option {option}: '{pair}' does not name a document type of Phụ lục III of "
        "Nghị định 30/2020 (QĐ, KH, BC, TB...; CV for công văn)",
    },
    "register.plan_rest": {
        "vi": "các loại khác → {default}",
        "en": "other types → {default}",
    },
    "register.plan_one_run": {
        "vi": "mọi loại văn bản một dãy số → {default}",
        "en": "every type in one sequence → {default}",
    },
    "register.plan_every_year": {
        "vi": "mọi năm",
        "en": "every year",
    },
    "register.plan_since": {
        "vi": "từ năm {year}",
        "en": "from {year}",
    },
    "register.plan_before": {
        "vi": "trước năm {year}",
        "en": "before {year}",
    },
    "register.plan_contradicts": {
        "vi": "chưa cấp số: sổ ghi cách đánh số của cơ quan {agency} năm {year} là: {kept}; "
        "cách được yêu cầu ({given}) khác. Bỏ --tach: vanthu đánh số theo cách đã ghi trong "
        "sổ (xem: vanthu so day-so); nếu năm {year} thật sự đánh số như vậy, hãy ghi vào sổ: "
        "vanthu so day-so {pairs} --tu-nam {year}",
        "en": "no number given: the register keeps the numbering of office {agency} in {year} "
        "as: {kept}; the one asked ({given}) differs. Leave out --tach: vanthu numbers by the "
        "one the register keeps (see: vanthu so day-so); if {year} really is numbered so, "
        "record it: vanthu so day-so {pairs} --tu-nam {year}",
    },
    "register.sequence_unrecorded": {
        "vi": "chưa cấp số: sổ năm {year} của cơ quan {agency} đánh số {symbol} ở dãy số "
        "riêng '{found}' (như {example}), nhưng sổ chưa ghi cách đánh số đó, nên số sẽ cấp ở "
        "dãy '{chosen}' và có thể trùng số của dãy '{found}'. Nếu cơ quan đánh số {code} riêng, "
        "hãy ghi vào sổ một lần: vanthu so{office} day-so {code}={found} --tu-nam {year}; từ đó "
        "build, render và mọi lệnh vanthu so đều đánh số {code} ở dãy '{found}'",
        "en": "no number given: the {year} register of office {agency} numbers {symbol} in a "
        "sequence of its own, '{found}' (such as {example}), but the register does not keep "
        "that numbering, so the number would be given in '{chosen}' and could repeat one of "
        "'{found}'. If the office numbers {code} apart, record it once: vanthu so{office} "
        "day-so {code}={found} --tu-nam {year}; from then on build, render and every vanthu "
        "so command number {code} in '{found}'",
    },
    "register.plan_conflicts": {
        "vi": "chưa đổi cách đánh số của cơ quan {agency}: sổ đã có {count} số cấp theo cách "
        "khác trong các năm đó: {rows} (năm, dãy số). Đổi cách đánh số giữa năm thì một loại "
        "văn bản có hai dãy số trong năm và số có thể lặp lại; hãy đổi từ năm {following}: "
        "vanthu so day-so {pairs} --tu-nam {following}",
        "en": "the numbering of office {agency} was not changed: the register holds {count} "
        "numbers given otherwise in those years: {rows} (year, sequence). Changing it within a "
        "year would number one type in two sequences that year, and numbers could repeat; "
        "change it from {following}: vanthu so day-so {pairs} --tu-nam {following}",
    },
    "register.plan_conflicts_now": {
        "vi": "chưa ghi cách đánh số ({plan}) cho cơ quan {agency}: sổ đã có {count} số cấp "
        "theo cách khác, đến năm {year}: {rows} (năm, dãy số). Đổi cách đánh số giữa năm thì "
        "một loại văn bản có hai dãy số trong năm và số có thể lặp lại. Năm {year} đánh số "
        "tiếp như đã cấp (không --tach); muốn đổi từ năm sau: vanthu so day-so {pairs} "
        "--tu-nam {following}",
        "en": "the numbering ({plan}) was not recorded for office {agency}: the register "
        "holds {count} numbers given otherwise, up to {year}: {rows} (year, sequence). "
        "Changing the numbering within a year would number one type in two sequences that "
        "year, and numbers could repeat. Go on numbering {year} as it was numbered (without "
        "--tach); to change it from next year: vanthu so day-so {pairs} --tu-nam {following}",
    },
    "register.tach_contradicts": {
        "vi": "--tach khác cách đánh số sổ đã ghi cho cơ quan {agency} ({years}): {kept}; "
        "--tach nói: {given}. Bỏ --tach: vanthu dùng cách đã ghi. Muốn đổi cách đánh số (từ "
        "năm sau, khi năm nay đã cấp số): vanthu so day-so {pairs} --tu-nam {following}",
        "en": "--tach differs from the numbering the register keeps for office {agency} "
        "({years}): {kept}; --tach says: {given}. Leave out --tach: vanthu numbers by the one "
        "kept. To change the numbering (from next year, once this year has numbers): vanthu "
        "so day-so {pairs} --tu-nam {following}",
    },
    "register.plan_kept": {
        "vi": "Đã ghi vào sổ cách đánh số của cơ quan {agency} ({years}): {plan}. Từ nay vanthu "
        "build, render, check và mọi lệnh vanthu so đánh số theo cách này, không cần --tach "
        "(xem, đổi: vanthu so day-so)",
        "en": "The numbering of office {agency} is now kept in the register ({years}): {plan}. "
        "From now on vanthu build, render, check and every vanthu so command number by it, "
        "without --tach (see, change: vanthu so day-so)",
    },
    "register.plan_set": {
        "vi": "Đã ghi cách đánh số của cơ quan {agency} ({years}): {plan}",
        "en": "Numbering of office {agency} recorded ({years}): {plan}",
    },
    "register.plan_unchanged": {
        "vi": "Cơ quan {agency} đã đánh số như vậy ({years}): {plan}",
        "en": "Office {agency} already numbers so ({years}): {plan}",
    },
    "register.plan_none": {
        "vi": "Sổ chưa ghi cách đánh số riêng của cơ quan {agency}: mọi loại văn bản một dãy "
        "số (chung). Để đánh số riêng, ví dụ Quyết định: vanthu so day-so QĐ=quyet-dinh",
        "en": "The register keeps no separate numbering for office {agency}: every type in "
        "one sequence (chung). To number e.g. Quyết định apart: vanthu so day-so QĐ=quyet-dinh",
    },
    "register.plan_header": {
        "vi": "Cách đánh số của cơ quan {agency}, ghi trong sổ:",
        "en": "Numbering of office {agency}, as the register keeps it:",
    },
    "register.plan_line_before": {
        "vi": "  trước năm {year}: {plan}",
        "en": "  before {year}: {plan}",
    },
    "register.plan_line": {
        "vi": "  {years}: {plan}",
        "en": "  {years}: {plan}",
    },
    "register.plan_with_tach": {
        "vi": "vanthu so day-so ghi cách đánh số; không dùng cùng --tach",
        "en": "vanthu so day-so records the numbering; do not give --tach with it",
    },
    "register.plan_pairs_and_one_run": {
        "vi": "--chung (mọi loại một dãy số) không đi cùng LOẠI=DÃY",
        "en": "--chung (every type in one sequence) does not go with TYPE=SEQUENCE",
    },
    # so nhap over numbers vanthu gave before the old sổ was brought in (Register.displacing).
    "register.duplicate_given": {
        "vi": "số {number} năm {year} (dãy số '{sequence}') vanthu đã cấp trong sổ: {existing}",
        "en": "number {number} of {year} (sequence '{sequence}') was given by vanthu in the "
        "register: {existing}",
    },
    "register.import_given_hint": {
        "vi": "Nếu vanthu cấp các số đó trước khi nhập sổ cũ (văn bản dựng trước khi chạy "
        "vanthu so nhap), hãy nhập lại để các dòng của tệp giữ số của chúng: {command}. Các số "
        "vanthu đã cấp được chuyển ra sau các số của tệp; lần dựng tới (vanthu build), văn bản "
        "của chúng in số mới",
        "en": "If vanthu gave those numbers before the old register was imported (documents "
        "built before vanthu so nhap), import again so that the file's rows keep their "
        "numbers: {command}. The numbers vanthu gave move after the file's; at the next build "
        "(vanthu build) their documents print their new numbers",
    },
    "register.displaced_one": {
        "vi": "{old}{where} → {new}",
        "en": "{old}{where} → {new}",
    },
    "register.displaced": {
        "vi": "{count} số vanthu đã cấp được chuyển ra sau các số của sổ cũ: {moves}.",
        "en": "{count} numbers vanthu gave moved after the old register's numbers: {moves}.",
    },
    "register.displaced_void": {
        "vi": "{count} số vanthu đã hủy được bỏ (số đó nay là của dòng trong tệp): {numbers}.",
        "en": "{count} numbers vanthu had voided were dropped (the file's rows hold them "
        "now): {numbers}.",
    },
    "register.displaced_void_kept": {
        "vi": "{count} số vanthu đã hủy vẫn là số đã hủy, không cấp lại (không dòng nào trong "
        "tệp mang số đó; các số chuyển ra sau được đánh tiếp sau nó): {numbers}.",
        "en": "{count} numbers vanthu had voided stay void, never given again (no row of the "
        "file holds them; the numbers moved are numbered after them): {numbers}.",
    },
    "register.displaced_next": {
        "vi": "Hãy chạy vanthu build: văn bản của các số đã chuyển được dựng lại, in số mới. "
        "Bản đã in hoặc đã ký (nếu có) còn mang số cũ: hãy thay bản đó",
        "en": "Run vanthu build: the documents of the numbers moved are written again with "
        "their new numbers. A copy already printed or signed (if any) still carries the old "
        "number: replace it",
    },
    # An output printing a number the register that gave it now holds for another document,
    # or holds no row of (documents.stale_output; vanthu check).
    "register.output_number_taken": {
        "vi": "{output} in số {reference}, nhưng sổ văn bản đi nay ghi số đó cho văn bản khác: "
        "{holder} (có lẽ sổ cũ được nhập sau khi văn bản này đã dựng): tệp kết quả đã cũ; hãy "
        "dựng lại (vanthu build), văn bản nhận số mới. Bản đã in hoặc đã ký (nếu có) còn mang "
        "số {reference}: hãy thay bản đó",
        "en": "{output} prints number {reference}, but the register now holds that number for "
        "another document: {holder} (the old register was probably imported after this "
        "document was built): the output is out of date; build again (vanthu build) and the "
        "document gets a new number. A copy already printed or signed (if any) still carries "
        "{reference}: replace it",
    },
    # An output numbered by another register than the one in use, which lacks its number
    # (documents.numbered_elsewhere; vanthu check, and vanthu build once per register and year).
    # The year's first number given to a document dated after February (year_start.py).
    "register.late_first_number": {
        "vi": "{name}: {reference} là số đầu tiên năm {year} trong sổ văn bản đi, nhưng văn bản "
        "đề ngày {date:%d/%m/%Y}: nếu từ đầu năm {year} cơ quan đã cấp số trong sổ giấy hoặc sổ "
        "Excel, các số đó chưa có trong sổ này và {reference} trùng số đã ban hành. Hãy nhập sổ "
        "cũ (sổ giấy thì chép sang Excel theo mẫu sổ trước), chạy trong thư mục làm việc này: "
        "vanthu so{office} nhap --doi-so-da-cap SO-DI-{year}.xlsx (các số vanthu đã cấp được "
        "dời ra sau các số của sổ cũ), rồi dựng lại (vanthu build hoặc vanthu render) để văn "
        "bản in số mới. Nếu năm {year} cơ quan bắt đầu cấp số từ văn bản này, hãy bỏ qua cảnh "
        "báo này",
        "en": "{name}: {reference} is the first number of {year} in the register, but the "
        "document is dated {date:%d/%m/%Y}: if the office numbered documents from the start of "
        "{year} in a paper or Excel register, those numbers are not in this register and "
        "{reference} repeats one already issued. Import the old register (copy a paper one "
        "into Excel in the register's form first), from this workspace's folder: vanthu "
        "so{office} nhap --doi-so-da-cap SO-DI-{year}.xlsx (the numbers vanthu gave move after "
        "the old register's), then build again (vanthu build or vanthu render) so that the "
        "document prints its new number. If the office's numbering of {year} begins with this "
        "document, ignore this warning",
    },
    "register.move_over": {
        "vi": "chuyển sổ cũ sang sổ đang dùng, chạy trong thư mục làm việc này: {commands}; rồi "
        "dựng lại",
        "en": "move the old register over to the one in use, from this workspace's folder: "
        "{commands}; then build again",
    },
    "register.move_over_url": {
        "vi": "chuyển sổ cũ sang sổ đang dùng, chạy trong thư mục làm việc này: trỏ vanthu tới "
        "sổ cũ (biến môi trường VANTHU_DB, hoặc so_van_ban trong vanthu.yaml, với mật khẩu của "
        "sổ đó) rồi chạy {exports}; trỏ vanthu lại sổ đang dùng rồi chạy {imports}; rồi dựng lại",
        "en": "move the old register over to the one in use, from this workspace's folder: "
        "point vanthu at the old register (the VANTHU_DB environment variable, or so_van_ban in "
        "vanthu.yaml, with that register's password) and run {exports}; point vanthu back at "
        "the register in use and run {imports}; then build again",
    },
    "register.outputs_numbered_elsewhere": {
        "vi": "{outputs} ({count} văn bản năm {year}) in số do sổ văn bản {old} cấp, nhưng sổ "
        "đang dùng ({current}) không có các số đó: văn bản được giữ nguyên (số đã ban hành), "
        "nhưng sổ đang dùng không biết các số này và có thể cấp lại chúng cho văn bản khác. "
        "Cách sửa: {how}. Nếu sổ đang dùng là nhầm, hãy trỏ vanthu lại sổ cũ (so_van_ban trong "
        "vanthu.yaml, hoặc biến môi trường VANTHU_DB)",
        "en": "{outputs} ({count} document(s) of {year}) print numbers given by the register "
        "{old}, but the register in use ({current}) does not hold them: the documents are kept "
        "as they are (their numbers were issued), but the register in use does not know these "
        "numbers and may give them to other documents. To fix it, {how}. If the register in "
        "use is a mistake, point vanthu back at the old one (so_van_ban in vanthu.yaml, or the "
        "VANTHU_DB environment variable)",
    },
    "register.output_numbered_elsewhere": {
        "vi": "{output} in số {reference} do sổ văn bản {old} cấp, nhưng sổ đang dùng "
        "({current}) không có số đó: sổ đang dùng không biết số này đã ban hành và có thể cấp "
        "lại cho văn bản khác. Cách sửa: {how}. Nếu sổ đang dùng là nhầm, hãy trỏ vanthu lại sổ "
        "cũ (so_van_ban trong vanthu.yaml, hoặc biến môi trường VANTHU_DB)",
        "en": "{output} prints number {reference}, given by the register {old}, but the "
        "register in use ({current}) does not hold it: the register in use does not know this "
        "number was issued and may give it to another document. To fix it, {how}. If the "
        "register in use is a mistake, point vanthu back at the old one (so_van_ban in "
        "vanthu.yaml, or the VANTHU_DB environment variable)",
    },
    "register.output_elsewhere_taken": {
        "vi": "{output} in số {reference} do sổ văn bản {old} cấp, nhưng sổ đang dùng "
        "({current}) ghi số đó cho văn bản khác: {holder}: hai văn bản mang cùng một số. Nếu "
        "sổ đang dùng là nhầm, hãy trỏ vanthu lại sổ cũ (so_van_ban trong vanthu.yaml, hoặc "
        "biến môi trường VANTHU_DB); nếu không, hãy cùng văn thư xem lại số nào đã ban hành "
        "(vanthu so xem {year})",
        "en": "{output} prints number {reference}, given by the register {old}, but the "
        "register in use ({current}) holds that number for another document: {holder}: two "
        "documents bear one number. If the register in use is a mistake, point vanthu back at "
        "the old one (so_van_ban in vanthu.yaml, or the VANTHU_DB environment variable); if "
        "not, check with the văn thư which of them was issued (vanthu so xem {year})",
    },
    "register.output_number_lost": {
        "vi": "{output} in số {reference} do sổ văn bản đi đang dùng cấp, nhưng sổ nay không "
        "còn dòng nào của số đó (sổ bị làm trống hoặc thay bằng sổ khác?): hãy khôi phục sổ, "
        "hoặc nhập lại sổ bằng vanthu so nhap, hoặc ghi lại các số các văn bản đã dựng còn ghi "
        "(vanthu so khoi-phuc {year}), rồi dựng lại",
        "en": "{output} prints number {reference}, given by the register in use, but the "
        "register holds no row of that number now (emptied, or replaced by another?): restore "
        "it, or import it again with vanthu so nhap, or enter again the numbers the documents "
        "built record (vanthu so khoi-phuc {year}), then build again",
    },
    # A form numbered by a program (pipeline.register.forms): its identifier names its record.
    "register.form_identifier": {
        "vi": "mã biểu mẫu '{identifier}' không dùng được: chỉ gồm chữ cái không dấu, chữ số, "
        "'.', '_', '-', bắt đầu bằng chữ cái hoặc chữ số, tối đa 100 ký tự (mã là tên tệp ghi "
        "lại biểu mẫu trong thư mục {folder}/)",
        "en": "form identifier '{identifier}' cannot be used: letters without marks, digits, "
        "'.', '_' and '-' only, starting with a letter or a digit, 100 at most (it names the "
        "form's record in the folder {folder}/)",
    },
    "register.form_identifier_device": {
        "vi": "mã biểu mẫu '{identifier}' không dùng được: Windows dành tên này cho thiết bị "
        "(CON, PRN, AUX, NUL, COM1…, LPT1…), không tạo được tệp mang tên đó; hãy chọn mã khác",
        "en": "form identifier '{identifier}' cannot be used: Windows keeps this name for a "
        "device (CON, PRN, AUX, NUL, COM1…, LPT1…), and no file can bear it there; choose "
        "another",
    },
    "register.form_identifier_case": {
        "vi": "mã biểu mẫu '{identifier}' chỉ khác mã '{other}' đã có ở chữ hoa, chữ thường: "
        "trên Windows và macOS hai bản ghi trong {folder}/ là một tệp; hãy dùng đúng mã "
        "'{other}' hoặc một mã khác hẳn",
        "en": "form identifier '{identifier}' differs from the existing '{other}' in case "
        "only: on Windows and macOS their records in {folder}/ are one file; use '{other}' "
        "itself or a clearly different identifier",
    },
    "register.form_not_automatic": {
        "vi": "biểu mẫu {identifier} không xin số từ sổ văn bản đi: chỉ cấp số cho văn bản ghi "
        "so: tu_dong, hoặc vào sổ số văn bản tự ghi (so: 40) (biểu mẫu này ghi so: {so})",
        "en": "form {identifier} asks the register for no number: only a document with "
        "so: tu_dong is numbered, or one typing its number (so: 40) entered (this form says "
        "so: {so})",
    },
    "register.form_renumbered": {
        "vi": "biểu mẫu {identifier} được cấp số mới",
        "en": "form {identifier} numbered anew",
    },
    # A form asking again for the number it holds, changed (forms.refuse_changed_form): the
    # paper signed under that number says otherwise. No command: a program shows these.
    "register.form_signer_changed": {
        "vi": "số {reference} ngày {date} của biểu mẫu {identifier} đã vào sổ văn bản đi với "
        "người ký “{held}”, nay biểu mẫu ghi người ký “{now}” (nguoi_ky: {key}): văn bản đã "
        "ban hành giữ người ký đã ký, nên số và sổ giữ nguyên. Hãy chọn lại người ký cũ; nếu "
        "cần văn bản mới do người khác ký, xin số mới (số cũ bị hủy: new_number=True); nếu sổ "
        "ghi sai và văn bản chưa ký, sửa người ký trong sổ (correct_signer=True)",
        "en": "number {reference} of {date} of form {identifier} is in the register signed by "
        "“{held}”, and the form now names “{now}” (nguoi_ky: {key}): an issued document keeps "
        "the signer who signed it, so its number and row are kept. Choose the former signer "
        "again; for a new document signed by someone else, ask for a new number (the former "
        "is voided: new_number=True); if the register is wrong and the document not yet "
        "signed, correct its signer (correct_signer=True)",
    },
    "register.form_signer_corrected": {
        "vi": "biểu mẫu {name}: sổ văn bản đi, số {reference}: người ký sửa từ “{old}” thành "
        "“{new}”",
        "en": "form {name}: the register's number {reference}: signer corrected from “{old}” "
        "to “{new}”",
    },
    "register.form_type_changed": {
        "vi": "số {reference} ngày {date} đã cấp cho biểu mẫu {identifier}, nay biểu mẫu là "
        "loại văn bản khác và sẽ in {now}: văn bản đã ban hành với số đó không đổi loại. Văn "
        "bản loại mới cần số mới (số cũ bị hủy: new_number=True)",
        "en": "number {reference} of {date} was given to form {identifier}, which is now of "
        "another type and would print {now}: a document issued under that number keeps its "
        "type. A document of the new type needs a new number (the former is voided: "
        "new_number=True)",
    },
    "register.form_number_changed": {
        "vi": "biểu mẫu {identifier} đã có số {existing}, nay ghi số {number}: một văn bản "
        "giữ số đã cấp. Muốn dùng số mới, hãy hủy số cũ (new_number=True)",
        "en": "form {identifier} holds number {existing} and now types {number}: a document "
        "keeps the number it was given. To use the new one, void the former "
        "(new_number=True)",
    },
    "register.form_elsewhere": {
        "vi": "biểu mẫu {identifier} đã có số {existing} (năm {year}); ngày hoặc loại văn bản "
        "nay thuộc năm hoặc dãy số khác. Muốn cấp số mới, hãy hủy số cũ (new_number=True, "
        "hoặc void_form)",
        "en": "form {identifier} holds number {existing} (year {year}); its date or type now "
        "belongs to another year or sequence. To number it anew, void the former number "
        "(new_number=True, or void_form)",
    },
    "register.form_voided_renumbered": {
        "vi": "số {old} của biểu mẫu {identifier} đã bị hủy trong sổ (lý do: {reason}); đã cấp "
        "số mới {new}. Bản đã in hoặc đã ký (nếu có) còn mang số {old}: hãy thay bản đó",
        "en": "number {old} of form {identifier} was voided in the register (reason: "
        "{reason}); it was given the new number {new}. A copy already printed or signed still "
        "carries {old}: replace it",
    },
    "register.form_not_numbered": {
        "vi": "biểu mẫu {identifier} chưa có số nào trong sổ văn bản đi để hủy",
        "en": "form {identifier} holds no number in the register to void",
    },
    "register.form_record_missing": {
        "vi": "số {reference}: bản ghi biểu mẫu {source} không còn; nếu bản ghi chỉ tạm vắng, "
        "hãy khôi phục nó (chương trình gửi lại cùng mã biểu mẫu thì giữ số); nếu văn bản đã "
        "bỏ, hãy hủy số: {command} --ly-do ...",
        "en": "number {reference}: the form record {source} is gone; if it is only away, put "
        "it back (the program asking again under the same identifier keeps the number); if the "
        "document was dropped, void the number: {command} --ly-do ...",
    },
    # so cap / giu / vao-so --day naming no run of the office's year nor the plan's
    # (Register._chosen_run: run names compare without case or surrounding spaces).
    "register.run_unknown": {
        "vi": "--day '{name}': sổ năm {year} của cơ quan {agency} không có dãy số này cho "
        "{kind} (dãy số dùng được: {runs}); chưa ghi gì vào sổ. Tên dãy số không phân biệt chữ "
        "hoa, chữ thường và dấu cách ở hai đầu (CHUNG là chung); mỗi dãy số mới bắt đầu lại từ "
        "01, nên một tên gõ nhầm sẽ cấp lại các số đã cấp. Muốn đánh số riêng một loại văn "
        "bản, hãy ghi cách đánh số vào sổ: vanthu so{office} day-so {pairs}; từ đó loại ấy "
        "được cấp số ở dãy riêng, không cần --day",
        "en": "--day '{name}': the {year} register of office {agency} has no such sequence for "
        "{kind} (sequences that can be used: {runs}); nothing was written. Sequence names are "
        "compared regardless of case and surrounding spaces (CHUNG is chung); every new "
        "sequence starts again at 01, so a mistyped name would give numbers already given. To "
        "number a type in a sequence of its own, record it in the register: vanthu so{office} "
        "day-so {pairs}; from then on that type is numbered in its own sequence, without --day",
    },
    "register.run_for_type": {"vi": "văn bản loại {code}", "en": "documents of type {code}"},
    "register.run_for_any": {"vi": "số chưa ghi loại văn bản",
                             "en": "a number of no stated type"},
    # so cap --nguon asked again for a document that is not the one its row records.
    "register.source_other_document": {
        "vi": "{source} đã được cấp số {existing}; yêu cầu này không phải văn bản đó ({changes}): "
        "không cấp số, chưa ghi gì vào sổ. Nếu là văn bản khác, hãy ghi --nguon khác (hoặc bỏ "
        "--nguon); nếu số cũ không dùng cho văn bản nào, hãy hủy nó trước ({command} --ly-do "
        "\"...\") rồi cấp lại",
        "en": "{source} already has number {existing}; this request is not that document "
        "({changes}): no number given, nothing written. If it is another document, give another "
        "--nguon (or none); if the old number went to no document, void it first ({command} "
        "--ly-do \"...\"), then ask again",
    },
    "register.differs_date": {"vi": "ngày {old} → {new}", "en": "date {old} → {new}"},
    "register.differs_type": {"vi": "loại {old} → {new}", "en": "type {old} → {new}"},
    "register.differs_signer": {"vi": "người ký {old} → {new}", "en": "signer {old} → {new}"},
    "register.allocated_kept": {
        "vi": "{source} đã có số {reference} (cấp trước đây, giữ nguyên số)",
        "en": "{source} already has number {reference} (given before; the number is kept)",
    },
    # so nhap: a số, ký hiệu the register holds in another run of the year.
    "register.duplicate_other_run": {
        "vi": "số {reference} năm {year} đã có trong sổ ở dãy số '{sequence}': {existing}; một "
        "số, ký hiệu chỉ của một văn bản",
        "en": "number {reference} of {year} is already in the register, in sequence "
        "'{sequence}': {existing}; a number and symbol belong to one document only",
    },
    # so xuat -o naming a file that is there already (as render without --force).
    "register.export_exists": {
        "vi": "{path} đã có: chưa ghi đè, chưa ghi gì. Muốn ghi đè thì chạy lại với --force, "
        "hoặc chọn tên khác với -o",
        "en": "{path} already exists: not written over, nothing written. To write over it, "
        "run again with --force, or choose another name with -o",
    },
    # s54 K1: a numbered data file whose date (year) or type moved it out of its number's run.
    "register.number_in_other_run": {
        "vi": "chưa cấp số: tệp này đã được cấp số {existing} (năm {year}, dãy số "
        "'{sequence}'), nay ghi ngày {date}, thuộc năm {new_year}, dãy số '{new_sequence}': "
        "số đã cấp không chuyển sang năm hay dãy số khác. Nếu văn bản đã ban hành với số đó, "
        "hãy sửa lại ngày, loại văn bản như lúc cấp số; nếu ban hành thành văn bản mới, hãy "
        "hủy số cũ: {command} --ly-do \"...\" rồi dựng lại để cấp số mới",
        "en": "no number given: this file was given number {existing} (year {year}, sequence "
        "'{sequence}'), and is now dated {date}, in year {new_year}, sequence "
        "'{new_sequence}': a number given never moves to another year or sequence. If the "
        "document was issued under that number, put its date and type back as when it was "
        "numbered; if it is issued as a new document, void the old number: {command} "
        "--ly-do \"...\" and build again to give it a new number",
    },
    "register.number_holder_unclear": {
        "vi": "chưa cấp số: không rõ số {existing} thuộc văn bản nào: tệp {old} giữ số đó nay "
        "ghi văn bản khác, còn {files} ghi văn bản đã cấp số ấy (cùng loại, ngày và trích yếu), "
        "hoặc tệp nhận số ấy sẽ bỏ lại số của chính nó. Số đã cấp đi theo văn bản đã ban hành: "
        "hãy để một tệp ghi văn bản đó (xóa hoặc sửa bản sao), hoặc nếu văn bản ấy không ban "
        "hành thì hủy số ({command} --ly-do \"...\"), rồi dựng lại",
        "en": "no number given: which document number {existing} is cannot be told: its file "
        "{old} now records another document, while {files} record the one it was issued for "
        "(the same type, date and trích yếu), or the file taking it would leave its own number "
        "without a document. A number stays with the document issued under it: keep one file "
        "recording that document (remove or edit the copies), or, if it was never issued, void "
        "the number ({command} --ly-do \"...\"), then build again",
    },
    # A numbered file renamed and copied, its old file gone: which file is it. A copy edited is
    # another document, numbered anew in the same build while the renamed file keeps the number
    # (documents.left_without_document).
    "register.renamed_copies_unclear": {
        "vi": "chưa cấp số: không rõ số {existing} thuộc tệp nào: tệp {old} giữ số đó không "
        "còn nữa (đã đổi tên hoặc chuyển đi), còn {files} đều ghi văn bản đã cấp số ấy (cùng "
        "loại, ngày và trích yếu) và đều chưa có số, nên không đoán tệp nào là tệp đã đổi tên. "
        "Hãy xóa bản sao rồi dựng lại; nếu bản sao là một văn bản khác, hãy sửa trích yếu của "
        "nó (giữ so: tu_dong) rồi dựng lại: tệp đã đổi tên giữ số đã cấp, bản sao được cấp số "
        "mới",
        "en": "no number given: which file number {existing} belongs to cannot be told: the "
        "file holding it, {old}, is gone (renamed or moved), while {files} all record the "
        "document issued under it (the same type, date and trích yếu) and hold no number, so "
        "the renamed file is not guessed. Delete the copy and build again; if the copy is "
        "another document, edit its trích yếu (keeping so: tu_dong) and build again: the "
        "renamed file keeps the number and the copy is given a new one",
    },
    # s56 so huy SO/KÝ-HIỆU: the row of that number has another ký hiệu (command.
    # _refuse_other_symbol); nothing voided.
    "register.void_other_symbol": {
        "vi": "chưa hủy số nào: số {number} năm {year} trong sổ là {existing}, ký hiệu {symbol}, "
        "không phải {typed} như đã gõ; số đã hủy thì không bao giờ dùng lại được. Nếu đúng là "
        "muốn hủy số của văn bản này, hãy chạy: {command} --ly-do \"...\"; nếu không, hãy xem "
        "lại số cần hủy (vanthu so xem {year})",
        "en": "nothing voided: number {number} of {year} in the register is {existing}, symbol "
        "{symbol}, not {typed} as typed; a voided number can never be used again. If it is "
        "this document's number you mean to void, run: {command} --ly-do \"...\"; if not, "
        "check the number to void (vanthu so xem {year})",
    },
    # s56 so cap --nguon naming the data file of a document vanthu built (command._as_built):
    # the row records the printed document; typed columns that differ are refused.
    "register.built_row_differs": {
        "vi": "chưa ghi gì vào sổ: {source} là tệp dữ liệu của văn bản vanthu đã dựng, số "
        "{existing}; dòng sổ ghi theo văn bản đã in ra, còn cột gõ vào khác: {changes}. Dòng "
        "sổ của văn bản dựng từ tệp dữ liệu chỉ đổi theo tệp đó: hãy sửa {source} rồi dựng "
        "lại (vanthu build), dòng sổ sẽ được ghi lại theo văn bản mới. Nếu là văn bản khác, "
        "hãy ghi --nguon khác (hoặc bỏ --nguon)",
        "en": "nothing written: {source} is the data file of a document vanthu built, number "
        "{existing}; its row records the document as printed, and the columns typed differ: "
        "{changes}. The row of a document built from a data file changes with that file only: "
        "edit {source} and build again (vanthu build), and the row is written again from the "
        "new document. If this is another document, give another --nguon (or none)",
    },
    "register.built_differs": {
        "vi": "{option} ({column}) gõ {typed}, sổ ghi {recorded}",
        "en": "{option} ({column}) typed {typed}, the register holds {recorded}",
    },
    "register.built_differs_bare": {
        "vi": "{option} gõ {typed}, sổ ghi {recorded}",
        "en": "{option} typed {typed}, the register holds {recorded}",
    },
    "register.allocated_kept_built": {
        "vi": "{source} đã có số {reference} (cấp khi dựng văn bản từ tệp này; giữ nguyên số; "
        "các cột của văn bản trong sổ giữ như văn bản đã dựng)",
        "en": "{source} already has number {reference} (given when its document was built; "
        "the number is kept, and the document's columns in the register stay as built)",
    },
}
