/*
 * The streaming XML writer (see xmlwrite.h): a byte buffer, the stack of open elements and
 * the state of the innermost one, kept as libxml2's xmlTextWriter keeps them so that the
 * indentation comes out the same.
 */
#include "xmlwrite.h"

#include "error.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Large enough that the stream's writes cost little beside the formatting. */
#define BUFFER_SIZE (1024 * 1024)
#define DEPTH_MAX 64

typedef enum {
    IN_TAG,       /* "<name" written, the tag still open for attributes */
    IN_ATTRIBUTE, /* inside an attribute's quotes */
    IN_CONTENT    /* after the tag's ">" */
} state_t;

struct pn_xml {
    FILE *stream;
    int failed;
    /* libxml2's doindent: whether an end tag after content goes on a line of its own */
    int indent_end;
    size_t depth;
    const char *name[DEPTH_MAX];
    state_t state[DEPTH_MAX];
    size_t used;
    size_t capacity; /* BUFFER_SIZE, or more for a raw piece larger than that */
    char *buffer;
};

int pn_xml__new(pn_xml_t **out, FILE *stream)
{
    pn_xml_t *w = malloc(sizeof *w);
    char *buffer = malloc(BUFFER_SIZE);
    if (!w || !buffer) {
        free(w);
        free(buffer);
        return pn_error__nomem();
    }
    w->buffer = buffer;
    w->stream = stream;
    w->failed = 0;
    w->indent_end = 1;
    w->depth = 0;
    w->used = 0;
    w->capacity = BUFFER_SIZE;
    *out = w;
    return 0;
}

void pn_xml__free(pn_xml_t *w)
{
    if (w)
        free(w->buffer);
    free(w);
}

static void flush(pn_xml_t *w)
{
    if (!w->failed && w->used && fwrite(w->buffer, 1, w->used, w->stream) != w->used)
        w->failed = 1;
    w->used = 0;
}

static void put_slow(pn_xml_t *w, const char *bytes, size_t n)
{
    flush(w);
    if (n > w->capacity) {
        if (!w->failed && fwrite(bytes, 1, n, w->stream) != n)
            w->failed = 1;
        return;
    }
    memcpy(w->buffer, bytes, n);
    w->used = n;
}

/* Inline, so that the copies of constants compile to a move or two. */
static inline void put(pn_xml_t *w, const char *bytes, size_t n)
{
    if (w->used + n > w->capacity) {
        put_slow(w, bytes, n);
        return;
    }
    memcpy(w->buffer + w->used, bytes, n);
    w->used += n;
}

static void put_string(pn_xml_t *w, const char *s)
{
    put(w, s, strlen(s));
}

/* What a byte needs in escaped text: PLAIN nothing; END ends the text; ESCAPE always an entity;
 * SPACE (tab, line feed) an entity in attribute values; CONTROL (a control character XML 1.0
 * cannot carry) U+FFFD; LEAD (0xEF) U+FFFD when it starts U+FFFE or U+FFFF. */
enum { PLAIN, END, ESCAPE, SPACE, CONTROL, LEAD };

static const unsigned char byte_class[256] = {
    [0] = END,        [1] = CONTROL,    [2] = CONTROL,    [3] = CONTROL,    [4] = CONTROL,
    [5] = CONTROL,    [6] = CONTROL,    [7] = CONTROL,    [8] = CONTROL,    ['\t'] = SPACE,
    ['\n'] = SPACE,   [11] = CONTROL,   [12] = CONTROL,   ['\r'] = ESCAPE,  [14] = CONTROL,
    [15] = CONTROL,   [16] = CONTROL,   [17] = CONTROL,   [18] = CONTROL,   [19] = CONTROL,
    [20] = CONTROL,   [21] = CONTROL,   [22] = CONTROL,   [23] = CONTROL,   [24] = CONTROL,
    [25] = CONTROL,   [26] = CONTROL,   [27] = CONTROL,   [28] = CONTROL,   [29] = CONTROL,
    [30] = CONTROL,   [31] = CONTROL,   ['&'] = ESCAPE,   ['<'] = ESCAPE,   ['>'] = ESCAPE,
    ['"'] = ESCAPE,   [0xEF] = LEAD};

/* The bytes that stand for the special byte at @p p (@p replacement; @p p itself when it
 * stays as it is) and how many bytes of the text they replace. */
static size_t replace(const unsigned char *p, int attribute, const char **replacement,
                      size_t *length)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    const char *r = (const char *)p;
    size_t n = 1;
    switch (byte_class[*p]) {
    case ESCAPE:
        r = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
          : *p == '"' ? "&quot;" : "&#13;";
        break;
    case SPACE:
        if (attribute)
            r = *p == '\t' ? "&#9;" : "&#10;";
        break;
    case CONTROL:
        r = fffd;
        break;
    case LEAD:
        if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            r = fffd;
            n = 3;
        }
        break;
    }
    *replacement = r;
    *length = r == (const char *)p ? n : strlen(r);
    return n;
}

/* @p text escaped: runs that need nothing are copied whole. */
static void put_escaped(pn_xml_t *w, const char *text, int attribute)
{
    const unsigned char *run = (const unsigned char *)text, *p = run;
    for (;;) {
        while (byte_class[*p] == PLAIN)
            p++;
        if (!*p)
            break;
        const char *replacement;
        size_t length, n = replace(p, attribute, &replacement, &length);
        if (replacement != (const char *)p) {
            put(w, (const char *)run, (size_t)(p - run));
            put(w, replacement, length);
            run = p + n;
        }
        p += n;
    }
    put(w, (const char *)run, (size_t)(p - run));
}

size_t pn_xml__escaped_length(const char *text)
{
    size_t total = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        const char *replacement;
        size_t length = 1, n = 1;
        if (byte_class[*p] != PLAIN)
            n = replace(p, 1, &replacement, &length);
        total += length;
        p += n;
    }
    return total;
}

static char *escape(char *out, const char *text, int attribute)
{
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        if (byte_class[*p] == PLAIN) {
            *out++ = (char)*p++;
            continue;
        }
        const char *replacement;
        size_t length;
        p += replace(p, attribute, &replacement, &length);
        memcpy(out, replacement, length);
        out += length;
    }
    return out;
}

char *pn_xml__escape(char *out, const char *text)
{
    return escape(out, text, 1);
}

char *pn_xml__escape_text(char *out, const char *text)
{
    return escape(out, text, 0);
}

/* Two spaces for each open element but the innermost. */
static void indent(pn_xml_t *w)
{
    for (size_t i = 1; i < w->depth; i++)
        put(w, "  ", 2);
}

static int status(const pn_xml_t *w)
{
    return w->failed ? PN_EIO : 0;
}

int pn_xml__start_document(pn_xml_t *w)
{
    put_string(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return status(w);
}

int pn_xml__end_document(pn_xml_t *w)
{
    while (w->depth > 0)
        pn_xml__end_element(w);
    flush(w);
    return status(w);
}

int pn_xml__start_element(pn_xml_t *w, const char *name)
{
    assert(w->depth < DEPTH_MAX);
    if (w->depth > 0) {
        state_t *parent = &w->state[w->depth - 1];
        if (*parent == IN_ATTRIBUTE)
            put(w, "\"", 1);
        if (*parent != IN_CONTENT) {
            put(w, ">\n", 2);
            *parent = IN_CONTENT;
        }
    }
    w->name[w->depth] = name;
    w->state[w->depth++] = IN_TAG;
    indent(w);
    put(w, "<", 1);
    put_string(w, name);
    return status(w);
}

int pn_xml__end_element(pn_xml_t *w)
{
    assert(w->depth > 0);
    state_t state = w->state[w->depth - 1];
    if (state == IN_ATTRIBUTE)
        put(w, "\"", 1);
    if (state != IN_CONTENT) {
        put(w, "/>", 2);
    } else {
        if (w->indent_end)
            indent(w);
        put(w, "</", 2);
        put_string(w, w->name[w->depth - 1]);
        put(w, ">", 1);
    }
    w->indent_end = 1;
    put(w, "\n", 1);
    w->depth--;
    return status(w);
}

int pn_xml__start_attribute(pn_xml_t *w, const char *name)
{
    assert(w->depth > 0 && w->state[w->depth - 1] != IN_CONTENT);
    if (w->state[w->depth - 1] == IN_ATTRIBUTE)
        put(w, "\"", 1);
    put(w, " ", 1);
    put_string(w, name);
    put(w, "=\"", 2);
    w->state[w->depth - 1] = IN_ATTRIBUTE;
    return status(w);
}

int pn_xml__end_attribute(pn_xml_t *w)
{
    assert(w->depth > 0 && w->state[w->depth - 1] == IN_ATTRIBUTE);
    put(w, "\"", 1);
    w->state[w->depth - 1] = IN_TAG;
    return status(w);
}

int pn_xml__attribute(pn_xml_t *w, const char *name, const char *value)
{
    pn_xml__start_attribute(w, name);
    put_escaped(w, value, 1);
    return pn_xml__end_attribute(w);
}

int pn_xml__escaped_attribute(pn_xml_t *w, const char *name, const char *value, size_t length)
{
    pn_xml__start_attribute(w, name);
    put(w, value, length);
    return pn_xml__end_attribute(w);
}

int pn_xml__string(pn_xml_t *w, const char *text)
{
    assert(w->depth > 0);
    state_t *state = &w->state[w->depth - 1];
    if (*state == IN_ATTRIBUTE) {
        put_escaped(w, text, 1);
        return status(w);
    }
    if (*state == IN_TAG) {
        put(w, ">", 1);
        *state = IN_CONTENT;
    }
    w->indent_end = 0;
    put_escaped(w, text, 0);
    return status(w);
}

size_t pn_xml__raw_child(pn_xml_t *w)
{
    assert(w->depth > 0);
    state_t *parent = &w->state[w->depth - 1];
    if (*parent == IN_ATTRIBUTE)
        put(w, "\"", 1);
    if (*parent != IN_CONTENT) {
        put(w, ">\n", 2);
        *parent = IN_CONTENT;
    }
    return 2 * w->depth;
}

char *pn_xml__raw_reserve(pn_xml_t *w, size_t n)
{
    if (w->used + n <= w->capacity)
        return w->buffer + w->used;
    flush(w);
    if (n > w->capacity) {
        char *larger = realloc(w->buffer, n);
        if (!larger)
            return NULL;
        w->buffer = larger;
        w->capacity = n;
    }
    return w->buffer;
}

int pn_xml__raw_commit(pn_xml_t *w, const char *end)
{
    assert(end >= w->buffer && end <= w->buffer + w->capacity);
    w->used = (size_t)(end - w->buffer);
    w->indent_end = 1;
    return status(w);
}

int pn_xml__text_element(pn_xml_t *w, const char *name, const char *text)
{
    pn_xml__start_element(w, name);
    pn_xml__string(w, text);
    return pn_xml__end_element(w);
}
