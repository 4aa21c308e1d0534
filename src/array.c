/*
 * Arrays and text that grow (see array.h).
 */
#include "array.h"

#include "error.h"

#include <stdlib.h>
#include <string.h>

size_t pn_array__grown(size_t capacity, size_t need)
{
    size_t grown = capacity;
    while (grown < need)
        grown += grown / 2 + 16;
    return grown;
}

int pn_array__reserve(void **items, size_t *capacity, size_t need, size_t size)
{
    if (need <= *capacity)
        return 0;
    size_t grown = pn_array__grown(*capacity, need);
    void *p = realloc(*items, grown * size);
    if (!p)
        return -1;
    *items = p;
    *capacity = grown;
    return 0;
}

int pn_text__append(pn_text_t *text, const char *s, size_t n)
{
    if (pn_array__reserve((void **)&text->data, &text->capacity, text->length + n + 1, 1) != 0)
        return pn_error__nomem();
    memcpy(text->data + text->length, s, n);
    text->length += n;
    text->data[text->length] = '\0';
    return 0;
}

int pn_text__append_str(pn_text_t *text, const char *s)
{
    return pn_text__append(text, s, strlen(s));
}

void pn_text__clear(pn_text_t *text)
{
    text->length = 0;
    if (text->data)
        text->data[0] = '\0';
}

void pn_text__destroy(pn_text_t *text)
{
    free(text->data);
    *text = (pn_text_t)PN_TEXT_INIT;
}
