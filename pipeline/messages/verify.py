"""Messages: verify — locations, rule descriptions, found/expected values, summaries.

Rule ids are '<element>.<what>': the format rules of each element (size, bold, italic, case,
align) are described as "<element>: <property>", built below from the two tables.
"""

from __future__ import annotations

# Elements of Phụ lục I, as named in rule ids.
ELEMENTS: dict[str, tuple[str, str]] = {
    "quoc_hieu": ("Quốc hiệu", "Quốc hiệu (national title)"),
    "tieu_ngu": ("Tiêu ngữ", "Tiêu ngữ (motto)"),
    "co_quan_chu_quan": ("Tên cơ quan chủ quản", "Parent agency name"),
    "co_quan": ("Tên cơ quan ban hành", "Issuing agency name"),
    "so_ky_hieu": ("Số, ký hiệu", "Number and code (Số, ký hiệu)"),
    "trich_yeu_cong_van": ("Trích yếu công văn (V/v)", "Subject of an official letter (V/v)"),
    "dia_danh_ngay": ("Địa danh, ngày tháng", "Place and date line"),
    "ten_loai": ("Tên loại văn bản", "Document type name"),
    "trich_yeu": ("Trích yếu nội dung", "Subject line (trích yếu)"),
    "tham_quyen_ban_hanh": ("Thẩm quyền ban hành", "Issuing authority line"),
    "quyet_dinh": ('Chữ "QUYẾT ĐỊNH:"', 'The word "QUYẾT ĐỊNH:"'),
    "kinh_gui": ('Dòng "Kính gửi:"', '"Kính gửi:" line'),
    "chu_ky_tham_quyen": ("Quyền hạn, chức vụ người ký", "Authority and title of the signer"),
    "chu_ky_ho_ten": ("Họ tên người ký", "Signer's name"),
    "noi_nhan_tieu_de": ('Chữ "Nơi nhận:"', '"Nơi nhận:" heading'),
    "noi_nhan": ("Dòng nơi nhận", "Recipient line"),
    "phu_luc": ('Dòng "Phụ lục"', "Appendix heading"),
    "phu_luc_tieu_de": ("Tên phụ lục", "Appendix title"),
    "phu_luc_kem_theo": ('Dòng "Kèm theo ..." của phụ lục', 'Appendix "Kèm theo ..." line'),
    "so_trang": ("Số trang", "Page number"),
    "chuong": ('Dòng "Chương I"', '"Chương I" line'),
    "chuong_tieu_de": ("Tên chương", "Chapter title"),
    "noi_dung": ("Đoạn nội dung", "Body paragraph"),
}

PROPERTIES: dict[str, tuple[str, str]] = {
    "size": ("cỡ chữ", "font size"),
    "bold": ("chữ đậm hay không đậm", "bold or regular weight"),
    "italic": ("chữ nghiêng hay đứng", "italic or upright"),
    "case": ("chữ in hoa hay in thường", "upper or regular case"),
    "align": ("căn lề", "alignment"),
}

RULES: dict[str, tuple[str, str]] = {
    "page.size": ("Khổ giấy A4 (210 × 297 mm)", "A4 paper (210 × 297 mm)"),
    "page.orientation": (
        "Trang khổ dọc; khổ ngang chỉ cho trang có bảng rộng hoặc phụ lục",
        "Portrait pages; landscape only for a wide table or an appendix",
    ),
    "page.margin": (
        "Lề trang: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm",
        "Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm",
    ),
    "font.name": (
        "Phông chữ Times New Roman (Unicode, TCVN 6909:2001)",
        "Times New Roman font (Unicode, TCVN 6909:2001)",
    ),
    "font.color": ("Chữ màu đen", "Black text"),
    "text.template_tag": ("Còn sót thẻ mẫu ({{ }}, {% %})", "Leftover template tag ({{ }}, {% %})"),
    "template.unclosed_tag": (
        "Thẻ của mẫu mở và đóng trong cùng một đoạn (mẫu không đọc được thì không kiểm tra "
        "trình bày)",
        "A template tag opens and closes within one paragraph (the layout of a template that "
        "cannot be read is not checked)",
    ),
    "text.typed_tag": (
        "Chữ trong ngoặc nhọn kép gõ trong dữ liệu, in đúng như gõ",
        "Text in double braces typed in the data, printed as typed",
    ),
    "text.nfc": ("Chữ Unicode dựng sẵn (NFC)", "Precomposed Unicode text (NFC)"),
    "text.legacy": (
        "Chữ gõ bằng bảng mã cũ (TCVN3, VNI)",
        "Text typed in a legacy code (TCVN3, VNI)",
    ),
    "so_trang.first_page": ("Không hiện số trang ở trang đầu", "No page number on the first page"),
    "so_trang.missing": (
        "Đánh số trang ở đầu trang, từ trang thứ hai",
        "Page numbers in the header, from the second page",
    ),
    "so_trang.position": (
        "Số trang ở lề trên, không ở chân trang",
        "Page numbers in the top margin, not in the footer",
    ),
    "so_trang.arabic": ("Số trang bằng chữ số Ả Rập", "Page numbers in Arabic numerals"),
    "so_trang.restart": (
        "Phụ lục đánh số trang riêng, từ 1",
        "An appendix numbers its pages on its own, from 1",
    ),
    "so_trang.start": (
        "Số trang bắt đầu từ 1 (trang đầu không in số, trang thứ hai in số 2)",
        "Page numbers start at 1 (the first page prints none, the second prints 2)",
    ),
    "quoc_hieu.missing": ("Có Quốc hiệu", "Quốc hiệu present"),
    "quoc_hieu.text": ("Quốc hiệu đúng chữ", "Quốc hiệu spelt exactly"),
    "quoc_hieu.one_line": ("Quốc hiệu trên một dòng", "Quốc hiệu on one line"),
    "co_quan.wraps": (
        "Tên cơ quan chỉ xuống dòng ở chỗ cơ quan ngắt (dòng không rộng hơn cột)",
        "An agency name breaks only where the office breaks it (no line wider than its column)",
    ),
    "tieu_ngu.missing": ("Có Tiêu ngữ dưới Quốc hiệu", "Tiêu ngữ under Quốc hiệu"),
    "tieu_ngu.text": (
        "Tiêu ngữ đúng chữ, gạch nối có cách chữ hai bên",
        "Tiêu ngữ spelt exactly, hyphens with a space on each side",
    ),
    "tieu_ngu.rule": ("Đường kẻ dưới Tiêu ngữ", "Rule under Tiêu ngữ"),
    "tieu_ngu.rule_length": (
        "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ",
        "Rule under Tiêu ngữ as long as the text",
    ),
    "tieu_ngu.rule_position": ("Đường kẻ dưới Tiêu ngữ căn giữa", "Rule under Tiêu ngữ centred"),
    "co_quan.missing": ("Có tên cơ quan ban hành", "Issuing agency present"),
    "co_quan.abbreviated": (
        "Tên cơ quan ban hành viết đầy đủ, không viết tắt (chỉ tên cơ quan chủ quản được viết "
        "tắt UBND, HĐND ...; trong hồ sơ cơ quan: ten_co_quan)",
        "The issuing agency's name in full, not abbreviated (only the parent body's name may "
        "shorten UBND, HĐND ...; in the agency profile: ten_co_quan)",
    ),
    "co_quan.rule": ("Đường kẻ dưới tên cơ quan ban hành", "Rule under the issuing agency"),
    "co_quan.rule_length": (
        "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ",
        "Rule under the agency 1/3–1/2 of the text's length",
    ),
    "co_quan.rule_position": (
        "Đường kẻ dưới tên cơ quan căn giữa",
        "Rule under the agency centred",
    ),
    "so_ky_hieu.missing": ("Có số, ký hiệu văn bản", "Number and code present"),
    "trich_yeu_cong_van.missing": (
        "Công văn có trích yếu “V/v ...” dưới số, ký hiệu",
        "An official letter has its “V/v ...” subject under the number",
    ),
    "bo_cuc.order": (
        "Các phần của văn bản theo thứ tự của Phụ lục I",
        "The parts of the document in Phụ lục I's order",
    ),
    "phan_dau.missing": (
        "Có phần đầu văn bản (Quốc hiệu, Tiêu ngữ, tên cơ quan, số, ký hiệu, địa danh, ngày tháng)",
        "The document has its header (Quốc hiệu, motto, agency, number, place and date)",
    ),
    "kinh_gui.missing": (
        "Công văn, tờ trình có dòng “Kính gửi:”",
        "An official letter or submission has its “Kính gửi:” line",
    ),
    "noi_nhan.nhu_tren": (
        "Nơi nhận của văn bản có “Kính gửi” bắt đầu bằng “- Như trên;” (có thể ghi mục đích "
        "trong ngoặc: “- Như trên (để thực hiện);”)",
        "Recipients of an addressed document start with “- Như trên;” (a purpose may follow "
        "in brackets: “- Như trên (để thực hiện);”)",
    ),
    "noi_nhan.nhu_dieu": (
        "Nơi nhận của quyết định gửi những người thi hành: “- Như Điều 3;” (điều thi hành của "
        "quyết định), hoặc mở đầu bằng một nơi điều ấy giao thi hành",
        "A decision's Nơi nhận addresses those who execute it: “- Như Điều 3;” (the decision's "
        "execution article), or it opens with one of those that article charges with it",
    ),
    "giay_khen.mot_ten": (
        "Giấy khen: mỗi trang in một tên (một người hoặc một tập thể)",
        "Certificates: one name per page (one person or collective)",
    ),
    "giay_khen.trang_trang": (
        "Giấy khen: không có trang trắng (kể cả trang cuối)",
        "Certificates: no blank page (the last one included)",
    ),
    "giay_khen.ten_mot_dong": (
        "Giấy khen: tên nằm trên một dòng của ô tên",
        "Certificates: the name stays on one line of its field",
    ),
    "giay_khen.trong_trang": (
        "Giấy khen: mọi ô nằm trong trang giấy (phôi)",
        "Certificates: every field lies inside the paper (phôi)",
    ),
    "giay_khen.du_cho": (
        "Giấy khen: chữ của mỗi ô kết thúc trước ô bên dưới (không in đè), trong chiều cao cố "
        "định của ô và trong tờ giấy",
        "Certificates: each field's text ends before the field below it (no overprinting), "
        "within the field's exact height and on the paper",
    ),
    "giay_khen.so_vao_so": (
        "Giấy khen: số vào sổ in trên trang là số đợt khen cấp cho người có tên trên trang",
        "Certificates: the số vào sổ a page prints is the one the batch gives the person it names",
    ),
    "giay_moi.kinh_moi": (
        "Giấy mời có lời “Trân trọng kính mời: ...”",
        "An invitation has its “Trân trọng kính mời: ...”",
    ),
    "bien_ban.thu_ky": (
        "Biên bản có chữ ký “THƯ KÝ” bên trái",
        "Minutes signed “THƯ KÝ” (secretary) on the left",
    ),
    "bien_ban.chu_toa": (
        "Biên bản có chữ ký “CHỦ TỌA” bên phải",
        "Minutes signed “CHỦ TỌA” (chair) on the right",
    ),
    "bien_ban.thu_ky_ho_ten": ("Có họ tên thư ký dưới chữ ký", "Secretary's name under the title"),
    "bien_ban.chuc_vu": (
        "Phần thành phần của biên bản ghi chức vụ như trong câu văn, không chép khối chữ ký "
        "(TM., KT., TL., TUQ., Q.)",
        "The minutes' attendance gives each title as a sentence writes it, not the lines of a "
        "signature block (TM., KT., TL., TUQ., Q.)",
    ),
    "bien_ban.hai_nguoi_ky": (
        "Thư ký và chủ tọa là hai người khác nhau",
        "The secretary and the chair are two different people",
    ),
    "bien_ban.ket_thuc": (
        "Biên bản ghi “Cuộc họp (Hội nghị) kết thúc vào ... giờ ...”",
        "Minutes say when the meeting ended (“Cuộc họp (Hội nghị) kết thúc vào ...”)",
    ),
    "bien_ban.ty_le": (
        "Tỷ lệ biểu quyết đúng với số phiếu (tán thành a/b, đạt a/b × 100%)",
        "A vote's percentage matches its count (a/b for, a/b × 100%)",
    ),
    "noi_dung.thu": (
        "Thứ viết cạnh ngày tháng là thứ của chính ngày đó",
        "A weekday written beside a date is that date's weekday",
    ),
    "to_trinh.kinh_trinh": (
        "Tờ trình kết thúc bằng lời “Kính trình ... xem xét, quyết định”",
        "A submission closes with “Kính trình ... xem xét, quyết định”",
    ),
    "so_ky_hieu.format": (
        "Số, ký hiệu đúng dạng “Số: 05/KH-VPUBND”",
        "Number and code shaped “Số: 05/KH-VPUBND”",
    ),
    "so_ky_hieu.leading_zero": (
        "Số dưới 10 có số 0 đứng trước",
        "Numbers below 10 with a leading zero",
    ),
    "so_ky_hieu.type": (
        "Chữ viết tắt tên loại đúng Phụ lục III",
        "Type abbreviation as in Phụ lục III",
    ),
    "so_ky_hieu.case": ("Ký hiệu viết hoa", "Code in capitals"),
    "so_ky_hieu.cong_van": (
        "Ký hiệu công văn: chữ viết tắt tên cơ quan rồi tên đơn vị soạn thảo, không có chữ viết "
        "tắt tên loại (Số: 123/VPUBND-TH)",
        "An official letter's code: the agency's abbreviation then the drafting unit's, no type "
        "abbreviation (Số: 123/VPUBND-TH)",
    ),
    "dia_danh_ngay.missing": ("Có địa danh, ngày tháng", "Place and date line present"),
    "dia_danh_ngay.format": ("Địa danh, ngày tháng đúng dạng", "Place and date line shape"),
    "dia_danh_ngay.leading_zero": (
        "Ngày dưới 10 và tháng 1, 2 có số 0 đứng trước; các tháng khác không",
        "Days below 10 and months 1, 2 with a leading zero; other months without",
    ),
    "dia_danh_ngay.date": ("Ngày tháng có thật", "A date that exists"),
    "dia_danh_ngay.place": ("Địa danh viết hoa chữ đầu", "Place name capitalised"),
    "ten_loai.missing": ("Có tên loại văn bản", "Document type name present"),
    "ten_loai.text": (
        "Tên loại văn bản theo Phụ lục III, đúng loại",
        "Type name of Phụ lục III, the right type",
    ),
    "trich_yeu.missing": ("Có trích yếu nội dung", "Subject line present"),
    "tham_quyen_ban_hanh.missing": (
        "Quyết định có thẩm quyền ban hành dưới trích yếu",
        "A decision names its issuing authority under the subject line",
    ),
    "trich_yeu.rule": ("Đường kẻ dưới trích yếu", "Rule under the subject line"),
    "trich_yeu.wraps": (
        "Trích yếu chỉ xuống dòng ở chỗ văn bản ngắt (dòng không rộng hơn khổ chữ)",
        "The subject line breaks only where the document breaks it (no line wider than the "
        "text)",
    ),
    "trich_yeu.breaks": (
        "Trích yếu xuống dòng giữa các cụm từ (không để một chữ đứng riêng ở dòng cuối, không "
        "tách «năm» khỏi năm, không kết thúc dòng bằng «của», «về», «và» ...)",
        "The subject line breaks between its phrases (no word alone on the last line, no "
        "year apart from «năm», no line ending in «của», «về», «và» ...)",
    ),
    "trich_yeu.rule_length": (
        "Đường kẻ dưới trích yếu dài 1/3–1/2 dòng chữ",
        "Rule under the subject 1/3–1/2 of the line's length",
    ),
    "trich_yeu.rule_position": (
        "Đường kẻ dưới trích yếu căn giữa",
        "Rule under the subject centred",
    ),
    "tieu_ngu.rule_style": (
        "Đường kẻ dưới Tiêu ngữ là nét liền",
        "Rule under Tiêu ngữ a solid line",
    ),
    "co_quan.rule_style": (
        "Đường kẻ dưới tên cơ quan ban hành là nét liền",
        "Rule under the issuing agency a solid line",
    ),
    "trich_yeu.rule_style": (
        "Đường kẻ dưới trích yếu là nét liền",
        "Rule under the subject a solid line",
    ),
    "noi_dung.align": ("Nội dung căn đều hai bên", "Body text justified"),
    "noi_dung.indent": ("Lùi đầu dòng 1–1,27 cm", "First-line indent 1–1.27 cm"),
    "noi_dung.spacing": ("Cách đoạn ít nhất 6 pt", "At least 6 pt between paragraphs"),
    "noi_dung.line_spacing": ("Giãn dòng từ đơn đến 1,5 dòng", "Line spacing single to 1.5 lines"),
    "noi_dung.closing": ('Nội dung kết thúc bằng "./."', 'Content ends with "./."'),
    "noi_dung.closing_punctuation": (
        'Dấu "./." thay cho dấu câu cuối, không đặt sau dấu ";", ":", "," hay "./" khác',
        'The closing "./." takes the place of the last punctuation mark, not after ";", ":", '
        '"," or another "./"',
    ),
    "muc.case": ("Tên mục viết hoa (I. MỤC ĐÍCH, YÊU CẦU)", "Section title in capitals"),
    "muc.bold": ("Tên mục chữ đậm", "Section title in bold"),
    "dieu.bold": ('"Điều N." chữ đậm', '"Điều N." in bold'),
    "dieu.title_bold": (
        'Tên điều (sau "Điều N.", trên dòng riêng) chữ đậm',
        'An article\'s title (after "Điều N.", on its own line) in bold',
    ),
    "dieu.order": (
        "Các điều đánh số liền nhau từ Điều 1 (trong quy chế: liền qua các chương)",
        "Articles numbered in order from Điều 1 (in a regulation: through its chapters)",
    ),
    "chuong.order": (
        "Các chương đánh số La Mã theo thứ tự (Chương I, II, III, ...)",
        "Chapters numbered in Roman order (Chương I, II, III, ...)",
    ),
    "kem_theo.so": (
        "Dòng “kèm theo Quyết định số ...” ghi đúng số, ký hiệu của quyết định",
        "The “kèm theo Quyết định số ...” line names the decision's own number",
    ),
    "kem_theo.ngay": (
        "Dòng “kèm theo Quyết định số ... ngày ...” ghi đúng ngày của quyết định",
        "The “kèm theo Quyết định ... ngày ...” line names the decision's own date",
    ),
    "diem.order": (
        "Điểm theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, ...)",
        "Points in Vietnamese letter order (a, b, c, d, đ, e, ...)",
    ),
    "can_cu.italic": ("Căn cứ ban hành chữ nghiêng", "Legal bases in italics"),
    "can_cu.punctuation": (
        'Mỗi căn cứ kết thúc bằng ";", căn cứ cuối bằng "." (câu "Xét đề nghị" có thể bằng ",")',
        'Each basis ends with ";", the last with "." (a "Xét đề nghị" line may end with ",")',
    ),
    "can_cu.doubled": (
        'Cụm mở đầu không lặp lại ("Theo đề nghị của Xét đề nghị ...")',
        'No doubled opening phrase ("Theo đề nghị của Xét đề nghị ...")',
    ),
    "noi_nhan.missing": ("Có phần nơi nhận", "Nơi nhận present"),
    "noi_nhan_tieu_de.text": ('Tiêu đề "Nơi nhận:"', 'Heading "Nơi nhận:"'),
    "noi_nhan.dash": ('Nơi nhận bắt đầu bằng "- "', 'Recipient lines start with "- "'),
    "noi_nhan.empty": (
        "Mỗi dòng nơi nhận ghi một nơi nhận",
        "Each recipient line names a recipient",
    ),
    "dieu.empty": ("Điều có nội dung", "Every article has content"),
    "noi_nhan.semicolon": ('Nơi nhận kết thúc bằng ";"', 'Recipient lines end with ";"'),
    "noi_nhan.repeated": (
        "Mỗi nơi nhận ghi một lần (không có dòng nơi nhận lặp lại)",
        "Each recipient named once (no recipient line repeated)",
    ),
    "noi_nhan.last": (
        'Dòng cuối "- Lưu: VT, ..." kết thúc bằng "."',
        'Last line "- Lưu: VT, ..." ending with "."',
    ),
    "chu_ky.missing": (
        "Có phần ký (quyền hạn, chức vụ, họ tên người ký)",
        "Signature block present",
    ),
    "chu_ky.authority": (
        "Ký thay, ký thừa lệnh... có dòng chức vụ người ký",
        "TM./KT./TL./TUQ. followed by the signer's own title",
    ),
    "chu_ky.tm": (
        "Dòng TM. khớp thẩm quyền ban hành (của tập thể: ký TM.; của người đứng đầu: không TM.)",
        "The TM. line agrees with the issuing authority (a collective body's: signed TM.; a "
        "head's own: no TM.)",
    ),
    "chu_ky.delegated": (
        "Quyết định không ký thừa lệnh, thừa ủy quyền (TL., TUQ.)",
        "A decision is not signed on the head's order or authorization (TL., TUQ.)",
    ),
    "chu_ky_ho_ten.missing": ("Có họ tên người ký", "Signer's name present"),
    "header.borders": (
        "Quốc hiệu, tên cơ quan, số, ngày tháng trình bày trong bảng không kẻ khung",
        "Quốc hiệu, agency, number and date laid out in a table without borders",
    ),
    "header.columns": (
        "Quốc hiệu, Tiêu ngữ ở góc phải; tên cơ quan, số, ký hiệu ở góc trái",
        "Quốc hiệu and Tiêu ngữ top right; the agency, number and code top left",
    ),
    "chu_ky.borders": (
        "Nơi nhận và phần ký trình bày trong bảng không kẻ khung",
        "Nơi nhận and the signature laid out in a table without borders",
    ),
    "chu_ky.position": (
        "Phần ký ở cột phải, nơi nhận ở cột trái của bảng",
        "Signature in the right column of its table, Nơi nhận in the left one",
    ),
    "chu_ky.seal_space": (
        "Khoảng trống để ký, đóng dấu giữa chức vụ và họ tên người ký khoảng 3–4 dòng",
        "About 3–4 blank lines between the signer's title and name for the signature and seal",
    ),
    "quyet_dinh.missing": (
        'Dòng "QUYẾT ĐỊNH:" trước các điều của quyết định',
        'A "QUYẾT ĐỊNH:" line before the articles of a decision',
    ),
    "quyet_dinh.colon": (
        'Chữ "QUYẾT ĐỊNH:" trước các điều có dấu hai chấm',
        'The "QUYẾT ĐỊNH:" before the articles has its colon',
    ),
    "chu_ky_tham_quyen.wraps": (
        "Quyền hạn, chức vụ người ký chỉ xuống dòng ở chỗ cơ quan ngắt "
        "(dòng không rộng hơn cột ký)",
        "The signer's authority and title break only where the office breaks them "
        "(no line wider than the signature's column)",
    ),
    "chu_ky_ho_ten.wraps": (
        "Họ tên người ký trên một dòng (không rộng hơn cột ký)",
        "The signer's name on one line (no wider than the signature's column)",
    ),
    "bang.header_repeat": (
        "Hàng tiêu đề bảng lặp lại ở mỗi trang",
        "Table header row repeats on every page",
    ),
    "bang.width": (
        "Bảng nằm trong trang: lấn vào lề trái, lề phải không quá 5 mm (như bảng đầu trang "
        "vanthu giãn cho tên cơ quan dài), không ra ngoài mép giấy",
        "A table stays on its page: at most 5 mm into the left or right margin (as far as "
        "vanthu widens the header table for a long agency name), never past the paper's edge",
    ),
    "bang.so_tien_mot_dong": (
        "Số tiền trong bảng (danh sách, phụ lục, bảng số liệu của báo cáo) nằm trên một dòng "
        "của ô",
        "An amount in a table (a list, an appendix, a report's table of figures) stays on one "
        "line of its cell",
    ),
}

VALUES: dict[str, tuple[str, str]] = {
    "header_table": (
        "bảng đầu trang (tên cơ quan, Quốc hiệu, số, ngày tháng)",
        "the header table (agency, Quốc hiệu, number, date)",
    ),
    "table_n": ("bảng {table}", "table {table}"),
    "table_reach": (
        "{part} rộng {width} mm, lấn {reach} mm vào lề",
        "{part} {width} mm wide, reaching {reach} mm into the margin",
    ),
    "table_off_paper": (
        "{part} rộng {width} mm, vượt ra ngoài mép giấy {past} mm (khổ giấy rộng {paper} mm): "
        "phần chữ ở đó không in ra",
        "{part} {width} mm wide, {past} mm past the paper's edge (the paper is {paper} mm "
        "wide): the text there does not print",
    ),
    "table_limit": (
        "rộng tối đa {limit} mm (vùng chữ {text} mm, thêm {overhang} mm mỗi bên lề), căn giữa; "
        "sửa độ rộng bảng, cột trong mẫu (Table Properties) hoặc chép lại mẫu có sẵn",
        "at most {limit} mm wide (the text area's {text} mm and {overhang} mm into each "
        "margin), centred; correct the table's and columns' widths in the template (Table "
        "Properties) or copy the built-in template again",
    ),
    "quoted": ("«{text}»", "«{text}»"),
    "size": ("{size} pt", "{size} pt"),
    "bold": ("chữ đậm", "bold"),
    "not_bold": ("chữ không đậm", "not bold"),
    "italic": ("chữ nghiêng", "italic"),
    "not_italic": ("chữ đứng", "upright"),
    "upper": ("chữ in hoa", "capitals"),
    "mixed_case": ("có chữ in thường", "lower-case letters"),
    "not_upper": ("chữ in thường (không in hoa cả dòng)", "regular case (not all capitals)"),
    "align_left": ("căn trái", "left-aligned"),
    "align_center": ("căn giữa", "centred"),
    "align_right": ("căn phải", "right-aligned"),
    "align_both": ("căn đều hai bên", "justified"),
    "align_distribute": ("dàn đều", "distributed"),
    "align_other": ("căn lề “{value}”", "alignment “{value}”"),
    "undeclared": ("không khai báo", "not declared"),
    "a4": ("A4, 210 × 297 mm", "A4, 210 × 297 mm"),
    "paper": ("{width} × {height} mm", "{width} × {height} mm"),
    "landscape": ("khổ ngang", "landscape"),
    "portrait": ("khổ dọc", "portrait"),
    "margin_top": ("lề trên {mm} mm", "top margin {mm} mm"),
    "margin_bottom": ("lề dưới {mm} mm", "bottom margin {mm} mm"),
    "margin_left": ("lề trái {mm} mm", "left margin {mm} mm"),
    "margin_right": ("lề phải {mm} mm", "right margin {mm} mm"),
    "page_number_shown": ("trang đầu có số trang", "the first page shows a page number"),
    "page_number_hidden": ("trang đầu không có số trang", "no page number on the first page"),
    "in_footer": ("ở chân trang", "in the footer"),
    "in_header": ("ở đầu trang", "in the header"),
    "absent": ("không có", "none"),
    "part.header": (
        "phần đầu (Quốc hiệu, số, ngày tháng)", "the header (Quốc hiệu, number, date)"
    ),
    "part.title": ("tên loại và trích yếu", "the type name and subject"),
    "part.addressed": ("Kính gửi", "Kính gửi"),
    "part.body": ("nội dung", "the body"),
    "part.signature": ("chữ ký và nơi nhận", "the signature and Nơi nhận"),
    "part.attached": ("phụ lục", "the appendix"),
    "part.header_block": (
        "Quốc hiệu, Tiêu ngữ, tên cơ quan, số, ký hiệu, địa danh và ngày tháng ở đầu văn bản",
        "Quốc hiệu, motto, agency, number and code, place and date at the top of the document",
    ),
    "part_list": ("{head}, {tail}", "{head}, {tail}"),
    "part_arrow": ("{head} → {tail}", "{head} → {tail}"),
    "part_order": ("theo thứ tự {order}", "in this order: {order}"),
    "part_after": ("{part} đứng sau {others} («{text}»)", "{part} after {others} («{text}»)"),
    "part_before": ("{part} đứng trước {others} («{text}»)", "{part} before {others} («{text}»)"),
    "blank_page": ("trang {page} trắng", "page {page} blank"),
    "one_certificate": ("mỗi trang một giấy khen", "one certificate per page"),
    "names": ("{count} tên ở trang {page}", "{count} names on page {page}"),
    "one_name": ("một tên", "one name"),
    "book_number_printed": (
        "trang {page}, «{name}»: số vào sổ {number}",
        "page {page}, «{name}»: số vào sổ {number}",
    ),
    "book_number_missing": (
        "trang {page}, «{name}»: không in số vào sổ",
        "page {page}, «{name}»: no số vào sổ printed",
    ),
    "book_number_given": (
        "số vào sổ {number}, số đợt khen cấp cho người này ({manifest})",
        "số vào sổ {number}, the one the batch gives this person ({manifest})",
    ),
    "book_number_unknown": (
        "tên có trong sổ của đợt khen ({manifest}); tên này không có",
        "a name the batch's record holds ({manifest}); this one it does not",
    ),
    "field_lines": (
        "trang {page}, ô {field} (rộng {width} mm): {lines} dòng cỡ {size} pt, cao {height} mm",
        "page {page}, field {field} ({width} mm wide): {lines} lines at {size} pt, {height} mm "
        "high",
    ),
    "field_lines_named": (
        "trang {page}, ô {field} (rộng {width} mm): {lines} dòng cỡ {size} pt, cao {height} mm "
        "(giấy khen của «{name}»)",
        "page {page}, field {field} ({width} mm wide): {lines} lines at {size} pt, {height} mm "
        "high (the certificate of «{name}»)",
    ),
    "field_lines_pages": (
        "trang {pages} ({count} trang), ô {field} (rộng {width} mm): cùng {lines} dòng cỡ "
        "{size} pt, cao {height} mm",
        "pages {pages} ({count} pages), field {field} ({width} mm wide): the same {lines} lines "
        "at {size} pt, {height} mm high",
    ),
    "field_room_below": (
        "chữ kết thúc trong {mm} mm, trước ô {below} bên dưới: viết gọn chữ, hoặc trong mẫu dời "
        "ô {below} xuống hay nới rộng ô này",
        "the text ending within {mm} mm, before the field {below} below it: shorter text, or in "
        "the template the field {below} moved down or this field widened",
    ),
    "field_room_exact": (
        "chữ trong chiều cao cố định {mm} mm của ô (phần thừa bị cắt): viết gọn chữ, hoặc nới "
        "ô trong mẫu",
        "the text within the field's exact height of {mm} mm (the rest is cut off): shorter "
        "text, or a larger field in the template",
    ),
    "field_room_paper": (
        "chữ kết thúc trong {mm} mm, trước mép dưới tờ giấy",
        "the text ending within {mm} mm, before the paper's bottom edge",
    ),
    "field_box": (
        "ô từ ({x}, {y}) đến ({right}, {bottom}) mm",
        "a field from ({x}, {y}) to ({right}, {bottom}) mm",
    ),
    "once": ("cụm mở đầu một lần", "the opening phrase once"),
    "page_field": ("trường PAGE ở đầu trang", "a PAGE field in the header"),
    "font": ("{font}", "{font}"),
    "colour": ("màu {colour}", "colour {colour}"),
    "black": ("màu đen", "black"),
    "whole_tag": (
        "thẻ đóng bằng '}}' hoặc '%}' trong cùng đoạn; một thẻ không đóng nuốt mất phần sau "
        "của văn bản",
        "the tag closed by '}}' or '%}' in the same paragraph; a tag left open swallows the "
        "rest of the document",
    ),
    "no_tag": ("không còn thẻ mẫu", "no template tag"),
    "typed_tag": (
        "không phải thẻ mẫu sót lại (tên trường của mẫu không có dấu); giữ nguyên nếu văn bản "
        "cần đúng chữ này, nếu không thì sửa trong tệp dữ liệu",
        "not a leftover template tag (template field names have no diacritics); keep it if the "
        "document means this text, else correct the data file",
    ),
    "not_nfc": ("ký tự tổ hợp (không phải NFC)", "decomposed characters (not NFC)"),
    "nfc": ("Unicode dựng sẵn (NFC)", "precomposed Unicode (NFC)"),
    "legacy": ("chữ gõ bằng bảng mã {encoding}", "text typed in {encoding}"),
    "unicode": ("chữ Unicode", "Unicode text"),
    "type_name": (
        "tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH, ...)",
        "a type name (KẾ HOẠCH, QUYẾT ĐỊNH, ...)",
    ),
    "type_names": ("một tên loại của Phụ lục III", "a type name of Phụ lục III"),
    "trich_yeu": ("trích yếu nội dung dưới tên loại", "a subject line under the type name"),
    "issuing_authority": (
        "thẩm quyền ban hành dưới trích yếu, chữ in hoa, đậm, căn giữa (ỦY BAN NHÂN DÂN TỈNH "
        "..., CHỦ TỊCH ỦY BAN NHÂN DÂN ...)",
        "the issuing authority under the subject line, in bold capitals, centred (ỦY BAN NHÂN "
        "DÂN TỈNH ..., CHỦ TỊCH ỦY BAN NHÂN DÂN ...)",
    ),
    "several_lines": ("quá một dòng", "more than one line"),
    "one_line": ("một dòng", "one line"),
    "agency_lines": (
        "ngắt dòng trong dữ liệu (danh sách các dòng), hoặc cột rộng hơn",
        "line breaks in the data (a list of lines), or a wider column",
    ),
    "agency": ("tên cơ quan ban hành", "the issuing agency's name"),
    "signer_lines": (
        "mỗi dòng vừa cột ký: ngắt dòng ở chỗ cơ quan ngắt (trong hồ sơ cơ quan: chuc_vu là "
        "danh sách các dòng, kể cả dòng TM./KT./TL.), hoặc chức vụ ngắn hơn",
        "each line fitting the signature's column: break it where the office does (in the "
        "office profile: chuc_vu as a list of lines, the TM./KT./TL. line included), or a "
        "shorter title",
    ),
    "signer_name_line": (
        "họ tên vừa một dòng của cột ký (dòng này rộng hơn cột)",
        "a name that fits one line of the signature's column (this one is wider)",
    ),
    "rule_full": ("đường kẻ nét liền dài bằng dòng chữ", "a solid rule as long as the text"),
    "rule_part": (
        "đường kẻ nét liền dài 1/3–1/2 dòng chữ",
        "a solid rule 1/3–1/2 of the text's length",
    ),
    "rule_length": (
        "dài {length} pt ({ratio} độ dài dòng chữ)",
        "{length} pt long ({ratio} of the text)",
    ),
    "rule_range": ("{low}–{high} pt (dòng chữ dài {text} pt)", "{low}–{high} pt (text {text} pt)"),
    "number_shape": (
        "Số: 05/KH-VPUBND (các nhóm nối bằng “-”, không dấu cách)",
        "Số: 05/KH-VPUBND (groups joined by “-”, no spaces)",
    ),
    "void_number": (
        "«{number}» là số đã hủy trong sổ năm {year}",
        "«{number}», a number voided in the {year} register",
    ),
    "void_number_why": (
        "«{number}» là số đã hủy trong sổ năm {year} (lý do hủy: {reason})",
        "«{number}», a number voided in the {year} register (reason: {reason})",
    ),
    "live_number": (
        "một số còn hiệu lực trong sổ năm {year} (văn bản so: tu_dong: chạy vanthu build để "
        "được cấp số mới; số ghi tay: ghi số khác)",
        "a live number in the {year} register (a so: tu_dong document: run vanthu build for a "
        "new number; a number written by hand: write another one)",
    ),
    "abbreviation_of": ("{abbreviation} ({name})", "{abbreviation} ({name})"),
    "date_shape": ("Sơn La, ngày 05 tháng 02 năm 2022", "Sơn La, ngày 05 tháng 02 năm 2022"),
    "real_date": ("một ngày có thật", "a date that exists"),
    "cm": ("{value} cm", "{value} cm"),
    "pt": ("{value} pt", "{value} pt"),
    "pt_min": ("ít nhất {value} pt", "at least {value} pt"),
    "lines": ("{value} dòng", "{value} lines"),
    "indent_range": ("1–1,27 cm", "1–1.27 cm"),
    "line_range": ("1–1,5 dòng", "1–1.5 lines"),
    "archive_line": ("- Lưu: VT, <đơn vị soạn thảo>.", "- Lưu: VT, <drafting unit>."),
    "signature": ("quyền hạn, chức vụ, họ tên người ký", "authority, title and signer's name"),
    "signer_title": (
        "dòng chức vụ người ký dưới dòng TM./KT./TL./TUQ. (chỉ «Q. <chức vụ người đứng đầu>» "
        "không cần)",
        "the signer's own title under the TM./KT./TL./TUQ. line (only «Q. <head's title>» "
        "needs none)",
    ),
    "decision_signer_of": (
        "thẩm quyền ban hành «{authority}»: «{title}» ký, hoặc cấp phó ký «KT. {title}»; thừa "
        "lệnh, thừa ủy quyền (TL., TUQ.) dành cho văn bản khác (bỏ qua nếu quy chế làm việc của "
        "cơ quan cho ký như vậy)",
        "issuing authority «{authority}»: signed «{title}», or «KT. {title}» by a deputy; TL. "
        "and TUQ. are for other documents (ignore this if the office's working rules allow it)",
    ),
    "decision_signer": (
        "người đứng đầu ký, hoặc cấp phó ký «KT.»; thừa lệnh, thừa ủy quyền (TL., TUQ.) dành "
        "cho văn bản khác (bỏ qua nếu quy chế làm việc của cơ quan cho ký như vậy)",
        "signed by the head, or «KT.» by a deputy; TL. and TUQ. are for other documents "
        "(ignore this if the office's working rules allow it)",
    ),
    "signer": ("họ tên người ký", "the signer's name"),
    "other_signer": (
        "họ tên người ghi biên bản, khác họ tên chủ tọa",
        "the name of whoever took the minutes, not the chair's",
    ),
    "tm_needed": (
        "dòng đầu «TM. <tập thể>»: thẩm quyền ban hành «{authority}» là của tập thể (hoặc sửa "
        "thẩm quyền ban hành nếu văn bản thuộc thẩm quyền của người đứng đầu)",
        "a first line «TM. <body>»: the issuing authority «{authority}» is a collective body "
        "(or correct the issuing authority if the document is in its head's own authority)",
    ),
    "tm_not_needed": (
        "không có dòng TM.: thẩm quyền ban hành «{authority}» là của người đứng đầu; ký «KT. "
        "{title}» và chức vụ cấp phó, hoặc «{title}» (hồ sơ Ủy ban, Hội đồng do vanthu init tạo: "
        "người ký *-ca-nhan)",
        "no TM. line: the issuing authority «{authority}» is the head's own; signed «KT. "
        "{title}» and the deputy's title, or «{title}» (in a vanthu init profile of an Ủy ban "
        "or a Hội đồng: the *-ca-nhan signers)",
    ),
    "seal_space": (
        "khoảng trống {lines} dòng ({pt} pt)",
        "a space of {lines} lines ({pt} pt)",
    ),
    "seal_space_needed": (
        "khoảng 3–4 dòng trống cỡ chữ {size} pt (ít nhất {pt} pt): thêm đoạn trống hoặc "
        "khoảng cách đoạn giữa dòng chức vụ cuối và họ tên",
        "about 3–4 blank lines of {size} pt (at least {pt} pt): add empty paragraphs or "
        "paragraph spacing between the last title line and the name",
    ),
    "seal_space_most": (
        "khoảng 3–4 dòng trống cỡ chữ {size} pt (không quá chừng {pt} pt): bớt đoạn trống hoặc "
        "khoảng cách đoạn giữa dòng chức vụ cuối và họ tên",
        "about 3–4 blank lines of {size} pt (no more than some {pt} pt): remove empty "
        "paragraphs or paragraph spacing between the last title line and the name",
    ),
    "decision_label": (
        '"QUYẾT ĐỊNH:" trên một dòng riêng trước Điều 1 (chữ in hoa, đậm, căn giữa)',
        '"QUYẾT ĐỊNH:" on a line of its own before Điều 1 (upper-case, bold, centred)',
    ),
    "dash_only": (
        "dòng chỉ có dấu gạch ngang, không có chữ",
        "a line with only a dash and no text",
    ),
    "recipient": (
        '"- " rồi tên nơi nhận (hoặc bỏ dòng này)',
        '"- " then the recipient (or no such line)',
    ),
    "recipient_once": (
        "nơi nhận này một lần: đã có ở {first}; bỏ dòng lặp lại (văn bản dựng từ bản sao "
        "khối ký tên cũ của cơ quan: sao chép lại mẫu mới rồi dựng lại)",
        "this recipient once: it is already at {first}; remove the repeated line (a document "
        "made from the office's old copy of the signature block: copy the new template again "
        "and make it again)",
    ),
    "title_lines": (
        "xuống dòng giữa các cụm từ, như vanthu ngắt ở khổ chữ này: {lines} (xuống dòng bằng "
        "Shift+Enter)",
        "line breaks between its phrases, as vanthu breaks it at this width: {lines} (a line "
        "break is Shift+Enter)",
    ),
    "title_break": (
        "xuống dòng sau «{cut}{before}», dòng sau là «{after}»",
        "a line break after «{cut}{before}», the next line being «{after}»",
    ),
    "line_start": ("dòng bắt đầu «{text}»", "a line starting «{text}»"),
    "line_end": ("dòng kết thúc «{text}»", "a line ending «{text}»"),
    "title_in_sentence": (
        "chức vụ viết như trong câu văn (Phó Chủ tịch Hội đồng ...)",
        "the title as a sentence writes it (Phó Chủ tịch Hội đồng ...)",
    ),
    "borders": ("đường kẻ ô in ra", "printed cell borders"),
    "no_borders": ("không có đường kẻ ô", "no cell borders"),
    "off_centre": (
        "căn giữa nhưng thụt lề trái {left} cm, lề phải {right} cm: dòng chữ lệch {shift} cm "
        "khỏi giữa",
        "centred but indented {left} cm left and {right} cm right: the line {shift} cm off the "
        "middle",
    ),
    "off_centre_first": (
        "căn giữa nhưng thụt lề trái {left} cm, lề phải {right} cm, dòng đầu {first} cm: dòng "
        "chữ lệch {shift} cm khỏi giữa",
        "centred but indented {left} cm left, {right} cm right and {first} cm on the first "
        "line: the line {shift} cm off the middle",
    ),
    "centred_indents": (
        "căn giữa, thụt lề trái và phải như nhau (hoặc không thụt lề)",
        "centred, with equal left and right indents (or none)",
    ),
    "edge_indent": (
        "dòng bắt đầu cách lề trái {value} cm",
        "the line starting {value} cm from the left edge",
    ),
    "left_edge": ("dòng bắt đầu sát lề trái", "the line starting at the left edge"),
    "rule_indents": (
        "đoạn mang đường kẻ thụt lề trái {left} cm, lề phải {right} cm: đường kẻ lệch {shift} cm "
        "khỏi giữa",
        "its paragraph indented {left} cm left and {right} cm right: the rule {shift} cm off "
        "the middle",
    ),
    "rule_centred": (
        "đường kẻ căn giữa: thụt lề trái và phải như nhau",
        "a centred rule: equal left and right indents",
    ),
    "stroke_dashed": ("nét đứt ({value})", "a dashed line ({value})"),
    "stroke_double": ("nét đôi ({value})", "a double line ({value})"),
    "stroke_other": ("kiểu nét «{value}»", "line style «{value}»"),
    "stroke_solid": ("đường kẻ nét liền, một nét", "a solid line, one stroke"),
    "signature_left": (
        "phần ký ở cột trái, nơi nhận ở cột phải",
        "the signature in the left column, Nơi nhận in the right one",
    ),
    "signature_right": (
        "phần ký ở cột phải, nơi nhận ở cột trái",
        "the signature in the right column, Nơi nhận in the left one",
    ),
    "header_swapped": (
        "Quốc hiệu, Tiêu ngữ ở cột trái; tên cơ quan, số, ký hiệu ở cột phải",
        "Quốc hiệu and Tiêu ngữ in the left column; the agency, number and code in the right one",
    ),
    "header_sides": (
        "Quốc hiệu, Tiêu ngữ ở cột phải; tên cơ quan, số, ký hiệu ở cột trái (đổi chỗ hai cột "
        "của bảng đầu trang)",
        "Quốc hiệu and Tiêu ngữ in the right column; the agency, number and code in the left one "
        "(swap the header table's two columns)",
    ),
    "type_first": (
        "«{code}», mở đầu bằng chữ viết tắt tên loại {abbreviation}",
        "«{code}», opening with the type abbreviation {abbreviation}",
    ),
    "no_unit": (
        "«{code}», không có chữ viết tắt tên đơn vị soạn thảo",
        "«{code}», without the drafting unit's abbreviation",
    ),
    "cong_van_code": (
        "«{code}» (công văn không có chữ viết tắt tên loại)",
        "«{code}» (an official letter has no type abbreviation)",
    ),
    "cong_van_code_unit": (
        "«{agency}-<đơn vị soạn thảo>» (chữ viết tắt tên cơ quan rồi của đơn vị soạn thảo; công "
        "văn không có chữ viết tắt tên loại)",
        "«{agency}-<drafting unit>» (the agency's abbreviation then the drafting unit's; an "
        "official letter has no type abbreviation)",
    ),
    "cong_van_code_shape": (
        "«<cơ quan>-<đơn vị soạn thảo>» (chữ viết tắt tên cơ quan rồi của đơn vị soạn thảo)",
        "«<agency>-<drafting unit>» (the agency's abbreviation then the drafting unit's)",
    ),
    "dash": (
        'dòng bắt đầu bằng dấu gạch ngang và một dấu cách: "- "',
        'a line starting with a dash and a space: "- "',
    ),
    "group_dash": (
        'dòng bắt đầu bằng "- " ("+ " chỉ cho các nơi của một nhóm, dưới dòng "- ...:" mở nhóm)',
        'a line starting with "- " ("+ " only for the members of a group, under the "- ...:" '
        "line opening it)",
    ),
    "nhu_dieu": (
        "dòng «- Như Điều {article};» gửi những người Điều {article} giao thi hành quyết định "
        "(hoặc nơi nhận đầu tiên là một trong những người ấy)",
        "a «- Như Điều {article};» line addressing those Điều {article} charges with executing "
        "the decision (or one of them as the first recipient)",
    ),
    "article_content": (
        "nội dung sau «Điều ...» (hoặc các đoạn, khoản của điều ngay dưới nó)",
        "text after «Điều ...» (or the article's paragraphs or clauses right under it)",
    ),
    "no_restart": ("số trang nối tiếp văn bản", "page numbers continuing the document"),
    "restart": (
        "phần (section) riêng, số trang bắt đầu từ 1",
        "a section of its own, page numbers from 1",
    ),
    "page_start": ("số trang bắt đầu từ {number}", "page numbers starting at {number}"),
    "no_repeat": ("hàng tiêu đề không lặp lại", "header row not repeated"),
    "repeat": ("hàng tiêu đề lặp lại ở mỗi trang", "header row repeated on every page"),
    "amount_one_line": (
        "số tiền trên một dòng: cột số tiền ({mm} mm) hẹp hơn số này, số bị ngắt xuống dòng "
        "giữa các chữ số; cần cột rộng hơn: bảng in từ mẫu riêng của cơ quan {file}, sửa độ "
        "rộng cột trong mẫu đó, hoặc sao chép lại mẫu mới của vanthu: vanthu templates copy "
        "{template} --force",
        "the amount on one line: the money column ({mm} mm) is narrower than this amount, which "
        "wraps between its digits; the column needs to be wider: the table is printed from the "
        "office's own template {file}, widen the column there, or copy vanthu's new template "
        "again: vanthu templates copy {template} --force",
    ),
    "amount_one_line_builtin": (
        "số tiền trên một dòng: cột số tiền ({mm} mm) của mẫu có sẵn của vanthu in trên một "
        "dòng số tiền đến {longest}, số này dài hơn nên bị ngắt xuống dòng giữa các chữ số; "
        "xem lại số tiền trong dữ liệu",
        "the amount on one line: the money column ({mm} mm) of vanthu's built-in template "
        "prints amounts up to {longest} on one line; this one is longer and wraps between its "
        "digits: check the amount in the data",
    ),
    "amount_one_line_rerender": (
        "số tiền trên một dòng: cột số tiền ({mm} mm) hẹp hơn số này, số bị ngắt xuống dòng "
        "giữa các chữ số; bảng này không phải bảng của mẫu đang dùng (văn bản dựng bằng phiên "
        "bản vanthu cũ hơn hoặc mẫu cũ, hay độ rộng cột bị sửa sau khi dựng): dựng lại văn bản "
        "(vanthu build, hoặc vanthu render <tệp dữ liệu>) rồi kiểm tra lại",
        "the amount on one line: the money column ({mm} mm) is narrower than this amount, which "
        "wraps between its digits; the table is not the one the templates in force print (the "
        "document was made by an earlier vanthu or with an older template, or its columns were "
        "changed after it was made): make it again (vanthu build, or vanthu render <data "
        "file>) and check it again",
    ),
}

OTHER: dict[str, tuple[str, str]] = {
    "verify.line": (
        "{where}: [{rule}] {description}: thấy {found}; cần {expected}",
        "{where}: [{rule}] {description}: found {found}; expected {expected}",
    ),
    "verify.warning_line": (
        "{where}: cảnh báo: [{rule}] {description}: thấy {found}; {expected}",
        "{where}: warning: [{rule}] {description}: found {found}; {expected}",
    ),
    "verify.summary_ok": ("{path}: đạt, không có vi phạm", "{path}: passes, no violations"),
    "verify.summary_ok_warnings": (
        "{path}: đạt, không có vi phạm ({count} cảnh báo)",
        "{path}: passes, no violations ({count} warning(s))",
    ),
    "verify.summary_fail": ("{path}: {count} vi phạm", "{path}: {count} violation(s)"),
    "verify.total": (
        "{files} tệp, {failed} tệp có vi phạm",
        "{files} files, {failed} with violations",
    ),
    "verify.total_unreadable": (
        "{files} tệp, {failed} tệp có vi phạm, {unreadable} tệp không đọc được",
        "{files} files, {failed} with violations, {unreadable} could not be read",
    ),
    "verify.loc.paragraph": ("đoạn {paragraph}", "paragraph {paragraph}"),
    "verify.loc.cell": (
        "bảng {table}, hàng {row}, ô {column}, đoạn {paragraph}",
        "table {table}, row {row}, cell {column}, paragraph {paragraph}",
    ),
    "verify.loc.table": ("bảng {table}", "table {table}"),
    "verify.loc.section": ("phần (section) {section}", "section {section}"),
    "verify.loc.part": ("đầu/chân trang {part}, đoạn {paragraph}", "{part}, paragraph {paragraph}"),
    "verify.loc.document": ("văn bản", "document"),
    "verify.no_file": ("không tìm thấy tệp", "file not found"),
    "verify.unreadable_file": (
        "không đọc được tệp (không có quyền đọc, hoặc tệp đang mở trong chương trình khác); "
        "hãy đóng tệp hoặc cho quyền đọc rồi kiểm tra lại",
        "the file could not be read (permission denied, or another program holds it open); "
        "close the file or allow reading it, then check again",
    ),
    "verify.not_docx": (
        "không phải tệp .docx đọc được ({reason})",
        "not a readable .docx file ({reason})",
    ),
    "verify.reason_empty": ("tệp rỗng, 0 byte", "the file is empty, 0 bytes"),
    "verify.reason_no_suffix": ("tên tệp không có đuôi .docx", "its name does not end in .docx"),
    "verify.reason_folder": ("đây là một thư mục", "this is a folder"),
    "verify.reason_old_doc": (
        "tệp Word 97-2003 (.doc): hãy mở trong Word hoặc LibreOffice rồi lưu lại dạng .docx",
        "a Word 97-2003 file (.doc): open it in Word or LibreOffice and save it as .docx",
    ),
    "verify.reason_damaged": (
        "tệp bị hỏng hoặc bị cắt, hoặc không phải tệp Word: hãy lấy lại tệp từ nơi gửi",
        "the file is damaged or cut short, or not a Word file: get it again from its sender",
    ),
    "verify.reason_parts": (
        "gói thiếu phần nội dung của văn bản Word (word/document.xml): có lẽ là tệp khác mang "
        "đuôi .docx",
        "the package lacks a Word document's body (word/document.xml): probably another kind "
        "of file named .docx",
    ),
    "verify.reason_run_in_text": (
        "chữ của một đoạn chứa thẻ {element} (thường do một thẻ mẫu in trường định dạng sẵn mà "
        "thiếu chữ r hoặc có bộ lọc), quanh «{near}»: tệp sai chuẩn OOXML, Word không mở được "
        "hoặc mất chữ; sửa thẻ trong mẫu rồi dựng lại",
        "the text of a paragraph holds a {element} element (usually a template tag printing a "
        "formatted field without its r, or through a filter), near «{near}»: the file is not "
        "valid OOXML, Word cannot open it or loses text; correct the tag in the template and "
        "render again",
    ),
    "verify.reason_damaged_inside": (
        "nội dung bên trong tệp bị hỏng: hãy mở trong Word (Word sửa được thì lưu lại) hoặc lấy "
        "lại tệp",
        "the content inside the file is damaged: open it in Word (if Word repairs it, save it "
        "again) or get the file again",
    ),
    # A part that would inflate past part_limit.MAX_PART_BYTES (a zip bomb); a file whose
    # check failed in vanthu itself (the others are still checked); the place of a floating
    # rule or page number's text box, as found and expected values (verify.v.*).
    "verify.reason_part_too_large": (
        "phần «{part}» trong tệp giải nén ra quá {limit} MB, lớn hơn mọi văn bản Word: tệp bị "
        "hỏng hoặc được làm ra để làm treo máy; hãy lấy lại tệp từ nơi gửi",
        "its part '{part}' inflates past {limit} MB, larger than any Word document: the file "
        "is damaged or made to hang the computer; get it again from its sender",
    ),
    "verify.internal_error": (
        "lỗi nội bộ của vanthu khi kiểm tra tệp này ({reason}); đặt VANTHU_DEBUG=1 để xem chi "
        "tiết và báo lỗi",
        "vanthu internal error while checking this file ({reason}); set VANTHU_DEBUG=1 for "
        "details and report it",
    ),
    "verify.v.floating_off_centre": (
        "đường kẻ đặt nổi (floating) lệch {shift} cm khỏi giữa dòng chữ",
        "a floating rule {shift} cm off the middle of the text",
    ),
    "verify.v.rule_under_text": (
        "đường kẻ ở giữa, ngay dưới dòng chữ",
        "a rule centred under the text",
    ),
    "verify.v.box_off_centre": (
        "số trang trong khung chữ (text box) đặt lệch {shift} cm khỏi giữa lề trên",
        "the page number in a text box placed {shift} cm off the middle of the top margin",
    ),
    "verify.unknown_type": (
        "không có loại văn bản “{type}” (có: {known})",
        "no document type “{type}” (known: {known})",
    ),
    # A folder below those named that could not be listed: reported in its place, exit 2.
    "verify.unreadable_folder": (
        "không đọc được thư mục ({reason}), nên các tệp .docx trong đó chưa được kiểm tra; hãy "
        "cho quyền đọc thư mục rồi kiểm tra lại",
        "the folder could not be read ({reason}), so the .docx files in it were not checked; "
        "allow reading it, then check again",
    ),
}


def _entry(pair: tuple[str, str]) -> dict[str, str]:
    return {"vi": pair[0], "en": pair[1]}


MESSAGES: dict[str, dict[str, str]] = {key: _entry(pair) for key, pair in OTHER.items()}
for _element, (_element_vi, _element_en) in ELEMENTS.items():
    for _property, (_property_vi, _property_en) in PROPERTIES.items():
        MESSAGES[f"verify.rule.{_element}.{_property}"] = {
            "vi": f"{_element_vi}: {_property_vi}",
            "en": f"{_element_en}: {_property_en}",
        }
MESSAGES.update({f"verify.rule.{rule}": _entry(pair) for rule, pair in RULES.items()})
MESSAGES.update({f"verify.v.{key}": _entry(pair) for key, pair in VALUES.items()})
# Emphasis inside a bold element (s52): a heading set bold whose words lost the bold.
MESSAGES.update({
    "verify.rule.noi_dung.bold_kept": _entry((
        "Dòng đặt chữ đậm (tên khoản, đề mục) đậm cả dòng, kể cả chữ nghiêng nhấn mạnh trong đó",
        "A line set bold (an item's title, a heading) bold throughout, italic words in it too",
    )),
    "verify.v.not_bold_words": _entry(("chữ không đậm: «{text}»", "not bold: «{text}»")),
})  # fmt: skip
# Nơi nhận / Kính gửi lists (s52): a bullet pasted from Word printed after a line's own mark.
MESSAGES.update({
    "verify.v.one_mark": _entry((
        'một dấu "- " rồi tên nơi nhận (bỏ dấu đầu dòng dán từ Word: –, •, *, + ...)',
        'one "- " then the recipient (drop the bullet pasted from Word: –, •, *, + ...)',
    )),
})  # fmt: skip
# Typed text (s52): braces printed from the data; "./." before the end of the content.
MESSAGES.update({
    "verify.v.typed_tag_recorded": _entry((
        "không phải thẻ mẫu sót lại (tệp đúng là bản vanthu dựng, ghi trong manifest.json bên "
        "cạnh: chữ này in từ dữ liệu, đúng như gõ); giữ nguyên nếu văn bản cần đúng chữ này, "
        "nếu không thì sửa trong tệp dữ liệu",
        "not a leftover template tag (the file is the one vanthu rendered, as the manifest.json "
        "beside it records: this text was printed from the data, as typed); keep it if the "
        "document means this text, else correct the data file",
    )),
    "verify.rule.noi_dung.closing_early": _entry((
        'Dấu "./." chỉ đặt một lần, ở cuối nội dung (cuối đoạn cuối cùng)',
        'The "./." mark once, at the end of the content (its last paragraph)',
    )),
    "verify.v.closing_at_end": _entry((
        "dấu câu của chính câu đó (thường là «.»); «./.» chỉ ở cuối đoạn cuối của nội dung",
        "the sentence's own mark (usually «.»); «./.» only at the end of the content's last "
        "paragraph",
    )),
})  # fmt: skip
# The date line (ô 4) on one line of the header's right column (header date line, s52).
MESSAGES.update({
    "verify.rule.dia_danh_ngay.wraps": _entry((
        "Địa danh, ngày tháng trên một dòng (không rộng hơn cột)",
        "Place and date line on one line (no wider than its column)",
    )),
    "verify.v.date_one_line": _entry((
        "một dòng: cột phải của bảng đầu văn bản đủ rộng cho dòng này (vanthu dựng lại văn bản "
        "như vậy), hoặc dòng đặt cỡ chữ 13",
        "one line: a right column of the header table wide enough for it (as vanthu renders "
        "the document again), or the line set at 13 pt",
    )),
})  # fmt: skip
# Kính gửi lists (s54b): a bullet pasted from Word printed after an addressee line's "- ".
MESSAGES.update({
    "verify.rule.kinh_gui.dash": _entry((
        'Mỗi dòng "Kính gửi" một dấu "- " (không có dấu đầu dòng dán từ Word sau nó)',
        'Each "Kính gửi" line with one "- " (no bullet pasted from Word after it)',
    )),
})  # fmt: skip
# Counts in tables (s54 K2): a count grouped as an amount is ("10.500" lượt) said as a count.
MESSAGES.update({
    "verify.rule.bang.so_luong_mot_dong": _entry((
        "Số lượng trong bảng (số cá nhân, tập thể, lượt khen thưởng của báo cáo) nằm trên một "
        "dòng của ô",
        "A count in a table (people, collectives, awards of a report) stays on one line of its "
        "cell",
    )),
    "verify.v.count_one_line": _entry((
        "số lượng trên một dòng: cột «{heading}» ({mm} mm) hẹp hơn số này, số bị ngắt xuống "
        "dòng giữa các chữ số; cần cột rộng hơn: bảng in từ mẫu riêng của cơ quan {file}, sửa "
        "độ rộng cột trong mẫu đó, hoặc sao chép lại mẫu mới của vanthu: vanthu templates copy "
        "{template} --force",
        "the count on one line: the column «{heading}» ({mm} mm) is narrower than this count, "
        "which wraps between its digits; the column needs to be wider: the table is printed "
        "from the office's own template {file}, widen the column there, or copy vanthu's new "
        "template again: vanthu templates copy {template} --force",
    )),
    "verify.v.count_one_line_builtin": _entry((
        "số lượng trên một dòng: cột «{heading}» ({mm} mm) của mẫu có sẵn của vanthu in trên "
        "một dòng số lượng đến {longest}, số này dài hơn nên bị ngắt xuống dòng giữa các chữ "
        "số; xem lại số liệu trong dữ liệu",
        "the count on one line: the column «{heading}» ({mm} mm) of vanthu's built-in template "
        "prints counts up to {longest} on one line; this one is longer and wraps between its "
        "digits: check the figures in the data",
    )),
    "verify.v.count_one_line_rerender": _entry((
        "số lượng trên một dòng: cột «{heading}» ({mm} mm) hẹp hơn số này, số bị ngắt xuống "
        "dòng giữa các chữ số; bảng này không phải bảng của mẫu đang dùng (văn bản dựng bằng "
        "phiên bản vanthu cũ hơn hoặc mẫu cũ, hay độ rộng cột bị sửa sau khi dựng): dựng lại "
        "văn bản (vanthu build, hoặc vanthu render <tệp dữ liệu>) rồi kiểm tra lại",
        "the count on one line: the column «{heading}» ({mm} mm) is narrower than this count, "
        "which wraps between its digits; the table is not the one the templates in force print "
        "(the document was made by an earlier vanthu or with an older template, or its columns "
        "were changed after it was made): make it again (vanthu build, or vanthu render <data "
        "file>) and check it again",
    )),
})  # fmt: skip
# Typed emphasis in attached titles, header lines against the office's profile (s55 T3).
MESSAGES.update({
    "verify.v.italic_unchecked": _entry((
        "chữ nghiêng; không kiểm được đó có phải chữ nhấn mạnh gõ trong dữ liệu (*...*) không: "
        "manifest.json bên cạnh ghi văn bản dựng từ «{file}», không tìm thấy tệp này từ chỗ văn "
        "bản (văn bản dựng ra ngoài thư mục làm việc, vanthu build -o, hoặc tệp dữ liệu đã "
        "chuyển đi); kiểm tra bản dựng trong thư mục kết quả của thư mục làm việc",
        "italic; whether the data typed it as emphasis (*...*) could not be checked: the "
        "manifest.json beside it records the document was built from «{file}», not found from "
        "where the document is (built outside its workspace, vanthu build -o, or the data file "
        "moved since); check the copy built in the workspace's own outputs folder",
    )),
    "verify.rule.co_quan_chu_quan.profile": _entry((
        "Tên cơ quan chủ quản in đúng như hồ sơ cơ quan (co-quan/*.yaml)",
        "Parent agency name printed as the office's profile has it (co-quan/*.yaml)",
    )),
    "verify.rule.co_quan.profile": _entry((
        "Tên cơ quan ban hành in đúng như hồ sơ cơ quan (co-quan/*.yaml)",
        "Issuing agency name printed as the office's profile has it (co-quan/*.yaml)",
    )),
    "verify.v.profile_line": _entry((
        "«{line}», như {field} của {file} (dòng {number} khi in); văn bản dựng trước khi sửa hồ "
        "sơ thì dựng lại, mẫu gõ sẵn tên cơ quan thì thay bằng thẻ {{{{ {tag} }}}}",
        "«{line}», as {field} of {file} has it (line {number} as printed); a document built "
        "before the profile was changed: build it again; a template with the name typed in: "
        "put the tag {{{{ {tag} }}}} in its place",
    )),
    "verify.v.no_profile_line": _entry((
        "không có dòng này: {file} ghi tên cơ quan là {lines}; mẫu gõ thêm chữ vào tên cơ quan "
        "thì bỏ đi, chỉ để thẻ, văn bản dựng trước khi sửa hồ sơ thì dựng lại",
        "no such line: {file} gives the agency as {lines}; a template with words typed beside "
        "the name: remove them, keep the tag alone; a document built before the profile was "
        "changed: build it again",
    )),
})  # fmt: skip
