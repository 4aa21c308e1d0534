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

Test(utf8, mends_text_cut_inside_a_character)
{
    /* expected texts by hand: "Мин" is D0 9C D0 B8 D0 BD */
    const char *cases[][2] = {
        {"\xD0\x9C\xD0\xB8\xD0", "\xD0\x9C\xD0\xB8"},      /* cut at the end (snprintf) */
        {"\xD0\x9C\xD0\"x", "\xD0\x9C\"x"},                 /* cut by %.3s, then a quote */
        {"a\xF0\x9F\x98\"", "a\""},                         /* 3 of an emoji's 4 bytes */
        {"a\xE2\x82\xAC", "a\xE2\x82\xAC"},                 /* whole: kept */
        {"\xEF\xBF\xBE\xEF\xBF\xBF", "\xEF\xBF\xBE\xEF\xBF\xBF"}, /* U+FFFE U+FFFF kept */
        {"a\x80" "b", "a?b"},                                    /* a stray continuation byte */
        {"a\xFF" "b", "a?b"},                                   /* never in UTF-8 */
        {"a\xC0\xAF" "b", "a??b"},                               /* overlong */
        {"a\xED\xA0\x80" "b", "a???b"},                          /* a surrogate */
        {"\x1B[2J\a", "\x1B[2J\a"},                           /* controls are UTF-8 */
        {"", ""}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        strcpy(buf, cases[i][0]);
        size_t len = pn_utf8__mend(buf);
        cr_expect_str_eq(buf, cases[i][1], "case %zu", i);
        cr_expect_eq(len, strlen(cases[i][1]), "case %zu", i);
    }
}

Test(utf8, guesses_the_single_byte_encoding_of_text_that_is_not_utf8)
{
    /* "Минск, Беларусь" in Windows-1251: words are runs of bytes from 0xC0 up */
    const char cp1251[] = "\xcc\xe8\xed\xf1\xea, \xc1\xe5\xeb\xe0\xf0\xf3\xf1\xfc";
    cr_expect(strstr(pn_utf8__guess_encoding(cp1251, strlen(cp1251)), "Windows-1251?"));
    /* "Liège, Köln" in Latin-1: one accented letter at a time */
    const char latin1[] = "Li\xe8ge, K\xf6ln";
    cr_expect(strstr(pn_utf8__guess_encoding(latin1, strlen(latin1)), "Latin-1?"));
    /* Excel's curly quotes are in 0x80..0x9F, which only Windows-1252 uses for text */
    const char cp1252[] = "\x93Kapan\x94";
    cr_expect(strstr(pn_utf8__guess_encoding(cp1252, strlen(cp1252)), "Windows-1252?"));
    cr_expect(strstr(pn_utf8__guess_encoding(cp1251, strlen(cp1251)),
                     "--encoding WINDOWS-1251"), "says how to read it");
}

Test(utf8, composes_text_in_nfc)
{
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(pn_utf8__nfc(&out, &len, "Lie\xCC\x80ge", 7), 0);
    cr_assert_not_null(out, "decomposed: composed anew");
    cr_expect_str_eq(out, "Li\xC3\xA8ge");
    cr_expect_eq(len, 6);
    free(out);
    cr_assert_eq(pn_utf8__nfc(&out, &len, "Li\xC3\xA8ge", 6), 0);
    cr_expect_null(out, "already composed");
    cr_assert_eq(pn_utf8__nfc(&out, &len, "Minsk", 5), 0);
    cr_expect_null(out);
}

Test(utf8, composes_what_the_quick_check_cannot_pass)
{
    /* expected bytes from Python's unicodedata.normalize("NFC", ...) */
    const char *cases[][2] = {
        {"\xD0\x9C\xD0\xB8\xD0\xBD\xD1\x81\xD0\xBA", NULL}, /* Минск: as it is */
        {"\xD5\xA1\xD5\xA2", NULL},                         /* Armenian: as it is */
        {"\xD0\xB8\xCC\x86", "\xD0\xB9"},                   /* и + breve: й */
        {"a\xCC\x87\xCC\xA3", "\xE1\xBA\xA1\xCC\x87"},       /* marks out of order */
        {"\xE2\x84\xAB", "\xC3\x85"},                       /* the angstrom sign: Å */
        {"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"}};      /* Hangul jamo: 가 */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        size_t len = 0;
        cr_assert_eq(pn_utf8__nfc(&out, &len, cases[i][0], strlen(cases[i][0])), 0);
        if (!cases[i][1]) {
            cr_expect_null(out, "case %zu", i);
        } else {
            cr_assert_not_null(out, "case %zu", i);
            cr_expect_str_eq(out, cases[i][1], "case %zu", i);
            cr_expect_eq(len, strlen(cases[i][1]), "case %zu", i);
        }
        free(out);
    }
}

Test(utf8, folds_composed_and_decomposed_names_alike)
{
    char a[64], b[64];
    /* "Côte" and "й" (Cyrillic short i), each composed and decomposed */
    pn_utf8__fold("C\xC3\xB4te", 5, a);
    pn_utf8__fold("Co\xCC\x82te", 6, b);
    cr_expect_str_eq(a, "cote");
    cr_expect_str_eq(b, "cote");
    pn_utf8__fold("\xD0\xB9", 2, a);
    pn_utf8__fold("\xD0\xB8\xCC\x86", 4, b);
    cr_expect_str_eq(a, b);
}
