"""Which kind of file a danh sách is; refuses early what cannot be read (.xls, encrypted)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
# Compound File Binary (OLE2): old .xls, and also the wrapper Excel puts around an encrypted .xlsx.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"


def file_kind(path: Path) -> str:
    """'xlsx' or 'csv', by the file's name and first bytes; InputError for anything else.

    An .xlsx is not opened here: its reader reads the whole file once and looks at the first
    bytes itself (refuse_ole2).
    """
    if not path.is_file():
        raise InputError("sheet.not_found", file=path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(OLE2_MAGIC))
    except OSError as exc:
        raise InputError("sheet.read_failed", file=path, reason=exc.strerror or exc) from exc
    if suffix == ".xls":
        raise InputError("sheet.xls_format", file=path, name=path.name)
    refuse_ole2(path, magic)
    if suffix in TEXT_SUFFIXES:
        return "csv"
    supported = ", ".join(XLSX_SUFFIXES + TEXT_SUFFIXES)
    raise InputError(
        "sheet.unsupported_format", file=path, suffix=suffix or path.name, supported=supported
    )


def refuse_ole2(path: Path, head: bytes) -> None:
    """InputError if the file starts as an OLE2 container: an old .xls, or an encrypted .xlsx
    (Excel wraps those in OLE2 too; only the name tells them apart)."""
    if head[: len(OLE2_MAGIC)] == OLE2_MAGIC:
        key = "sheet.encrypted" if path.suffix.lower() in XLSX_SUFFIXES else "sheet.xls_format"
        raise InputError(key, file=path, name=path.name)
