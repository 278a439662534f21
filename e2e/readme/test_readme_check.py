"""scripts/check-readme.py fails when a README output drifts, and --update repairs it.

On a copy of README.md one output line is changed: the check must fail naming the
command, with a diff that has the README's line and the server's; `--update` must then
write the copy back to README.md byte for byte (ids included: the README's ids pair with
the live ones). Small READMEs of their own show the other ways a block fails (a command
that cannot run, an id paired two ways, a misspelt marker) and how ids pair.

    LIFECYCLED_BIN=.build/debug/lifecycled .venv/bin/python -m pytest -q e2e/readme
"""

import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CHECK = os.path.join(ROOT, "scripts", "check-readme.py")
BINARY = os.environ.get("LIFECYCLED_BIN", os.path.join(ROOT, ".build", "debug", "lifecycled"))
README = os.path.join(ROOT, "README.md")


def load_checker():
    spec = importlib.util.spec_from_file_location("check_readme", CHECK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_readme"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def check(readme, *flags):
    result = subprocess.run([sys.executable, CHECK, "--binary", BINARY, "--readme", str(readme), *flags],
                            capture_output=True, text=True, timeout=900)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def checker():
    if not os.access(BINARY, os.X_OK):
        pytest.fail(f"no lifecycled binary at {BINARY} (swift build --product lifecycled, or set LIFECYCLED_BIN)")
    return load_checker()


def longest_output(checker, lines):
    """The command of a run block with the most output lines, and its output's length."""
    blocks, _ = checker.parse(lines)
    candidates = [(checker.output_length(c.section, c.section), c) for b in blocks if not b.skip for c in b.commands]
    return max(candidates, key=lambda pair: pair[0])


def test_a_changed_output_line_fails_and_update_restores_it(checker, tmp_path):
    original = open(README).read()
    lines = original.split("\n")
    length, command = longest_output(checker, lines)
    assert length >= 3, "README.md has no console output long enough to change"
    target = command.output_at + length // 2
    shown = lines[target]
    lines[target] = shown.replace(" ", "  ", 1) + " (drifted)"
    copy = tmp_path / "README.md"
    copy.write_text("\n".join(lines))

    status, output = check(copy)
    assert status == 1, output
    assert f"$ {command.text}" in output, output
    assert f"-{lines[target]}" in output and f"+{shown}" in output, output

    status, output = check(copy, "--update")
    assert status == 0, output
    assert copy.read_text() == original, "--update did not write the README back as it was:\n" + output


def run_small(tmp_path, text, *flags):
    copy = tmp_path / "README.md"
    copy.write_text(text)
    status, output = check(copy, *flags)
    return status, output, copy


def test_a_command_that_cannot_run_fails(checker, tmp_path):
    status, output, _ = run_small(tmp_path, "## Broken\n\n```console\n$ no-such-command-here\n```\n")
    assert status == 1, output
    assert "FAIL README.md:3, console block 1 (Broken)" in output, output
    assert "no-such-command-here: command not found" in output, output


def test_a_made_up_id_is_sent_as_written(checker, tmp_path):
    made_up = "0b5e1c1e-0000-4000-8000-000000000000"
    text = ("```console\n"
            f"$ curl -s http://localhost:8080/v1/sessions/{made_up} | jq -c '{{status, detail}}'\n"
            f'{{"status":404,"detail":"no session \\"{made_up}\\": it was deleted, expired after --session-ttl '
            'of idleness, or never existed; create one with POST /v1/sessions"}\n'
            "$ curl -s -d '{}' http://localhost:8080/v1/sessions | jq -r .id\n"
            f"{made_up}\n"
            "```\n")
    status, output, _ = run_small(tmp_path, text)
    assert status == 1, output  # the second answer is a new session's id, not the made-up one
    assert output.count("FAIL ") == 1, output
    assert f"README id {made_up} was paired with {made_up} earlier in the block" in output, output


def test_ids_pair_across_a_block_and_update_keeps_the_readme_ids(checker, tmp_path):
    readme_id = "6a1f8e2c-1111-4222-8333-444455556666"
    text = ("```console\n"
            "$ curl -s -d '{}' http://localhost:8080/v1/sessions | jq -r .id\n"
            f"{readme_id}\n"
            f"$ ID={readme_id}   # the id above\n"
            "$ curl -s http://localhost:8080/v1/sessions/$ID | jq -c '{id, callbackCount}'\n"
            f'{{"id":"{readme_id}","callbackCount":7}}\n'
            "```\n")
    status, output, copy = run_small(tmp_path, text)
    assert status == 1, output  # the count is 0: one difference, and only that one
    assert f'+{{"id":"{readme_id}","callbackCount":0}}' in output, output
    assert output.count("FAIL ") == 1, output
    status, output, copy = run_small(tmp_path, text, "--update")
    assert status == 0, output
    assert copy.read_text() == text.replace('"callbackCount":7', '"callbackCount":0'), output


def test_skip_markers(checker, tmp_path):
    skipped = "<!-- readme-check: skip (builds things) -->\n```console\n$ false\nnot checked\n```\n"
    status, output, _ = run_small(tmp_path, skipped)
    assert status == 0, output
    assert "skip README.md:2, console block 1 (no heading): builds things" in output, output
    status, output, _ = run_small(tmp_path, skipped.replace("skip (builds things)", "skipp"))
    assert status == 1, output
    assert "FAIL line 1: a readme-check marker is" in output, output


def test_a_continued_block_runs_in_the_shell_of_the_one_before(checker, tmp_path):
    first = "```console\n$ ID=$(curl -s -d '{}' http://localhost:8080/v1/sessions | jq -r .id)\n```\n\nProse.\n\n"
    second = "```console\n$ curl -s http://localhost:8080/v1/sessions/$ID | jq -c .callbackCount\n0\n```\n"
    marker = "<!-- readme-check: continue (the session above) -->\n"
    status, output, _ = run_small(tmp_path, first + marker + second)
    assert status == 0, output
    status, output, _ = run_small(tmp_path, first + second)  # $ID is empty in a shell of its own
    assert status == 1, output
    assert "+null" in output, output
    skipped = "<!-- readme-check: skip (not run) -->\n" + first
    status, output, _ = run_small(tmp_path, skipped + marker + second)
    assert status == 1, output
    assert "cannot be run: it continues a block that was not run" in output, output


def test_a_command_goes_on_over_its_continuation_lines(checker, tmp_path):
    text = ("```console\n$ cat > log.txt <<'EOF'\n> sceneWillEnterForeground(_:)\n> EOF\n"
            "$ wc -l < log.txt; echo 'one\n> two'\n1\none\ntwo\n```\n")
    status, output, _ = run_small(tmp_path, text)
    assert status == 0, output
    assert "1 run (2 commands), 0 failing" in output, output
    status, output, _ = run_small(tmp_path, text.replace("> EOF\n", "> not the end\n"))
    assert status == 1, output
    assert "is not a complete command, and no `> ` lines complete it" in output, output
