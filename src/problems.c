/*
 * The problem list: messages in one growing array, counts per severity. Only the first
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
    for (size_t i = 0; i < problems->count; i++)
        free((char *)problems->items[i].message);
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
    char *message = strdup(buf);
    if (!message)
        return pn_error__nomem();
    problems->items[problems->count].severity = severity;
    problems->items[problems->count].message = message;
    problems->count++;
    return 0;
}
