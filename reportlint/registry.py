"""All rules: the built-ins plus those other packages register under entry-point group `reportlint.rules`."""

from __future__ import annotations

import os
import types
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import entry_points

from .api import Rule
from .checks import builtin_rules

ENTRY_POINT_GROUP = "reportlint.rules"


class PluginError(Exception):
    """A plugin could not be loaded; the run stops with exit code 2 and names the package."""


def _rules_in(obj: object) -> list[Rule]:
    if isinstance(obj, Rule):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [item for item in obj if isinstance(item, Rule)]
    if isinstance(obj, types.ModuleType):
        return [value for value in vars(obj).values() if isinstance(value, Rule)]
    if callable(obj):
        return _rules_in(obj())
    return []


def _package(ep) -> str:
    return ep.dist.name if ep.dist else ep.value


def _load_in_child_first(eps: list) -> None:
    """Load the plugins in a forked child before this process does: one that ends its process at
    import (os._exit, a crash in an extension) would otherwise end the run with its own exit code."""
    if not eps or not hasattr(os, "fork"):
        return
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: say which plugin is loading, load it, and leave without cleanup
        try:
            os.close(read)
            for ep in eps:
                os.write(write, _package(ep).encode("utf-8", "replace") + b"\n")
                try:
                    _rules_in(ep.load())
                except BaseException:  # noqa: BLE001 - reported by the real load in the parent
                    pass
            os.write(write, b"\0\n")
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        said = pipe.read().splitlines()
    _, status = os.waitpid(pid, 0)
    if said[-1:] != [b"\0"]:
        package = said[-1].decode("utf-8", "replace") if said else "?"
        how = f"signal {-os.waitstatus_to_exitcode(status)}" if os.WIFSIGNALED(status) else f"exit code {os.waitstatus_to_exitcode(status)}"
        raise PluginError(f"plugin package {package!r} ended the process while it was being loaded ({how})")


def plugin_rules() -> list[Rule]:
    found: list[Rule] = []
    eps = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.dist.name if e.dist else "", e.name))
    _load_in_child_first(eps)
    for ep in eps:
        package = ep.dist.name if ep.dist else ep.value
        try:
            rules = _rules_in(ep.load())
        except (Exception, SystemExit) as error:  # noqa: BLE001 - any failure in foreign code is reported, not raised (sys.exit at import too)
            raise PluginError(f"plugin package {package!r} (entry point {ep.name!r}) failed to load: {error!r}") from error
        if not rules:
            raise PluginError(f"plugin package {package!r} (entry point {ep.name!r}) provides no reportlint rules")
        found.extend(replace(rule, source=package) for rule in rules)
    return found


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Built-ins first, then plugins, sorted by code; duplicate codes are a plugin error."""
    rules = builtin_rules() + plugin_rules()
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in seen:
            raise PluginError(f"rule code {rule.code} is defined twice (by {seen[rule.code].source!r} and {rule.source!r})")
        seen[rule.code] = rule
    return tuple(sorted(rules, key=lambda r: r.code))


def matches(rule: Rule, selector: str) -> bool:
    """A selector names a rule by code, code prefix (`RL3`) or name (`row-total`)."""
    return rule.code.startswith(selector.upper()) or rule.name == selector


def _matches(rule: Rule, selector: str) -> bool:
    return matches(rule, selector.strip())  # command-line lists may carry spaces after commas


def select_rules(rules: tuple[Rule, ...], select: list[str] | None, ignore: list[str] | None) -> tuple[Rule, ...]:
    """Select by code, code prefix (`RL3`) or name (`row-total`); ignore wins over select."""
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return tuple(r for r in chosen if not any(_matches(r, s) for s in ignore or ()))


def unknown_selectors(rules: tuple[Rule, ...], selectors: list[str]) -> list[str]:
    return [s for s in selectors if not any(_matches(r, s) for r in rules)]


def find_rule(rules: tuple[Rule, ...], key: str) -> Rule | None:
    return next((r for r in rules if r.code == key.upper() or r.name == key), None)
