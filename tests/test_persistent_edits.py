"""Persistent edits: a generated file the SDK's repository deleted stays deleted (gen.lock `deleted: true`)."""

from __future__ import annotations

from conftest import shared_path

from generator.config import Options, speakeasy_options
from generator.pipeline import build

SPEC = (
    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n"
    "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
    "              schema: {$ref: '#/components/schemas/Pet'}\n"
    "components:\n  schemas:\n    Pet:\n      type: object\n      properties:\n"
    "        owner: {$ref: '#/components/schemas/Owner'}\n"
    "    Owner:\n      type: object\n      properties:\n        name: {type: string}\n"
)
GEN_YAML = (
    "configVersion: 2.0.0\ngeneration:\n  persistentEdits:\n    enabled: 'true'\n"
    "typescript:\n  packageName: sdk\n  imports:\n    paths: {shared: models, operations: models/operations}\n"
)


def _lock(owner_record: str) -> str:
    return (
        "lockVersion: 2.0.0\nmanagement:\n  speakeasyVersion: 1.761.0\ntrackedFiles:\n"
        "  docs/models/pet.md:\n    id: a1\n    pristine_git_object: 0c1b8eb2e4a8372bb306cc0748d90501bd114117\n"
        f"  docs/models/owner.md:\n    id: b2\n{owner_record}"
    )


def _pages(tmp_path, lock: str) -> set[str]:
    (tmp_path / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text(GEN_YAML, encoding="utf-8")
    (tmp_path / "gen.lock").write_text(lock, encoding="utf-8")
    _, files = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    return {path for path in files if path.startswith("docs/")}


def test_a_page_gen_lock_marks_deleted_is_not_written(tmp_path):
    kept = _pages(tmp_path, _lock("    pristine_git_object: 529fe2df3d005b61632bc7dc546767002d2846dd\n"))
    assert {"docs/models/pet.md", "docs/models/owner.md"} <= kept
    deleted = _pages(
        tmp_path, _lock("    pristine_git_object: 529fe2df3d005b61632bc7dc546767002d2846dd\n    deleted: true\n")
    )
    assert deleted == kept - {"docs/models/owner.md"}


def test_openrouter_1761_writes_no_page_its_lock_deleted_and_every_page_it_holds():
    """openrouter 1.761 (TypeScript) deleted 875 docs/models pages (chatchoice.md...) whose models it keeps."""
    import os

    entry = shared_path("corpus-ts", "openrouter-1761")
    options = speakeasy_options(entry, Options())
    _, files = build(os.path.join(entry, "openapi.yaml"), options)
    ours = {path for path in files if path.startswith("docs/models/")}
    assert "docs/models/chatchoice.md" in options.deleted
    assert not ours & options.deleted
    held = set()
    for folder, _, names in os.walk(os.path.join(entry, "docs", "models")):
        held |= {os.path.relpath(os.path.join(folder, n), entry).replace(os.sep, "/") for n in names}
    assert len(held - ours) <= 2  # operations/objectt.md, operations/content.md: naming, not deletion
    assert len(ours - held) <= 51
