"""The generic part of checking content files: problems, shapes, uniqueness, reading TOML.

Each problem names the file, the key path inside it, what is wrong and how to fix it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    key: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.file}: {self.key or '(file)'}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "key": self.key, "message": self.message, "fix": self.fix}


class ContentError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# A shape maps each key to (kind, required, nested shape for tables). Kinds: str, int, bool,
# strs (a list of texts), ints (a list of whole numbers), table, tables (an array of tables),
# map (a table whose keys are free and whose values are texts; the caller checks the keys).
KIND_NAMES = {
    "str": "text", "int": "a whole number", "bool": "true or false", "strs": "a list of texts", "ints": "a list of whole numbers",
    "table": "a table", "tables": "a list of tables", "map": "a table of texts",
}


def kind_ok(kind: str, value: object) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "strs":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "ints":
        return isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    if kind == "table":
        return isinstance(value, dict)
    if kind == "map":
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def check_shape(data: dict, spec: dict, path: str, file: str, problems: list[Problem]) -> None:
    """Check keys and value kinds of one table against its spec, recursing into nested tables."""
    for key in data:
        if key not in spec:
            problems.append(Problem(file, join(path, key), "unknown key",
                                    f"remove it or correct the spelling; known keys here: {', '.join(spec)}"))
    for key, (kind, required, nested) in spec.items():
        where = join(path, key)
        if key not in data:
            if required:
                problems.append(Problem(file, where, "missing required key", f"add `{key} = …` ({KIND_NAMES[kind]})"))
            continue
        value = data[key]
        if not kind_ok(kind, value):
            problems.append(Problem(file, where, f"should be {KIND_NAMES[kind]}, found {type(value).__name__}",
                                    f"write {key} as {KIND_NAMES[kind]}"))
            continue
        if kind == "str" and required and not value.strip():
            problems.append(Problem(file, where, "is empty", "write the text"))
        if kind == "table" and nested is not None:  # None: free keys, checked by the caller
            check_shape(value, nested, where, file, problems)
        elif kind == "tables":
            for i, item in enumerate(value):
                check_shape(item, nested, f"{where}[{i}]", file, problems)


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def check_unique(values: list[tuple[str, str]], what: str, file: str, problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for where, value in values:
        if value in seen:
            problems.append(Problem(file, where, f"duplicate {what} {value!r} (also at {seen[value]})",
                                    f"give each {what} its own value"))
        else:
            seen[value] = where


def read_toml(path: Path, label: str, problems: list[Problem]) -> dict | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})",
                                "save the file as UTF-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(label, "", f"is not valid TOML: {exc}",
                                "correct the syntax at the line and column given"))
    return None


def toml_files(folder: Path) -> list[Path]:
    """The TOML files of a content folder, in name order; none if the folder is absent."""
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def read_shaped(root: Path, paths: list[Path], spec: dict, problems: list[Problem]) -> Iterator[tuple[Path, str, dict]]:
    """(path, its name relative to root, data) for each file that is valid TOML of the given shape;
    every other file adds its problems and is skipped."""
    for path in paths:
        file = path.relative_to(root).as_posix()
        data = read_toml(path, file, problems)
        if data is None:
            continue
        before = len(problems)
        check_shape(data, spec, "", file, problems)
        if len(problems) == before:
            yield path, file, data


def check_file_id(data: dict, path: Path, file: str, problems: list[Problem]) -> None:
    """An entry that is a file of its own (a profile, a training case) has the file's name as its id."""
    if data["id"] != path.stem or not ID_PATTERN.match(data["id"]):
        problems.append(Problem(file, "id", f"{data['id']!r} does not match the file name {path.stem!r}",
                                f'write id = "{path.stem}", or rename the file (lower-case letters, digits, \'-\' or \'_\')'))
