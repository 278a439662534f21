#!/usr/bin/env python3
"""Every ```console block of README.md run against a live lifecycled, its output compared.

    python3 scripts/check-readme.py [--binary .build/debug/lifecycled] [--readme FILE ...]
    python3 scripts/check-readme.py --update      # rewrites the stale outputs in place

Without --readme it checks README.md and every page of docs/guide/ (the README's topics).

DEVELOPERS.md: "The README shows real `curl` lines with their real output". This makes it
a check. It starts the binary on port 0, then runs each ```console block in one bash
process of its own (so `ID=$(...)`, loops and files such as journal.json carry over from
command to command), in a scratch directory that links every top-level entry of the
repository (`python3 scripts/callbacks.py` works, and nothing a command writes lands in
the checkout). `http://localhost:8080` (and a bare `localhost:8080`) becomes the live
server's address. Each `$ ` line is one command, run with its standard input closed and
its standard error shown with its output, as in a terminal; a command bash would read on
from (a here document, an open quote, a trailing backslash) goes on over the `> ` lines
under it, as a terminal shows them. The binary's directory comes first on PATH, so
`lifecycled explain …` runs the binary under test.

What the README shows under a command, up to the next `$ ` line, is its output; blank
lines and `#` lines at the end of that are prose about the next command (a `#` line the
command itself prints, such as a text trace's `# step` heading, is matched as output).
Lines before a block's first command are prose too.

What changes from run to run is compared as a placeholder: session ids (UUIDs), request
ids (`"requestId":"…"`, `X-Request-Id: …`) and time stamps. Ids are compared
consistently within a block: the first time a README id meets a live id they are paired,
and the same README id must meet the same live id (and only it) from then on. A command
that spells out a README id (`$ ID=bfa46175-…   # the id above`) is run with the live id
paired with it; an id that no earlier output of the block showed (a made-up one, for a
404) is sent as written and pairs with itself.

A block that installs or builds things is skipped by a marker on the line before it
(blank lines may come between), which gives the reason:

    <!-- readme-check: skip (installs packages) -->

Every other console block is run; one that cannot run fails like a wrong output. A
block that goes on with what the block before it made (`$ID`, journal.json) says so:

    <!-- readme-check: continue (the session of the block above) -->

and runs in that block's bash process, its ids paired as there.

On a difference the check prints the block (where it is), the command and a unified
diff (README against the live output, live ids shown as the README ids they pair with),
and exits 1. `--update` writes the live outputs into the README instead, keeping the
README's ids wherever they pair with a live one (so a refresh does not churn ids);
review the diff, then run the check again. Python standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "clients" / "python" / "src"))
from lifecycled.server import Server  # noqa: E402  (the Python client's port-0 starter, standard library only)

FENCE = re.compile(r"^```")
CONSOLE = "```console"
MARKER = re.compile(r"^<!--\s*readme-check:(.*?)-->\s*$")
SKIP = re.compile(r"^\s*skip\s*\((?P<reason>[^)]+)\)\s*$")
CONTINUE = re.compile(r"^\s*continue\s*(?:\([^)]*\))?\s*$")
HEADING = re.compile(r"^#{2,6} ")
PROMPT = "$ "
README_URL = re.compile(r"(?:http://)?localhost:8080")

# What changes from run to run. `id` values pair up (the same README id, the same live id);
# `time` values only have to be there.
VOLATILE = re.compile(
    r"(?P<id>\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
    r"|(?:(?<=\"requestId\":\")|(?<='requestId': ')|(?<=X-Request-Id: )|(?<=x-request-id: ))[0-9a-f]+-[0-9a-f]+)"
    r"|(?P<time>\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)"
)


# ---- the README's console blocks -----------------------------------------------------------


@dataclass
class Command:
    line: int  # index of the `$ ` line in the README's lines
    text: str  # without the prompts (a command continued on `> ` lines has them joined by newlines)
    section: List[str]  # the lines under it, up to the next command or the block's end
    output_at: int  # index of the section's first line in the README's lines


@dataclass
class Block:
    number: int  # 1-based, among the console blocks
    fence: int  # index of the ```console line
    heading: str
    skip: Optional[str]
    continues: bool  # runs in the shell of the console block before it
    commands: List[Command] = field(default_factory=list)
    problem: Optional[str] = None  # why it cannot be run as written

    def where(self, readme: Path) -> str:
        return f"{readme.name}:{self.fence + 1}, console block {self.number} ({self.heading or 'no heading'})"


def parse(lines: Sequence[str]) -> Tuple[List[Block], List[str]]:
    """The console blocks, and the problems with the markers."""
    blocks: List[Block] = []
    problems: List[str] = []
    heading = ""
    pending: Optional[Tuple[int, str]] = None  # a marker waiting for its block: (line, skip reason or "")
    i = 0
    while i < len(lines):
        line = lines[i]
        if HEADING.match(line):
            heading = line.lstrip("#").strip()
        marker = MARKER.match(line)
        if marker:
            skip = SKIP.match(marker.group(1))
            if skip:
                pending = (i, skip.group("reason").strip())
            elif CONTINUE.match(marker.group(1)):
                pending = (i, "")
            else:
                problems.append(f"line {i + 1}: a readme-check marker is `<!-- readme-check: skip (REASON) -->` "
                                f"or `<!-- readme-check: continue (WHAT) -->`, not {line.strip()!r}")
            i += 1
            continue
        if FENCE.match(line):
            end = i + 1
            while end < len(lines) and not FENCE.match(lines[end]):
                end += 1
            if line.rstrip() == CONSOLE:
                block = Block(len(blocks) + 1, i, heading, pending[1] or None if pending else None,
                              bool(pending) and not pending[1])
                body = list(lines[i + 1:end])
                starts = [k for k, text in enumerate(body) if text.startswith(PROMPT)]
                for n, k in enumerate(starts):
                    stop = starts[n + 1] if n + 1 < len(starts) else len(body)
                    text, first = continued(body, k, stop)
                    if text is None:
                        block.problem = f"`{body[k]}` is not a complete command, and no `> ` lines complete it"
                        text = body[k][len(PROMPT):]
                    block.commands.append(Command(i + 1 + k, text, body[first:stop], i + 1 + first))
                before = body[: starts[0]] if starts else body
                if not starts:
                    block.problem = "it has no `$ ` command"
                elif any(not prose(text) for text in before):
                    block.problem = "it has output before its first `$ ` command"
                blocks.append(block)
            elif pending:
                problems.append(f"line {pending[0] + 1}: the readme-check marker is not followed by a ```console block")
            pending = None
            i = end + 1
            continue
        if pending and line.strip():
            problems.append(f"line {pending[0] + 1}: the readme-check marker is not followed by a ```console block")
            pending = None
        i += 1
    if pending:
        problems.append(f"line {pending[0] + 1}: the readme-check marker is not followed by a ```console block")
    return blocks, problems


def continued(body: Sequence[str], k: int, stop: int) -> Tuple[Optional[str], int]:
    """The command of the `$ ` line body[k], with the `> ` lines that continue it (a here
    document, an open quote or loop, a trailing backslash: what bash reads on as `PS2`),
    and the index of the line after it. None when `> ` lines follow but do not complete it."""
    text = body[k][len(PROMPT):]
    first = k + 1
    if first >= stop or not body[first].startswith(">"):
        return text, first
    while incomplete(text):
        if first >= stop or not body[first].startswith(">"):
            return None, first
        text += "\n" + body[first][2:]
        first += 1
    return text, first


def incomplete(command: str) -> bool:
    """Whether bash would read on for more of the command."""
    check = subprocess.run(["bash", "-n", "-c", command], capture_output=True, text=True)
    return check.returncode != 0 or bool(check.stderr.strip()) or command.endswith("\\")


def prose(line: str) -> bool:
    return not line.strip() or line.startswith("#")


# ---- volatile values -----------------------------------------------------------------------


def skeleton(lines: Sequence[str]) -> List[str]:
    """The lines with every volatile value as its placeholder."""
    return [VOLATILE.sub(lambda m: f"<{m.lastgroup}>", line) for line in lines]


def ids(lines: Sequence[str]) -> List[str]:
    return [m.group("id") for line in lines for m in VOLATILE.finditer(line) if m.group("id")]


class Pairing:
    """README ids paired with live ids, one to one, for one block."""

    def __init__(self) -> None:
        self.live: Dict[str, str] = {}  # README id -> live id
        self.readme: Dict[str, str] = {}  # live id -> README id

    def pair(self, shown: Sequence[str], live: Sequence[str]) -> List[str]:
        """Pairs the ids in order; answers the conflicts (a conflicting pair is not recorded)."""
        conflicts = []
        for a, b in zip(shown, live):
            if self.live.get(a, b) != b:
                conflicts.append(f"README id {a} was paired with {self.live[a]} earlier in the block, here it is {b}")
            elif self.readme.get(b, a) != a:
                conflicts.append(f"live id {b} was paired with README id {self.readme[b]} earlier in the block, "
                                 f"here the README shows {a}")
            else:
                self.live[a], self.readme[b] = b, a
        return conflicts

    def as_readme(self, lines: Sequence[str], shown: Sequence[str]) -> List[str]:
        """Live lines with each paired id as its README id, and time stamps as the README's
        line at the same place has them (when it has as many)."""
        out = []
        for n, line in enumerate(lines):
            times = [m.group("time") for m in VOLATILE.finditer(shown[n]) if m.group("time")] if n < len(shown) else []
            live_times = [m.group("time") for m in VOLATILE.finditer(line) if m.group("time")]
            keep_times = iter(times) if len(times) == len(live_times) else None

            def swap(m: re.Match, keep_times=keep_times) -> str:
                if m.group("id"):
                    return self.readme.get(m.group("id"), m.group("id"))
                return next(keep_times) if keep_times else m.group("time")
            out.append(VOLATILE.sub(swap, line))
        return out


# ---- running a block ---------------------------------------------------------------------


class Shell:
    """One bash process for a block; each command's output read up to a marker line."""

    def __init__(self, directory: str, timeout: float, binary: Optional[str] = None) -> None:
        self.timeout = timeout
        self.marker = f"__readme_check_{uuid.uuid4().hex}__"
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TERM": "dumb"}
        if binary:  # `lifecycled explain …` as an installed binary
            env["PATH"] = f"{os.path.dirname(os.path.abspath(binary))}{os.pathsep}{env.get('PATH', '')}"
        self.process = subprocess.Popen(["bash", "--noprofile", "--norc"], cwd=directory, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.chunks: "queue.Queue[bytes]" = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self.buffer = b""

    def _drain(self) -> None:
        assert self.process.stdout is not None
        while True:
            chunk = self.process.stdout.read1(65536)
            self.chunks.put(chunk)
            if not chunk:
                return

    def run(self, command: str) -> Tuple[List[str], int]:
        """The command's output lines and exit status. Raises TimeoutError, EOFError."""
        assert self.process.stdin is not None
        # Braces, not a subshell: assignments stay for the next command. A newline before the
        # closing brace ends a trailing `# comment`.
        script = f"{{ {command}\n}} </dev/null\nprintf '\\n%s %d\\n' {self.marker} \"$?\"\n"
        self.process.stdin.write(script.encode())
        self.process.stdin.flush()
        end = re.compile(rb"\n" + self.marker.encode() + rb" (\d+)\n")
        while True:
            found = end.search(self.buffer)
            if found:
                text = self.buffer[: found.start()].decode("utf-8", "replace")
                self.buffer = self.buffer[found.end():]
                return output_lines(text), int(found.group(1))
            try:
                chunk = self.chunks.get(timeout=self.timeout)
            except queue.Empty:
                raise TimeoutError(f"no end of output within {self.timeout:g} s") from None
            if not chunk:
                raise EOFError("the shell exited")
            self.buffer += chunk

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, 9)
        except OSError:
            pass
        self.process.wait()


def output_lines(text: str) -> List[str]:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    if lines and lines[-1] == "" and text.endswith("\n"):
        lines.pop()  # the newline that ends the last line
    if text == "":
        lines = []
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def scratch_directory() -> str:
    """A directory whose entries link to the repository's top-level entries."""
    directory = tempfile.mkdtemp(prefix="lifecycled-readme-")
    for entry in ROOT.iterdir():
        os.symlink(entry, os.path.join(directory, entry.name))
    return directory


# ---- comparing -----------------------------------------------------------------------------


def output_length(section: Sequence[str], live: Sequence[str]) -> int:
    """How many of the section's lines are the command's output (the rest is prose).

    The trailing blank and `#` lines are prose, except those the live output itself ends
    with (a `# step` heading of a text trace): they are taken back as output.
    """
    n = len(section)
    while n and prose(section[n - 1]):
        n -= 1
    tail = 0
    while tail < len(live) and prose(live[len(live) - 1 - tail]):
        tail += 1
    for take in range(min(tail, len(section) - n), 0, -1):
        if skeleton(section[n:n + take]) == skeleton(live[len(live) - take:]):
            return n + take
    return n


@dataclass
class Difference:
    block: Block
    command: Command
    shown: List[str]
    live: List[str]  # as the README would show it (paired ids as README ids)
    status: int
    notes: List[str]

    def report(self, readme: Path) -> str:
        diff = difflib.unified_diff(self.shown, self.live, f"{readme.name} (line {self.command.output_at + 1})",
                                    "live server", lineterm="", n=2)
        notes = "".join(f"  {note}\n" for note in self.notes)
        status = f" (exit status {self.status})" if self.status else ""
        return (f"FAIL {self.block.where(readme)}\n  $ {self.command.text}{status}\n{notes}"
                + "".join(f"    {line}\n" for line in diff))


class Session:
    """A bash process, its scratch directory and its id pairing: one block, with the blocks
    that continue it."""

    def __init__(self, server_url: str, timeout: float, binary: str) -> None:
        self.server_url = server_url
        self.host = server_url[len("http://"):]
        self.pairing = Pairing()
        self.directory = scratch_directory()
        self.shell = Shell(self.directory, timeout, binary)

    def close(self) -> None:
        self.shell.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    def check(self, block: Block) -> Tuple[List[Difference], Optional[str]]:
        """Runs a block; answers its differences, and why it could not run to its end."""
        differences: List[Difference] = []
        pairing = self.pairing
        for command in block.commands:
            text = README_URL.sub(lambda m: self.server_url if m.group(0).startswith("http") else self.host,
                                  command.text)
            # An id an earlier output showed is the live id paired with it; any other id is
            # sent as written (a made-up id for a 404) and stands for itself.
            named = [m.group("id") for m in VOLATILE.finditer(text) if m.group("id")]
            notes = pairing.pair([i for i in named if i not in pairing.live], [i for i in named if i not in pairing.live])
            if notes:
                return differences, f"`$ {command.text}`: " + "; ".join(notes)
            text = VOLATILE.sub(lambda m: pairing.live[m.group("id")] if m.group("id") else m.group(0), text)
            try:
                live, status = self.shell.run(text)
            except (TimeoutError, EOFError) as error:
                return differences, f"`$ {command.text}`: {error}"
            n = output_length(command.section, live)
            shown = command.section[:n]
            notes = pairing.pair(ids(shown), ids(live))
            if skeleton(shown) != skeleton(live) or notes:
                differences.append(Difference(block, command, shown, pairing.as_readme(live, shown), status, notes))
        return differences, None


# ---- main --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get("LIFECYCLED_BIN", str(ROOT / ".build/debug/lifecycled")))
    parser.add_argument("--readme", action="append",
                        help="a Markdown file to check; repeat for several (default: README.md and docs/guide/*.md)")
    parser.add_argument("--update", action="store_true", help="write the live outputs into the README")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a command may take (default 120)")
    options = parser.parse_args()
    files = [Path(f) for f in options.readme] if options.readme else \
        [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))]
    if not os.access(options.binary, os.X_OK):
        print(f"FAIL no lifecycled binary at {options.binary} (swift build --product lifecycled, or --binary)")
        return 1
    # One server for every file: the pages are one README split by topic.
    server = Server.start(options.binary, args=("--quiet",))
    try:
        failing = [f for f in files if check_file(f, server, options)]
    finally:
        server.stop()
    return 1 if failing else 0


def check_file(readme: Path, server: "Server", options: argparse.Namespace) -> bool:
    """Checks (or with --update rewrites) one file's console blocks; true when some fail."""
    text = readme.read_text()
    lines = text.split("\n")
    blocks, problems = parse(lines)
    edits: List[Difference] = []
    checked = commands = 0
    session: Optional[Session] = None
    try:
        for block in blocks:
            if session and (not block.continues or block.skip or block.problem):
                session.close()
                session = None
            if block.skip:
                print(f"skip {block.where(readme)}: {block.skip}")
                continue
            if block.problem:
                problems.append(f"{block.where(readme)} cannot be run: {block.problem} "
                                f"(or mark it `<!-- readme-check: skip (REASON) -->`)")
                continue
            if block.continues and not session:
                problems.append(f"{block.where(readme)} cannot be run: it continues a block that was not run")
                continue
            session = session or Session(server.url, options.timeout, options.binary)
            checked += 1
            commands += len(block.commands)
            differences, stopped = session.check(block)
            for difference in differences:
                if options.update and not difference.notes:
                    edits.append(difference)
                    print(f"updated: {block.where(readme)}: $ {difference.command.text}")
                else:
                    problems.append(difference.report(readme))
            if stopped:
                problems.append(f"{block.where(readme)} cannot be run: {stopped}")
                session.close()
                session = None
    finally:
        if session:
            session.close()
    if edits:
        for edit in sorted(edits, key=lambda e: e.command.line, reverse=True):
            start = edit.command.output_at
            lines[start:start + len(edit.shown)] = edit.live
        readme.write_text("\n".join(lines))
        print(f"{readme}: {len(edits)} outputs rewritten; review `git diff`, then run the check again")
    for problem in problems:
        print(problem if problem.startswith("FAIL ") else f"FAIL {problem}")
    skipped = sum(1 for b in blocks if b.skip)
    print(f"readme: {len(blocks)} console blocks in {readme.name}, {skipped} skipped, {checked} run "
          f"({commands} commands), {len(problems)} failing")
    return bool(problems)


if __name__ == "__main__":
    sys.exit(main())
