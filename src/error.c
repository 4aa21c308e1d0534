/*
 * The per-thread last error message and the igraph handlers that feed it.
 */
#include "error.h"

#include "utf8.h"

#include <igraph.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MESSAGE_MAX 1024

static _Thread_local char last_message[MESSAGE_MAX];
/* igraph's handler fills this; pn_error__igraph() moves it into last_message. */
static _Thread_local char igraph_message[MESSAGE_MAX];

const char *pn_error_last(void)
{
    return last_message;
}

void pn_error_clear(void)
{
    last_message[0] = '\0';
}

static void keep_one_line(char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
}

int pn_error_set(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    keep_one_line(last_message);
    pn_utf8__mend(last_message);
    return status;
}

int pn_error__igraph(int igraph_status)
{
    if (igraph_status == IGRAPH_ENOMEM)
        return pn_error__nomem();
    if (igraph_message[0])
        pn_error_set(PN_EIGRAPH, "igraph: %s", igraph_message);
    else
        pn_error_set(PN_EIGRAPH, "igraph: %s", igraph_strerror(igraph_status));
    igraph_message[0] = '\0';
    return PN_EIGRAPH;
}

static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t status)
{
    (void)file;
    (void)line;
    snprintf(igraph_message, sizeof igraph_message, "%s (%s)", reason, igraph_strerror(status));
    keep_one_line(igraph_message);
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void pn_igraph_handlers_install(void)
{
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
}
