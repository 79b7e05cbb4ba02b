"""Project configuration: `[tool.dmlint]` in pyproject.toml, or a `.dmlint.toml` file.

Discovery walks up from the checked path (one path or `--stdin-filename`) or from the
current directory (several paths, like ruff) and takes the closest directory holding
`.dmlint.toml` or a `pyproject.toml` with a `[tool.dmlint]` table (`.dmlint.toml` wins
within one directory). `--config PATH` names the file, `--isolated` ignores all files.

    [tool.dmlint]                      # in .dmlint.toml the keys are top-level
    select = ["WS"]
    extend-select = ["WS012"]
    ignore = ["WS010"]
    fail-on = "error"
    schema = "schemas/protocol.xsd"    # relative to the config file
    [tool.dmlint.severity]
    WS006 = "error"
    [tool.dmlint.per-file-ignores]
    "legacy/**/*.xml" = ["WS007"]

Any unknown key or bad value is a ConfigError naming the file and the key.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from dmlint.core.problem import SEVERITIES
from dmlint.core.selection import SelectionError, expand, split_codes, validate

CONFIG_NAMES = (".dmlint.toml", "pyproject.toml")
KNOWN_KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "fail-on", "severity", "schema")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    path: str | None = None  # the file the settings came from; None: defaults
    root: str = field(default_factory=os.getcwd)  # per-file-ignores globs are relative to this
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    schema: str | None = None  # absolute path (resolved against the config file's directory)

    def per_file_matcher(self) -> "PerFileIgnores | None":
        if not self.per_file_ignores:
            return None
        return PerFileIgnores(self.root, self.per_file_ignores)


# -- discovery ---------------------------------------------------------------

def _has_dmlint_table(pyproject: str) -> bool:
    data = _read_toml(pyproject)
    return isinstance(data.get("tool"), dict) and "dmlint" in data["tool"]


def find_config(start: str) -> str | None:
    """The closest config file in `start` (a file's directory, or a directory) or above it."""
    directory = os.path.abspath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    while True:
        candidate = os.path.join(directory, ".dmlint.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate) and _has_dmlint_table(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def discovery_start(paths, stdin_filename: str | None = None) -> str:
    """Where discovery starts: the single checked path, else the current directory."""
    real = [p for p in paths if p != "-"]
    if stdin_filename and (not real):
        return stdin_filename
    if len(real) == 1:
        return real[0]
    return os.getcwd()


def resolve_config(paths, stdin_filename: str | None = None, config_path: str | None = None,
                   isolated: bool = False) -> Config:
    if isolated:
        return Config()
    if config_path:
        if not os.path.isfile(config_path):
            raise ConfigError(f"{config_path}: config file does not exist")
        return load_config(config_path)
    found = find_config(discovery_start(paths, stdin_filename))
    return load_config(found) if found else Config()


# -- reading -----------------------------------------------------------------

def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load_config(path: str) -> Config:
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("dmlint") if isinstance(data.get("tool"), dict) else None
        prefix = "[tool.dmlint] "
        if table is None:
            table = {}
    else:
        table = data
        prefix = ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.dmlint] must be a table")
    return _build(path, table, prefix)


def _check_selectors(path: str, where: str, values: list[str]) -> list[str]:
    try:
        return validate(values, f"{path}: {where}")
    except SelectionError as exc:
        raise ConfigError(str(exc)) from None


def _code_list(path: str, where: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {where}: expected a list of rule codes, got {value!r}")
    return _check_selectors(path, where, split_codes(value))


def _build(path: str, table: dict, prefix: str) -> Config:
    config = Config(path=os.path.abspath(path), root=os.path.dirname(os.path.abspath(path)))
    for key, value in table.items():
        where = f"{prefix}{key}"
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{path}: {where}: unknown key (known: {', '.join(KNOWN_KEYS)})")
        if key == "select":
            config.select = _code_list(path, where, value)
        elif key == "extend-select":
            config.extend_select = _code_list(path, where, value)
        elif key == "ignore":
            config.ignore = _code_list(path, where, value)
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(f"{path}: {where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
            config.fail_on = value
        elif key == "schema":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {where}: expected a path string, got {value!r}")
            config.schema = os.path.normpath(os.path.join(config.root, os.path.expanduser(value)))
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: {where}: expected a table of rule code = severity")
            for code, severity in value.items():
                selectors = _check_selectors(path, f"{where}.{code}", split_codes([code]))
                if severity not in SEVERITIES:
                    raise ConfigError(f"{path}: {where}.{code}: expected one of {', '.join(SEVERITIES)}, "
                                      f"got {severity!r}")
                for rule_code in expand(selectors):
                    config.severity[rule_code] = severity
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: {where}: expected a table of glob = [codes]")
            for pattern, codes in value.items():
                config.per_file_ignores[pattern] = _code_list(path, f"{where}.{pattern!r}", codes)
    return config


# -- per-file-ignores --------------------------------------------------------

def glob_to_regex(pattern: str) -> re.Pattern:
    """`*` and `?` stay within one path segment, `**` spans segments, `[..]` is a class."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1:end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z")


class PerFileIgnores:
    """Which codes a path's per-file-ignores turn off. Picklable (compiled regexes)."""

    def __init__(self, root: str, table: dict[str, list[str]]):
        self.root = os.path.abspath(root)
        self.entries = []
        for pattern, selectors in table.items():
            normalized = pattern.replace("\\", "/")
            if normalized.startswith("./"):
                normalized = normalized[2:]
            self.entries.append(("/" in normalized, glob_to_regex(normalized), tuple(selectors)))

    def selectors_for(self, path: str) -> list[str]:
        """The selectors (rule or official codes, prefixes) ignored for this path."""
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.root).replace(os.sep, "/")
        if relative.startswith("../"):
            relative = absolute.replace(os.sep, "/")
        basename = relative.rsplit("/", 1)[-1]
        ignored: list[str] = []
        for has_slash, regex, selectors in self.entries:
            target = relative if has_slash else basename
            if regex.match(target) or (has_slash and regex.match(absolute.replace(os.sep, "/"))):
                ignored.extend(selector for selector in selectors if selector not in ignored)
        return ignored
