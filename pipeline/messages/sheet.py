"""Messages: reading danh sách spreadsheets (.xlsx, .csv) and Vietnamese collation."""

MESSAGES: dict[str, dict[str, str]] = {
    "sheet.not_found": {
        "vi": "không tìm thấy tệp danh sách.",
        "en": "the list file does not exist.",
    },
    "sheet.read_failed": {
        "vi": "không đọc được tệp: {reason}",
        "en": "cannot read the file: {reason}",
    },
    "sheet.unsupported_format": {
        "vi": "không đọc được tệp đuôi '{suffix}'; hãy dùng một trong các định dạng: {supported}.",
        "en": "cannot read a '{suffix}' file; use one of: {supported}.",
    },
    "sheet.xls_format": {
        "vi": (
            "đây là tệp Excel kiểu cũ (.xls, định dạng nhị phân) nên không đọc được. Hãy mở tệp "
            'bằng Excel hoặc LibreOffice rồi chọn "Lưu thành" (Save As) kiểu Excel Workbook '
            '(.xlsx), hoặc chạy lệnh: soffice --headless --convert-to xlsx "{name}"'
        ),
        "en": (
            "this is an old binary Excel file (.xls), which cannot be read. Open it in Excel or "
            'LibreOffice and "Save As" an Excel Workbook (.xlsx), or run: '
            'soffice --headless --convert-to xlsx "{name}"'
        ),
    },
    "sheet.encrypted": {
        "vi": (
            "tệp Excel đang được bảo vệ bằng mật khẩu (mã hóa) nên không đọc được. Hãy mở tệp "
            "bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật "
            "khẩu, xóa mật khẩu) rồi lưu lại."
        ),
        "en": (
            "the Excel file is password-protected (encrypted), so it cannot be read. Open it in "
            "Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, "
            "clear it) and save it again."
        ),
    },
    # {reason} is one of sheet.xlsx_reason_* (spreadsheet.reasons.xlsx_reason), never the
    # library's English: each says what happened to the file and what to do.
    "sheet.bad_xlsx": {
        "vi": "không đọc được tệp Excel .xlsx: {reason}.",
        "en": "the Excel .xlsx file cannot be read: {reason}.",
    },
    "sheet.xlsx_reason_damaged": {
        "vi": "tệp bị hỏng hoặc không trọn vẹn (thường do sao chép hay tải về chưa xong, hoặc "
        "tệp đính kèm bị cắt ngắn). Hãy lấy lại tệp từ bản gốc (sao chép hoặc tải về lại); nếu "
        "Excel hoặc LibreOffice vẫn mở được tệp, hãy lưu lại dưới dạng .xlsx",
        "en": "the file is damaged or incomplete (most often copied or downloaded only in part, "
        "or an attachment cut short). Get the file again from its original (copy or download "
        "it again); if Excel or LibreOffice can still open it, save it again as .xlsx",
    },
    "sheet.xlsx_reason_xml": {
        "vi": "nội dung bên trong tệp bị hỏng (một phần của sổ làm việc bị ghi dở hoặc ghi sai, "
        "thường do tệp bị cắt ngắn hoặc do một phần mềm khác ghi ra). Hãy mở tệp bằng Excel "
        "hoặc LibreOffice và lưu lại dưới dạng .xlsx; nếu không mở được, hãy lấy lại tệp từ bản "
        "gốc",
        "en": "the content inside the file is damaged (a part of the workbook written only in "
        "part or wrongly, most often as the file was cut short or written by another program). "
        "Open it in Excel or LibreOffice and save it again as .xlsx; if it does not open, get "
        "the file again from its original",
    },
    "sheet.xlsx_reason_parts": {
        "vi": "tệp thiếu những phần mà một sổ làm việc Excel phải có (có thể là tệp Word, "
        "PowerPoint hay một tệp nén khác mang đuôi .xlsx, hoặc một tệp bị hỏng). Hãy mở đúng tệp "
        "danh sách bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx",
        "en": "the file lacks parts every Excel workbook has (it may be a Word, PowerPoint or "
        "other zip file named .xlsx, or a damaged file). Open the list itself in Excel or "
        "LibreOffice and save it as .xlsx",
    },
    "sheet.xlsx_reason_unknown": {
        "vi": "vanthu không đọc được nội dung của tệp. Hãy mở tệp bằng Excel hoặc LibreOffice "
        "và lưu lại dưới dạng .xlsx",
        "en": "vanthu cannot read its content. Open it in Excel or LibreOffice and save it "
        "again as .xlsx",
    },
    "sheet.text_named_xlsx": {
        "vi": (
            "tệp {name} là tệp chữ (như .csv), không phải tệp Excel .xlsx. Nếu là bảng CSV, hãy "
            "đổi đuôi tên tệp thành .csv; nếu không, mở bằng Excel hoặc LibreOffice và lưu lại "
            "dưới dạng .xlsx."
        ),
        "en": (
            "{name} is a text file (such as .csv), not an Excel .xlsx file. If it is a CSV "
            "table, rename it to end in .csv; otherwise open it in Excel or LibreOffice and save "
            "it as .xlsx."
        ),
    },
    "sheet.markup_named_xlsx": {
        "vi": (
            "tệp {name} là trang web (HTML/XML) mang tên .xlsx, không phải tệp Excel. Hãy mở "
            "bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx."
        ),
        "en": (
            "{name} is a web page (HTML/XML) named .xlsx, not an Excel file. Open it in Excel "
            "or LibreOffice and save it as .xlsx."
        ),
    },
    "sheet.not_xlsx": {
        "vi": (
            "tệp {name} không phải tệp Excel .xlsx (nội dung không phải dạng .xlsx). Hãy mở "
            "bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx."
        ),
        "en": (
            "{name} is not an Excel .xlsx file (its content is not in .xlsx form). Open it in "
            "Excel or LibreOffice and save it as .xlsx."
        ),
    },
    "sheet.unknown_sheet": {
        "vi": "không có trang tính '{name}'; các trang tính trong tệp: {available}.",
        "en": "there is no sheet '{name}'; the sheets in the file are: {available}.",
    },
    "sheet.no_sheets": {
        "vi": "tệp không có trang tính nào chứa dữ liệu.",
        "en": "the file has no worksheet with data.",
    },
    "sheet.empty_sheet": {
        "vi": "trang tính trống: {rows} dòng đầu không có nội dung nào.",
        "en": "the sheet is empty: its first {rows} rows hold nothing.",
    },
    # The first {rows} rows blank, the list further down (header.header_further_down).
    "sheet.blank_rows_above": {
        "vi": "không tìm thấy dòng tiêu đề trong {rows} dòng đầu: các dòng đó đều trống, nội dung "
        "bắt đầu từ dòng {first}{header}. vanthu chỉ tìm dòng tiêu đề trong {rows} dòng đầu: "
        "hãy xóa các dòng trống phía trên danh sách (dòng 1–{blank_last}).",
        "en": "no header row found in the first {rows} rows: they are all blank, and the content "
        "starts on row {first}{header}. vanthu looks for the header row in the first {rows} rows "
        "only: delete the blank rows above the list (rows 1–{blank_last}).",
    },
    "sheet.header_at": {
        "vi": " (dòng tiêu đề ở dòng {header_row})",
        "en": " (the header row is row {header_row})",
    },
    # The header found below the rows it is looked for in, under rows that are not blank.
    "sheet.header_below": {
        "vi": "không tìm thấy dòng tiêu đề trong {rows} dòng đầu: dòng tiêu đề có vẻ ở dòng "
        "{header_row} ({found}), quá xa phía dưới. vanthu chỉ tìm dòng tiêu đề trong {rows} dòng "
        "đầu: hãy xóa các dòng trống hoặc thừa phía trên danh sách để dòng tiêu đề nằm trong "
        "{rows} dòng đầu.",
        "en": "no header row found in the first {rows} rows: the header row seems to be row "
        "{header_row} ({found}), too far down. vanthu looks for the header row in the first "
        "{rows} rows only: delete the blank or extra rows above the list so that the header row "
        "is within the first {rows} rows.",
    },
    # The sheet read has no header, another sheet of the workbook has (xlsx._header_elsewhere).
    "sheet.list_on_other_sheet": {
        "vi": "trang tính này không có dòng tiêu đề của danh sách (các cột {missing}) trong {rows} "
        "dòng đầu, còn {others} thì có: danh sách có vẻ nằm ở đó. Hãy ghi tên trang tính cần "
        "đọc ở khóa 'trang_tinh' cạnh 'danh_sach'{hidden}, ví dụ  trang_tinh: {name}",
        "en": "this sheet has no header row of the list (columns {missing}) in its first {rows} "
        "rows, while {others} has one: the list seems to be there. Name the sheet to read "
        "under 'trang_tinh' next to 'danh_sach'{hidden}, e.g.  trang_tinh: {name}",
    },
    "sheet.other_sheet": {"vi": "trang tính '{name}'", "en": "sheet '{name}'"},
    "sheet.other_sheet_hidden": {
        "vi": "trang tính '{name}' (đang ẩn)",
        "en": "sheet '{name}' (hidden)",
    },
    "sheet.hidden_sheet_named": {
        "vi": " (trang tính ẩn chỉ được đọc khi được ghi tên ở đó)",
        "en": " (a hidden sheet is read only when named there)",
    },
    # The whole header in one cell, joined by a character vanthu does not split on.
    "sheet.csv_separator": {
        "vi": "dòng này có vẻ là dòng tiêu đề nhưng các cột ngăn cách bằng dấu "
        "«{separator}» («{text}»), mà vanthu chỉ đọc tệp CSV ngăn cách bằng dấu phẩy «,», dấu "
        "chấm phẩy «;» hoặc dấu Tab. Hãy mở tệp bằng Excel hoặc LibreOffice (chọn dấu phân cách "
        "«{separator}» khi mở) rồi lưu lại dưới dạng CSV với dấu phẩy, dấu chấm phẩy hoặc Tab "
        "(hoặc lưu thành .xlsx).",
        "en": "this line looks like the header row, but its columns are separated by "
        "«{separator}» («{text}»), while vanthu reads CSV files separated by a comma «,», a "
        "semicolon «;» or a Tab only. Open the file in Excel or LibreOffice (choose «{separator}» "
        "as the separator when opening it) and save it again as CSV with commas, semicolons or "
        "Tabs (or save it as .xlsx).",
    },
    "sheet.joined_header": {
        "vi": "ô {cell} có vẻ chứa cả dòng tiêu đề trong một ô, các cột ngăn cách bằng dấu "
        "«{separator}» («{text}»): dữ liệu chưa được tách thành cột. Hãy tách thành các cột "
        "(chọn cột {letter}, Dữ liệu → Văn bản thành Cột (Data → Text to Columns), chọn dấu "
        "phân cách «{separator}»), mỗi cột một tiêu đề.",
        "en": "cell {cell} seems to hold the whole header row in one cell, its columns separated "
        "by «{separator}» («{text}»): the data was never split into columns. Split it (select "
        "column {letter}, Data → Text to Columns, separator «{separator}»), one header per "
        "column.",
    },
    "sheet.missing_column": {
        "vi": (
            "không tìm thấy cột {missing} trong {rows} dòng đầu. Các tiêu đề đọc được ở dòng "
            "{header_row}: {found}. Nếu cột mang tên khác, hãy khai báo tên đó ở khóa 'cot' "
            "cạnh 'danh_sach' trong tệp dữ liệu, ví dụ  cot: {{ho_ten: \"Họ tên\"}}."
        ),
        "en": (
            "column {missing} not found in the first {rows} rows. Headers read in row "
            "{header_row}: {found}. If the column has another name, give that name under 'cot' "
            "next to 'danh_sach' in the data file, e.g.  cot: {{ho_ten: \"Full name\"}}."
        ),
    },
    "sheet.missing_column_close": {
        "vi": (
            "không tìm thấy cột {missing} trong {rows} dòng đầu. Các tiêu đề đọc được ở dòng "
            "{header_row}: {found}. Có lẽ là: {closest}. Hãy sửa tiêu đề cột, hoặc khai báo "
            "tên đó ở khóa 'cot' cạnh 'danh_sach' trong tệp dữ liệu."
        ),
        "en": (
            "column {missing} not found in the first {rows} rows. Headers read in row "
            "{header_row}: {found}. Perhaps: {closest}. Correct the column header, or give "
            "that name under 'cot' next to 'danh_sach' in the data file."
        ),
    },
    "sheet.column_two_fields": {
        "vi": "cột {letter} («{header}») được đọc cho cả '{first}' lẫn '{second}'{declared}: một "
        "cột chỉ ghi một thông tin, đọc như vậy văn bản sẽ in sai nội dung (ví dụ in đơn vị thay "
        "cho họ tên). Hãy sửa khóa 'cot' cạnh 'danh_sach' trong tệp dữ liệu để mỗi trường chỉ "
        "đến đúng cột của nó.",
        "en": "column {letter} («{header}») is read as both '{first}' and '{second}'{declared}: "
        "a column holds one thing, and read so the document would print the wrong content (the "
        "units as the people's names, say). Correct 'cot' next to 'danh_sach' in the data file "
        "so that each field names its own column.",
    },
    # The same for a list named by data given as a mapping (a form, Workspace.load_mapping):
    # there is no data file, and 'cot' is a key of the form beside 'danh_sach'.
    "sheet.missing_column_plain": {
        "vi": (
            "không tìm thấy cột {missing} trong {rows} dòng đầu. Các tiêu đề đọc được ở dòng "
            "{header_row}: {found}. Nếu cột mang tên khác, hãy khai báo tên đó ở khóa 'cot' "
            "cạnh 'danh_sach' của biểu mẫu, ví dụ trong 'cot' khóa ho_ten với giá trị \"Họ tên\"."
        ),
        "en": (
            "column {missing} not found in the first {rows} rows. Headers read in row "
            "{header_row}: {found}. If the column has another name, give that name under 'cot' "
            "next to 'danh_sach' in the form, e.g. in 'cot' the key ho_ten with the value "
            "\"Full name\"."
        ),
    },
    "sheet.missing_column_close_plain": {
        "vi": (
            "không tìm thấy cột {missing} trong {rows} dòng đầu. Các tiêu đề đọc được ở dòng "
            "{header_row}: {found}. Có lẽ là: {closest}. Hãy sửa tiêu đề cột, hoặc khai báo "
            "tên đó ở khóa 'cot' cạnh 'danh_sach' của biểu mẫu."
        ),
        "en": (
            "column {missing} not found in the first {rows} rows. Headers read in row "
            "{header_row}: {found}. Perhaps: {closest}. Correct the column header, or give "
            "that name under 'cot' next to 'danh_sach' in the form."
        ),
    },
    "sheet.column_two_fields_plain": {
        "vi": "cột {letter} («{header}») được đọc cho cả '{first}' lẫn '{second}'{declared}: một "
        "cột chỉ ghi một thông tin, đọc như vậy văn bản sẽ in sai nội dung (ví dụ in đơn vị thay "
        "cho họ tên). Hãy sửa khóa 'cot' cạnh 'danh_sach' của biểu mẫu để mỗi trường chỉ đến "
        "đúng cột của nó.",
        "en": "column {letter} («{header}») is read as both '{first}' and '{second}'{declared}: "
        "a column holds one thing, and read so the document would print the wrong content (the "
        "units as the people's names, say). Correct 'cot' next to 'danh_sach' in the form so "
        "that each field names its own column.",
    },
    "sheet.column_declared": {
        "vi": " (khóa 'cot' khai báo {declared})",
        "en": " ('cot' declares {declared})",
    },
    "sheet.split_name": {
        "vi": "họ và tên nằm ở hai cột: {surname_cell} «{surname}» và {given_cell} «{given}»; "
        "đọc riêng cột «{given}» thì văn bản chỉ in tên, không có họ. Hãy ghép thành một cột "
        "'Họ và tên' (ví dụ thêm một cột có công thức ={first_cell}&\" \"&{second_cell}, kéo "
        "xuống hết danh sách, rồi Sao chép → Dán đặc biệt → Giá trị) và xóa hai cột cũ; nếu cột "
        "«{given}» đã ghi đủ họ và tên, hãy đổi tiêu đề của nó thành 'Họ và tên'.",
        "en": "the name is split over two columns: {surname_cell} «{surname}» and {given_cell} "
        "«{given}»; read alone, column «{given}» would print the given names without the "
        "surnames. Join them into one 'Họ và tên' column (e.g. add a column with the formula "
        "={first_cell}&\" \"&{second_cell}, fill it down the list, then Copy → Paste Special → "
        "Values) and delete the two old columns; if column «{given}» already holds the full "
        "names, rename its header 'Họ và tên'.",
    },
    "sheet.legacy_header": {
        "vi": "dòng tiêu đề (dòng {header_row}) gõ bằng bảng mã {encoding} (phông {font}): "
        "{cells}, nên không đọc được cột nào, và các ô bên dưới có lẽ cũng vậy. Hãy chuyển cả "
        "bảng tính sang Unicode (ví dụ: chọn hết các ô, sao chép, dùng Unikey Toolkit chuyển mã "
        "clipboard từ {encoding} sang Unicode rồi dán lại), đừng chỉ gõ lại dòng tiêu đề.",
        "en": "the header row (row {header_row}) is typed in the {encoding} code (a {font} "
        "font): {cells}, so no column can be read, and the cells below it most likely are "
        "legacy text too. Convert the whole sheet to Unicode (e.g. select all cells, copy, "
        "convert the clipboard from {encoding} to Unicode with the Unikey toolkit and paste "
        "back) rather than retyping the header row only.",
    },
    # The header of a file opened in the wrong code and saved again (text.legacy.refusal_key).
    "sheet.misread_header": {
        "vi": "dòng tiêu đề (dòng {header_row}) là chữ {encoding}: {cells}, nên không đọc được "
        "cột nào, và các ô bên dưới có lẽ cũng vậy: tệp đã được mở sai bảng mã rồi lưu lại. "
        "Hãy mở lại tệp gốc với đúng bảng mã rồi lưu lại, đừng chỉ gõ lại dòng tiêu đề.",
        "en": "the header row (row {header_row}) is {encoding} text: {cells}, so no column can "
        "be read, and the cells below it most likely are too: the file was opened in the wrong "
        "code and saved again. Open the original file again in its own code and save it, "
        "rather than retyping the header row only.",
    },
    "sheet.unread_column": {
        "vi": "cột {letter} («{header}») có nội dung (ô {cell}: «{value}») nhưng không được đọc: "
        "danh sách không có cột '{label}' và tiêu đề này không phải tên cột đó, nên văn bản sẽ "
        "in các dòng mà không có '{label}' của chúng. Nếu đây là cột '{label}', hãy đổi tiêu đề "
        "thành '{label}', hoặc khai báo ở khóa 'cot' cạnh 'danh_sach' trong tệp dữ liệu:  "
        "cot: {{{key}: \"{header}\"}}; nếu không phải, hãy xóa cột này khỏi danh sách (hoặc "
        "chuyển nó sang trang tính khác).",
        "en": "column {letter} («{header}») holds values (cell {cell}: «{value}») but is not "
        "read: the list has no '{label}' column and this header is not one of its names, so the "
        "document would print the rows without their '{label}'. If this is the '{label}' "
        "column, rename its header '{label}', or give that name under 'cot' next to "
        "'danh_sach' in the data file:  cot: {{{key}: \"{header}\"}}; if it is not, delete the "
        "column from the list (or move it to another sheet).",
    },
    # The same for a list named by a form: 'cot' is a key of the form, given a key and a value.
    "sheet.unread_column_plain": {
        "vi": "cột {letter} («{header}») có nội dung (ô {cell}: «{value}») nhưng không được đọc: "
        "danh sách không có cột '{label}' và tiêu đề này không phải tên cột đó, nên văn bản sẽ "
        "in các dòng mà không có '{label}' của chúng. Nếu đây là cột '{label}', hãy đổi tiêu đề "
        "thành '{label}', hoặc khai báo ở khóa 'cot' cạnh 'danh_sach' của biểu mẫu: trong 'cot' "
        "khóa {key} với giá trị \"{header}\"; nếu không phải, hãy xóa cột này khỏi danh sách "
        "(hoặc chuyển nó sang trang tính khác).",
        "en": "column {letter} («{header}») holds values (cell {cell}: «{value}») but is not "
        "read: the list has no '{label}' column and this header is not one of its names, so the "
        "document would print the rows without their '{label}'. If this is the '{label}' "
        "column, rename its header '{label}', or give that name under 'cot' next to "
        "'danh_sach' in the form: in 'cot' the key {key} with the value \"{header}\"; if it is "
        "not, delete the column from the list (or move it to another sheet).",
    },
    # A warning, once for a list (Table.unprinted_warning): {columns} is a list of
    # sheet.column_not_printed.
    "sheet.columns_not_printed": {
        "vi": "{columns}: nội dung ở đó không được in trong quyết định hay Danh sách kèm theo. "
        "Nếu cần in, hãy đưa vào văn bản (một điều của quyết định) hoặc vào một cột được in (Họ "
        "và tên, Chức vụ, Đơn vị, Danh hiệu/Hình thức); nếu đó chỉ là ghi chép riêng của cơ "
        "quan, có thể để nguyên, hoặc xóa cột cho hết cảnh báo",
        "en": "{columns}: what is there is printed neither in the decision nor in its Danh sách. "
        "If it must be printed, put it in the text (an article of the decision) or in a column "
        "that is printed (Họ và tên, Chức vụ, Đơn vị, Danh hiệu/Hình thức); if it is the "
        "office's own record, it may stay, or delete the column to silence this warning",
    },
    # The same, of a council's member list (lists.unprinted_members).
    "sheet.member_columns_not_printed": {
        "vi": "{columns}: nội dung ở đó không được in trong quyết định (Điều 1 chỉ in Họ và tên, "
        "Chức vụ và Vai trò của mỗi thành viên Hội đồng). Nếu cần in, hãy đưa vào văn bản (một "
        "điều của quyết định) hoặc vào một trong các cột đó; nếu đó chỉ là ghi chép riêng của "
        "cơ quan, có thể để nguyên, hoặc xóa cột cho hết cảnh báo",
        "en": "{columns}: what is there is not printed in the decision (Điều 1 prints each "
        "council member's Họ và tên, Chức vụ and Vai trò only). If it must be printed, put it "
        "in the text (an article of the decision) or in one of those columns; if it is the "
        "office's own record, it may stay, or delete the column to silence this warning",
    },
    # A warning, once for a list without money (awards.unpaid_money): {columns} is a list of
    # sheet.column_not_printed (Số tiền, Hệ số).
    "sheet.money_not_printed": {
        "vi": "{columns}: quyết định ghi tien_thuong: khong (không có tiền thưởng), nên số tiền "
        "và hệ số ở đó không được in trong quyết định hay Danh sách kèm theo, cũng không được "
        "đối chiếu với mức thưởng. Nếu có thưởng tiền, hãy bỏ dòng tien_thuong: khong trong mục "
        "khen_thuong; nếu không, hãy xóa các số đó (hoặc cả cột) cho hết cảnh báo",
        "en": "{columns}: the decision says tien_thuong: khong (no money), so the amounts and "
        "coefficients there are printed neither in the decision nor in its Danh sách, nor "
        "checked against the rewards. If the awards carry money, remove tien_thuong: khong "
        "from khen_thuong; if not, delete those figures (or the column) to silence this warning",
    },
    "sheet.column_not_printed": {
        "vi": "cột {letter} «{header}» ({rows} dòng có nội dung)",
        "en": "column {letter} «{header}» (filled on {rows} of the list's rows)",
    },
    "sheet.duplicate_column": {
        "vi": "có hai cột cùng là '{field_name}': ô {first} và ô {second}; hãy giữ một cột.",
        "en": "two columns are both '{field_name}': cells {first} and {second}; keep only one.",
    },
    "sheet.unknown_field": {
        "vi": "khóa 'cot' nêu trường '{name}' không có; các trường dùng được: {known}.",
        "en": "'cot' names an unknown field '{name}'; the known fields are: {known}.",
    },
    "sheet.row_after_total": {
        "vi": "dòng này ở dưới dòng tổng của danh sách (dòng {total_row}: «{total}»), nên con "
        "số tổng đó không tính nó: nếu dòng này thuộc danh sách, hãy chuyển dòng tổng xuống "
        "dưới dòng cuối và sửa lại con số; nếu không, hãy xóa dòng này",
        "en": "this row is below the list's total row (row {total_row}: «{total}»), so that "
        "total does not count it: if the row belongs to the list, move the total row below "
        "the last row and correct its figure; if not, delete this row",
    },
    "sheet.no_rows": {
        "vi": "danh sách trống: dưới dòng tiêu đề (dòng {header_row}) không có dòng dữ liệu nào.",
        "en": "the list is empty: there are no data rows below the header (row {header_row}).",
    },
    "sheet.number_in_text": {
        "vi": "ô {cell} ghi số '{value}' ở chỗ phải ghi chữ (tên); có thể cột bị lệch.",
        "en": (
            "cell {cell} holds the number '{value}' where a name belongs; the columns may be "
            "shifted."
        ),
    },
    "sheet.control_char": {
        "vi": (
            "ô {cell} chứa ký tự điều khiển không in được ({char}), thường do sao chép từ trang "
            "web hoặc phần mềm khác; hãy gõ lại nội dung ô."
        ),
        "en": (
            "cell {cell} contains an unprintable control character ({char}), usually pasted "
            "from a web page or another program; retype the cell."
        ),
    },
    "sheet.formula_no_value": {
        "vi": (
            "ô {cell} chứa công thức {formula} nhưng tệp không lưu kết quả tính. Hãy mở tệp "
            "bằng Excel hoặc LibreOffice và lưu lại (để tính công thức), hoặc thay công thức "
            "bằng giá trị (Dán đặc biệt → Giá trị)."
        ),
        "en": (
            "cell {cell} holds the formula {formula} but the file stores no computed value. "
            "Open and save the file in Excel or LibreOffice (so the formula is computed), or "
            "replace the formula by its value (Paste Special → Values)."
        ),
    },
    "sheet.error_value": {
        "vi": "ô {cell} có giá trị lỗi {value} (công thức tính sai); hãy sửa ô này.",
        "en": "cell {cell} holds the error value {value} (a broken formula); correct it.",
    },
    "sheet.csv_encoding": {
        "vi": (
            "tệp CSV không phải mã UTF-8 (byte lỗi ở vị trí {offset}). Trong Excel hãy chọn "
            '"Lưu thành" (Save As) kiểu "CSV UTF-8 (Comma delimited)", hoặc lưu dạng .xlsx.'
        ),
        "en": (
            "the CSV file is not UTF-8 encoded (bad byte at offset {offset}). In Excel, "
            '"Save As" "CSV UTF-8 (Comma delimited)", or save as .xlsx.'
        ),
    },
    "sheet.csv_legacy_encoding": {
        "vi": "tệp CSV không phải mã UTF-8: có vẻ được lưu bằng bảng mã {encoding} (ô {cell} "
        "đọc theo bảng mã đó là «{text}»). {advice}",
        "en": "the CSV file is not UTF-8: it looks saved in the {encoding} code (cell {cell} "
        "reads «{text}» in it). {advice}",
    },
    "sheet.convert_cp1258": {
        "vi": "Hãy chuyển tệp sang Unicode: mở bằng LibreOffice Calc, ở hộp «Nhập văn bản» (Text "
        "Import) chọn Bộ ký tự «Vietnamese (Windows-1258)», rồi «Lưu thành» (Save As) dạng "
        ".xlsx; hoặc trong Excel chọn Dữ liệu → Từ Văn bản/CSV (Data → From Text/CSV), Nguồn "
        "tệp (File origin) «1258: Vietnamese (Windows)», rồi lưu dạng .xlsx. Đừng mở thẳng tệp "
        "bằng Excel rồi lưu lại: Excel đọc nó theo bảng mã khác, các chữ có dấu sẽ sai.",
        "en": "Convert the file to Unicode: open it in LibreOffice Calc, choose the character "
        "set «Vietnamese (Windows-1258)» in the Text Import dialog, then Save As .xlsx; or in "
        "Excel use Data → From Text/CSV with File origin «1258: Vietnamese (Windows)», then "
        "save as .xlsx. Do not open the file straight in Excel and save it again: Excel reads it "
        "in another code and the accented letters come out wrong.",
    },
    "sheet.convert_font": {
        "vi": "Hãy chuyển tệp sang Unicode bằng Unikey Toolkit (Ctrl+Shift+F6): mở tệp bằng "
        "Notepad, chọn hết (Ctrl+A) và sao chép (Ctrl+C); trong Unikey Toolkit chọn Nguồn "
        "«{source}», Đích «Unicode», đánh dấu «Chuyển mã clipboard» rồi bấm «Chuyển mã»; dán "
        "lại vào Notepad (Ctrl+A, Ctrl+V) rồi «Lưu thành» (Save As) với Mã hóa (Encoding) "
        "«UTF-8». Đừng mở tệp bằng Excel rồi lưu «CSV UTF-8»: chữ gõ bằng phông {font} vẫn sai "
        "mã như trước.",
        "en": "Convert the file to Unicode with the Unikey toolkit (Ctrl+Shift+F6): open the "
        "file in Notepad, select all (Ctrl+A) and copy (Ctrl+C); in the toolkit choose source "
        "«{source}», destination «Unicode», tick «Chuyển mã clipboard» (convert clipboard) and "
        "press «Chuyển mã» (convert); paste back into Notepad (Ctrl+A, Ctrl+V) and Save As with "
        "Encoding «UTF-8». Do not open the file in Excel and save it as «CSV UTF-8»: the text "
        "typed for the {font} font stays in the old code.",
    },
    # {reason} is one of sheet.csv_reason_* (spreadsheet.reasons.csv_reason), never csv's English.
    "sheet.csv_malformed": {
        "vi": "tệp CSV sai cấu trúc: {reason}",
        "en": "the CSV file is malformed: {reason}",
    },
    "sheet.csv_reason_after_quote": {
        "vi": "sau một dấu nháy kép được hiểu là dấu đóng ô lại có chữ, không phải dấu phân cách "
        "«{delimiter}»",
        "en": "a double quote read as closing a cell is followed by text, not by the delimiter "
        "«{delimiter}»",
    },
    "sheet.csv_reason_end_of_data": {
        "vi": "tệp đã hết mà dấu nháy kép vẫn chưa đóng",
        "en": "the file ends with the double quote still open",
    },
    "sheet.csv_reason_field_limit": {
        "vi": "một ô dài quá {limit} ký tự, thường do một dấu nháy kép mở mà không đóng nên ô "
        "kéo đến hết tệp; hãy kiểm tra các ô có dấu nháy kép",
        "en": "a cell is longer than {limit} characters, most often as a double quote opened "
        "and never closed runs the cell on to the end of the file; check the cells with double "
        "quotes",
    },
    "sheet.csv_reason_unknown": {
        "vi": "vanthu không đọc được dòng này; hãy mở tệp bằng Excel hoặc LibreOffice và lưu "
        "lại dưới dạng CSV UTF-8",
        "en": "vanthu cannot read this line; open the file in Excel or LibreOffice and save it "
        "again as CSV UTF-8",
    },
    "sheet.duplicate_entry": {
        "vi": "'{name}' có hai lần với cùng danh hiệu/hình thức '{award}' (lần đầu ở dòng {first})",
        "en": "'{name}' appears twice for the same award '{award}' (first at row {first})",
    },
    "sheet.duplicate_entry_other_name": {
        "vi": "'{name}' có hai lần với cùng danh hiệu/hình thức: '{award}' là tên khác của "
        "'{first_award}' (lần đầu ở dòng {first})",
        "en": "'{name}' appears twice for the same award: '{award}' is another name of "
        "'{first_award}' (first at row {first})",
    },
    "sheet.same_name_two_units": {
        "vi": "'{name}' có ở hai đơn vị, cùng danh hiệu/hình thức '{award}': dòng {first} "
        "({first_unit}) và dòng {second} ({unit}); nếu là một người, hãy xóa một dòng",
        "en": "'{name}' is listed in two units for the same award '{award}': row {first} "
        "({first_unit}) and row {second} ({unit}); if they are one person, delete one of the rows",
    },
    "sheet.capitals_kept": {
        "vi": "tên tập thể, chức vụ hoặc đơn vị gõ toàn chữ in hoa ở dòng {rows} (ô {cells}; "
        "ví dụ «{example}») được in đúng như đã gõ: vanthu không đoán được chữ nào cần viết hoa "
        "(như «Phòng Tổ chức cán bộ»); nếu cần, hãy gõ lại bằng chữ thường, chỉ viết hoa chữ "
        "cái đầu và tên riêng",
        "en": "a collective's name, title or unit typed all in capitals on rows {rows} (cells "
        "{cells}; e.g. «{example}») is printed as typed: vanthu cannot tell which words take a "
        "capital (as in «Phòng Tổ chức cán bộ»); if needed, retype it in lower case with "
        "capitals only at the start and in proper names",
    },
    "sheet.legacy_text": {
        "vi": "ô {cell} có vẻ gõ bằng bảng mã {encoding} (phông {font}); hãy chuyển "
        "bảng tính sang Unicode, ví dụ: «{fixed}»",
        "en": "cell {cell} looks like {encoding} text (a {font} font); convert the "
        "sheet to Unicode, e.g. «{fixed}»",
    },
    "sheet.misread_text": {
        "vi": "ô {cell} có vẻ là chữ {encoding} (tệp đã được mở sai bảng mã rồi lưu lại); hãy "
        "mở lại tệp gốc với đúng bảng mã, hoặc sửa lại chữ, ví dụ: «{fixed}»",
        "en": "cell {cell} looks like {encoding} text (the file was opened in the wrong code and "
        "saved again); open the original file again in its own code, or correct the text, "
        "e.g. «{fixed}»",
    },
    "sheet.stray_mark": {
        "vi": "ô {cell} có dấu thừa {char} trên chữ «{letter}» (dấu thanh hay dấu phụ gõ hai "
        "lần): văn bản in ra hai dấu chồng nhau; hãy gõ lại chữ đó.",
        "en": "cell {cell} has a stray mark {char} on «{letter}» (a tone or diacritic typed "
        "twice): the document would print two accents on it; type the letter again.",
    },
    "sheet.bad_char": {
        "vi": "ô {cell} chứa ký tự không in được ({char}), thường do sao chép từ trang web hoặc "
        "phần mềm khác; hãy gõ lại nội dung ô.",
        "en": "cell {cell} contains an unprintable character ({char}), usually pasted from a "
        "web page or another program; retype the cell.",
    },
    "sheet.pictograph": {
        "vi": "ô {cell} có biểu tượng cảm xúc (emoji) «{symbol}» ({char}): văn bản hành chính "
        "không in hình, phông chữ của văn bản cũng không có; hãy xóa nó khỏi ô.",
        "en": "cell {cell} contains an emoji «{symbol}» ({char}): an official document prints "
        "no pictures, nor do its fonts have them; delete it from the cell.",
    },
    "sheet.date_in_text": {
        "vi": "ô {cell} ghi ngày/giờ '{value}' ở chỗ phải ghi chữ (tên); có thể cột bị lệch, "
        "hoặc hãy định dạng ô là văn bản (Text) rồi gõ lại.",
        "en": "cell {cell} holds the date/time '{value}' where a name belongs; the columns may "
        "be shifted, or format the cell as Text and retype it.",
    },
    "sheet.boolean_cell": {
        "vi": "ô {cell} có giá trị đúng/sai ({value}) ở chỗ phải ghi chữ; hãy gõ lại nội dung ô.",
        "en": "cell {cell} holds a true/false value ({value}) where text belongs; retype the cell.",
    },
    "sheet.cell_too_long": {
        "vi": "ô quá dài (quá {limit} ký tự).",
        "en": "the cell is too long (more than {limit} characters).",
    },
    "sheet.missing_cell": {
        "vi": "dòng có nội dung nhưng ô {cell} (cột '{column_name}') để trống; hãy điền vào, "
        "hoặc xóa cả dòng.",
        "en": "the row has content but cell {cell} (column '{column_name}') is empty; fill it "
        "in, or delete the whole row.",
    },
    "sheet.too_many_rows": {
        "vi": "danh sách quá dài (quá {limit} dòng); hãy chia thành nhiều quyết định.",
        "en": "the list is too long (more than {limit} rows); split it over several decisions.",
    },
    "sheet.far_cell": {
        "vi": "ô {cell} có nội dung nhưng nằm ngoài vùng một danh sách có thể có (tới dòng "
        "{rows}, cột {columns}); hãy xóa nội dung ô đó (hoặc chép danh sách sang một tệp mới) "
        "rồi lưu lại.",
        "en": "cell {cell} holds a value but lies beyond the area a list may take (up to row "
        "{rows}, column {columns}); delete its value (or copy the list into a new file) and "
        "save it again.",
    },
    "sheet.row_zero": {
        "vi": "ô hay dòng '{cell}' mang số dòng 0, không có trong Excel (dòng đánh số từ 1): "
        "tệp do một phần mềm khác ghi sai; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.",
        "en": "cell or row '{cell}' has row number 0, which Excel does not have (rows are "
        "numbered from 1): another program wrote the file wrongly; open it in Excel or "
        "LibreOffice and save it again.",
    },
    "sheet.csv_too_many_lines": {
        "vi": "tệp có quá nhiều dòng (quá {limit} dòng, kể cả dòng trống) để là một danh sách; "
        "hãy xóa các dòng trống rồi lưu lại.",
        "en": "the file has too many lines (over {limit}, blank ones included) to be a list; "
        "delete the blank lines and save it again.",
    },
    "sheet.part_too_large": {
        "vi": "tệp chứa phần '{part}' quá lớn khi giải nén (quá {limit} byte); hãy mở bằng "
        "Excel và lưu lại.",
        "en": "the file holds a part '{part}' too large once unpacked (over {limit} bytes); "
        "open it in Excel and save it again.",
    },
    "sheet.no_visible_sheet": {
        "vi": "mọi trang tính đều bị ẩn; hãy ghi tên trang tính cần đọc ở 'trang_tinh'.",
        "en": "every sheet is hidden; name the sheet to read under 'trang_tinh'.",
    },
    "sheet.hidden_column": {
        "vi": "cột {letter} («{header}») đang ẩn trong Excel nhưng có nội dung (ô {cell}: "
        "«{value}»), nên không thấy khi duyệt danh sách mà vẫn được đọc: bỏ ẩn cột (chọn hai "
        "cột hai bên, bấm chuột phải → Bỏ ẩn) rồi kiểm tra lại, hoặc xóa nội dung của cột",
        "en": "column {letter} («{header}») is hidden in Excel but holds values (cell {cell}: "
        "«{value}»), so it is not seen when the list is checked, yet it is read: unhide the "
        "column (select the columns on either side, right-click → Unhide) and check it, or "
        "delete its values",
    },
    "sheet.merged_header": {
        "vi": "tiêu đề có ô gộp ({cells}); hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng trên "
        "cùng một dòng.",
        "en": "the header has merged cells ({cells}); unmerge them so that each column has its "
        "own header, all on one row.",
    },
    "sheet.merged_cells": {
        "vi": "danh sách có ô gộp ({cells}): chỉ ô đầu mang giá trị; hãy bỏ gộp và ghi giá trị "
        "vào từng dòng.",
        "en": "the list has merged cells ({cells}): only the first holds the value; unmerge "
        "them and write the value on every row.",
    },
    "sheet.merged_row": {
        "vi": "dòng có ô gộp ({cells}): chỉ ô đầu mang giá trị, các ô còn lại đọc là trống; "
        "hãy bỏ gộp và ghi giá trị vào từng ô của dòng.",
        "en": "the row has merged cells ({cells}): only the first holds the value and the others "
        "read as empty; unmerge them and write the value in each cell of the row.",
    },
    "sheet.total_over_rows": {
        "vi": "ô {cell} của dòng tổng cộng ghi {stated} {what} («{text}») nhưng phía trên chỉ "
        "có {counted} dòng: có thể một dòng đã bị mất (xóa nhầm, lọc rồi sao chép). Hãy đối "
        "chiếu với danh sách gốc, bổ sung dòng thiếu hoặc sửa lại dòng tổng cộng.",
        "en": "cell {cell} of the total row says {stated} {what} («{text}») but there are "
        "only {counted} rows above it: a row may have been lost (deleted by mistake, filtered "
        "before copying). Compare with the original list, add the missing row or correct the "
        "total row.",
    },
    "sheet.total_rows_differ": {
        "vi": "ô {cell} của dòng tổng cộng ghi {stated} {what} («{text}») nhưng phía trên có "
        "{counted} dòng: có thể một dòng đã bị mất hoặc thừa. Hãy đối chiếu với danh sách gốc "
        "rồi sửa dòng sai hoặc dòng tổng cộng.",
        "en": "cell {cell} of the total row says {stated} {what} («{text}») but there are "
        "{counted} rows above it: a row may have been lost or added. Compare with the original "
        "list and correct the wrong row or the total row.",
    },
    "sheet.total_count_differs": {
        "vi": "ô {cell} của dòng tổng cộng ghi {stated} {what} («{text}») nhưng danh sách phía "
        "trên có {individuals} cá nhân và {collectives} tập thể ({rows} dòng): có thể một dòng "
        "đã bị mất hoặc thừa. Hãy đối chiếu với danh sách gốc rồi sửa dòng sai hoặc dòng tổng "
        "cộng.",
        "en": "cell {cell} of the total row says {stated} {what} («{text}») but the list "
        "above it has {individuals} individuals and {collectives} collectives ({rows} rows): a "
        "row may have been lost or added. Compare with the original list and correct the wrong "
        "row or the total row.",
    },
    "sheet.total_amount_differs": {
        "vi": "ô {cell} của dòng tổng cộng ghi {stated} đồng nhưng cộng các ô cột "
        "'{column_name}' {span} được {counted} đồng{blank}{overall}: có thể một dòng đã bị mất "
        "hoặc thừa, hoặc gõ sai số tiền. Hãy đối chiếu với danh sách gốc rồi sửa dòng sai hoặc "
        "dòng tổng cộng.",
        "en": "cell {cell} of the total row says {stated} đồng but the cells of column "
        "'{column_name}' {span} add up to {counted} đồng{blank}{overall}: a row may have been "
        "lost or added, or an amount mistyped. Compare with the original list and correct the "
        "wrong row or the total row.",
    },
    "sheet.subtotal_from_top": {
        "vi": "ô {cell} của dòng cộng ghi {stated} {what} («{text}»), là số tính từ đầu danh "
        "sách, trong khi nhóm của nó (dòng {first}–{last}, từ sau dòng cộng trước) {group}. "
        "Dòng «Cộng» dưới một nhóm chỉ tính các dòng của nhóm đó: hãy sửa lại số (công thức "
        "SUM hay COUNTA chỉ lấy các dòng của nhóm), hoặc ghi «Tổng cộng» nếu đây là tổng của "
        "cả danh sách.",
        "en": "cell {cell} of the subtotal row says {stated} {what} («{text}»), the figure from "
        "the top of the list, while its group (rows {first}–{last}, after the previous total "
        "row) {group}. A «Cộng» row under a group counts that group's rows only: correct the "
        "figure (a SUM or COUNTA over the group's rows only), or write «Tổng cộng» if it is "
        "the total of the whole list.",
    },
    "sheet.subtotal_group_amount": {
        "vi": "cộng các ô cột '{column_name}' được {counted} đồng",
        "en": "adds up to {counted} đồng in column '{column_name}'",
    },
    "sheet.subtotal_group_rows": {"vi": "có {counted} dòng", "en": "has {counted} rows"},
    "sheet.subtotal_group_count": {
        "vi": "có {individuals} cá nhân và {collectives} tập thể ({rows} dòng)",
        "en": "has {individuals} individuals and {collectives} collectives ({rows} rows)",
    },
    # What a total row's figure counts (table.TOTAL_KINDS), said after the figure.
    "sheet.total_kind.nguoi": {"vi": "người", "en": "people"},
    "sheet.total_kind.ca_nhan": {"vi": "cá nhân", "en": "individuals"},
    "sheet.total_kind.tap_the": {"vi": "tập thể", "en": "collectives"},
    "sheet.total_kind.luot": {"vi": "lượt", "en": "awards"},
    "sheet.total_kind.tien": {"vi": "đồng", "en": "đồng"},
    "sheet.span_above": {"vi": "phía trên", "en": "above it"},
    "sheet.span_group": {
        "vi": "của nhóm (dòng {first}–{last}, từ sau dòng cộng trước)",
        "en": "of its group (rows {first}–{last}, after the previous total row)",
    },
    "sheet.span_overall": {
        "vi": ", còn từ đầu danh sách được {overall} đồng",
        "en": ", and from the top of the list to {overall} đồng",
    },
    "sheet.total_blank_amount": {
        "vi": " (ô {blank_cell} để trống)",
        "en": " (cell {blank_cell} is empty)",
    },
    "sheet.total_blank_amounts": {
        "vi": " (ô {blank_cell} và {more} ô khác để trống)",
        "en": " (cell {blank_cell} and {more} more are empty)",
    },
    "sheet.unit_missing": {
        "vi": "«{name}» không có đơn vị: ô {cell} (cột '{column_name}') để trống trong khi các "
        "dòng khác ghi đơn vị, nên quyết định và giấy khen sẽ in tên mà không rõ thuộc đơn vị "
        "nào. Hãy ghi đơn vị vào ô {cell} (tập thể là chính một đơn vị thì ghi tên "
        "của nó).",
        "en": "«{name}» has no unit: cell {cell} (column '{column_name}') is empty while the "
        "other rows name theirs, so the decision and the certificate would print the name "
        "without its unit. Write the unit in cell {cell} (for a collective that is a unit "
        "itself, write its own name).",
    },
    "sheet.header_two_rows": {
        "vi": "không tìm thấy cột {missing} ở dòng tiêu đề {header_row}: tiêu đề có vẻ nằm "
        "trên hai dòng ({first}–{last}), {below} ở dòng {other_row}{shared}. Hãy gộp thành "
        "một dòng: mỗi cột một tiêu đề, cùng ở dòng {header_row}, rồi xóa dòng {other_row}.",
        "en": "column {missing} not found on header row {header_row}: the header seems to span "
        "two rows ({first}–{last}), with {below} on row {other_row}{shared}. Merge them into "
        "one row: one header per column, all on row {header_row}, and delete row {other_row}.",
    },
    "sheet.header_shared": {
        "vi": " dưới tiêu đề chung {above}",
        "en": " under the shared heading {above}",
    },
    "sheet.csv_field_count": {
        "vi": "dòng có {found} trường nhưng dòng tiêu đề có {expected}; kiểm tra dấu phân cách "
        "và dấu nháy kép.",
        "en": "the line has {found} fields but the header has {expected}; check the delimiters "
        "and double quotes.",
    },
    "sheet.csv_unclosed_quote": {
        "vi": "dấu nháy kép mở ở dòng này không được đóng đúng chỗ: ô kéo sang cả dòng "
        "{swallowed}; hãy đóng dấu nháy.",
        "en": "a double quote opened on this line is not closed in place: the cell runs on "
        "into line {swallowed}; close the quote.",
    },
    "sheet.bad_kind": {
        "vi": "ô {cell} ghi '{value}'; cột này chỉ nhận 'Cá nhân' hoặc 'Tập thể' (hoặc để trống).",
        "en": "cell {cell} holds '{value}'; this column takes only 'Cá nhân' or 'Tập thể' (or "
        "nothing).",
    },
    # {reason}: sheet.csv_reason_after_quote or sheet.csv_reason_end_of_data.
    "sheet.csv_quote": {
        "vi": "dấu nháy kép trong dòng này không được đóng đúng chỗ (đọc đến dòng {end}: "
        "{reason}); hãy kiểm tra các ô có dấu nháy kép: ô mở bằng dấu nháy kép phải đóng bằng "
        "dấu nháy kép ngay trước dấu phân cách, còn dấu nháy kép trong nội dung ô phải gõ hai "
        'lần ("").',
        "en": "a double quote in this line is not closed in place (read up to line {end}: "
        "{reason}); check the cells with double quotes: a cell opened with a double quote must "
        "close with one just before the delimiter, and a double quote inside a cell's text is "
        'typed twice ("").',
    },
    # Which sheet, which file kind (session 54): a list on several sheets, rows on another
    # sheet than the empty one read, a web page saved under a spreadsheet's name.
    "sheet.several_lists": {
        "vi": "tệp có danh sách trên {count} trang tính ({sheets}) nên vanthu không biết đọc "
        "trang nào. Hãy ghi tên trang tính cần đọc ở khóa 'trang_tinh' cạnh 'danh_sach'"
        "{active}, ví dụ  trang_tinh: {name}",
        "en": "the file holds a list on {count} sheets ({sheets}), so vanthu cannot tell which "
        "to read. Name the sheet to read under 'trang_tinh' next to 'danh_sach'{active}, "
        "e.g.  trang_tinh: {name}",
    },
    "sheet.saved_active": {
        "vi": " (tệp được lưu khi đang mở trang tính '{name}')",
        "en": " (the file was saved with sheet '{name}' open)",
    },
    "sheet.rows_on_other_sheet": {
        "vi": "danh sách trống: dưới dòng tiêu đề (dòng {header_row}) của trang tính này không "
        "có dòng dữ liệu nào, còn {others} thì có: danh sách có vẻ nằm ở đó. Hãy ghi tên trang "
        "tính cần đọc ở khóa 'trang_tinh' cạnh 'danh_sach'{hidden}, ví dụ  trang_tinh: {name}",
        "en": "the list is empty: this sheet has no data rows below its header (row "
        "{header_row}), while {others} has some: the list seems to be there. Name the sheet to "
        "read under 'trang_tinh' next to 'danh_sach'{hidden}, e.g.  trang_tinh: {name}",
    },
    "sheet.web_page_named": {
        "vi": "tệp {name} thực ra là một trang web (bảng HTML) mang đuôi {suffix}, không phải "
        "tệp bảng tính (các cổng thông tin hay xuất danh sách như vậy). Hãy mở tệp bằng Excel "
        'rồi chọn "Lưu thành" (Save As) kiểu Excel Workbook (.xlsx) (với LibreOffice: mở bằng '
        'LibreOffice Calc, chọn kiểu tệp "HTML Document (Calc)"), rồi ghi tên tệp .xlsx mới ở '
        "khóa 'danh_sach'.",
        "en": "{name} is in fact a web page (an HTML table) named {suffix}, not a spreadsheet "
        'file (web portals often export lists so). Open it in Excel and "Save As" an Excel '
        "Workbook (.xlsx) (with LibreOffice: open it in LibreOffice Calc choosing the file type "
        '"HTML Document (Calc)"), then give the new .xlsx '
        "file's name under 'danh_sach'.",
    },
    # --- session 54 F6: list layouts (unit headings, amount in words under the total) ---
    # A group heading whose text no document prints, named in sheet.columns_not_printed's
    # {columns} beside the columns (table.Table.unprinted_warning).
    "sheet.heading_not_printed": {
        "vi": "dòng {row} «{heading}» (tiêu đề nhóm)",
        "en": "row {row} «{heading}» (a group heading)",
    },
    # A warning, once for a list whose only content printed nowhere is group headings:
    # {columns} lists sheet.heading_not_printed.
    "sheet.headings_not_printed": {
        "vi": "{columns}: tiêu đề nhóm không được in trong quyết định hay Danh sách kèm "
        "theo, và khác với đơn vị ghi ở cột Đơn vị của các dòng dưới nó. Nếu đó là đơn vị của "
        "họ, hãy ghi đơn vị ấy vào cột Đơn vị của từng dòng (hoặc bỏ cột Đơn vị: khi đó tiêu đề "
        "được lấy làm đơn vị của các dòng dưới nó); nếu không, có thể để nguyên",
        "en": "{columns}: a group heading is printed neither in the decision nor in its Danh "
        "sách, and differs from the units in the Đơn vị column of the rows under it. If it is "
        "their unit, type it in the Đơn vị column of each row (or remove the Đơn vị column: "
        "the heading is then taken as the unit of the rows under it); if not, it may stay",
    },
    "sheet.unit_two_spellings": {
        "vi": "đơn vị «{unit}» (dòng {first_rows}) được gõ cách khác ở dòng {rows}: «{other}»; "
        "vanthu xếp và đếm hai cách gõ là một đơn vị, nhưng mỗi dòng được in đúng như đã gõ: "
        "hãy gõ thống nhất một cách",
        "en": "the unit «{unit}» (rows {first_rows}) is typed another way on rows {rows}: "
        "«{other}»; vanthu sorts and counts both as one unit, but prints each row as typed: "
        "type it one way",
    },
    "sheet.total_words_differ": {
        "vi": "ô {cell} ghi «{text}», nhưng số tiền ở dòng tổng cộng (ô {total_cell}) là "
        "{stated} đồng, bằng chữ là «{words}»; hãy sửa dòng bằng chữ cho khớp, hoặc xóa dòng đó "
        "(quyết định tự ghi tổng số tiền bằng chữ).",
        "en": "cell {cell} reads «{text}», but the amount on the total row (cell {total_cell}) "
        "is {stated} đồng, in words «{words}»; correct the line in words to match, or delete it "
        "(the decision writes the total in words itself).",
    },
    # --- session 55 T2: lists other programs save under .xls (detect.file_kind) ---
    # An Excel 2003 XML Spreadsheet under an Excel name; {xlsx}: the name to save it as.
    "sheet.spreadsheet_ml_named": {
        "vi": "tệp {name} thực ra là bảng tính XML của Excel 2003 (XML Spreadsheet 2003) mang "
        "đuôi {suffix}, không phải tệp Excel kiểu cũ (.xls, định dạng nhị phân) hay tệp .xlsx "
        "(các phần mềm, cổng thông tin hay xuất danh sách như vậy); vanthu không đọc kiểu tệp "
        'này. Hãy mở tệp bằng Excel (hoặc LibreOffice Calc), chọn "Lưu thành" (Save As) kiểu '
        "Excel Workbook (.xlsx), đặt tên {xlsx}, rồi sửa dòng danh_sach thành  danh_sach: {xlsx}",
        "en": "{name} is in fact an Excel 2003 XML Spreadsheet named {suffix}, neither an old "
        "binary Excel file (.xls) nor an .xlsx (software and web portals often export lists "
        "so); vanthu does not read this kind of file. Open it in Excel (or LibreOffice Calc), "
        '"Save As" an Excel Workbook (.xlsx) named {xlsx}, then change the danh_sach line to  '
        "danh_sach: {xlsx}",
    },
    # A file named .xls that is neither OLE2, a zip, markup nor text (binary, or empty).
    "sheet.no_spreadsheet_named": {
        "vi": "tệp {name} mang đuôi {suffix} nhưng không phải tệp bảng tính: không phải tệp "
        "Excel kiểu cũ (.xls), tệp .xlsx, bảng tính XML, trang web hay bảng chữ ngăn cách bằng "
        "Tab hoặc dấu phẩy (tệp trống, hoặc chứa dữ liệu nhị phân khác). Hãy lấy lại tệp danh "
        'sách từ nơi đã xuất nó, mở bằng Excel, chọn "Lưu thành" (Save As) kiểu Excel Workbook '
        "(.xlsx), rồi ghi tên tệp .xlsx mới ở dòng danh_sach.",
        "en": "{name} is named {suffix} but is no spreadsheet: neither an old Excel file "
        "(.xls), an .xlsx, an XML Spreadsheet, a web page nor a text table separated by tabs or "
        "commas (it is empty, or holds other binary data). Get the list file again from where "
        'it was exported, open it in Excel, "Save As" an Excel Workbook (.xlsx), then give the '
        "new .xlsx file's name on the danh_sach line.",
    },
}
