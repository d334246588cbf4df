"""The AArch64 (A64) ISA package of the assembler; see isa.py."""
