// ERROR: 3:3: error: declaration of 'a' as array of functions
typedef int F(void);
F a[3];
