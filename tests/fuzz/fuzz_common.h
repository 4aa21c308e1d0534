/*
 * What the libFuzzer harnesses share: a private folder for the files a loader reads (removed at
 * exit), a load that checks what every load must guarantee, and the invariants of a dataset.
 * A broken guarantee aborts, so that libFuzzer keeps the input as a crash.
 */
#ifndef PARTNET_FUZZ_COMMON_H
#define PARTNET_FUZZ_COMMON_H

#include <partnet/partnet.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_REQUIRE(cond)                                                                         \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz: broken guarantee: %s (%s:%d)\n", #cond, __FILE__, __LINE__);    \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static char fuzz_dir[512];
static const char *const fuzz_names[] = {"data", "nodes.csv", "edges.csv", "countries.csv"};

static inline void fuzz_remove_dir(void)
{
    char path[600];
    for (size_t i = 0; i < sizeof fuzz_names / sizeof fuzz_names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", fuzz_dir, fuzz_names[i]);
        unlink(path);
    }
    rmdir(fuzz_dir);
}

/* The path of @p name (one of fuzz_names) in the harness's folder, made on first use. */
static inline const char *fuzz_path(const char *name)
{
    static char path[600];
    if (!fuzz_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s/partnet-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(fuzz_dir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_remove_dir);
    }
    snprintf(path, sizeof path, "%s/%s", fuzz_dir, name);
    return path;
}

/* Write @p size bytes to @p name in the harness's folder; @return its path. */
static inline const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    const char *path = fuzz_path(name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror("fuzz: writing the input");
        abort();
    }
    return path;
}

static inline void fuzz_check_date(pn_date_t date)
{
    if (date == PN_DATE_NONE)
        return;
    char text[PN_DATE_TEXT_MAX];
    pn_date_t again;
    pn_date_format(text, date);
    FUZZ_REQUIRE(pn_date_parse(&again, text, strlen(text)) == 0 && again == date);
}

/* The invariants of dataset.h and what graphs/FORMAT.md promises of a loaded dataset. */
static inline void fuzz_check_dataset(const pn_dataset_t *ds)
{
    size_t countries = pn_dataset_country_count(ds), nodes = pn_dataset_node_count(ds);
    for (size_t i = 0; i < countries; i++) {
        const pn_country_t *c = pn_dataset_country(ds, i);
        FUZZ_REQUIRE(c->code && c->name);
    }
    for (size_t i = 0; i < nodes; i++) {
        const pn_node_t *n = pn_dataset_node(ds, i);
        uint32_t found;
        FUZZ_REQUIRE(n->id && n->id[0] && n->name);
        FUZZ_REQUIRE(pn_dataset_find_node(&found, ds, n->id) == 0 && found == i);
        FUZZ_REQUIRE(n->country < countries);
        FUZZ_REQUIRE((unsigned)n->level < PN_LEVEL_COUNT);
        FUZZ_REQUIRE(n->parent == PN_NONE || (n->parent < nodes && n->parent != i));
        for (size_t k = 0; k < n->alias_count; k++)
            FUZZ_REQUIRE(n->aliases[k] != NULL);
    }
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        pn_agreement_t a;
        pn_dataset_agreement(&a, ds, i);
        FUZZ_REQUIRE(a.a < nodes && a.b < nodes && a.a != a.b);
        FUZZ_REQUIRE((unsigned)a.kind < PN_KIND_COUNT);
        fuzz_check_date(a.date);
        fuzz_check_date(a.end);
        FUZZ_REQUIRE(a.date == PN_DATE_NONE || a.end == PN_DATE_NONE ||
                     pn_date_last_day(a.end) >= pn_date_first_day(a.date));
        for (size_t k = 0; k < a.domain_count; k++)
            FUZZ_REQUIRE(a.domains[k] != NULL);
    }
}

/*
 * Load @p path and check the loader's promises: a dataset only on success, and then one that
 * keeps the invariants; on failure an explanation in pn_error_last(), and an error in the list
 * whenever the input itself is at fault; every message one line.
 */
static inline void fuzz_load(const char *path, const pn_load_options_t *opts)
{
    pn_problems_t *problems = NULL;
    pn_dataset_t *ds = NULL;
    FUZZ_REQUIRE(pn_problems_new(&problems) == 0);
    int status = pn_dataset_load(&ds, path, opts, problems);
    size_t errors = pn_problems_total(problems, PN_SEVERITY_ERROR);
    for (size_t i = 0; i < pn_problems_count(problems); i++) {
        const char *message = pn_problems_get(problems, i)->message;
        FUZZ_REQUIRE(message[0] && !strchr(message, '\n') && !strchr(message, '\r'));
    }
    if (status == 0) {
        FUZZ_REQUIRE(ds != NULL && errors == 0);
        fuzz_check_dataset(ds);
    } else {
        FUZZ_REQUIRE(ds == NULL && status < 0);
        FUZZ_REQUIRE(pn_error_last()[0] && !strchr(pn_error_last(), '\n'));
        if (status == PN_EPARSE || status == PN_EINVALID)
            FUZZ_REQUIRE(errors > 0);
    }
    pn_dataset_free(ds);
    pn_problems_free(problems);
}

#endif
