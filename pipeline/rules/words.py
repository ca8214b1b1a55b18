"""Số tiền bằng chữ: amounts in Vietnamese words, in the accounting form used on documents.

The rules (Vietnamese accounting habit, as in the reference and on invoices and vouchers):

- Digits are read in groups of three (hàng đơn vị, nghìn, triệu); above a thousand million the
  words before "tỷ" are read again as a number below 10^9, so 10^12 is "một nghìn tỷ" and
  10^15 "một triệu tỷ". "tỷ" therefore occurs at most once below 10^18.
- The first (leading) group is read as it is said: 21 000 is "hai mươi mốt nghìn".
- Every later group says its hundreds, "không trăm" included, and a lone unit after zero tens
  takes "linh": 1 005 000 is "một triệu không trăm linh năm nghìn".
- Groups that are all zeros are not read, wherever they stand. At the end this is plain
  (1 000 000 is "một triệu"). In the middle the scale word of the next non-zero group keeps
  the reading unambiguous, so nothing is lost by skipping, and it is what people say and what
  accounting software prints: 1 000 000 005 is "một tỷ không trăm linh năm", 1 000 005 000 is
  "một tỷ không trăm linh năm nghìn", 1 005 000 000 is "một tỷ không trăm linh năm triệu".
  Reading the skipped groups ("một tỷ không triệu không nghìn không trăm linh năm") is not a
  form anyone writes. The group after a skipped one is still a later group: it keeps its
  "không trăm linh".
- Units after tens: "mốt" for 1 after tens >= 2 ("hai mươi mốt", but "mười một"), "lăm" for 5
  after tens >= 1 ("mười lăm", "hai mươi lăm", but "linh năm"), "tư" for 4 after tens >= 2
  ("hai mươi tư", but "mười bốn", "linh bốn"). 10 to 19 say "mười"; 20 and up say "mươi".
- Spelling: "linh" (not "lẻ", and never "lẽ"), "nghìn" (not "ngàn"), "tỷ" (not "tỉ").

Written by hand on purpose: num2words('vi') drops "không trăm" (1 005 000 → "một triệu năm
nghìn") and vietnam-number writes "lẽ", a misspelling of "lẻ"; neither is fit for a document.
"""

from __future__ import annotations

from pipeline.errors import InputError

# Amounts from 0 up to (not including) a billion billion: "tỷ" is never repeated below it.
LIMIT = 10**18

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

# Every word amount_in_words can produce; tests check the output never leaves this set.
VOCABULARY = frozenset(
    DIGITS + ("mốt", "tư", "lăm", "mười", "mươi", "trăm", "linh", "nghìn", "triệu", "tỷ")
)

_BILLION = 10**9


def _group(number: int, *, full: bool) -> list[str]:
    """Words of one group of three digits (1-999); `full` says the hundreds even when zero."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            # "linh" only after a spoken hundred: 105 "một trăm linh năm", but 5 "năm".
            words += ["linh", DIGITS[units]] if words else [DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, DIGITS[units]))
    return words


def _below_billion(number: int, *, leading: bool) -> list[str]:
    """Words of 1 to 999 999 999; `leading` when nothing has been said before it."""
    words: list[str] = []
    for scale, name in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        group = (number // scale) % 1000
        if not group:  # all-zero groups are skipped, in the middle as at the end
            continue
        words += _group(group, full=not (leading and not words))
        if name:
            words.append(name)
    return words


def amount_in_words(n: int) -> str:
    """Số tiền bằng chữ: `n` in lowercase Vietnamese words, accounting form (0 <= n < 10**18)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"amount must be an int, got {type(n).__name__}")
    if not 0 <= n < LIMIT:
        limit = f"{LIMIT:,}".replace(",", ".")
        raise InputError("money.amount_out_of_range", amount=n, limit=limit)
    if n == 0:
        return DIGITS[0]
    upper, lower = divmod(n, _BILLION)
    words: list[str] = []
    if upper:
        words += _below_billion(upper, leading=True) + ["tỷ"]
    if lower:
        words += _below_billion(lower, leading=not words)
    return " ".join(words)


def money_in_words(n: int, *, chan: bool = False) -> str:
    """Bằng chữ line: 'Một triệu ... nghìn đồng.' ('đồng chẵn.' for a round amount when `chan`)."""
    words = amount_in_words(n)
    # "chẵn" tells the reader nothing is left over below the thousands; zero is not an amount
    # anyone calls round, so it stays "Không đồng.".
    ending = "đồng chẵn." if chan and n and n % 1000 == 0 else "đồng."
    return f"{words[0].upper()}{words[1:]} {ending}"
