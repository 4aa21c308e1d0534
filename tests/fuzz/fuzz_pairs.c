/*
 * Fuzzes the pair-list loader with columns recognised from the header. The first byte chooses
 * the options: bits 0-1 the delimiter (from the header, ',', ';' or tab), bit 2 --strict. The
 * rest is the file.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delimiters[] = {0, ',', ';', '\t'};
    if (size < 1)
        return 0;
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_PAIRS;
    opts.delimiter = delimiters[data[0] & 3];
    opts.strict = (data[0] >> 2) & 1;
    fuzz_load(fuzz_write("data", data + 1, size - 1), &opts);
    return 0;
}
