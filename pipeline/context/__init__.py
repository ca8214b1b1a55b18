"""Template contexts: derived text (Số/ký hiệu, date line, Lưu, rules) computed once from data."""
