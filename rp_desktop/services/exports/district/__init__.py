"""The district package: de-identified totals with small cells suppressed."""
