/*
 * The streaming XML writer (see xmlwrite.h): a byte buffer, the stack of open elements and
 * the state of the innermost one, kept as libxml2's xmlTextWriter keeps them so that the
 * indentation comes out the same.
 *
 * A full buffer is handed to a thread of the writer's own, which writes it to the stream
 * while the next one is filled (the kernel's copy into the page cache is a fifth of a large
 * export's time). Only that thread touches the stream until pn_xml__end_document() or
 * pn_xml__free() has waited for it; without it (it could not start), the caller writes.
 *
 * On a regular file the bytes go straight to its file descriptor, with O_DIRECT where the file
 * system takes it: the disk reads them from the buffer, and the kernel copies nothing into the
 * page cache. Direct writes take whole blocks (ALIGN) from aligned memory, so each buffer
 * written leaves its last partial block at the start of the next one; the last of all is
 * written without O_DIRECT.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_DIRECT */
#endif
#include "xmlwrite.h"

#include "ending.h"
#include "error.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Large enough that the stream's writes cost little beside the formatting. */
#define BUFFER_SIZE (4 * 1024 * 1024)
/* The block of direct writes: their sizes, offsets and memory are multiples of it. */
#define ALIGN 4096
#define DEPTH_MAX 64

typedef enum {
    IN_TAG,       /* "<name" written, the tag still open for attributes */
    IN_ATTRIBUTE, /* inside an attribute's quotes */
    IN_CONTENT    /* after the tag's ">" */
} state_t;

struct pn_xml {
    FILE *stream;
    int fd;
    int direct;        /* O_DIRECT set on fd: whole blocks only */
    atomic_int failed;
    int error;         /* errno of the failed write, set before failed */
    /* libxml2's doindent: whether an end tag after content goes on a line of its own */
    int indent_end;
    size_t depth;
    const char *name[DEPTH_MAX];
    state_t state[DEPTH_MAX];
    size_t used;
    size_t capacity; /* BUFFER_SIZE, or more for a raw piece larger than that */
    char *buffer;
    /* the writing thread: it writes `pending` (pending_size bytes) when set, then clears it;
     * `spare` is the other buffer, free while nothing is pending */
    int threaded, thread_tried, stop;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    char *pending, *spare;
    size_t pending_size, spare_capacity;
};

static void write_out(pn_xml_t *w, const char *bytes, size_t n)
{
    while (n > 0 && !atomic_load_explicit(&w->failed, memory_order_relaxed)) {
        ssize_t written = write(w->fd, bytes, n);
        if (written < 0 && errno == EINTR)
            continue;
        /* a file system that takes O_DIRECT but not this write: the rest goes through the
         * page cache (w->direct stays, so the blocks stay whole, which is harmless) */
        if (written < 0 && errno == EINVAL && (fcntl(w->fd, F_GETFL) & O_DIRECT)) {
            if (fcntl(w->fd, F_SETFL, fcntl(w->fd, F_GETFL) & ~O_DIRECT) == 0)
                continue;
        }
        if (written <= 0) {
            w->error = written < 0 ? errno : EIO;
            atomic_store(&w->failed, 1);
            return;
        }
        bytes += written;
        n -= (size_t)written;
    }
}

/* O_DIRECT on a regular file at a block boundary, when its file system takes it. */
static int try_direct(int fd)
{
    struct stat st;
    off_t offset = lseek(fd, 0, SEEK_CUR);
    int flags = fcntl(fd, F_GETFL);
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && offset >= 0 && offset % ALIGN == 0 &&
           flags >= 0 && fcntl(fd, F_SETFL, flags | O_DIRECT) == 0;
}

static char *new_buffer(size_t size)
{
    return aligned_alloc(ALIGN, (size + ALIGN - 1) / ALIGN * ALIGN);
}

static void *writing(void *arg)
{
    pn_xml_t *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->pending && !w->stop)
            pthread_cond_wait(&w->changed, &w->lock);
        if (!w->pending)
            break;
        pthread_mutex_unlock(&w->lock);
        write_out(w, w->pending, w->pending_size);
        pthread_mutex_lock(&w->lock);
        w->pending = NULL;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* Start the writing thread, with the signals that end the command blocked in it (so that a
 * handler, such as pn_outfile's, runs on a caller's thread; SIGPIPE still ends the command as
 * a write of the caller's would); without it, the caller writes. */
static void start_thread(pn_xml_t *w)
{
    sigset_t ending, before;
    w->threaded = 0;
    if (!(w->spare = new_buffer(BUFFER_SIZE)))
        return;
    if (pthread_mutex_init(&w->lock, NULL) != 0) {
        free(w->spare);
        return;
    }
    if (pthread_cond_init(&w->changed, NULL) != 0) {
        pthread_mutex_destroy(&w->lock);
        free(w->spare);
        return;
    }
    pn_outfile__ending_signals(&ending);
    pthread_sigmask(SIG_BLOCK, &ending, &before);
    w->threaded = pthread_create(&w->thread, NULL, writing, w) == 0;
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    if (!w->threaded) {
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w->spare);
    }
}

int pn_xml__new(pn_xml_t **out, FILE *stream)
{
    pn_xml_t *w = malloc(sizeof *w);
    char *buffer = new_buffer(BUFFER_SIZE);
    if (!w || !buffer) {
        free(w);
        free(buffer);
        return pn_error__nomem();
    }
    w->buffer = buffer;
    w->stream = stream;
    atomic_init(&w->failed, 0);
    w->error = 0;
    /* what the stream holds goes first; then the writer writes to its descriptor alone */
    if (fflush(stream) != 0) {
        w->error = errno;
        atomic_store(&w->failed, 1);
    }
    w->fd = fileno(stream);
    w->direct = w->fd >= 0 && try_direct(w->fd);
    w->indent_end = 1;
    w->depth = 0;
    w->used = 0;
    w->capacity = BUFFER_SIZE;
    w->stop = 0;
    w->pending = NULL;
    w->pending_size = 0;
    w->spare_capacity = BUFFER_SIZE;
    w->threaded = w->thread_tried = 0;
    *out = w;
    return 0;
}

/* Wait until nothing is pending: the stream is the caller's again. */
static void drain(pn_xml_t *w)
{
    if (!w->threaded)
        return;
    pthread_mutex_lock(&w->lock);
    while (w->pending)
        pthread_cond_wait(&w->changed, &w->lock);
    pthread_mutex_unlock(&w->lock);
}

void pn_xml__free(pn_xml_t *w)
{
    if (!w)
        return;
    if (w->threaded) {
        pthread_mutex_lock(&w->lock);
        w->stop = 1;
        pthread_cond_broadcast(&w->changed);
        pthread_mutex_unlock(&w->lock);
        pthread_join(w->thread, NULL);
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w->spare);
    }
    free(w->buffer);
    free(w);
}

/* Hand the buffer to the writing thread and go on in the spare one (or write it here); a
 * direct write keeps the last partial block, at the start of the buffer. */
static void flush(pn_xml_t *w)
{
    size_t whole = w->direct ? w->used / ALIGN * ALIGN : w->used, tail = w->used - whole;
    if (!whole)
        return;
    if (!w->thread_tried) { /* at the first full buffer: a small document needs none */
        w->thread_tried = 1;
        start_thread(w);
    }
    if (!w->threaded || atomic_load_explicit(&w->failed, memory_order_relaxed)) {
        write_out(w, w->buffer, whole);
        memmove(w->buffer, w->buffer + whole, tail);
        w->used = tail;
        return;
    }
    drain(w);
    char *full = w->buffer;
    size_t full_capacity = w->capacity;
    w->buffer = w->spare;
    w->capacity = w->spare_capacity;
    w->spare = full;
    w->spare_capacity = full_capacity;
    memcpy(w->buffer, full + whole, tail);
    w->used = tail;
    pthread_mutex_lock(&w->lock);
    w->pending = full;
    w->pending_size = whole;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
}

/* Write out everything, the last partial block too: the stream is the caller's again. */
static void finish(pn_xml_t *w)
{
    w->thread_tried = 1; /* what is left is written here */
    flush(w);
    drain(w);
    if (w->direct && w->used) {
        int flags = fcntl(w->fd, F_GETFL);
        if (flags >= 0)
            fcntl(w->fd, F_SETFL, flags & ~O_DIRECT);
    }
    write_out(w, w->buffer, w->used);
    w->used = 0;
}

static char *reserve(pn_xml_t *w, size_t n);

static void put_slow(pn_xml_t *w, const char *bytes, size_t n)
{
    char *room = reserve(w, n);
    if (!room)
        return;
    memcpy(room, bytes, n);
    w->used += n;
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

/* PN_EIO once a write failed, with errno as that write left it (for the caller's message). */
static int status(pn_xml_t *w)
{
    if (!atomic_load_explicit(&w->failed, memory_order_acquire))
        return 0;
    errno = w->error;
    return PN_EIO;
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
    finish(w);
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

/* Room for @p n bytes after what the buffer holds: flushed, or made larger (a piece longer
 * than the buffer); NULL, and the writer failed, when out of memory. */
static char *reserve(pn_xml_t *w, size_t n)
{
    if (w->used + n <= w->capacity)
        return w->buffer + w->used;
    flush(w);
    if (w->used + n > w->capacity) {
        char *larger = new_buffer(w->used + n);
        if (!larger) {
            w->error = ENOMEM;
            atomic_store(&w->failed, 1);
            return NULL;
        }
        memcpy(larger, w->buffer, w->used);
        free(w->buffer);
        w->buffer = larger;
        w->capacity = (w->used + n + ALIGN - 1) / ALIGN * ALIGN;
    }
    return w->buffer + w->used;
}

char *pn_xml__raw_reserve(pn_xml_t *w, size_t n)
{
    return reserve(w, n);
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
