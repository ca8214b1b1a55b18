"""Messages: money (mức lương cơ sở, tiền thưởng, số tiền bằng chữ)."""

MESSAGES: dict[str, dict[str, str]] = {
    "money.no_base_salary": {
        "vi": "Không có mức lương cơ sở cho ngày {date:%d/%m/%Y}: bảng mức lương cơ sở bắt đầu "
        "từ ngày {first:%d/%m/%Y}. Nếu quyết định không ghi tiền thưởng, đặt 'tien_thuong: khong' "
        "trong mục khen_thuong.",
        "en": "No base salary (mức lương cơ sở) for {date:%d/%m/%Y}: the base salary table "
        "starts on {first:%d/%m/%Y}. If the decision states no money, set 'tien_thuong: khong' "
        "in khen_thuong.",
    },
    "money.cited_other_decree": {
        "vi": "căn cứ ghi {cited}, nhưng quyết định ngày {date:%d/%m/%Y} tính tiền thưởng theo "
        "{in_force} (Điều 2 nêu nghị định này): sửa căn cứ cho đúng nghị định đang có hiệu lực "
        "(chép từ quyết định kỳ trước?)",
        "en": "the căn cứ cites {cited}, but a decision dated {date:%d/%m/%Y} pays its rewards "
        "under {in_force} (which Điều 2 names): cite the decree in force (copied from an "
        "earlier decision?)",
    },
    "money.cited_other_law": {
        "vi": "căn cứ ghi {cited}, nhưng quyết định ngày {date:%d/%m/%Y} theo {in_force}: sửa căn "
        "cứ cho đúng luật đang có hiệu lực (chép từ quyết định kỳ trước?)",
        "en": "the căn cứ cites {cited}, but a decision dated {date:%d/%m/%Y} falls under "
        "{in_force}: cite the law in force (copied from an earlier decision?)",
    },
    "money.no_regime": {
        "vi": "Không có quy định về tiền thưởng cho quyết định ngày {date:%d/%m/%Y}: dữ liệu "
        "khen thưởng bắt đầu từ ngày {first:%d/%m/%Y}. Nếu quyết định không ghi tiền thưởng, đặt "
        "'tien_thuong: khong' trong mục khen_thuong.",
        "en": "No reward rules for a decision dated {date:%d/%m/%Y}: the reward data starts "
        "on {first:%d/%m/%Y}. If the decision states no money, set 'tien_thuong: khong' in "
        "khen_thuong.",
    },
    "money.unknown_award": {
        "vi": "Không có danh hiệu hoặc hình thức khen thưởng “{name}” theo {decree}. "
        "Có phải là “{suggestion}”?",
        "en": "Unknown title or form of award “{name}” under {decree}. "
        "Did you mean “{suggestion}”?",
    },
    "money.other_giver": {
        "vi": "“{name}”: một quyết định chỉ tặng {award} của một người; dòng {first} của danh "
        "sách ghi “{first_name}”. Có phải là “{first_name}”? (Khen thưởng của người khác thì "
        "lập quyết định riêng.)",
        "en": "“{name}”: one decision gives {award} of one person only; row {first} of the "
        "list says “{first_name}”. Did you mean “{first_name}”? (Another person's award needs "
        "its own decision.)",
    },
    "money.award_not_in_regime": {
        "vi": "“{name}” không có mức tiền thưởng theo {decree}, áp dụng cho quyết định ngày "
        "{date:%d/%m/%Y} (chỉ có theo {known_in}).",
        "en": "“{name}” has no reward rate under {decree}, which applies to a decision dated "
        "{date:%d/%m/%Y} (only under {known_in}).",
    },
    "money.award_not_for": {
        "vi": "“{name}” không dành cho {recipient} (theo {decree}).",
        "en": "“{name}” is not awarded to {recipient_en} (under {decree}).",
    },
    "money.amount_out_of_range": {
        "vi": "Số tiền {amount} không đọc được thành chữ: chỉ đọc từ 0 đến dưới {limit}.",
        "en": "Cannot write the amount {amount} in words: only 0 up to below {limit}.",
    },
    "money.bad_data": {
        "vi": "Dữ liệu tiền thưởng không hợp lệ: {problem}",
        "en": "Invalid reward data: {problem}",
    },
    "money.unknown_award_plain": {
        "vi": "Không có danh hiệu hoặc hình thức khen thưởng “{name}” theo {decree}.",
        "en": "Unknown title or form of award “{name}” under {decree}.",
    },
    # An award list's row: the office's own awards (khen_thuong_rieng) were looked up too.
    "money.unknown_office_award": {
        "vi": "Không có danh hiệu hoặc hình thức khen thưởng “{name}” theo {decree}, cũng không "
        "có trong khen_thuong_rieng của hồ sơ cơ quan. Có phải là “{suggestion}”? (Khen thưởng "
        "theo quy chế riêng của đơn vị thì ghi mức thưởng trong khen_thuong_rieng.)",
        "en": "Unknown title or form of award “{name}” under {decree}, and not among the "
        "office's own awards (khen_thuong_rieng). Did you mean “{suggestion}”? (An award under "
        "the unit's own rules gets its amount under khen_thuong_rieng in the profile.)",
    },
    "money.unknown_office_award_plain": {
        "vi": "Không có danh hiệu hoặc hình thức khen thưởng “{name}” theo {decree}, cũng không "
        "có trong khen_thuong_rieng của hồ sơ cơ quan. (Khen thưởng theo quy chế riêng của đơn "
        "vị thì ghi mức thưởng trong khen_thuong_rieng.)",
        "en": "Unknown title or form of award “{name}” under {decree}, and not among the "
        "office's own awards (khen_thuong_rieng). (An award under the unit's own rules gets its "
        "amount under khen_thuong_rieng in the profile.)",
    },
}
