"""The tester's UBND xã Chiềng Mung as a workspace written by hand (r13b): vanthu.yaml, the xã's
profile under inputs/co-quan/, and the YAML data files the tests write into it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

# The profile up to its signers, and the Chủ tịch signing in person: the tester's profile is the
# two; a test needing more signers or recipient groups adds its own around CHAIRMAN.
XA_OFFICE = """\
ten_co_quan:
- ỦY BAN NHÂN DÂN
- XÃ CHIỀNG MUNG
ten_day_du: Ủy ban nhân dân xã Chiềng Mung
viet_tat: UBND
dia_danh: Chiềng Mung
don_vi:
  VP:
    ten: Văn phòng HĐND và UBND xã
"""
CHAIRMAN = """\
  chu-tich-ca-nhan:
    ho_ten: Lò Văn Thắng
    chuc_vu: Chủ tịch
"""
XA = f"{XA_OFFICE}nguoi_ky:\n{CHAIRMAN}"


def xa_workspace(root: Path, profile: str = XA,
                 name: str = "uy-ban-nhan-dan-xa-chieng-mung") -> Path:  # fmt: skip
    """`root` made the xã's workspace: vanthu.yaml naming it and `profile` as
    inputs/co-quan/<name>.yaml (a document's co_quan is `name`). The co-quan folder."""
    (root / "vanthu.yaml").write_text("ten: Ủy ban nhân dân xã Chiềng Mung\n", "utf-8")
    agencies = root / "inputs" / "co-quan"
    agencies.mkdir(parents=True)
    (agencies / f"{name}.yaml").write_text(profile, "utf-8")
    return agencies


def write(path: Path, data: Mapping[str, Any]) -> Path:
    """`data` written as a YAML data file at `path`: keys in order, Vietnamese as typed, no
    line folded (a test finds a field's line by its text)."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096), "utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The line (from 1) of the file's first line holding `text`."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)
