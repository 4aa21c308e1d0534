/* Sorting large arrays of keyed records (private to the library). */
#ifndef PN_SRC_SORT_H
#define PN_SRC_SORT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t key;
    uint32_t value;
} pn_keyed_t;

/**
 * Sort @p n records by key, stably (equal keys keep their order), by least-significant-digit
 * radix sort: O(n) passes over 16-bit digits, skipping digits that all keys share.
 * @return 0, or -1 when out of memory (the array is unchanged).
 */
int pn_sort__keyed(pn_keyed_t *items, size_t n);

#endif
