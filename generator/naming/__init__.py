"""Stage 4: Speakeasy-compatible names for classes, fields and enum members.

- `classes`: the entry point (`assign_names`) and contested inline names (first come before
  `nameResolutionFeb2025`, all claimants move on from it);
- `fixed`: names that never give way (components, `<Op>Request`, `<Op>ResponseBody`, `Security`);
- `placement`: namespace, docs folder and the module a name must be unique in;
- `unique`: unique, usable class names (keywords, imports, length) and the singular of array items;
- `legacy`: the candidates and visiting order of older generators (first come), `reach` the
  order in which their walk meets components;
- `chains`: how contested names grow in the newest era (`sharedNestedComponentsJan2026`);
- `fields`: Python names inside a class (fields, enum members).
"""

from .classes import assign_names
from .unique import singular

__all__ = ["assign_names", "singular"]
