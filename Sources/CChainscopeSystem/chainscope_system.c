// The C module needs one source file; everything it offers is in include/chainscope_system.h.
