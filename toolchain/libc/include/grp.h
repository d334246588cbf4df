/* grp.h -- the group database. */
#ifndef _GRP_H
#define _GRP_H

#include <features.h>

#define __NEED_size_t
#define __NEED_gid_t
#define __NEED_FILE
#include <bits/alltypes.h>

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

void setgrent(void);
void endgrent(void);
struct group *getgrent(void);
struct group *getgrgid(gid_t __gid);
struct group *getgrnam(const char *__name);
int getgrgid_r(gid_t __gid, struct group *__restrict __resultbuf, char *__restrict __buffer,
               size_t __buflen, struct group **__restrict __result);
int getgrnam_r(const char *__restrict __name, struct group *__restrict __resultbuf,
               char *__restrict __buffer, size_t __buflen, struct group **__restrict __result);

#if defined(__PCC_MISC)
#define NSS_BUFLEN_GROUP 1024
struct group *fgetgrent(FILE *__stream);
int putgrent(const struct group *__restrict __p, FILE *__restrict __f);
int getgrent_r(struct group *__restrict __resultbuf, char *__restrict __buffer,
               size_t __buflen, struct group **__restrict __result);
int fgetgrent_r(FILE *__restrict __stream, struct group *__restrict __resultbuf,
                char *__restrict __buffer, size_t __buflen,
                struct group **__restrict __result);
int setgroups(size_t __n, const gid_t *__groups);
int getgrouplist(const char *__user, gid_t __group, gid_t *__groups, int *__ngroups);
int initgroups(const char *__user, gid_t __group);
#endif

#endif
