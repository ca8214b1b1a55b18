"""Messages: câu chữ (phrase tables), trình bày danh sách, hồ sơ cơ quan."""

MESSAGES = {
    "wording.unknown_field": {
        "vi": "câu này không có trường '{{{{ {name} }}}}'; các trường dùng được: {known}",
        "en": "this phrase has no field '{{{{ {name} }}}}'; the fields it can use: {known}",
    },
    "wording.no_value": {
        "vi": "câu '{key}' dùng trường '{{{{ {name} }}}}' mà văn bản này không có số liệu đó "
        "(ví dụ: danh sách không có tiền thưởng, hoặc có nhiều mức tiền)",
        "en": "phrase '{key}' uses the field '{{{{ {name} }}}}', which this document has no "
        "value for (e.g. a list without money, or several amounts)",
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
    "wording.authority_needs_whom": {
        "vi": "có 'tham_quyen' thì cần 'thay_cho' (tập thể, hoặc chức vụ người đứng đầu)",
        "en": "'tham_quyen' needs 'thay_cho' (the collective body or the head's title)",
    },
    "wording.bad_abbreviation": {
        "vi": "chữ viết tắt '{value}' chỉ gồm chữ cái và chữ số, không dấu cách, không dấu "
        "gạch (ví dụ UBND, VPUBND, TTg, HĐTĐKT)",
        "en": "abbreviation '{value}': letters and digits only, no spaces or hyphens "
        "(e.g. UBND, VPUBND, TTg, HĐTĐKT)",
    },
}
