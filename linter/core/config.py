"""Project configuration: `[tool.dmlint]` in pyproject.toml, or a `.dmlint.toml` file.

Every file is linted with the settings of the closest configuration file at or above its own
directory, as ruff does: a directory holding `.dmlint.toml`, or a `pyproject.toml` with a
`[tool.dmlint]` table (`.dmlint.toml` wins within one directory). That holds whatever the
invocation: one file, several, a directory walk, or standard input with `--stdin-filename`.
The closest file wins entirely; `extend = "../base.toml"` inherits another file's settings.
`--config PATH` uses one file for everything, `--isolated` none.

    [tool.dmlint]                      # in .dmlint.toml (or an extended file) keys are top-level
    extend = "../base.toml"            # inherit, then override (relative to this file)
    select = ["WS"]
    extend-select = ["WS012"]
    ignore = ["WS010"]
    fail-on = "error"
    schema = "schemas/protocol.xsd"    # relative to the config file
    exclude = [".*", "node_modules"]   # replaces the default exclusions
    extend-exclude = ["generated"]     # adds to them
    [tool.dmlint.severity]
    WS006 = "error"
    [tool.dmlint.per-file-ignores]
    "legacy/**/*.xml" = ["WS007"]

Paths and globs are relative to the file that writes them. Any unknown key or bad value is a
ConfigError naming the file and the key.
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

from dmlint.catalogue import is_official_selector
from dmlint.core.problem import SEVERITIES
from dmlint.core.selection import Layer, expand, split_codes, unknown_selector_hint

CONFIG_NAMES = (".dmlint.toml", "pyproject.toml")
KNOWN_KEYS = ("extend", "select", "extend-select", "ignore", "per-file-ignores", "extend-per-file-ignores",
              "fail-on", "severity", "schema", "exclude", "extend-exclude", "fixable", "unfixable", "unsafe-fixes",
              "cache-dir", "expected-provider")
# Not entered while walking directories (unless `exclude` replaces the list): hidden files and
# folders (.git, .venv, editor back-ups), node_modules and Python caches.
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", ".dmlint_cache")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Glob:
    """A glob and the directory it is relative to (the file that wrote it)."""

    pattern: str
    root: str
    source: str  # the configuration file, "command line" or "default"


@dataclass
class Config:
    path: str | None = None  # the file the settings came from; None: defaults
    root: str = field(default_factory=os.getcwd)  # the project root: the config file's directory
    sources: list[str] = field(default_factory=list)  # the files read: this one first, then what it extends
    layers: list[Layer] = field(default_factory=list)
    per_file_ignores: list[tuple[Glob, tuple[str, ...]]] = field(default_factory=list)
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    schema: str | None = None  # absolute path (resolved against the config file's directory)
    exclude: list[Glob] | None = None  # None: DEFAULT_EXCLUDE
    extend_exclude: list[Glob] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)  # key -> the file that set it
    fixable: frozenset[str] | None = None  # rules whose fixes --fix may apply (None: every rule)
    unfixable: frozenset[str] = frozenset()  # rules whose fixes are never applied
    unsafe_fixes: bool = False  # apply unsafe fixes too, as --unsafe-fixes does
    cache_dir: str | None = None  # absolute path of the findings cache (dmlint.core.cache)
    expected_provider: str | None = None  # the Provider every protocol must name (PROT004)

    # -- compatibility with code written for one layer -------------------------
    @property
    def select(self) -> list[str] | None:
        for layer in reversed(self.layers):
            if layer.select is not None:
                return list(layer.select)
        return None

    @property
    def ignore(self) -> list[str]:
        return [code for layer in self.layers for code in layer.ignore]

    @property
    def extend_select(self) -> list[str]:
        return [code for layer in self.layers for code in layer.extend_select]

    # -- derived ---------------------------------------------------------------
    def per_file_matcher(self) -> "PerFileIgnores | None":
        if not self.per_file_ignores:
            return None
        return PerFileIgnores.from_globs(self.per_file_ignores)

    def exclusions(self) -> list[Glob]:
        base = self.exclude if self.exclude is not None else [Glob(p, self.root, "default") for p in DEFAULT_EXCLUDE]
        return base + self.extend_exclude

    def key(self) -> str:
        return self.path or "(defaults)"


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
        found = _config_in(directory)
        if found:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _config_in(directory: str) -> str | None:
    candidate = os.path.join(directory, ".dmlint.toml")
    if os.path.isfile(candidate):
        return candidate
    candidate = os.path.join(directory, "pyproject.toml")
    if os.path.isfile(candidate) and _has_dmlint_table(candidate):
        return candidate
    return None


class ConfigResolver:
    """The configuration of each path: the closest file above it, read once per run."""

    def __init__(self, config_path: str | None = None, isolated: bool = False):
        self.isolated = isolated
        self.forced: Config | None = None
        self._by_directory: dict[str, Config] = {}
        self._loaded: dict[str, Config] = {}
        self._default: Config | None = None
        if isolated:
            self.forced = Config()
        elif config_path:
            if not os.path.isfile(config_path):
                raise ConfigError(f"{config_path}: config file does not exist")
            self.forced = self._load(config_path)

    def _load(self, path: str) -> Config:
        key = os.path.abspath(path)
        if key not in self._loaded:
            self._loaded[key] = load_config(path)
        return self._loaded[key]

    def default(self) -> Config:
        if self._default is None:
            self._default = Config()
        return self._default

    def for_directory(self, directory: str) -> Config:
        if self.forced is not None:
            return self.forced
        directory = os.path.abspath(directory)
        walked = []
        config = None
        while True:
            if directory in self._by_directory:
                config = self._by_directory[directory]
                break
            walked.append(directory)
            found = _config_in(directory)
            if found:
                config = self._load(found)
                break
            parent = os.path.dirname(directory)
            if parent == directory:
                config = self.default()
                break
            directory = parent
        for visited in walked:
            self._by_directory[visited] = config
        return config

    def for_path(self, path: str) -> Config:
        """The configuration of a file (or of a directory, for its contents)."""
        absolute = os.path.abspath(path)
        return self.for_directory(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))

    def configs(self) -> list[Config]:
        return list({id(c): c for c in self._by_directory.values()}.values())


def discovery_start(paths, stdin_filename: str | None = None) -> str:
    """Kept for callers written before per-file discovery: the single checked path, else the cwd."""
    real = [p for p in paths if p != "-"]
    if stdin_filename and (not real):
        return stdin_filename
    if len(real) == 1:
        return real[0]
    return os.getcwd()


def resolve_config(paths, stdin_filename: str | None = None, config_path: str | None = None,
                   isolated: bool = False) -> Config:
    """The configuration of the first path (or of `stdin_filename`, or the cwd)."""
    resolver = ConfigResolver(config_path, isolated)
    return resolver.for_path(discovery_start(paths, stdin_filename))


# -- reading -----------------------------------------------------------------

def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _table(path: str) -> tuple[dict, str]:
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("dmlint") if isinstance(data.get("tool"), dict) else None
        if table is None:
            table = {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.dmlint] must be a table")
        return table, "[tool.dmlint] "
    return data, ""


def load_config(path: str, _chain: tuple[str, ...] = ()) -> Config:
    """Read one file, and the files it extends (base first, then this file's keys on top)."""
    absolute = os.path.abspath(path)
    if absolute in _chain:
        cycle = " -> ".join([*_chain, absolute])
        raise ConfigError(f"{_chain[0]}: extend: the files extend each other in a loop ({cycle})")
    table, prefix = _table(path)
    base = None
    if "extend" in table:
        value = table["extend"]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: {prefix}extend: expected the path of another configuration file, "
                              f"got {value!r}")
        target = os.path.normpath(os.path.join(os.path.dirname(absolute), os.path.expanduser(value)))
        if not os.path.isfile(target):
            raise ConfigError(f"{path}: {prefix}extend: {value} does not exist ({target})")
        base = load_config(target, (*_chain, absolute))
    return _build(path, table, prefix, base)


def _check_selectors(path: str, where: str, values: list[str]) -> list[str]:
    for selector in values:
        hint = unknown_selector_hint(selector)
        if hint is not None:
            kind = "official code" if is_official_selector(selector) else "rule code or prefix"
            raise ConfigError(f"{path}: {where}: unknown {kind} {selector!r}{hint}")
    return values


def _code_list(path: str, where: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {where}: expected a list of rule codes, got {value!r}")
    return _check_selectors(path, where, split_codes(value))


def _glob_list(path: str, where: str, value, root: str) -> list[Glob]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{path}: {where}: expected a list of glob patterns, got {value!r}")
    return [Glob(item, root, os.path.abspath(path)) for item in value]


def _per_file_table(path: str, where: str, value, root: str) -> list[tuple[Glob, tuple[str, ...]]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {where}: expected a table of glob = [codes]")
    return [(Glob(pattern, root, os.path.abspath(path)), tuple(_code_list(path, f"{where}.{pattern!r}", codes)))
            for pattern, codes in value.items()]


def _build(path: str, table: dict, prefix: str, base: Config | None = None) -> Config:
    absolute = os.path.abspath(path)
    root = os.path.dirname(absolute)
    config = Config(path=absolute, root=root, sources=[absolute])
    if base is not None:  # inherit everything, then this file's keys on top
        config.sources += base.sources
        config.layers = list(base.layers)
        config.per_file_ignores = list(base.per_file_ignores)
        config.fail_on = base.fail_on
        config.severity = dict(base.severity)
        config.schema = base.schema
        config.cache_dir = base.cache_dir
        config.expected_provider = base.expected_provider
        config.exclude = None if base.exclude is None else list(base.exclude)
        config.extend_exclude = list(base.extend_exclude)
        config.origins = dict(base.origins)
        config.fixable, config.unfixable, config.unsafe_fixes = base.fixable, base.unfixable, base.unsafe_fixes
    select = None
    extend_select: list[str] = []
    ignore: list[str] = []
    for key, value in table.items():
        where = f"{prefix}{key}"
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{path}: {where}: unknown key{_key_hint(key)} (known: {', '.join(KNOWN_KEYS)})")
        if key == "extend":
            continue
        config.origins[key] = absolute
        if key == "select":
            select = _code_list(path, where, value)
        elif key == "extend-select":
            extend_select = _code_list(path, where, value)
        elif key == "ignore":
            ignore = _code_list(path, where, value)
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(f"{path}: {where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
            config.fail_on = value
        elif key == "schema":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {where}: expected a path string, got {value!r}")
            config.schema = os.path.normpath(os.path.join(root, os.path.expanduser(value)))
        elif key == "expected-provider":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {where}: expected the provider's name, got {value!r}")
            config.expected_provider = value
        elif key == "cache-dir":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {where}: expected a path string, got {value!r}")
            config.cache_dir = os.path.normpath(os.path.join(root, os.path.expanduser(value)))
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
            config.per_file_ignores = _per_file_table(path, where, value, root)
        elif key == "extend-per-file-ignores":
            config.per_file_ignores = config.per_file_ignores + _per_file_table(path, where, value, root)
        elif key == "fixable":
            config.fixable = expand(_code_list(path, where, value))
        elif key == "unfixable":
            config.unfixable = expand(_code_list(path, where, value))
        elif key == "unsafe-fixes":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: {where}: expected true or false, got {value!r}")
            config.unsafe_fixes = value
        elif key == "exclude":
            config.exclude = _glob_list(path, where, value, root)
        elif key == "extend-exclude":
            config.extend_exclude = config.extend_exclude + _glob_list(path, where, value, root)
    if "per-file-ignores" in table and "extend-per-file-ignores" in table:
        # the table replaces the inherited one, the extension adds to it: order-independent
        config.per_file_ignores = (_per_file_table(path, f"{prefix}per-file-ignores", table["per-file-ignores"], root)
                                   + _per_file_table(path, f"{prefix}extend-per-file-ignores",
                                                     table["extend-per-file-ignores"], root))
    if select is not None or extend_select or ignore:
        config.layers.append(Layer(select=None if select is None else list(select), extend_select=list(extend_select),
                                   ignore=list(ignore), source=absolute))
    return config


def _key_hint(key: str) -> str:
    import difflib  # only for this hint

    close = difflib.get_close_matches(key.replace("_", "-"), KNOWN_KEYS, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# -- globs: per-file-ignores and exclude ------------------------------------

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


def _normalized(pattern: str) -> str:
    normalized = pattern.replace("\\", "/")
    if normalized.startswith("./"):
        normalized = normalized[2:]
    return normalized.rstrip("/") or normalized


class PathMatcher:
    """Globs as ruff reads them: one without `/` matches a file or folder name anywhere, one
    with `/` the path relative to the directory of the file that wrote it. Picklable."""

    def __init__(self, globs):
        self.entries = []
        for glob in globs:
            normalized = _normalized(glob.pattern)
            self.entries.append(("/" in normalized, glob_to_regex(normalized), os.path.abspath(glob.root), glob))

    def matching(self, path: str):
        """The globs that match `path` (a file or a directory)."""
        absolute = os.path.abspath(path)
        posix = absolute.replace(os.sep, "/")
        basename = posix.rsplit("/", 1)[-1]
        found = []
        for has_slash, regex, root, glob in self.entries:
            if not has_slash:
                if regex.match(basename):
                    found.append(glob)
                continue
            relative = os.path.relpath(absolute, root).replace(os.sep, "/")
            if (not relative.startswith("../") and regex.match(relative)) or regex.match(posix):
                found.append(glob)
        return found


class PerFileIgnores:
    """Which codes a path's per-file-ignores turn off. Picklable (compiled regexes)."""

    def __init__(self, root: str, table: dict[str, list[str]]):
        self._init([(Glob(pattern, root, "?"), tuple(selectors)) for pattern, selectors in table.items()])

    @classmethod
    def from_globs(cls, entries) -> "PerFileIgnores":
        matcher = cls.__new__(cls)
        matcher._init(entries)
        return matcher

    def _init(self, entries) -> None:
        self.matcher = PathMatcher([glob for glob, _ in entries])
        self.selectors = [selectors for _, selectors in entries]
        self.globs = [glob for glob, _ in entries]

    def matches(self, path: str) -> list[tuple[Glob, tuple[str, ...]]]:
        """(glob, selectors) of every entry matching the path."""
        found = self.matcher.matching(path)
        return [(glob, selectors) for glob, selectors in zip(self.globs, self.selectors, strict=True)
                if any(glob is match for match in found)]

    def selectors_for(self, path: str) -> list[str]:
        """The selectors (rule or official codes, prefixes) ignored for this path."""
        ignored: list[str] = []
        for _, selectors in self.matches(path):
            ignored.extend(selector for selector in selectors if selector not in ignored)
        return ignored
