/*
 * Memory for the command's own tables and lists. Out of memory is handled one way in the
 * command: "partnet: out of memory" on stderr and exit code 1, from here. (What the library
 * allocates comes back as PN_ENOMEM and is reported as any library error.)
 */
#ifndef PARTNET_TOOLS_XALLOC_H
#define PARTNET_TOOLS_XALLOC_H

#include <stddef.h>

/** Say "partnet: out of memory" and end the program with exit code 1. */
_Noreturn void out_of_memory(void);

void *xmalloc(size_t size);
/** @p count elements of @p size bytes, zeroed. */
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

#endif
