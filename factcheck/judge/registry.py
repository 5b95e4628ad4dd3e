"""Registries of judges and rule checks, open to outside packages through entry points.

A newsroom package adds a rule without forking by declaring, in its pyproject.toml::

    [project.entry-points."factcheck.rules"]
    shouting = "newsroom_rules:check_shouting"

A plain function is a pair rule `(source_doc, statement_doc) -> list[Finding]`; a `Rule` object may declare
`scope="document"` instead. Judges (group `factcheck.judges`) are factories `(settings, nli=None) -> judge`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """A named rule check and what it reads.

    scope "pair": `check(source_doc, statement_doc) -> list[Finding]`, run on each aligned evidence sentence.
    scope "document": `check(statement_doc, names, source) -> list[Finding]`, run once per statement and
    document, where `names` are the forms under which the document mentions its names.
    blocks: whether its findings may block (`Finding.blocks`); only such pair rules run on a claim too loosely
    aligned for any other finding to count (below `align_similarity`). Leave it True unless the rule never blocks.
    """

    name: str
    check: Callable[..., list]
    scope: Literal["pair", "document"] = "pair"
    blocks: bool = True


class Registry(Mapping[str, T], Generic[T]):
    """Named components in registration order: built-ins first, then those of installed entry points."""

    def __init__(self, group: str, builtins: str, wrap: Callable[[str, Any], T] | None = None):
        self.group = group
        self._builtins = builtins  # module whose import registers the built-in components
        self._wrap = wrap or (lambda name, obj: obj)
        self._items: dict[str, T] = {}
        self._loaded = False

    def register(self, name: str, obj: Any) -> Any:
        """Add `obj` under `name` (a later registration of the same name replaces it); returns `obj`."""
        self._items[name] = self._wrap(name, obj)
        return obj

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        importlib.import_module(self._builtins)
        for ep in entry_points(group=self.group):
            if ep.name not in self._items:
                self.register(ep.name, ep.load())

    def __getitem__(self, name: str) -> T:
        self._load()
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        self._load()
        return iter(list(self._items))

    def __len__(self) -> int:
        self._load()
        return len(self._items)


def _as_rule(name: str, obj: Any) -> Rule:
    if isinstance(obj, Rule):
        return obj
    if not callable(obj):
        raise TypeError(f"rule {name!r} must be a function or a factcheck Rule, got {type(obj).__name__}")
    return Rule(name, obj)


class _ScopeView(Mapping[str, Callable[..., list]]):
    """The checks of one scope, name → function, live over the rule registry."""

    def __init__(self, registry: Registry[Rule], scope: str):
        self._registry, self._scope = registry, scope

    def _names(self) -> list[str]:
        return [name for name, rule in self._registry.items() if rule.scope == self._scope]

    def __getitem__(self, name: str) -> Callable[..., list]:
        rule = self._registry[name]
        if rule.scope != self._scope:
            raise KeyError(name)
        return rule.check

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


rules: Registry[Rule] = Registry("factcheck.rules", "factcheck.judge.rules", _as_rule)
judges: Registry[Callable[..., Any]] = Registry("factcheck.judges", "factcheck.judge.judges")
PAIR_RULES = _ScopeView(rules, "pair")
DOCUMENT_RULES = _ScopeView(rules, "document")
