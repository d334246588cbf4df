/* The double transcendental functions: the long double ones (transcend.c)
 * rounded to double. */
#include <math.h>

double exp(double x) { return (double)expl(x); }
double expm1(double x) { return (double)expm1l(x); }
double log(double x) { return (double)logl(x); }
double log1p(double x) { return (double)log1pl(x); }
double log2(double x) { return (double)log2l(x); }
double log10(double x) { return (double)log10l(x); }
double exp2(double x) { return (double)exp2l(x); }
double exp10(double x) { return (double)exp10l(x); }
double pow10(double x) { return (double)pow10l(x); }
double sin(double x) { return (double)sinl(x); }
double cos(double x) { return (double)cosl(x); }
double tan(double x) { return (double)tanl(x); }
double atan(double x) { return (double)atanl(x); }
double asin(double x) { return (double)asinl(x); }
double acos(double x) { return (double)acosl(x); }
double sinh(double x) { return (double)sinhl(x); }
double cosh(double x) { return (double)coshl(x); }
double tanh(double x) { return (double)tanhl(x); }
double asinh(double x) { return (double)asinhl(x); }
double acosh(double x) { return (double)acoshl(x); }
double atanh(double x) { return (double)atanhl(x); }
double cbrt(double x) { return (double)cbrtl(x); }
double erf(double x) { return (double)erfl(x); }
double erfc(double x) { return (double)erfcl(x); }
double lgamma(double x) { return (double)lgammal(x); }
double gamma(double x) { return (double)gammal(x); }
double tgamma(double x) { return (double)tgammal(x); }
double j0(double x) { return (double)j0l(x); }
double j1(double x) { return (double)j1l(x); }
double y0(double x) { return (double)y0l(x); }
double y1(double x) { return (double)y1l(x); }
double pow(double x, double y) { return (double)powl(x, y); }
double atan2(double x, double y) { return (double)atan2l(x, y); }
double jn(int n, double x) { return (double)jnl(n, x); }
double yn(int n, double x) { return (double)ynl(n, x); }
double lgamma_r(double x, int *s) { return (double)lgamma_rl(x, s); }
void sincos(double x, double *s, double *c) { *s = (double)sinl(x); *c = (double)cosl(x); }
double scalb(double x, double n) { return scalbn(x, (int)(n > 100000 ? 100000 : n < -100000 ? -100000 : n)); }
