"""Messages: câu chữ (phrase tables), trình bày danh sách, hồ sơ cơ quan."""

MESSAGES = {
    "wording.unknown_field": {
        "vi": "câu này không có trường '{{{{ {name} }}}}'; các trường dùng được: {known}",
        "en": "this phrase has no field '{{{{ {name} }}}}'; the fields it can use: {known}",
    },
    "wording.bad_tag": {
        "vi": "câu này có «{tag}», vanthu không điền được mà sẽ in nguyên như vậy: câu chữ chỉ "
        "dùng trường dạng {{{{ ten_truong }}}} (đủ hai dấu ngoặc mỗi bên, không có '|', không có "
        "{{% ... %}}); các trường dùng được: {known}",
        "en": "this phrase has «{tag}», which vanthu cannot fill and would print as it is: a "
        "phrase uses only plain fields {{{{ field_name }}}} (two braces each side, no '|', no "
        "{{% ... %}}); the fields it can use: {known}",
    },
    "wording.empty_phrase.empty_article": {
        "vi": "câu này không được để trống: văn bản sẽ có một điều chỉ có số «Điều ...» mà không "
        "có nội dung; viết câu của cơ quan, hoặc bỏ khóa này để dùng câu mặc định «{default}»",
        "en": "this phrase cannot be empty: the document would have an article with its number "
        "and nothing else; write the office's sentence, or remove this key to use the default "
        "«{default}»",
    },
    "wording.empty_phrase.lone_dash": {
        "vi": "câu này không được để trống: văn bản sẽ có một dòng chỉ có dấu «-» (dòng Lưu của "
        "Nơi nhận thì Nghị định 30 bắt buộc); viết câu của cơ quan, hoặc bỏ khóa này để dùng câu "
        "mặc định «{default}»",
        "en": "this phrase cannot be empty: the document would have a line holding only «-» "
        "(Decree 30 requires the archive line of Nơi nhận); write the office's sentence, or "
        "remove this key to use the default «{default}»",
    },
    "wording.empty_phrase.lost_proposal": {
        "vi": "câu này không được để trống: đề nghị (theo_de_nghi) văn bản ghi sẽ bị bỏ mất; văn "
        "bản không có đề nghị thì chỉ cần không ghi theo_de_nghi; bỏ khóa này để dùng câu mặc "
        "định «{default}»",
        "en": "this phrase cannot be empty: the proposal a document gives (theo_de_nghi) would "
        "be lost; a document without a proposal simply leaves out theo_de_nghi; remove this key "
        "to use the default «{default}»",
    },
    "wording.empty_phrase.empty_heading": {
        "vi": "câu này không được để trống: danh sách sẽ có tiêu đề (hay tên cột) trống; viết chữ "
        "của cơ quan, hoặc bỏ khóa này để dùng chữ mặc định «{default}»",
        "en": "this phrase cannot be empty: the list would print an empty title (or column "
        "heading); write the office's own, or remove this key to use the default «{default}»",
    },
    "wording.empty_phrase.empty_table_heading": {
        "vi": "câu này không được để trống: bảng số liệu của báo cáo (hay phụ lục của kế hoạch, "
        "lịch công tác của thông báo) sẽ có tên (hay tên cột) trống; viết chữ của cơ quan, hoặc "
        "bỏ khóa này để dùng chữ mặc định «{default}»",
        "en": "this phrase cannot be empty: the report's table of figures (or the plan's "
        "appendix, the notice's schedule) would print an empty name (or column heading); write "
        "the office's own, or remove this key to use the default «{default}»",
    },
    "wording.no_value": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' mà văn bản này không có số liệu đó "
        "(ví dụ: danh sách không có tiền thưởng, hoặc có nhiều mức tiền)",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}', which this document has no "
        "value for (e.g. a list without money, or several amounts)",
    },
    # Why a list has no value for a field its phrase names (context.quyet_dinh.gap_error).
    "wording.no_value.several_awards": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' (tên loại khen thưởng chung của cả "
        "danh sách), mà danh sách của văn bản này có {count} loại khen thưởng ({awards}): trường "
        "này chỉ có khi cả danh sách một loại. Viết câu riêng trong cau_chu: của văn bản này "
        "(không dùng {{{{ {name} }}}}), hoặc dùng {{{{ khen_thuong_1.ten }}}}, "
        "{{{{ khen_thuong_2.ten }}}} ... để kể từng loại",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}' (the one award of the whole "
        "list), but this document's list has {count} awards ({awards}): the field exists only "
        "when the whole list is one award. Write a phrase of its own under this document's "
        "cau_chu: (without {{{{ {name} }}}}), or name each award with "
        "{{{{ khen_thuong_1.ten }}}}, {{{{ khen_thuong_2.ten }}}} ...",
    },
    "wording.no_value.no_money": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' (tiền thưởng), mà danh sách của văn "
        "bản này không có tiền thưởng (tien_thuong: khong); viết câu riêng trong cau_chu: của "
        "văn bản này, không dùng trường đó",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}' (money), but this document's "
        "list has no money (tien_thuong: khong); write a phrase of its own under this "
        "document's cau_chu:, without that field",
    },
    "wording.no_value.several_amounts": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' (mức tiền chung), mà danh sách của "
        "văn bản này có nhiều mức tiền ({amounts} đồng); viết câu riêng trong cau_chu: của văn "
        "bản này, ví dụ kể từng mức bằng {{{{ khen_thuong_1.ca_nhan }}}}, "
        "{{{{ khen_thuong_2.ca_nhan }}}} ...",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}' (the one amount), but this "
        "document's list has several amounts ({amounts} đồng); write a phrase of its own under "
        "this document's cau_chu:, e.g. naming each with {{{{ khen_thuong_1.ca_nhan }}}}, "
        "{{{{ khen_thuong_2.ca_nhan }}}} ...",
    },
    "wording.no_value.several_rates": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' (mức tiền chung), mà danh sách của "
        "văn bản này trả «{award}» theo nhiều mức ({amounts} đồng: hệ số hoặc số tiền ghi ở từng "
        "dòng, không quá mức tối đa); viết câu riêng trong cau_chu: của văn bản này, không dùng "
        "trường đó, và để dieu_2_muc kể từng mức với số người nhận",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}' (the one amount), but this "
        "document's list pays «{award}» at several rates ({amounts} đồng: a coefficient or "
        "amount on each row, at most the maximum); write a phrase of its own under this "
        "document's cau_chu:, without that field, and let dieu_2_muc state each rate with the "
        "number paid at it",
    },
    "wording.no_value.no_kind.tien_ca_nhan": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' (mức tiền cho cá nhân), mà danh sách "
        "của văn bản này không có cá nhân nào; viết câu riêng trong cau_chu: của văn bản này",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}' (the amount for a person), but "
        "this document's list has no person; write a phrase of its own under this document's "
        "cau_chu:",
    },
    "wording.no_value.no_kind.tien_tap_the": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}' (mức tiền cho tập thể), mà danh sách "
        "của văn bản này không có tập thể nào; viết câu riêng trong cau_chu: của văn bản này",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}' (the amount for a collective), "
        "but this document's list has no collective; write a phrase of its own under this "
        "document's cau_chu:",
    },
    "wording.no_value.no_such_award": {
        "vi": "câu '{phrase}' dùng trường '{{{{ {name} }}}}', mà danh sách của văn bản này chỉ có "
        "{count} loại khen thưởng; viết câu riêng trong cau_chu: của văn bản này",
        "en": "phrase '{phrase}' uses the field '{{{{ {name} }}}}', but this document's list has "
        "only {count} award(s); write a phrase of its own under this document's cau_chu:",
    },
    # A fixed-sum decision opening Điều 2 with vanthu's phrase beside the office's own.
    "wording.fixed_sum_default": {
        "vi": "quyết định này chỉ có khen thưởng mức tiền cố định (khen_thuong_rieng ghi số "
        "tiền), nên Điều 2 không nêu mức lương cơ sở: câu dieu_2_mo_dau này có "
        "{{{{ luong_co_so }}}} nên không dùng được, và Điều 2 mở đầu bằng câu mặc định của vanthu "
        "«{default}». Để dùng câu của cơ quan, ghi thêm '{phrase}' dưới cau_chu: ở đây",
        "en": "this decision has only fixed-sum awards (khen_thuong_rieng gives an amount), so "
        "Điều 2 states no base salary: this dieu_2_mo_dau names {{{{ luong_co_so }}}} and cannot "
        "be used, and Điều 2 opens with vanthu's default «{default}». To use the office's own "
        "sentence, add '{phrase}' under cau_chu: here",
    },
    "wording.fixed_sum_default.example": {
        "vi": "quyết định này chỉ có khen thưởng mức tiền cố định (khen_thuong_rieng ghi số "
        "tiền), nên Điều 2 không nêu mức lương cơ sở: câu dieu_2_mo_dau này có "
        "{{{{ luong_co_so }}}} nên không dùng được, và Điều 2 mở đầu bằng câu mặc định của vanthu "
        "«{default}». Để dùng câu của cơ quan, ghi thêm '{phrase}' dưới cau_chu: ở đây, ví dụ: "
        "{phrase}: \"{example}\"",
        "en": "this decision has only fixed-sum awards (khen_thuong_rieng gives an amount), so "
        "Điều 2 states no base salary: this dieu_2_mo_dau names {{{{ luong_co_so }}}} and cannot "
        "be used, and Điều 2 opens with vanthu's default «{default}». To use the office's own "
        "sentence, add '{phrase}' under cau_chu: here, for example: {phrase}: \"{example}\"",
    },
    # A count or total typed in a decision's own words that its list does not give
    # (context.quyet_dinh.typed_figure_warnings).
    "wording.typed_figure.text": {
        "vi": "ghi «{typed}», mà danh sách '{list}' có {listed}: quyết định sẽ in số gõ tay này "
        "bên cạnh số vanthu đếm (tính) từ danh sách ở Điều 1, Điều 2; hãy sửa hoặc bỏ số này",
        "en": "says «{typed}», but the list '{list}' gives {listed}: the decision would print "
        "this typed figure beside the one vanthu counts (adds up) from the list in Điều 1 and "
        "Điều 2; correct it or leave it out",
    },
    "wording.typed_figure.phrase": {
        "vi": "câu này ghi «{typed}», mà danh sách '{list}' có {listed}: số gõ tay không theo "
        "danh sách; hãy sửa, hoặc viết {{{{ {name} }}}} để vanthu điền số của danh sách",
        "en": "this phrase says «{typed}», but the list '{list}' gives {listed}: a typed figure "
        "does not follow the list; correct it, or write {{{{ {name} }}}} for vanthu to fill in "
        "the list's figure",
    },
    "wording.money_lines_dropped": {
        "vi": "câu dieu_2_sau này thay các dòng vanthu tính của Điều 2, nên quyết định không in "
        "ở đâu: «{lines}»; nếu cần, ghi chúng trong dieu_2_sau bằng {fields}",
        "en": "this dieu_2_sau replaces the lines vanthu computes for Điều 2, so the decision "
        "prints nowhere: «{lines}»; if they are needed, write them in dieu_2_sau with {fields}",
    },
    "wording.yes_no": {
        "vi": "ghi 'co' hoặc 'khong' (nhận được: {value})",
        "en": "write 'co' or 'khong' (yes or no; got: {value})",
    },
    "wording.bad_lines": {
        "vi": "ghi một dòng chữ, hoặc danh sách các dòng (mỗi dòng một mục '- ...', "
        "không để trống)",
        "en": "write one line of text, or a list of lines (one '- ...' item each, none empty)",
    },
    "wording.money_needs_source": {
        "vi": "danh sách có tiền thưởng cần 'nguon_kinh_phi' (nguồn kinh phí); nếu quyết định "
        "không ghi tiền thưởng, đặt 'tien_thuong: khong'",
        "en": "a list with money needs 'nguon_kinh_phi' (where the money comes from); if the "
        "decision states no money, set 'tien_thuong: khong'",
    },
    "wording.one_list": {
        "vi": "một quyết định chỉ có một trong các mục khen_thuong, hoi_dong, ban_hanh",
        "en": "a decision has only one of khen_thuong, hoi_dong, ban_hanh",
    },
    "wording.empty_article": {
        "vi": "một điều cần noi_dung, tieu_de hoặc khoan",
        "en": "an article needs noi_dung, tieu_de or khoan",
    },
    # A khoản of a Kế hoạch (model/ke_hoach.Item): a heading, or a numbered paragraph.
    "wording.item_both_shapes": {
        "vi": "một khoản có tieu_de (tiêu đề) hoặc noi_dung (đoạn đánh số), không cả hai",
        "en": "an item has either tieu_de (a heading) or noi_dung (a numbered paragraph), "
        "not both",
    },
    "wording.item_no_shape": {
        "vi": "một khoản cần tieu_de (tiêu đề) hoặc noi_dung (đoạn đánh số)",
        "en": "an item needs tieu_de (a heading) or noi_dung (a numbered paragraph)",
    },
    "wording.chapters_or_articles": {
        "vi": "quy chế có 'chuong' (các chương) hoặc 'dieu' (không chia chương), không cả hai",
        "en": "a regulation has 'chuong' (chapters) or 'dieu' (no chapters), not both",
    },
    "wording.one_issued": {
        "vi": "ban_hanh có một trong hai: ke_hoach (tệp kế hoạch) hoặc quy_che",
        "en": "ban_hanh has one of ke_hoach (a plan's file) or quy_che",
    },
    "wording.authority_needs_whom": {
        "vi": "có 'tham_quyen' thì cần 'thay_cho' (tập thể, hoặc chức vụ người đứng đầu)",
        "en": "'tham_quyen' needs 'thay_cho' (the collective body or the head's title)",
    },
    "wording.acting_title": {
        "vi": "tham_quyen 'Q.' (quyền người đứng đầu) ký «Q. {head}» rồi họ tên, không in chức vụ "
        "riêng của người ký (Nghị định 30), nên chuc_vu «{title}» sẽ không được in; ghi "
        "chuc_vu: {acting} (chức vụ viết đủ, dùng ở nơi văn bản nêu chức vụ người ký), hoặc bỏ "
        "tham_quyen và thay_cho nếu người ký ký bằng chức vụ «{title}»",
        "en": "tham_quyen 'Q.' (acting head) signs «Q. {head}» and then the name, with no title "
        "of the signer's own (Decree 30), so chuc_vu «{title}» would not be printed; write "
        "chuc_vu: {acting} (the title in full words, used where a document names the signer's "
        "title), or remove tham_quyen and thay_cho if the signer signs as «{title}»",
    },
    "wording.unknown_decree_award": {
        "vi": "“{name}” không phải danh hiệu hay hình thức khen thưởng mà bảng tiền thưởng biết "
        "(ghi đúng tên theo nghị định). Có phải là “{suggestion}”?",
        "en": "“{name}” is not a title or form of award the reward tables know (write the "
        "decree's own name). Did you mean “{suggestion}”?",
    },
    "wording.long_header_line": {
        "vi": "dòng «{text}» không vừa một dòng của cột tên cơ quan ở đầu trang (cột đã nới tối đa "
        "5 mm vào mỗi lề), nên vanthu tự ngắt dòng khi in: «{lines}». Nên ghi thành danh sách "
        "các dòng, ngắt ở chỗ cơ quan chọn, ví dụ {suggestion}",
        "en": "the line «{text}» does not fit on one line of the header's agency column (widened "
        "up to 5 mm into each margin), so vanthu breaks it when printing: «{lines}». Write it as "
        "a list of lines, broken where the office chooses, for example {suggestion}",
    },
    "wording.long_title_line": {
        "vi": "dòng chức vụ «{text}» không vừa một dòng của cột ký, nên vanthu tự ngắt dòng khi "
        "in: «{lines}». Nên ghi chuc_vu thành danh sách các dòng, ngắt ở chỗ cơ quan chọn "
        "(tham_quyen, thay_cho giữ nguyên), ví dụ {suggestion}",
        "en": "the title line «{text}» does not fit on one line of the signature's column, so "
        "vanthu breaks it when printing: «{lines}». Write chuc_vu as a list of lines, broken "
        "where the office chooses (tham_quyen and thay_cho unchanged), for example {suggestion}",
    },
    "wording.authority_twice": {
        "vi": "chuc_vu đã ghi dòng quyền hạn ký «{line}» (chuc_vu ghi thành nhiều dòng là mọi dòng "
        "in trên tên người ký), nên tham_quyen '{authority}' sẽ in dòng đó lần nữa; bỏ "
        "tham_quyen và thay_cho, hoặc chỉ ghi chức vụ riêng của người ký ở chuc_vu",
        "en": "chuc_vu already holds the authority line «{line}» (chuc_vu as lines is every line "
        "above the signer's name), so tham_quyen '{authority}' would print that line again; "
        "remove tham_quyen and thay_cho, or give only the signer's own title in chuc_vu",
    },
    "wording.bad_abbreviation": {
        "vi": "chữ viết tắt '{value}' chỉ gồm chữ cái và chữ số, không dấu cách, không dấu "
        "gạch (ví dụ UBND, VPUBND, TTg, HĐTĐKT)",
        "en": "abbreviation '{value}': letters and digits only, no spaces or hyphens "
        "(e.g. UBND, VPUBND, TTg, HĐTĐKT)",
    },
    # A ký hiệu (viet_tat, a don_vi key) in mixed case: printed in Số, ký hiệu, failed by verify.
    "wording.abbreviation_case": {
        "vi": "ký hiệu '{value}' được in trong số, ký hiệu văn bản ({where}), mà ký hiệu viết "
        "bằng chữ in hoa (Nghị định 30, Phụ lục I, ô 3; vanthu verify báo lỗi so_ky_hieu.case); "
        "hãy viết '{upper}'{also}",
        "en": "the abbreviation '{value}' is printed in the document's Số, ký hiệu ({where}), "
        "which is written in capitals (Decree 30, Phụ lục I, ô 3; vanthu verify fails it as "
        "so_ky_hieu.case); write '{upper}'{also}",
    },
    "wording.abbreviation_case_agency": {
        "vi": "«Số: 01/QĐ-{value}»", "en": "«Số: 01/QĐ-{value}»",
    },
    "wording.abbreviation_case_unit": {
        "vi": "công văn của đơn vị in «Số: 01/...-{value}»",
        "en": "the unit's Công văn print «Số: 01/...-{value}»",
    },
    # A don_vi key with a hyphen, space or dot ("TC-HC"): after the agency's part in ký hiệu.
    "wording.unit_abbreviation_letters": {
        "vi": "ký hiệu đơn vị '{value}' được in sau dấu gạch nối trong số, ký hiệu văn bản "
        "(«Số: 01/...-{value}»), nên chỉ gồm chữ cái và chữ số: có dấu gạch, dấu cách hay dấu "
        "chấm thì không còn biết đâu là ký hiệu cơ quan, đâu là ký hiệu đơn vị (vanthu verify "
        "đọc sai); hãy viết '{fixed}'{also}",
        "en": "the unit abbreviation '{value}' is printed after a hyphen in the document's Số, "
        "ký hiệu («Số: 01/...-{value}»), so it is letters and digits only: with a hyphen, space "
        "or dot the agency's part and the unit's can no longer be told apart (vanthu verify "
        "reads it wrongly); write '{fixed}'{also}",
    },
    "wording.abbreviation_case_unit_also": {
        "vi": ", và sửa don_vi_soan_thao: {upper} trong các văn bản của đơn vị này",
        "en": ", and correct don_vi_soan_thao: {upper} in this unit's documents",
    },
    # TM. (thay mặt) before a person's title: TM. is for a collective body only (ô 7a).
    "wording.tm_for_a_person": {
        "vi": "người ký '{signer}' ký «TM. {title}», mà TM. (thay mặt) chỉ dùng khi ký thay mặt "
        "một tập thể (Ủy ban nhân dân, Hội đồng, Ban Thường vụ ...; Nghị định 30, Phụ lục I, "
        "ô 7a); «{title}» là chức vụ của một người. {advice}",
        "en": "the signer '{signer}' signs «TM. {title}», but TM. (on behalf of) is only for "
        "signing on behalf of a collective body (Ủy ban nhân dân, Hội đồng, Ban Thường vụ ...; "
        "Decree 30, Phụ lục I, ô 7a); «{title}» is a person's title. {advice}",
    },
    "wording.tm_advice_deputy": {
        "vi": "Cấp phó ký thay người đứng đầu ghi tham_quyen: KT. (in «KT. {title}»); ký thừa "
        "lệnh ghi TL., thừa ủy quyền ghi TUQ.",
        "en": "A deputy signing for the head writes tham_quyen: KT. (printed «KT. {title}»); "
        "signing by order, TL.; by authorisation, TUQ.",
    },
    "wording.tm_advice_own": {
        "vi": "Người đứng đầu ký bằng chức vụ của mình: bỏ tham_quyen và thay_cho",
        "en": "A head signs under their own title: remove tham_quyen and thay_cho",
    },
    "wording.tm_advice_deputy_lines": {
        "vi": "Cấp phó ký thay người đứng đầu viết dòng «KT. {title}»; ký thừa lệnh «TL. ...», "
        "thừa ủy quyền «TUQ. ...»",
        "en": "A deputy signing for the head writes the line «KT. {title}»; signing by order "
        "«TL. ...», by authorisation «TUQ. ...»",
    },
    "wording.tm_advice_own_lines": {
        "vi": "Người đứng đầu ký bằng chức vụ của mình: bỏ dòng «TM. {title}» khỏi chuc_vu",
        "en": "A head signs under their own title: remove the line «TM. {title}» from chuc_vu",
    },
    # Why a value was refused (pipeline/model/errors.py), by the validation error's type.
    "value.empty": {"vi": "không được để trống", "en": "must not be empty"},
    "value.too_short_text": {
        "vi": "cần ít nhất {min_length} ký tự",
        "en": "needs at least {min_length} characters",
    },
    "value.too_long_text": {
        "vi": "nhiều nhất {max_length} ký tự",
        "en": "at most {max_length} characters",
    },
    "value.empty_list": {
        "vi": "phải có ít nhất 1 mục (danh sách đang trống)",
        "en": "must have at least 1 item (the list is empty)",
    },
    "value.too_few_items": {
        "vi": "cần ít nhất {min_length} mục",
        "en": "needs at least {min_length} items",
    },
    "value.too_many_items": {
        "vi": "nhiều nhất {max_length} mục",
        "en": "at most {max_length} items",
    },
    "value.at_least": {"vi": "phải từ {ge} trở lên", "en": "must be {ge} or more"},
    "value.more_than": {"vi": "phải lớn hơn {gt}", "en": "must be more than {gt}"},
    "value.at_most": {"vi": "phải không quá {le}", "en": "must be at most {le}"},
    "value.less_than": {"vi": "phải nhỏ hơn {lt}", "en": "must be less than {lt}"},
    "value.integer": {"vi": "phải là số nguyên", "en": "must be a whole number"},
    "value.number": {"vi": "phải là số", "en": "must be a number"},
    "value.yes_no": {"vi": "ghi 'co' hoặc 'khong'", "en": "write 'co' or 'khong' (yes or no)"},
    "value.text": {"vi": "phải là một đoạn chữ", "en": "must be text"},
    "value.list": {
        "vi": "phải là danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
        "en": "must be a list (one item per line starting with '- ')",
    },
    # The same for data not typed as YAML (a form): no advice about lines.
    "value.list_plain": {"vi": "phải là danh sách", "en": "must be a list"},
    "value.mapping": {
        "vi": "phải là nhóm các khóa: giá trị",
        "en": "must be a group of keys and values",
    },
    "value.one_of": {"vi": "chỉ nhận {expected}", "en": "must be {expected}"},
    "value.or": {"vi": " hoặc ", "en": " or "},
    "value.pattern": {"vi": "không đúng dạng ({pattern})", "en": "wrong form ({pattern})"},
    "value.other": {"vi": "giá trị không dùng được ({kind})", "en": "unusable value ({kind})"},
    # Signer titles (s52): the line above the name is the signer's own title.
    "wording.signer_title_missing": {
        "vi": "dòng cuối của chuc_vu «{line}» là dòng quyền hạn ký ({authority}), nên trên tên "
        "người ký không có chức vụ của người ký (Nghị định 30, Phụ lục I: sau dòng TM./KT./TL./"
        "TUQ. là dòng chức vụ người ký, ví dụ «KT. CHỦ TỊCH» rồi «PHÓ CHỦ TỊCH»); thêm dòng "
        "chức vụ của người ký sau dòng đó: chuc_vu: [{lines}, <chức vụ người ký>]",
        "en": "the last line of chuc_vu «{line}» is an authority line ({authority}), so no "
        "title of the signer's own stands above the name (Decree 30, Phụ lục I: a TM./KT./TL./"
        "TUQ. line is followed by the signer's own title, e.g. «KT. CHỦ TỊCH» then «PHÓ CHỦ "
        "TỊCH»); add the signer's own title after it: chuc_vu: [{lines}, <signer's title>]",
    },
    # s55 change words: a report's change on the year before (bao_cao_tang, bao_cao_giam,
    # bao_cao_khong_doi, bao_cao_moi) may not be empty, as a table's heading may not.
    "wording.empty_phrase.empty_change": {
        "vi": "câu này không được để trống: ô «Tăng, giảm» của bảng số liệu báo cáo sẽ trống, và "
        "trong câu văn của báo cáo cả cụm trong ngoặc đơn nêu mức tăng, giảm này (cùng các số "
        "khác trong cụm, như số lượt khen thưởng) sẽ bị bỏ mất; viết chữ của cơ quan, hoặc bỏ "
        "khóa này để dùng chữ mặc định «{default}»",
        "en": "this phrase cannot be empty: the report's table of figures would print an empty "
        "«Tăng, giảm» (change) cell, and the report's text would lose the whole clause in "
        "parentheses that gives this change (with the other figures in it, such as the count "
        "of awards); write the office's own, or remove this key to use the default «{default}»",
    },
}
