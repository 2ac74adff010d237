"""Start-up benchmarks: the scripts each fresh process runs, their measurement beside the
references, and the tables they make."""
