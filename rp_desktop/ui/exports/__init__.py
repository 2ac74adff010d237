"""File > Export: the district package or every record."""
