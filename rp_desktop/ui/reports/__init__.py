"""The Reports tab: the numbers a school reports, as charts with their tables, the records behind
a bar, the equity view by student group, and the exports a principal asks for."""
