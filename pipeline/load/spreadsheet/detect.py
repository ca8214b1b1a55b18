"""Which kind of file a danh sách is; refuses early what cannot be read (.xls, encrypted)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
# Compound File Binary (OLE2): old .xls, and also the wrapper Excel puts around an encrypted .xlsx.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"


def file_kind(path: Path) -> str:
    """'xlsx' or 'csv', by the file's name and first bytes; InputError for anything else."""
    if not path.is_file():
        raise InputError("sheet.not_found", file=path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(OLE2_MAGIC))
    except OSError as exc:
        raise InputError("sheet.read_failed", file=path, reason=exc.strerror or exc) from exc
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError("sheet.xls_format", file=path, name=path.name)
    if magic == OLE2_MAGIC:
        # An encrypted .xlsx is an OLE2 container too; only the name tells it from an .xls.
        key = "sheet.encrypted" if suffix in XLSX_SUFFIXES else "sheet.xls_format"
        raise InputError(key, file=path, name=path.name)
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in TEXT_SUFFIXES:
        return "csv"
    supported = ", ".join(XLSX_SUFFIXES + TEXT_SUFFIXES)
    raise InputError(
        "sheet.unsupported_format", file=path, suffix=suffix or path.name, supported=supported
    )
