/*
 * Reading an input file or standard input, with a look at its first bytes before the loader
 * is chosen (private to the library). With an encoding named, the bytes are converted to UTF-8
 * through iconv as they are read, so that every reader sees UTF-8.
 */
#ifndef PN_SRC_INPUT_H
#define PN_SRC_INPUT_H

#include <partnet/load.h>

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>

/* The longest record read when the caller names no limit (see pn_load_options_t). */
#define PN_READER_MAX_RECORD_DEFAULT PN_LOAD_MAX_RECORD_DEFAULT

typedef struct {
    FILE *file;
    const char *name;  /* for messages: the path, or "<stdin>" */
    uint64_t size;     /* 0 when unknown */
    uint64_t consumed; /* bytes handed out so far */
    char *peeked;      /* bytes read ahead by pn_reader__peek(), handed out first */
    size_t peeked_len, peeked_pos;
    int is_stdin;
    size_t max_record; /* the longest record a reader accepts; 0 for the default */
    const char *encoding; /* NULL or "UTF-8": no conversion */
    iconv_t convert;      /* (iconv_t)-1 until the first read with an encoding */
    char *raw;            /* bytes read and not yet converted */
    size_t raw_len, raw_pos;
    uint64_t raw_offset;  /* bytes of the file read before raw */
    uint64_t raw_lines;   /* line feeds converted so far: where a bad byte is */
    int raw_end;          /* the file has no more bytes */
    int sniffed;          /* the loader looked at the first bytes (load_text.c) */
    /* what the first bytes look like when they are not UTF-8, and how to convert them; a
     * sentence that messages about invalid UTF-8 add (NULL: no guess) */
    const char *not_utf8;
} pn_reader_t;

/** Open a file, or standard input for "-". @return 0 or PN_EIO (message names the path). */
int pn_reader__open(pn_reader_t *in, const char *path);
void pn_reader__close(pn_reader_t *in);
#define PN_READER_PEEK_SIZE 65536

/** The reader's record limit: in->max_record, or PN_READER_MAX_RECORD_DEFAULT. */
size_t pn_reader__max_record(const pn_reader_t *in);

/** The first bytes (up to PN_READER_PEEK_SIZE; fewer only when that is the whole input)
 *  without consuming them. @return 0 or PN_EIO/PN_ENOMEM/PN_EPARSE (bytes not in the encoding
 *  named). */
int pn_reader__peek(const char **data, size_t *len, pn_reader_t *in);
/** Read up to @p cap bytes. @return bytes read, 0 at the end; on a read error, or bytes that
 *  are not in the encoding named, *error is set to PN_EIO or PN_EPARSE and the message too. */
size_t pn_reader__read(pn_reader_t *in, char *buf, size_t cap, int *error);
/** Read everything that is left into a NUL-terminated buffer the caller frees.
 *  @return 0, PN_EIO, PN_EPARSE or PN_ENOMEM. */
int pn_reader__slurp(char **out, size_t *len, pn_reader_t *in);

#endif
