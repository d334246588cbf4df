// ERROR: 3:5: error: non-static declaration of 'y' follows static declaration
static int y;
int y;
