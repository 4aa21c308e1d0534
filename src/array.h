/*
 * Arrays and text that grow (private to the libraries; array.c is built into both): one rule
 * for how much they grow, so that appending n items costs O(n) copies in all.
 */
#ifndef PN_SRC_ARRAY_H
#define PN_SRC_ARRAY_H

#include <stddef.h>

/** The capacity an array of @p capacity elements grows to so that it holds @p need: half as
 *  much again (and 16 more) until it does. @p capacity when it holds @p need already. */
size_t pn_array__grown(size_t capacity, size_t need);

/** Grow the array @p *items (of @p size bytes each) to hold at least @p need elements.
 *  @return 0, or -1 when out of memory (the array is left as it was). */
int pn_array__reserve(void **items, size_t *capacity, size_t need, size_t size);

/** Text that grows; {NULL, 0, 0} is empty. data is NUL-terminated once anything is added. */
typedef struct {
    char *data;
    size_t length, capacity;
} pn_text_t;

#define PN_TEXT_INIT {NULL, 0, 0}

/** Append @p n bytes of @p s. @return 0, or PN_ENOMEM (message set; the text is unchanged). */
int pn_text__append(pn_text_t *text, const char *s, size_t n);
/** Append a NUL-terminated string, as pn_text__append(). */
int pn_text__append_str(pn_text_t *text, const char *s);
/** Forget the contents, keeping the memory. */
void pn_text__clear(pn_text_t *text);
void pn_text__destroy(pn_text_t *text);

#endif
