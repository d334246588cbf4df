/* getopt.h -- GNU getopt_long. */
#ifndef _GETOPT_H
#define _GETOPT_H

#include <features.h>

extern char *optarg;
extern int optind, opterr, optopt;

int getopt(int __argc, char *const __argv[], const char *__optstring);

struct option {
	const char *name;
	int has_arg;
	int *flag;
	int val;
};

#define no_argument 0
#define required_argument 1
#define optional_argument 2

int getopt_long(int __argc, char *const __argv[], const char *__shortopts,
                const struct option *__longopts, int *__longind);
int getopt_long_only(int __argc, char *const __argv[], const char *__shortopts,
                     const struct option *__longopts, int *__longind);

#endif
