/* Internals: arrays and text that grow (linked from the internal library). */
#include "test_common.h"

#include "array.h"

PN_TEST_SUITE(array);

Test(array, grows_by_half_again_and_keeps_what_it_holds)
{
    cr_expect_eq(pn_array__grown(0, 1), 16);
    cr_expect_eq(pn_array__grown(16, 17), 40, "16 + 16 / 2 + 16");
    cr_expect_eq(pn_array__grown(40, 30), 40, "room enough: as it was");
    int *items = NULL;
    size_t capacity = 0;
    for (int i = 0; i < 100000; i++) {
        cr_assert_eq(pn_array__reserve((void **)&items, &capacity, (size_t)i + 1, sizeof *items),
                     0);
        items[i] = i;
    }
    cr_expect_geq(capacity, 100000);
    for (int i = 0; i < 100000; i += 999)
        cr_expect_eq(items[i], i);
    free(items);
}

Test(array, text_appends_and_clears)
{
    pn_text_t text = PN_TEXT_INIT;
    cr_assert_eq(pn_text__append_str(&text, "Minsk"), 0);
    cr_assert_eq(pn_text__append(&text, ", Mogilev and more", 9), 0);
    cr_expect_str_eq(text.data, "Minsk, Mogilev");
    cr_expect_eq(text.length, 14);
    pn_text__clear(&text);
    cr_expect_str_eq(text.data, "");
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(pn_text__append_str(&text, "abc"), 0);
    cr_expect_eq(strlen(text.data), 3000);
    pn_text__destroy(&text);
    cr_expect_null(text.data);
}
