/*
 * Fuzzes the tables loader on a folder: the input is nodes.csv, then edges.csv and the
 * companion tables (countries, memberships, documents, reported, sources, dataset), each
 * after a form feed; a table the input does not reach is left out. The tables are read with
 * every line given to libcsv, then with plain lines split by pn_csv__split_plain(), then with
 * the edge table cut in two (load_tables.c reads big ones so): the same outcome, the same
 * problems and the same agreements each time.
 */
#include "fuzz_common.h"

#include "csvrows.h"
#include "load_readers.h"

#include <partnet/load.h>

/* Load @p folder with the edge table read on two threads from @p split_min bytes, plain lines
 * split without libcsv when @p plain. */
static int load_split(pn_dataset_t **ds, pn_problems_t **problems, const char *folder,
                      uint64_t split_min, int plain)
{
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_TABLES;
    FUZZ_REQUIRE(pn_problems_new(problems) == 0);
    pn_load__split_min = split_min;
    pn_csv__plain = plain;
    *ds = NULL;
    int status = pn_dataset_load(ds, folder, &opts, *problems);
    pn_csv__plain = 1;
    return status;
}

static void require_same(int status, const pn_dataset_t *one, const pn_problems_t *said_one,
                         int status_two, const pn_dataset_t *two, const pn_problems_t *said_two)
{
    FUZZ_REQUIRE(status_two == status);
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
}

static void same_three_ways(const char *folder)
{
    pn_dataset_t *ds[3];
    pn_problems_t *said[3];
    int status[3];
    status[0] = load_split(&ds[0], &said[0], folder, UINT64_MAX, 0);
    status[1] = load_split(&ds[1], &said[1], folder, UINT64_MAX, 1);
    status[2] = load_split(&ds[2], &said[2], folder, 1, 1);
    for (int k = 1; k < 3; k++)
        require_same(status[0], ds[0], said[0], status[k], ds[k], said[k]);
    for (int k = 0; k < 3; k++) {
        pn_dataset_free(ds[k]);
        pn_problems_free(said[k]);
    }
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
    same_three_ways(folder);
    return 0;
}
