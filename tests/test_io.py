"""The one file opener: BOM dropped, .gz/.xz by suffix, non-UTF-8 input named with its line and likely encoding."""

from __future__ import annotations

import gzip
import lzma

import pytest

from factcheck.errors import InputError
from factcheck.io import open_text, read_text


def test_bom_is_dropped_and_line_endings_kept(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffOne.\r\nTwo.\r\n".encode())
    assert read_text(f) == "One.\r\nTwo.\r\n"


@pytest.mark.parametrize("suffix, opener", [(".gz", gzip.open), (".xz", lzma.open)])
def test_compressed_files_round_trip(tmp_path, suffix, opener):
    f = tmp_path / f"pairs.jsonl{suffix}"
    with open_text(f, "w") as fh:
        fh.write("Bogotá\n")
    with opener(f, "rb") as raw:
        assert raw.read() == "Bogotá\n".encode()
    with open_text(f) as fh:
        assert list(fh) == ["Bogotá\n"]


def test_non_utf8_names_file_line_and_likely_encoding(tmp_path):
    f = tmp_path / "latin.csv"
    f.write_bytes(b"statement\nThe Farc demobilized in 2016.\n" + "Bogotá está en Colombia, según él.\n".encode("cp1252"))
    with pytest.raises(InputError) as err, open_text(f) as fh:
        list(fh)
    message = str(err.value)
    assert message.startswith(f"{f}: not UTF-8") and "line 3" in message and "iconv -f" in message


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        open_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
