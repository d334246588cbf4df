/* nl_types.h -- message catalogues. */
#ifndef _NL_TYPES_H
#define _NL_TYPES_H

#include <features.h>

#define NL_SETD 1                       /* the default set number */
#define NL_CAT_LOCALE 1                 /* catopen: use LC_MESSAGES */

typedef void *nl_catd;
typedef int nl_item;

nl_catd catopen(const char *__cat_name, int __flag);
char *catgets(nl_catd __catalog, int __set, int __number, const char *__string);
int catclose(nl_catd __catalog);

#endif
