"""Messages: template tooling (vanthu templates)."""

MESSAGES = {
    "tpl.syntax": {"vi": "lỗi cú pháp thẻ: {reason}", "en": "tag syntax error: {reason}"},
    "tpl.unsafe": {
        "vi": "mẫu dùng thao tác không được phép: {reason}; mọi lần dựng văn bản từ mẫu này đều "
        "dừng ở thẻ này",
        "en": "the template uses a forbidden operation: {reason}; every document rendered from "
        "this template stops at this tag",
    },
    "tpl.unsafe_attribute": {
        "vi": "không được đọc '{name}' của giá trị: đó là phần bên trong của Python, không phải "
        "trường dữ liệu",
        "en": "'{name}' of a value may not be read: it is Python's internals, not a data field",
    },
    "tpl.unclosed": {
        "vi": "khối '{tag}' mở mà không đóng (thiếu end{tag})",
        "en": "block '{tag}' is opened but never closed (end{tag} missing)",
    },
    "tpl.stray_end": {
        "vi": "thẻ đóng {tag} không khớp khối nào đang mở",
        "en": "closing tag {tag} matches no open block",
    },
    "tpl.split_tag": {
        "vi": "thẻ {tag} bị Word hoặc LibreOffice tách thành nhiều đoạn chữ (run); nên gõ lại "
        "thẻ một lần",
        "en": "tag {tag} is split across several runs by Word or LibreOffice; retype it in one go",
    },
    "tpl.unknown_field": {
        "vi": "mẫu dùng '{name}' nhưng dữ liệu không có trường này{hint}: vanthu không có trường "
        "'{name}' cho mẫu này và không thêm được trường riêng (các trường dùng được: vanthu "
        "templates fields {type}); chữ cố định thì gõ thẳng vào mẫu",
        "en": "the template uses '{name}', which the data does not provide{hint}: vanthu has no "
        "field '{name}' for this template and fields of one's own cannot be added (the fields "
        "it can use: vanthu templates fields {type}); type fixed text straight into the template",
    },
    "tpl.unknown_field_block": {
        "vi": "khối dùng '{name}' nhưng dữ liệu không có trường này{hint} ({users})",
        "en": "the block uses '{name}', which the data does not provide{hint} ({users})",
    },
    "tpl.text_item_field": {
        "vi": "mẫu dùng '{name}' nhưng '{list}' là danh sách chữ, mỗi dòng không có trường "
        "'{field}'; dùng {{{{ {use} }}}}",
        "en": "the template uses '{name}', but '{list}' is a list of text: its items have no "
        "field '{field}'; use {{{{ {use} }}}}",
    },
    "tpl.text_item_field_block": {
        "vi": "khối dùng '{name}' nhưng '{list}' là danh sách chữ, mỗi dòng không có trường "
        "'{field}'; dùng {{{{ {use} }}}} ({users})",
        "en": "the block uses '{name}', but '{list}' is a list of text: its items have no "
        "field '{field}'; use {{{{ {use} }}}} ({users})",
    },
    "tpl.index_past_end": {
        "vi": "mẫu dùng '{name}', dòng thứ {n} của danh sách '{list}', mà dữ liệu mẫu dài nhất "
        "chỉ có {longest} dòng: văn bản có ít hơn {n} dòng không dựng được; dùng vòng lặp "
        "{{%p for … in {list} %}}",
        "en": "the template uses '{name}', item {n} of the list '{list}', and the longest in the "
        "sample data has {longest}: a document with fewer than {n} items cannot be rendered; "
        "loop over it with {{%p for … in {list} %}}",
    },
    "tpl.index_past_end_block": {
        "vi": "khối dùng '{name}', dòng thứ {n} của danh sách '{list}', mà dữ liệu mẫu dài nhất "
        "chỉ có {longest} dòng: văn bản có ít hơn {n} dòng không dựng được ({users})",
        "en": "the block uses '{name}', item {n} of the list '{list}', and the longest in the "
        "sample data has {longest}: a document with fewer than {n} items cannot be rendered "
        "({users})",
    },
    "tpl.fields_unknown": {
        "vi": "vanthu không có trường này (mẫu dùng nhưng không dựng được)",
        "en": "vanthu has no such field (the template uses it and cannot be rendered)",
    },
    "tpl.block_users": {
        "vi": "khối dùng ở {n} loại văn bản: {names}",
        "en": "the block is used by {n} document types: {names}",
    },
    "tpl.dropped_field": {
        "vi": "mẫu có sẵn in '{name}' mà bản riêng của cơ quan không in (bản sao chép từ trước "
        "khi vanthu thêm trường này?); sao chép lại hoặc thêm thẻ vào bản riêng",
        "en": "the built-in template prints '{name}' and the office's copy does not (copied "
        "before vanthu added it?); copy it again or add the tag to the copy",
    },
    "tpl.field_not_printed": {
        "vi": "mẫu có sẵn in '{name}' mà bản riêng của cơ quan không in (thẻ {{{{ {name} }}}} bị "
        "xóa hoặc đổi tên?); đặt lại thẻ như mẫu có sẵn, hoặc sao chép lại khối (vanthu "
        "templates copy {block} --force) rồi sửa lại",
        "en": "the built-in template prints '{name}' and the office's copy does not (was the "
        "{{{{ {name} }}}} tag deleted or renamed?); put the tag back as in the built-in block, "
        "or copy the block again (vanthu templates copy {block} --force) and redo the edits",
    },
    "tpl.draft_continued_unbound": {
        "vi": "bản riêng được sao chép trước khi vanthu in Nơi nhận dài thành hai hàng: thẻ "
        "{{%p with ... %}} của dự thảo quyết định gán {bound} = du_thao.{bound} mà không gán "
        "{name} = du_thao.{name}, nên khối chữ ký trong dự thảo sẽ in các dòng cuối Nơi nhận "
        "của tờ trình. Để mỗi nơi nhận in đúng chỗ, vanthu in cả danh sách của tờ trình và của "
        "dự thảo trong hàng chữ ký (như một bản riêng cũ của khoi/ky-ten): Nơi nhận dài không "
        "sang được trang sau. Nên sao chép lại mẫu: vanthu templates copy {template} --force "
        "(bản đang có được giữ lại thành tệp .bak bên cạnh) rồi sửa lại như trước; hoặc thêm "
        "«, {name} = du_thao.{name}» vào thẻ {{%p with ... %}} đó",
        "en": "the office's copy was made before vanthu printed a long Nơi nhận in two rows: "
        "the draft decision's {{%p with ... %}} tag binds {bound} = du_thao.{bound} but not "
        "{name} = du_thao.{name}, so the signature block inside the draft would print the last "
        "Nơi nhận lines of the Tờ trình. To keep every recipient where it belongs, vanthu "
        "prints the whole list of the Tờ trình and of the draft in the signature's row (as for "
        "an old copy of khoi/ky-ten): a long Nơi nhận cannot go on onto the next page. Best "
        "copy the template again: vanthu templates copy {template} --force (the copy you have "
        "is kept as a .bak file beside it), then redo your edits; or add "
        "«, {name} = du_thao.{name}» to that {{%p with ... %}} tag",
    },
    "tpl.recipients_whole": {
        "vi": "Nơi nhận {count} dòng quá dài để in hết cạnh chữ ký, nhưng bản riêng {file} "
        "được sao chép trước khi vanthu cho Nơi nhận dài sang trang sau: cả danh sách in liền "
        "một khối không bao giờ bị tách qua hai trang (trong hàng chữ ký; dưới hai chữ ký của "
        "Biên bản, mỗi dòng giữ liền dòng sau), nên cả Nơi nhận có thể bị đẩy sang trang sau, "
        "để trống phần còn lại của trang trước. Nên sao chép lại khối: vanthu templates copy "
        "{block} --force (bản đang có được giữ lại thành tệp .bak bên cạnh) rồi sửa lại như "
        "trước; vanthu templates check nói rõ hơn",
        "en": "Nơi nhận has {count} lines, too many to print beside the signature, but the "
        "office's copy {file} was made before vanthu let a long Nơi nhận go on onto the next "
        "page: the whole list prints as one block that never breaks across pages (in the "
        "signature's row; under a Biên bản's two signatures, each line kept with the next), so "
        "the whole Nơi nhận may move to the next page, leaving the rest of the page before it "
        "blank. Best copy the block again: vanthu templates copy {block} --force (the copy you "
        "have is kept as a .bak file beside it), then redo your edits; vanthu templates check "
        "says more",
    },
    "tpl.recipients_whole_draft": {
        "vi": "Nơi nhận {count} dòng quá dài để in hết cạnh chữ ký, nhưng bản riêng {file} "
        "được sao chép trước khi vanthu in Nơi nhận dài thành nhiều hàng: thẻ {{%p with ... %}} "
        "của dự thảo quyết định không gán noi_nhan_tiep, nên danh sách của tờ trình và của dự "
        "thảo đều in cả trong hàng chữ ký, một hàng không bao giờ bị tách qua hai trang, và có "
        "thể bị đẩy sang trang sau, để trống phần còn lại của trang trước. Nên sao chép lại "
        "mẫu: vanthu templates copy {block} --force (bản đang có được giữ lại thành tệp .bak "
        "bên cạnh) rồi sửa lại như trước; vanthu templates check nói rõ hơn",
        "en": "Nơi nhận has {count} lines, too many to print beside the signature, but the "
        "office's copy {file} was made before vanthu printed a long Nơi nhận in several rows: "
        "the draft decision's {{%p with ... %}} tag does not bind noi_nhan_tiep, so the Tờ "
        "trình's and the draft's lists each print whole in the signature's row, which never "
        "breaks across pages, and may move to the next page, leaving the rest of the page "
        "before it blank. Best copy the template again: vanthu templates copy {block} --force "
        "(the copy you have is kept as a .bak file beside it), then redo your edits; vanthu "
        "templates check says more",
    },
    "tpl.dropped_continued": {
        "vi": "bản riêng được sao chép trước khi vanthu in Nơi nhận dài thành hai hàng (trường "
        "'{name}'): mẫu có sẵn in các dòng đầu cạnh chữ ký và các dòng còn lại ở một hàng dưới "
        "chữ ký, hàng này sang được trang sau; bản riêng in cả danh sách trong hàng chữ ký, một "
        "hàng không bao giờ bị tách qua hai trang: khi không đủ chỗ dưới nội dung, cả Nơi nhận "
        "cùng câu kết thúc bị đẩy sang trang sau, để trống phần còn lại của trang trước (Nơi "
        "nhận 40 dòng: tới hai phần ba trang), và Nơi nhận dài hơn một trang để câu kết thúc "
        "«… ./.» đứng một mình một trang. Nên sao chép lại "
        "khối: vanthu templates copy {block} --force (bản đang có được giữ lại thành tệp .bak "
        "bên cạnh) rồi sửa lại như trước. Tự sửa thì phải sửa ba chỗ: (1) thêm một hàng dưới "
        "hàng chữ ký, giữa hai hàng {{%tr if {name} %}} và {{%tr endif %}}, ô trái in "
        "{{%p for nguoi_nhan in {name} %}}, - {{{{ nguoi_nhan }}}};, {{%p endfor %}} và "
        "- {{{{ luu }}}}; (2) ở hàng chữ ký, đặt dòng - {{{{ luu }}}} giữa {{%p if not {name} %}} "
        "và {{%p endif %}}; (3) ở Nơi nhận dưới hai chữ ký (Biên bản), lặp "
        "{{%p for nguoi_nhan in noi_nhan + {name} %}}. Vòng lặp {{%p for nguoi_nhan in noi_nhan "
        "%}} ở hàng chữ ký giữ nguyên: vanthu chỉ đưa vào noi_nhan các dòng in cạnh chữ ký",
        "en": "the office's copy was made before vanthu printed a long Nơi nhận in two rows "
        "(field '{name}'): the built-in block prints its first lines beside the signature and "
        "the others in a row under it, which can go on onto the next page; the copy prints the "
        "whole list in the signature's row, which never breaks across pages: where the room "
        "under the body is too small, the whole Nơi nhận moves to the next page with the "
        "closing sentence, leaving the rest of the page before blank (a 40-line Nơi nhận: up to "
        "two thirds of it), and one longer than a page leaves the closing sentence «… ./.» "
        "alone on a page. Best copy the block again: vanthu templates "
        "copy {block} --force (the copy you have is kept as a .bak file beside it), then redo "
        "your edits. To change the copy by hand, change three places: (1) add a row under the "
        "signature's, between rows {{%tr if {name} %}} and {{%tr endif %}}, whose left cell "
        "prints {{%p for nguoi_nhan in {name} %}}, - {{{{ nguoi_nhan }}}};, {{%p endfor %}} and "
        "- {{{{ luu }}}}; (2) in the signature's row, put the - {{{{ luu }}}} line between "
        "{{%p if not {name} %}} and {{%p endif %}}; (3) in the Nơi nhận under two signatures "
        "(Biên bản), loop {{%p for nguoi_nhan in noi_nhan + {name} %}}. The signature row's "
        "{{%p for nguoi_nhan in noi_nhan %}} loop stays as it is: vanthu puts in noi_nhan only "
        "the lines printed beside the signature",
    },
    "tpl.dropped_lead_in": {
        "vi": "bản riêng được sao chép trước khi vanthu giữ một dòng gạch đầu dòng hoặc một điểm "
        "kết thúc bằng ':' («- Cử cán bộ tham dự, cụ thể như sau:») cùng trang với dòng sau nó "
        "(trường '{name}'): mẫu có sẵn in dòng đó bằng kiểu NoiDungCuoi, giữ với đoạn sau; bản "
        "riêng in bằng kiểu NoiDung nên dòng dẫn có thể nằm cuối trang còn các dòng nó dẫn sang "
        "trang sau. Nên sao chép lại khối: vanthu templates copy {block} --force (bản đang có "
        "được giữ lại thành tệp .bak bên cạnh) rồi sửa lại như trước; hoặc tự sửa: trong vòng "
        "lặp của dòng gạch và của điểm, in đoạn bằng kiểu NoiDungCuoi khi "
        "{{%p if dong.cau_dan %}} (ở vòng lặp điểm: diem.cau_dan) và NoiDung khi không, như mẫu "
        "có sẵn và như đoạn văn đã làm với doan.cau_dan",
        "en": "the office's copy was made before vanthu kept a dash line or a điểm ending in ':' "
        "(«- Cử cán bộ tham dự, cụ thể như sau:») on the page of the line after it (field "
        "'{name}'): the built-in block prints such a line in style NoiDungCuoi, kept with the "
        "next paragraph; the copy prints it in NoiDung, so the lead-in line can end a page with "
        "the lines it introduces on the next. Best copy the block again: vanthu templates copy "
        "{block} --force (the copy you have is kept as a .bak file beside it), then redo your "
        "edits; or, by hand: in the loops of the dash lines and of the điểm, print the paragraph "
        "in style NoiDungCuoi when {{%p if dong.cau_dan %}} (in the điểm loop: diem.cau_dan), "
        "NoiDung otherwise, as the "
        "built-in block does, and as the paragraph already does with doan.cau_dan",
    },
    "tpl.continued_beside_signature": {
        "vi": "bản riêng in các dòng cuối của Nơi nhận dài (thẻ {{{{ {name} }}}}) ngay trong hàng "
        "chữ ký, một hàng không bao giờ bị tách qua hai trang: không mất dòng nào, nhưng Nơi nhận "
        "dài không sang được trang sau, nên câu kết thúc «… ./.» có thể đứng một mình một trang. "
        "Mẫu có sẵn in chúng ở một hàng riêng dưới hàng chữ ký, giữa {{%tr if {name} %}} và "
        "{{%tr endif %}}, cùng dòng - {{{{ luu }}}}; sửa như vậy, hoặc sao chép lại khối "
        "(vanthu templates copy {block} --force) rồi sửa lại",
        "en": "the office's copy prints a long Nơi nhận's last lines (the {{{{ {name} }}}} tag) "
        "in the signature's own row, which never breaks across pages: no line is lost, but a "
        "long Nơi nhận cannot go on onto the next page, so the closing sentence «… ./.» can "
        "stand alone on a page. The built-in block prints them in a row of their own under the "
        "signature's, between {{%tr if {name} %}} and {{%tr endif %}}, with the - {{{{ luu }}}} "
        "line; do the same, or copy the block again (vanthu templates copy {block} --force) "
        "and redo your edits",
    },
    "tpl.style_drift": {
        "vi": "{count} kiểu đoạn khác với khung dùng chung ({styles}); khi dựng, kiểu của "
        "khung.docx được dùng nên các khác biệt này không có trong văn bản (mẫu được lưu bằng "
        "chương trình khác (LibreOffice?) với định nghĩa kiểu khác, hoặc kiểu được sửa ở mẫu "
        "thay vì ở khung.docx)",
        "en": "{count} styles differ from the shared frame ({styles}); rendering uses "
        "khung.docx's styles, so these differences do not reach the document (saved by another "
        "program (LibreOffice?) with different style definitions, or a style changed in the "
        "template instead of in khung.docx)",
    },
    "tpl.header_widths_fixed": {
        "vi": "bảng đầu trang không còn lấy độ rộng cột từ vanthu ({{{{ dau_trang.trai }}}}, "
        "{{{{ dau_trang.phai }}}}, {{{{ dau_trang.tong }}}}): đã thay bằng số cố định {widths} "
        "(twip; do sửa Table Properties trong Word hoặc lưu bằng LibreOffice). Cột phải "
        "({right}) đủ cho Quốc hiệu (cần khoảng {need}), nhưng cột trái không còn giãn theo tên "
        "cơ quan; muốn vanthu tự tính lại thì sao chép lại khối (vanthu templates copy "
        "khoi/dau-trang --force)",
        "en": "the header table no longer takes its widths from vanthu ({{{{ dau_trang.trai }}}}, "
        "{{{{ dau_trang.phai }}}}, {{{{ dau_trang.tong }}}}): they are fixed numbers {widths} "
        "(twips; edited in Word's Table Properties or saved by LibreOffice). The right column "
        "({right}) holds the Quốc hiệu (it needs about {need}), but the left one no longer "
        "widens for the agency's name; to let vanthu size them again, copy the block again "
        "(vanthu templates copy khoi/dau-trang --force)",
    },
    "tpl.data_not_printed": {
        "vi": "bản của cơ quan không còn in trường '{field}' của tệp dữ liệu (mẫu có sẵn in "
        "«{text}» cho dữ liệu ví dụ): văn bản dựng bằng mẫu này sẽ mất nội dung đó mà không báo "
        "gì. Đặt lại thẻ {{{{ {field} }}}} vào chỗ cũ (xem mẫu có sẵn), hoặc sao chép lại mẫu "
        "(vanthu templates copy <tên mẫu> --force)",
        "en": "the office's copy no longer prints the data file's '{field}' (the built-in "
        "template prints «{text}» for the example data): documents made with it would lose "
        "that text without a word. Put the {{{{ {field} }}}} tag back where it was (see the "
        "built-in template), or copy the template again (vanthu templates copy <template> "
        "--force)",
    },
    "tpl.rich_not_printed": {
        "vi": "bản của cơ quan không còn in trường '{field}' của tệp dữ liệu (mẫu có sẵn in "
        "«{text}» cho dữ liệu ví dụ): văn bản dựng bằng mẫu này sẽ mất nội dung đó mà không báo "
        "gì. Đặt lại thẻ {{{{r {field} }}}} vào chỗ cũ (xem mẫu có sẵn), hoặc sao chép lại mẫu "
        "(vanthu templates copy <tên mẫu> --force)",
        "en": "the office's copy no longer prints the data file's '{field}' (the built-in "
        "template prints «{text}» for the example data): documents made with it would lose "
        "that text without a word. Put the {{{{r {field} }}}} tag back where it was (see the "
        "built-in template), or copy the template again (vanthu templates copy <template> "
        "--force)",
    },
    "tpl.archive_dash": {
        "vi": "dòng Lưu «{text}» không bắt đầu bằng «- »: thẻ {{{{ luu }}}} chỉ in «Lưu: VT, ...», "
        "nên mọi văn bản in dòng Lưu thiếu gạch đầu dòng (Nghị định 30, Phụ lục I: mỗi dòng "
        "nơi nhận bắt đầu bằng «- »). Gõ lại «- » trước thẻ: «- {{{{ luu }}}}»",
        "en": "the Lưu line «{text}» does not start with «- »: the {{{{ luu }}}} tag prints "
        "«Lưu: VT, ...» only, so every document prints its Lưu line without the dash (Decree "
        "30, Appendix I: each Nơi nhận line starts with «- »). Type «- » before the tag again: "
        "«- {{{{ luu }}}}»",
    },
    "tpl.data_recased": {
        "vi": "bản của cơ quan in trường '{field}' khác chữ hoa, chữ thường so với dữ liệu: "
        "«{printed}» thay cho «{text}» (một bộ lọc như |lower, |title trong thẻ?); Nghị định "
        "30 quy định chữ in hoa hay thường của từng thành phần, dữ liệu đã viết đúng: bỏ bộ lọc",
        "en": "the office's copy prints the data file's '{field}' in another case: «{printed}» "
        "instead of «{text}» (a filter such as |lower, |title in the tag?); Decree 30 sets each "
        "part's case and the data is written in it: remove the filter",
    },
    "tpl.header_widths_restored": {
        "vi": "bảng đầu trang có hai cột bằng nhau {widths} (twip) chia đôi vùng chữ ({text}), "
        "đúng như LibreOffice lưu khi làm mất các thẻ độ rộng ({{{{ dau_trang.trai }}}}, "
        "{{{{ dau_trang.phai }}}}) hoặc như lệnh «Distribute columns evenly» của Word: vanthu "
        "không dùng hai số này mà đặt lại độ rộng tự tính theo tên cơ quan và Quốc hiệu. Muốn "
        "giữ cột của mình thì đặt độ rộng khác (hai cột khác nhau, hoặc tổng khác vùng chữ); "
        "vanthu sẽ dùng đúng số đó và cảnh báo",
        "en": "the header table has two equal columns {widths} (twips) halving the text width "
        "({text}), exactly what LibreOffice saves when it loses the width tags "
        "({{{{ dau_trang.trai }}}}, {{{{ dau_trang.phai }}}}) or what Word's «Distribute "
        "columns evenly» writes: vanthu does not use these numbers but puts back the widths it "
        "computes from the agency's name and the Quốc hiệu. To keep columns of your own, set "
        "other widths (two different columns, or a sum other than the text width); vanthu then "
        "uses them as they are, with a warning",
    },
    "tpl.header_widths_narrow": {
        "vi": "bảng đầu trang không còn lấy độ rộng cột từ vanthu ({{{{ dau_trang.trai }}}}, "
        "{{{{ dau_trang.phai }}}}, {{{{ dau_trang.tong }}}}): đã thay bằng số cố định {widths} "
        "(twip; do sửa Table Properties trong Word hoặc lưu bằng LibreOffice) và cột phải "
        "({right}) hẹp hơn Quốc hiệu cần (khoảng {need}): Quốc hiệu sẽ in thành hai dòng. Đặt "
        "lại các thẻ độ rộng hoặc sao chép lại khối (vanthu templates copy khoi/dau-trang "
        "--force)",
        "en": "the header table no longer takes its widths from vanthu ({{{{ dau_trang.trai }}}}, "
        "{{{{ dau_trang.phai }}}}, {{{{ dau_trang.tong }}}}): they are fixed numbers {widths} "
        "(twips; edited in Word's Table Properties or saved by LibreOffice) and the right "
        "column ({right}) is narrower than the Quốc hiệu needs (about {need}): it would print "
        "on two lines. Put the width tags back or copy the block again (vanthu templates copy "
        "khoi/dau-trang --force)",
    },
    "tpl.section_in_tag": {
        "vi": "đoạn của thẻ {tag} cũng mang dấu ngắt phần (section break: sang trang, hướng giấy, "
        "đánh số trang từ 1); khi dựng cả đoạn bị thay bằng thẻ nên ngắt phần mất theo (thường "
        "do lưu bằng LibreOffice): phần sau (phụ lục, danh sách) sẽ không sang trang mới và "
        "đánh số trang nối tiếp văn bản. Đặt con trỏ ngay sau thẻ và nhấn Enter để ngắt phần "
        "nằm ở một đoạn trống riêng",
        "en": "the paragraph of tag {tag} also holds a section break (new page, orientation, "
        "page numbers from 1); rendering replaces the whole paragraph by the tag, so the break "
        "is lost (a LibreOffice save often does this): what follows (an appendix, a list) would "
        "not start a new page and would continue the page numbers. Put the cursor right after "
        "the tag and press Enter so the break stands in an empty paragraph of its own",
    },
    "tpl.text_after_closing": {
        "vi": "chữ cố định «{text}» đứng sau phần nội dung, mà vanthu ghi dấu kết thúc «./.» vào "
        "cuối đoạn cuối của nội dung (lấy từ dữ liệu): văn bản sẽ có «./.» ở giữa và đoạn này "
        "đứng sau nó. Đưa câu này vào dữ liệu (đoạn cuối của nội dung) hoặc bỏ khỏi mẫu",
        "en": "fixed text «{text}» stands after the content, and vanthu writes the closing mark "
        "«./.» at the end of the content's last paragraph (from the data): the document would "
        "have «./.» mid-way and this text after it. Put the sentence in the data (the "
        "content's last paragraph) or remove it from the template",
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
    "tpl.rich_field": {
        "vi": "thẻ {tag} in trường '{field}', một đoạn chữ Word đã định dạng sẵn, nên phải viết "
        "đúng {fix} (có chữ r, không bộ lọc, không biểu thức): viết khác đi thì văn bản dựng ra "
        "bị hỏng, Word không mở được hoặc mất chữ của trường; sửa thẻ thành {fix}",
        "en": "tag {tag} prints '{field}', text Word has formatted already, so it must read "
        "exactly {fix} (with the r, no filter, no expression): written otherwise, the rendered "
        "document is corrupt, Word cannot open it or the field's text is lost; change the tag "
        "to {fix}",
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
    "tpl.form_field_no_width": {
        "vi": "ô {style} của phôi không có bề rộng cố định (Width: Auto trong Word) nên vanthu "
        "không biết chữ của ô (tên, dòng đơn vị, thành tích) được in rộng bao nhiêu để thu nhỏ "
        "cho vừa, và từ chối mọi đợt giấy khen in trên phôi này; chọn ô trong Word, Format ▸ "
        "Frame ▸ Width: Exactly{width} (LibreOffice: Format ▸ Frame and Object ▸ Properties ▸ "
        "Type, bỏ chọn Automatic ở Width)",
        "en": "the phôi's field {style} has no fixed width (Width: Auto in Word), so vanthu "
        "cannot tell how wide its text (a name, the unit line, the thành tích) may print to "
        "fit it, and refuses every batch printed on this phôi; select the field in Word, Format "
        "▸ Frame ▸ Width: Exactly{width} (LibreOffice: Format ▸ Frame and Object ▸ Properties ▸ "
        "Type, untick Automatic under Width)",
    },
    "tpl.form_example_no_room": {
        "vi": "ô {style} của phôi không đủ chỗ cho chữ của {example}, vanthu sẽ từ chối in: "
        "{reason}",
        "en": "the phôi's field {style} leaves too little room for the text of {example}, which "
        "vanthu would refuse to print: {reason}",
    },
    "tpl.example_starter": {
        "vi": "đợt giấy khen mẫu của vanthu (vanthu new giay-khen)",
        "en": "vanthu's example batch (vanthu new giay-khen)",
    },
    "tpl.example_batch": {
        "vi": "đợt giấy khen {file} của cơ quan",
        "en": "the office's batch {file}",
    },
    "tpl.form_width_centred": {
        "vi": " {mm} mm (ô căn giữa trang giấy)",
        "en": " {mm} mm (a field centred on the paper)",
    },
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
    "tpl.ok.one": {"vi": "{count} mẫu, không có lỗi", "en": "{count} template, no problems"},
    # count, errors, warnings: tpl.n.* below, singular or plural ("1 error", "2 errors").
    "tpl.summary": {"vi": "{count}, {errors}, {warnings}", "en": "{count}, {errors}, {warnings}"},
    "tpl.n.templates": {"vi": "{n} mẫu", "en": "{n} templates"},
    "tpl.n.templates.one": {"vi": "{n} mẫu", "en": "{n} template"},
    "tpl.n.errors": {"vi": "{n} lỗi", "en": "{n} errors"},
    "tpl.n.errors.one": {"vi": "{n} lỗi", "en": "{n} error"},
    "tpl.n.warnings": {"vi": "{n} cảnh báo", "en": "{n} warnings"},
    "tpl.n.warnings.one": {"vi": "{n} cảnh báo", "en": "{n} warning"},
    "tpl.warning": {"vi": "cảnh báo", "en": "warning"},
    "tpl.unknown": {
        "vi": "không có mẫu '{name}'{hint} (có: {known})",
        "en": "no template '{name}'{hint} (there are: {known})",
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
    "tpl.running_tag": {
        "vi": "{part} có thẻ {tags}, mà vanthu chỉ điền thẻ trong thân mẫu, không điền ở đầu "
        "trang và chân trang: thẻ sẽ in nguyên văn trên mọi trang của mọi văn bản. Bỏ thẻ khỏi "
        "{part} (chữ cố định và số trang, Insert ▸ Page Number, thì vẫn được) hoặc đưa nó vào "
        "thân mẫu",
        "en": "the {part} holds {tags}, but vanthu fills in tags only in a template's body, "
        "never in headers and footers: they would print as typed on every page of every "
        "document. Remove them from the {part} (fixed text and page numbers, Insert ▸ Page "
        "Number, are fine) or move them into the template's body",
    },
    "tpl.running_tag_unused": {
        "vi": "{part} của tệp này có thẻ {tags}, mà văn bản lấy đầu trang và chân trang từ "
        "khung.docx (của tệp này không được dùng) và vanthu không điền thẻ ở đầu trang, chân "
        "trang: thẻ sẽ không có trong văn bản. Bỏ thẻ khỏi {part} hoặc đưa nó vào thân mẫu",
        "en": "this file's {part} holds {tags}, but documents take their headers and footers "
        "from khung.docx (this file's are not used) and vanthu fills in no tags there: they "
        "would not reach the document. Remove them from the {part} or move them into the "
        "template's body",
    },
    "tpl.part.header.default": {"vi": "đầu trang", "en": "header"},
    "tpl.part.header.first": {"vi": "đầu trang trang đầu", "en": "first-page header"},
    "tpl.part.header.even": {"vi": "đầu trang trang chẵn", "en": "even-page header"},
    "tpl.part.footer.default": {"vi": "chân trang", "en": "footer"},
    "tpl.part.footer.first": {"vi": "chân trang trang đầu", "en": "first-page footer"},
    "tpl.part.footer.even": {"vi": "chân trang trang chẵn", "en": "even-page footer"},
    "tpl.part.in_section": {"vi": "phần {section}, {part}", "en": "section {section}, {part}"},
    "tpl.part.paragraph": {"vi": "{part}, đoạn {paragraph}", "en": "{part}, paragraph {paragraph}"},
    "tpl.verdict": {
        "vi": "vanthu templates check thấy {errors} trong {files} ({office}) mà {template} dùng: "
        "văn bản dựng ra có thể không đúng thể thức Nghị định 30/2020/NĐ-CP; chạy 'vanthu "
        "templates check' để xem và sửa",
        "en": "vanthu templates check finds {errors} in {files} ({office}), which {template} is "
        "made with: its documents may not follow Nghị định 30/2020/NĐ-CP; run 'vanthu "
        "templates check' to see and fix them",
    },
    "tpl.recipients_missing": {
        "vi": "mẫu không in Nơi nhận (thẻ {{{{ {field} }}}} của khối Nơi nhận trong "
        "khoi/ky-ten): Nghị định 30/2020/NĐ-CP yêu cầu Nơi nhận ở loại văn bản này, và "
        "'{field}' của tệp dữ liệu sẽ bị bỏ mất ở mọi văn bản; {fix}",
        "en": "the template prints no Nơi nhận (the {{{{ {field} }}}} tag of the Nơi nhận block "
        "in khoi/ky-ten): Nghị định 30/2020/NĐ-CP requires Nơi nhận on this type of document, "
        "and the data file's '{field}' would be dropped from every document; {fix}",
    },
    "tpl.recipients_fix_block": {
        "vi": "bản riêng {name}.docx của cơ quan đã bỏ phần Nơi nhận mà bản có sẵn in: đặt lại "
        "phần đó (ô bên trái của bảng ký tên), hoặc sao chép lại khối (vanthu templates copy "
        "{name} --force)",
        "en": "the office's copy {name}.docx lost the Nơi nhận part the built-in one prints: put "
        "it back (the signature table's left cell), or copy the block again (vanthu templates "
        "copy {name} --force)",
    },
    "tpl.recipients_fix_type": {
        "vi": "đặt lại {{%p include \"khoi/ky-ten\" %}} (hoặc một Nơi nhận in {{{{ noi_nhan }}}}) "
        "vào mẫu, hoặc sao chép lại mẫu (vanthu templates copy {name} --force)",
        "en": "put {{%p include \"khoi/ky-ten\" %}} (or a Nơi nhận printing {{{{ noi_nhan }}}}) "
        "back into the template, or copy it again (vanthu templates copy {name} --force)",
    },
    "tpl.signature_missing": {
        "vi": "bản riêng {name}.docx của cơ quan không còn in phần mà bản có sẵn in: {parts}; "
        "Nghị định 30/2020/NĐ-CP (Phụ lục I, ô 7 và 9) yêu cầu các phần này ở mọi văn bản, nên "
        "văn bản sẽ thiếu chúng hoặc in sai người ký; đặt lại thẻ vào đúng ô, hoặc sao chép lại "
        "khối (vanthu templates copy {name} --force; bản đang có được giữ lại thành tệp .bak "
        "bên cạnh) rồi sửa lại",
        "en": "the office's copy {name}.docx no longer prints what the built-in one prints: "
        "{parts}; Nghị định 30/2020/NĐ-CP (Phụ lục I, boxes 7 and 9) requires them on every "
        "document, so documents would lack them or name the wrong signer; put the tags back in "
        "their cells, or copy the block again (vanthu templates copy {name} --force; the copy "
        "you have is kept as a .bak file beside it) and redo your edits",
    },
    "tpl.sign.lost": {
        "vi": "{part} (thẻ {{{{ {field} }}}}){case}",
        "en": "{part} (the {{{{ {field} }}}} tag){case}",
    },
    "tpl.sign.cut": {
        "vi": "các dòng cuối của một Nơi nhận dài{case} (thẻ {{{{ {field} }}}}: vanthu in chúng "
        "ở hàng dưới hàng chữ ký và không đưa lại vào {{{{ noi_nhan }}}}; mẫu có sẵn in chúng "
        "sau các dòng của noi_nhan, ở hàng đó và dưới hai chữ ký của Biên bản "
        "({{%p for nguoi_nhan in noi_nhan + {field} %}}); hàng đó hay vòng lặp đã bị xóa?)",
        "en": "the last lines of a long Nơi nhận{case} (the {{{{ {field} }}}} tag: vanthu prints "
        "them in the row under the signature and does not put them in {{{{ noi_nhan }}}} too; "
        "the built-in block prints them after the lines of noi_nhan, in that row and under the "
        "two signatures of a Biên bản ({{%p for nguoi_nhan in noi_nhan + {field} %}}); was "
        "that row, or the loop, deleted?)",
    },
    "tpl.sign.cut_archive": {
        "vi": "dòng Lưu của một Nơi nhận dài{case} (mẫu có sẵn in - {{{{ luu }}}} ở hàng dưới "
        "hàng chữ ký, sau các dòng của {{{{ {field} }}}}: hàng đó đã bị xóa?)",
        "en": "the Lưu line of a long Nơi nhận{case} (the built-in block prints - {{{{ luu }}}} "
        "in the row under the signature, after the lines of {{{{ {field} }}}}: was that row "
        "deleted?)",
    },
    "tpl.sign.cut_filter": {
        "vi": "một số dòng của Nơi nhận dài: bản riêng chép từ bản đầu của khối, có điều kiện "
        "{{%p if loop.revindex > {field}|length %}} bỏ qua ở hàng chữ ký các dòng in ở hàng "
        "dưới, mà nay vanthu chỉ đưa vào {{{{ noi_nhan }}}} các dòng in cạnh chữ ký nên điều "
        "kiện đó làm mất chúng: xóa hai đoạn {{%p if loop.revindex … %}} và {{%p endif %}} "
        "quanh - {{{{ nguoi_nhan }}}};{below}",
        "en": "some lines of a long Nơi nhận: the copy was made from the block's first "
        "version, whose condition {{%p if loop.revindex > {field}|length %}} skipped in the "
        "signature's row the lines printed under it, and vanthu now puts in "
        "{{{{ noi_nhan }}}} only the lines beside the signature, so that condition loses them: "
        "delete the two paragraphs {{%p if loop.revindex … %}} and {{%p endif %}} around "
        "- {{{{ nguoi_nhan }}}};{below}",
    },
    "tpl.sign.cut_below": {
        "vi": ", và dưới hai chữ ký (Biên bản) in cả hai danh sách: "
        "{{%p for nguoi_nhan in noi_nhan + {field} %}}",
        "en": ", and under the two signatures (Biên bản) print both lists: "
        "{{%p for nguoi_nhan in noi_nhan + {field} %}}",
    },
    "tpl.recipients_twice": {
        "vi": "bản riêng {name}.docx của cơ quan in một dòng Nơi nhận, hoặc dòng Lưu, hai lần "
        "khi Nơi nhận dài{case}: vanthu đưa mỗi dòng vào đúng một trong hai danh sách, "
        "{{{{ noi_nhan }}}} (các dòng in cạnh chữ ký) và {{{{ {field} }}}} (các dòng còn lại, ở "
        "hàng dưới), nên bản riêng in một danh sách hai lần, hoặc in - {{{{ luu }}}} ở cả hai "
        "hàng (ở hàng chữ ký, dòng đó phải nằm giữa {{%p if not {field} %}} và {{%p endif %}}); "
        "sửa như mẫu có sẵn, hoặc sao chép lại khối (vanthu templates copy {name} --force; bản "
        "đang có được giữ lại thành tệp .bak bên cạnh) rồi sửa lại",
        "en": "the office's copy {name}.docx prints a Nơi nhận line, or the Lưu line, twice "
        "with a long Nơi nhận{case}: vanthu puts each line in exactly one of two lists, "
        "{{{{ noi_nhan }}}} (the lines beside the signature) and {{{{ {field} }}}} (the others, in "
        "the row under it), so the copy prints a list twice, or prints - {{{{ luu }}}} in both "
        "rows (in the signature's row it must stand between {{%p if not {field} %}} and "
        "{{%p endif %}}); change it as in the built-in block, or copy the block again (vanthu "
        "templates copy {name} --force; the copy you have is kept as a .bak file beside it) and "
        "redo your edits",
    },
    "tpl.signature_cells_merged": {
        "vi": "bảng ký tên của bản riêng {name}.docx có ô bị gộp (Merge Cells) ở hàng in chữ ký "
        "hoặc Nơi nhận: Nơi nhận và chữ ký phải ở hai ô riêng (Nơi nhận ô trái, chữ ký ô phải, "
        "các dòng cuối của Nơi nhận dài ở ô trái của hàng dưới); ô gộp in chữ ký lẫn vào Nơi "
        "nhận hoặc kéo Nơi nhận sang cột chữ ký, và vanthu verify không nhận văn bản dựng ra. "
        "Tách ô lại (Word: Layout ▸ Split Cells; LibreOffice: Table ▸ Split Cells) như mẫu có "
        "sẵn, hoặc sao chép lại khối (vanthu templates copy {name} --force; bản đang có được "
        "giữ lại thành tệp .bak bên cạnh) rồi sửa lại",
        "en": "the signature table of the office's copy {name}.docx has merged cells (Merge "
        "Cells) in a row printing the signature or Nơi nhận: Nơi nhận and the signature must "
        "stand in cells of their own (Nơi nhận left, the signature right, a long Nơi nhận's last "
        "lines in the left cell of the row under them); merged, the signature prints inside "
        "Nơi nhận or Nơi nhận spreads under the signature, and vanthu verify refuses the "
        "documents. Split the cells again (Word: Layout ▸ Split Cells; LibreOffice: Table ▸ "
        "Split Cells) as in the built-in block, or copy the block again (vanthu templates copy "
        "{name} --force; the copy you have is kept as a .bak file beside it) and redo your edits",
    },
    "tpl.copy_backup": {
        "vi": "Bản {name} đang có đã được giữ lại ở {path} (vanthu không dùng tệp .bak); các sửa "
        "đổi trong đó cần làm lại trên bản mới: chép tệp ra ngoài thư mục mẫu, đổi đuôi thành "
        ".docx rồi mở cùng bản mới bằng Word hoặc LibreOffice để so",
        "en": "The copy of {name} you had is kept as {path} (vanthu does not use .bak files); "
        "redo its edits in the new copy: copy the file out of the templates folder, rename it "
        "to .docx and open it beside the new copy in Word or LibreOffice to compare",
    },
    "tpl.not_docx_used": {
        "vi": "{path}: vanthu chỉ đọc mẫu dạng .docx nên tệp này không được dùng: văn bản dựng "
        "bằng mẫu '{name}' có sẵn, không có các sửa đổi trong tệp; mở tệp bằng Word hoặc "
        "LibreOffice, lưu lại dạng .docx (Word 2007–365) rồi xóa tệp này",
        "en": "{path}: vanthu reads templates saved as .docx only, so this file is not used: "
        "documents are made with the built-in '{name}', without the edits in the file; open it "
        "in Word or LibreOffice, save it as .docx (Word 2007–365), then delete this file",
    },
    "tpl.sign.name": {"vi": "họ tên người ký", "en": "the signer's name"},
    "tpl.sign.title": {
        "vi": "các dòng quyền hạn, chức vụ người ký",
        "en": "the signer's authority and title lines",
    },
    "tpl.sign.left_name": {
        "vi": "họ tên người ký thứ hai (bên trái)",
        "en": "the second (left-hand) signer's name",
    },
    "tpl.sign.left_title": {
        "vi": "chức vụ người ký thứ hai (bên trái)",
        "en": "the second (left-hand) signer's title lines",
    },
    "tpl.sign.recipients": {"vi": "Nơi nhận", "en": "Nơi nhận (recipients)"},
    "tpl.sign.archive": {"vi": "dòng Lưu", "en": "the Lưu (filing) line"},
    "tpl.sign.case.one": {
        "vi": " ở văn bản một người ký",
        "en": " on a document with one signer",
    },
    "tpl.sign.case.two": {
        "vi": " ở văn bản hai người ký (Biên bản)",
        "en": " on a document with two signers (Biên bản)",
    },
    "tpl.part_after": {
        "vi": "{part} đứng sau {other} («{text}»): Phụ lục I Nghị định 30/2020/NĐ-CP đặt {part} "
        "trước {other}, nên mọi văn bản của mẫu này in sai thứ tự; chuyển đoạn này về đúng chỗ, "
        "hoặc sao chép lại mẫu (vanthu templates copy {name} --force)",
        "en": "{part} stands after {other} («{text}»): Phụ lục I of Nghị định 30/2020/NĐ-CP puts "
        "{part} before {other}, so every document of this template prints them out of order; "
        "move this paragraph back, or copy the template again (vanthu templates copy {name} "
        "--force)",
    },
    "tpl.part_before": {
        "vi": "{part} đứng trước {other} («{text}»): Phụ lục I Nghị định 30/2020/NĐ-CP đặt {part} "
        "sau {other}, nên mọi văn bản của mẫu này được ký trước khi hết nội dung; chuyển đoạn "
        "này xuống sau nội dung, hoặc sao chép lại mẫu (vanthu templates copy {name} --force)",
        "en": "{part} stands before {other} («{text}»): Phụ lục I of Nghị định 30/2020/NĐ-CP puts "
        "{part} after {other}, so every document of this template is signed above part of its "
        "content; move this paragraph below the content, or copy the template again (vanthu "
        "templates copy {name} --force)",
    },
    "tpl.part_missing": {
        "vi": "mẫu không in {part}, phần Phụ lục I Nghị định 30/2020/NĐ-CP yêu cầu ở mọi văn bản; "
        "đặt lại khối đó vào mẫu, hoặc sao chép lại mẫu (vanthu templates copy {name} --force)",
        "en": "the template prints no {part}, which Phụ lục I of Nghị định 30/2020/NĐ-CP requires "
        "on every document; put that block back into the template, or copy the template again "
        "(vanthu templates copy {name} --force)",
    },
    "tpl.doc_part.header": {
        "vi": "phần đầu văn bản (Quốc hiệu và Tiêu ngữ, tên cơ quan, số và ký hiệu, địa danh và "
        "ngày tháng: {{%p include \"{block}\" %}})",
        "en": "the header (Quốc hiệu and Tiêu ngữ, agency name, number and symbol, place and "
        "date: {{%p include \"{block}\" %}})",
    },
    "tpl.doc_part.title": {
        "vi": "tên loại và trích yếu văn bản",
        "en": "the type name and summary (tên loại, trích yếu)",
    },
    "tpl.doc_part.addressed": {
        "vi": "Kính gửi ({{%p include \"{block}\" %}})",
        "en": "Kính gửi ({{%p include \"{block}\" %}})",
    },
    "tpl.doc_part.body": {"vi": "nội dung văn bản", "en": "the body"},
    "tpl.doc_part.signature": {
        "vi": "phần ký tên và Nơi nhận ({{%p include \"{block}\" %}})",
        "en": "the signature and Nơi nhận ({{%p include \"{block}\" %}})",
    },
    "tpl.doc_part.attached": {"vi": "phụ lục", "en": "an appendix"},
    "tpl.own_margins": {
        "vi": "bản riêng của cơ quan đặt lề trang riêng{section} ({margins}) nhưng vanthu không "
        "dùng lề của mẫu loại văn bản: mọi văn bản của mẫu này in theo lề của {frame} ({office}: "
        "{used}). Muốn đổi lề thì sửa ở khung.docx (vanthu templates copy khung), trong khoảng "
        "Nghị định 30/2020/NĐ-CP cho phép (trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm); "
        "lề đặt ở mẫu này không có tác dụng, nên đặt lại như bản có sẵn để khỏi nhầm",
        "en": "the office's copy sets page margins of its own{section} ({margins}), but vanthu "
        "does not use a type template's margins: every document of this template prints with the "
        "margins of {frame} ({office}: {used}). To change the margins, set them in khung.docx "
        "(vanthu templates copy khung), within the ranges of Nghị định 30/2020/NĐ-CP (top and "
        "bottom 20–25 mm, left 30–35 mm, right 15–20 mm); the margins set in this template have "
        "no effect, so set them back to the built-in template's to avoid confusion",
    },
    "tpl.margins_section": {"vi": " ở phần {n}", "en": " in section {n}"},
    "tpl.margins": {
        "vi": "trên {top}, dưới {bottom}, trái {left}, phải {right} mm",
        "en": "top {top}, bottom {bottom}, left {left}, right {right} mm",
    },
    "tpl.builtin_frame": {"vi": "khung có sẵn của vanthu", "en": "vanthu's built-in frame"},
    "tpl.col.name": {"vi": "Mẫu", "en": "Template"},
    "tpl.col.serves": {"vi": "Dùng cho", "en": "Serves"},
    "tpl.col.changed": {"vi": "Sửa lần cuối", "en": "Last change"},
    # An office's templates folder (mau/, mau/khoi/, --templates) that could not be listed
    # or looked into: which templates it holds is not known (render.compose.TemplateLibrary).
    "tpl.folder_unreadable": {
        "vi": "không đọc được thư mục mẫu {path} ({reason}), nên không biết cơ quan có những "
        "mẫu nào trong đó; hãy cho quyền đọc thư mục rồi chạy lại",
        "en": "the templates folder {path} could not be read ({reason}), so which templates "
        "the office keeps there is not known; allow reading the folder, then run again",
    },
    # An office's template the OS would not let be opened: said as such, not as a damaged .docx.
    "tpl.template_unreadable": {
        "vi": "không đọc được tệp mẫu ({reason}); hãy đóng tệp hoặc cho quyền đọc rồi chạy lại",
        "en": "the template file could not be read ({reason}); close the file or allow reading "
        "it, then run again",
    },
    # s52 template values: a property value Word writes as a number that is none (<w:sz
    # w:val="x"/>), refused where the template is read (render.structure.number_faults).
    "tpl.not_a_number": {
        "vi": "{what}: {element} có {attribute}=“{value}”, không phải một số; Word luôn ghi số "
        "ở đây nên tệp đã bị sửa tay hoặc bằng một công cụ khác. Hãy sửa giá trị đó thành số "
        "(hoặc đặt lại {what} trong Word rồi lưu mẫu)",
        "en": "{what}: {element} has {attribute}=“{value}”, which is not a number; Word always "
        "writes a number there, so the file was edited by hand or by another tool. Change that "
        "value to a number (or set the {what} again in Word and save the template)",
    },
    "tpl.number.sz": {"vi": "cỡ chữ", "en": "font size"},
    "tpl.number.ind": {"vi": "thụt lề", "en": "indentation"},
    "tpl.number.spacing": {"vi": "khoảng cách đoạn", "en": "paragraph spacing"},
    "tpl.number.framePr": {"vi": "vị trí khung (frame)", "en": "frame position"},
    "tpl.number.ilvl": {"vi": "cấp danh sách", "en": "list level"},
    "tpl.number.pgSz": {"vi": "khổ giấy", "en": "paper size"},
    "tpl.number.pgMar": {"vi": "lề trang", "en": "page margins"},
    "tpl.number_defaults": {
        "vi": "định dạng mặc định của tệp (docDefaults)",
        "en": "the file's default formatting (docDefaults)",
    },
    "tpl.number_part": {"vi": "phần {part} của tệp", "en": "part {part} of the file"},
    # A phôi's field placed down from its own paragraph (s52): no place on the paper.
    "tpl.form_field_paragraph_anchor": {
        "vi": "ô {style} của phôi được đặt theo đoạn văn (Vertical relative to Paragraph) nên "
        "không có chỗ cố định trên giấy: trong Word, bấm vào ô, Format ▸ Frame, chọn Vertical "
        "… relative to Page (LibreOffice: Format ▸ Frame and Object ▸ Properties ▸ Position, "
        "Vertical … to Entire page)",
        "en": "the phôi's field {style} is placed down from its paragraph (Vertical relative to "
        "Paragraph), so it has no fixed place on the paper: in Word, click in it, Format ▸ "
        "Frame, set Vertical … relative to Page (LibreOffice: Format ▸ Frame and Object ▸ "
        "Properties ▸ Position, Vertical … to Entire page)",
    },
    # s54 alignment values: a value Word takes from a list that is none of it (<w:jc
    # w:val="middle"/>), refused where the template is read as a value that is no number is.
    "tpl.not_a_choice": {
        "vi": "{what}: {element} có {attribute}=“{value}”, không phải giá trị Word ghi "
        "({allowed}); Word sẽ không mở được tệp hoặc phải sửa tệp, nên tệp đã bị sửa tay hoặc "
        "bằng một công cụ khác. Hãy đổi giá trị đó thành một trong các giá trị trên (hoặc đặt "
        "lại {what} trong Word rồi lưu mẫu)",
        "en": "{what}: {element} has {attribute}=“{value}”, which is none of the values Word "
        "writes ({allowed}); Word cannot open the file or has to repair it, so the file was "
        "edited by hand or by another tool. Change that value to one of those (or set the "
        "{what} again in Word and save the template)",
    },
    "tpl.choice.jc": {"vi": "căn lề", "en": "alignment"},
    # s54 phôi fonts: a field styled in a font not installed is fitted as Times New Roman.
    "tpl.form_font_missing": {
        "vi": "ô {style} của phôi in bằng phông {font}, không có trên máy này: vanthu đo chữ "
        "của ô theo Times New Roman để thu nhỏ hay từ chối cho vừa ô, nên chữ in bằng {font} "
        "(rộng hơn) có thể tràn ô mà vanthu không báo; cài phông {font} vào máy (hoặc chọn "
        "cho kiểu {style} một phông đã cài)",
        "en": "the phôi's field {style} prints in the font {font}, which is not installed on "
        "this machine: vanthu measures the field's text as Times New Roman to shrink or refuse "
        "it, so text printed in {font} (if wider) may overflow the field with no word from "
        "vanthu; install the font {font} (or give the style {style} an installed font)",
    },
    # s54 example render: verify's rules that only a document rendered with the template shows
    # (the căn cứ lines' punctuation after a line was moved), said of the example document.
    "tpl.example_fault": {
        "vi": "văn bản ví dụ dựng bằng mẫu này (dữ liệu mẫu của vanthu hoặc của cơ quan) không "
        "đạt: {line}; mẫu có sẵn dựng cùng dữ liệu thì đạt, nên lỗi do chỗ đã sửa trong mẫu "
        "(một dòng dời chỗ, độ rộng cột đặt cố định) và sẽ có ở mọi văn bản dựng bằng mẫu này",
        "en": "the example document rendered with this template (vanthu's or the office's "
        "example data) fails: {line}; the built-in template passes with the same data, so the "
        "fault comes from an edit of the template (a line moved, a column's width fixed) and "
        "every document made with it will have it",
    },
    # s57 R5, an office's copy made by an older vanthu: not marked Vietnamese, or its tables'
    # properties out of the schema's order (check.old_copy_marks); warnings.
    "tpl.copy_language": {
        "vi": "bản riêng của cơ quan được chép từ phiên bản vanthu cũ và vẫn ghi ngôn ngữ "
        "{language}, không phải tiếng Việt (vi-VN): Word kiểm tra chính tả mọi chữ như tiếng nước "
        "ngoài (gạch chân đỏ) và PDF ghi ngôn ngữ {language} cho trình đọc màn hình. Mẫu vẫn dùng "
        "được; để sửa, chép lại mẫu (vanthu templates copy {name} --force, bản cũ được giữ "
        "thành .bak) rồi làm lại các chỗ đã sửa, hoặc mở mẫu trong Word: Home ▸ Styles, nhấp "
        "phải Normal ▸ Modify ▸ Format ▸ Language ▸ Vietnamese, rồi lưu mẫu",
        "en": "the office's copy was made by an older vanthu and is still marked {language}, not "
        "Vietnamese (vi-VN): Word proofs every word as a foreign language (red underlines) and "
        "the PDF tells screen readers the language is {language}. The template still works; to fix "
        "it, copy the template again (vanthu templates copy {name} --force, which keeps the old "
        "copy as .bak) and make your edits again, or open it in Word: Home ▸ Styles, right-click "
        "Normal ▸ Modify ▸ Format ▸ Language ▸ Vietnamese, and save the template",
    },
    "tpl.copy_table_order": {
        "vi": "bản riêng của cơ quan được chép từ phiên bản vanthu cũ: {count} bảng ghi thuộc "
        "tính (w:tblPr) không theo thứ tự chuẩn Office Open XML hoặc ghi một thuộc tính hai lần "
        "(bảng đầu tiên, trong {part}: {found}); mẫu vẫn dùng được, nhưng Word có thể báo văn "
        "bản bị hỏng («unreadable content») khi mở. Để sửa, chép lại mẫu (vanthu templates copy "
        "{name} --force, bản cũ được giữ thành .bak) rồi làm lại các chỗ đã sửa",
        "en": "the office's copy was made by an older vanthu: {count} table(s) write their "
        "properties (w:tblPr) out of the Office Open XML schema's order or one of them twice "
        "(the first, in {part}: {found}); the template still works, but Word may call its "
        "documents damaged («unreadable content») when opening them. To fix it, copy the "
        "template again (vanthu templates copy {name} --force, which keeps the old copy as "
        ".bak) and make your edits again",
    },
}
