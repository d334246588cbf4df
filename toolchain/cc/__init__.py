"""The C compiler pcc (not yet implemented: see cli.py)."""
