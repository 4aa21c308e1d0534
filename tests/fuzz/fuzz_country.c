/*
 * Fuzzes the country-name resolver: the input, up to a NUL, is a country cell. A name it
 * resolves gives a known alpha-2 code with a name; a name it does not gives nothing.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static pn_country_resolver_t *resolver;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!resolver)
        FUZZ_REQUIRE(pn_country_resolver_new(&resolver, NULL) == 0);
    char *text = malloc(size + 1);
    FUZZ_REQUIRE(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';

    const char *code = "unset";
    pn_country_match_t how = PN_COUNTRY_MATCH_CODE;
    int status = pn_country_resolve(&code, &how, resolver, text);
    if (status == 0) {
        FUZZ_REQUIRE(code && strlen(code) == 2 && pn_country_is_code(resolver, code));
        FUZZ_REQUIRE(pn_country_name(resolver, code) != NULL);
        FUZZ_REQUIRE(how != PN_COUNTRY_MATCH_NONE);
    } else {
        FUZZ_REQUIRE(status == PN_ENOTFOUND && code == NULL && how == PN_COUNTRY_MATCH_NONE);
    }
    /* the same text given as a code */
    if (pn_country_is_code(resolver, text))
        FUZZ_REQUIRE(pn_country_name(resolver, text) != NULL);
    free(text);
    return 0;
}
