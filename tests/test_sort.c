/* Internals: the stable radix sort of keyed records (linked from the internal library). */
#include "test_common.h"

#include "sort.h"

PN_TEST_SUITE(sort);

Test(sort, radix_sort_is_stable_and_sorts_wide_keys)
{
    size_t n = 50000;
    pn_keyed_t *items = malloc(n * sizeof *items);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        items[i].key = (x % 1000) << 40 | (x >> 60);
        items[i].value = (uint32_t)i;
    }
    cr_assert_eq(pn_sort__keyed(items, n), 0);
    for (size_t i = 1; i < n; i++) {
        cr_assert_leq(items[i - 1].key, items[i].key);
        if (items[i - 1].key == items[i].key)
            cr_assert_lt(items[i - 1].value, items[i].value, "equal keys keep their order");
    }
    free(items);
}
