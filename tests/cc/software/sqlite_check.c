/* SQLite through its C API: tables, indexes, joins, aggregates, printf,
   transactions, blobs and the floating-point formatting beneath them. */
#include <stdio.h>
#include "sqlite3.h"

static int print_row(void *unused, int n, char **values, char **names)
{
    (void)unused;
    for (int i = 0; i < n; i++)
        printf("%s%s=%s", i ? " " : "", names[i], values[i] ? values[i] : "NULL");
    printf("\n");
    return 0;
}

static const char *const statements[] = {
    "create table t(a integer primary key, b text, c real)",
    "with recursive n(x) as (select 1 union all select x + 1 from n where x < 2000) "
    "insert into t select x, 'row' || x, x * 1.5 from n",
    "select count(*), sum(a), avg(c), max(b), min(c), total(c) from t",
    "select a, b, printf('%.3f', c) from t where a % 400 = 0 order by a desc",
    "create index ib on t(b)",
    "select * from t where b = 'row77'",
    "create table u(k integer, v text)",
    "insert into u select a % 7, upper(b) from t where a < 30",
    "select k, count(*), group_concat(v, '|') from u group by k order by k",
    "select t.a, u.v from t join u on t.a = u.k where t.a < 4 order by t.a, u.v limit 5",
    "begin; update t set c = -c where a < 5; rollback",
    "select a, c from t where a < 5",
    "select 1e308 * 10, -0.0, 0.1 + 0.2, 1.0 / 3, round(2.5), round(-2.5), 9007199254740993",
    "select length(randomblob(16)), hex(x'00ff10'), length(zeroblob(100)), quote(x'0a')",
    "select substr('hello world', 7), instr('hello', 'l'), replace('aaa', 'a', 'bb'), "
    "trim('  x  '), lower('ABC'), typeof(1), typeof(1.5), typeof('s'), typeof(null)",
    "select abs(-9223372036854775807), 9223372036854775807 + 0, cast('12abc' as integer), "
    "cast(3.99 as integer), 7 / 2, 7 % 3, 7.0 / 2",
    "select printf('%5d|%-5s|%e|%g|%x', 42, 'ab', 12345.678, 0.0001, 255)",
    "select date('2024-02-28', '+1 day'), julianday('2000-01-01'), strftime('%Y %j', '2024-12-31')",
    "select name from sqlite_master order by name",
};

int main(void)
{
    sqlite3 *db;
    char *error = 0;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        printf("cannot open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    for (unsigned i = 0; i < sizeof statements / sizeof statements[0]; i++)
        if (sqlite3_exec(db, statements[i], print_row, 0, &error) != SQLITE_OK) {
            printf("error in statement %u: %s\n", i, error);
            sqlite3_free(error);
        }
    if (sqlite3_exec(db, "select nosuchcolumn from t", print_row, 0, &error) != SQLITE_OK) {
        printf("expected error: %s\n", error);
        sqlite3_free(error);
    }
    sqlite3_close(db);
    printf("sqlite %s done\n", sqlite3_libversion());
    return 0;
}
