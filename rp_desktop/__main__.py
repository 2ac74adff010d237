"""`python -m rp_desktop` is the same as `rp-desktop`."""

import sys

from rp_desktop.cli import main

sys.exit(main())
