"""`rp-desktop demo-data`: fill a new database with a made-up school."""

import argparse
import time
from typing import TYPE_CHECKING

from rp_desktop.cli.opening import add_command, open_given_database

if TYPE_CHECKING:
    from rp_desktop.cli.opening import Commands


def add_demo_command(commands: "Commands") -> None:
    demo = add_command(commands, "demo-data", "fill a new database with a made-up school")
    demo.add_argument("--students", type=_positive, default=2000)
    demo.add_argument("--years", type=_positive, default=10)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--grades", type=_grades, default=range(9, 13), help="e.g. 9-12 or K-5")
    demo.set_defaults(run=_demo_data)


def _demo_data(args: argparse.Namespace) -> int:
    from rp_desktop.services.demo import build_demo_school

    started = time.perf_counter()
    with open_given_database(args) as db:
        summary = build_demo_school(
            db, students=args.students, years=args.years, seed=args.seed, grades=args.grades
        )
    print(
        f"Made a sample school in {args.db} in {time.perf_counter() - started:.1f} s: "
        f"{summary.active_students:,} students enrolled ({summary.students:,} in all), "
        f"{summary.staff:,} staff, {summary.groups:,} groups, {summary.circles:,} circles, "
        f"{summary.cases:,} cases, {summary.meetings:,} meetings, "
        f"{summary.agreements:,} agreements, {summary.follow_ups:,} follow-ups."
    )
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _grades(text: str) -> range:
    names = {"PK": -1, "PREK": -1, "K": 0}
    try:
        low, _, high = text.upper().partition("-")
        first = names.get(low) if low in names else int(low)
        last = names.get(high) if high in names else int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError("write grades like 9-12 or K-5") from None
    if first is None or last is None or not -1 <= first <= last <= 12:
        raise argparse.ArgumentTypeError("grades run from PK or K to 12, lowest first")
    return range(first, last + 1)
