/* Internals: UTF-8 checks and the folding of names (linked from the internal library). */
#include "test_common.h"

#include "utf8.h"

PN_TEST_SUITE(utf8);

Test(utf8, folds_names_for_loose_comparison)
{
    char out[256];
    const char *cases[][2] = {{"Réunion", "reunion"},
                              {"  Côte d'Ivoire ", "cote divoire"},
                              {"Bosnia & Herzegovina", "bosnia and herzegovina"},
                              {"Łódź", "lodz"},
                              {"São Tomé-and-Príncipe", "sao tome and principe"},
                              {"Ștefan", "stefan"},
                              {"Минск", "Минск"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pn_utf8__fold(cases[i][0], strlen(cases[i][0]), out);
        cr_expect_str_eq(out, cases[i][1]);
    }
}

Test(utf8, finds_invalid_utf8)
{
    cr_expect_eq(pn_utf8__invalid("abc", 3), 3);
    cr_expect_eq(pn_utf8__invalid("Минск", strlen("Минск")), strlen("Минск"));
    cr_expect_eq(pn_utf8__invalid("ab\xC0\xAF", 4), 2, "overlong");
    cr_expect_eq(pn_utf8__invalid("ab\xED\xA0\x80", 5), 2, "surrogate");
    cr_expect_eq(pn_utf8__invalid("ab\xF4\x90\x80\x80", 6), 2, "above U+10FFFF");
    cr_expect_eq(pn_utf8__invalid("ab\xE2\x82", 4), 2, "truncated");
    cr_expect_eq(pn_utf8__invalid("ab\0c", 4), 2, "NUL");
}
