"""Messages: templates and rendering."""

MESSAGES = {
    "help.render.force": {
        "vi": "Ghi đè (tệp cũ được giữ lại bên cạnh, tên có thêm .sua-tay) cả tệp kết quả đã "
        "bị sửa tay, và tệp có sẵn ở chỗ -o chỉ tới.",
        "en": "Also write over outputs edited by hand, and files already where -o points (the "
        "old file is kept beside it, .sua-tay added to its name).",
    },
    "render.output_edited": {
        "vi": "{file} đã bị sửa sau khi vanthu ghi nó (vanthu build cũng giữ nguyên tệp "
        "này); chưa ghi tệp nào, chưa cấp số nào. Muốn dựng lại từ {name} thì chạy lại với "
        "--force (bản đã sửa được giữ lại bên cạnh, tên có thêm .sua-tay), hoặc xóa tệp rồi "
        "chạy lại ({count} tệp đã sửa trong lần dựng này)",
        "en": "{file} was edited after vanthu wrote it (vanthu build keeps it as it is too); "
        "nothing was written or numbered. To make it again from {name}, run again with "
        "--force (the edited file is kept beside it, .sua-tay added to its name), or delete "
        "the file and run again ({count} edited file(s) in this render)",
    },
    "render.interrupted": {
        "vi": "theo yêu cầu (Ctrl-C), không phải lỗi; văn bản đã ghi xong được giữ (mỗi tệp ghi "
        "trọn vẹn hoặc không ghi), chạy lại vanthu render để dựng các văn bản còn lại",
        "en": "as asked (Ctrl-C), not an error; the documents already written are kept (each "
        "file is written whole or not at all), run vanthu render again for the rest",
    },
    "render.output_exists": {
        "vi": "{file} đã có; tệp ở ngoài thư mục kết quả của thư mục làm việc, nơi vanthu ghi "
        "nhận các tệp nó đã ghi, nên vanthu không biết đó là bản nó ghi chưa ai sửa hay là tệp "
        "của người dùng; chưa ghi tệp nào, chưa cấp số nào. Muốn ghi đè thì chạy lại với "
        "--force (tệp cũ được giữ lại bên cạnh, tên có thêm .sua-tay), hoặc chọn tên khác với "
        "-o ({count} tệp như vậy trong lần dựng này)",
        "en": "{file} already exists; it is outside the workspace's outputs folder, where "
        "vanthu records the files it writes, so vanthu cannot tell whether it is its own, "
        "unedited, or a file of the user's; nothing was written or numbered. To write over "
        "it, run again with --force (the old file is kept beside it, .sua-tay added to its "
        "name), or choose another name with -o ({count} such file(s) in this render)",
    },
    # render -o to a file of the workspace's outputs folder that is not the document's own
    # output (api.EditedOutput.refusal): another document's there, or one no manifest records.
    "render.output_of_another": {
        "vi": "{file} là tệp kết quả của {owner} trong thư mục kết quả của thư mục làm việc, "
        "không phải của {name}: ghi đè thì mất bản của {owner}; chưa ghi tệp nào, chưa cấp số "
        "nào. Hãy chọn tên khác với -o (hoặc bỏ -o để ghi vào chỗ của chính văn bản này); vẫn "
        "muốn ghi đè thì chạy lại với --force (tệp cũ được giữ lại bên cạnh, tên có thêm "
        ".sua-tay) ({count} tệp như vậy trong lần dựng này)",
        "en": "{file} is the output of {owner} in the workspace's outputs folder, not of "
        "{name}: writing over it would lose {owner}'s; nothing was written or numbered. Choose "
        "another name with -o (or leave -o out to write to this document's own place); to "
        "write over it all the same, run again with --force (the old file is kept beside it, "
        ".sua-tay added to its name) ({count} such file(s) in this render)",
    },
    "render.output_in_outputs": {
        "vi": "{file} đã có trong thư mục kết quả của thư mục làm việc, nhưng không phải chỗ "
        "vanthu ghi kết quả của {name} và không manifest nào ghi nhận tệp này, nên vanthu không "
        "biết đó là bản nó ghi chưa ai sửa hay là tệp của người dùng; chưa ghi tệp nào, chưa "
        "cấp số nào. Muốn ghi đè thì chạy lại với --force (tệp cũ được giữ lại bên cạnh, tên có "
        "thêm .sua-tay), hoặc chọn tên khác với -o (hoặc bỏ -o để ghi vào chỗ của chính văn bản "
        "này) ({count} tệp như vậy trong lần dựng này)",
        "en": "{file} already exists in the workspace's outputs folder, but not where vanthu "
        "writes the output of {name}, and no manifest records it, so vanthu cannot tell whether "
        "it is its own, unedited, or a file of the user's; nothing was written or numbered. To "
        "write over it, run again with --force (the old file is kept beside it, .sua-tay added "
        "to its name), or choose another name with -o (or leave -o out to write to this "
        "document's own place) ({count} such file(s) in this render)",
    },
    "render.existing_output_copied": {
        "vi": "{file} đã có trước lần dựng này; tệp cũ được giữ lại ở {copy}, tệp được dựng "
        "lại từ dữ liệu",
        "en": "{file} existed before this render; the old file is kept as {copy}, and the "
        "file was made again from the data",
    },
    "render.edited_output_copied": {
        "vi": "{file} đã bị sửa sau khi vanthu ghi nó; bản đã sửa được giữ lại ở {copy}, "
        "tệp được dựng lại từ dữ liệu",
        "en": "{file} had been edited after vanthu wrote it; the edited file is kept as "
        "{copy}, and the file was made again from the data",
    },
    # render into a year folder whose manifest is damaged or missing (batch.lost_manifest): in
    # the build's words (build.manifest_damaged, ...), said once per manifest.
    "render.manifest_damaged": {
        "vi": "không đọc được {manifest} (tệp hỏng hoặc bị cắt): vanthu không còn biết tệp kết "
        "quả nào trong {folder} là bản nó ghi mà chưa ai sửa, nên đã so tệp có sẵn với bản vừa "
        "dựng trước khi ghi. {outcome}. Manifest được để nguyên: lần vanthu build sau sẽ ghi "
        "lại nó, sau khi so như vậy mọi tệp có sẵn trong {folder}",
        "en": "{manifest} could not be read (damaged or cut short): vanthu no longer knew which "
        "outputs in {folder} were its own and unedited, so it compared the file already there "
        "with the new one before writing it. {outcome}. The manifest is left as it is: the next "
        "vanthu build writes it anew, after comparing every file in {folder} the same way",
    },
    "render.manifest_unreadable": {
        "vi": "không đọc được {manifest} ({reason}): vanthu không biết tệp kết quả nào trong "
        "{folder} là bản nó ghi mà chưa ai sửa, nên đã so tệp có sẵn với bản vừa dựng trước "
        "khi ghi. {outcome}. Manifest được để nguyên: lần vanthu build sau sẽ ghi lại nó, sau "
        "khi so như vậy mọi tệp có sẵn trong {folder}",
        "en": "{manifest} could not be read ({reason}): vanthu did not know which outputs in "
        "{folder} were its own and unedited, so it compared the file already there with the "
        "new one before writing it. {outcome}. The manifest is left as it is: the next vanthu "
        "build writes it anew, after comparing every file in {folder} the same way",
    },
    # A file render has just written, then could not read back (another program took hold of
    # it at once; {reason} is render.output.ReadReason's): the call goes on.
    "render.new_pdf_unreadable": {
        "vi": "{pdf} đã xuất xong nhưng không đọc lại được ({reason}), nên manifest không ghi "
        "được mã băm của nó; lần chạy sau với --pdf sẽ xuất lại PDF này",
        "en": "{pdf} was made but could not be read back ({reason}), so the manifest records "
        "no hash of it; the next run with --pdf makes this PDF again",
    },
    "render.new_docx_unreadable": {
        "vi": "{docx} vừa ghi xong nhưng không đọc lại được ({reason}), nên không biết {pdf} có "
        "sẵn có còn khớp với nó hay không: PDF ấy được giữ nguyên; đừng in hay trình ký PDF ấy "
        "trước khi xem lại; chạy lại với --pdf để có PDF mới",
        "en": "{docx} was written but could not be read back ({reason}), so whether {pdf}, "
        "already there, still matches it is not known: that PDF is kept as it is; do not print "
        "or sign it before checking it; run again with --pdf for a new PDF",
    },
    "render.manifest_missing": {
        "vi": "không có {manifest} trong khi {folder} đã có tệp kết quả (manifest bị xóa?): "
        "vanthu không biết tệp nào là bản nó ghi mà chưa ai sửa, nên đã so tệp có sẵn với bản "
        "vừa dựng trước khi ghi. {outcome}. Lần vanthu build sau cũng so như vậy các tệp khác "
        "trong {folder} trước khi ghi đè",
        "en": "{manifest} is missing while {folder} already holds outputs (the manifest "
        "deleted?): vanthu could not tell which were its own and unedited, so it compared the "
        "file already there with the new one before writing it. {outcome}. The next vanthu "
        "build compares the other files in {folder} the same way before writing over them",
    },
    "render.manifest_lost.copied": {
        "vi": "{count} tệp có thể đã sửa tay (tệp .docx khác bản vừa dựng, hoặc tệp PDF có sẵn, "
        "vốn không so được) được giữ lại bên cạnh trước khi ghi đè: {copies}; hãy xem các bản "
        "ấy, chép chỗ sửa cần giữ sang tệp mới hoặc vào dữ liệu, rồi xóa bản không cần",
        "en": "{count} files perhaps edited by hand (a .docx differing from the new one, or a "
        "PDF already there, which cannot be compared) were kept beside them before being "
        "written over: {copies}; look at them, copy any edit to keep into the new file or the "
        "data, then delete the copies not needed",
    },
    "render.manifest_lost.same": {
        "vi": "Tệp có sẵn giống hệt bản vừa dựng: không mất chỗ sửa nào",
        "en": "Every file already there was identical to the new one: no edit was lost",
    },
    # vanthu render --pdf: several documents whose PDFs failed, each error after the other.
    "render.pdf_failed": {
        "vi": "không xuất được PDF của {count} văn bản (các PDF khác đã ghi xong): {failures}",
        "en": "{count} documents got no PDF (the other PDFs were written): {failures}",
    },
    "render.template_missing": {"vi": "không tìm thấy mẫu", "en": "template not found"},
    "render.form_missing": {
        "vi": "không có mẫu '{name}': vanthu tìm {name}.docx trong {places} và trong các mẫu có "
        "sẵn của vanthu mà không thấy; hãy chép tệp phôi vào thư mục mau/ của thư mục làm việc "
        "với tên {name}.docx, hoặc sửa tên mẫu ở đây",
        "en": "there is no template '{name}': vanthu looked for {name}.docx in {places} and "
        "among its own templates; copy the phôi's file into the workspace's mau/ folder as "
        "{name}.docx, or correct the template's name here",
    },
    "render.template_missing_named": {
        "vi": "không có mẫu '{name}': vanthu tìm {name}.docx trong {places} và trong các mẫu có "
        "sẵn của vanthu mà không thấy",
        "en": "there is no template '{name}': vanthu looked for {name}.docx in {places} and "
        "among its own templates",
    },
    "render.no_own_templates": {
        "vi": "thư mục làm việc (chưa có thư mục mau/)",
        "en": "the workspace (it has no mau/ folder yet)",
    },
    "render.form_field_missing": {
        "vi": "phôi không có ô kiểu đoạn {style} (đoạn định vị bằng khung, Format ▸ Frame)",
        "en": "the phôi has no field in paragraph style {style} (a framed paragraph)",
    },
    "render.form_field_no_room": {
        "vi": "ô {style} của phôi chỉ cao {mm} mm trước ô bên dưới, không đủ cho một dòng cỡ "
        "{smallest} pt; dời ô bên dưới xuống (Format ▸ Frame)",
        "en": "the phôi's field {style} has only {mm} mm before the field below it, not enough "
        "for one line at {smallest} pt; move the field below it down (Format ▸ Frame)",
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
    # A folder that cannot take any output (render.output.folder_error): the same words for
    # every document bound for it, which the build says once.
    "render.folder_write_failed": {
        "vi": "không ghi được tệp kết quả vào thư mục {reason}",
        "en": "cannot write output files into the folder {reason}",
    },
    "render.edited_copies_full": {
        "vi": "không giữ được bản sửa tay của {file} trước khi ghi lại: đã có đủ {count} bản "
        "sao {first} … {last}; hãy xóa hoặc chuyển bớt các bản sao cũ đó rồi chạy lại (tệp "
        "vẫn giữ nguyên)",
        "en": "cannot keep the hand-edited {file} before writing it again: all {count} copies "
        "{first} … {last} exist already; delete or move some of those old copies and run "
        "again (the file is left as it is)",
    },
    "render.book_numbers_overlap": {
        "vi": "số vào sổ {numbers} của {file} trùng với số vào sổ của {others} (cùng cơ quan, "
        "năm {year}): hai giấy khen sẽ in cùng một số vào sổ; {advice}",
        "en": "register (sổ vàng) numbers {numbers} of {file} are also those of {others} (same "
        "office, year {year}): two certificates would print the same number; {advice}",
    },
    "render.os_is_directory": {
        "vi": "ở chỗ này đã có một thư mục cùng tên; hãy đổi tên hoặc chuyển thư mục đó đi",
        "en": "a folder of that name is in the way; rename or move that folder",
    },
    "render.os_not_directory": {
        "vi": "một phần của đường dẫn là tệp chứ không phải thư mục; hãy đổi tên hoặc chuyển "
        "tệp đó đi",
        "en": "part of the path is a file, not a folder; rename or move that file",
    },
    "render.os_permission": {
        "vi": "không có quyền ghi (tệp hoặc thư mục chỉ cho đọc, hoặc đang bị chương trình khác "
        "giữ); hãy kiểm tra quyền hoặc đóng tệp",
        "en": "permission denied (the file or folder is read-only, or another program holds "
        "it); check its permissions or close the file",
    },
    "render.os_no_space": {
        "vi": "ổ đĩa đã đầy (hoặc hết hạn mức dung lượng); hãy giải phóng chỗ trống rồi chạy lại",
        "en": "no space left on the disk (or the disk quota is used up); free some space and "
        "run again",
    },
    "render.os_read_only": {
        "vi": "ổ đĩa chỉ cho đọc, không ghi được; hãy ghi kết quả vào ổ đĩa khác",
        "en": "the disk is read-only; write the outputs to another disk",
    },
    "render.test_print_not_certificate": {
        "vi": "--in-thu (in thử trên giấy trắng, có khung phôi) chỉ dùng cho giấy khen "
        "(loai: giay_khen); '{path}' không phải giấy khen: bỏ --in-thu",
        "en": "--in-thu (a test print on plain paper, with the phôi's border) is for "
        "certificates only (loai: giay_khen); '{path}' is not one: leave out --in-thu",
    },
    "render.output_is_input": {
        "vi": "tệp kết quả trùng với tệp đầu vào",
        "en": "the output file is the input file",
    },
    "render.undefined_field": {
        "vi": "mẫu dùng '{name}' nhưng dữ liệu không có trường này (các trường dùng được: "
        "vanthu templates fields {type})",
        "en": "the template uses '{name}', which the data does not provide (the fields it can "
        "use: vanthu templates fields {type})",
    },
    "render.index_past_end": {
        "vi": "mẫu dùng '{name}', dòng thứ {n} của danh sách '{list}', mà danh sách này trong "
        "dữ liệu của văn bản chỉ có {count} dòng",
        "en": "the template uses '{name}', item {n} of the list '{list}', which has only "
        "{count} items in this document's data",
    },
    "render.run_in_text": {
        "vi": "văn bản dựng ra sẽ hỏng (Word không mở được hoặc mất chữ): một thẻ của mẫu in "
        "một đoạn chữ đã định dạng sẵn (trích yếu, câu kết, đường kẻ …) vào giữa chữ của một "
        "đoạn, quanh «{near}»; không ghi văn bản này. Trường như vậy phải in bằng "
        "{{{{r tên_trường }}}}, không bộ lọc; sửa thẻ trong mẫu rồi dựng lại",
        "en": "the rendered document would be corrupt (Word cannot open it, or text is lost): a "
        "template tag prints formatted text (a trích yếu, a closing sentence, a rule …) inside "
        "the text of a paragraph, near «{near}»; the document is not written. Such a field is "
        "printed with {{{{r field_name }}}}, no filter; correct the tag in the template and "
        "render again",
    },
    "render.expression": {
        "vi": "biểu thức trong thẻ mẫu không tính được khi dựng văn bản: {reason}; sửa thẻ trong "
        "mẫu (lỗi chỉ lộ ra khi tính với dữ liệu nên vanthu templates check không thấy trước)",
        "en": "an expression in a template tag cannot be computed when the document is "
        "rendered: {reason}; correct the tag in the template (the error shows only with data, "
        "so vanthu templates check cannot see it beforehand)",
    },
    "render.xml_damaged": {
        "vi": "{part} của mẫu bị hỏng, không đọc được (dòng {line}, cột {column}: {reason}); mở "
        "mẫu bằng Word và lưu lại, hoặc sao chép lại mẫu có sẵn (vanthu templates copy {name} "
        "--force)",
        "en": "the template's {part} is damaged and cannot be read (line {line}, column "
        "{column}: {reason}); open the template in Word and save it again, or copy the "
        "built-in again (vanthu templates copy {name} --force)",
    },
    "expr.zero_division": {"vi": "chia cho 0", "en": "division by zero"},
    "expr.operands": {
        "vi": "phép '{op}' không dùng được giữa {left} và {right}",
        "en": "'{op}' cannot be used between {left} and {right}",
    },
    "expr.overflow": {"vi": "số quá lớn", "en": "a number too large"},
    "expr.other": {"vi": "{kind}: {text}", "en": "{kind}: {text}"},
    # Jinja's errors, recognised by their English wording (pipeline/render/jinja_errors.py).
    "jinja.unknown_tag": {
        "vi": "không có thẻ '{tag}' (gõ sai tên, hoặc thẻ đóng không có thẻ mở?)",
        "en": "unknown tag '{tag}' (a misspelt name, or a closing tag with no opening one?)",
    },
    "jinja.unknown_tag_in": {
        "vi": "thẻ '{tag}' không đúng chỗ: khối '{block}' đang mở, chờ một trong các thẻ {wanted}",
        "en": "tag '{tag}' is out of place: block '{block}' is open and expects one of {wanted}",
    },
    "jinja.unclosed": {
        "vi": "khối '{block}' mở mà không đóng (chờ một trong các thẻ {wanted})",
        "en": "block '{block}' is opened but never closed (expected one of {wanted})",
    },
    "jinja.expected": {
        "vi": "thẻ viết sai: chờ '{expected}' mà gặp '{got}'",
        "en": "malformed tag: expected '{expected}', found '{got}'",
    },
    "jinja.expression": {
        "vi": "thẻ thiếu biểu thức: gặp '{got}' khi chờ tên trường hoặc giá trị",
        "en": "tag without an expression: found '{got}' where a field or value was expected",
    },
    "jinja.end_expected": {
        "vi": "thẻ chưa đóng: hết mẫu mà chưa gặp '{expected}'",
        "en": "tag not closed: the template ends before '{expected}'",
    },
    "jinja.end": {"vi": "thẻ chưa đóng ở cuối mẫu", "en": "a tag is not closed at the end"},
    "jinja.unexpected": {"vi": "thẻ có '{got}' không đúng chỗ", "en": "'{got}' out of place"},
    "jinja.unexpected_char": {
        "vi": "thẻ có ký tự không dùng được: {got}",
        "en": "the tag holds a character that cannot be used: {got}",
    },
    "jinja.no_filter": {
        "vi": "không có bộ lọc '{name}' (chữ sau dấu |)",
        "en": "no filter named '{name}' (the word after |)",
    },
    "jinja.no_test": {
        "vi": "không có phép thử '{name}' (chữ sau is)",
        "en": "no test named '{name}' (the word after is)",
    },
    "jinja.tag_name": {"vi": "thẻ lệnh thiếu tên", "en": "a statement tag without a name"},
    "jinja.unsafe_attribute": {
        "vi": "không được đọc '{name}' của giá trị ({kind}): đó là phần bên trong của Python, "
        "không phải trường dữ liệu",
        "en": "'{name}' of a value ({kind}) may not be read: it is Python's internals, not a "
        "data field",
    },
    "jinja.undefined": {
        "vi": "dữ liệu không có trường '{name}'",
        "en": "the data has no field '{name}'",
    },
    "jinja.no_attribute": {
        "vi": "{owner} không có trường '{name}'",
        "en": "{owner} has no field '{name}'",
    },
    "jinja.no_element": {
        "vi": "{owner} không có dòng thứ {n} (chỉ số {name})",
        "en": "{owner} has no item {n} (index {name})",
    },
    "jinja.owner.group": {"vi": "nhóm dữ liệu", "en": "the group of data"},
    "jinja.owner.list": {"vi": "danh sách", "en": "the list"},
    "jinja.owner.text": {"vi": "đoạn chữ", "en": "the text"},
    "jinja.owner.number": {"vi": "số", "en": "the number"},
    "jinja.owner.none": {"vi": "giá trị trống", "en": "an empty value"},
    "jinja.owner.value": {"vi": "giá trị", "en": "the value"},
    # s55 T4 phôi fields in text boxes: a field typed in a text box with no place on the paper.
    "render.form_box_no_place": {
        "vi": "ô {style} của phôi nằm trong một hộp văn bản (text box) không có chỗ cố định trên "
        "giấy (đặt theo đoạn văn hay dòng, căn giữa/trái/phải thay vì một khoảng cách, hay nằm "
        "trong dòng chữ): trong Word, bấm vào viền hộp, Layout Options ▸ See more ▸ Position, "
        "chọn Absolute position … to the right of Page và Absolute position … below Page "
        "(LibreOffice: Format ▸ Frame and Object ▸ Properties ▸ Position, … to Entire page)",
        "en": "the phôi's field {style} is typed in a text box with no fixed place on the paper "
        "(placed from its paragraph or line, aligned rather than at a distance, or in line with "
        "the text): in Word, click the box's edge, Layout Options ▸ See more ▸ Position, set "
        "Absolute position … to the right of Page and Absolute position … below Page "
        "(LibreOffice: Format ▸ Frame and Object ▸ Properties ▸ Position, … to Entire page)",
    },
}
