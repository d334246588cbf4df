// ERROR: 3:10: error: redeclaration of enumerator 'B'
enum e { A, B };
enum f { B };
