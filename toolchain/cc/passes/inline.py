"""inline: replace direct calls to functions of the module by a copy of the callee's body.

Which calls (gcc's spirit, by -O level, recorded on the module by run_pipeline):

* ``always_inline`` functions: always (at -O1 and up);
* a ``static`` function called exactly once whose address is never taken:
  always -- the body then has no other use and globaldce drops it;
* a callee whose estimated size (:func:`instruction_cost` summed) is no
  larger than the call sequence it replaces (:func:`call_cost`: the call, its
  arguments and what a call costs its caller around it): at every level
  from -O1, whatever the callee's linkage (an external function's body
  stays for other files, so at -Os it must be smaller); the size counts
  what constant arguments fold away at this call;
* at -Os (and -O2), a ``static`` function whose address is never taken when
  inlining it at every call site costs no more than its body does out of
  line (``n * (size - call) <= size + FRAME``): the body then goes;
* at -O2/-O3 also callees of up to ``SMALL_FUNCTION`` units (twice that for
  functions declared ``inline``), while the caller grows at most by
  ``CALLER_GROWTH``.

Under -fno-inline only always_inline functions inline; in -fpic/-fPIC code
(not -fpie) an external function of default visibility does not, since
another definition may replace it at load time (gcc's semantic
interposition).  Never: weak callees (another definition may win at link
time), ``noinline``
or ``noipa`` ones, variadic ones, recursion (the call inside a cycle of the
call graph), callees that call ``setjmp`` (returns_twice), use ``va_start``,
dynamic allocas or stacksave, store block addresses in static data (``static
void *t[] = {&&a}``: one table for every copy) or have ``asm goto``, or
whose inline asm defines a named label (two copies would clash; ``%=`` and
numeric local labels are fine), calls whose arguments or result disagree
with the callee's parameters, and callers that call ``setjmp``.

The call graph is walked bottom-up (Tarjan's strongly connected components
come out callees first), so a small wrapper of a small function inlines
fully.  Mechanics: the call's block is split at the call; the callee's
blocks are cloned with a value map (parameters to the call's arguments,
phis' incoming blocks remapped, ``&&label`` to the copy's block -- each copy
its own address, as with gcc -- source locations kept); its fixed allocas
move to the caller's entry block so mem2reg can promote them; each ``ret``
becomes a ``jmp`` to the continuation, whose phi gathers the returned
values; ``unreachable`` stays.  Aggregates: a struct parameter is the
address of the caller's bytes, which lowering's callee copies on entry --
if the callee's body uses that address otherwise than to read it, a fresh
copy is made; a struct result (return_aggregate) is copied with memcpy into
the call's result buffer, which then stands for the call's value.
"""

from __future__ import annotations

import re

from ..ir import (INTEGER_BITS, BlockAddress, Block, Constant, Function, GlobalAddress,
                  Instruction, Module, Parameter, Type, Undef)
from .util import SIDE_EFFECT_FREE, replace_uses

SMALL_FUNCTION = 30          # -O2: callees up to this size inline
CALLER_GROWTH = 100          # -O2: a caller may grow by this much, or double, whichever is more
FRAME = 2                    # what an out-of-line body costs beyond its instructions (return...)
FOLDABLE = SIDE_EFFECT_FREE - {"phi", "sdiv", "udiv", "srem", "urem"}
FREE = {"alloca", "phi", "copy", "jmp", "ret", "unreachable"}
# an asm label definition that is neither numeric (1:, reusable) nor made unique with %=
_NAMED_LABEL = re.compile(r"(?:^|[;\n])\s*([A-Za-z_.$][\w.$%=]*)\s*:")


def run(module: Module) -> bool:
    level = module.level or "-O1"
    if level == "-O0":
        return False
    functions = {f.name: f for f in module.functions if f.blocks}
    calls = {f: _direct_calls(f, functions) for f in functions.values()}
    sites = {f: 0 for f in functions.values()}
    for found in calls.values():
        for _, callee in found:
            sites[callee] += 1
    decision = _Decision(level, sites, _address_taken(module, functions), module)
    changed = False
    for component in _components_bottom_up(functions, calls):
        for caller in component:
            changed |= _inline_into(caller, component, calls, decision, functions)
    return changed


# --- what may and should be inlined -----------------------------------------------------------

def instruction_cost(instruction: Instruction) -> int:
    """A rough size of the code an instruction becomes, in units of one simple instruction."""
    op = instruction.opcode
    if op in FREE:
        return 0
    if op == "call":
        return len(instruction.operands)              # the call and one per argument
    if op in ("memcpy", "memset"):
        return 3
    if op == "switch":
        return 1 + len(instruction.attributes.get("cases", ())) // 2
    if op == "asm":
        return 1 + str(instruction.attributes.get("template", "")).count("\n")
    return 1


def function_size(function: Function) -> int:
    return sum(instruction_cost(i) for b in function.blocks for i in b.instructions)


def specialised_size(callee: Function, call: Instruction) -> int:
    """The callee's size once inlined at this call: arithmetic on constant arguments
    (and on undefined values) folds away, and so do branches that test it."""
    known: set = set()
    for parameter, argument in zip(callee.parameters, call.operands[1:]):
        if isinstance(argument, (Constant, Undef)):
            known.add(parameter)
    if not known:
        return function_size(callee)
    size = 0
    for block in callee.blocks:
        for instruction in block.instructions:
            constant = all(isinstance(v, (Constant, Undef)) or v in known
                           for v in instruction.operands)
            if constant and (instruction.opcode in FOLDABLE or _constant_division(instruction)):
                known.add(instruction)
            elif not (constant and instruction.opcode in ("br", "switch")):
                size += instruction_cost(instruction)
    return size


def _constant_division(instruction: Instruction) -> bool:
    """A division or remainder by a constant other than 0 and -1 (which may trap): it
    folds when its dividend is known."""
    if instruction.opcode not in ("sdiv", "udiv", "srem", "urem"):
        return False
    divisor = instruction.operands[1]
    bits = INTEGER_BITS.get(divisor.type)
    if not isinstance(divisor, Constant) or not isinstance(divisor.value, int) or not bits:
        return False
    pattern = divisor.value & ((1 << bits) - 1)
    return pattern != 0 and pattern != (1 << bits) - 1


def call_cost(call: Instruction) -> int:
    """What inlining saves at the call site: the call itself, the argument setup (a
    struct result's buffer address included) and one unit for what a call imposes on
    its caller beyond its own instruction (the registers it clobbers, the stack kept
    aligned for it, the frame a leaf function would not need)."""
    return len(call.operands) + 1


def inlinable_body(callee: Function) -> bool:
    """Whether the callee's body can be copied into another function at all."""
    attributes = callee.attributes
    if callee.linkage == "weak" or callee.variadic or not callee.blocks:
        return False
    if attributes.get("noinline") or attributes.get("noipa") or attributes.get("naked") \
            or attributes.get("blocks_in_data"):
        return False
    entry = callee.blocks[0]
    for block in callee.blocks:
        for instruction in block.instructions:
            op = instruction.opcode
            if entry in instruction.targets:            # the entry is a loop header
                return False
            if op in ("va_start", "stacksave", "stackrestore"):
                return False
            if op == "alloca" and instruction.operands:
                return False
            if op == "call" and instruction.attributes.get("returns_twice"):
                return False
            if op == "jmp" and instruction.attributes.get("asm_goto"):
                return False
            if op == "asm" and (instruction.attributes.get("labels") or
                                _defines_named_label(str(instruction.attributes.get("template", "")))):
                return False
    return True


def _defines_named_label(template: str) -> bool:
    for match in _NAMED_LABEL.finditer(template):
        label = match.group(1)
        if "%=" not in label and not label.isdigit():
            return True
    return False


def call_agrees(call: Instruction, callee: Function) -> bool:
    """Whether the call passes what the callee's parameters expect and takes what it returns."""
    arguments = call.operands[1:]
    result_aggregate = call.attributes.get("return_aggregate")
    if (result_aggregate is None) != (callee.return_aggregate is None):
        return False
    if result_aggregate is not None:
        if result_aggregate.size != callee.return_aggregate.size:
            return False
        arguments = arguments[:-1]
    elif call.type is not Type.VOID and call.type is not callee.return_type:
        return False
    if len(arguments) != len(callee.parameters):
        return False
    aggregates = call.attributes.get("aggregates", {})
    for index, (argument, parameter) in enumerate(zip(arguments, callee.parameters)):
        if argument.type is not parameter.type:
            return False
        passed = aggregates.get(index + 1)
        if (passed is None) != (parameter.aggregate is None):
            return False
        if passed is not None and passed.size != parameter.aggregate.size:
            return False
    return True


class _Decision:
    """The -O level's rules, with the facts about the module they need (a callee's size
    is measured once: bottom-up, its own inlining is done before anyone calls it)."""

    def __init__(self, level: str, sites: dict, taken: set, module: Module):
        self.level = level
        self.inline_functions = module.inline_functions
        self.interposition = module.semantic_interposition
        self.sites = sites
        self.taken = taken
        self.sizes: dict[Function, int] = {}
        self.bodies: dict[Function, bool] = {}

    def size(self, function: Function) -> int:
        if function not in self.sizes:
            self.sizes[function] = function_size(function)
        return self.sizes[function]

    def wanted(self, call: Instruction, callee: Function, caller_size: int, budget: int) -> bool:
        if callee not in self.bodies:
            self.bodies[callee] = inlinable_body(callee)
        if not self.bodies[callee] or not call_agrees(call, callee):
            return False
        if callee.attributes.get("always_inline"):
            return True
        if not self.inline_functions or (self.interposition and callee.linkage != "internal"
                                         and callee.attributes.get("visibility") in
                                         (None, "default")):
            return False
        if callee.linkage == "internal" and self.sites[callee] == 1 and callee.name not in self.taken:
            return True
        size = self.size(callee)
        here = size if size > 4 * call_cost(call) else specialised_size(callee, call)
        if here < call_cost(call) or (here == call_cost(call) and (
                self.level != "-Os" or callee.linkage == "internal")):
            return True          # at -Os an external body stays: a tie is no gain
        optimising_more = self.level == "-Os" or (self.level[2:].isdigit() and int(self.level[2:]) >= 2)
        if optimising_more and callee.linkage == "internal" and callee.name not in self.taken \
                and self.sites[callee] * (size - call_cost(call)) <= size + FRAME:
            return True
        if self.level != "-Os" and optimising_more:
            limit = SMALL_FUNCTION * (2 if callee.attributes.get("inline") else 1)
            return here <= limit and caller_size + here - call_cost(call) <= budget
        return False


# --- the call graph ------------------------------------------------------------------------

def _direct_calls(function: Function, functions: dict) -> list:
    found = []
    for block in function.blocks:
        for instruction in block.instructions:
            if instruction.opcode == "call" and instruction.operands:
                callee = instruction.operands[0]
                if isinstance(callee, GlobalAddress) and callee.offset == 0 \
                        and callee.name in functions:
                    found.append((instruction, functions[callee.name]))
    return found


def _address_taken(module: Module, functions: dict) -> set:
    """Functions named other than as the callee of a direct call: in operands, data,
    aliases or asm text."""
    taken = set(module.aliases) | set(module.aliases.values())
    for text in module.asm:
        taken.update(re.findall(r"[A-Za-z_.$][\w.$]*", text))
    for function in functions.values():
        for block in function.blocks:
            for instruction in block.instructions:
                for index, v in enumerate(instruction.operands):
                    if isinstance(v, GlobalAddress) and not (index == 0 and instruction.opcode == "call"
                                                              and v.offset == 0):
                        taken.add(v.name)
                if instruction.opcode == "asm":
                    taken.update(re.findall(r"[A-Za-z_.$][\w.$]*",
                                            str(instruction.attributes.get("template", ""))))
    for data in module.globals:
        for piece in data.initializer or ():
            if isinstance(piece, tuple) and isinstance(piece[0], str):
                taken.add(piece[0])
    return taken


def _components_bottom_up(functions: dict, calls: dict) -> list[list[Function]]:
    """Tarjan's strongly connected components of the call graph, callees first."""
    index: dict[Function, int] = {}
    low: dict[Function, int] = {}
    on_stack: set = set()
    stack: list[Function] = []
    result: list[list[Function]] = []
    counter = 0
    for root in functions.values():
        if root in index:
            continue
        work = [(root, iter([c for _, c in calls[root]]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter([c for _, c in calls[successor]])))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member is node:
                        break
                result.append(component)
    return result


# --- the inlining itself -----------------------------------------------------------------------

def _inline_into(caller: Function, component: list, calls: dict, decision: "_Decision",
                 functions: dict) -> bool:
    if any(i.opcode == "call" and i.attributes.get("returns_twice")
           for b in caller.blocks for i in b.instructions):
        return False
    sites = decision.sites
    size = function_size(caller)
    budget = size + max(size, CALLER_GROWTH)
    results: dict = {}
    changed = False
    names = {b.name for b in caller.blocks}
    for call, callee in calls[caller]:
        if callee in component or callee is caller:
            continue
        if not decision.wanted(call, callee, size, budget):
            continue
        result = inline_call(caller, call, callee, names)
        if result is not None:
            results[call] = result
        size += decision.size(callee) - call_cost(call)
        sites[callee] -= 1
        for _, inner in _direct_calls(callee, functions):
            sites[inner] += 1
        changed = True
    if changed:
        replace_uses(caller, results)
        caller.number()
        decision.sizes.pop(caller, None)
    return changed


def _unique(name: str, names: set) -> str:
    candidate, n = name, 0
    while candidate in names:
        n += 1
        candidate = f"{name}.{n}"
    names.add(candidate)
    return candidate


def inline_call(caller: Function, call: Instruction, callee: Function, names: set):
    """Replace ``call`` (in ``caller``) by a copy of ``callee``'s body; the value that
    stands for the call's result (None for void calls)."""
    block = call.block
    position = block.instructions.index(call)
    entry = caller.blocks[0]
    continuation = Block(_unique(f"{callee.name}.return", names), function=caller)
    continuation.instructions = block.instructions[position + 1:]
    for instruction in continuation.instructions:
        instruction.block = continuation
    block.instructions = block.instructions[:position]
    for successor in set(continuation.successors):
        for phi in successor.phis():
            phi.attributes["incoming"] = [continuation if b is block else b
                                          for b in phi.attributes["incoming"]]

    # the values the callee's parameters become
    values: dict = {}
    arguments = call.operands[1:]
    buffer = None
    if callee.return_aggregate is not None:
        buffer = arguments[-1]
        arguments = arguments[:-1]
    new_allocas: list[Instruction] = []
    copies: list[Instruction] = []
    for argument, parameter in zip(arguments, callee.parameters):
        if parameter.aggregate is not None and _may_write(callee, parameter):
            aggregate = parameter.aggregate
            slot = Instruction("alloca", Type.PTR, [], [], {"size": aggregate.size,
                                                          "alignment": max(aggregate.alignment, 1)},
                               block=entry, location=call.location)
            new_allocas.append(slot)
            copies.append(Instruction("memcpy", Type.VOID,
                                      [slot, argument, Constant(Type.PTR, aggregate.size)], [],
                                      {"alignment": max(aggregate.alignment, 1)}, block=block,
                                      location=call.location))
            argument = slot
        values[parameter] = argument

    # clone the blocks, then map the operands (phis may name values defined later)
    clones: dict[Block, Block] = {}
    for original in callee.blocks:
        clones[original] = Block(_unique(f"{callee.name}.{original.name}", names), function=caller)
    cloned: list[Instruction] = []
    for original in callee.blocks:
        clone = clones[original]
        for instruction in original.instructions:
            attributes = dict(instruction.attributes)
            if "incoming" in attributes:
                attributes["incoming"] = [clones[b] for b in attributes["incoming"]]
            for key, value in attributes.items():
                if isinstance(value, (list, dict)) and key != "incoming":
                    attributes[key] = type(value)(value)
            copy = Instruction(instruction.opcode, instruction.type, list(instruction.operands),
                               [clones[t] for t in instruction.targets], attributes, block=clone,
                               location=instruction.location)
            values[instruction] = copy
            cloned.append(copy)
            if copy.opcode == "alloca":
                copy.block = entry
                new_allocas.append(copy)
            else:
                clone.instructions.append(copy)
    for copy in cloned:
        copy.operands = [values.get(v, v) if isinstance(v, (Instruction, Parameter)) else
                         BlockAddress(clones[v.block]) if isinstance(v, BlockAddress) else v
                         for v in copy.operands]

    # returns become jumps to the continuation
    returned: list[tuple] = []
    for original in callee.blocks:
        clone = clones[original]
        ret = clone.instructions[-1]
        if ret.opcode != "ret":
            continue
        value = ret.operands[0] if ret.operands else None
        clone.instructions.pop()
        if buffer is not None and value is not None and not isinstance(value, Undef):
            aggregate = callee.return_aggregate
            clone.instructions.append(Instruction(
                "memcpy", Type.VOID, [buffer, value, Constant(Type.PTR, aggregate.size)], [],
                {"alignment": max(aggregate.alignment, 1)}, block=clone, location=ret.location))
        clone.instructions.append(Instruction("jmp", Type.VOID, [], [continuation], {},
                                              block=clone, location=ret.location))
        returned.append((value, clone))

    block.instructions.extend(copies)
    block.instructions.append(Instruction("jmp", Type.VOID, [], [clones[callee.blocks[0]]], {},
                                          block=block, location=call.location))
    entry.instructions[0:0] = new_allocas
    at = caller.blocks.index(block) + 1
    caller.blocks[at:at] = [clones[b] for b in callee.blocks] + [continuation]

    if buffer is not None:
        return buffer
    if call.type is Type.VOID:
        return None
    incoming = [(v if v is not None else Undef(call.type), b) for v, b in returned]
    if not incoming:
        return Undef(call.type)
    if len(incoming) == 1:
        return incoming[0][0]
    phi = Instruction("phi", call.type, [v for v, _ in incoming], [],
                      {"incoming": [b for _, b in incoming]}, block=continuation,
                      location=call.location)
    continuation.instructions.insert(0, phi)
    return phi


def _may_write(callee: Function, parameter: Parameter) -> bool:
    """Whether the callee uses the address of a struct parameter otherwise than to
    read it (lowering's callee only copies it into its own slot)."""
    for block in callee.blocks:
        for instruction in block.instructions:
            for index, v in enumerate(instruction.operands):
                if v is parameter and not ((instruction.opcode == "memcpy" and index == 1)
                                           or (instruction.opcode == "load" and index == 0)):
                    return True
    return False
