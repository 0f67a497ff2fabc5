#!/usr/bin/env python3
"""Validate SARIF logs against the SARIF 2.1.0 JSON schema beside this script.

usage: check-schema.py FILE...

Prints one line per schema violation ("FILE: PATH: MESSAGE").
Exit status: 0 every file is valid, 1 a file is not, 2 the check cannot run.
"""
import json
import os
import sys

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json")


def main(paths):
    if not paths:
        print("usage: check-schema.py FILE...", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print(f"check-schema.py: {sys.executable} has no jsonschema package; run `make test-deps`.", file=sys.stderr)
        return 2
    with open(SCHEMA, encoding="utf-8") as handle:
        schema = json.load(handle)
    # The schema declares draft-04; validating with a later draft would judge other rules.
    validator = jsonschema.Draft4Validator(schema)
    invalid = False
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: not readable as JSON: {error}")
            invalid = True
            continue
        for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]):
            where = "/".join(str(part) for part in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}")
            invalid = True
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
