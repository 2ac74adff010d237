"""The practice in pure Python: its vocabulary, records, validation and arithmetic. No I/O."""
