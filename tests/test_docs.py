"""Docs that cannot drift: the README command table matches the CLI, and every command has --help."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from conftest import REPO

from factcheck.cli import main


def _commands(cmd: click.Command, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, (*path, name))


COMMANDS = [(" ".join(path), cmd) for path, cmd in _commands(main) if path and not cmd.hidden]


def _readme_table() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1]
    return "\n".join(line for line in section.splitlines() if line.startswith("| `factcheck "))


def _documented(table: str) -> set[str]:
    """Command paths the table names: each backticked `factcheck a b …`, up to the first argument or option."""
    out = set()
    for snippet in re.findall(r"`factcheck ([^`]*)`", table):
        words = []
        for word in snippet.split():
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        out.add(" ".join(words))
    return out


def test_readme_command_table_lists_every_command():
    documented = _documented(_readme_table())
    missing = [name for name, cmd in COMMANDS if not isinstance(cmd, click.Group) and name not in documented]
    assert not missing, f"add these commands to the README's command table: {missing}"


def test_readme_command_table_names_only_real_commands():
    real = {name for name, _ in COMMANDS}
    # a word after the command that is not a subcommand is an argument ("factcheck check …" has none here)
    stale = [d for d in _documented(_readme_table()) if d not in real]
    assert not stale, f"the README's command table names commands the CLI does not have: {stale}"


@pytest.mark.parametrize("name", [name for name, _ in COMMANDS] + [""])
def test_every_command_has_help(name):
    cmd = main
    for word in name.split():
        cmd = cmd.commands[word]  # type: ignore[attr-defined]
    assert (cmd.help or "").strip(), f"`factcheck {name}` has no docstring"
    r = CliRunner().invoke(main, [*name.split(), "--help"], prog_name="factcheck")
    assert r.exit_code == 0 and r.stdout.startswith(f"Usage: factcheck {name}".rstrip())
