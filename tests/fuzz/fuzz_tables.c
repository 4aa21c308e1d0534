/*
 * Fuzzes the tables loader on a folder: the input is nodes.csv, a form feed, edges.csv and,
 * after a second form feed, countries.csv (left out when there is no second form feed).
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *end = data + size;
    const uint8_t *first = memchr(data, '\f', size);
    const uint8_t *edges = first ? first + 1 : end;
    const uint8_t *second = memchr(edges, '\f', (size_t)(end - edges));
    fuzz_write("nodes.csv", data, (size_t)((first ? first : end) - data));
    fuzz_write("edges.csv", edges, (size_t)((second ? second : end) - edges));
    if (second)
        fuzz_write("countries.csv", second + 1, (size_t)(end - second - 1));
    else
        unlink(fuzz_path("countries.csv"));

    char folder[600];
    snprintf(folder, sizeof folder, "%s", fuzz_path("nodes.csv"));
    *strrchr(folder, '/') = '\0';
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_TABLES;
    fuzz_load(folder, &opts);
    return 0;
}
