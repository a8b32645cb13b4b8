"""Older generators add an operation's further tags, one at a time, after its group (`Origin.more_tags`)."""

from __future__ import annotations

import os

from conftest import shared_path

from generator.config import Options, speakeasy_options
from generator.pipeline import build


def test_orq_client_1419_names_take_the_public_tag_after_the_group():
    """`POST /v2/deployments/get_config` is tagged [Deployments, public]: its contested names grow
    `...2DeploymentsType`, `...2DeploymentsPublicType`, `...2DeploymentsPublicResponseType` (gen.lock lists all three).
    """
    entry = shared_path("corpus-ts", "orq-client-1419")
    _, files = build(os.path.join(entry, "openapi.json"), speakeasy_options(entry, Options()))
    with open(os.path.join(entry, "gen.lock"), encoding="utf-8") as handle:
        lock = handle.read()
    for stem in ("deploymentstype", "deploymentspublictype", "deploymentspublicresponsetype"):
        page = f"docs/models/operations/postv2deploymentsgetconfig2{stem}.md"
        assert page in lock and page in files
