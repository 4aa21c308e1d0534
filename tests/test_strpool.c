/* Internals: the string arena and map (linked from the internal library). */
#include "test_common.h"

#include "strpool.h"

PN_TEST_SUITE(strpool);

Test(strpool, map_finds_what_it_holds_across_growth)
{
    pn_arena_t arena = PN_ARENA_INIT;
    pn_strmap_t map = PN_STRMAP_INIT;
    char key[32];
    for (uint32_t i = 0; i < 100000; i++) {
        snprintf(key, sizeof key, "n%u", i);
        const char *copy = pn_arena__strdup(&arena, key);
        cr_assert_not_null(copy);
        cr_assert_eq(pn_strmap__put(&map, copy, i, NULL), 1);
    }
    cr_expect_eq(map.count, 100000);
    uint32_t value, existing;
    for (uint32_t i = 0; i < 100000; i += 997) {
        snprintf(key, sizeof key, "n%u", i);
        cr_expect(pn_strmap__get(&map, key, strlen(key), &value));
        cr_expect_eq(value, i);
    }
    cr_expect_not(pn_strmap__get(&map, "n100000", 7, &value));
    cr_expect_not(pn_strmap__get(&map, "n1", 1, &value), "a prefix is not a key");
    cr_expect(pn_strmap__get(&map, "n12x", 3, &value), "length-limited lookup");
    cr_expect_eq(value, 12);
    cr_expect_eq(pn_strmap__put(&map, "n5", 77, &existing), 0);
    cr_expect_eq(existing, 5, "a present key keeps its value");
    pn_strmap__destroy(&map);
    pn_arena__destroy(&arena);
}

Test(strpool, arena_keeps_large_and_small_strings)
{
    pn_arena_t arena = PN_ARENA_INIT;
    size_t big = 3u << 20;
    char *text = malloc(big + 1);
    memset(text, 'y', big);
    text[big] = '\0';
    const char *a = pn_arena__strdup(&arena, "small");
    const char *b = pn_arena__strdup(&arena, text);
    const char *c = pn_arena__strdup(&arena, "after");
    cr_expect_str_eq(a, "small");
    cr_expect_eq(strlen(b), big);
    cr_expect_str_eq(c, "after");
    double *d = pn_arena__alloc(&arena, 10 * sizeof *d);
    cr_expect_eq((uintptr_t)d % _Alignof(max_align_t), 0, "aligned");
    cr_expect_eq(d[9], 0.0, "zeroed");
    free(text);
    pn_arena__destroy(&arena);
}
