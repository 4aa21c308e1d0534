/*
 * Input files and standard input. A peek reads ahead into a small buffer that later reads
 * drain first, so that a pipe can be sniffed and then read from its start.
 */
#include "input.h"

#include "array.h"
#include "error.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int pn_reader__open(pn_reader_t *in, const char *path)
{
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0) {
        in->file = stdin;
        in->name = "<stdin>";
        in->is_stdin = 1;
        return 0;
    }
    in->name = path;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return pn_error_set(PN_EIO, "%s: is a folder, expected a file", path);
    in->file = fopen(path, "rb");
    if (!in->file)
        return pn_error_set(PN_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(fileno(in->file), &st) == 0 && S_ISREG(st.st_mode))
        in->size = (uint64_t)st.st_size;
    return 0;
}

void pn_reader__close(pn_reader_t *in)
{
    if (in->file && !in->is_stdin)
        fclose(in->file);
    free(in->peeked);
    memset(in, 0, sizeof *in);
}

int pn_reader__peek(const char **data, size_t *len, pn_reader_t *in)
{
    if (!in->peeked) {
        in->peeked = malloc(PN_READER_PEEK_SIZE);
        if (!in->peeked)
            return pn_error__nomem();
        in->peeked_len = fread(in->peeked, 1, PN_READER_PEEK_SIZE, in->file);
        in->peeked_pos = 0;
        if (ferror(in->file))
            return pn_error_set(PN_EIO, "%s: read error: %s", in->name, strerror(errno));
    }
    *data = in->peeked + in->peeked_pos;
    *len = in->peeked_len - in->peeked_pos;
    return 0;
}

size_t pn_reader__read(pn_reader_t *in, char *buf, size_t cap, int *error)
{
    size_t n = 0;
    if (in->peeked && in->peeked_pos < in->peeked_len) {
        n = in->peeked_len - in->peeked_pos;
        if (n > cap)
            n = cap;
        memcpy(buf, in->peeked + in->peeked_pos, n);
        in->peeked_pos += n;
    }
    if (n < cap)
        n += fread(buf + n, 1, cap - n, in->file);
    *error = ferror(in->file) != 0;
    in->consumed += n;
    return n;
}

int pn_reader__slurp(char **out, size_t *len, pn_reader_t *in)
{
    /* a file's size is known: the first allocation holds it; a pipe's input grows it */
    size_t cap = 0, used = 0, first = in->size ? (size_t)in->size : PN_READER_PEEK_SIZE;
    char *buf = NULL;
    for (;;) {
        /* room for one more byte and the NUL: grows only when full */
        if (pn_array__reserve((void **)&buf, &cap, (used ? used : first) + 2, 1) != 0) {
            free(buf);
            return pn_error__nomem();
        }
        int error;
        size_t n = pn_reader__read(in, buf + used, cap - 1 - used, &error);
        if (error) {
            free(buf);
            return pn_error_set(PN_EIO, "%s: read error: %s", in->name, strerror(errno));
        }
        if (n == 0)
            break;
        used += n;
    }
    buf[used] = '\0';
    *out = buf;
    *len = used;
    return 0;
}
