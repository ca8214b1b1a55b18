"""The message catalogue: every text shown to a user, in Vietnamese and English.

One catalogue, kept in one file per area so each area's messages sit together; keys are
'area.name'. Each entry maps a language code to a str.format pattern. The help area's entries
(help.*, the commands' --help) are found by their Vietnamese text: see pipeline.help_language.
"""

from __future__ import annotations

from pipeline.messages import (
    build,
    cli,
    common,
    data,
    help,
    limits,
    money,
    register,
    render,
    sheet,
    templates,
    verify,
    wording,
    workspace,
)

AREAS = (
    common,
    data,
    money,
    sheet,
    render,
    build,
    verify,
    templates,
    cli,
    limits,
    register,
    wording,
    workspace,
    help,
)
CATALOGUE: dict[str, dict[str, str]] = {}
for _area in AREAS:
    _overlap = CATALOGUE.keys() & _area.MESSAGES.keys()
    if _overlap:  # two areas claiming a key would silently shadow one message
        raise RuntimeError(f"duplicate message keys: {sorted(_overlap)}")
    CATALOGUE.update(_area.MESSAGES)
