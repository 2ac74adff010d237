"""The commands that need Qt: the application window (no command given) and `screenshot`,
which draws any view offscreen. Qt is imported only when one of them runs."""

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop.cli.opening import add_command, read_passphrase

if TYPE_CHECKING:
    from rp_desktop.cli.opening import Commands

# The views `screenshot` draws; a test keeps this equal to the ui's own lists.
VIEWS = (
    "home",
    "tier1",
    "tier2",
    "tier3",
    "students",
    "circle",
    "reports",
    "circle-console",
    "projector",
    "circle-console-directed",
    "projector-directed",
    "circle-console-conference",
    "case",
    "timeline",
    "unlock",
    "new-database",
    "locked",
    "backups",
    "recovery",
    "audit",
    "check",
    "retention",
    "about-circles",
)


def add_screenshot_command(commands: "Commands") -> None:
    shot = add_command(commands, "screenshot", "save a picture of a view, drawn offscreen")
    shot.add_argument("--view", choices=VIEWS, required=True)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", type=_size, default=(1920, 1080), help="WxH, e.g. 1920x1080")
    shot.set_defaults(run=_screenshot)


def open_window(args: argparse.Namespace) -> int:
    from rp_desktop.app import main as run_app

    result = run_app(args.db)
    return result if isinstance(result, int) else 0


def _screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from rp_desktop.ui.screenshots.views import save_screenshot

    passphrase, unencrypted = read_passphrase(args), args.unencrypted
    save_screenshot(args.db, args.view, args.out, args.size, passphrase, unencrypted=unencrypted)
    print(f"Saved {args.view} to {args.out}")
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("write the size like 1920x1080") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height
