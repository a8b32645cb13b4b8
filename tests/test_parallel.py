"""The docs render in a forked child beside the models: same output, same errors, as one process."""

from __future__ import annotations

import os
import sys

import pytest
from test_write import snapshot

from generator.parallel import Background

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORKS = sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1


@pytest.mark.skipif(not FORKS, reason="the docs job forks only on Linux with more than one CPU")
def test_the_job_runs_in_another_process_and_its_result_comes_back():
    with Background(lambda: {"pid": os.getpid(), "text": "é" * 100_000}) as job:
        result = job.result()
    assert result["pid"] != os.getpid()
    assert result["text"] == "é" * 100_000


def test_a_failing_job_fails_in_the_parent_with_its_own_error():
    def job() -> None:
        raise ValueError("bad spec, reported by the parent")

    with Background(job) as running, pytest.raises(ValueError, match="reported by the parent"):
        running.result()


def test_leaving_without_the_result_stops_the_child():
    with pytest.raises(RuntimeError), Background(lambda: sum(range(10**9))) as running:
        child = running._pid
        raise RuntimeError("the parent's own work failed")
    if child:
        with pytest.raises(ChildProcessError):
            os.waitpid(child, os.WNOHANG)  # already reaped: no zombie left behind


def test_one_cpu_and_the_default_give_the_same_files(tmp_path, run_cli, monkeypatch):
    spec = os.path.join(ROOT, "specs", "orq", "openapi.yaml")
    assert run_cli("generate", spec, "--out", str(tmp_path / "default"))[0] == 0
    monkeypatch.setenv("MODELGEN_JOBS", "1")
    assert run_cli("generate", spec, "--out", str(tmp_path / "serial"))[0] == 0
    default, serial = snapshot(tmp_path / "default"), snapshot(tmp_path / "serial")
    assert len(default) > 10 and default == serial


def test_no_fork_while_another_thread_runs():
    import threading

    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        with Background(os.getpid) as job:
            assert job.result() == os.getpid()  # done by this process itself
    finally:
        release.set()
        worker.join()
