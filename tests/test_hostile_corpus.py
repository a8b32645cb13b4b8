"""Every peer-dmcg spec generates a package that compiles and imports, or stops with one clear line."""

from __future__ import annotations

from conftest import shared_path
from peer_corpus import run


def test_peer_corpus_has_no_traceback_and_no_broken_package():
    report = run(shared_path("specs", "peer-dmcg"))
    failures = [f"{o.spec}: {o.detail}" for o in report.outcomes if o.kind == "failure"]
    assert not failures, report.summary() + "\n" + "\n".join(failures)
    assert report.count("generated") > 200, report.summary()
