"""The Home tab and the list of agreements due."""
