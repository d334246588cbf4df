// ERROR: 4:11: error: conversion to non-scalar type requested
struct s { int a; };
void f(int i) {
  (struct s)i;
}
