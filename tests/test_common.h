/*
 * What every test file shares: the fixture that installs the igraph handlers and checks that
 * igraph's cleanup stack is empty after each test, helpers that load datasets from text, and a
 * temporary folder for the files tests write and read back.
 */
#ifndef PARTNET_TEST_COMMON_H
#define PARTNET_TEST_COMMON_H

#include <criterion/criterion.h>
#include <partnet/partnet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

static inline const char *pn_test_dir(void);
static inline void pn_test_dir_remove(void);

static inline void pn_test_setup(void)
{
    pn_igraph_handlers_install();
}

static inline void pn_test_teardown(void)
{
    pn_test_dir_remove();
    cr_assert(IGRAPH_FINALLY_STACK_EMPTY, "igraph's cleanup stack is not empty after the test");
}

#define PN_TEST_SUITE(name) TestSuite(name, .init = pn_test_setup, .fini = pn_test_teardown)

static char pn_test_dir_path[256];

/* The test's temporary folder, made on first use, removed after the test (kept when
 * PARTNET_KEEP_TEST_DIR is set, to look at after a failure). */
static inline const char *pn_test_dir(void)
{
    if (!pn_test_dir_path[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(pn_test_dir_path, sizeof pn_test_dir_path, "%s/partnet-test-XXXXXX",
                 tmp && *tmp ? tmp : "/tmp");
        cr_assert_not_null(mkdtemp(pn_test_dir_path));
    }
    return pn_test_dir_path;
}

/* Remove @p path, a file or a folder with everything in it (symbolic links not followed). */
static inline void pn_test_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        struct dirent *entry;
        while (dir && (entry = readdir(dir))) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            size_t size = strlen(path) + strlen(entry->d_name) + 2;
            char *inner = malloc(size);
            cr_assert_not_null(inner);
            snprintf(inner, size, "%s/%s", path, entry->d_name);
            pn_test_remove_tree(inner);
            free(inner);
        }
        if (dir)
            closedir(dir);
    }
    remove(path);
}

static inline void pn_test_dir_remove(void)
{
    if (!pn_test_dir_path[0] || getenv("PARTNET_KEEP_TEST_DIR"))
        return;
    pn_test_remove_tree(pn_test_dir_path);
    pn_test_dir_path[0] = '\0';
}

/* The path of @p name in the test's folder; static storage, overwritten by the next call. */
static inline const char *pn_test_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", pn_test_dir(), name);
    return path;
}

/* Write the @p length bytes at @p data to a file named @p name in the test's temporary folder,
 * making the folders the name has ("tables/nodes.csv"); the returned path is static storage,
 * overwritten by the next call. */
static inline const char *pn_test_file_bytes(const char *name, const void *data, size_t length)
{
    const char *path = pn_test_path(name);
    for (const char *slash = strchr(name, '/'); slash; slash = strchr(slash + 1, '/')) {
        char folder[512];
        snprintf(folder, sizeof folder, "%s/%.*s", pn_test_dir(), (int)(slash - name), name);
        mkdir(folder, 0700);
    }
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    fwrite(data, 1, length, f);
    fclose(f);
    return path;
}

/* pn_test_file_bytes() for a text. */
static inline const char *pn_test_file(const char *name, const char *text)
{
    return pn_test_file_bytes(name, text, strlen(text));
}

/* The whole file at @p path, NUL-terminated, its length in *length when not NULL; the caller
 * frees it. */
static inline char *pn_test_slurp(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *data = malloc((size_t)n + 1);
    cr_assert_eq(fread(data, 1, (size_t)n, f), (size_t)n);
    data[n] = '\0';
    fclose(f);
    if (length)
        *length = (size_t)n;
    return data;
}

/* A loaded dataset or its problems. */
typedef struct {
    int status;
    pn_dataset_t *ds;
    pn_problems_t *problems;
} pn_test_load_t;

static inline pn_test_load_t pn_test_load(const char *path, const pn_load_options_t *opts)
{
    pn_test_load_t r = {0, NULL, NULL};
    cr_assert_eq(pn_problems_new(&r.problems), 0);
    r.status = pn_dataset_load(&r.ds, path, opts, r.problems);
    if (r.status != 0)
        cr_assert_null(r.ds, "a failed load must not hand out a dataset");
    return r;
}

static inline pn_test_load_t pn_test_load_text(const char *name, const char *text,
                                               const pn_load_options_t *opts)
{
    return pn_test_load(pn_test_file(name, text), opts);
}

static inline void pn_test_load_free(pn_test_load_t *r)
{
    pn_dataset_free(r->ds);
    pn_problems_free(r->problems);
}

/* Does some problem of @p severity contain every one of the NULL-terminated parts? */
static inline int pn_test_has_problem(const pn_test_load_t *r, pn_severity_t severity, ...)
{
    for (size_t i = 0; i < pn_problems_count(r->problems); i++) {
        const pn_problem_t *p = pn_problems_get(r->problems, i);
        if (p->severity != severity)
            continue;
        va_list ap;
        va_start(ap, severity);
        int all = 1;
        for (const char *part = va_arg(ap, const char *); part; part = va_arg(ap, const char *))
            all &= strstr(p->message, part) != NULL;
        va_end(ap);
        if (all)
            return 1;
    }
    return 0;
}

/* Print the problems, to explain a failed expectation. */
static inline const char *pn_test_problems(const pn_test_load_t *r)
{
    static char buf[4096];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < pn_problems_count(r->problems) && used < sizeof buf - 2; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "\n  [%d] %s",
                                 pn_problems_get(r->problems, i)->severity,
                                 pn_problems_get(r->problems, i)->message);
    return buf;
}

#define PN_EXPECT_ERROR(r, ...)                                                                    \
    cr_expect(pn_test_has_problem(&(r), PN_SEVERITY_ERROR, __VA_ARGS__, NULL),                    \
              "no error with the expected text; problems:%s", pn_test_problems(&(r)))
#define PN_EXPECT_WARNING(r, ...)                                                                  \
    cr_expect(pn_test_has_problem(&(r), PN_SEVERITY_WARNING, __VA_ARGS__, NULL),                  \
              "no warning with the expected text; problems:%s", pn_test_problems(&(r)))

/* A small dataset built through the API: by-a, by-b (regions), by-c (city), am-d (region), by (country); agreements:
 *   0 a-b 2000        1 b-a 2005-06      2 a-d 2010 end 2012   3 c-d (undated)
 *   4 by-d 2004-06-23 5 a-b 2010-03-15 */
static inline pn_dataset_t *pn_test_sample(void)
{
    pn_dataset_t *ds;
    uint32_t by, am, a, b, c, d, state;
    cr_assert_eq(pn_dataset_new(&ds, "sample"), 0);
    cr_assert_eq(pn_dataset_add_country(&by, ds, "BY", "Belarus", 7), 0);
    cr_assert_eq(pn_dataset_add_country(&am, ds, "AM", "Armenia", 11), 0);
    cr_assert_eq(pn_dataset_add_node(&a, ds, "by-a", "A", by, PN_LEVEL_REGION), 0);
    cr_assert_eq(pn_dataset_add_node(&b, ds, "by-b", "B", by, PN_LEVEL_REGION), 0);
    cr_assert_eq(pn_dataset_add_node(&c, ds, "by-c", "C", by, PN_LEVEL_CITY), 0);
    cr_assert_eq(pn_dataset_add_node(&d, ds, "am-d", "D", am, PN_LEVEL_REGION), 0);
    cr_assert_eq(pn_dataset_add_node(&state, ds, "by", "Belarus", by, PN_LEVEL_COUNTRY), 0);
    struct {
        uint32_t a, b;
        pn_date_t date, end;
    } rows[] = {{a, b, 20000000, 0},        {b, a, 20050600, 0}, {a, d, 20100000, 20120000},
                {c, d, PN_DATE_NONE, 0},    {state, d, 20040623, 0}, {a, b, 20100315, 0}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        cr_assert_eq(pn_dataset_add_agreement(NULL, ds, rows[i].a, rows[i].b, rows[i].date, rows[i].end, PN_KIND_OTHER), 0);
    return ds;
}

/* The graph of view @p opts (NULL: the whole dataset) of @p ds; the status of the view or the
 * graph, *out set on success. */
static inline int pn_test_graph(pn_graph_t **out, const pn_dataset_t *ds,
                                const pn_view_options_t *opts)
{
    pn_view_t *view = NULL;
    int status = pn_view_new(&view, ds, opts);
    if (status == 0)
        status = pn_graph_new(out, view);
    pn_view_free(view);
    return status;
}

/* The view @p opts (NULL: the whole dataset) of @p ds, which must compile. */
static inline pn_view_t *pn_test_view(const pn_dataset_t *ds, const pn_view_options_t *opts)
{
    pn_view_t *view = NULL;
    cr_assert_eq(pn_view_new(&view, ds, opts), 0, "%s", pn_error_last());
    return view;
}

/* A fixture's network: @p text loaded as dataset @p name and its whole graph; free both
 * with pn_test_network_free(). */
static inline void pn_test_network(pn_test_load_t *loaded, pn_graph_t **graph, const char *name,
                                   const char *text)
{
    *loaded = pn_test_load_text(name, text, NULL);
    cr_assert_eq(loaded->status, 0, "%s", pn_test_problems(loaded));
    cr_assert_eq(pn_test_graph(graph, loaded->ds, NULL), 0, "%s", pn_error_last());
}

static inline void pn_test_network_free(pn_test_load_t *loaded, pn_graph_t *graph)
{
    pn_graph_free(graph);
    pn_test_load_free(loaded);
}

/* The path of tests/fixtures/@p name; static storage, overwritten by the next call. */
static inline const char *pn_test_fixture(const char *name)
{
    static char path[1024];
    const char *root = getenv("PARTNET_SOURCE_ROOT");
    snprintf(path, sizeof path, "%s/tests/fixtures/%s", root ? root : ".", name);
    return path;
}

/*
 * The network the measure tests work by hand (tests/fixtures/network.json):
 *
 *   BY: A (region), B (region), G (city in B), C (city in A), minsk (city of regional rank)
 *   AM: D (region), F (region), E (city in F)
 *
 *   agreements: A-D 2010, A-D 2012, B-D 2011, A-B 2014, D-G 2015, C-E 2013, minsk-E (undated)
 *   reported: r1 BY-AM agreements 50 as of 2012; r2 AM regions covered with BY 9 as of 2013;
 *   r3 D's partners 4; r4 BY-AM twinning agreements 9; r5 BY-AM agreements 4 in 2011-2013
 *
 * Simple graph: triangle A-B-D with G hanging from D; the path C-E-minsk; F alone.
 * Degrees A2 B2 D3 G1 C1 E2 minsk1 F0 (sum 12, 6 edges, 8 nodes). Load it, with its whole
 * graph, into the suite's statics from its .init, and free both in .fini.
 */
static pn_test_load_t pn_test_hand;
static pn_graph_t *pn_test_hand_graph;

static inline void pn_test_hand_setup(void)
{
    pn_test_setup();
    pn_test_hand = pn_test_load(pn_test_fixture("network.json"), NULL);
    cr_assert_eq(pn_test_hand.status, 0, "%s", pn_test_problems(&pn_test_hand));
    cr_assert_eq(pn_test_graph(&pn_test_hand_graph, pn_test_hand.ds, NULL), 0, "%s",
                 pn_error_last());
}

static inline void pn_test_hand_teardown(void)
{
    pn_test_network_free(&pn_test_hand, pn_test_hand_graph);
    pn_test_teardown();
}

#define PN_TEST_HAND_SUITE(name)                                                                   \
    TestSuite(name, .init = pn_test_hand_setup, .fini = pn_test_hand_teardown)

/* The vertex of node @p id in the hand network's graph. */
static inline igraph_integer_t pn_test_hand_vertex(const char *id)
{
    uint32_t node;
    cr_assert_eq(pn_dataset_find_node(&node, pn_test_hand.ds, id), 0, "no node %s", id);
    return pn_graph_node_vertex(pn_test_hand_graph, node);
}

#endif
