"""`modelgen diff`: what an SDK user sees change, which changes break callers, and where."""

from __future__ import annotations

import copy
import subprocess

import pytest
import yaml
from conftest import shared_path


def base_spec() -> dict:
    """Pets: `NewPet` travels in a request, `Pet` in a response, `Owner` both ways."""
    owner = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "nick": {"type": "string"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "pets", "version": "1"},
        "paths": {
            "/pets": {
                "post": {
                    "operationId": "createPet",
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewPet"}}}
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
                        }
                    },
                },
                "get": {
                    "operationId": "listPets",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "title": "PetPage",
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
                                            "total": {"type": "integer"},
                                        },
                                    }
                                }
                            },
                        }
                    },
                },
            },
            "/pets/{id}": {"delete": {"operationId": "deletePet", "responses": {"204": {"description": "gone"}}}},
        },
        "components": {
            "schemas": {
                "NewPet": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "tag": {"type": "string"},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "owner": {"$ref": "#/components/schemas/Owner"},
                    },
                },
                "Pet": {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "age": {"type": "integer"},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "owner": {"$ref": "#/components/schemas/Owner"},
                    },
                },
                "Owner": owner,
                "Kind": {"type": "string", "enum": ["cat", "dog", "fish"]},
            }
        },
    }


@pytest.fixture
def specs(tmp_path):
    def write(old: dict, new: dict) -> tuple[str, str]:
        paths = []
        for name, data in (("old.yaml", old), ("new.yaml", new)):
            path = tmp_path / name
            path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
            paths.append(str(path))
        return paths[0], paths[1]

    return write


def section(report: str, heading: str) -> str:
    """The text under the heading that contains `heading`, up to the next heading of any level."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and heading in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return "\n".join(lines[start:end])


def breaking(text: str, needle: str) -> bool | None:
    """True/False when a bullet containing `needle` is / is not marked Breaking; None when absent."""
    for line in text.splitlines():
        if line.startswith("- ") and needle in line:
            return "**Breaking**" in line
    return None


def test_identical_specs_report_no_changes(specs, run_cli):
    old, new = specs(base_spec(), base_spec())
    code, report, _ = run_cli("diff", old, new, "--fail-on-breaking")
    assert code == 0
    assert "**No changes**" in report


def test_direction_decides_what_breaks(specs, run_cli):
    new = copy.deepcopy(base_spec())
    schemas = new["components"]["schemas"]
    schemas["NewPet"]["required"] = ["name", "tag"]  # request: optional -> required breaks callers
    schemas["Pet"]["required"] = ["id"]  # response: required -> optional breaks readers
    schemas["NewPet"]["properties"]["colour"] = {"type": "string"}
    schemas["NewPet"]["required"].append("colour")  # new required request field: breaking
    schemas["Pet"]["properties"]["colour"] = {"type": "string"}
    schemas["Pet"]["required"].append("colour")  # new required response field: harmless
    schemas["Pet"]["properties"]["age"] = {"type": "string"}  # type change: breaking
    code, report, _ = run_cli("diff", *specs(base_spec(), new))
    assert code == 0
    # NewPet serves one operation, so its changes are listed under it; Pet is shared by two.
    new_pet, pet = section(report, "`POST /pets` (`createPet`)"), section(report, "#### `Pet`")
    assert breaking(new_pet, "`NewPet.tag`: optional → required") is True
    assert breaking(new_pet, "`NewPet.colour` added (required)") is True
    assert breaking(pet, "`Pet.name`: required → optional") is True
    assert breaking(pet, "`Pet.colour` added (required)") is False
    assert breaking(pet, "`Pet.age`: type `int` → `str`") is True
    assert "used by `GET /pets` (`listPets`), `POST /pets` (`createPet`)" in pet


def test_removals_break_and_additions_do_not(specs, run_cli):
    new = copy.deepcopy(base_spec())
    schemas = new["components"]["schemas"]
    del schemas["NewPet"]["properties"]["tag"]
    schemas["Kind"]["enum"] = ["cat", "dog", "bird"]
    del new["paths"]["/pets/{id}"]
    new["paths"]["/owners"] = {
        "get": {
            "operationId": "listOwners",
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Owner"}}},
                }
            },
        }
    }
    code, report, err = run_cli("diff", *specs(base_spec(), new), "--fail-on-breaking")
    assert code == 1 and "breaking" in err
    assert breaking(section(report, "`POST /pets` (`createPet`)"), "`NewPet.tag` removed") is True
    kind = section(report, "`Kind`")
    assert breaking(kind, "`'fish'` removed") is True
    assert breaking(kind, "`'bird'` added") is False
    assert breaking(section(report, "Removed ("), "`DELETE /pets/{id}` (`deletePet`)") is True
    assert "`GET /owners` (`listOwners`)" in report and breaking(report, "`GET /owners`") is False


def test_inline_models_are_grouped_under_their_operation(specs, run_cli):
    new = copy.deepcopy(base_spec())
    page = new["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    del page["properties"]["total"]
    code, report, _ = run_cli("diff", *specs(base_spec(), new))
    assert code == 0
    group = section(report, "`GET /pets` (`listPets`)")
    assert breaking(group, ".total` removed") is True
    assert report.index("## Operations") < report.index("#### `GET /pets` (`listPets`)")
    assert "| `GET /pets` (`listPets`) | 1 | 0 |" in report.split("## Operations")[0]  # the overview table


def test_summary_comes_first_and_counts_breaking_changes(specs, run_cli):
    new = copy.deepcopy(base_spec())
    del new["components"]["schemas"]["Owner"]["properties"]["nick"]
    new["components"]["schemas"]["Owner"]["properties"]["email"] = {"type": "string"}
    _, report, _ = run_cli("diff", *specs(base_spec(), new))
    head = report.split("\n## ", 1)[0]
    assert "**1 breaking change**" in head
    assert "| Fields removed | 1 |" in head and "| Fields added | 1 |" in head


def test_big_lists_are_folded(specs, run_cli):
    new = copy.deepcopy(base_spec())
    for index in range(30):
        new["components"]["schemas"]["Owner"]["properties"][f"extra{index}"] = {"type": "string"}
    _, report, _ = run_cli("diff", *specs(base_spec(), new))
    owner = report[report.index("`Owner`") :]
    assert "<details>" in owner and "10 more" in owner


def test_against_a_git_revision(tmp_path, run_cli):
    repo = tmp_path / "repo"
    (repo / "api").mkdir(parents=True)
    spec = repo / "api" / "openapi.yaml"
    spec.write_text(yaml.safe_dump(base_spec()), encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "v1"], check=True)
    new = copy.deepcopy(base_spec())
    del new["components"]["schemas"]["Pet"]["properties"]["age"]
    spec.write_text(yaml.safe_dump(new), encoding="utf-8")
    code, report, _ = run_cli("diff", "--against", "HEAD", str(spec), "--fail-on-breaking")
    assert code == 1
    assert breaking(report, "`Pet.age` removed") is True
    assert f"`HEAD:{spec}`" in report
    code, _, err = run_cli("diff", "--against", "HEAD", str(repo / "api" / "missing.yaml"))
    assert code == 2 and "does not exist at git revision" in err


def test_orq_history_report_is_reviewable(tmp_path, run_cli):
    old_dir, new_dir = shared_path("corpus", "orq-2024-11"), shared_path("corpus", "orq-2025-08")
    code, report, _ = run_cli(
        "diff",
        f"{old_dir}/openapi.yaml",
        f"{new_dir}/openapi.yaml",
        "--old-speakeasy-dir",
        old_dir,
        "--speakeasy-dir",
        new_dir,
        "--fail-on-breaking",
    )
    assert code == 1  # (its speed is for `make bench`: the rules keep timings out of unit tests)
    head = report.split("\n## ", 1)[0]
    assert "breaking change" in head and "| Operations added |" in head
    assert report.count("<details>") == report.count("</details>") > 0
    assert max(len(block) for block in report.split("\n#")) < 20000  # every heading's text stays short


def test_a_removed_operation_names_the_models_it_takes(specs, run_cli):
    new = copy.deepcopy(base_spec())
    del new["paths"]["/pets"]["post"]  # NewPet served createPet alone
    _, report, _ = run_cli("diff", *specs(base_spec(), new))
    head, removed = report.split("\n## ", 1)[0], section(report, "Removed (")
    count = int(head.split("| Models removed | ")[1].split(" |")[0])
    line = next(line for line in removed.splitlines() if "`createPet`" in line)
    assert line.count("`") - 4 == 2 * count and "`NewPet`" in line, (count, line)


def test_operations_come_from_the_sdk_not_the_raw_paths(specs, run_cli):
    """An operation Speakeasy leaves out (`x-speakeasy-ignore`) is not reported, and a model an
    operation's request reaches through a `$ref`'d parameter is an input of that operation."""
    old = copy.deepcopy(base_spec())
    old["paths"]["/pets/{id}"]["delete"]["x-speakeasy-ignore"] = True
    old["components"]["parameters"] = {
        "Filter": {"name": "filter", "in": "query", "schema": {"$ref": "#/components/schemas/Filter"}}
    }
    old["components"]["schemas"]["Filter"] = {"type": "object", "properties": {"tag": {"type": "string"}}}
    old["paths"]["/pets"]["get"]["parameters"] = [{"$ref": "#/components/parameters/Filter"}]
    new = copy.deepcopy(old)
    del new["paths"]["/pets/{id}"]
    new["components"]["schemas"]["Filter"]["required"] = ["tag"]
    code, report, _ = run_cli("diff", *specs(old, new))
    assert code == 0
    assert "deletePet" not in report
    assert breaking(report, "`Filter.tag`: optional → required") is True
