/* lexical corner cases, compared with gcc -E */
#define str(x) #x
#define xstr(x) str(x)
str(<: :> <% %> %: %:%:) str(a...b) str(..) str(1..2) str(0x1.p-2) str(1e+e+)
str('\'' "\"" "\\" L"wide" u8"utf8" u'c' U'C')
str(  leading   and   trailing   ) str(/* comment */ x /* y */ z)
str(a
    b)
x = a+++++b; y = a- -b; z = a+ +b; w = a&&b||c;
p->q; p-->q; p.q; p...q;
\u00e9t\u00e9 caf\u00e9 $dollar a$b
0x1P+3 .5e-1 1.f 08 0b101 1'000
#define CAT(a, b) a ## b
CAT(L, "s") CAT(u8, "s") CAT(., 5) CAT(1, .) CAT(-, >) CAT(<<, =) CAT(%:, %:) CAT(x, 1e+)
#define EMPTY
EMPTY # not a directive
 EMPTY # define NOT_DEFINED 1
NOT_DEFINED
??=define TRIGRAPH 1
"??/"
#define PLUS +
#define MINUS -
+PLUS MINUS-MINUS PLUS+PLUS
#define DOT .
1 DOT 5 DOT DOT DOT
#define ID(x) x
ID(+)+ ID(-)- ID(<)<= ID(.)5 ID(a)b ID(1)2 ID(/)/ ID(/)*
a = b/**/c;
d = e//**/f
;
g = "string with // and /* inside";
h = 'x' /* multi
line comment */ i
j \
k
