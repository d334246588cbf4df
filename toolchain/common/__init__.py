"""Shared pieces: targets, ELF structures and writer, diagnostics."""
