"""The most one part of a zip package (.xlsx, .docx) may inflate to before it is read.

Its own module, importing nothing: the spreadsheet reader (load.spreadsheet.limits) and verify
(verify.package) share it, and verify importing the reader's limits would load the whole reader,
calamine with it, some 90 ms of every verify's start.
An office's list or document keeps its XML far under it (Word keeps a document's text under
32 MB; its XML, several times that with its markup, stays well under this); a zip bomb (2 GB of
spaces in 2 MB) is refused before it is inflated.
"""

MAX_PART_BYTES = 256 * 1024 * 1024
