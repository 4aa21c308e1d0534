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

#define BUFFER_SIZE (64 * 1024)
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
    char buffer[BUFFER_SIZE];
};

int pn_xml__new(pn_xml_t **out, FILE *stream)
{
    pn_xml_t *w = malloc(sizeof *w);
    if (!w)
        return pn_error__nomem();
    w->stream = stream;
    w->failed = 0;
    w->indent_end = 1;
    w->depth = 0;
    w->used = 0;
    *out = w;
    return 0;
}

void pn_xml__free(pn_xml_t *w)
{
    free(w);
}

static void flush(pn_xml_t *w)
{
    if (!w->failed && w->used && fwrite(w->buffer, 1, w->used, w->stream) != w->used)
        w->failed = 1;
    w->used = 0;
}

static void put(pn_xml_t *w, const char *bytes, size_t n)
{
    if (w->used + n > BUFFER_SIZE) {
        flush(w);
        if (n > BUFFER_SIZE) {
            if (!w->failed && fwrite(bytes, 1, n, w->stream) != n)
                w->failed = 1;
            return;
        }
    }
    memcpy(w->buffer + w->used, bytes, n);
    w->used += n;
}

static void put_string(pn_xml_t *w, const char *s)
{
    put(w, s, strlen(s));
}

/* @p text escaped: runs that need nothing are copied whole. */
static void put_escaped(pn_xml_t *w, const char *text, int attribute)
{
    const char *run = text, *p = text;
    for (;; p++) {
        const char *escape;
        switch (*p) {
        case '\0':
            put(w, run, (size_t)(p - run));
            return;
        case '&': escape = "&amp;"; break;
        case '<': escape = "&lt;"; break;
        case '>': escape = "&gt;"; break;
        case '"': escape = "&quot;"; break;
        case '\r': escape = "&#13;"; break;
        case '\t': escape = attribute ? "&#9;" : NULL; break;
        case '\n': escape = attribute ? "&#10;" : NULL; break;
        default: escape = NULL; break;
        }
        if (escape) {
            put(w, run, (size_t)(p - run));
            put_string(w, escape);
            run = p + 1;
        }
    }
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

int pn_xml__text_element(pn_xml_t *w, const char *name, const char *text)
{
    pn_xml__start_element(w, name);
    pn_xml__string(w, text);
    return pn_xml__end_element(w);
}
