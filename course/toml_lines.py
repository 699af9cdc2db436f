"""Find the line of a key path in TOML text.

tomli gives values but not positions, and an author needs a line number to
act on a schema error. This scanner reads the common shapes authors write
(``[[array.of.tables]]``, ``[tables]``, ``key = value``, multi-line strings and
arrays of inline tables) well enough to point at the right line; for anything
it cannot place it falls back to the nearest enclosing table, then line 1. It
never raises: a bad guess at a line is better than no error at all.
"""

from __future__ import annotations

import re

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ML_DELIMS = ('"""', "'''")


def _split_dotted(name: str) -> list[str]:
    """Split ``a."b.c".d`` into ``["a", "b.c", "d"]``."""
    parts: list[str] = []
    current = ""
    quote = ""
    for char in name:
        if quote:
            if char == quote:
                quote = ""
            else:
                current += char
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def _key_of_assignment(line: str) -> str | None:
    """The (possibly dotted) key a ``key = value`` line assigns, if it is one."""
    depth_quote = ""
    for index, char in enumerate(line):
        if depth_quote:
            if char == depth_quote:
                depth_quote = ""
        elif char in "\"'":
            depth_quote = char
        elif char == "=":
            key = line[:index].strip()
            return key or None
        elif char == "#":
            return None
    return None


class _Scanner:
    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.prefix = ""

    def _resolve(self, parts: list[str]) -> str:
        """Turn header parts into a path, indexing arrays of tables seen so far."""
        path = ""
        for part in parts:
            path = f"{path}.{part}" if path else part
            if path in self.counts:
                path = f"{path}[{self.counts[path] - 1}]"
        return path

    def header(self, name: str, lineno: int, array: bool) -> None:
        parts = _split_dotted(name)
        parent = self._resolve(parts[:-1])
        base = f"{parent}.{parts[-1]}" if parent else parts[-1]
        if array:
            index = self.counts.get(base, 0)
            self.counts[base] = index + 1
            self.lines.setdefault(base, lineno)
            path = f"{base}[{index}]"
        else:
            path = base
        self.lines.setdefault(path, lineno)
        self.prefix = path

    def key(self, key: str, lineno: int) -> str:
        path = self.prefix
        for part in _split_dotted(key):
            path = f"{path}.{part}" if path else part
            self.lines.setdefault(path, lineno)
        return path


def key_lines(text: str) -> dict[str, int]:
    """Map key paths like ``steps[2].questions[0].choices`` to 1-based lines."""
    scanner = _Scanner()
    ml_delim = ""
    array_key = ""
    array_depth = 0
    array_index = 0
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if ml_delim:
            if line.count(ml_delim) % 2 == 1:
                ml_delim = ""
            continue
        if array_depth > 0:
            if line.startswith(("{", '"', "'")) and array_depth == 1:
                scanner.lines.setdefault(f"{array_key}[{array_index}]", lineno)
                array_index += 1
            array_depth += line.count("[") - line.count("]")
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            end = line.find("]]")
            if end > 2:
                scanner.header(line[2:end], lineno, array=True)
            continue
        if line.startswith("["):
            end = line.find("]")
            if end > 1:
                scanner.header(line[1:end], lineno, array=False)
            continue
        key = _key_of_assignment(line)
        if key is None:
            continue
        path = scanner.key(key, lineno)
        value = line.split("=", 1)[1].strip() if "=" in line else ""
        for delim in _ML_DELIMS:
            if value.startswith(delim) and value.count(delim) == 1:
                ml_delim = delim
                break
        if value.startswith("[") and value.count("[") > value.count("]"):
            array_key = path
            array_depth = value.count("[") - value.count("]")
            array_index = 0
            # An element may start on the same line as the opening bracket.
            if value[1:].lstrip().startswith(("{", '"', "'")):
                scanner.lines.setdefault(f"{path}[0]", lineno)
                array_index = 1
    return scanner.lines


def line_of(lines: dict[str, int], key_path: str) -> int:
    """The line of ``key_path``, else of its nearest enclosing key, else 1."""
    path = key_path
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            break
        path = path[:cut]
    return lines.get(path, 1)


_LOOKS_LIKE_TOML = re.compile(r"\s*(?:\[\[?[A-Za-z0-9_.\"' -]+\]\]?\s*$|[A-Za-z0-9_-]+\s*=\s*\S)")


def _string_spans(text: str) -> list[tuple[int, int | None, str, str]]:
    """Every multi-line string: its first line, its last (None if never closed),
    its delimiter and its text. Comments and one-line strings are stepped over."""
    spans: list[tuple[int, int | None, str, str]] = []
    index = 0
    line = 1
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
            index += 1
        elif char == "#":
            end = text.find("\n", index)
            index = length if end < 0 else end
        elif text.startswith(_ML_DELIMS, index):
            delim = text[index : index + 3]
            start_line = line
            body_start = index + 3
            search = body_start
            while True:
                close = text.find(delim, search)
                if close < 0 or delim == "'''" or text[close - 1] != "\\":
                    break
                search = close + 1  # an escaped quote inside a basic string
            if close < 0:
                spans.append((start_line, None, delim, text[body_start:]))
                break
            end = close + 3
            while text.startswith(delim[0], end) and end - close < 5:
                end += 1  # up to two quotes may end the string's text
            body = text[body_start:close]
            line += text.count("\n", index, end)
            spans.append((start_line, line, delim, body))
            index = end
        elif char in "\"'":
            end = index + 1
            while end < length and text[end] not in (char, "\n"):
                end += 2 if char == '"' and text[end] == "\\" else 1
            index = end + 1 if end < length and text[end] == char else end
        else:
            index += 1
    return spans


def unclosed_string_hint(text: str, error_line: int) -> str | None:
    """Name the line where a ``\"\"\"`` string opened, when it likely never closed.

    TOML reports a missing closing ``\"\"\"`` far from the mistake: the string
    runs on to the next step's opening quotes, and the error lands in the prose
    after them (or at the end of the file). A multi-line string that opened
    before the error and either never closed or swallowed lines that look like
    TOML (``[[steps]]``, ``id = "..."``) is the likeliest cause.
    """
    try:
        spans = _string_spans(text)
    except Exception:  # a hint must never hide the error it explains
        return None
    for start, end, delim, body in reversed(spans):
        if start > error_line:
            continue
        swallowed = any(_LOOKS_LIKE_TOML.match(row) for row in body.splitlines())
        if end is None or (swallowed and end <= error_line):
            return f"a {delim} string opened at line {start} may be unclosed"
        return None
    return None
