/*
 * Reading an input file or standard input, with a look at its first bytes before the loader
 * is chosen (private to the library).
 */
#ifndef PN_SRC_INPUT_H
#define PN_SRC_INPUT_H

#include <stdint.h>
#include <stdio.h>

typedef struct {
    FILE *file;
    const char *name;  /* for messages: the path, or "<stdin>" */
    uint64_t size;     /* 0 when unknown */
    uint64_t consumed; /* bytes handed out so far */
    char *peeked;      /* bytes read ahead by pn_reader__peek(), handed out first */
    size_t peeked_len, peeked_pos;
    int is_stdin;
} pn_reader_t;

/** Open a file, or standard input for "-". @return 0 or PN_EIO (message names the path). */
int pn_reader__open(pn_reader_t *in, const char *path);
void pn_reader__close(pn_reader_t *in);
#define PN_READER_PEEK_SIZE 65536

/** The first bytes (up to PN_READER_PEEK_SIZE; fewer only when that is the whole input)
 *  without consuming them. @return 0 or PN_EIO/PN_ENOMEM. */
int pn_reader__peek(const char **data, size_t *len, pn_reader_t *in);
/** Read up to @p cap bytes. @return bytes read, 0 at the end; *error set on a read error. */
size_t pn_reader__read(pn_reader_t *in, char *buf, size_t cap, int *error);
/** Read everything that is left into a NUL-terminated buffer the caller frees.
 *  @return 0, PN_EIO or PN_ENOMEM. */
int pn_reader__slurp(char **out, size_t *len, pn_reader_t *in);

#endif
