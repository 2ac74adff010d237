"""The command line: the window, and the admin and automation commands school IT relies on.

Errors are one plain sentence on stderr (a traceback only with --debug); exit 0 on success,
1 on failure, 2 on a usage error. Qt is imported only by the commands that need it: a command
imports what it runs inside the function that runs it.
"""

import sys
import time
from collections.abc import Callable, Sequence

from rp_desktop.cli.opening import PASSPHRASE_VARIABLE, waiting_after_wrong_passphrases
from rp_desktop.cli.parser import build_parser
from rp_desktop.cli.window import VIEWS

__all__ = ["PASSPHRASE_VARIABLE", "VIEWS", "main"]


def main(argv: Sequence[str] | None = None, *, sleep: Callable[[float], None] = time.sleep) -> int:
    """Run the command in `argv`; `sleep` waits after wrong passphrases (tests pass their own)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with waiting_after_wrong_passphrases(args, sleep):
            result: int = args.run(args)
    except KeyboardInterrupt:
        return 1
    except Exception as error:
        if args.debug:
            raise
        print(f"rp-desktop: {_sentence(error)}", file=sys.stderr)
        return 1
    return result


def _sentence(error: Exception) -> str:
    """The error as one plain sentence. Our own errors already are one; others are only named,
    since their text could quote data."""
    from rp_desktop.domain.validation import InvalidInput
    from rp_desktop.services.safekeeping.errors import DatabaseError
    from rp_desktop.services.safekeeping.opening import disk_full_from

    if (full := disk_full_from(error)) is not None:
        return str(full)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}." if error.filename else f"{error.strerror}."
    if isinstance(error, DatabaseError | InvalidInput | ValueError) and str(error).strip():
        return str(error).strip().splitlines()[0]
    name = type(error).__name__
    return f"something unexpected went wrong ({name}); run with --debug for details."
