"""The tests' wait for a starting server (tests/server_process.py): a server that never answers
ends the test with its output, instead of hanging the suite on reading it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.server_process import free_port, wait_until_answers


def test_a_server_that_never_answers_is_stopped_and_its_output_is_in_the_failure():
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; print('lebt noch', flush=True); time.sleep(3600)"], stdout=subprocess.PIPE
    )
    assert process.stdout is not None
    with process.stdout:
        try:
            with pytest.raises(pytest.fail.Exception, match="beendet: True"):
                wait_until_answers(
                    f"http://127.0.0.1:{free_port()}/",
                    process,
                    lambda: f"beendet: {process.poll() is not None}",
                    timeout_s=0.5,
                )
        finally:
            if process.poll() is None:
                process.kill()
        assert process.stdout.read().decode() == "lebt noch\n"  # read to the end: the process is gone
