/*
 * Fuzzes the tables loader on a folder: the input is nodes.csv, then edges.csv and the
 * companion tables (countries, memberships, documents, reported, sources, dataset), each
 * after a form feed; a table the input does not reach is left out. The edge table is read once
 * on one thread and once cut in two (load_tables.c reads big ones so): the same outcome, the
 * same problems and the same agreements.
 */
#include "fuzz_common.h"

#include "load_readers.h"

#include <partnet/load.h>

/* Load @p folder with the edge table read on two threads from @p split_min bytes. */
static int load_split(pn_dataset_t **ds, pn_problems_t **problems, const char *folder,
                      uint64_t split_min)
{
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_TABLES;
    FUZZ_REQUIRE(pn_problems_new(problems) == 0);
    pn_load__split_min = split_min;
    *ds = NULL;
    return pn_dataset_load(ds, folder, &opts, *problems);
}

static void same_when_cut(const char *folder)
{
    pn_dataset_t *one, *two;
    pn_problems_t *said_one, *said_two;
    int status = load_split(&one, &said_one, folder, UINT64_MAX);
    FUZZ_REQUIRE(load_split(&two, &said_two, folder, 1) == status);
    FUZZ_REQUIRE(pn_problems_count(said_one) == pn_problems_count(said_two));
    for (size_t i = 0; i < pn_problems_count(said_one); i++)
        FUZZ_REQUIRE(strcmp(pn_problems_get(said_one, i)->message,
                            pn_problems_get(said_two, i)->message) == 0);
    FUZZ_REQUIRE(!one == !two);
    size_t n = one ? pn_dataset_agreement_count(one) : 0;
    FUZZ_REQUIRE(!two || pn_dataset_agreement_count(two) == n);
    for (size_t i = 0; i < n; i++) {
        pn_agreement_t x, y;
        pn_dataset_agreement(&x, one, i);
        pn_dataset_agreement(&y, two, i);
        FUZZ_REQUIRE(x.a == y.a && x.b == y.b && x.date == y.date && x.end == y.end &&
                     x.kind == y.kind && x.kind_stated == y.kind_stated && x.line == y.line);
    }
    pn_dataset_free(one);
    pn_dataset_free(two);
    pn_problems_free(said_one);
    pn_problems_free(said_two);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"nodes.csv", "edges.csv", PN_TABLES_COUNTRIES,
                                        PN_TABLES_MEMBERSHIPS, PN_TABLES_DOCUMENTS,
                                        PN_TABLES_REPORTED, PN_TABLES_SOURCES,
                                        PN_TABLES_DATASET};
    const uint8_t *end = data + size, *start = data;
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        if (!start) {
            unlink(fuzz_path(files[f]));
            continue;
        }
        const uint8_t *stop = memchr(start, '\f', (size_t)(end - start));
        fuzz_write(files[f], start, (size_t)((stop ? stop : end) - start));
        start = stop ? stop + 1 : NULL;
    }

    char folder[600];
    snprintf(folder, sizeof folder, "%s", fuzz_path("nodes.csv"));
    *strrchr(folder, '/') = '\0';
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_TABLES;
    pn_load__split_min = 1;
    fuzz_load(folder, &opts);
    same_when_cut(folder);
    return 0;
}
