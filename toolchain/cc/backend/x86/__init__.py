"""What the x86 back ends (x86_64/ and i386/) share: the operand objects and
condition-code tables (operands.py), the operand roles the allocator reads
(roles.py), the x87 extended format (x87.py) and the module-level part of
the machine instruction stream with its two faces (stream.py)."""
