"""Messages: the yearly build (vanthu build) and PDF conversion."""

MESSAGES = {
    "help.build.skip_numbers": {
        "vi": "Nhận số ghi tay vượt số tiếp theo của sổ dù văn bản so: tu_dong ghi ngày trước "
        "nó sẽ nhận số sau nó.",
        "en": "Take a number typed in the data past the register's next one even when so: "
        "tu_dong documents dated before it will be numbered after it.",
    },
    "build.no_input_dir": {
        "vi": "không tìm thấy thư mục đầu vào",
        "en": "input folder not found",
    },
    # `vanthu build` / `vanthu check` run in a folder that is no workspace (discover.find_inputs);
    # .below: workspaces found in it, the first named in the commands to run.
    "build.not_workspace": {
        "vi": "{folder} không phải thư mục làm việc của vanthu (không có {config}, không tìm thấy "
        "thư mục đầu vào {data}/): hãy cd vào thư mục làm việc rồi chạy lại 'vanthu {command}', "
        "hoặc chỉ tên thư mục ấy ('vanthu {command} TÊN-THƯ-MỤC'), hoặc tạo thư mục làm việc "
        "bằng 'vanthu init TÊN-THƯ-MỤC'",
        "en": "{folder} is not a vanthu workspace (no {config}, input folder {data}/ not found): "
        "cd into your workspace and run 'vanthu {command}' again, or name it ('vanthu {command} "
        "FOLDER'), or make one with 'vanthu init FOLDER'",
    },
    "build.not_workspace.below": {
        "vi": "{folder} không phải thư mục làm việc của vanthu (không có {config}, không tìm thấy "
        "thư mục đầu vào {data}/); thư mục làm việc trong nó: {found}: hãy chạy 'cd {first} && "
        "vanthu {command}' hoặc 'vanthu {command} {first}'",
        "en": "{folder} is not a vanthu workspace (no {config}, input folder {data}/ not found); "
        "the workspaces in it: {found}: run 'cd {first} && vanthu {command}' or 'vanthu "
        "{command} {first}'",
    },
    "build.nothing": {
        "vi": "Không có văn bản nào để dựng (không tìm thấy tệp .yaml).",
        "en": "Nothing to build (no .yaml file found).",
    },
    "build.stopped": {
        "vi": (
            "{count} tệp đầu vào không hợp lệ; chưa ghi tệp nào "
            "(sửa các lỗi trên, hoặc dùng --keep-going để dựng các văn bản hợp lệ)"
        ),
        "en": (
            "{count} invalid input file(s); nothing was written "
            "(fix the problems above, or use --keep-going to build the valid documents)"
        ),
    },
    # An output folder that cannot take the outputs bound for it (builder.stop_unwritten).
    "build.stopped_unwritten": {
        "vi": "{count} văn bản không ghi được tệp kết quả; chưa ghi tệp nào, chưa cấp số mới nào "
        "(sửa lỗi trên rồi dựng lại, hoặc dùng --keep-going để dựng các văn bản khác)",
        "en": "{count} document(s) could not be written; nothing was written and no new number "
        "was given (fix the problem above and build again, or use --keep-going to build the "
        "other documents)",
    },
    # One problem that several documents share word for word, said once (progress.failures).
    "build.not_written_for": {
        "vi": "{count} văn bản chưa ghi ({documents}): {error}",
        "en": "{count} documents not written ({documents}): {error}",
    },
    "build.summary": {
        "vi": "{built} đã dựng, {unchanged} không đổi, {failed} lỗi ({seconds} s)",
        "en": "{built} built, {unchanged} unchanged, {failed} failed ({seconds} s)",
    },
    "build.summary_removed": {
        "vi": "{built} đã dựng, {unchanged} không đổi, {failed} lỗi, {removed} đã xóa "
        "({seconds} s)",
        "en": "{built} built, {unchanged} unchanged, {failed} failed, {removed} removed "
        "({seconds} s)",
    },
    # Outputs kept because they were edited by hand (their status "giữ lại (đã sửa)") are
    # counted too, so that the counts add up to the documents of the build.
    "build.summary_kept": {
        "vi": "{built} đã dựng, {unchanged} không đổi, {kept} giữ lại (đã sửa), {failed} lỗi "
        "({seconds} s)",
        "en": "{built} built, {unchanged} unchanged, {kept} kept (edited), {failed} failed "
        "({seconds} s)",
    },
    "build.summary_kept_removed": {
        "vi": "{built} đã dựng, {unchanged} không đổi, {kept} giữ lại (đã sửa), {failed} lỗi, "
        "{removed} đã xóa ({seconds} s)",
        "en": "{built} built, {unchanged} unchanged, {kept} kept (edited), {failed} failed, "
        "{removed} removed ({seconds} s)",
    },
    "build.progress": {"vi": "Đang dựng", "en": "Building"},
    "build.rate": {"vi": "{rate} văn bản/s", "en": "{rate} docs/s"},
    "build.col_document": {"vi": "Văn bản", "en": "Document"},
    "build.col_status": {"vi": "Trạng thái", "en": "Status"},
    "build.col_output": {"vi": "Kết quả", "en": "Output"},
    "build.col_time": {"vi": "Thời gian", "en": "Time"},
    "build.status_built": {"vi": "đã dựng", "en": "built"},
    "build.status_unchanged": {"vi": "không đổi", "en": "unchanged"},
    "build.status_failed": {"vi": "lỗi", "en": "failed"},
    "build.status_removed": {"vi": "đã xóa", "en": "removed"},
    "build.status_kept": {"vi": "giữ lại (đã sửa)", "en": "kept (edited)"},
    "build.internal_error": {
        "vi": "lỗi nội bộ của vanthu ({reason}); hãy báo lỗi",
        "en": "vanthu internal error ({reason}); please report it",
    },
    "build.interrupted": {
        "vi": "theo yêu cầu (Ctrl-C), không phải lỗi; các văn bản đã ghi xong được giữ và ghi "
        "nhận, chạy lại vanthu build để dựng tiếp phần còn lại",
        "en": "as asked (Ctrl-C), not an error; the documents already written are kept and "
        "recorded, run vanthu build again to finish the rest",
    },
    "build.terminated": {
        "vi": "theo yêu cầu (tín hiệu {signal}), không phải lỗi; các văn bản đã ghi xong được "
        "giữ và ghi nhận, chạy lại vanthu build để dựng tiếp phần còn lại",
        "en": "as asked ({signal}), not an error; the documents already written are kept and "
        "recorded, run vanthu build again to finish the rest",
    },
    "build.worker_lost": {
        "vi": "tiến trình dựng dừng bất thường ({reason})",
        "en": "a build worker process stopped unexpectedly ({reason})",
    },
    "build.pdf_no_libreoffice": {
        "vi": (
            "không tìm thấy LibreOffice (soffice) để xuất PDF; cài LibreOffice (Debian, "
            "Ubuntu: sudo apt install libreoffice-writer fonts-liberation2) hoặc bỏ --pdf"
        ),
        "en": (
            "LibreOffice (soffice) not found, it is needed for PDF; install LibreOffice "
            "(Debian, Ubuntu: sudo apt install libreoffice-writer fonts-liberation2) or leave "
            "out --pdf"
        ),
    },
    "build.pdf_no_unoserver": {
        "vi": "thiếu gói unoserver để xuất PDF; cài bằng: pip install 'vanthu[pdf]'",
        "en": "the unoserver package is needed for PDF; install it: pip install 'vanthu[pdf]'",
    },
    "build.pdf_no_uno": {
        "vi": (
            "không tìm thấy Python có mô-đun 'uno' của LibreOffice (đã thử {python}, "
            "/usr/bin/python3 và Python của LibreOffice); cài python3-uno hoặc đặt "
            "VANTHU_UNO_PYTHON"
        ),
        "en": (
            "no Python with LibreOffice's 'uno' module found (tried {python}, /usr/bin/python3 "
            "and LibreOffice's Python); install python3-uno or set VANTHU_UNO_PYTHON"
        ),
    },
    "build.pdf_start_failed": {
        "vi": "không khởi động được LibreOffice (unoserver) để xuất PDF: {reason}",
        "en": "could not start LibreOffice (unoserver) for PDF: {reason}",
    },
    # LibreOffice's command line, used when unoserver is not installed (batch.pdf_soffice).
    "build.pdf_soffice_start_failed": {
        "vi": "không khởi động được LibreOffice (soffice) để xuất PDF: {reason}",
        "en": "could not start LibreOffice (soffice) for PDF: {reason}",
    },
    "build.pdf_soffice_start_timeout": {
        "vi": "LibreOffice (soffice) không khởi động xong sau {seconds} giây",
        "en": "LibreOffice (soffice) had not started after {seconds} seconds",
    },
    "build.pdf_start_timeout": {
        "vi": "LibreOffice (unoserver) không sẵn sàng sau {seconds} giây",
        "en": "LibreOffice (unoserver) was not ready after {seconds} seconds",
    },
    "build.pdf_document_failed": {
        "vi": (
            "{document}: không xuất được PDF ({why}), "
            "kể cả khi thử lại sau khi khởi động lại LibreOffice"
        ),
        "en": (
            "{document}: PDF conversion failed ({why}), "
            "also when retried after restarting LibreOffice"
        ),
    },
    "build.pdf_why_timeout": {
        "vi": "LibreOffice không trả lời sau {seconds} giây",
        "en": "LibreOffice did not answer within {seconds} s",
    },
    "build.pdf_timeout_hint": {
        "vi": "; thời hạn tính theo số trang của văn bản, đặt {env}=<số giây> để cho phép lâu hơn",
        "en": "; the limit follows the document's pages, set {env}=<seconds> to allow longer",
    },
    "build.pdf_why_crashed": {
        "vi": "LibreOffice dừng đột ngột",
        "en": "LibreOffice stopped unexpectedly",
    },
    "build.pdf_why_rejected": {
        "vi": "LibreOffice không mở được tệp .docx",
        "en": "LibreOffice could not open the .docx",
    },
    "build.pdf_why_empty": {
        "vi": "LibreOffice không ghi ra tệp PDF",
        "en": "LibreOffice wrote no PDF",
    },
    # A PDF LibreOffice wrote, even exiting 0, that is not put in place (pdf_limits.unfit_pdf).
    "build.pdf_why_incomplete": {
        "vi": "LibreOffice ghi ra tệp PDF không trọn vẹn",
        "en": "LibreOffice wrote an incomplete PDF",
    },
    "build.pdf_why_fonts": {
        "vi": "LibreOffice đặt chữ bằng phông {foreign} thay cho phông của văn bản mà nó không "
        "tìm thấy: {missing}; phông trong PDF: {found}; cài {install} rồi xuất lại",
        "en": "LibreOffice set the text in {foreign} instead of the document's fonts, which it "
        "did not find: {missing}; fonts in the PDF: {found}; install {install} and convert again",
    },
    # LibreOffice could not start once the .docx were in place: they stay, recorded; said once.
    "build.pdfs_not_made": {
        "vi": "{count} văn bản đã dựng .docx, chưa có PDF: {error}; khi LibreOffice chạy được, "
        "chạy lại vanthu build --pdf",
        "en": "{count} documents were built as .docx without their PDF: {error}; once "
        "LibreOffice runs, run vanthu build --pdf again",
    },
    "build.pdf_not_made": {
        "vi": "{document}: đã dựng .docx, chưa có PDF: LibreOffice dừng giữa chừng và không "
        "khởi động lại được ({reason}); khi LibreOffice chạy được, chạy lại vanthu build --pdf để "
        "xuất PDF của nó",
        "en": "{document}: built as .docx without its PDF: LibreOffice stopped partway and "
        "could not be started again ({reason}); once LibreOffice runs, run vanthu build --pdf "
        "again to make it",
    },
    "build.pdf_unavailable": {
        "vi": "không xuất được PDF: LibreOffice không khởi động lại được ({reason})",
        "en": "no PDF: LibreOffice could not be started again ({reason})",
    },
    # A .docx written anew whose PDF was not made (freshness.settle_old_pdf): the PDF an
    # earlier run left beside it, said after the conversion's failure (build and render).
    "build.old_pdf_removed": {
        "vi": "đã xóa {pdf}, bản PDF vanthu xuất lần trước: nó in nội dung cũ, không còn khớp "
        "với {docx} vừa dựng lại; chạy lại với --pdf để có PDF mới",
        "en": "{pdf}, the PDF vanthu made last time, was removed: it showed the old content, "
        "no longer matching the {docx} just made again; run again with --pdf for a new PDF",
    },
    "build.old_pdf_kept": {
        "vi": "{pdf} được giữ nguyên ({why}) nhưng không còn khớp với {docx} vừa dựng lại: "
        "đừng in hay trình ký PDF ấy; {then}",
        "en": "{pdf} is kept as it is ({why}) but no longer matches the {docx} just made "
        "again: do not print or sign that PDF; {then}",
    },
    "build.old_pdf_why_edited": {
        "vi": "nó đã bị sửa hoặc ký sau khi vanthu xuất",
        "en": "it was edited or signed after vanthu made it",
    },
    # What to run for a new PDF: one edited since is kept by a plain --pdf run (as any output
    # edited by hand); --force makes it anew, the edited one copied aside first.
    "build.old_pdf_then_edited": {
        "vi": "để có PDF mới, chạy lại với --pdf --force (PDF đã sửa được chép sang tệp "
        ".sua-tay trước khi ghi đè)",
        "en": "for a new PDF, run again with --pdf --force (the edited PDF is copied to a "
        ".sua-tay file before it is written over)",
    },
    "build.old_pdf_why_unremovable": {
        "vi": "không xóa được: {reason}",
        "en": "it could not be removed: {reason}",
    },
    "build.old_pdf_then_again": {
        "vi": "chạy lại với --pdf để có PDF mới",
        "en": "run again with --pdf for a new PDF",
    },
    # A PDF there that cannot be read (no permission; on Windows, held open by a PDF reader):
    # whether vanthu made it, or it was signed since, is not known, so it is never removed.
    "build.old_pdf_unreadable": {
        "vi": "{pdf} có sẵn được giữ nguyên vì không đọc được ({reason}), nên không biết nó "
        "có còn khớp với {docx} vừa dựng lại hay không: đừng in hay trình ký PDF ấy trước khi "
        "xem lại; chạy lại với --pdf để có PDF mới",
        "en": "{pdf}, already there, is kept as it is because it could not be read "
        "({reason}), so whether it still matches the {docx} just made again is not known: do "
        "not print or sign that PDF before checking it; run again with --pdf for a new PDF",
    },
    # An output already there that a build or render would compare or write over, and cannot
    # read (manifest.UnreadableFile): its document fails, the file left as it is.
    "build.output_unreadable": {
        "vi": "không đọc được {file} có sẵn ({reason}), nên không biết tệp đã bị sửa tay hay "
        "chưa: tệp được để nguyên, không ghi đè; hãy đóng tệp hoặc cho quyền đọc rồi chạy lại",
        "en": "{file}, already there, could not be read ({reason}), so whether it was edited "
        "by hand is not known: it was left as it is, not written over; close the file or "
        "allow reading it, then run again",
    },
    "build.os_read_permission": {
        "vi": "không có quyền đọc, hoặc tệp đang mở trong chương trình khác",
        "en": "permission denied, or another program holds the file open",
    },
    "build.os_read_gone": {
        "vi": "tệp không còn ở đó: đã bị xoá hoặc chuyển đi",
        "en": "the file is no longer there: removed or moved away",
    },
    "build.old_pdf_unrecorded": {
        "vi": "{pdf} có sẵn được giữ nguyên (vanthu không ghi nhận đã xuất nó) nhưng có thể "
        "không khớp với {docx} vừa dựng lại: đừng in hay trình ký PDF ấy trước khi xem lại; "
        "nếu cần giữ nó, hãy chép sang chỗ khác trước khi chạy lại với --pdf, vì lần xuất PDF "
        "sau ghi đè lên nó",
        "en": "{pdf}, already there, is kept as it is (vanthu has no record of making it) but "
        "may not match the {docx} just made again: do not print or sign that PDF before "
        "checking it; if it must be kept, copy it elsewhere before running again with --pdf, "
        "as the next PDF made writes over it",
    },
    "build.repeated_number": {
        "vi": "số {number} trùng số với {other} ({other_number}); một cơ quan không cấp một số "
        "cho hai văn bản trong một năm, dù khác loại văn bản: hãy sửa số của một trong hai tệp",
        "en": "number {number} repeats the number of {other} ({other_number}); an office gives "
        "each number to one document a year, whatever its kind: change the number in one of "
        "the two files",
    },
    "build.book_numbers_overlap": {
        "vi": "số vào sổ {numbers} trùng với số vào sổ của {others} (cùng cơ quan, năm {year}): "
        "hai giấy khen sẽ in cùng một số vào sổ; {advice}",
        "en": "register (sổ vàng) numbers {numbers} are also those of {others} (same office, "
        "year {year}): two certificates would print the same number; {advice}",
    },
    # The advice that ends book_numbers_overlap (build's and render's): two batches of one
    # decision are a reprint made as a file of its own, which numbers the list afresh.
    "build.book_numbers_renumber": {
        "vi": "hãy sửa so_vao_so để các đợt không trùng số",
        "en": "change so_vao_so so that the batches do not share numbers",
    },
    "build.book_numbers_reprint": {
        "vi": "các tệp này cùng in giấy khen của {decision}. Để in lại giấy khen đã in, đừng làm "
        "tệp riêng (tệp riêng đánh số lại danh sách hiện tại từ so_vao_so, nên in sai số khi "
        "danh sách đã sửa): ghi chon: {{dong: [...]}} vào tệp của đợt đã in giấy đó, mỗi giấy "
        "giữ số đã cấp, rồi xóa tệp in lại. Nếu là một đợt khác của quyết định, hãy sửa "
        "so_vao_so để không trùng số",
        "en": "these files print certificates of {decision}. To reprint printed certificates, "
        "do not make a file of their own (it numbers the list as it is now from so_vao_so, so "
        "it prints other numbers once the list was edited): write chon: {{dong: [...]}} in the "
        "file of the batch that printed them, where each keeps its number, and delete the "
        "reprint file. For another batch of the decision, change so_vao_so so that the "
        "numbers do not overlap",
    },
    "build.orphan_edited": {
        "vi": "không xóa {file}: đầu vào {name} không còn tạo ra tệp này, nhưng tệp đã bị sửa "
        "sau lần dựng đã ghi nó; hãy xem lại rồi tự xóa nếu không cần",
        "en": "{file} not removed: its input {name} no longer produces it, but the file was "
        "edited after the build that wrote it; check it and remove it yourself if not needed",
    },
    "build.removed_number_kept": {
        "vi": "{name}: đã xóa văn bản, nhưng số {reference} sổ văn bản đi cấp cho nó vẫn ghi "
        "trong sổ; nếu văn bản đã bỏ, hãy hủy số: {command} --ly-do "
        "\"...\" (tệp đổi tên chỉ giữ số khi loại, ngày và trích yếu không đổi; tệp mới sửa "
        "ngày hay loại văn bản thì được cấp số mới)",
        "en": "{name}: its output was removed, but the number {reference} the register gave it "
        "is still in the register; if the document was dropped, void it: {command} "
        "--ly-do \"...\" (a renamed file keeps the number only when its type, "
        "date and trích yếu are unchanged; with its date or type changed, it is given a new "
        "number)",
    },
    "build.orphan_not_removed": {
        "vi": "không xóa được {file} (đầu vào {name} không còn tạo ra tệp này): {reason}",
        "en": "could not remove {file} (its input {name} no longer produces it): {reason}",
    },
    "build.orphan_why_unreadable": {
        "vi": "không đọc được tệp ({reason}) để biết nó có còn là bản vanthu đã ghi hay không; "
        "tệp được để nguyên",
        "en": "the file could not be read ({reason}) to tell whether it is still as vanthu "
        "wrote it; it is left as it is",
    },
    "build.output_edited": {
        "vi": "giữ nguyên {file}: tệp đã bị sửa sau khi vanthu ghi nó, còn dữ liệu và mẫu của "
        "{name} không đổi; muốn dựng lại riêng tệp này từ dữ liệu thì chạy vanthu render "
        "--force {name} (bản đã sửa được giữ lại bên cạnh, tên có thêm .sua-tay), hoặc xóa "
        "tệp rồi chạy vanthu build (vanthu build --force dựng lại mọi văn bản, cả các tệp đã "
        "sửa khác)",
        "en": "{file} kept as it is: it was edited after vanthu wrote it, and the data and "
        "template of {name} have not changed; to make this file alone again from the data, "
        "run vanthu render --force {name} (the edited file is kept beside it, .sua-tay added "
        "to its name), or delete the file and run vanthu build (vanthu build --force makes "
        "every document again, the other edited files too)",
    },
    "build.edited_output_replaced": {
        "vi": "{file} đã bị sửa sau khi vanthu ghi nó; tệp vừa được dựng lại từ {name}, bản đã "
        "sửa được giữ lại ở {copy}: nếu cần, hãy chép các chỗ sửa sang tệp mới hoặc vào dữ liệu",
        "en": "{file} had been edited after vanthu wrote it; it was made again from {name}, "
        "and the edited file is kept as {copy}: if the edits are needed, copy them to the new "
        "file or into the data",
    },
    # Documents whose data are unchanged, built again because vanthu changed and written anew
    # because they came out otherwise (batch.restyled): said once, after the table.
    "build.rebuilt_upgraded": {
        "vi": "{count} văn bản được dựng lại dù dữ liệu không đổi, vì vanthu đã đổi phiên bản "
        "({before} → {now}) và mẫu của phiên bản này làm ra văn bản khác bản trước: {documents}; "
        "hãy xem lại các văn bản ấy trước khi in hay gửi lại. Văn bản nào làm ra vẫn giống hệt "
        "bản trước thì được để nguyên, kể cả tệp đã sửa tay",
        "en": "{count} documents whose data are unchanged were built again because vanthu "
        "changed version ({before} → {now}) and this version's templates make them differently: "
        "{documents}; look at them before printing or sending them again. Documents that came "
        "out the same as before were left as they were, files edited by hand too",
    },
    "build.rebuilt_restyled": {
        "vi": "{count} văn bản được dựng lại dù dữ liệu không đổi, vì mẫu văn bản đã đổi (mẫu "
        "có sẵn của vanthu sau khi nâng cấp, hoặc mẫu riêng trong mau/) và nay làm ra văn bản "
        "khác bản trước: {documents}; hãy xem lại các văn bản ấy trước khi in hay gửi lại. Văn "
        "bản nào làm ra vẫn giống hệt bản trước thì được để nguyên, kể cả tệp đã sửa tay",
        "en": "{count} documents whose data are unchanged were built again because their "
        "templates changed (vanthu's built-in ones after an upgrade, or the office's own in "
        "mau/) and now make them differently: {documents}; look at them before printing or "
        "sending them again. Documents that came out the same as before were left as they "
        "were, files edited by hand too",
    },
    "build.rebuilt_upgraded.one": {
        "vi": "{count} văn bản được dựng lại dù dữ liệu không đổi, vì vanthu đã đổi phiên bản "
        "({before} → {now}) và mẫu của phiên bản này làm ra văn bản khác bản trước: {documents}; "
        "hãy xem lại văn bản ấy trước khi in hay gửi lại. Văn bản nào làm ra vẫn giống hệt "
        "bản trước thì được để nguyên, kể cả tệp đã sửa tay",
        "en": "{count} document whose data are unchanged was built again because vanthu "
        "changed version ({before} → {now}) and this version's templates make it differently: "
        "{documents}; look at it before printing or sending it again. Documents that came "
        "out the same as before were left as they were, files edited by hand too",
    },
    "build.rebuilt_restyled.one": {
        "vi": "{count} văn bản được dựng lại dù dữ liệu không đổi, vì mẫu văn bản đã đổi (mẫu "
        "có sẵn của vanthu sau khi nâng cấp, hoặc mẫu riêng trong mau/) và nay làm ra văn bản "
        "khác bản trước: {documents}; hãy xem lại văn bản ấy trước khi in hay gửi lại. Văn "
        "bản nào làm ra vẫn giống hệt bản trước thì được để nguyên, kể cả tệp đã sửa tay",
        "en": "{count} document whose data are unchanged was built again because its "
        "templates changed (vanthu's built-in ones after an upgrade, or the office's own in "
        "mau/) and now make it differently: {documents}; look at it before printing or "
        "sending it again. Documents that came out the same as before were left as they "
        "were, files edited by hand too",
    },
    # A year's manifest.json that cannot be read, or is gone while its folder holds outputs
    # (lost_manifest): said once per manifest, with {outcome}, one of the two after them.
    "build.manifest_damaged": {
        "vi": "không đọc được {manifest} (tệp hỏng hoặc bị cắt): vanthu không còn biết tệp kết "
        "quả nào trong {folder} là bản nó ghi mà chưa ai sửa, nên đã dựng lại các văn bản ấy "
        "và so từng tệp có sẵn với bản vừa dựng trước khi ghi. {outcome}",
        "en": "{manifest} could not be read (damaged or cut short): vanthu no longer knew which "
        "outputs in {folder} were its own and unedited, so it built those documents again and "
        "compared each file already there with the new one before writing it. {outcome}",
    },
    # The same, the manifest there but refused (no permission; on Windows, held open by another
    # program): not damaged, so not said so; {reason} is ReadReason's.
    "build.manifest_unreadable": {
        "vi": "không đọc được {manifest} ({reason}): vanthu không biết tệp kết quả nào trong "
        "{folder} là bản nó ghi mà chưa ai sửa, nên đã dựng lại các văn bản ấy và so từng tệp "
        "có sẵn với bản vừa dựng trước khi ghi. {outcome}",
        "en": "{manifest} could not be read ({reason}): vanthu did not know which outputs in "
        "{folder} were its own and unedited, so it built those documents again and compared "
        "each file already there with the new one before writing it. {outcome}",
    },
    "build.manifest_missing": {
        "vi": "không có {manifest} trong khi {folder} đã có tệp kết quả (manifest bị xóa?): "
        "vanthu không biết tệp nào là bản nó ghi mà chưa ai sửa, nên đã so từng tệp có sẵn với "
        "bản vừa dựng trước khi ghi. {outcome}",
        "en": "{manifest} is missing while {folder} already holds outputs (the manifest "
        "deleted?): vanthu could not tell which were its own and unedited, so it compared each "
        "file already there with the new one before writing it. {outcome}",
    },
    "build.manifest_lost.copied": {
        "vi": "{count} tệp có thể đã sửa tay (tệp .docx khác bản vừa dựng, hoặc tệp PDF có sẵn, "
        "vốn không so được) được giữ lại bên cạnh trước khi ghi đè: {copies}; hãy xem các bản "
        "ấy, chép chỗ sửa cần giữ sang tệp mới hoặc vào dữ liệu, rồi xóa bản không cần. Tệp "
        "giống hệt bản vừa dựng được để nguyên; manifest được ghi mới",
        "en": "{count} files perhaps edited by hand (a .docx differing from the new one, or a "
        "PDF already there, which cannot be compared) were kept beside them before being "
        "written over: {copies}; look at them, copy any edit to keep into the new file or the "
        "data, then delete the copies not needed. Files identical to the new ones were left "
        "as they were; the manifest is written anew",
    },
    "build.manifest_lost.same": {
        "vi": "Mọi tệp có sẵn đều giống hệt bản vừa dựng: không mất chỗ sửa nào; manifest được "
        "ghi mới",
        "en": "Every file already there was identical to the new one: no edit was lost; the "
        "manifest is written anew",
    },
    # No copy left: the only files copied were PDFs that were not written over after all (their
    # conversion failed: lost_manifest.LostManifests.not_written).
    "build.manifest_lost.spared": {
        "vi": "Không tệp nào có thể đã sửa tay bị ghi đè: tệp .docx có sẵn giống hệt bản vừa "
        "dựng, còn PDF có sẵn ({pdfs}) được để nguyên vì không xuất được PDF mới, nên không "
        "cần giữ bản sao; manifest được ghi mới",
        "en": "No file perhaps edited by hand was written over: the .docx already there were "
        "identical to the new ones, and the PDFs already there ({pdfs}) were left as they "
        "were, no new PDF being made, so no copy was needed; the manifest is written anew",
    },
    # The same, said by render (render.manifest_damaged, ...), beside the build's words.
    "render.manifest_lost.spared": {
        "vi": "Không tệp nào có thể đã sửa tay bị ghi đè: tệp .docx có sẵn giống hệt bản vừa "
        "dựng, còn PDF có sẵn ({pdfs}) được để nguyên vì không xuất được PDF mới, nên không "
        "cần giữ bản sao",
        "en": "No file perhaps edited by hand was written over: the .docx already there were "
        "identical to the new ones, and the PDFs already there ({pdfs}) were left as they "
        "were, no new PDF being made, so no copy was needed",
    },
    # A document loaded to be numbered, then found saved again when loaded to print its number
    # (runner._stage): not written, so that its register row and its output never disagree.
    "build.changed_while_building": {
        "vi": "tệp dữ liệu (hoặc tệp nó dùng) được lưu lại trong lúc dựng, sau khi vanthu đọc "
        "nó để cấp số: văn bản chưa được ghi, để sổ văn bản và văn bản không ghi hai nội dung "
        "khác nhau; hãy chạy lại vanthu build",
        "en": "the data file (or a file it uses) was saved again during the build, after "
        "vanthu read it to number it: the document was not written, so that the register and "
        "the document never say different things; run vanthu build again",
    },
    # A second build of one workspace while one runs (workspace.lock): refused after a short wait.
    "build.busy": {
        "vi": "một lần dựng khác của thư mục làm việc {folder} đang chạy (đã chờ {seconds} "
        "giây): lần dựng này dừng, chưa ghi tệp nào, chưa cấp số nào; hãy đợi lần dựng kia "
        "xong rồi chạy lại",
        "en": "another build of the workspace {folder} is running (waited {seconds} s): this "
        "build stopped before writing any file or giving any number; wait until the other one "
        "ends and run again",
    },
    # vanthu render while a build of its workspace runs (workspace.lock.workspace_lock, shared).
    "render.busy": {
        "vi": "một lần dựng (vanthu build) của thư mục làm việc {folder} đang chạy (đã chờ "
        "{seconds} giây): chưa ghi tệp nào, chưa cấp số nào; hãy đợi lần dựng đó xong rồi chạy "
        "lại",
        "en": "a build (vanthu build) of the workspace {folder} is running (waited {seconds} s): "
        "no file was written and no number given; wait until it ends and run again",
    },
    # The room check before numbering (builder.folder_problem): the sizes are said in the
    # message's language (room.Size).
    "build.too_little_room": {
        "vi": "không đủ chỗ trống trong thư mục {folder} cho {count} văn bản chờ cấp số: cần "
        "khoảng {needed} (vanthu dành {each} cho mỗi văn bản), hiện còn {free}; hãy giải phóng "
        "thêm chỗ trống rồi chạy lại",
        "en": "not enough free space in the folder {folder} for {count} documents waiting for "
        "a number: about {needed} is needed ({each} set aside per document), {free} is free; "
        "free some space and run again",
    },
    "build.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "build.number_out_of_order": {
        "vi": "{name}: số {reference} ngày {date} ghi ngày trước số cấp trước nó trong sổ, "
        "{earlier}; số trong sổ phải cấp theo thứ tự ngày ban hành",
        "en": "{name}: number {reference} dated {date} is dated before the number given before "
        "it, {earlier}; a register gives numbers in the order documents are issued",
    },
    "build.number_dated_after_later": {
        "vi": "{name}: số {reference} đổi ngày từ {old} sang {date}, sau số cấp sau nó trong sổ, "
        "{later}; số trong sổ phải cấp theo thứ tự ngày ban hành: nếu văn bản ban hành ngày mới, "
        "hãy hủy số cũ (vanthu so huy) để dựng lại lấy số mới, hoặc sửa lại ngày",
        "en": "{name}: number {reference} had its date changed from {old} to {date}, after the "
        "number given after it, {later}; a register gives numbers in the order documents are "
        "issued: if the document is issued on the new date, void the old number (vanthu so huy) "
        "so that a new build gives a new one, or put the date back",
    },
    "build.number_for_a_copy": {
        "vi": "{name}: số {reference} vừa cấp cho văn bản giống hệt số {other} ({file}: cùng loại, "
        "ngày và trích yếu): nếu tệp được chép mà chưa sửa, hãy sửa rồi dựng lại; nếu không dùng, "
        "hủy số bằng vanthu so huy",
        "en": "{name}: number {reference} was just given to a document just like {other} "
        "({file}: the same type, date and trích yếu): if the file was copied and not yet "
        "edited, edit it and build again; if it is not used, void the number with vanthu so huy",
    },
    "build.typed_number_skips": {
        "vi": "{name}: số {reference} ghi tay trong dữ liệu vượt số tiếp theo của sổ "
        "({following}); đã vào sổ, các số {skipped} bị bỏ qua (nếu gõ nhầm: số đã vào sổ cho "
        "tệp này, chỉ sửa dữ liệu thì tệp vẫn giữ nó; hãy hủy nó: {command} --ly-do \"gõ "
        "nhầm\", rồi sửa số trong dữ liệu; dù đúng hay nhầm, vào sổ hoặc hủy các số {skipped}: "
        "vanthu so vao-so / vanthu so huy)",
        "en": "{name}: number {reference} typed in the data is past the register's next number "
        "({following}); it is recorded and {skipped} are skipped (if it is a typo: the number "
        "is recorded for this file, and fixing the data alone leaves it the file's; void it: "
        "{command} --ly-do \"typo\", then fix the number in the data; either way, record or "
        "void {skipped}: vanthu so vao-so / vanthu so huy)",
    },
    "build.lender_not_written": {
        "vi": "không ghi vì văn bản cho số của nó, {name}, không ghi được trong lần build này",
        "en": "not written because {name}, whose number it prints, could not be written in "
        "this build",
    },
    # A document whose output printed a number the register no longer gives it (builder).
    "build.voided_number_replaced": {
        "vi": "{name}: số {old} của văn bản này đã bị hủy trong sổ (lý do: {reason}); đã cấp "
        "số mới {new}, và {output} nay in số {new}. Bản đã in hoặc đã ký (nếu có) còn mang số "
        "{old}: hãy thay bản đó",
        "en": "{name}: this document's number {old} was voided in the register (reason: "
        "{reason}); it was given the new number {new}, and {output} now prints {new}. A copy "
        "already printed or signed still carries {old}: replace it",
    },
    "build.number_replaced": {
        "vi": "{name}: sổ văn bản không còn giữ số {old} cho văn bản này; đã cấp số {new}, và "
        "{output} nay in số {new} thay cho {old}. Bản đã in hoặc đã ký (nếu có) còn mang số "
        "{old}: hãy thay bản đó",
        "en": "{name}: the register no longer holds {old} for this document; it was given "
        "{new}, and {output} now prints {new} instead of {old}. A copy already printed or "
        "signed still carries {old}: replace it",
    },
    # The register gives the number an output printed to another document (an old sổ
    # imported after the document was built: documents.replaced_number_warning).
    "build.number_taken_replaced": {
        "vi": "{name}: sổ văn bản nay ghi số {old} cho văn bản khác: {holder} (có lẽ sổ cũ "
        "được nhập sau khi văn bản này đã dựng); đã cấp cho văn bản này số {new}, và {output} "
        "nay in số {new} thay cho {old}. Bản đã in hoặc đã ký (nếu có) còn mang số {old}: hãy "
        "thay bản đó",
        "en": "{name}: the register now holds {old} for another document: {holder} (the old "
        "register was probably imported after this document was built); this document was "
        "given {new}, and {output} now prints {new} instead of {old}. A copy already printed "
        "or signed still carries {old}: replace it",
    },
    # The register lost (or refusing) once the documents were written (builder.unconfirmed).
    "build.written_unconfirmed": {
        "vi": "{error}. {count} văn bản đã ghi ra và in số đã cấp, nhưng sổ văn bản chưa xác "
        "nhận các số đó (còn \"đang cấp\"): {files}. Manifest đã ghi lại các tệp này (tệp sửa "
        "tay sau đó sẽ được giữ nguyên). Hãy chạy lại vanthu build khi sổ kết nối lại để xác "
        "nhận số",
        "en": "{error}. {count} documents were written and print the numbers given, but the "
        "register has not confirmed those numbers (still \"pending\"): {files}. The manifest "
        "records these files (one edited by hand afterwards is kept as it is). Run vanthu "
        "build again once the register is reachable to confirm the numbers",
    },
    "build.number_for_a_copy_elsewhere": {
        "vi": "{name}: số {reference} vừa cấp cho văn bản giống hệt số {other} của một thư mục "
        "làm việc khác ({file}, dinh_danh: {identity}{place}; cùng loại, ngày và trích yếu): "
        "nếu cả hai người cùng soạn một văn bản, chỉ một số được dùng; hủy số thừa bằng "
        "vanthu so huy",
        "en": "{name}: number {reference} was just given to a document just like {other} of "
        "another workspace ({file}, dinh_danh: {identity}{place}; the same type, date and "
        "trích yếu): if both clerks wrote one document, only one number is used; void the "
        "other with vanthu so huy",
    },
    "build.removed_number_elsewhere": {
        "vi": "{name}: đã xóa văn bản, nhưng số {reference} của nó do sổ văn bản {register} cấp "
        "(không phải sổ đang dùng) vẫn ghi trong sổ đó; nếu văn bản đã bỏ, hãy hủy số trong sổ "
        "đó: {command} --ly-do \"...\"",
        "en": "{name}: its output was removed, but its number {reference}, given by the "
        "register {register} (not the one in use), is still in that register; if the document "
        "was dropped, void it there: {command} --ly-do \"...\"",
    },
    "build.removed_number_elsewhere_url": {
        "vi": "{name}: đã xóa văn bản, nhưng số {reference} của nó do sổ văn bản {register} cấp "
        "(không phải sổ đang dùng) vẫn ghi trong sổ đó; nếu văn bản đã bỏ, hãy trỏ vanthu tới "
        "sổ đó (biến môi trường VANTHU_DB, hoặc so_van_ban trong vanthu.yaml, với mật khẩu của "
        "sổ) rồi hủy số: {command} --ly-do \"...\" (thêm --day nếu số thuộc một dãy số riêng)",
        "en": "{name}: its output was removed, but its number {reference}, given by the "
        "register {register} (not the one in use), is still in that register; if the document "
        "was dropped, point vanthu at that register (the VANTHU_DB environment variable, or "
        "so_van_ban in vanthu.yaml, with its password) and void it there: {command} --ly-do "
        "\"...\" (adding --day when the number is of a separate sequence)",
    },
    # s52, listing errors: a folder of outputs that cannot be listed
    # (batch.manifest.UnlistedFolder), never taken for empty.
    "build.output_folder_unreadable": {
        "vi": "không đọc được thư mục kết quả {folder} ({reason}), nên không biết trong đó có "
        "những tệp nào, tệp nào đã bị sửa tay: vanthu không coi thư mục là trống, không ghi đè "
        "hay xóa tệp nào trong đó; hãy cho quyền đọc thư mục rồi chạy lại",
        "en": "the output folder {folder} could not be read ({reason}), so which files it holds, "
        "and which were edited by hand, is not known: vanthu does not take it for empty and "
        "writes over or removes none of its files; allow reading the folder, then run again",
    },
    # Giấy khen batches (s52): a second file printing certificates another batch numbered.
    "build.book_rows_overlap": {
        "vi": "tệp này in lại giấy khen của dòng {rows} trong danh sách của {decision}, mà "
        "{others} đã in và cấp số vào sổ: mỗi người sẽ có hai số vào sổ. Để in lại giấy khen "
        "đã in, đừng làm tệp riêng: ghi chon: {{dong: [...]}} (hoặc chon: {{so_vao_so: [...]}}) "
        "vào tệp của đợt đã in, mỗi giấy giữ số đã cấp, rồi xóa tệp này. Nếu là một đợt khác "
        "của quyết định, hãy chọn các dòng khác (chon: khen_thuong, doi_tuong)",
        "en": "this file prints again the certificates of rows {rows} of the list of "
        "{decision}, which {others} already printed and numbered: each person would hold two "
        "sổ vàng numbers. To reprint printed certificates, do not make a file of their own: "
        "write chon: {{dong: [...]}} (or chon: {{so_vao_so: [...]}}) in the file of the batch "
        "that printed them, where each keeps its number, then delete this file. If it is "
        "another batch of the decision, choose other rows (chon: khen_thuong, doi_tuong)",
    },
    "build.book_rows_overlap_file": {
        "vi": "{file} in lại giấy khen của dòng {rows} trong danh sách của {decision}, mà "
        "{others} đã in và cấp số vào sổ: mỗi người sẽ có hai số vào sổ. Để in lại giấy khen "
        "đã in, đừng làm tệp riêng: ghi chon: {{dong: [...]}} (hoặc chon: {{so_vao_so: [...]}}) "
        "vào tệp của đợt đã in, mỗi giấy giữ số đã cấp, rồi xóa {file}. Nếu là một đợt khác "
        "của quyết định, hãy chọn các dòng khác (chon: khen_thuong, doi_tuong)",
        "en": "{file} prints again the certificates of rows {rows} of the list of {decision}, "
        "which {others} already printed and numbered: each person would hold two sổ vàng "
        "numbers. To reprint printed certificates, do not make a file of their own: write "
        "chon: {{dong: [...]}} (or chon: {{so_vao_so: [...]}}) in the file of the batch that "
        "printed them, where each keeps its number, then delete {file}. If it is another "
        "batch of the decision, choose other rows (chon: khen_thuong, doi_tuong)",
    },
    # s54 K1: an issued number followed its document to another data file (builder.
    # hand_over_renamed); the file under the old name, now another document, numbered anew.
    "build.number_followed_document": {
        "vi": "{name}: số {old} đi theo văn bản đã cấp số ấy, nay ở tệp khác: {holder}; tệp "
        "này nay ghi văn bản khác nên được cấp số mới {new}, và {output} nay in số {new} thay "
        "cho {old}",
        "en": "{name}: number {old} went with the document issued under it, now in another "
        "file: {holder}; this file now records another document and was given the new number "
        "{new}, and {output} now prints {new} instead of {old}",
    },
    # s55: two copies of one file, neither numbered yet, said by check before a build.
    "check.copy_to_be_numbered": {
        "vi": "{name}: giống hệt {other} (cùng cơ quan, loại, ngày và trích yếu) và cả hai tệp "
        "đều chờ cấp số: khi dựng, mỗi tệp sẽ được cấp một số cho cùng một văn bản. Nếu tệp "
        "được chép mà chưa sửa, hãy sửa (hoặc xóa bản thừa) trước khi dựng",
        "en": "{name}: just like {other} (same office, type, date and trích yếu), both waiting "
        "for a number: a build would give each file a number for one document. If the file "
        "was copied and not yet edited, edit it (or delete the extra copy) before building",
    },
    # s56 F1: a PDF refused for characters of the document Times New Roman has no glyph for
    # (pdf_limits.unfit_pdf), which no retry cures: said once, not "also when retried".
    "build.pdf_why_glyphs": {
        "vi": "phông Times New Roman (Liberation Serif) không có các ký tự sau của văn bản: "
        "{chars}; LibreOffice đã đặt chúng bằng phông {foreign}; hãy thay {fix} trong dữ liệu "
        "(vanthu check chỉ ra dòng có chúng) rồi xuất lại",
        "en": "the Times New Roman font (Liberation Serif) lacks these characters of the "
        "document: {chars}; LibreOffice set them in {foreign}; replace {fix} in the data "
        "(vanthu check names their lines) and convert again",
    },
    "build.pdf_glyphs_fix": {
        "vi": "chúng ({pairs})",
        "en": "them ({pairs})",
    },
    "build.pdf_glyphs_no_fix": {
        "vi": "hoặc bỏ chúng",
        "en": "or remove them",
    },
    "build.pdf_document_refused": {
        "vi": "{document}: không xuất được PDF ({why})",
        "en": "{document}: PDF conversion failed ({why})",
    },
}
