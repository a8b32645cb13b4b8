"""The model-side choices that depend on gen.yaml and the Speakeasy version.

Each rule names the corpus entries (../shared/corpus/<entry>/sdk, Speakeasy's own model
sources) that show it, on both sides of any version cut-off.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Options
from ..ir import Enum


@dataclass(frozen=True)
class ModelRules:
    # gen.yaml `forwardCompatibleEnumsByDefault`: enums accept values they do not list
    open_enums: bool = False
    # gen.yaml `enumFormat: union`: an enum is a `Literal[...]` alias, not an Enum class. Speakeasy
    # 1.441 still wrote classes (orq-2024-11); 1.606 on writes aliases (orq-2025-08, squadcast
    # 1.621, openrouter 1.656, agentset 1.708, sunsynk 1.748)
    literal_enums: bool = False

    @classmethod
    def from_options(cls, options: Options) -> ModelRules:
        return cls(
            open_enums=options.python_option("forwardCompatibleEnumsByDefault") is True,
            literal_enums=options.python_option("enumFormat") == "union" and options.speakeasy_version >= (1, 606),
        )

    def is_open(self, enum: Enum) -> bool:
        """Whether `enum` accepts unknown values: `x-speakeasy-unknown-values: allow`, or the gen.yaml
        default for an enum of two or more values (a one-value enum stays closed, as the docs show it:
        cribl-cp 1.784 has 755 such closed enums beside 820 open ones; sunsynk 1.748 likewise)."""
        return enum.open or (self.open_enums and not enum.closed and len(enum.values) > 1)


DEFAULT_RULES = ModelRules()  # no gen.yaml: closed Enum classes
