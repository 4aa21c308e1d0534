/*
 * Fuzzes the tables loader on a folder: the input is nodes.csv, then edges.csv and the
 * companion tables (countries, memberships, documents, reported, sources, dataset), each
 * after a form feed; a table the input does not reach is left out.
 */
#include "fuzz_common.h"

#include <partnet/load.h>

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
    fuzz_load(folder, &opts);
    return 0;
}
