"""The XML namespaces of a .docx (WordprocessingML and the parts around it) and of the few
parts of an .xlsx list that are read, named once.

A layer below the renderer and the reader (render/ and verify/ both import it; it imports
nothing of vanthu): a namespace is neither a style rule nor a reading rule, and render/ does not
look into verify/.
"""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
# SpreadsheetML: a list's workbook.xml and sheets (load.spreadsheet.xlsx).
SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# Every prefix the reader's paths use ("w:p", "wp:anchor", "v:shape", "rel:Relationship").
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": R,
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": MC,
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "rel": PACKAGE_RELS,
}
# "w:" alone, for paths that name nothing else: lxml sorts the map into its path cache's key on
# every find(), and the style resolution (render.styles) calls it for every paragraph and run.
W_NS = {"w": W}

# Clark prefixes: f"{W_CLARK}p" is "{…/wordprocessingml/2006/main}p", what lxml names a w:p.
W_CLARK = f"{{{W}}}"
R_CLARK = f"{{{R}}}"
MC_CLARK = f"{{{MC}}}"
PACKAGE_RELS_CLARK = f"{{{PACKAGE_RELS}}}"


def q(name: str) -> str:
    """Clark name of a prefixed tag: q('w:p')."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def w(name: str) -> str:
    """Clark name of a WordprocessingML tag or attribute: w('val')."""
    return W_CLARK + name

# What vanthu's templates are written with (tools/make_templates.py) and what `templates check`
# expects of an office's copy (template_tools.check.old_copy_marks): the documents' language
# (w:lang; Word proofs the text in it), and the children of w:tblPr in the schema's order
# (CT_TblPr, ECMA-376 Part 1 §17.4.60), each once.
DOCUMENT_LANGUAGE = "vi-VN"
TABLE_PROPERTIES = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)  # fmt: skip
