"""The linker pld (not yet implemented: see cli.py)."""
