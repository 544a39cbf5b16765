"""YAML read with bounds, for files written by hand and by anyone.

PyYAML's safe loader runs no code, but it still expands aliases without
limit (a "billion laughs" file of anchors nested nine levels deep is a few
hundred bytes and 10^9 nodes), follows a recursive alias (``r: &r [*r]``)
into a cycle, recurses once per level of nesting (900 levels end in a
RecursionError) and keeps the last of two equal keys silently. This module
composes the file with a loader that counts what aliases add and how deep
nodes go, refusing either past a bound at the line where it happens, and
turns the node tree into ``Node`` values (a value and its line) reporting
duplicate and non-text keys.
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent

# Curated records nest at most six levels (file, section, record, posts,
# post, list); forty leaves room for any honest layout and stops long before
# Python's recursion limit.
MAX_DEPTH = 40
# What aliases may add, in nodes: a file reuses an evidence sentence or a
# list a few hundred times at most; a bomb needs millions.
MAX_ALIAS_NODES = 100_000


class Node:
    """A YAML value with the line it starts on (1-based)."""

    __slots__ = ("value", "line")

    def __init__(self, value: Any, line: int):
        self.value, self.line = value, line


class Refused(ComposerError):
    """A bound of this module was passed (a YAML error with a mark)."""

    def __init__(self, problem: str, mark):
        super().__init__(None, None, problem, mark)


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses alias bombs, recursive aliases and deep nesting.

    Every composed node gets its expanded size and depth (what it would be
    with its aliases copied in), computed once from its children's, so that
    checking costs time linear in the file, not in the expansion.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._size: dict[int, int] = {}
        self._depth: dict[int, int] = {}
        self._nesting = 0
        self._alias_nodes = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            # a node's size is known once it is complete: an alias to one
            # without a size points into the node that is being composed
            if target is not None and id(target) not in self._size:
                raise Refused(f"alias *{event.anchor} refers to a node that contains it "
                              "(a recursive alias)", event.start_mark)
            node = super().compose_node(parent, index)
            self._alias_nodes += self._size[id(node)]
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise Refused(f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes "
                              f"(at *{event.anchor}): write the values out, or use fewer aliases",
                              event.start_mark)
            return node
        self._nesting += 1
        if self._nesting > MAX_DEPTH:
            raise Refused(f"nested more than {MAX_DEPTH} levels deep", self.peek_event().start_mark)
        node = super().compose_node(parent, index)
        self._nesting -= 1
        children = _children(node)
        self._size[id(node)] = 1 + sum(self._size[id(c)] for c in children)
        depth = 1 + max((self._depth[id(c)] for c in children), default=0)
        if depth > MAX_DEPTH:
            raise Refused(f"nested more than {MAX_DEPTH} levels deep once its aliases are expanded",
                          node.start_mark)
        self._depth[id(node)] = depth
        return node


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


def compose(text: str) -> yaml.Node | None:
    """The node tree of a one-document YAML text; raises yaml.MarkedYAMLError
    (a Refused one past the bounds above)."""
    loader = BoundedLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def to_nodes(root: yaml.Node, problems: list[tuple[int, str]]) -> Node:
    """``root`` as ``Node`` values: mappings are dicts keyed by the key's
    text, sequences lists, scalars resolved as PyYAML's safe loader would.

    A scalar that looks like a date or number but is not one (``2023-02-30``)
    stays text, for its field's reader to report. Duplicate keys and keys
    that are not text are added to ``problems`` as (line, message)."""
    constructor = yaml.SafeLoader("")

    def convert(node: yaml.Node) -> Node:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Node] = {}
            first_line: dict[str, int] = {}
            for key, value in node.value:
                key_line = key.start_mark.line + 1
                if not isinstance(key, yaml.ScalarNode):
                    problems.append((key_line, "a key must be plain text, not a list or mapping"))
                    continue
                if key.value in out:
                    problems.append((key_line, f"duplicate key {key.value!r} (first at line "
                                               f"{first_line[key.value]}): keep one"))
                    continue
                first_line[key.value] = key_line
                out[key.value] = convert(value)
            return Node(out, line)
        if isinstance(node, yaml.SequenceNode):
            return Node([convert(item) for item in node.value], line)
        try:
            value = constructor.construct_object(node, deep=True)
            if isinstance(value, bytes):
                problems.append((line, "a binary value (!!binary): write text"))
                return Node(None, line)
            return Node(value, line)
        except (ValueError, OverflowError):
            return Node(node.value, line)     # 2023-02-30, a number too long: text
        except yaml.YAMLError as exc:         # a tag the safe loader does not know
            problems.append((line, str(getattr(exc, "problem", None) or exc)))
            return Node(None, line)

    return convert(root)
