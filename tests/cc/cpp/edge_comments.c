/* -C and -CC keep comments in -E output; compared with gcc -E */
#include <stddef.h> /* a comment after a directive goes with it */
/* lead */ #define NOT_A_DIRECTIVE 1 // (a comment before '#' makes an ordinary line)
# /* after the hash */ define Y(a) a /* in the body */ + 1 // a line comment
#define Z /* only */ 2 /* comments */
Y(/* in an argument */ 2) Z /* after */
int z; // C++ style
/* over
   two lines */ int w;
#if 0 /* skipped */
/* not printed */
#endif /* end of the group */
int last = __LINE__;
