"""Messages: reading and validating data files."""

MESSAGES = {
    "data.file_missing": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "data.file_unreadable": {
        "vi": "không đọc được tệp ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "data.office_file": {
        "vi": "đây là tệp Word hoặc Excel (.docx, .xlsx, .doc, .xls), không phải tệp dữ liệu "
        "YAML: vanthu dựng văn bản từ tệp .yaml (tạo bằng vanthu new); danh sách Excel được "
        "tệp .yaml của quyết định trỏ tới (danh_sach)",
        "en": "this is a Word or Excel file (.docx, .xlsx, .doc, .xls), not a YAML data file: "
        "vanthu makes documents from .yaml files (vanthu new makes one); an Excel list is "
        "named by its decision's .yaml file (danh_sach)",
    },
    "data.not_utf8": {
        "vi": "tệp không phải UTF-8; hãy lưu lại với bảng mã UTF-8",
        "en": "the file is not UTF-8; save it again as UTF-8",
    },
    "data.not_utf8_legacy": {
        "vi": "tệp không phải UTF-8: có vẻ được gõ bằng bảng mã {encoding}; hãy chuyển sang "
        "Unicode (UTF-8), ví dụ bằng Unikey Toolkit, rồi lưu lại",
        "en": "the file is not UTF-8: it looks like {encoding} text; convert it to Unicode "
        "(UTF-8), e.g. with the Unikey toolkit, and save it again",
    },
    "data.legacy_text": {
        "vi": "văn bản có vẻ gõ bằng bảng mã {encoding} (phông {font}) dán vào; "
        "hãy chuyển sang Unicode, ví dụ: «{fixed}»",
        "en": "the text looks like {encoding} (a {font} font) pasted in; convert it "
        "to Unicode, e.g. «{fixed}»",
    },
    "data.misread_text": {
        "vi": "văn bản có vẻ là chữ {encoding} dán vào (chép từ tệp đã mở sai bảng mã); hãy "
        "sửa lại, ví dụ: «{fixed}»",
        "en": "the text looks like {encoding} text pasted in (copied from a file opened in the "
        "wrong code); correct it, e.g. «{fixed}»",
    },
    # Two legacy codes a text reads the same in (pipeline.text.legacy.named_encodings).
    "data.either": {"vi": "{first} hoặc {second}", "en": "{first} or {second}"},
    "data.empty_file": {"vi": "tệp trống, không có dữ liệu", "en": "the file is empty"},
    "data.duplicate_key": {
        "vi": "khóa '{key}' xuất hiện hai lần trong cùng một nhóm; hãy giữ một",
        "en": "the key '{key}' appears twice in the same group; keep one",
    },
    "data.duplicate_key_unnamed": {
        "vi": "một khóa xuất hiện hai lần trong cùng một nhóm; hãy giữ một",
        "en": "a key appears twice in the same group; keep one",
    },
    "data.tab_indent": {
        "vi": "dòng thụt lề bằng phím Tab; YAML chỉ cho phép thụt lề bằng dấu cách",
        "en": "the line is indented with a tab; YAML allows only spaces for indentation",
    },
    "data.yaml_syntax": {
        "vi": "lỗi cú pháp YAML ({reason})",
        "en": "YAML syntax error ({reason})",
    },
    "data.yaml_indent": {
        "vi": "lỗi cú pháp YAML: dòng này thụt lề không thẳng với các dòng cùng cấp phía trên "
        "(hoặc có chữ thừa sau dấu nháy đóng); các khóa cùng cấp phải bắt đầu ở cùng một cột",
        "en": "YAML syntax error: this line is not indented like the lines of its level above "
        "(or text follows a closing quote); keys of one level must start in the same column",
    },
    "data.yaml_colon": {
        "vi": "lỗi cú pháp YAML: dấu hai chấm ở đây bị hiểu là một khóa mới; đặt cả đoạn chữ "
        "trong dấu nháy kép, hoặc sửa thụt lề nếu đây đúng là một khóa",
        "en": "YAML syntax error: the colon here reads as a new key; put the whole text in "
        "double quotes, or fix the indentation if it is meant as a key",
    },
    "data.yaml_quote": {
        "vi": "lỗi cú pháp YAML: dấu nháy mở ở đây không có dấu nháy đóng",
        "en": "YAML syntax error: a quote opened here is never closed",
    },
    "data.yaml_bracket": {
        "vi": "lỗi cú pháp YAML: dấu '[' mở danh sách nhưng thiếu ']' đóng (hoặc thiếu dấu "
        "phẩy giữa các mục); chữ có dấu ':' trong đó phải đặt trong dấu nháy kép",
        "en": "YAML syntax error: a '[' opens a list with no closing ']' (or a comma is "
        "missing between items); text with ':' in it must be in double quotes",
    },
    "data.yaml_brace": {
        "vi": "lỗi cú pháp YAML: dấu '{{' mở nhóm nhưng thiếu '}}' đóng (hoặc thiếu dấu phẩy); "
        "chữ có dấu '{{' hay ':' phải đặt trong dấu nháy kép",
        "en": "YAML syntax error: a '{{' opens a group with no closing '}}' (or a comma is "
        "missing); text with '{{' or ':' in it must be in double quotes",
    },
    "data.yaml_start_char": {
        "vi": "lỗi cú pháp YAML: giá trị không được bắt đầu bằng ký tự '{char}'; đặt cả giá trị "
        "trong dấu nháy kép",
        "en": "YAML syntax error: a value cannot start with '{char}'; put the whole value in "
        "double quotes",
    },
    "data.not_mapping": {
        "vi": "tệp phải là danh sách các khóa: giá trị (ví dụ 'loai: ke_hoach')",
        "en": "the file must be a mapping of keys to values (e.g. 'loai: ke_hoach')",
    },
    "data.missing_field": {"vi": "thiếu trường bắt buộc", "en": "required field is missing"},
    "data.unknown_field": {
        "vi": "trường không có trong mẫu dữ liệu{hint}",
        "en": "unknown field{hint}",
    },
    "data.did_you_mean": {"vi": " (có phải '{name}'?)", "en": " (did you mean '{name}'?)"},
    "data.instead_of_missing": {
        "vi": " (văn bản này thiếu trường '{name}': có phải là trường này?)",
        "en": " (this document lacks the field '{name}': is this it?)",
    },
    "data.wrong_type": {
        "vi": "giá trị không hợp lệ: {reason} (nhận được: {value})",
        "en": "invalid value: {reason} (got: {value})",
    },
    "data.empty_value": {
        "vi": "trường này đang để trống mà cần có giá trị: ghi giá trị sau dấu hai chấm (hoặc "
        "ở các dòng thụt vào bên dưới)",
        "en": "this field is empty but needs a value: write it after the colon (or on the "
        "indented lines below)",
    },
    # The same for data given as a mapping (a form), not typed as YAML.
    "data.empty_value_plain": {
        "vi": "trường này đang để trống (không có giá trị) mà cần có giá trị",
        "en": "this field has no value but needs one",
    },
    "data.invalid_value": {"vi": "giá trị không hợp lệ: {reason}", "en": "invalid value: {reason}"},
    # vanthu's own reason, which names the value it refuses: nothing to add around it.
    "data.reason_alone": {"vi": "{reason}", "en": "{reason}"},
    # so: — what a document's number is written as (load.validation._number_slip).
    "data.number_or_auto": {
        "vi": "giá trị không hợp lệ: phải là số nguyên (ví dụ so: 3), hoặc tu_dong để lấy số "
        "tiếp theo của sổ (nhận được: {value}){hint}",
        "en": "invalid value: must be a whole number (e.g. so: 3), or tu_dong for the "
        "register's next number (got: {value}){hint}",
    },
    "data.number_with_symbol": {
        "vi": "'{value}' là số và ký hiệu như khi in: chỉ ghi số (so: {number}), hoặc tu_dong để "
        "lấy số của sổ; ký hiệu ({symbol}) vanthu tự ghép từ hồ sơ cơ quan và don_vi_soan_thao",
        "en": "'{value}' is the number and symbol as printed: write the number alone "
        "(so: {number}), or tu_dong for the register's; vanthu makes the symbol ({symbol}) from "
        "the agency profile and don_vi_soan_thao",
    },
    "data.shown_mapping": {
        "vi": "một nhóm 'khóa: giá trị'",
        "en": "a group of 'key: value' lines",
    },
    "data.shown_list": {"vi": "một danh sách '- ...'", "en": "a list of '- ...' items"},
    # The same for data given as a mapping (a form), not typed as YAML.
    "data.shown_mapping_plain": {
        "vi": "một nhóm giá trị có tên",
        "en": "a group of named values",
    },
    "data.shown_list_plain": {"vi": "một danh sách giá trị", "en": "a list of values"},
    "data.colon_in_text": {
        "vi": "đoạn văn có dấu hai chấm và dấu cách (': ') nên YAML hiểu nhầm là khóa; "
        "hãy đặt cả đoạn trong dấu nháy kép",
        "en": "the text contains ': ', which YAML reads as a key; put the whole text in double "
        "quotes",
    },
    "data.bad_date": {
        "vi": "ngày không hợp lệ '{value}': dùng dạng 22/12/2021 hoặc 2021-12-22, ngày có thật",
        "en": "invalid date '{value}': use 22/12/2021 or 2021-12-22, and a day that exists",
    },
    "data.date_year": {
        "vi": "năm của ngày '{value}' không hợp lý: ghi đủ bốn chữ số của năm, từ {first} đến "
        "{last} (vd 22/12/2021)",
        "en": "the year of the date '{value}' is not plausible: write all four digits of a "
        "year from {first} to {last} (e.g. 22/12/2021)",
    },
    "data.date_empty": {
        "vi": "ngày đang để trống: ghi ngày dạng 22/12/2021 hoặc 2021-12-22",
        "en": "the date is empty: write it as 22/12/2021 or 2021-12-22",
    },
    "data.bad_time": {
        "vi": "giờ không hợp lệ '{value}': dùng dạng 08:00, 8 giờ 30 hoặc 14h30",
        "en": "invalid time '{value}': use 08:00, 8 giờ 30 or 14h30",
    },
    # gio: 7.30 (the clerk meant 7 giờ 30) is a number to YAML, 7.3.
    "data.time_as_number": {
        "vi": "giờ bị đọc thành con số {value}, không phải giờ: viết \"{colon}\" (dấu hai chấm, "
        "trong ngoặc kép) hoặc {words}",
        "en": "the time was read as the number {value}, not a time: write \"{colon}\" (a colon, "
        "in quotes) or {words}",
    },
    # The same for data given as a mapping (a form): a number given where a time is asked.
    "data.time_as_number_plain": {
        "vi": "giờ là con số {value}, không phải giờ: ghi \"{colon}\" (có dấu hai chấm) hoặc "
        "{words}",
        "en": "the time is the number {value}, not a time: give \"{colon}\" (with a colon) or "
        "{words}",
    },
    "data.end_before_start": {
        "vi": "giờ kết thúc {end} không sau giờ bắt đầu {start}",
        "en": "the end ({end}) is not after the start ({start})",
    },
    "data.end_day_before_start": {
        "vi": "ngày kết thúc {end} trước ngày bắt đầu {start}",
        "en": "the day it ended ({end}) is before the day it began ({start})",
    },
    "data.meeting_before_issue": {
        "vi": "ngày họp {meeting} trước ngày ban hành giấy mời {issued}",
        "en": "the meeting ({meeting}) is before the invitation's date ({issued})",
    },
    "data.reply_before_letter": {
        "vi": "văn bản được trả lời đề ngày {answered}, sau ngày của công văn này {issued}",
        "en": "the letter answered is dated {answered}, after this letter's date ({issued})",
    },
    "data.minutes_before_meeting": {
        "vi": "ngày họp {meeting} sau ngày của biên bản {issued}",
        "en": "the meeting ({meeting}) is after the minutes' date ({issued})",
    },
    "data.minutes_before_end": {
        "vi": "cuộc họp kết thúc ngày {end}, sau ngày của biên bản {issued}: biên bản ghi lại "
        "cả giờ kết thúc nên không thể đề ngày trước đó",
        "en": "the meeting ended on {end}, after the minutes' date ({issued}): the minutes "
        "record when it ended, so they cannot be dated before that",
    },
    "data.attendee_twice": {
        "vi": "“{name}” có tên hai lần trong {first}: mỗi người ghi một lần",
        "en": "“{name}” is listed twice in {first}: list each person once",
    },
    "data.present_and_absent": {
        "vi": "“{name}” vừa có mặt ({first}) vừa vắng mặt (thanh_phan.vang_mat): chỉ ghi ở một "
        "danh sách",
        "en": "“{name}” is both present ({first}) and absent (thanh_phan.vang_mat): keep the "
        "name in one list",
    },
    "data.secretary_absent": {
        "vi": "thư ký “{name}” không có trong danh sách có mặt (thanh_phan.co_mat) hay khách mời "
        "(thanh_phan.khach_moi)",
        "en": "the secretary “{name}” is neither among those present (thanh_phan.co_mat) nor "
        "among the guests (thanh_phan.khach_moi)",
    },
    "data.punctuation_only": {
        "vi": "không được để trống: “{value}” chỉ có dấu câu, không ghi gì; ghi nội dung thật "
        "(chưa biết thì chờ biết rồi mới ban hành)",
        "en": "must not be empty: “{value}” is punctuation only and says nothing; write the real "
        "value (if it is not known yet, wait until it is before issuing)",
    },
    "data.secretary_is_chair": {
        "vi": "thư ký “{name}” cũng là chủ tọa (người ký {signer}): biên bản cần hai người ký "
        "khác nhau, người ghi biên bản bên trái và chủ tọa bên phải; ghi thư ký là người khác "
        "có mặt, hoặc sửa nguoi_ky",
        "en": "the secretary “{name}” is also the chair (signer {signer}): minutes need two "
        "different signers, the one who took them on the left and the chair on the right; name "
        "another person present as secretary, or correct nguoi_ky",
    },
    "data.chair_absent": {
        "vi": "chủ tọa “{name}” (người ký {signer}) không có trong danh sách có mặt "
        "(thanh_phan.co_mat): thêm vào danh sách, hoặc sửa nguoi_ky",
        "en": "the chair “{name}” (signer {signer}) is not among those present "
        "(thanh_phan.co_mat): add them to the list, or correct nguoi_ky",
    },
    "data.votes_over_present": {
        "vi": "mục “{item}”: {votes} phiếu biểu quyết, nhiều hơn {present} thành viên có mặt "
        "(thanh_phan.co_mat)",
        "en": "item “{item}”: {votes} votes, more than the {present} members present "
        "(thanh_phan.co_mat)",
    },
    "data.unknown_type": {
        "vi": "loại văn bản '{value}' không được hỗ trợ{hint}; các loại có mẫu: {known}",
        "en": "document type '{value}' is not supported{hint}; types with a template: {known}",
    },
    "data.missing_type": {
        "vi": "thiếu trường 'loai' (loại văn bản, ví dụ: ke_hoach)",
        "en": "missing field 'loai' (document type, e.g. ke_hoach)",
    },
    "data.unknown_agency": {
        "vi": "không tìm thấy hồ sơ cơ quan '{ref}' (tìm tệp {expected}){hint}",
        "en": "agency profile '{ref}' not found (looked for {expected}){hint}",
    },
    # co_quan left out or empty (load.documents.DocumentLoader._agency_named).
    "data.agency_missing": {
        "vi": "thiếu trường bắt buộc: thêm dòng 'co_quan: {ref}' {where}{choices}",
        "en": "required field is missing: add the line 'co_quan: {ref}' {where}{choices}",
    },
    "data.agency_empty": {
        "vi": "co_quan đang để trống: ghi 'co_quan: {ref}'{choices}",
        "en": "co_quan is empty: write 'co_quan: {ref}'{choices}",
    },
    "data.agency_placeholder": {"vi": "<tên hồ sơ cơ quan>", "en": "<agency profile id>"},
    "data.agency_choices": {
        "vi": "; hồ sơ cơ quan có: {refs}",
        "en": "; the agency profiles are: {refs}",
    },
    "data.agency_none": {
        "vi": "; chưa có hồ sơ cơ quan nào ({expected}): tạo bằng vanthu init",
        "en": "; there is no agency profile yet ({expected}): make one with vanthu init",
    },
    "data.keys_after_line": {
        "vi": "cùng các khóa của văn bản (sau dòng {line}: loai: {kind})",
        "en": "among the document's keys (after line {line}: loai: {kind})",
    },
    "data.keys_at_top": {
        "vi": "ở đầu tệp, cùng các khóa của văn bản",
        "en": "at the top of the file, among the document's keys",
    },
    "data.unknown_ref": {
        "vi": "{what} '{ref}' không có trong hồ sơ cơ quan {profile}{hint}",
        "en": "{what} '{ref}' is not in the agency profile {profile}{hint}",
    },
    "data.signer_by_name": {
        "vi": "nguoi_ky ghi họ tên '{ref}': hãy ghi khóa của người ký trong hồ sơ cơ quan "
        "{profile} ({keys}), vì một người có thể ký với nhiều chức danh",
        "en": "nguoi_ky gives the name '{ref}': give the signer's key in the agency profile "
        "{profile} ({keys}), since one person may sign under several titles",
    },
    "data.tm_needed": {
        "vi": "thẩm quyền ban hành (tham_quyen) «{authority}» là của tập thể, nên quyết định ký "
        "với dòng đầu «TM. <tập thể>»; người ký '{signer}' trong hồ sơ cơ quan {profile} ký "
        "«{first}» (không có TM.). Hãy chọn người ký có TM.{hint}, hoặc sửa tham_quyen nếu quyết "
        "định thuộc thẩm quyền của người đứng đầu (ví dụ «Chủ tịch ...»)",
        "en": "the issuing authority (tham_quyen) «{authority}» is a collective body, so the "
        "decision is signed with a first line «TM. <body>»; the signer '{signer}' of the agency "
        "profile {profile} signs «{first}» (no TM.). Choose a signer who signs TM.{hint}, or "
        "correct tham_quyen if the decision is in its head's own authority (e.g. «Chủ tịch ...»)",
    },
    "data.tm_not_needed": {
        "vi": "thẩm quyền ban hành (tham_quyen) «{authority}» là của người đứng đầu, nên quyết "
        "định không có dòng TM. (ký «KT. {title}» và chức vụ cấp phó, hoặc «{title}»); người ký "
        "'{signer}' trong hồ sơ cơ quan {profile} ký «{first}». Nên chọn người ký không có "
        "TM.{hint}",
        "en": "the issuing authority (tham_quyen) «{authority}» is the head's own, so the "
        "decision has no TM. line (signed «KT. {title}» and the deputy's title, or «{title}»); "
        "the signer '{signer}' of the agency profile {profile} signs «{first}». Better choose a "
        "signer without TM.{hint}",
    },
    "data.signer_such_as": {"vi": ", ví dụ '{name}'", "en": ", e.g. '{name}'"},
    "data.signer_by_title": {
        "vi": "nguoi_ky ghi chức vụ '{ref}': hãy ghi khóa của người ký trong hồ sơ cơ quan "
        "{profile}, ở đây {keys}; các người ký: {signers}",
        "en": "nguoi_ky gives the title '{ref}': give the signer's key in the agency profile "
        "{profile}, here {keys}; the signers: {signers}",
    },
    "data.signers_listed": {
        "vi": "; các người ký trong hồ sơ: {signers}",
        "en": "; the profile's signers: {signers}",
    },
    "data.what_unit": {"vi": "đơn vị", "en": "unit"},
    "data.what_signer": {"vi": "người ký", "en": "signer"},
    "data.what_group": {"vi": "nhóm nơi nhận", "en": "recipient group"},
    "data.list_missing": {
        "vi": "không tìm thấy danh sách '{name}' (đặt tệp cạnh tệp YAML)",
        "en": "list '{name}' not found (put the file beside the YAML file)",
    },
    "data.file_missing_named": {
        "vi": "không tìm thấy tệp '{name}' mà trường này nêu (đặt tệp cạnh tệp YAML, đúng tên)",
        "en": "the file '{name}' this field names is not found (put it beside the YAML file, "
        "under that name)",
    },
    # The same for data given as a mapping (a form), not typed as YAML: the files it names are
    # looked for from the folder its path places it in (Workspace.load_mapping).
    "data.list_missing_plain": {
        "vi": "không tìm thấy danh sách '{name}' (đặt tệp vào thư mục {folder}: tệp mà biểu mẫu "
        "nêu được tìm từ thư mục này)",
        "en": "list '{name}' not found (put the file in the folder {folder}: the files a form "
        "names are looked for from there)",
    },
    "data.file_missing_named_plain": {
        "vi": "không tìm thấy tệp '{name}' mà trường này nêu (đặt tệp vào thư mục {folder}, đúng "
        "tên: tệp mà biểu mẫu nêu được tìm từ thư mục này)",
        "en": "the file '{name}' this field names is not found (put it in the folder {folder}, "
        "under that name: the files a form names are looked for from there)",
    },
    # A file a document names that the OS would not let be looked at (a folder above it this
    # user may not enter, a part of its path a file): {reason} is render.output.ReadReason's.
    "data.list_unreadable": {
        "vi": "không đọc được danh sách '{name}' ({reason})",
        "en": "cannot read the list '{name}' ({reason})",
    },
    "data.file_unreadable_named": {
        "vi": "không đọc được tệp '{name}' mà trường này nêu ({reason})",
        "en": "cannot read the file '{name}' this field names ({reason})",
    },
    "data.no_decisions": {
        "vi": "không có quyết định khen thưởng nào ký trong năm {year} trong {folder} để tổng hợp",
        "en": "no award decisions dated in {year} in {folder} to report on",
    },
    "data.report_year_not_in_title": {
        "vi": "báo cáo năm {year} (nam: {year}) nhưng trích yếu nói {said}: sửa nam hoặc trích "
        "yếu (báo cáo chép từ năm trước?)",
        "en": "a report on {year} (nam: {year}) whose trích yếu says {said}: correct nam or the "
        "trích yếu (a report copied from another year?)",
    },
    "data.report_year_far_from_date": {
        "vi": "báo cáo năm {year} ký ngày {date}: báo cáo một năm được ký trong năm đó hoặc năm "
        "sau; sửa nam hoặc ngay",
        "en": "a report on {year} dated {date}: a report on a year is signed in that year or the "
        "next; correct nam or ngay",
    },
    "data.decision_after_report": {
        "vi": "báo cáo ngày {date} không thể tính quyết định khen thưởng {decision} ngày "
        "{decision_date} (ký sau báo cáo); hãy sửa ngày của báo cáo hoặc của quyết định",
        "en": "a report dated {date} cannot count the award decision {decision} dated "
        "{decision_date} (after the report); correct the date of the report or of the decision",
    },
    "data.duplicate_decision": {
        "vi": "quyết định khen thưởng số {number} ngày {date} có ở hai tệp: {first} và {second}; "
        "báo cáo sẽ tính hai lần, hãy bỏ một tệp",
        "en": "award decision number {number} dated {date} is in two files: {first} and "
        "{second}; the report would count it twice, remove one",
    },
    "data.date_outside_year_folder": {
        "vi": "văn bản ghi ngày {date} nhưng nằm trong thư mục {folder}: nếu tệp được chép từ "
        "năm khác, hãy sửa ngày (văn bản này tính vào năm {year}: số trong sổ, báo cáo)",
        "en": "the document is dated {date} but kept in the {folder} folder: if the file was "
        "copied from another year, correct its date (it counts in {year}: its number in the "
        "register, the report)",
    },
    "data.date_far_from_year_folder": {
        "vi": "văn bản ghi ngày {date} nhưng nằm trong thư mục {folder} và nói về năm {folder}: "
        "nếu gõ nhầm năm, hãy sửa ngày (văn bản này tính vào năm {year}: số trong sổ, báo cáo)",
        "en": "the document is dated {date} but kept in the {folder} folder and speaks of "
        "{folder}: if the year was mistyped, correct the date (it counts in {year}: its number "
        "in the register, the report)",
    },
    # Said by check, render and build to a clerk and to a library caller alike (the warning is
    # made into text in the library, its workers): the present office's kind, not a command.
    "data.abolished_level": {
        "vi": "'{name}' là cơ quan cấp {level}, cấp này không còn từ 01/07/2025 (chính quyền địa "
        "phương hai cấp), nhưng văn bản ghi ngày {date}: sửa ngày, hoặc dùng hồ sơ của cơ quan "
        "hiện nay (kiểu cơ quan ubnd-xa, hoặc phong của UBND xã)",
        "en": "'{name}' is a {level}-level body, a level that no longer exists from 01/07/2025 "
        "(two-level local government), but the document is dated {date}: correct the date, or "
        "use the profile of today's office (office kind ubnd-xa, or phong of a UBND xã)",
    },
    "data.cited_other_basis": {
        "vi": "căn cứ ghi {cited}, nhưng ngày {date:%d/%m/%Y} (ngày của văn bản) đang có hiệu "
        "lực là {in_force}: sửa căn cứ cho đúng (chép từ văn bản kỳ trước?)",
        "en": "the căn cứ cites {cited}, but on {date:%d/%m/%Y} (the document's date) the one in "
        "force is {in_force}: correct the căn cứ (copied from an earlier document?)",
    },
    "data.future_date": {
        "vi": "văn bản ghi ngày {date}, sau hôm nay ({today}): nếu gõ nhầm, hãy sửa ngày (số văn "
        "bản lấy trong sổ năm {year}, theo ngày này)",
        "en": "the document is dated {date}, after today ({today}): if it was typed wrong, "
        "correct it (its number is taken from the {year} register, by this date)",
    },
    "data.day_off_sunday": {
        "vi": "ngày {date} là Chủ nhật: kiểm tra lại ngày văn bản",
        "en": "{date} is a Sunday: check the document's date",
    },
    "data.day_off_holiday": {
        "vi": "ngày {date} là ngày nghỉ lễ {day}: kiểm tra lại ngày văn bản",
        "en": "{date} is the public holiday {day}: check the document's date",
    },
    # The fixed-date ngày nghỉ lễ (pipeline.rules.dates.FIXED_HOLIDAYS), as {day} above says them.
    "data.holiday_new_year": {"vi": "Tết Dương lịch", "en": "New Year's Day"},
    "data.holiday_reunification": {"vi": "Ngày Chiến thắng", "en": "Reunification Day"},
    "data.holiday_labour_day": {"vi": "Ngày Quốc tế Lao động", "en": "International Labour Day"},
    "data.holiday_national_day": {"vi": "Quốc khánh", "en": "National Day"},
    # A meeting's or an event's day (Giấy mời, lịch công tác, Biên bản) on a day off; {weekday}
    # is one of data.weekday_*, {what} one of data.what_*_day.
    "data.meeting_day_off_sunday": {
        "vi": "ngày {date} là Chủ nhật: kiểm tra lại {what}",
        "en": "{date} is a Sunday: check {what}",
    },
    "data.meeting_day_off_holiday": {
        "vi": "ngày {date} ({weekday}) là ngày nghỉ lễ {day}: kiểm tra lại {what}",
        "en": "{date} ({weekday}) is the public holiday {day}: check {what}",
    },
    "data.what_invitation_day": {
        "vi": "ngày tổ chức ghi trong giấy mời",
        "en": "the day it is held, in the invitation",
    },
    "data.what_schedule_day": {
        "vi": "ngày của dòng lịch công tác này",
        "en": "the day of this schedule row",
    },
    "data.what_meeting_day": {
        "vi": "ngày họp ghi trong biên bản",
        "en": "the meeting's day in the minutes",
    },
    # The days of the week (pipeline.rules.dates.weekday_said), Monday first.
    "data.weekday_1": {"vi": "thứ Hai", "en": "Monday"},
    "data.weekday_2": {"vi": "thứ Ba", "en": "Tuesday"},
    "data.weekday_3": {"vi": "thứ Tư", "en": "Wednesday"},
    "data.weekday_4": {"vi": "thứ Năm", "en": "Thursday"},
    "data.weekday_5": {"vi": "thứ Sáu", "en": "Friday"},
    "data.weekday_6": {"vi": "thứ Bảy", "en": "Saturday"},
    "data.weekday_7": {"vi": "Chủ nhật", "en": "Sunday"},
    "data.wrong_weekday": {
        "vi": "'{typed}' ghi cạnh ngày {date}, nhưng ngày này là {weekday}: hãy sửa thành "
        "'{fix}' (vanthu verify cũng báo lỗi này trên văn bản đã in)",
        "en": "'{typed}' is written beside {date}, but that day is a {weekday}: change it to "
        "'{fix}' (vanthu verify fails the printed document for it too)",
    },
    "data.recipient_twice": {
        "vi": "'{name}' ghi hai lần{where}: văn bản sẽ in hai lần, sổ văn bản đi ghi một lần; "
        "hãy bỏ một dòng",
        "en": "'{name}' is given twice{where}: the document would print it twice, the register "
        "lists it once; remove one line",
    },
    "data.recipient_first_line": {
        "vi": " (lần đầu ở dòng {line})",
        "en": " (first at line {line})",
    },
    # The same, of a document with no lines (a form, pipeline.api): its field.
    "data.recipient_first_field": {
        "vi": " (lần đầu ở trường '{field}')",
        "en": " (first in field '{field}')",
    },
    # Where a text is: its line and field (a form has no lines: its field alone, loc.field).
    "data.line_and_field": {
        "vi": "dòng {line}, trường '{field}'",
        "en": "line {line}, field '{field}'",
    },
    "data.recipient_in_group": {
        "vi": " (đã có trong nhóm '{group}' của hồ sơ cơ quan)",
        "en": " (already in the profile's group '{group}')",
    },
    "data.copied_decision": {
        "vi": "{first} và {second} là cùng một quyết định khen thưởng (cùng ngày {date}, trích yếu "
        "và danh sách); báo cáo sẽ tính hai lần: nếu một tệp được chép từ năm trước, hãy sửa ngày "
        "và danh sách của nó, nếu không hãy bỏ một tệp",
        "en": "{first} and {second} are the same award decision (same date {date}, trích yếu and "
        "list); the report would count it twice: if one file was copied from last year, correct "
        "its date and list, else remove one file",
    },
    "data.title_twice": {
        "vi": "{name} được công nhận danh hiệu '{award}' năm {year} hai lần: {first} (dòng "
        "{first_row} của danh sách) và {second} (dòng {second_row}); danh hiệu thi đua chỉ xét "
        "một lần mỗi năm: nếu một tệp được chép từ năm trước, hãy sửa ngày của nó",
        "en": "{name} is recognised '{award}' twice in {year}: {first} (row {first_row} of its "
        "list) and {second} (row {second_row}); a danh hiệu thi đua is given once a year: if one "
        "file was copied from last year, correct its date",
    },
    # One list file (and sheet) named by two award decisions of one office for one year.
    "data.list_titles_twice": {
        "vi": "danh sách '{list}' cũng là danh sách của {other} (dòng {other_line}, danh_sach), "
        "cùng cơ quan, khen thưởng năm {year}: {count} lượt danh hiệu thi đua của danh sách (như "
        "'{award}') sẽ được công nhận hai lần, mà danh hiệu thi đua chỉ xét một lần mỗi năm; "
        "nếu tệp này được chép từ {other}, hãy ghi ở danh_sach danh sách của riêng nó",
        "en": "the list '{list}' is also the list of {other} (line {other_line}, danh_sach), of "
        "the same office, for {year}: its {count} danh hiệu thi đua (such as '{award}') would be "
        "recognised twice, and a danh hiệu thi đua is given once a year; if this file was "
        "copied from {other}, name its own list in danh_sach",
    },
    "data.list_given_twice": {
        "vi": "danh sách '{list}' cũng là danh sách của {other} (dòng {other_line}, danh_sach), "
        "cùng cơ quan, khen thưởng năm {year}: cả {count} lượt khen thưởng của danh sách được "
        "trao hai lần và báo cáo năm tính hai lần; nếu tệp này được chép từ {other}, hãy ghi ở "
        "danh_sach danh sách của riêng nó, nếu một quyết định đã được thay thế, hãy bỏ tệp của "
        "nó khỏi thư mục dữ liệu",
        "en": "the list '{list}' is also the list of {other} (line {other_line}, danh_sach), of "
        "the same office, for {year}: all {count} awards of the list are given twice and the "
        "year's report counts them twice; if this file was copied from {other}, name its own "
        "list in danh_sach; if one decision was replaced, remove its file from the data folder",
    },
    "data.report_decision_unnumbered": {
        "vi": "quyết định khen thưởng {decision} ngày {date} chưa có số: không tính (chưa ban "
        "hành); khi ban hành, ghi số vào so: (hoặc so: tu_dong để lấy số của sổ) rồi dựng lại "
        "báo cáo",
        "en": "the award decision {decision} dated {date} has no number: not counted (not issued "
        "yet); once it is issued, write its number in so: (or so: tu_dong to take the "
        "register's) and build the report again",
    },
    "data.list_counted_twice": {
        "vi": "{first} (dòng {first_line}) và {second} (dòng {second_line}) khen thưởng cùng một "
        "danh sách năm {year} ({how}): báo cáo tính cả hai, nên {count} lượt khen thưởng{money} "
        "được tính hai lần; nếu một tệp được chép từ tệp kia, hãy sửa danh sách (danh_sach) của "
        "nó hoặc bỏ tệp, rồi dựng lại báo cáo",
        "en": "{first} (line {first_line}) and {second} (line {second_line}) give the same list "
        "in {year} ({how}): the report counts both, so {count} awards{money} are counted twice; "
        "if one file was copied from the other, correct its list (danh_sach) or remove the file, "
        "then build the report again",
    },
    "data.same_list_file": {"vi": "cùng tệp {name}", "en": "the same file {name}"},
    "data.same_list_rows": {
        "vi": "{first} và {second} ghi cùng những người, cùng khen thưởng, dưới cùng trích yếu",
        "en": "{first} and {second} list the same people and awards, under the same trích yếu",
    },
    "data.counted_twice_money": {
        "vi": " (tiền thưởng {amount} đồng)",
        "en": " (reward money {amount} đồng)",
    },
    # A report's text naming a year-on-year figure when the year before has no decisions.
    "data.figure_without_value": {
        "vi": "năm {year} không có quyết định khen thưởng nào trong {folder} để so sánh, nên "
        "{names} không có số liệu và in thành: {printed}; hãy viết lại câu (bỏ phần so sánh "
        "với năm {year})",
        "en": "there are no award decisions dated in {year} in {folder} to compare with, so "
        "{names} have no figure and print as: {printed}; write the sentence again (without the "
        "comparison with {year})",
    },
    "data.report_decision_unreadable": {
        "vi": "{error}; báo cáo năm {year} không tính số liệu khi chưa đọc được {decision}: tệp "
        "này có thể là một quyết định khen thưởng báo cáo phải tính (sửa tệp, rồi dựng lại báo "
        "cáo)",
        "en": "{error}; the {year} report cannot count its figures while {decision} cannot be "
        "read: it may be one of the award decisions the report counts (correct the file, then "
        "build the report again)",
    },
    "data.unknown_figure": {
        "vi": "số liệu '{{{{ {name} }}}}' không có; ví dụ số liệu có: '{{{{ {hint} }}}}'",
        "en": "there is no figure '{{{{ {name} }}}}'; an existing one: '{{{{ {hint} }}}}'",
    },
    "data.not_in_attached_folder": {
        "vi": (
            "tệp '{name}' phải nằm trong thư mục {folder}/ (tệp ở đó không dựng thành văn bản"
            " riêng)"
        ),
        "en": "'{name}' must be in a {folder}/ folder (files there are not built on their own)",
    },
    "data.not_a_decision": {
        "vi": "tệp '{name}' không phải Quyết định (loai: quyet_dinh)",
        "en": "'{name}' is not a decision (loai: quyet_dinh)",
    },
    "data.draft_with_parts": {
        "vi": (
            "dự thảo '{name}' có phần in sau chữ ký (danh sách quá 5 người, kế hoạch, quy chế):"
            " tờ trình chỉ kèm được dự thảo quyết định kết thúc ở chữ ký"
        ),
        "en": (
            "draft '{name}' prints parts after its signature (a list of more than 5, a plan, a"
            " regulation): a submission attaches only a draft decision ending at its signature"
        ),
    },
    "data.not_a_plan": {
        "vi": "tệp '{name}' không phải Kế hoạch (loai: ke_hoach)",
        "en": "'{name}' is not a plan (loai: ke_hoach)",
    },
    "data.not_an_award_decision": {
        "vi": "tệp '{name}' không phải quyết định khen thưởng (loai: quyet_dinh, có khen_thuong:)",
        "en": "'{name}' is not an award decision (loai: quyet_dinh with khen_thuong:)",
    },
    "data.inherited_field": {
        "vi": "giấy khen lấy trường này từ quyết định khen thưởng ({decision}:); hãy xóa dòng này",
        "en": "certificates take this field from their award decision ({decision}:); remove it",
    },
    "data.decision_not_numbered": {
        "vi": "quyết định khen thưởng '{name}' chưa có số nên mọi giấy khen sẽ in \"Quyết định số "
        "..../...\"; hãy cấp số cho quyết định trước (ghi số vào so: của quyết định, hoặc "
        "so: tu_dong rồi vanthu render hoặc vanthu build quyết định), hoặc in thử trên giấy "
        "trắng: vanthu render --in-thu (hay in_thu: co)",
        "en": "the award decision '{name}' has no number yet, so every certificate would print "
        "\"Quyết định số ..../...\"; number the decision first (write its number in the "
        "decision's so:, or so: tu_dong and vanthu render or vanthu build the decision), or make a "
        "test print on plain paper: vanthu render --in-thu (or in_thu: co)",
    },
    "data.no_such_book_number": {
        "vi": "đợt giấy khen này không có số vào sổ {number}; các số của đợt: {numbers}",
        "en": "this batch of certificates gives no sổ vàng number {number}; its numbers: "
        "{numbers}",
    },
    "data.chon_rows_and_book_numbers": {
        "vi": "chọn giấy khen theo một cách: theo dòng (chon: dong) hoặc theo số vào sổ "
        "(chon: so_vao_so), không cả hai",
        "en": "choose certificates one way: by row (chon: dong) or by sổ vàng number "
        "(chon: so_vao_so), not both",
    },
    "data.chon_book_numbers_unnumbered": {
        "vi": "đợt giấy khen này không ghi số vào sổ (so_vao_so), nên không chọn theo số vào sổ "
        "được; hãy chọn theo dòng (chon: dong)",
        "en": "this batch of certificates has no sổ vàng numbers (so_vao_so), so it cannot "
        "choose by them; choose by row (chon: dong)",
    },
    "data.no_such_row": {
        "vi": "dòng {number} không có trong danh sách của quyết định",
        "en": "row {number} is not in the decision's list",
    },
    "data.no_rows_chosen": {
        "vi": "không dòng nào của danh sách hợp điều kiện chọn; không có giấy khen nào để in",
        "en": "no row of the list matches the filter; there is no certificate to print",
    },
    "data.name_too_long": {
        "vi": "tên «{name}» dài quá ô tên của phôi ({width} mm) kể cả khi thu nhỏ cỡ chữ tới "
        "{smallest} pt; hãy viết gọn tên ở dòng này hoặc nới ô tên trong mẫu {template}",
        "en": "the name «{name}» does not fit the phôi's name field ({width} mm) even at "
        "{smallest} pt; shorten it on this row or widen the field in the template {template}",
    },
    "data.unit_too_long": {
        "vi": "dòng chức vụ, đơn vị «{text}» cần {lines} dòng kể cả khi thu nhỏ cỡ chữ tới "
        "{smallest} pt, mà ô đơn vị của phôi (rộng {width} mm) chỉ đủ chỗ cho {room} dòng trước "
        "ô bên dưới (thêm dòng sẽ in đè lên ô đó); hãy viết gọn chức vụ, đơn vị ở dòng này "
        "(để in trong {room} dòng, ô cần rộng khoảng {needed} mm) hoặc sửa ô đơn vị trong mẫu "
        "{template}",
        "en": "the chức vụ, đơn vị line «{text}» needs {lines} lines even at {smallest} pt, but "
        "the phôi's unit field ({width} mm wide) has room for {room} before the field below it "
        "(more lines would print over that field); shorten the chức vụ or đơn vị on this row "
        "(to print in {room} lines the field would need to be about {needed} mm wide) or change "
        "the unit field in the template {template}",
    },
    # A text every certificate of a batch prints (pipeline.context.giay_khen.fitted_text).
    "data.field_too_long": {
        "vi": "«{text}» ({origin}) cần {lines} dòng {at}, mà ô {style} của phôi (rộng {width} "
        "mm) chỉ đủ chỗ cho {room} dòng {limit}: trên mọi giấy khen của đợt, phần thừa sẽ in "
        "đè lên ô bên dưới hoặc bị cắt; {fix}sửa ô {style} trong mẫu {template}: cho ô thêm "
        "chỗ (dời ô bên dưới xuống) hoặc nới rộng ô tới khoảng {needed} mm",
        "en": "«{text}» ({origin}) needs {lines} lines {at}, but the phôi's field {style} "
        "({width} mm wide) has room for {room} {limit}: on every certificate of the batch the "
        "rest would print over the field below or be cut off; {fix}change the field {style} in "
        "the template {template}: give it more room (move the field below down) or widen it to "
        "about {needed} mm",
    },
    "data.field_limit_below": {
        "vi": "trước ô {below} bên dưới",
        "en": "before the field {below} below it",
    },
    "data.field_limit_exact": {
        "vi": "trong chiều cao cố định của ô",
        "en": "within its exact height",
    },
    "data.field_at": {"vi": "ở cỡ {size} pt", "en": "at {size} pt"},
    "data.field_at_smallest": {
        "vi": "kể cả khi thu nhỏ cỡ chữ tới {size} pt",
        "en": "even at {size} pt",
    },
    "data.origin.office_phrase": {
        "vi": "câu chữ {phrase} trong hồ sơ cơ quan {office}",
        "en": "the wording {phrase} in the office's profile {office}",
    },
    "data.origin.own_phrase": {
        "vi": "câu chữ {phrase} riêng của đợt giấy khen",
        "en": "the batch's own wording {phrase}",
    },
    "data.origin.default_phrase": {
        "vi": "câu chữ mặc định {phrase} của vanthu",
        "en": "vanthu's default wording {phrase}",
    },
    "data.origin.signer": {
        "vi": "người ký {signer} trong hồ sơ cơ quan {office}",
        "en": "the signer {signer} in the office's profile {office}",
    },
    "data.origin.decision_achievement": {
        "vi": "thành tích của quyết định khen thưởng",
        "en": "the award decision's thành tích",
    },
    "data.origin.own_achievement": {
        "vi": "thành tích của đợt giấy khen",
        "en": "the batch's thành tích",
    },
    "data.fix.phrase": {
        "vi": "hãy viết gọn câu chữ {phrase}, hoặc ",
        "en": "word {phrase} shorter, or ",
    },
    "data.fix.default_phrase": {
        "vi": "hãy đặt câu chữ {phrase} ngắn hơn trong cau_chu của hồ sơ cơ quan {office}, "
        "hoặc ",
        "en": "set a shorter {phrase} under cau_chu in the office's profile {office}, or ",
    },
    "data.fix.achievement": {
        "vi": "hãy viết gọn {field}, hoặc ",
        "en": "shorten {field}, or ",
    },
    "data.bad_initials": {
        "vi": "chữ viết tắt tên người soạn thảo chỉ gồm chữ cái (ví dụ H hoặc NVA)",
        "en": "drafter initials must be letters only (e.g. H or NVA)",
    },
    "data.summary_in_capitals": {
        "vi": "trích yếu viết toàn chữ in hoa; Nghị định 30/2020 (Phụ lục I, ô 5a) viết trích "
        "yếu bằng chữ thường, chỉ viết hoa chữ đầu, tên riêng và chữ viết tắt (vanthu verify "
        "không nhận văn bản in hoa cả trích yếu). vanthu không tự đổi được vì không biết chữ nào "
        "là tên riêng: hãy gõ lại, ví dụ «{example}», rồi viết hoa lại tên riêng, chữ viết tắt "
        "(Sơn La, UBND ...)",
        "en": "the trích yếu is typed wholly in capitals; Decree 30/2020 (Appendix I, box 5a) "
        "writes it in regular case, with capitals only at its start, in proper names and "
        "abbreviations (vanthu verify rejects a document whose trích yếu is all capitals). "
        "vanthu cannot change it itself, not knowing which words are names: type it again, e.g. "
        "«{example}», then put back the capitals of names and abbreviations (Sơn La, UBND ...)",
    },
    "data.filing_line_typed": {
        "vi": "dòng «{line}» là dòng Lưu của Nơi nhận, vanthu tự viết từ don_vi_soan_thao, "
        "nguoi_soan_thao và so_ban: bỏ dòng này khỏi noi_nhan, ghi đơn vị, người soạn thảo, "
        "số bản lưu vào các khóa đó",
        "en": "«{line}» is Nơi nhận's filing line, which vanthu writes from don_vi_soan_thao, "
        "nguoi_soan_thao and so_ban: remove it from noi_nhan and give the unit, the drafter and "
        "the copies kept in those keys",
    },
    # The same line in a profile's recipient group: every document naming the group prints it.
    "data.filing_line_in_group": {
        "vi": "dòng «{line}» là dòng Lưu của Nơi nhận, vanthu tự viết cho mỗi văn bản từ "
        "don_vi_soan_thao, nguoi_soan_thao và so_ban của văn bản ấy; trong nhóm nơi nhận "
        "(nhom_noi_nhan) nó sẽ in thêm một dòng Lưu ở mọi văn bản dùng nhóm: bỏ dòng này khỏi "
        "nhóm",
        "en": "«{line}» is Nơi nhận's filing line, which vanthu writes for each document from "
        "its don_vi_soan_thao, nguoi_soan_thao and so_ban; in a recipient group (nhom_noi_nhan) "
        "it would print a second filing line in every document using the group: remove it from "
        "the group",
    },
    # A recipient group YAML read as text: "- nhom:cap-tren", '- "nhom: cap-tren"'.
    "data.group_as_text": {
        "vi": "«{typed}» là chữ nên sẽ được in nguyên văn thành một nơi nhận; để lấy nhóm nơi "
        "nhận trong hồ sơ cơ quan, viết «- {fixed}» (có dấu cách sau dấu hai chấm, không đặt "
        "trong dấu nháy)",
        "en": "«{typed}» is text, so it would print as it is as one recipient; to take a "
        "recipient group of the agency profile, write «- {fixed}» (a space after the colon, no "
        "quotes)",
    },
    # The same for data given as a mapping (a form): the group given as one text.
    "data.group_as_text_plain": {
        "vi": "«{typed}» là chữ nên sẽ được in nguyên văn thành một nơi nhận; để lấy nhóm nơi "
        "nhận trong hồ sơ cơ quan, ghi mục ấy thành một cặp khóa và giá trị ({fixed}), không "
        "phải một đoạn chữ",
        "en": "«{typed}» is text, so it would print as it is as one recipient; to take a "
        "recipient group of the agency profile, give that item as a key and its value "
        "({fixed}), not as one text",
    },
    # A dash or điểm list YAML read as text in running text: "- gach:[a, b]", "- diem:a".
    "data.typed_number_renumbered": {
        "vi": "số thứ tự gõ tay «{typed}» bị bỏ, vanthu tự đánh số chỗ này là «{printed}»: có "
        "mục nào của bản gốc bị bỏ sót hay đổi chỗ không?",
        "en": "the hand-typed number «{typed}» is dropped; vanthu numbers this item «{printed}»: "
        "was an item of the source skipped or moved?",
    },
    "data.list_as_text": {
        "vi": "«{typed}» là chữ nên sẽ được in nguyên văn thành một đoạn văn; để có danh sách "
        "gạch đầu dòng (gach) hay điểm a), b) (diem), viết «- {fixed}» (có dấu cách sau dấu hai "
        "chấm, không đặt trong dấu nháy)",
        "en": "«{typed}» is text, so it would print as it is as a paragraph; for dash lines "
        "(gach) or points a), b) (diem), write «- {fixed}» (a space after the colon, no quotes)",
    },
    # The same for data given as a mapping (a form): the list given as one text.
    "data.list_as_text_plain": {
        "vi": "«{typed}» là chữ nên sẽ được in nguyên văn thành một đoạn văn; để có danh sách "
        "gạch đầu dòng (gach) hay điểm a), b) (diem), ghi mục ấy thành một cặp khóa và giá trị "
        "({fixed}), không phải một đoạn chữ",
        "en": "«{typed}» is text, so it would print as it is as a paragraph; for dash lines "
        "(gach) or points a), b) (diem), give that item as a key and its value ({fixed}), not "
        "as one text",
    },
    "data.list_key_spelling": {
        "vi": "khóa «{typed}» không phải khóa của một danh sách: viết «{fixed}:» (không dấu, chữ "
        "thường; gach cho gạch đầu dòng, diem cho điểm a), b))",
        "en": "«{typed}» is not the key of a list: write «{fixed}:» (without tone marks, in "
        "lower case; gach for dash lines, diem for points a), b))",
    },
    "data.group_key_spelling": {
        "vi": "khóa «{typed}» không phải khóa của nhóm nơi nhận: viết «- {fixed}» (nhom không "
        "dấu, chữ thường)",
        "en": "«{typed}» is not the key of a recipient group: write «- {fixed}» (nhom, without "
        "tone marks, in lower case)",
    },
    "data.group_name_missing": {
        "vi": "chưa ghi tên nhóm nơi nhận sau «nhom:»: ghi một tên trong nhom_noi_nhan của hồ "
        "sơ cơ quan, ví dụ «- nhom: noi-bo»",
        "en": "no recipient group is named after «nhom:»: name one of the agency profile's "
        "nhom_noi_nhan, e.g. «- nhom: noi-bo»",
    },
    "data.form_name": {
        "vi": "tên mẫu '{value}' không dùng được: ghi tên tệp .docx của phôi trong mau/, bỏ đuôi "
        ".docx, bằng chữ thường không dấu, chữ số và dấu gạch ngang (như phoi-xa cho "
        "mau/phoi-xa.docx)",
        "en": "the template name '{value}' cannot be used: write the name of the phôi's .docx "
        "file in mau/ without .docx, in lower-case letters without diacritics, digits and "
        "hyphens (such as phoi-xa for mau/phoi-xa.docx)",
    },
    "data.named_not_regular_file": {
        "vi": "'{name}' không phải tệp thông thường (là thư mục, FIFO hay thiết bị); hãy ghi "
        "tên một tệp",
        "en": "'{name}' is not a regular file (a folder, FIFO or device); name a file",
    },
    "data.not_regular_file": {
        "vi": "không phải tệp thông thường (thư mục, FIFO hay thiết bị); hãy chỉ tới một tệp",
        "en": "not a regular file (a folder, FIFO or device); name a file",
    },
    "data.file_too_large": {
        "vi": "tệp quá lớn ({size} byte; tối đa {limit} byte)",
        "en": "the file is too large ({size} bytes; at most {limit})",
    },
    "data.stray_mark": {
        "vi": "có dấu thừa {char} trên chữ «{letter}» (dấu thanh hay dấu phụ gõ hai lần, hoặc "
        "đặt trên chữ không nhận dấu): văn bản in ra hai dấu chồng nhau; hãy xóa rồi gõ lại "
        "chữ đó",
        "en": "has a stray mark {char} on «{letter}» (a tone or diacritic typed twice, or on a "
        "letter that takes none): the document would print two accents on it; delete the "
        "letter and type it again",
    },
    "data.bad_char": {
        "vi": "có ký tự không in được {char} ({name}), thường do sao chép từ trang web hoặc "
        "phần mềm khác; hãy xóa hoặc gõ lại đoạn đó",
        "en": "contains the unprintable character {char} ({name}), usually pasted from a web "
        "page or another program; delete it or retype the text",
    },
    "data.pictograph": {
        "vi": "có biểu tượng cảm xúc (emoji) {char} ({name}): văn bản hành chính không in hình, "
        "phông chữ của văn bản cũng không có; hãy xóa nó",
        "en": "contains an emoji {char} ({name}): an official document prints no pictures, nor "
        "do its fonts have them; delete it",
    },
    "data.too_deep": {
        "vi": "dữ liệu lồng nhau quá sâu (quá {limit} mức)",
        "en": "the data is nested too deeply (more than {limit} levels)",
    },
    "data.too_many_values": {
        "vi": "tệp có quá nhiều giá trị (quá {limit}, tính cả các lần dùng lại bằng bí danh *)",
        "en": "the file holds too many values (more than {limit}, counting every use of an "
        "alias *)",
    },
    "data.alias_loop": {
        "vi": "bí danh *{name} được dùng bên trong chính nó",
        "en": "the alias *{name} is used inside itself",
    },
    "data.yaml_tag": {
        "vi": "thẻ YAML '{tag}' không được dùng; chỉ ghi chữ, số, danh sách và khóa: giá trị",
        "en": "the YAML tag '{tag}' is not allowed; write only text, numbers, lists and "
        "key: value pairs",
    },
    "data.boolean_value": {
        "vi": "giá trị '{value}' được YAML hiểu là đúng/sai, nhưng ở đây cần chữ hoặc số; "
        "nếu là chữ, hãy đặt trong dấu nháy kép",
        "en": "YAML reads '{value}' as true/false, but text or a number belongs here; if it "
        "is text, put it in double quotes",
    },
    # The same for data given as a mapping (a form): a bool where text or a number belongs.
    "data.boolean_value_plain": {
        "vi": "giá trị đúng/sai ({value}) ở chỗ cần chữ hoặc số",
        "en": "a yes/no value ({value}) where text or a number was expected",
    },
    # .inf, .nan, 1e400: numbers no field takes (yaml_source), refused as true/false is.
    "data.number_not_finite": {
        "vi": "YAML đọc '{value}' thành một số vô hạn hoặc không xác định (NaN), không dùng được "
        "ở đây; hãy ghi một số cụ thể, hoặc đặt trong dấu nháy kép nếu đó là chữ",
        "en": "YAML reads '{value}' as an infinite or undefined number (NaN), which cannot be "
        "used here; write a plain number, or put it in double quotes if it is text",
    },
    "data.number_not_finite_plain": {
        "vi": "số vô hạn hoặc không xác định ({value}) ở chỗ cần chữ hoặc một số cụ thể",
        "en": "an infinite or undefined number ({value}) where text or a plain number belongs",
    },
    # 1e2, 0o10, 0x1F, 1_53: a number YAML reads from a form that is not decimal digits
    # (yaml_source._construct), refused as true/false is: it would print as another (100, 08).
    "data.number_form": {
        "vi": "YAML đọc '{value}' thành số {number}, không phải như đã gõ; nếu là số, hãy ghi "
        "bằng chữ số thập phân ({fixed}); nếu là chữ, hãy đặt trong dấu nháy kép ({quoted})",
        "en": "YAML reads '{value}' as the number {number}, not as typed; if it is a number, "
        "write it in decimal digits ({fixed}); if it is text, put it in double quotes "
        "({quoted})",
    },
    "data.key_not_text": {
        "vi": "khóa '{key}' phải là chữ; nếu đúng là như vậy, hãy đặt trong dấu nháy kép",
        "en": "the key '{key}' must be text; if it is meant as written, put it in double quotes",
    },
    "data.text_too_long": {
        "vi": "đoạn văn quá dài (quá {limit} ký tự)",
        "en": "the text is too long (more than {limit} characters)",
    },
    # Khen thưởng riêng and mức lương cơ sở of an office's profile (pipeline/model/agency.py).
    "data.decree_award_not_a_name": {
        "vi": "“{name}” không phải tên danh hiệu hay hình thức khen thưởng: ten_khen_thuong ghi "
        "tên khen thưởng theo nghị định dùng để tính tiền. Mức thưởng riêng của cơ quan (số tiền "
        "hoặc hệ số) thì ghi trong mục khen_thuong_rieng",
        "en": "“{name}” is not the name of a title or form of award: ten_khen_thuong gives the "
        "decree's award the money is computed by. The office's own amount (a sum or a "
        "coefficient) goes under khen_thuong_rieng",
    },
    "data.own_award_rate_one": {
        "vi": "ghi một trong hai: so_tien (số tiền, đồng) hoặc he_so (hệ số × mức lương cơ sở)",
        "en": "give one of so_tien (a sum in đồng) or he_so (a coefficient × the base salary)",
    },
    "data.money_bad": {
        "vi": "“{value}” không phải số tiền (đồng, số nguyên như 2340000 hoặc 2.340.000)",
        "en": "“{value}” is not a sum of money (whole đồng, such as 2340000 or 2.340.000)",
    },
    "data.money_bad_rate": {
        "vi": "“{value}” không phải số tiền (đồng, số nguyên như 200000 hoặc 200.000); hệ số "
        "thì ghi {{he_so: {value}}}",
        "en": "“{value}” is not a sum of money (whole đồng, such as 200000 or 200.000); for a "
        "coefficient write {{he_so: {value}}}",
    },
    "data.money_float": {
        "vi": "YAML đọc số tiền này thành số thập phân {value}: ghi không có dấu chấm (2340000) "
        'hoặc đặt trong dấu nháy kép ("2.340.000")',
        "en": "YAML reads this sum as the decimal number {value}: write it without dots "
        '(2340000) or in double quotes ("2.340.000")',
    },
    "data.money_float_rate": {
        "vi": "YAML đọc số tiền này thành số thập phân {value}: ghi không có dấu chấm (200000) "
        'hoặc đặt trong dấu nháy kép ("200.000"); hệ số thì ghi {{he_so: {value}}}',
        "en": "YAML reads this sum as the decimal number {value}: write it without dots "
        '(200000) or in double quotes ("200.000"); for a coefficient write {{he_so: {value}}}',
    },
    "data.coefficient_too_large": {
        "vi": "hệ số “{value}” vượt quá mức vanthu nhận (tối đa {limit}): hãy xem lại hệ số",
        "en": "the coefficient “{value}” is more than vanthu takes (at most {limit}): check it",
    },
    "data.own_award_bad_coefficient": {
        "vi": "“{value}” không phải hệ số (số dương như 0,3 hoặc 1.5)",
        "en": "“{value}” is not a coefficient (a positive number such as 0,3 or 1.5)",
    },
    # Bounds far above any real figure (rules.money.MAX_*): a slip, refused at its line.
    "data.money_too_large": {
        "vi": "“{value}” đồng vượt quá mức vanthu nhận ({limit} đồng): hãy xem lại số tiền "
        "(có thể thừa chữ số 0)",
        "en": "“{value}” đồng is more than vanthu takes ({limit} đồng): check the sum (it may "
        "have zeros too many)",
    },
    "data.own_award_no_recipient": {
        "vi": "ghi mức thưởng cho ca_nhan, cho tap_the, hoặc cho cả hai",
        "en": "give the amount for ca_nhan, for tap_the, or for both",
    },
    "data.own_award_twice": {
        "vi": "“{name}” đã có trong {other} của hồ sơ; mỗi tên khen thưởng chỉ ghi ở một nơi",
        "en": "“{name}” is already in {other} of the profile; write each award name in one "
        "place only",
    },
    "data.own_award_is_decree": {
        "vi": "“{name}” là khen thưởng của nghị định, tiền thưởng tính theo nghị định: không ghi "
        "trong khen_thuong_rieng (tên riêng của cơ quan cho nó thì ghi trong ten_khen_thuong)",
        "en": "“{name}” is a decree's award, paid as the decree says: it does not go under "
        "khen_thuong_rieng (an office's own name for it goes under ten_khen_thuong)",
    },
    "data.salary_too_low": {
        "vi": "mức lương cơ sở {amount} đồng thấp hơn nhiều mức {before} đồng từ ngày "
        "{date:%d/%m/%Y}: ghi đủ số đồng, ví dụ 2.530.000 (không ghi 2.530)",
        "en": "a base salary of {amount} đồng is far below the {before} đồng in force from "
        "{date:%d/%m/%Y}: write the whole sum in đồng, such as 2.530.000 (not 2.530)",
    },
    "data.salary_same_date": {
        "vi": "hai dòng mức lương cơ sở cùng từ ngày {date:%d/%m/%Y}; giữ một dòng",
        "en": "two base salary rows from the same date {date:%d/%m/%Y}; keep one",
    },
    "data.salary_conflict": {
        "vi": "từ ngày {date:%d/%m/%Y} bảng có sẵn đã có mức lương cơ sở {amount} đồng ({source}); "
        "bỏ dòng này, hoặc kiểm tra lại ngày",
        "en": "the built-in table already has a base salary of {amount} đồng from "
        "{date:%d/%m/%Y} ({source}); drop this row, or check its date",
    },
    # Giấy khen batches: danh hiệu rows, số vào sổ kept from build to build.
    "data.certificate_titles": {
        "vi": "giấy khen chỉ in cho hình thức khen thưởng, không in cho danh hiệu thi đua; các "
        "dòng sau của danh sách là danh hiệu: {rows}; hãy chọn các dòng giấy khen, ví dụ "
        "chon: {{khen_thuong: {award}}}",
        "en": "certificates are printed for forms of award, not for emulation titles; these rows "
        "of the list are titles: {rows}; choose the certificate rows, e.g. "
        "chon: {{khen_thuong: {award}}}",
    },
    "data.certificate_titles_only": {
        "vi": "giấy khen chỉ in cho hình thức khen thưởng, không in cho danh hiệu thi đua; danh "
        "sách của quyết định chỉ có danh hiệu (dòng {rows}); hãy dùng quyết định tặng giấy khen",
        "en": "certificates are printed for forms of award, not for emulation titles; the "
        "decision's list has only titles (rows {rows}); use a decision giving Giấy khen",
    },
    "data.book_number_renamed": {
        "vi": "số vào sổ {number} nay in cho «{new}» ({changes}); giấy khen số {number} đã "
        "in cần in lại và sửa sổ vàng",
        "en": "số vào sổ {number} now prints for «{new}» ({changes}); reprint certificate "
        "{number} and correct the sổ vàng",
    },
    # What changed on a certificate to reprint (book_number_renamed's {changes}, joined by ";").
    "data.book_change_name": {"vi": "trước: «{old}»", "en": "before: «{old}»"},
    "data.book_change_name_case": {
        "vi": "trước: «{old}», chỉ khác chữ hoa, chữ thường",
        "en": "before: «{old}», only the letter case differs",
    },
    "data.book_change_unit": {
        "vi": "đơn vị trước: «{old}», nay: «{new}»",
        "en": "unit before: «{old}», now: «{new}»",
    },
    "data.book_change_unit_cleared": {
        "vi": "đơn vị trước: «{old}», nay để trống",
        "en": "unit before: «{old}», now left empty",
    },
    "data.book_change_unit_added": {
        "vi": "đơn vị trước để trống, nay: «{new}»",
        "en": "unit before: empty, now: «{new}»",
    },
    "data.book_change_position": {
        "vi": "chức vụ trước: «{old}», nay: «{new}»",
        "en": "position before: «{old}», now: «{new}»",
    },
    "data.book_change_position_cleared": {
        "vi": "chức vụ trước: «{old}», nay để trống",
        "en": "position before: «{old}», now left empty",
    },
    "data.book_change_position_added": {
        "vi": "chức vụ trước để trống, nay: «{new}»",
        "en": "position before: empty, now: «{new}»",
    },
    "data.book_number_freed": {
        "vi": "số vào sổ {number} («{name}») không còn trong danh sách; số này không cấp lại "
        "cho ai",
        "en": "số vào sổ {number} («{name}») is no longer in the list; the number is not given "
        "to anyone else",
    },
    # Award lists: hidden rows, the Loại a collective's row leaves out, a typed Số tiền.
    "sheet.hidden_row": {
        "vi": "hàng «{name}» đang ẩn trong Excel (ẩn tay, bị lọc hoặc nằm trong nhóm "
        "thu gọn), nên không thấy khi duyệt danh sách: bỏ ẩn hoặc xóa hàng",
        "en": "the row «{name}» is hidden in Excel (by hand, by a filter or in a "
        "collapsed group), so it is not seen when the list is checked: unhide it or delete "
        "the row",
    },
    "sheet.kind_missing": {
        "vi": "«{name}» không có chức vụ và đọc như tên một tập thể, nhưng ô {cell} (Loại) để "
        "trống; hãy ghi 'Tập thể' hoặc 'Cá nhân': số lượng và tiền thưởng tùy vào đó",
        "en": "«{name}» has no chức vụ and reads as a collective's name, but cell {cell} (Loại) "
        "is empty; write 'Tập thể' or 'Cá nhân': the count and the money depend on it",
    },
    "sheet.kind_column_missing": {
        "vi": "«{name}» không có chức vụ và đọc như tên một tập thể, nhưng danh sách không có "
        "cột Loại; hãy thêm cột 'Loại' và ghi 'Tập thể' hoặc 'Cá nhân' cho từng hàng: số "
        "lượng và tiền thưởng tùy vào đó",
        "en": "«{name}» has no chức vụ and reads as a collective's name, but the list has no "
        "Loại column; add a 'Loại' column and write 'Tập thể' or 'Cá nhân' on each row: the "
        "count and the money depend on it",
    },
    "sheet.bad_amount": {
        "vi": "ô {cell} ghi '{value}', không đọc được là số tiền; hãy ghi số đồng, ví dụ "
        "710.000, hoặc để trống",
        "en": "cell {cell} holds '{value}', which does not read as an amount; write the sum in "
        "đồng, e.g. 710.000, or leave it empty",
    },
    "sheet.amount_too_large": {
        "vi": "ô {cell} ghi '{value}', vượt quá mức một khoản tiền thưởng vanthu nhận ({limit} "
        "đồng); hãy xem lại số tiền (có thể thừa chữ số 0), hoặc để trống",
        "en": "cell {cell} holds '{value}', more than vanthu takes for one reward ({limit} "
        "đồng); check the sum (it may have zeros too many), or leave it empty",
    },
    "sheet.amount_differs": {
        "vi": "ô {cell} ghi {typed} đồng, nhưng «{award}» cho {recipient} là {amount} đồng "
        "(theo {source}, mức lương cơ sở {base} đồng); hãy sửa ô cho đúng, hoặc xóa số tiền "
        "nếu không cần",
        "en": "cell {cell} says {typed} đồng, but «{award}» for {recipient_en} is {amount} đồng "
        "(under {source}, base salary {base} đồng); correct the cell, or delete the amount if "
        "it is not needed",
    },
    "sheet.bad_coefficient": {
        "vi": "ô {cell} ghi '{value}', không đọc được là hệ số; hãy ghi hệ số mức thưởng, ví dụ "
        "0,3 hoặc 1,5, hoặc để trống",
        "en": "cell {cell} holds '{value}', which does not read as a coefficient; write the "
        "award's coefficient, e.g. 0,3 or 1,5, or leave it empty",
    },
    "sheet.coefficient_differs": {
        "vi": "ô {cell} ghi hệ số {typed}, nhưng «{award}» cho {recipient} có hệ số "
        "{coefficient}{multiple} (theo {source}), tức {amount} đồng với mức lương cơ sở {base} "
        "đồng, và quyết định sẽ tính theo hệ số đó; hãy sửa ô cho đúng, hoặc xóa hệ số nếu "
        "không cần",
        "en": "cell {cell} says coefficient {typed}, but «{award}» for {recipient_en} has "
        "coefficient {coefficient}{multiple} (under {source}), that is {amount} đồng at a base "
        "salary of {base} đồng, and the decision pays by it; correct the cell, or delete the "
        "coefficient if it is not needed",
    },
    "sheet.coefficient_above_ceiling": {
        "vi": "ô {cell} ghi hệ số {typed}, nhưng «{award}» cho {recipient} được thưởng không quá "
        "hệ số {coefficient}{multiple} (theo {source}), tức tối đa {amount} đồng với mức lương cơ "
        "sở {base} đồng; hãy ghi hệ số lớn hơn 0 và không quá {coefficient}, hoặc xóa hệ số để "
        "thưởng mức tối đa",
        "en": "cell {cell} says coefficient {typed}, but «{award}» for {recipient_en} pays at "
        "most coefficient {coefficient}{multiple} (under {source}), that is at most {amount} "
        "đồng at a base salary of {base} đồng; write a coefficient above 0 and at most "
        "{coefficient}, or delete it to pay the maximum",
    },
    "sheet.amount_above_ceiling": {
        "vi": "ô {cell} ghi {typed} đồng, nhưng «{award}» cho {recipient} được thưởng không quá "
        "{amount} đồng (hệ số {coefficient} × mức lương cơ sở {base} đồng, theo {source}); hãy "
        "ghi số tiền lớn hơn 0 và không quá {amount} đồng, hoặc xóa số tiền để thưởng mức tối đa",
        "en": "cell {cell} says {typed} đồng, but «{award}» for {recipient_en} pays at most "
        "{amount} đồng (coefficient {coefficient} × the base salary of {base} đồng, under "
        "{source}); write an amount above 0 and at most {amount} đồng, or delete it to pay the "
        "maximum",
    },
    "sheet.coefficient_multiple": {
        "vi": " (hệ số {own} của hình thức, nhân {factor} cho tập thể)",
        "en": " (the form's {own}, times {factor} for a collective)",
    },
    "sheet.coefficient_fixed_sum": {
        "vi": "ô {cell} ghi hệ số {typed}, nhưng «{award}» cho {recipient} được thưởng một "
        "khoản cố định {amount} đồng (theo {source}), không tính theo hệ số; hãy xóa hệ số ở ô "
        "này",
        "en": "cell {cell} says coefficient {typed}, but «{award}» for {recipient_en} is a "
        "fixed sum of {amount} đồng (under {source}), not a coefficient; delete the "
        "coefficient from this cell",
    },
    "data.about_too_long": {
        "vi": "trích yếu in thành {lines} dòng dưới số, ký hiệu (cột trái của phần đầu văn bản "
        "rộng khoảng {width} mm); trích yếu của công văn cần ngắn gọn, không quá {most} dòng: "
        "hãy rút gọn, giữ điều công văn đề nghị hoặc trả lời, phần diễn giải để ở nội dung",
        "en": "the trích yếu prints as {lines} lines under the number (the header's left "
        "column is about {width} mm wide); a letter's trích yếu should be short, at most "
        "{most} lines: shorten it, keeping what the letter asks or answers and leaving the "
        "explanation to its text",
    },
    # A Danh sách attached to a decision (more than 5 names) needs its title.
    "data.list_title_missing": {
        "vi": "thiếu trường bắt buộc: danh sách có {count} người (tập thể), quá {named} nên được "
        "in kèm theo quyết định, dưới tên ghi ở 'tieu_de_danh_sach' (ví dụ: Cá nhân được công "
        "nhận danh hiệu thi đua năm 2025); danh sách đến {named} người thì được kể tên ngay "
        "trong Điều 1, không cần trường này",
        "en": "required field missing: the list has {count} names, more than {named}, so it is "
        "printed after the decision under the title given in 'tieu_de_danh_sach' (e.g. Cá nhân "
        "được công nhận danh hiệu thi đua năm 2025); a list of up to {named} names is named in "
        "Điều 1 itself and needs no such field",
    },
    # A Giấy khen decision signed TM.: a Giấy khen is its giver's own (Luật Thi đua, khen thưởng).
    "data.certificate_by_collective": {
        "vi": "Giấy khen là của người đứng đầu (Luật Thi đua, khen thưởng 2022: Giấy khen của Chủ "
        "tịch UBND cấp xã, của Giám đốc ...), không phải của tập thể; quyết định này ký "
        "«{first}» (người ký '{signer}' trong hồ sơ cơ quan {profile}), thẩm quyền «{authority}». "
        "Nên ghi tham_quyen là chức vụ người đứng đầu (ví dụ «Chủ tịch {authority}») và chọn "
        "người ký không có TM.{hint}",
        "en": "a Giấy khen is its giver's own award (Law on Emulation and Commendation 2022: the "
        "Giấy khen of the Chủ tịch of a commune's UBND, of a Giám đốc ...), not a collective "
        "body's; this decision is signed «{first}» (signer '{signer}' of the agency profile "
        "{profile}), authority «{authority}». Better write the head's title as tham_quyen (e.g. "
        "«Chủ tịch {authority}») and choose a signer without TM.{hint}",
    },
    # A Nơi nhận line naming a Kính gửi recipient, after the "- Như trên;" that stands for it.
    "data.recipient_as_above": {
        "vi": "'{name}'{where} đã có ở Kính gửi ({first}), mà dòng "
        "«- Như trên;» đầu Nơi nhận đã gồm mọi nơi ở Kính gửi: văn bản sẽ gửi nơi ấy hai lần; "
        "{advice}",
        "en": "'{name}'{where} is already under Kính gửi ({first}), "
        "and the «- Như trên;» that opens Nơi nhận stands for every Kính gửi recipient: the "
        "document would be sent there twice; {advice}",
    },
    "data.as_above_drop_line": {
        "vi": "hãy bỏ dòng này ở Nơi nhận",
        "en": "remove this Nơi nhận line",
    },
    "data.as_above_drop_group": {
        "vi": "hãy ghi các nơi khác của nhóm '{group}' thay cho nhóm",
        "en": "list the other recipients of the group '{group}' instead of the group",
    },
    "data.recipient_of_group": {
        "vi": " (trong nhóm '{group}' của hồ sơ cơ quan)",
        "en": " (in the profile's group '{group}')",
    },
    "data.table_not_in_item": {
        "vi": "bảng số liệu (bang) đặt trong một khoản, không đặt ở {place}: chuyển "
        "'bang: {tables}' vào dưới một khoản của Mục ({where}), ngang hàng với tieu_de, doan "
        "của khoản đó; bảng in sau các đoạn của khoản",
        "en": "a table of figures (bang) goes in a khoản, not {place_en}: move 'bang: {tables}' "
        "under one of the Mục's khoản ({where}), beside that khoản's tieu_de and doan; the "
        "table prints after the khoản's paragraphs",
    },
    # check: a file that would take a new number, just like a numbered one (copy_of_numbered).
    "data.copy_of_numbered": {
        "vi": "văn bản giống hệt số {other} (cùng loại, ngày và trích yếu): tệp được chép mà chưa "
        "sửa? Hãy sửa trước khi dựng; dựng như thế này thì văn bản được cấp thêm một số mới cho "
        "cùng một văn bản",
        "en": "the document is just like {other} (the same type, date and trích yếu): a file "
        "copied and not yet edited? Edit it before rendering; rendered as it is, it takes a "
        "second number for one document",
    },
    "data.copy_of_numbered_elsewhere": {
        "vi": "văn bản giống hệt số {other} của một thư mục làm việc khác (dinh_danh: "
        "{identity}{place}; cùng loại, ngày và trích yếu): nếu cả hai người cùng soạn một văn "
        "bản, chỉ một người dựng để lấy số",
        "en": "the document is just like {other} of another workspace (dinh_danh: "
        "{identity}{place}; the same type, date and trích yếu): if both clerks wrote one "
        "document, only one of them should render it to take a number",
    },
    # A key typed without the space after its colon (yaml_source._glued_key).
    "data.yaml_key_space": {
        "vi": "lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm của khóa '{key}': «{typed}» → "
        "«{fixed}»",
        "en": "YAML syntax error: a space is missing after the colon of the key '{key}': "
        "«{typed}» → «{fixed}»",
    },
    # The parser's problems, said in the clerk's words (data.yaml_syntax's {reason}).
    "data.yaml_reason_colon": {
        "vi": "không tìm thấy dấu hai chấm của khóa: một dòng ở trên thiếu dấu ': ' sau tên khóa "
        "(khóa: giá trị), hoặc một đoạn chữ xuống dòng mà không thụt lề",
        "en": "a key's colon is missing: a line above lacks ': ' after its key (key: value), or "
        "a text runs onto the next line without being indented",
    },
    "data.yaml_reason_dash_here": {
        "vi": "có dấu '- ' (một mục của danh sách) ở chỗ không có danh sách: kiểm tra thụt lề, "
        "chữ thừa sau dấu nháy đóng, và dấu nháy đóng của các giá trị ở trên",
        "en": "a '- ' (a list item) where no list can be: check the indentation, any text after "
        "a closing quote, and the closing quotes of the values above",
    },
    "data.yaml_reason_after_value": {
        "vi": "sau giá trị trên dòng này chỉ được có ghi chú (# ...); sau dấu '|' hoặc '>' (đoạn "
        "chữ nhiều dòng) không viết chữ trên cùng dòng: xuống dòng rồi thụt lề đoạn chữ",
        "en": "after the value on this line only a comment (# ...) may follow; after '|' or '>' "
        "(a text of several lines) write nothing on the same line: start the text on the next "
        "line, indented",
    },
    "data.yaml_reason_cut": {
        "vi": "tệp hết giữa chừng một giá trị: dấu '[' hoặc '{' chưa đóng, hoặc tệp bị cắt",
        "en": "the file ends in the middle of a value: a '[' or '{' not closed, or the file cut "
        "short",
    },
    "data.yaml_reason_node": {
        "vi": "giá trị ở đây bắt đầu bằng một ký hiệu riêng của YAML; đặt cả giá trị trong dấu "
        "nháy kép",
        "en": "the value here starts with one of YAML's own marks; put the whole value in double "
        "quotes",
    },
    "data.yaml_reason_key": {
        "vi": "dòng này không phải khóa cùng cấp với các dòng trên: kiểm tra thụt lề và dấu "
        "nháy đóng ở dòng trên",
        "en": "this line is not a key of the level above: check the indentation and the closing "
        "quote on the line above",
    },
    "data.yaml_reason_dash": {
        "vi": "danh sách mỗi mục một dòng bắt đầu bằng '- '; dòng này thiếu dấu '- ' hoặc thụt "
        "lề sai",
        "en": "a list has one item a line starting with '- '; this line lacks the '- ' or is "
        "indented wrongly",
    },
    "data.yaml_reason_document": {
        "vi": "tệp có dòng '---' hoặc '...' chia tệp làm nhiều phần; mỗi tệp chỉ một văn bản: "
        "bỏ dòng ấy",
        "en": "a '---' or '...' line splits the file into several parts; a file holds one "
        "document: remove that line",
    },
    "data.yaml_reason_escape": {
        "vi": "trong dấu nháy kép, dấu '\\' bắt đầu một ký tự đặc biệt; viết '\\\\' hoặc đặt "
        "giá trị trong dấu nháy đơn",
        "en": "inside double quotes a '\\' starts a special character; write '\\\\' or put "
        "the value in single quotes",
    },
    "data.yaml_reason_anchor": {
        "vi": "giá trị bắt đầu bằng '&' hoặc '*' (ký hiệu riêng của YAML); đặt cả giá trị trong "
        "dấu nháy kép",
        "en": "the value starts with '&' or '*' (YAML's own marks); put the whole value in "
        "double quotes",
    },
    "data.yaml_reason_question": {
        "vi": "dấu '?' ở đầu giá trị là ký hiệu riêng của YAML; đặt cả giá trị trong dấu nháy "
        "kép",
        "en": "a '?' starting a value is YAML's own mark; put the whole value in double quotes",
    },
    "data.yaml_reason_end": {
        "vi": "tệp hết mà một dấu nháy, ngoặc hay khối chưa đóng",
        "en": "the file ends while a quote, bracket or block is still open",
    },
    # Giấy khen batches (s52): a batch with no thành tích, its decision's nor its own.
    "data.certificate_no_achievement": {
        "vi": "đợt giấy khen không có thành tích: quyết định {decision} không nêu "
        "khen_thuong.thanh_tich và tệp này không ghi {field_name}, nên mỗi giấy khen sẽ in "
        "không có dòng thành tích; hãy ghi {field_name}: <thành tích> vào tệp này",
        "en": "the batch has no thành tích: decision {decision} states no "
        "khen_thuong.thanh_tich and this file gives no {field_name}, so every certificate "
        "would print without its achievement line; write {field_name}: <the achievement> in "
        "this file",
    },
    # Nơi nhận / Kính gửi lists (s52): a recipient group named under Kính gửi or Kính mời.
    "data.group_in_addressees": {
        "vi": "nhóm nơi nhận «nhom: {group}» chỉ dùng trong noi_nhan; ở đây (Kính gửi, Kính mời, "
        "Thành phần) vanthu in đúng chữ đã ghi nên không lấy nhóm trong hồ sơ cơ quan: ghi tên "
        "từng nơi, mỗi dòng một nơi",
        "en": "a recipient group «nhom: {group}» is for noi_nhan only; here (Kính gửi, Kính mời, "
        "Thành phần) vanthu prints the words as written and takes no group of the agency "
        "profile: name each recipient, one a line",
    },
    # names, the yearly report, a reference (s52): a report's broken figure tag, one name under
    # two units across a year's decisions, a reference naming a file that is no document.
    "data.figure_tag_broken": {
        "vi": "có «{tag}», không phải số liệu vanthu điền được mà sẽ in nguyên như vậy: số liệu "
        "viết dạng {{{{ ten_so_lieu }}}} (chữ thường, không có '|', không có {{% ... %}}); số "
        "liệu gần nhất: '{{{{ {hint} }}}}'",
        "en": "has «{tag}», which is no figure vanthu can fill and would print as it is: a figure "
        "is written {{{{ figure_name }}}} (lower case, no '|', no {{% ... %}}); the closest "
        "figure: '{{{{ {hint} }}}}'",
    },
    "data.report_person_two_units": {
        "vi": "{names} có tên trong quyết định {first} ở đơn vị «{first_unit}» và trong quyết "
        "định {second} ở đơn vị «{unit}»: báo cáo đếm mỗi tên ở mỗi đơn vị là một cá nhân "
        "({counted} cá nhân, không gộp). Nếu là cùng người (đơn vị đổi tên trong năm), số cá "
        "nhân của báo cáo thừa {people}, và tập thể được khen dưới cả hai tên cũng bị đếm hai "
        "lần: hãy gõ số đúng vào lời văn thay cho số liệu đó",
        "en": "{names}: named in decision {first} under the unit «{first_unit}» and in decision "
        "{second} under «{unit}»: the report counts each name in each unit as one cá nhân "
        "({counted} cá nhân, not merged). If they are the same people (the unit renamed during "
        "the year), the report's count of cá nhân is {people} too many, and a tập thể awarded "
        "under both names is counted twice too: type the right number in the text instead of "
        "that figure",
    },
    "data.reference_not_a_document": {
        "vi": "tệp '{name}' không phải tệp dữ liệu của một văn bản (.yaml): trường này ghi tên "
        "tệp .yaml của văn bản, không phải danh sách (.csv, .xlsx) văn bản đó ghi ở danh_sach:, "
        "cũng không phải tệp .docx/.pdf đã dựng",
        "en": "'{name}' is no document's data file (.yaml): this field names the document's "
        ".yaml file, not the list (.csv, .xlsx) that document names under danh_sach:, nor a "
        ".docx/.pdf built from it",
    },
    # s54 namesakes across decisions: namesakes a list tells apart by their chức vụ, named by
    # other decisions of the year too (load.report.namesakes_across_decisions).
    "data.report_namesakes": {
        "vi": "'{name}' («{unit}»): danh sách của quyết định {first} phân biệt {told} người cùng "
        "tên, cùng đơn vị bằng chức vụ ({positions}), và quyết định {others} cũng có tên này: "
        "báo cáo đếm người cùng họ tên, đơn vị và chức vụ ở các quyết định là cùng một người, "
        "người có chức vụ khác là người khác ({people} cá nhân){untold}. Nếu chức vụ của một "
        "người đã đổi trong năm, hãy gõ số đúng vào lời văn thay cho số liệu đó",
        "en": "'{name}' («{unit}»): the list of decision {first} tells {told} people of this "
        "name and unit apart by their chức vụ ({positions}), and decision {others} names them "
        "too: the report counts a row of the same name, unit and chức vụ in the decisions as "
        "the same person, one of another chức vụ as another ({people} cá nhân){untold}. If "
        "someone's chức vụ changed during the year, type the right number in the text instead "
        "of that figure",
    },
    "data.report_namesakes_untold": {
        "vi": "; dòng không ghi chức vụ được đếm là người có chức vụ «{position}»",
        "en": "; a row without a chức vụ is counted as the one whose chức vụ is «{position}»",
    },
    # s54 sổ vàng in the register: a Giấy khen batch giving a number the book holds for a
    # certificate of another batch (load.certificates.book_number_taken).
    "data.book_number_taken": {
        "vi": "số vào sổ {numbers} đã ghi trong sổ vàng năm {year} của {agency} cho giấy khen "
        "của người khác: {holders}{more}; mỗi số vào sổ chỉ cấp cho một người, kể cả khi thư "
        "mục kết quả đã xóa: hãy sửa so_vao_so (số tiếp theo chưa cấp trong sổ: {following})",
        "en": "sổ vàng numbers {numbers} of {agency}'s {year} book are already given to "
        "someone else's certificates: {holders}{more}; a number is given to one person only, "
        "even once the outputs folder is deleted: change so_vao_so (the next number the book "
        "has not given: {following})",
    },
    "data.book_holder": {
        "vi": "số {number} «{name}» (đợt {batch})",
        "en": "number {number} «{name}» (batch {batch})",
    },
    "data.book_holder_other": {
        "vi": "số {number} «{name}» (đợt {batch} của thư mục làm việc {workspace})",
        "en": "number {number} «{name}» (batch {batch} of workspace {workspace})",
    },
    # s54b Nơi nhận groups: a group typed as a YAML list under its line (model.document
    # _mapping_as_written), said with the lines to type instead.
    "data.recipient_group_nested": {
        "vi": "hãy viết nhóm nơi nhận «{name}» thành các dòng của danh sách noi_nhan, mỗi dòng "
        "trong dấu nháy kép, dòng mở nhóm kết thúc bằng dấu hai chấm, mỗi nơi của nhóm bắt đầu "
        "bằng «+ »: {lines}",
        "en": "write the recipient group «{name}» as lines of the noi_nhan list, each in double "
        "quotes, the line opening the group ending with a colon and each member starting with "
        "«+ »: {lines}",
    },
    # s54 sổ vàng, the new people of a batch that keeps its numbers: the next numbers the
    # batch would give are held by another batch (load.certificates.book_number_taken, kept).
    "data.book_next_number_taken": {
        "vi": "số vào sổ {numbers} mà đợt này cấp cho người mới thêm vào danh sách đã ghi "
        "trong sổ vàng năm {year} của {agency} cho giấy khen của người khác: {holders}{more}; "
        "đừng sửa so_vao_so của đợt này (cả đợt sẽ được đánh số lại, khác số trên các giấy "
        "khen đã in). Để các giấy đã in giữ số: bỏ người mới khỏi danh sách này và in họ thành "
        "một đợt riêng (của quyết định bổ sung) với so_vao_so: {following}, số tiếp theo chưa "
        "cấp trong sổ; hoặc, nếu giấy khen của đợt kia chưa phát, chuyển đợt kia: sửa "
        "so_vao_so của đợt kia thành {following}",
        "en": "sổ vàng numbers {numbers}, which this batch gives to people added to its list, "
        "are already given in {agency}'s {year} book to someone else's certificates: "
        "{holders}{more}; do not change this batch's so_vao_so (the whole batch would be "
        "numbered afresh, unlike the certificates printed). To keep the printed certificates' "
        "numbers: take the new people out of this list and print them as a batch of their own "
        "(of a supplementary decision) with so_vao_so: {following}, the next number the book "
        "has not given; or, if the other batch's certificates are not handed out yet, move "
        "that batch: change its so_vao_so to {following}",
    },
    # The advice ending build.book_numbers_overlap when the numbers shared are only those the
    # batch gives people added to its list (load.certificates.new_numbers_only).
    "data.book_next_numbers_advice": {
        "vi": "đây là số cho người mới thêm vào danh sách của đợt này, các giấy khen đã in giữ "
        "số: đừng sửa so_vao_so của đợt này (cả đợt sẽ được đánh số lại); hãy bỏ người mới khỏi "
        "danh sách này và in họ thành một đợt riêng (của quyết định bổ sung) với so_vao_so: "
        "{following}, số sau số cuối của đợt kia; hoặc, nếu giấy khen của đợt kia chưa phát, "
        "sửa so_vao_so của đợt kia thành {following}",
        "en": "these are the numbers of people added to this batch's list, and the "
        "certificates printed keep theirs: do not change this batch's so_vao_so (the whole "
        "batch would be numbered afresh); take the new people out of this list and print them "
        "as a batch of their own (of a supplementary decision) with so_vao_so: {following}, "
        "the number after the other batch's last; or, if the other batch's certificates are "
        "not handed out yet, change its so_vao_so to {following}",
    },
    # s54 G3, a list's sheet to name: a refusal whose cure is the decision's trang_tinh (the
    # list on several sheets, or on another one) said at its danh_sach line, the list's own
    # file, sheet and words after it (load.lists.at_list_line).
    "data.list_sheet_to_name": {"vi": "{error}", "en": "{error}"},
    # s56 F2, a Mục's doan typed below its khoan: printed before the khoản all the same
    # (context.sections.paragraph_order_warnings).
    "data.paragraphs_typed_after_items": {
        "vi": "«{before}:» được gõ dưới «{items}:» nhưng các đoạn của «{before}:» luôn in ngay "
        "dưới tên Mục, trước các khoản; để in chúng sau các khoản, đổi «{before}:» thành "
        "«{after}:» (muốn in trước các khoản thì chuyển «{before}:» lên trên «{items}:»)",
        "en": "«{before}:» is typed below «{items}:», but the paragraphs of «{before}:» always "
        "print right under the Mục's title, before its khoản; to print them after the khoản, "
        "rename «{before}:» to «{after}:» (to print them before the khoản, move «{before}:» "
        "above «{items}:»)",
    },
    # s56 F1: a character Times New Roman (Liberation Serif 2.x) has no glyph for (℃, ✓),
    # warned at the first text holding it (rules.font_coverage.glyph_warning).
    "data.glyph_missing": {
        "vi": "ký tự {char} không có trong phông Times New Roman: Word in nó bằng phông khác, "
        "còn vanthu không xuất được PDF của văn bản khi có nó{hint}",
        "en": "the character {char} is not in the Times New Roman font: Word prints it in "
        "another font, and vanthu cannot make the document's PDF while it is there{hint}",
    },
    "data.glyph_replacement": {
        "vi": "; hãy viết «{instead}» thay cho «{char}»",
        "en": "; write «{instead}» instead of «{char}»",
    },
    # s57 R4, an Điều's doan typed below its khoan: printed before the khoản all the same, as a
    # Mục's (context.sections.paragraph_order_warnings).
    "data.article_paragraphs_typed_after_items": {
        "vi": "«{before}:» được gõ dưới «{items}:» nhưng các đoạn của «{before}:» luôn in ngay "
        "sau phần mở đầu của Điều, trước các khoản; để in chúng sau các khoản, đổi «{before}:» "
        "thành «{after}:» (muốn in trước các khoản thì chuyển «{before}:» lên trên «{items}:»)",
        "en": "«{before}:» is typed below «{items}:», but the paragraphs of «{before}:» always "
        "print right after the Điều's own text, before its khoản; to print them after the "
        "khoản, rename «{before}:» to «{after}:» (to print them before the khoản, move "
        "«{before}:» above «{items}:»)",
    },
}
