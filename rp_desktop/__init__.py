"""RP Desktop: offline records and circle facilitation for restorative practices in schools."""

__version__ = "0.1.0"
