"""New conversation: a restorative conversation or a small conference in one window."""
