/* tricky cases checked against gcc -E */
#define EMPTY
#define LPAREN (
#define RPAREN )
#define F(x, y) x + y
#define ELLIP_FUNC(...) __VA_ARGS__
ELLIP_FUNC(F, LPAREN, 'a', 'b', RPAREN);
#define f(a) a*g
#define g(a) f(a)
f(2)(9)
#define AA BB
#define BB AA
AA BB
#define str(x) #x
#define xstr(x) str(x)
xstr(EMPTY) xstr(  ) str( "\n" '\0' \ ) xstr(__FILE__)
#define cat(a, b) a ## b
cat(1, e) cat(.,.) cat(L, 'a') cat(L, "s") cat(u8, "x") cat(%:, %:) cat(<, :)
#define OBJ -EMPTY-
OBJ -OBJ- +EMPTY+ x EMPTY y
#define PLUS +
+PLUS -PLUS- PLUS+ .PLUS 1 PLUS. x.PLUS
#define NEG -1
-NEG
#define HASH #
#define HASHHASH # ## #
HASH define X HASHHASH
#define va(a, ...) a, ## __VA_ARGS__ end
va(1) va(1,) va(1, 2, 3)
#define vo(a, ...) [a __VA_OPT__(: __VA_ARGS__)]
vo(1) vo(1, 2) vo(1, )
#define nest(x) x x
nest(nest(1))
#define recur(x) recur(x) + x
recur(recur(1))
#define p() pp
p() p( ) p(EMPTY)
#define q(x) [x]
q() q(()) q((a,b)) q([a,b]) 
#define m1(x) m2(x
#define m2(x, y) <x|y>
m1(a), b)
#define LINE __LINE__
LINE __LINE__ xstr(__LINE__)
#define multi(a, b) a b
multi(
  first,
  second
) after
#if defined EMPTY && defined(LPAREN) && !defined NOPE
defined_ok
#endif
#if (2 + 3) * 4 == 20 && -1 / 2 == 0 && -7 % 3 == -1 && 7 >> 1 == 3
arith_ok
#endif
#if 0x7fffffffffffffff + 0 > 0 && 0xffffffffffffffff > 0 && -1 > 0u
unsigned_ok
#endif
#if 'z' - 'a' == 25 && '\n' == 10 && '\x41' == 65 && '\101' == 65
char_ok
#endif
#define DEF defined(EMPTY)
#if DEF
def_in_macro
#endif
_Pragma("GCC diagnostic push") mid _Pragma("GCC diagnostic pop")
#pragma GCC poison nothing_here
#ident "version 1"
#line 500
__LINE__
#line 600 "renamed.c"
__LINE__ __FILE__
