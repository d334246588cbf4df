"""The assembler pas: instruction objects, per-ISA encoders, the object streamer, the GNU-syntax parser."""
