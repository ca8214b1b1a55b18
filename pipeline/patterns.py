"""Regular expressions compiled when first used, not when their module is imported.

Every command imports the modules it may need and compiles their module-level patterns: a
build of award decisions compiled some hundred patterns it never used (a template's error
paths, a plan's typed numbers, a register's URLs), 65 M instructions of its start (callgrind,
`vanthu build -j 1` of 3 decisions). A pattern made with `lazy` is compiled by its first call
and the same Pattern is returned by every later one. Patterns every build uses stay compiled
at import: for them laziness saves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from typing import AnyStr


def lazy(pattern: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """`re.compile(pattern, flags)`, made at the first call and kept (functools.cache)."""
    return cache(partial(re.compile, pattern, flags))
