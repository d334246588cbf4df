"""The back ends: IR modules to machine instructions.

The generic parts live here -- machine IR (mir.py), the selectors' shared
walk (selector.py), liveness (liveness.py), register allocation (regalloc.py:
linear scan; coloring.py: graph colouring with coalescing, which i386 and
x86-16 use), phi copies (phis.py), branches to jump-only blocks
(branches.py), asm templates (asm_template.py), frame layout (frame.py) --
and one folder per target with the same files (QBE): ``abi.py`` (the calling
convention), ``isel.py`` (instruction selection to machine IR),
``emit.py`` (the machine instruction stream: to the assembler's object
streamer for ``pcc -c``, as GNU assembler text for ``pcc -S``), plus
``registers.py`` (the register file as the allocator sees it).

The pipeline for one function, visible in one place
(``x86_64/emit.py: compile_function``)::

    isel -> regalloc -> frame layout -> final instructions (prologue, epilogue)
"""
