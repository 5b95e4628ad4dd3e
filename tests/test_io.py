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


# --- encoding advice (issue 15, case 6) and output checks --------------------------------------------

def _decode_message(f) -> str:
    with pytest.raises(InputError) as err:
        read_text(f)
    return str(err.value)


def test_windows_1252_is_named_windows_1252_not_latin1(tmp_path):
    f = tmp_path / "w.txt"
    f.write_bytes("Bogotá está en Colombia, según él. The “quoted” price was €5.\n".encode("cp1252"))
    message = _decode_message(f)
    assert "WINDOWS-1252" in message and "latin" not in message.lower()
    assert "iconv -f WINDOWS-1252 -t UTF-8" in message


def test_utf16_with_a_bom_is_read(tmp_path):
    f = tmp_path / "u.txt"
    f.write_bytes("Bogotá is Colombia's capital.\r\nSecond line €.\r\n".encode("utf-16"))
    assert read_text(f) == "Bogotá is Colombia's capital.\r\nSecond line €.\r\n"


def test_utf16_without_a_bom_is_named(tmp_path):
    f = tmp_path / "u.txt"
    f.write_bytes("Bogotá is the capital of Colombia.\n".encode("utf-16-le"))
    message = _decode_message(f)
    assert "UTF-16LE" in message and "binary" not in message


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
                                  b"plain start\nthen \x00\x01\x02 binary\n"])
def test_binary_is_named_binary(tmp_path, data):
    f = tmp_path / "b.txt"
    f.write_bytes(data)
    message = _decode_message(f)
    assert "binary" in message and "iconv" not in message


def test_cyrillic_one_byte_encoding_is_not_called_windows_1252(tmp_path):
    f = tmp_path / "c.txt"
    f.write_bytes("Помощь США Колумбии превысила 400 миллионов долларов.\n".encode("cp1251"))
    message = _decode_message(f)
    assert "WINDOWS-1252" not in message and "WINDOWS-1251" in message


def test_check_writable_refuses_before_any_work(tmp_path):
    from factcheck.io import check_writable

    check_writable(tmp_path / "new" / "out.csv")  # a missing folder is created
    check_writable("-")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write there"):
        check_writable(blocker / "out.csv")
    with pytest.raises(InputError, match="is a directory"):
        check_writable(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "new"]  # the probe left nothing behind
