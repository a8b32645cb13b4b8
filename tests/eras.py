"""gen.yaml settings of the naming eras the tests build under (see `generator.profile.Profile`):
`OLD_ERA` first-come names (nameResolutionDec2023 without Feb2025), `NEW_ERA` contested names
(Feb2025), `JAN2026` chains (sharedNestedComponentsJan2026)."""

NEW_ERA = {
    "generation": {
        "maintainOpenAPIOrder": True,
        "fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": True},
    }
}
OLD_ERA = {
    "generation": {
        "maintainOpenAPIOrder": True,
        "fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": False},
    }
}
JAN2026 = {
    "generation": {
        **NEW_ERA["generation"],
        "fixes": {**NEW_ERA["generation"]["fixes"], "sharedNestedComponentsJan2026": True},
    }
}
