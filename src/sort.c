/*
 * Stable LSD radix sort of (key, value) records: four passes of 16 bits at most, each one a
 * counting sort into a scratch array. Digits on which every key agrees are skipped, so keys
 * that fit in 32 bits cost two passes.
 */
#include "sort.h"

#include <stdlib.h>
#include <string.h>

#define DIGIT_BITS 16
#define BUCKETS (1u << DIGIT_BITS)

int pn_sort__keyed(pn_keyed_t *items, size_t n)
{
    if (n < 2)
        return 0;
    uint64_t all_or = 0, all_and = ~(uint64_t)0;
    for (size_t i = 0; i < n; i++) {
        all_or |= items[i].key;
        all_and &= items[i].key;
    }
    uint64_t varying = all_or ^ all_and;
    if (varying == 0)
        return 0;
    pn_keyed_t *scratch = malloc(n * sizeof *scratch);
    size_t *count = malloc(BUCKETS * sizeof *count);
    if (!scratch || !count) {
        free(scratch);
        free(count);
        return -1;
    }
    pn_keyed_t *from = items, *to = scratch;
    for (unsigned shift = 0; shift < 64; shift += DIGIT_BITS) {
        if (((varying >> shift) & (BUCKETS - 1)) == 0)
            continue;
        memset(count, 0, BUCKETS * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[(from[i].key >> shift) & (BUCKETS - 1)]++;
        size_t sum = 0;
        for (size_t b = 0; b < BUCKETS; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & (BUCKETS - 1)]++] = from[i];
        pn_keyed_t *t = from;
        from = to;
        to = t;
    }
    if (from != items)
        memcpy(items, from, n * sizeof *items);
    free(scratch);
    free(count);
    return 0;
}
