"""The binary lookup order all three clients share: LIFECYCLED_BIN, PATH, .build/release,
.build/debug (the nearest folder that has one); the error says how to build one."""

import os
from pathlib import Path

import pytest

from lifecycled.server import NOT_FOUND_MESSAGE, find_binary


def executable(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


def test_lookup_order(tmp_path):
    below = tmp_path / "checkout" / "Tests" / "deep"
    below.mkdir(parents=True)
    debug = executable(tmp_path / "checkout" / ".build" / "debug" / "lifecycled")
    assert find_binary(below, env={}) == debug
    release = executable(tmp_path / "checkout" / ".build" / "release" / "lifecycled")
    assert find_binary(below, env={}) == release
    on_path = executable(tmp_path / "bin" / "lifecycled")
    assert find_binary(below, env={"PATH": os.pathsep.join(["/nonexistent", str(tmp_path / "bin")])}) == on_path
    named = executable(tmp_path / "named" / "lifecycled")
    assert find_binary(below, env={"LIFECYCLED_BIN": named, "PATH": str(tmp_path / "bin")}) == named
    with pytest.raises(FileNotFoundError, match="is not an executable file"):
        find_binary(below, env={"LIFECYCLED_BIN": str(tmp_path / "none")})
    (tmp_path / "nowhere").mkdir()
    with pytest.raises(FileNotFoundError) as missing:
        find_binary(tmp_path / "nowhere", env={})
    assert str(missing.value) == NOT_FOUND_MESSAGE
    assert "swift build -c release --product lifecycled" in NOT_FOUND_MESSAGE
