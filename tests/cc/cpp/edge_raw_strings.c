/* GNU raw string literals (gcc accepts them in C in its GNU modes); compared with gcc -E */
const char *a = R"(plain \n no escapes)";
const char *b = R"delim(with )" inside)delim";
const char *c = LR"x(wide)x" uR"(u16)" UR"(u32)" u8R"(utf8)";
const char *d = R"(spans
#define NOT_A_DIRECTIVE 1
two lines)";
#ifdef NOT_A_DIRECTIVE
wrong
#endif
#if 0
  R"x( raw in a skipped group
#endif )x"
#else
  after_skipped_raw = __LINE__;
#endif
#define STR(x) #x
STR(R"(a\b"c)")
R "(not raw)" Rx"(ident then string)"
int line = __LINE__;
