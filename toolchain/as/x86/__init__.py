"""x86 (16-, 32- and 64-bit modes): registers, opcode table, operand syntax, encoder, relocations."""
