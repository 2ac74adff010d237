"""The numbers schools report, counted in SQL: tables, the records behind a cell, equity."""
