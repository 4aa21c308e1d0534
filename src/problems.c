/*
 * The problem list: messages in one growing array, counts per severity, and each message's
 * file, line, column, field and entity read from it once as it is added. Only the first
 * PN_PROBLEMS_KEEP messages are kept, so a file with a million bad rows cannot exhaust memory.
 */
#include "problems.h"

#include "array.h"
#include "error.h"
#include "utf8.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pn_problems {
    pn_problem_t *items;
    size_t count, capacity;
    size_t totals[3];
};

int pn_problems_new(pn_problems_t **out)
{
    assert(out);
    pn_problems_t *p = calloc(1, sizeof *p);
    if (!p)
        return pn_error__nomem();
    *out = p;
    return 0;
}

void pn_problems_free(pn_problems_t *problems)
{
    if (!problems)
        return;
    for (size_t i = 0; i < problems->count; i++) {
        free((char *)problems->items[i].message);
        free((char *)problems->items[i].file);
        free((char *)problems->items[i].field);
        free((char *)problems->items[i].entity);
    }
    free(problems->items);
    free(problems);
}

size_t pn_problems_count(const pn_problems_t *problems)
{
    return problems->count;
}

const pn_problem_t *pn_problems_get(const pn_problems_t *problems, size_t i)
{
    assert(problems && i < problems->count);
    return &problems->items[i];
}

size_t pn_problems_total(const pn_problems_t *problems, pn_severity_t severity)
{
    return problems->totals[severity];
}

/* The parts of a message that follows the loaders' convention (partnet/problems.h), read
 * from its start: the location, then the entity, then the field or column. What a message does
 * not name stays NULL or 0; a part that cannot be copied sets *nomem. */
static const char *const entity_kinds[] = {"node", "agreement", "country", "document",
                                           "reported"};

static unsigned number_at(const char **s)
{
    unsigned long n = 0;
    const char *p = *s;
    while (*p >= '0' && *p <= '9' && n < 100000000ul)
        n = n * 10 + (unsigned long)(*p++ - '0');
    *s = p;
    return (unsigned)n;
}

static char *copy(const char *text, size_t n, int *nomem)
{
    char *out = strndup(text, n);
    *nomem |= out == NULL;
    return out;
}

/* FILE:LINE[:COLUMN]: or FILE: at the start of @p m; @return what follows, or @p m. */
static const char *location(pn_problem_t *p, const char *m, int *nomem)
{
    for (const char *colon = strchr(m, ':'); colon; colon = strchr(colon + 1, ':')) {
        const char *q = colon + 1;
        if (*q == ' ') {
            p->file = copy(m, (size_t)(colon - m), nomem);
            return q + 1;
        }
        if (*q < '0' || *q > '9')
            continue;
        unsigned line = number_at(&q), column = 0;
        if (*q != ':')
            continue;
        if (q[1] >= '0' && q[1] <= '9') {
            const char *r = q + 1;
            column = number_at(&r);
            if (*r != ':')
                continue;
            q = r;
        }
        if (q[1] != ' ')
            continue;
        p->file = copy(m, (size_t)(colon - m), nomem);
        p->line = line;
        p->column = column;
        return q + 2;
    }
    return m;
}

const char *pn_problems__entity(char *buf, const char *kind, const char *id, size_t len)
{
    size_t n = (size_t)snprintf(buf, PN_PROBLEMS_ENTITY_MAX - 2 * PN_PROBLEMS_ID_MAX - 2,
                                "%s \"", kind);
    if (len > PN_PROBLEMS_ID_MAX) {
        len = PN_PROBLEMS_ID_MAX;
        while (len && ((unsigned char)id[len] & 0xC0) == 0x80)
            len--;
    }
    for (size_t i = 0; i < len; i++) {
        if (id[i] == '"' || id[i] == '\\')
            buf[n++] = '\\';
        buf[n++] = id[i];
    }
    buf[n++] = '"';
    buf[n] = '\0';
    return buf;
}

/* KIND "ID" (a quote or a backslash in ID escaped) then ": " or " "; @return what follows,
 * or @p m. */
static const char *entity(pn_problem_t *p, const char *m, int *nomem)
{
    for (size_t k = 0; k < sizeof entity_kinds / sizeof entity_kinds[0]; k++) {
        size_t n = strlen(entity_kinds[k]);
        if (strncmp(m, entity_kinds[k], n) != 0 || strncmp(m + n, " \"", 2) != 0)
            continue;
        const char *id = m + n + 2, *end = id;
        while (*end && *end != '"')
            end += end[0] == '\\' && end[1] ? 2 : 1;
        if (*end != '"' || (end[1] && end[1] != ':' && end[1] != ' '))
            return m;
        char *text = malloc(n + 1 + (size_t)(end - id) + 1);
        *nomem |= text == NULL;
        if (!text)
            return m;
        memcpy(text, entity_kinds[k], n);
        text[n] = ' ';
        size_t t = n + 1;
        for (const char *c = id; c < end; c++)
            text[t++] = *c == '\\' ? *++c : *c;
        text[t] = '\0';
        p->entity = text;
        return end[1] == ':' ? end + 2 + (end[2] == ' ') : end + 1;
    }
    return m;
}

/* field "F", column N (F), column N, column F, columns F, G */
static void field(pn_problem_t *p, const char *m, int *nomem)
{
    size_t n = 0;
    /* a loop, not strcspn: GCC 12's -Wstringop-overread misreads m + 7 here when sanitizing */
    if (strncmp(m, "field \"", 7) == 0) {
        while (m[7 + n] && m[7 + n] != '"')
            n++;
    }
    if (n && m[7 + n] == '"') {
        p->field = copy(m + 7, n, nomem);
    } else if (strncmp(m, "column ", 7) == 0 && m[7] >= '0' && m[7] <= '9') {
        const char *q = m + 7;
        p->column = number_at(&q);
        if (strncmp(q, " (", 2) == 0 && (n = strcspn(q + 2, ")")) && q[2 + n] == ')')
            p->field = copy(q + 2, n, nomem);
    } else if (strncmp(m, "column ", 7) == 0 || strncmp(m, "columns ", 8) == 0) {
        const char *q = m + (m[6] == 's' ? 8 : 7);
        n = 0;
        while (q[n] == '_' || (q[n] == ',' && q[n + 1] == ' ') ||
               (q[n] == ' ' && n > 0 && q[n - 1] == ',') || (q[n] >= 'a' && q[n] <= 'z') ||
               (q[n] >= 'A' && q[n] <= 'Z') || (q[n] >= '0' && q[n] <= '9'))
            n++;
        if (n)
            p->field = copy(q, n, nomem);
    }
}

/* @p p's parts from its message. @return 0, or PN_ENOMEM with @p p's parts freed */
static int parts(pn_problem_t *p)
{
    int nomem = 0;
    const char *rest = location(p, p->message, &nomem);
    field(p, entity(p, rest, &nomem), &nomem);
    if (!nomem)
        return 0;
    free((char *)p->file);
    free((char *)p->entity);
    free((char *)p->field);
    return pn_error__nomem();
}

int pn_problems__add(pn_problems_t *problems, pn_severity_t severity, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (char *s = buf; *s; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
    pn_utf8__mend(buf);

    if (!problems)
        return 0;
    problems->totals[severity]++;
    if (problems->count == PN_PROBLEMS_KEEP)
        return 0;
    if (pn_array__reserve((void **)&problems->items, &problems->capacity, problems->count + 1,
                          sizeof *problems->items) != 0)
        return pn_error__nomem();
    pn_problem_t p = {severity, strdup(buf), NULL, 0, 0, NULL, NULL};
    if (!p.message)
        return pn_error__nomem();
    if (parts(&p) != 0) {
        free((char *)p.message);
        return PN_ENOMEM;
    }
    problems->items[problems->count++] = p;
    return 0;
}
