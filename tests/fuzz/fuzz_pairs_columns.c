/*
 * Fuzzes the pair-list loader with a column mapping (--columns). The first byte chooses the
 * options: bits 0-1 the delimiter (from the header, ',', ';' or tab), bit 2 --strict, bit 3
 * --no-header. The mapping follows, up to the first newline; the rest is the file.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delimiters[] = {0, ',', ';', '\t'};
    if (size < 1)
        return 0;
    const uint8_t *mapping = data + 1, *end = data + size;
    const uint8_t *newline = memchr(mapping, '\n', (size_t)(end - mapping));
    if (!newline)
        return 0;
    size_t mapping_len = (size_t)(newline - mapping);
    if (memchr(mapping, '\0', mapping_len))
        return 0; /* a command-line argument holds no NUL */
    char *columns = malloc(mapping_len + 1);
    FUZZ_REQUIRE(columns != NULL);
    memcpy(columns, mapping, mapping_len);
    columns[mapping_len] = '\0';

    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_PAIRS;
    opts.columns = columns;
    opts.delimiter = delimiters[data[0] & 3];
    opts.strict = (data[0] >> 2) & 1;
    opts.no_header = (data[0] >> 3) & 1;
    fuzz_load(fuzz_write("data", newline + 1, (size_t)(end - newline - 1)), &opts);
    free(columns);
    return 0;
}
