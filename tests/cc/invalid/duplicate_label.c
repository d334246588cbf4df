// ERROR: 4:1: error: duplicate label 'l'
void f(void) {
l: ;
l: ;
}
