"""A made-up school for trying RP Desktop out and for benchmarks: `rp-desktop demo-data`."""

from rp_desktop.services.demo.building import DemoSummary, build_demo_school

__all__ = ["DemoSummary", "build_demo_school"]
