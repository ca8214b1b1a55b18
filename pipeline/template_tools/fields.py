"""The data fields a template reads, as paths (chu_ky.ho_ten, cac_muc[].khoan[].tieu_de).

Found by walking Jinja's syntax tree, following loop variables, `with` names and included
shared blocks, so a path names the data as the context builder provides it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import Environment, nodes

FieldPath = tuple[str, ...]
ITEM = "[]"  # one element of a list the template loops over
_IGNORED = {"loop", "range", "true", "false", "none", "True", "False", "None"}


class FieldCollector:
    """Collects the field paths of a template source and of the blocks it includes."""

    def __init__(self, env: Environment, blocks: Mapping[str, str]) -> None:
        self.env = env
        self.blocks = blocks
        self.paths: set[FieldPath] = set()
        self._including: list[str] = []

    def collect(self, source: str) -> set[FieldPath]:
        self._visit(self.env.parse(source), {})
        return self.paths

    def _path(self, node: nodes.Node, scope: dict[str, FieldPath]) -> FieldPath | None:
        if isinstance(node, nodes.Name):
            if node.name in _IGNORED:
                return None
            return scope.get(node.name, (node.name,))
        if isinstance(node, nodes.Getattr):
            base = self._path(node.node, scope)
            return (*base, node.attr) if base is not None else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            base = self._path(node.node, scope)
            return (*base, str(node.arg.value)) if base is not None else None
        return None

    def _visit(self, node: nodes.Node, scope: dict[str, FieldPath]) -> None:
        if isinstance(node, nodes.For):
            self._visit(node.iter, scope)
            inner = dict(scope)
            source = self._path(node.iter, scope)
            if isinstance(node.target, nodes.Name) and source is not None:
                inner[node.target.name] = (*source, ITEM)
            for child in (*node.body, *node.else_):
                self._visit(child, inner)
            if node.test is not None:
                self._visit(node.test, inner)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self._visit(value, scope)
                path = self._path(value, scope)
                if isinstance(target, nodes.Name) and path is not None:
                    inner[target.name] = path
            for child in node.body:
                self._visit(child, inner)
            return
        if isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
            name = str(node.template.value)
            if name in self.blocks and name not in self._including:
                self._including.append(name)
                self._visit(self.env.parse(self.blocks[name]), scope)
                self._including.pop()
            return
        if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
            path = self._path(node, scope)
            if path is not None and isinstance(node, nodes.Name | nodes.Getattr):
                self.paths.add(path)
                return
        for child in node.iter_child_nodes():
            self._visit(child, scope)


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


def render_tree(tree: Mapping[str, Any], indent: str = "") -> list[str]:
    """Lines of an indented tree: 'cac_muc[]' then its fields below."""
    lines: list[str] = []
    for name, children in tree.items():
        if name == ITEM:
            continue
        label = f"{name}[]" if ITEM in children else name
        lines.append(f"{indent}{label}")
        below = children.get(ITEM, children)
        lines.extend(render_tree(below, indent + "  "))
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
    """'cac_muc[].tieu_de' for ('cac_muc', '[]', 'tieu_de')."""
    return ".".join(path).replace(".[]", "[]")


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
        if not self.seen or (self.declared and not self.keys and self.item is None):
            return None  # only None seen, or a declared leaf of unknown type
        if self.mapping and hasattr(dict, part):
            return True
        if self.item is not None and (part.isdigit() or hasattr(list, part)):
            return True
        return any(hasattr(kind, part) for kind in self.kinds) or (
            not self.mapping and self.item is None and not self.kinds
        )

    def missing(self, path: FieldPath) -> FieldPath | None:
        """The prefix of `path` the context never has; None when found or nothing can be told."""
        node: ContextShape | None = self
        for depth, part in enumerate(path):
            assert node is not None
            if part == ITEM:
                if node.item is None:
                    return None  # never seen as a non-empty list
                node = node.item
                continue
            has = node._has(part)
            if has is None:
                return None
            if not has:
                return path[: depth + 1]
            node = node.keys.get(part)
            if node is None:
                return None  # a method or attribute of a Python value: not ours to check
        return None
