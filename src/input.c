/*
 * Input files and standard input. A peek reads ahead into a small buffer that later reads
 * drain first, so that a pipe can be sniffed and then read from its start. With an encoding
 * named, raw bytes wait in their own buffer until iconv turns them into UTF-8.
 */
#include "input.h"

#include "array.h"
#include "error.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define RAW_SIZE 65536

int pn_reader__open(pn_reader_t *in, const char *path)
{
    memset(in, 0, sizeof *in);
    in->convert = (iconv_t)-1;
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
    if (in->convert != (iconv_t)-1)
        iconv_close(in->convert);
    free(in->peeked);
    free(in->raw);
    memset(in, 0, sizeof *in);
    in->convert = (iconv_t)-1;
}

size_t pn_reader__max_record(const pn_reader_t *in)
{
    return in->max_record ? in->max_record : PN_READER_MAX_RECORD_DEFAULT;
}

static int converting(const pn_reader_t *in)
{
    return in->encoding && strcasecmp(in->encoding, "UTF-8") != 0 &&
           strcasecmp(in->encoding, "UTF8") != 0;
}

/* Up to @p cap bytes of UTF-8 converted from in->encoding; fewer than asked is not the end,
 * 0 is. */
static size_t convert_bytes(pn_reader_t *in, char *buf, size_t cap, int *error)
{
    if (in->convert == (iconv_t)-1) {
        in->convert = iconv_open("UTF-8", in->encoding);
        if (in->convert == (iconv_t)-1) {
            *error = pn_error_set(PN_EUSAGE, "--encoding %s: not an encoding iconv knows "
                                  "(iconv -l lists them)", in->encoding);
            return 0;
        }
        if (!(in->raw = malloc(RAW_SIZE))) {
            *error = pn_error__nomem();
            return 0;
        }
    }
    char *out = buf;
    size_t outleft = cap;
    while (outleft == cap) {
        if (in->raw_pos < in->raw_len) {
            char *src = in->raw + in->raw_pos;
            size_t srcleft = in->raw_len - in->raw_pos;
            char *from = out;
            size_t r = iconv(in->convert, &src, &srcleft, &out, &outleft);
            int why = errno;
            in->raw_pos = (size_t)(src - in->raw);
            for (const char *p = from; (p = memchr(p, '\n', (size_t)(out - p))); p++)
                in->raw_lines++;
            if (r == (size_t)-1 && why == EILSEQ) {
                *error = pn_error_set(PN_EPARSE, "%s:%llu: byte %llu of the file (0x%02X) is "
                                      "not %s text", in->name,
                                      (unsigned long long)in->raw_lines + 1,
                                      (unsigned long long)(in->raw_offset + in->raw_pos + 1),
                                      (unsigned char)in->raw[in->raw_pos], in->encoding);
                return 0;
            }
            /* E2BIG: the output is full; EINVAL: a character cut at the end of raw */
            if (outleft < cap || (r == (size_t)-1 && why == E2BIG))
                break;
        }
        if (in->raw_end) {
            if (in->raw_pos < in->raw_len) {
                *error = pn_error_set(PN_EPARSE, "%s:%llu: the file ends inside a character: "
                                      "not %s text", in->name,
                                      (unsigned long long)in->raw_lines + 1, in->encoding);
                return 0;
            }
            iconv(in->convert, NULL, NULL, &out, &outleft);
            break;
        }
        memmove(in->raw, in->raw + in->raw_pos, in->raw_len - in->raw_pos);
        in->raw_offset += in->raw_pos;
        in->raw_len -= in->raw_pos;
        in->raw_pos = 0;
        size_t got = fread(in->raw + in->raw_len, 1, RAW_SIZE - in->raw_len, in->file);
        if (ferror(in->file)) {
            *error = pn_error_set(PN_EIO, "%s: read error: %s", in->name, strerror(errno));
            return 0;
        }
        in->raw_end = got == 0;
        in->raw_len += got;
    }
    return cap - outleft;
}

/* Up to @p cap bytes of the file (converted when an encoding is named); 0 at the end. */
static size_t read_bytes(pn_reader_t *in, char *buf, size_t cap, int *error)
{
    if (converting(in))
        return convert_bytes(in, buf, cap, error);
    size_t n = fread(buf, 1, cap, in->file);
    if (ferror(in->file))
        *error = pn_error_set(PN_EIO, "%s: read error: %s", in->name, strerror(errno));
    return n;
}

int pn_reader__peek(const char **data, size_t *len, pn_reader_t *in)
{
    if (!in->peeked) {
        in->peeked = malloc(PN_READER_PEEK_SIZE);
        if (!in->peeked)
            return pn_error__nomem();
        in->peeked_len = 0;
        in->peeked_pos = 0;
        int error = 0;
        for (;;) {
            size_t n = read_bytes(in, in->peeked + in->peeked_len,
                                  PN_READER_PEEK_SIZE - in->peeked_len, &error);
            if (error)
                return error;
            in->peeked_len += n;
            if (n == 0 || in->peeked_len == PN_READER_PEEK_SIZE)
                break;
        }
    }
    *data = in->peeked + in->peeked_pos;
    *len = in->peeked_len - in->peeked_pos;
    return 0;
}

size_t pn_reader__read(pn_reader_t *in, char *buf, size_t cap, int *error)
{
    size_t n = 0;
    *error = 0;
    if (in->peeked && in->peeked_pos < in->peeked_len) {
        n = in->peeked_len - in->peeked_pos;
        if (n > cap)
            n = cap;
        memcpy(buf, in->peeked + in->peeked_pos, n);
        in->peeked_pos += n;
    }
    if (n < cap)
        n += read_bytes(in, buf + n, cap - n, error);
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
            return error;
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
