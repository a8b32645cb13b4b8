"""JSON Schema scalar types and string formats, as the Python types the models use."""

SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
# a string of an integer format is an int (conductorone 1.352 `grantCount: {type: string, format: int64}` reads
# `Optional[int]`; no other entry has one)
STRING_FORMATS = {"date": "date", "date-time": "datetime", "binary": "bytes", "int64": "int", "int32": "int"}
STRING_TYPES = {"str", "date", "datetime"}  # one string, whatever its format, when a union holds only these
