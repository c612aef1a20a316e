#!/usr/bin/env python3
"""Regenerates the README's configuration reference from Spring Boot configuration metadata.

The tables are generated, not written by hand, so they list every property with its real
default. Build first (the configuration processor writes the metadata at compile time):

    mvn -B -ntp -DskipTests package
    python3 scripts/config-reference.py          # rewrites README.md between the markers
    python3 scripts/config-reference.py --check  # exits 1 when README.md is out of date

Each table sits between "<!-- config-reference:NAME:start -->" and
"<!-- config-reference:NAME:end -->" in README.md.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
METADATA = "target/classes/META-INF/spring-configuration-metadata.json"

# Table name -> (module whose metadata is read, property prefix).
TABLES = {
    "mezon": ("mezon-light-spring-boot-autoconfigure", "mezon."),
    "demo": ("sample-app", "demo."),
}

SIMPLE_TYPES = {
    "java.lang.String": "string",
    "java.lang.Boolean": "boolean",
    "java.lang.Integer": "int",
    "java.lang.Long": "long",
    "java.lang.Double": "double",
    "java.time.Duration": "duration",
    "org.springframework.util.unit.DataSize": "data size",
    "java.nio.file.Path": "path",
    "java.util.List<java.lang.String>": "list of strings",
}


def type_name(prop, hints):
    java_type = prop.get("type")
    if not java_type:
        return ""
    if java_type in SIMPLE_TYPES:
        return SIMPLE_TYPES[java_type]
    # Nested enums, e.g. MezonProperties$Events$Executor: their values come from the metadata's
    # hints (additional-spring-configuration-metadata.json), so the table lists them.
    values = [str(v["value"]) for v in hints.get(prop["name"], {}).get("values", [])]
    if not values:
        sys.exit(f"{prop['name']} ({java_type}) has no value hints: add them to "
                 "additional-spring-configuration-metadata.json")
    return "one of " + ", ".join(f"`{v}`" for v in values)


def default_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "`" + str(value).lower() + "`"
    if isinstance(value, list):
        return "`" + ",".join(str(v) for v in value) + "`" if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "`" + str(value) + "`"


def cell(text):
    return " ".join((text or "").split()).replace("|", "\\|")


def table(module, prefix):
    path = ROOT / module / METADATA
    if not path.is_file():
        sys.exit(f"{path.relative_to(ROOT)} not found: build first (mvn -B -ntp -DskipTests package)")
    metadata = json.loads(path.read_text(encoding="utf-8"))
    properties = sorted((p for p in metadata.get("properties", []) if p["name"].startswith(prefix)),
                        key=lambda p: p["name"])
    hints = {h["name"]: h for h in metadata.get("hints", [])}
    lines = ["| Property | Type | Default | Description |", "|---|---|---|---|"]
    for prop in properties:
        description = cell(prop.get("description"))
        deprecation = prop.get("deprecation")
        if deprecation:
            replacement = deprecation.get("replacement")
            description = "**Deprecated**" + (f" (use `{replacement}`)" if replacement else "") + ". " + description
        lines.append(f"| `{prop['name']}` | {type_name(prop, hints)} | {default_value(prop.get('defaultValue'))} "
                     f"| {description} |")
    return "\n".join(lines)


def main(argv):
    check = "--check" in argv
    original = README.read_text(encoding="utf-8")
    updated = original
    for name, (module, prefix) in TABLES.items():
        start = f"<!-- config-reference:{name}:start -->"
        end = f"<!-- config-reference:{name}:end -->"
        if start not in updated or end not in updated:
            sys.exit(f"README.md lacks the markers {start} ... {end}")
        before, rest = updated.split(start, 1)
        _, after = rest.split(end, 1)
        updated = before + start + "\n" + table(module, prefix) + "\n" + end + after
    if updated == original:
        print("README.md configuration reference is up to date")
        return 0
    if check:
        print("README.md configuration reference is out of date: run python3 scripts/config-reference.py")
        return 1
    README.write_text(updated, encoding="utf-8")
    print("README.md configuration reference regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
