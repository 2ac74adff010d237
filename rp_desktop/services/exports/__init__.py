"""Everything that leaves the building as a file: tables, PDFs, the record export and the
district package."""
