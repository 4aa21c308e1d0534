/* Fuzzes the native JSON loader: the input is the whole file. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.input = PN_INPUT_JSON;
    fuzz_load(fuzz_write("data", data, size), &opts);
    return 0;
}
