"""Before `nameResolutionDec2023`, who keeps a contested name between two components' inline schemas (see
`takes_over`; `naming.legacy.name_first_come` asks)."""

from __future__ import annotations

from ..ir import Decl, Model
from .nesting import top


def takes_over(claimant: Decl, holder: Decl) -> bool:
    """Before `nameResolutionDec2023`, a component's inline schema named after its property takes a contested
    name from another component's schema named after its title, which moves on to its next free candidate
    (airbyte 1.244-1.402: `source-salesforce.auth_type` takes `AuthType` from `source-amazon-ads`' "Auth Type",
    now `SourceAmazonAdsAuthType`; `source-coin-api.environment` `Environment` from `source-braintree`'s
    "Environment"; `destination-postgres`' `ssl_mode` members' `mode` `Mode` from the first "Mode" of
    `destination-astra`, which by then finds only `DestinationAstraSchemasEmbeddingEmbedding1Mode` free). Within
    one component, or below operations (leonardo 1.396), the first claimant keeps its name."""
    own, other = top(claimant), top(holder)
    return (
        own is not other
        and own.origin.from_component
        and other.origin.from_component
        and _named_by_title(claimant) is False
        and bool(_named_by_title(holder))
    )


def _named_by_title(decl: Decl) -> bool | None:
    """Whether a property's inline schema has a title, which names it (None: not a property's). A title equal
    to the property's name counts (airbyte `source-google-analytics-data-api`'s `filter`, titled "filter",
    leaves `Filter` to `source-chameleon`'s, titled "Filter")."""
    if not isinstance(decl.origin.parent, Model) or decl.name_override:
        return None
    return decl.origin.titled
