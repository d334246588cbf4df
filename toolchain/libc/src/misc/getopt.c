/* getopt, getopt_long -- POSIX getopt (stopping at the first operand, or
 * permuting nothing: GNU's argument permutation is not done), plus GNU
 * long options "--name", "--name=value", "--name value". */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;
static int optpos;                      /* inside a group like -abc */

int getopt(int argc, char *const argv[], const char *opts)
{
	const char *arg, *spec;
	int c, colon = opts[0] == ':' || ((opts[0] == '+' || opts[0] == '-') && opts[1] == ':');
	if (optind == 0) {
		optind = 1;
		optpos = 0;
	}
	if (optind >= argc || !argv[optind])
		return -1;
	arg = argv[optind];
	if (!optpos) {
		if (arg[0] != '-' || !arg[1])
			return -1;
		if (arg[1] == '-' && !arg[2]) {
			optind++;
			return -1;
		}
		optpos = 1;
	}
	c = (unsigned char)arg[optpos++];
	spec = c == ':' ? 0 : strchr(opts, c);
	if (!arg[optpos]) {
		optind++;
		optpos = 0;
	}
	if (!spec) {
		optopt = c;
		if (opterr && !colon)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		return '?';
	}
	if (spec[1] == ':') {
		if (optpos) {                   /* -ovalue */
			optarg = (char *)arg + optpos;
			optind++;
			optpos = 0;
		} else if (spec[2] == ':') {    /* optional argument: only attached */
			optarg = 0;
		} else if (optind < argc) {
			optarg = argv[optind++];
		} else {
			optopt = c;
			if (colon)
				return ':';
			if (opterr)
				fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
			return '?';
		}
	}
	return c;
}

static int long_option(int argc, char *const argv[], const char *opts,
                       const struct option *longopts, int *index)
{
	const char *name = argv[optind] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	int i, found = -1;
	for (i = 0; longopts[i].name; i++) {
		if (strncmp(longopts[i].name, name, len))
			continue;
		if (strlen(longopts[i].name) == len) {
			found = i;
			break;
		}
		if (found < 0)
			found = i;          /* unambiguous prefix (first match) */
	}
	optind++;
	if (found < 0) {
		if (opterr && opts[0] != ':')
			fprintf(stderr, "%s: unrecognized option '--%.*s'\n", argv[0], (int)len, name);
		optopt = 0;
		return '?';
	}
	if (index)
		*index = found;
	optarg = 0;
	if (longopts[found].has_arg == no_argument && eq) {
		if (opterr)
			fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n", argv[0],
			        longopts[found].name);
		return '?';
	}
	if (longopts[found].has_arg != no_argument) {
		if (eq)
			optarg = (char *)eq + 1;
		else if (longopts[found].has_arg == required_argument) {
			if (optind >= argc) {
				if (opterr && opts[0] != ':')
					fprintf(stderr, "%s: option '--%s' requires an argument\n", argv[0],
					        longopts[found].name);
				return opts[0] == ':' ? ':' : '?';
			}
			optarg = argv[optind++];
		}
	}
	if (longopts[found].flag) {
		*longopts[found].flag = longopts[found].val;
		return 0;
	}
	return longopts[found].val;
}

int getopt_long(int argc, char *const argv[], const char *opts,
                const struct option *longopts, int *index)
{
	if (optind == 0) {
		optind = 1;
		optpos = 0;
	}
	if (!optpos && optind < argc && argv[optind] && argv[optind][0] == '-'
	    && argv[optind][1] == '-' && argv[optind][2])
		return long_option(argc, argv, opts, longopts, index);
	return getopt(argc, argv, opts);
}

int getopt_long_only(int argc, char *const argv[], const char *opts,
                     const struct option *longopts, int *index)
{
	return getopt_long(argc, argv, opts, longopts, index);
}
