"""The data fields a template reads, as paths (chu_ky.ho_ten, cac_muc[].khoan[].tieu_de).

Found by walking Jinja's syntax tree, following loop variables, `with` names and included
shared blocks, so a path names the data as the context builder provides it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, nodes

FieldPath = tuple[str, ...]
ITEM = "[]"  # one element of a list the template loops over
_IGNORED = {"loop", "range", "true", "false", "none", "True", "False", "None"}


class FieldCollector:
    """Collects the field paths of a template source and of the blocks it includes.

    Names the template binds itself ({% set %}, a for's targets, a macro and its parameters, a
    call block's, `with` names, imports) are not data: one bound to a data path reads that path
    ({% set nn = noi_nhan %}{{ nn.ten }}), any other reads nothing the context must hold.
    """

    def __init__(self, env: Environment, blocks: Mapping[str, str]) -> None:
        self.env = env
        self.blocks = blocks
        self.paths: set[FieldPath] = set()
        # How each path is written, and where: (shared block or '' for the template itself,
        # the expression as typed, 'dong.noi_dung'); a maintainer knows the tag, not the path.
        self.written: dict[FieldPath, set[tuple[str, str]]] = {}
        self._including: list[str] = []

    def collect(self, source: str) -> set[FieldPath]:
        self._visit(self.env.parse(source), {})
        return self.paths

    def _path(self, node: nodes.Node, scope: Scope) -> FieldPath | None:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]  # None: a name of the template's own
            if node.name in _IGNORED or node.name in self.env.globals:
                return None  # range(), namespace(): the environment's, not the data's
            return (node.name,)
        if isinstance(node, nodes.Getattr):
            base = self._path(node.node, scope)
            return (*base, node.attr) if base is not None else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            base = self._path(node.node, scope)
            return (*base, str(node.arg.value)) if base is not None else None
        return None

    def _visit(self, node: nodes.Node, scope: Scope) -> None:
        """Visit `node`; the names it binds for the nodes after it ({% set %}, {% macro %},
        imports) are added to `scope`, which its siblings share, as Jinja's do (a for's, a
        with's or a macro's body binds in a copy: what it sets stays inside it)."""
        if isinstance(node, nodes.For):
            self._visit(node.iter, scope)
            inner = dict(scope)
            source = self._path(node.iter, scope)
            _bind(inner, node.target)
            if isinstance(node.target, nodes.Name) and source is not None:
                inner[node.target.name] = (*source, ITEM)
            for child in node.body:
                self._visit(child, inner)
            if node.test is not None:
                self._visit(node.test, inner)
            for child in node.else_:
                self._visit(child, dict(scope))
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self._visit(value, scope)
                _bind(inner, target, self._path(value, scope))
            for child in node.body:
                self._visit(child, inner)
            return
        if isinstance(node, nodes.Assign):
            self._visit(node.node, scope)  # the value is read before the name is bound
            if isinstance(node.target, nodes.NSRef):
                return  # {% set ns.total = ... %}: an attribute of a namespace() already bound
            _bind(scope, node.target, self._path(node.node, scope))
            return
        if isinstance(node, nodes.AssignBlock):
            for child in node.body:
                self._visit(child, scope)
            if node.filter is not None:
                self._visit(node.filter, scope)
            _bind(scope, node.target)
            return
        if isinstance(node, nodes.Macro | nodes.CallBlock):
            if isinstance(node, nodes.Macro):
                scope[node.name] = None  # bound from here on (Jinja has no macro before it)
            else:
                self._visit(node.call, scope)
            for default in node.defaults:
                self._visit(default, scope)
            inner = dict(scope)
            for name in _MACRO_NAMES:
                inner[name] = None
            for arg in node.args:
                _bind(inner, arg)
            for child in node.body:
                self._visit(child, inner)
            return
        if isinstance(node, nodes.Import):
            scope[node.target] = None
            return
        if isinstance(node, nodes.FromImport):
            for imported in node.names:
                scope[imported[1] if isinstance(imported, tuple) else imported] = None
            return
        if isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
            name = str(node.template.value)
            if name in self.blocks and name not in self._including:
                self._including.append(name)
                # the block sees the includer's names; what it sets stays in it
                self._visit(self.env.parse(self.blocks[name]), dict(scope))
                self._including.pop()
            return
        if isinstance(node, nodes.Name) and node.ctx != "load":
            return  # a name being bound (handled above), not read
        if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
            path = self._path(node, scope)
            indexed = isinstance(node, nodes.Getitem) and isinstance(node.arg.as_const(), int)
            if path is not None and (isinstance(node, nodes.Name | nodes.Getattr) or indexed):
                self.paths.add(path)
                typed = written(node)
                if typed is not None:
                    file = self._including[-1] if self._including else ""
                    self.written.setdefault(path, set()).add((file, typed))
                return
        for child in node.iter_child_nodes():
            self._visit(child, scope)


# A scope: the names a template binds itself, each with the data path it stands for (a loop
# variable: its list's item) or None (any other value: a counter, a macro, a text it built).
Scope = dict[str, "FieldPath | None"]
# The names Jinja gives a macro's body besides its parameters.
_MACRO_NAMES = ("varargs", "kwargs", "caller")


def _bind(scope: Scope, target: nodes.Node, path: FieldPath | None = None) -> None:
    """Bind the names of assignment target `target` in `scope`: a single name to `path`, each
    name of a tuple ({% for k, v in ... %}) to None."""
    if isinstance(target, nodes.Name):
        scope[target.name] = path
    elif isinstance(target, nodes.Tuple):
        for item in target.items:
            _bind(scope, item)


def written(node: nodes.Node) -> str | None:
    """The expression `node` reads as a maintainer types it ('dong.noi_dung', 'noi_nhan[5]')."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = written(node.node)
        return f"{base}.{node.attr}" if base is not None else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = written(node.node)
        return f"{base}[{node.arg.value!r}]" if base is not None else None
    return None


def written_prefix(typed: str, drop: int) -> str:
    """`typed` without its last `drop` parts ('nn.ten', 1 → 'nn'); '' when nothing is left."""
    parts = re.findall(r"^\w+|\.\w+|\[[^\]]*\]", typed)
    return "".join(parts[: len(parts) - drop]) if drop < len(parts) else ""


def minimal(paths: set[FieldPath]) -> list[FieldPath]:
    """Leaf paths only (a.b.c, not also a.b and a), sorted."""
    leaves = {p for p in paths if not any(q[: len(p)] == p and q != p for q in paths)}
    return sorted(leaves)


def as_tree(paths: set[FieldPath]) -> dict[str, Any]:
    """Nested dict of path parts, for printing."""
    tree: dict[str, Any] = {}
    for path in minimal(paths):
        node = tree
        for part in path:
            node = node.setdefault(part, {})
    return tree


def render_tree(
    tree: Mapping[str, Any], indent: str = "", mark: Callable[[FieldPath], str] | None = None,
    above: FieldPath = (),
) -> list[str]:  # fmt: skip
    """Lines of an indented tree: 'cac_muc[]' then its fields below; `mark` adds its words to
    a path's line (a field the data does not provide)."""
    lines: list[str] = []
    for name, children in tree.items():
        if name == ITEM:
            continue
        label = f"{name}[]" if ITEM in children else name
        path = (*above, name, ITEM) if ITEM in children else (*above, name)
        note = mark((*above, name)) if mark is not None else ""
        lines.append(f"{indent}{label}{note}")
        below = children.get(ITEM, children)
        lines.extend(render_tree(below, indent + "  ", mark, path))
    return lines


def missing_in(context: Mapping[str, Any], path: FieldPath) -> FieldPath | None:
    """The prefix of `path` that no value of the context has; None when found or undecidable.

    Lists are looked into element by element, and an element may lack a key another has (the
    kinds of running text differ), so a part is missing only when no value at that depth has it.
    """
    values: list[Any] = [context]
    for depth, part in enumerate(path):
        following: list[Any] = []
        present = False
        for value in values:
            if part == ITEM:
                if isinstance(value, list | tuple):
                    following.extend(value)
                    present = True
            elif isinstance(value, list | tuple) and part.isdigit():
                if int(part) < len(value):  # {{ noi_nhan[5] }}, {{ noi_nhan.0.ten }}
                    following.append(value[int(part)])
                    present = True
            elif isinstance(value, Mapping):
                if part in value:
                    following.append(value[part])
                    present = True
            elif not isinstance(value, str | int | float) and hasattr(value, part):
                following.append(getattr(value, part))
                present = True
        if not present and part != ITEM and values:
            return path[: depth + 1]
        values = [v for v in following if v is not None]
        if not values:
            return None  # an empty list or an absent optional part: nothing to tell
    return None


def shown(path: FieldPath) -> str:
    """'cac_muc[].tieu_de' for ('cac_muc', '[]', 'tieu_de'), 'noi_nhan[5]' for an index."""
    parts = [f"[{part}]" if part.isdigit() else part for part in path]
    return ".".join(parts).replace(".[", "[")


class ContextShape:
    """The fields a template's context may hold, nested ones too: the union of real contexts
    (the example documents' and the starters') and of declared paths (those the built-in template
    reads, which the context builder is tested to provide).

    A dict's keys are known; a list's elements share one shape; a value seen only as None, or a
    declared path's end never seen in a context, may hold anything (nothing to tell).
    """

    def __init__(self) -> None:
        self.keys: dict[str, ContextShape] = {}
        self.item: ContextShape | None = None
        self.kinds: set[type] = set()  # types of the other values seen here (str, Markup, int...)
        self.mapping = False  # a dict was seen here
        self.longest = 0  # the longest list seen here
        self.declared = False  # reached by a declared path

    @classmethod
    def of(
        cls, contexts: Iterable[Mapping[str, Any]], declared: Iterable[FieldPath] = ()
    ) -> ContextShape:
        shape = cls()
        for context in contexts:
            shape.add(context)
        for path in declared:
            shape.declare(path)
        return shape

    def add(self, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, Mapping):
            self.mapping = True
            for key, inner in value.items():
                self.keys.setdefault(str(key), ContextShape()).add(inner)
        elif isinstance(value, list | tuple):
            self.item = self.item or ContextShape()
            self.longest = max(self.longest, len(value))
            for inner in value:
                self.item.add(inner)
        else:
            self.kinds.add(type(value))

    def declare(self, path: FieldPath) -> None:
        node = self
        node.declared = True
        for part in path:
            if part == ITEM:
                node.item = node.item or ContextShape()
                node = node.item
            else:
                node.mapping = True
                node = node.keys.setdefault(part, ContextShape())
            node.declared = True

    @property
    def seen(self) -> bool:
        return self.mapping or self.item is not None or bool(self.kinds)

    def _has(self, part: str) -> bool | None:
        """Whether a value here has `part`; None when nothing can be told."""
        if part in self.keys:
            return True
        if not self.seen or (
            self.declared and not self.keys and self.item is None and not self.text_only
        ):
            return None  # only None seen, or a declared leaf of unknown type
        if self.mapping and hasattr(dict, part):
            return True
        if self.item is not None and (part.isdigit() or hasattr(list, part)):
            return True
        return any(hasattr(kind, part) for kind in self.kinds) or (
            not self.mapping and self.item is None and not self.kinds
        )

    @property
    def text_only(self) -> bool:
        """Only text was ever seen here (a list of text's items: noi_nhan's lines)."""
        return bool(self.kinds) and not self.mapping and self.item is None and all(
            issubclass(kind, str) for kind in self.kinds
        )

    def missing(self, path: FieldPath) -> FieldPath | None:
        """The prefix of `path` the context never has; None when found or nothing can be told."""
        gap = self.gap(path)
        return gap.path if gap is not None else None

    def gap(self, path: FieldPath) -> Gap | None:
        """What of `path` the context never has, and why (Gap); None when found or nothing can
        be told."""
        node: ContextShape | None = self
        for depth, part in enumerate(path):
            assert node is not None
            if part == ITEM:
                if node.item is None:
                    return None  # never seen as a non-empty list
                node = node.item
                continue
            if part.isdigit() and node.item is not None:  # an index: noi_nhan[5]
                if not node.longest:
                    return None  # only declared, never seen with items
                if int(part) >= node.longest:
                    return Gap(path[: depth + 1], GAP_INDEX, longest=node.longest)
                node = node.item
                continue
            has = node._has(part)
            if has is None:
                return None
            if not has:
                in_list = depth > 0 and (path[depth - 1] == ITEM or path[depth - 1].isdigit())
                kind = GAP_TEXT_ITEM if in_list and node.text_only else GAP_FIELD
                return Gap(path[: depth + 1], kind, tuple(sorted(node.keys)))
            node = node.keys.get(part)
            if node is None:
                return None  # a method or attribute of a Python value: not ours to check
        return None


GAP_FIELD = "field"  # a field no value there has
GAP_TEXT_ITEM = "text_item"  # a field read of an item of a list of text ({{ nn.ten }})
GAP_INDEX = "index"  # an index past the longest list seen ({{ noi_nhan[5] }})


@dataclass(frozen=True)
class Gap:
    """The part of a path the context never has: `path` up to it, what kind of gap, the fields
    there are where it is missing (for a 'did you mean'), the longest list seen (an index)."""

    path: FieldPath
    kind: str = GAP_FIELD
    known: tuple[str, ...] = ()
    longest: int = 0
