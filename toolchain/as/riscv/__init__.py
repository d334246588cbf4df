"""RISC-V (RV64GC) for the assembler: see isa.py."""
