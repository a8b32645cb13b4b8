"""Benchmarks for issue 5: modelgen against datamodel-code-generator, side by side.

`make bench` (or `python benchmarks/bench.py`) measures, on the same machine in one run:
- cold generation of a spec (models + all docs) by modelgen, and by datamodel-codegen
  with `--formatters ruff-format` (models only), alternating, several runs, medians,
  with each process's peak RSS;
- a no-change regeneration (must write nothing) and a one-schema change;
- time per MB on Stripe and OpenAI;
- linear growth on a synthetic spec at 1x, 2x and 4x;
- chained `allOf` (each schema the `allOf` of the two before) at 10, 20 and 40 levels.
Each tool runs as users get it, from its own throwaway venv (git-ignored): the peer in
benchmarks/.peers, modelgen as a wheel of this checkout in benchmarks/.modelgen.
Speed targets live here, never in timed unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
PEERS = os.path.join(HERE, ".peers")
OURS = os.path.join(HERE, ".modelgen")
CPU_SECONDS: dict[str, list[float]] = {}
# Every output of the run stays until the end: ext4 scans past inodes deleted in the last 30 s
# when it creates files (`recently_deleted`), so deleting thousands of files mid-run would slow
# whichever tool ran next (seen: 2,400 creates going from 0.05 s to 0.7 s).
SCRATCH: list[str] = []


def scratch() -> str:
    """A new empty folder inside the run's scratch folder (removed when the run ends)."""
    if not SCRATCH:
        SCRATCH.append(tempfile.mkdtemp(prefix="modelgen-bench-"))
    return tempfile.mkdtemp(dir=SCRATCH[0])


PEER_PACKAGES = ["datamodel-code-generator==0.89.0", "ruff"]


def install_modelgen() -> None:
    """modelgen as users get it: a wheel of this checkout in its own venv (benchmarks/.modelgen),
    with compiled bytecode and no editable-install import hook (that hook alone costs 10 ms a run)."""
    python = os.path.join(OURS, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", OURS], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", ROOT], check=True)
    else:  # this checkout's current code, every time
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", ROOT], check=True)


def peer_python() -> str:
    python = os.path.join(PEERS, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", PEERS], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
    return python


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one command, via /usr/bin/time when present.

    The command's CPU time (user + system) is added to CPU_SECONDS under its first word.
    """
    time_bin = shutil.which("time") or "/usr/bin/time"
    # Each run starts on a quiet disk: the previous run's dirty pages, and the journal commit of
    # any deletion (slow with the `discard` mount option), would otherwise land in this one.
    os.sync()
    started = time.perf_counter()
    if os.path.exists(time_bin):
        result = subprocess.run(
            [time_bin, "-f", "%M %U %S", *cmd], capture_output=True, text=True, env=env, check=False
        )
        took = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed: {result.stderr[-2000:]}")
        rss, user, system = result.stderr.strip().splitlines()[-1].split()
        CPU_SECONDS.setdefault(os.path.basename(cmd[0]), []).append(float(user) + float(system))
        return took, int(rss)
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed: {result.stderr[-2000:]}")
    return time.perf_counter() - started, 0


def modelgen_cmd(spec: str, out: str, speakeasy_dir: str = "") -> list[str]:
    cmd = [os.path.join(OURS, "bin", "modelgen"), "generate", spec, "--out", out]
    return cmd + (["--speakeasy-dir", speakeasy_dir] if speakeasy_dir else [])


def peer_cmd(spec: str, out: str) -> list[str]:
    return [
        os.path.join(PEERS, "bin", "datamodel-codegen"),
        "--input",
        spec,
        "--input-file-type",
        "openapi",
        "--output",
        out,
        "--output-model-type",
        "pydantic_v2.BaseModel",
        "--formatters",
        "ruff-format",
    ]


def creation_probe(files: int = 2400) -> float:
    """Seconds to create `files` small files here, the floor under any docs generator's cold run."""
    folder = scratch()
    started = time.perf_counter()
    for index in range(files):
        with open(os.path.join(folder, f"{index}.md"), "wb") as handle:
            handle.write(b"x" * 600)
    return time.perf_counter() - started


def wait_for_quiet_disk(limit_s: float = 420.0) -> float:
    """Wait (up to `limit_s`) until creating files is fast again; return the last probe's time.

    ext4 without a journal skips inodes deleted in the last 60-360 s when it allocates new
    ones (`recently_deleted`), one lookup each, so right after thousands of files were deleted
    (an earlier benchmark's cleanup) every file created costs up to a millisecond.
    """
    started = time.monotonic()
    probe = creation_probe()
    while probe > 0.25 and time.monotonic() - started < limit_s:
        print(f"  (disk busy: 2,400 files took {probe:.2f}s to create; waiting for it to settle)", flush=True)
        time.sleep(20)
        probe = creation_probe()
    return probe


def side_by_side(spec: str, speakeasy_dir: str, runs: int) -> dict:
    """Alternate cold runs of both tools; report medians, peak memory and the ratio."""
    peer_python()
    CPU_SECONDS.clear()
    ours: list[float] = []
    serial: list[float] = []
    theirs: list[float] = []
    our_rss: list[int] = []
    their_rss: list[int] = []
    tmp = scratch()
    one_cpu = {**os.environ, "MODELGEN_JOBS": "1"}
    for run in range(runs):
        took, rss = timed(modelgen_cmd(spec, os.path.join(tmp, f"ours{run}"), speakeasy_dir))
        ours.append(took)
        our_rss.append(rss)
        serial.append(timed(modelgen_cmd(spec, os.path.join(tmp, f"serial{run}"), speakeasy_dir), one_cpu)[0])
        CPU_SECONDS["modelgen"].pop()  # the CPU line compares the default runs
        took, rss = timed(peer_cmd(spec, os.path.join(tmp, f"theirs{run}.py")))
        theirs.append(took)
        their_rss.append(rss)
    return {
        "modelgen_s": statistics.median(ours),
        "modelgen_serial_s": statistics.median(serial),
        "datamodel_codegen_s": statistics.median(theirs),
        # the fastest run of each: disk stalls only ever add time, so the minimum is each tool's own cost
        "modelgen_best_s": min(ours),
        "datamodel_codegen_best_s": min(theirs),
        "ratio": statistics.median(theirs) / statistics.median(ours),
        "modelgen_peak_mib": max(our_rss) / 1024,
        "modelgen_cpu_s": statistics.median(CPU_SECONDS.get("modelgen", [0.0])),
        "datamodel_codegen_cpu_s": statistics.median(CPU_SECONDS.get("datamodel-codegen", [0.0])),
        "datamodel_codegen_peak_mib": max(their_rss) / 1024,
    }


def incremental(spec: str, speakeasy_dir: str, runs: int) -> dict:
    """Cold vs no-change vs one-schema-change regeneration in one output folder."""
    tmp = scratch()
    out = os.path.join(tmp, "out")
    cold = [timed(modelgen_cmd(spec, out + str(i), speakeasy_dir))[0] for i in range(runs)]
    timed(modelgen_cmd(spec, out, speakeasy_dir))
    before = _snapshot(out)
    again = [timed(modelgen_cmd(spec, out, speakeasy_dir))[0] for _ in range(runs)]
    untouched = _snapshot(out) == before
    changed_spec = os.path.join(tmp, "changed" + os.path.splitext(spec)[1])
    _one_schema_change(spec, changed_spec, out)
    timed(modelgen_cmd(changed_spec, out, speakeasy_dir))
    rewritten = sum(1 for k, v in _snapshot(out).items() if before.get(k) != v)
    return {
        "cold_s": statistics.median(cold),
        "no_change_s": statistics.median(again),
        "no_change_share": statistics.median(again) / statistics.median(cold),
        "no_change_wrote_nothing": untouched,
        "files_rewritten_after_one_schema_change": rewritten,
    }


def _snapshot(folder: str) -> dict[str, tuple[int, int]]:
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            stat = os.stat(path)
            found[os.path.relpath(path, folder)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _one_schema_change(spec: str, target: str, out: str) -> None:
    """Copy the spec with one generated model's description edited (a schema the docs show)."""
    with open(spec, encoding="utf-8") as handle:
        text = handle.read()
    docs = os.path.join(out, "docs", "models")
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(docs, name), encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        description = lines[2] if len(lines) > 3 and lines[1] == "" and lines[3] == "" else ""
        if len(description) > 20 and text.count(description) == 1:
            text = text.replace(description, description + " Edited by the benchmark.")
            break
    else:
        raise RuntimeError("no description to edit")
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)


def import_seconds(out: str, runs: int) -> dict[str, tuple[str, float]]:
    """Seconds (medians) a new Python takes to import the generated package and use one model class:
    the heaviest (the class named as the largest module: Stripe's `Account`, which reaches hundreds of
    models) and a typical one (of the module of median size), then every class (`from <package>.models
    import *`); bytecode cached: the first import compiles the modules and is not counted. Python's own
    start-up is included."""
    package = next(n for n in sorted(os.listdir(out)) if os.path.isfile(os.path.join(out, n, "_types.py")))
    python = os.path.join(OURS, "bin", "python")
    env = {**os.environ, "PYTHONPATH": out}
    by_size = _main_classes(os.path.join(out, package, "models"))
    codes = {
        "heaviest": (by_size[-1], f"import {package}.models as m; m.{by_size[-1]}"),
        "typical": (by_size[len(by_size) // 2], f"import {package}.models as m; m.{by_size[len(by_size) // 2]}"),
        "every": ("*", f"from {package}.models import *"),
    }
    subprocess.run([python, "-c", codes["every"][1]], env=env, check=True)
    return {
        kind: (name, statistics.median(timed([python, "-c", code], env)[0] for _ in range(runs)))
        for kind, (name, code) in codes.items()
    }


def _main_classes(models: str) -> list[str]:
    """The class named as its module (`account.py` -> `Account`) of each component schema's module in
    `models` (read from its lazy `__init__`), smallest module first."""
    with open(os.path.join(models, "__init__.py"), encoding="utf-8") as handle:
        pairs = re.findall(r'^    "(\w+)": "\.(\w+)",$', handle.read(), re.M)
    named: dict[str, str] = {}
    for name, module in pairs:
        if not module.endswith("op") and name.lower() == module.replace("_", ""):
            named[module] = name
    return [named[m] for m in sorted(named, key=lambda m: os.path.getsize(os.path.join(models, m + ".py")))]


def synthetic_spec(copies: int, path: str) -> None:
    """A spec made of `copies` renamed copies of a 40-schema block, for linear-growth checks."""
    schemas: dict = {}
    paths: dict = {}
    for c in range(copies):
        for i in range(40):
            name = f"Thing{c}x{i}"
            schemas[name] = {
                "type": "object",
                "description": f"Synthetic schema {name}.",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string"},
                    "count": {"type": "integer", "nullable": True},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "kind": {"type": "string", "enum": ["a", "b", "c"]},
                    "child": {"$ref": f"#/components/schemas/Thing{c}x{(i + 1) % 40}"},
                    "meta": {"type": "object", "properties": {"note": {"type": "string"}, "size": {"type": "number"}}},
                },
            }
            paths[f"/things{c}/{i}"] = {
                "get": {
                    "operationId": f"getThing{c}x{i}",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                        }
                    },
                }
            }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "openapi": "3.0.3",
                "info": {"title": "synthetic", "version": "1"},
                "paths": paths,
                "components": {"schemas": schemas},
            },
            handle,
        )


def chained_all_of_spec(levels: int, path: str) -> None:
    """Schemas each the `allOf` of the two before (and a property of its own): a naive merge redoes
    every path to the bottom, so its cost grows like Fibonacci; it must stay linear."""
    schemas: dict = {f"S{k}": {"type": "object", "properties": {f"p{k}": {"type": "string"}}} for k in (0, 1)}
    for k in range(2, levels):
        schemas[f"S{k}"] = {
            "allOf": [
                {"$ref": f"#/components/schemas/S{k - 1}"},
                {"$ref": f"#/components/schemas/S{k - 2}"},
                {"type": "object", "properties": {f"p{k}": {"type": "integer"}}},
            ]
        }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "openapi": "3.0.3",
                "info": {"title": "chain", "version": "1"},
                "paths": {},
                "components": {"schemas": schemas},
            },
            handle,
        )


def chained_all_of(runs: int) -> list[tuple[int, float]]:
    """(levels, median seconds) at 10, 20 and 40 levels (16 took 54 s when merges were exponential)."""
    rows = []
    tmp = scratch()
    for levels in (10, 20, 40):
        spec = os.path.join(tmp, f"chain{levels}.json")
        chained_all_of_spec(levels, spec)
        took = statistics.median(
            timed(modelgen_cmd(spec, os.path.join(tmp, f"chain{levels}-{i}")))[0] for i in range(runs)
        )
        rows.append((levels, took))
    return rows


def scaling(runs: int) -> list[dict]:
    rows = []
    tmp = scratch()
    for factor in (1, 2, 4):
        spec = os.path.join(tmp, f"synthetic{factor}.json")
        synthetic_spec(25 * factor, spec)
        samples = [timed(modelgen_cmd(spec, os.path.join(tmp, f"out{factor}-{i}"))) for i in range(runs)]
        rows.append(
            {
                "factor": factor,
                "mb": os.path.getsize(spec) / 1e6,
                "s": statistics.median(s for s, _ in samples),
                "peak_mib": max(m for _, m in samples) / 1024,
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entry", default="orq-2025-08", help="corpus entry for the side-by-side run")
    parser.add_argument("--skip-peer", action="store_true", help="do not install or run datamodel-codegen")
    args = parser.parse_args()
    entry = os.path.join(SHARED, "corpus", args.entry)
    if not os.path.isdir(entry):
        print("bench: skipped, ../shared/corpus is absent")
        return 0
    install_modelgen()
    spec = os.path.join(entry, "openapi.yaml")
    size_mb = os.path.getsize(spec) / 1e6
    print(f"# modelgen benchmark ({args.runs} runs each, medians; {size_mb:.1f} MB spec {args.entry})")
    probe = wait_for_quiet_disk()
    print(f"file-creation probe: 2,400 small files in {probe:.2f}s (what any tool writing these docs pays)")
    if not args.skip_peer:
        row = side_by_side(spec, entry, args.runs)
        print(
            f"cold, models+docs: modelgen {row['modelgen_s']:.2f}s peak {row['modelgen_peak_mib']:.0f} MiB"
            f" | datamodel-codegen --formatters ruff-format (models only) {row['datamodel_codegen_s']:.2f}s"
            f" peak {row['datamodel_codegen_peak_mib']:.0f} MiB | ratio {row['ratio']:.1f}x"
        )
        print(
            f"  best runs: modelgen {row['modelgen_best_s']:.2f}s | datamodel-codegen {row['datamodel_codegen_best_s']:.2f}s"
            f" | ratio {row['datamodel_codegen_best_s'] / row['modelgen_best_s']:.1f}x"
        )
        print(
            f"  modelgen on one CPU (MODELGEN_JOBS=1): {row['modelgen_serial_s']:.2f}s"
            f" | ratio {row['datamodel_codegen_s'] / row['modelgen_serial_s']:.1f}x"
        )
        cpu_ratio = row["datamodel_codegen_cpu_s"] / max(row["modelgen_cpu_s"], 1e-9)
        print(
            f"  CPU (user+sys): modelgen {row['modelgen_cpu_s']:.2f}s | datamodel-codegen"
            f" {row['datamodel_codegen_cpu_s']:.2f}s | ratio {cpu_ratio:.1f}x"
        )
    inc = incremental(spec, entry, args.runs)
    print(
        f"no-change regeneration: {inc['no_change_s']:.2f}s = {100 * inc['no_change_share']:.1f}% of cold {inc['cold_s']:.2f}s; wrote nothing: {inc['no_change_wrote_nothing']}"
    )
    print(f"one schema changed: {inc['files_rewritten_after_one_schema_change']} files rewritten")
    for name in ("stripe.yaml", "openai.yaml"):
        big = os.path.join(SHARED, "specs", "realworld", name)
        if os.path.exists(big):
            tmp = scratch()
            took = statistics.median(
                timed(modelgen_cmd(big, os.path.join(tmp, str(i))))[0] for i in range(max(1, args.runs // 2))
            )
            mb = os.path.getsize(big) / 1e6
            print(
                f"{name}: {took:.2f}s for {mb:.1f} MB = {took / mb:.2f} s/MB (orq: {inc['cold_s'] / size_mb:.2f} s/MB)"
            )
            times = import_seconds(os.path.join(tmp, "0"), args.runs)
            used = "; ".join(f"{kind} {name} {took:.2f}s" for kind, (name, took) in times.items())
            print(f"  its package imported with one model used (bytecode cached): {used}")
    for row in scaling(max(1, args.runs // 2)):
        print(f"synthetic x{row['factor']}: {row['mb']:.2f} MB {row['s']:.2f}s peak {row['peak_mib']:.0f} MiB")
    for levels, took in chained_all_of(max(1, args.runs // 2)):
        print(f"chained allOf, {levels} levels: {took:.2f}s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        for folder in SCRATCH:
            shutil.rmtree(folder, ignore_errors=True)
