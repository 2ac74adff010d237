"""The argument parser: the options given before any command, then the commands in the order
`rp-desktop --help` lists them. Each command's options live beside the function that runs it."""

import argparse
from pathlib import Path

from rp_desktop import __version__
from rp_desktop.cli.demo import add_demo_command
from rp_desktop.cli.export import add_export_command
from rp_desktop.cli.roster import add_roster_command
from rp_desktop.cli.safekeeping import add_safekeeping_commands
from rp_desktop.cli.window import add_screenshot_command, open_window


def build_parser() -> argparse.ArgumentParser:
    # No abbreviated options: "--passphrase SECRET" must not be taken for --passphrase-file and
    # the secret then quoted back as a file name.
    parser = argparse.ArgumentParser(
        prog="rp-desktop",
        allow_abbrev=False,
        description="Records and circles for restorative practices, kept on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"rp-desktop {__version__}")
    parser.add_argument("--db", type=Path, help="the database file (default: your data folder)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.set_defaults(run=open_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_demo_command(commands)
    add_screenshot_command(commands)
    add_roster_command(commands)
    add_safekeeping_commands(commands)
    add_export_command(commands)
    return parser
