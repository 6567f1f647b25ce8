"""Reading bundles: files and folders → records, each checked against ``claims.ingest.bundle_format``.

Nothing here touches the database. ``read_bundle_file`` reads a YAML or JSON bundle whole (they are
small: curated by hand); ``read_lines_file`` yields the records of a JSON Lines file one at a time, so
that memory does not grow with the file. Every record comes out as a ``Record``: its type, key, cleaned
values (only the fields it names, see ``bundle_format.read_record``) and where it came from, for errors.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..bundle_format import FORMAT_NAME, LINE_TYPES, RECORD_TYPES, SPECS, FieldError, read_record

BUNDLE_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")


class BundleError(ValueError):
    """Bad input. The message names the file, the record and the field."""


@dataclass
class Where:
    """Where a record came from, for error messages: ``seed.yaml: claims[3] (key nis-deaths)``."""

    file: str
    label: str
    base_dir: Path

    def fail(self, path: str, message: str):
        raise BundleError(self.describe(path, message))

    def describe(self, path: str, message: str) -> str:
        return f"{self.file}: {self.label}: {path}: {message}" if path else f"{self.file}: {self.label}: {message}"


@dataclass
class Record:
    """One record of a bundle: ``kind`` is actors, documents, propositions or claims."""

    kind: str
    data: dict
    where: Where

    @property
    def key(self) -> str:
        return self.data["key"]


@dataclass
class BundleFile:
    """One bundle file: its name as given, its identity for the merge (``bundle``) and its records."""

    name: str
    path: Path
    bundle: str
    sha256: str = ""


class _SafeLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses aliases (no billion laughs) and duplicate keys in a mapping."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, f"YAML aliases (*{event.anchor}) are not allowed in bundles", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise yaml.MarkedYAMLError(
                    None, None, f"the key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _no_duplicate_pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def bundle_paths(paths) -> list[Path]:
    """The bundle files named by ``paths``: files as given, folders searched recursively (sorted)."""
    found = []
    if not paths:
        raise BundleError("no bundle given: name one or more files or folders")
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in BUNDLE_SUFFIXES)
            if not inside:
                raise BundleError(f"{raw}: the folder holds no bundle ({', '.join(BUNDLE_SUFFIXES)} files)")
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in BUNDLE_SUFFIXES:
                raise BundleError(f"{raw}: not a bundle file (expected {', '.join(BUNDLE_SUFFIXES)})")
            found.append(path)
        else:
            raise BundleError(f"{raw}: no such file or folder")
    unique, seen = [], set()
    for path in found:  # a file named both directly and through its folder is read once
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique


def read_text_file(path: Path, name: str) -> tuple[str, str]:
    """(text, sha256 of the bytes)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"{name}: cannot read the file: {exc.strerror}") from None
    try:
        return data.decode("utf-8"), hashlib.sha256(data).hexdigest()
    except UnicodeDecodeError as exc:
        raise BundleError(f"{name}: the file is not UTF-8 text (byte {exc.start})") from None


def load_bundle(path: Path, name: str) -> tuple[dict, str]:
    """The top-level mapping of a YAML or JSON bundle, and the file's SHA-256."""
    text, sha256 = read_text_file(path, name)
    if not text.strip():
        raise BundleError(f"{name}: the file is empty")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicate_pairs)
        except ValueError as exc:
            raise BundleError(f"{name}: malformed JSON: {exc}") from None
        except RecursionError:
            raise BundleError(f"{name}: malformed JSON: nested too deeply") from None
    else:
        try:
            data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 — _SafeLoader is a SafeLoader
        except yaml.YAMLError as exc:
            raise BundleError(f"{name}: malformed YAML: {' '.join(str(exc).split())}") from None
        except RecursionError:
            raise BundleError(f"{name}: malformed YAML: nested too deeply") from None
    if data is None:
        raise BundleError(f"{name}: the file is empty")
    if not isinstance(data, dict):
        raise BundleError(f"{name}: a bundle is a mapping with actors, documents, propositions and claims, "
                          f"not {type(data).__name__}")
    for top in data:
        if top not in (*RECORD_TYPES, "format", "bundle"):
            raise BundleError(
                f"{name}: unknown top-level key {top!r} (known: format, bundle, {', '.join(RECORD_TYPES)})")
    if "format" in data and data["format"] != FORMAT_NAME:
        raise BundleError(f"{name}: format: {data['format']!r} is not {FORMAT_NAME!r}")
    if "bundle" in data and not (isinstance(data["bundle"], str) and data["bundle"].strip()):
        raise BundleError(f"{name}: bundle: expected the bundle's name as text, got {data['bundle']!r}")
    for top in RECORD_TYPES:
        if top in data and not isinstance(data[top], list):
            raise BundleError(f"{name}: {top}: expected a list of records, got {type(data[top]).__name__}")
    if not any(data.get(top) for top in RECORD_TYPES):
        raise BundleError(f"{name}: the bundle holds no records")
    return data, sha256


def bundle_identity(path: Path, data: dict | None = None) -> str:
    """How the merge knows a bundle from one import to the next: its ``bundle:`` name, else its absolute path."""
    if data and data.get("bundle"):
        return f"name:{data['bundle'].strip()}"
    return f"file:{path.resolve()}"


def read_bundle_file(path: Path, name: str) -> tuple[BundleFile, dict]:
    """A YAML or JSON bundle: (the file, {type: [Record]}), every record checked field by field."""
    data, sha256 = load_bundle(path, name)
    records = {kind: [] for kind in RECORD_TYPES}
    for kind in RECORD_TYPES:
        for index, raw in enumerate(data.get(kind) or []):
            label = f"{kind}[{index}]"
            if isinstance(raw, dict) and isinstance(raw.get("key"), str):
                label += f" (key {raw['key']})"
            where = Where(name, label, path.parent)
            try:
                clean = read_record(SPECS[kind], raw, partial=True)
            except FieldError as exc:
                where.fail(exc.path, exc.message)
            records[kind].append(Record(kind, clean, where))
    return BundleFile(name=name, path=path, bundle=bundle_identity(path, data), sha256=sha256), records


def read_line(raw: bytes, number: int, name: str, base_dir: Path) -> Record | None:
    """One line of a JSON Lines file as a Record (None for a blank line)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError(f"{name}: line {number}: not UTF-8 text") from None
    if not text.strip():
        return None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_pairs)
    except ValueError as exc:
        raise BundleError(f"{name}: line {number}: malformed JSON: {exc}") from None
    except RecursionError:
        raise BundleError(f"{name}: line {number}: malformed JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise BundleError(f"{name}: line {number}: expected a JSON object with a type, not {type(data).__name__}")
    kind = data.pop("type", None)
    label = f"line {number}"
    if kind not in LINE_TYPES:
        raise BundleError(f"{name}: {label}: type: {kind!r} is not one of {', '.join(LINE_TYPES)}")
    if isinstance(data.get("key"), str):
        label += f" ({kind}, key {data['key']})"
    where = Where(name, label, base_dir)
    try:
        clean = read_record(SPECS[LINE_TYPES[kind]], data, partial=True)
    except FieldError as exc:
        where.fail(exc.path, exc.message)
    return Record(LINE_TYPES[kind], clean, where)


def read_lines_file(path: Path, name: str, *, digest, on_bytes=None):
    """The records of a JSON Lines file, one at a time; ``digest`` is fed every byte, ``on_bytes(n)`` told of them."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            digest.update(raw)
            if on_bytes is not None:
                on_bytes(len(raw))
            record = read_line(raw, number, name, path.parent)
            if record is not None:
                yield record
