"""The main window: its tabs, menus, status bar and the windows it opens."""
