/* pwd.h -- the user database. */
#ifndef _PWD_H
#define _PWD_H

#include <features.h>

#define __NEED_size_t
#define __NEED_uid_t
#define __NEED_gid_t
#define __NEED_FILE
#include <bits/alltypes.h>

struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
};

#if defined(__PCC_MISC)
#define NSS_BUFLEN_PASSWD 1024
#endif

void setpwent(void);
void endpwent(void);
struct passwd *getpwent(void);
struct passwd *getpwuid(uid_t __uid);
struct passwd *getpwnam(const char *__name);
int getpwuid_r(uid_t __uid, struct passwd *__restrict __resultbuf, char *__restrict __buffer,
               size_t __buflen, struct passwd **__restrict __result);
int getpwnam_r(const char *__restrict __name, struct passwd *__restrict __resultbuf,
               char *__restrict __buffer, size_t __buflen,
               struct passwd **__restrict __result);

#if defined(__PCC_MISC)
struct passwd *fgetpwent(FILE *__stream);
int putpwent(const struct passwd *__restrict __p, FILE *__restrict __f);
int getpwent_r(struct passwd *__restrict __resultbuf, char *__restrict __buffer,
               size_t __buflen, struct passwd **__restrict __result);
int fgetpwent_r(FILE *__restrict __stream, struct passwd *__restrict __resultbuf,
                char *__restrict __buffer, size_t __buflen,
                struct passwd **__restrict __result);
#endif

#endif
