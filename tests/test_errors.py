"""Error codes: stable, unique, documented, and printed by Click as one line with the right exit status."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from conftest import REPO, error_code

from factcheck.errors import CorpusBusy, FactcheckError, InputError, error_classes


def test_every_error_has_a_unique_code_and_a_cli_exit_status():
    classes = error_classes()
    codes = [c.code for c in classes]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)
    for cls in classes:
        assert issubclass(cls, click.ClickException) and cls.exit_code in (2, 3)
        assert cls.exit_code == (2 if cls.code.startswith("E1") and cls is not FactcheckError else 3)


def test_the_error_table_lists_every_code():
    table = (REPO / "docs" / "ERRORS.md").read_text(encoding="utf-8")
    rows = {m[0]: (m[1], int(m[2])) for m in re.findall(r"^\| (E\d{3}) \| `(\w+)` \| (\d) \|", table, re.M)}
    assert rows == {c.code: (c.__name__, c.exit_code) for c in error_classes()}


@pytest.mark.parametrize("cls", [InputError, CorpusBusy])
def test_click_prints_one_line_with_the_code_and_exits_with_its_status(cls):
    @click.command()
    def cmd():
        raise cls("what went wrong; what to do")

    r = CliRunner().invoke(cmd, [])
    assert r.exit_code == cls.exit_code and error_code(r) == cls.code
    assert r.stderr == f"Error {cls.code}: what went wrong; what to do\n"
