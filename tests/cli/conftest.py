"""Running the command line in-process, the way school IT would type it."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from rp_desktop import cli


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


Run = Callable[..., Outcome]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.delenv(cli.PASSPHRASE_VARIABLE, raising=False)

    def invoke(*argv: str) -> Outcome:
        try:
            code = cli.main(list(argv))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return invoke
