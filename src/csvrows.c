/*
 * CSV rows over libcsv. libcsv does not count lines, so input is fed to it one line at a time:
 * a row's line is the first non-blank line fed after the previous row ended.
 */
#include "csvrows.h"

#include "array.h"
#include "error.h"
#include "problems.h"
#include "strpool.h"
#include "utf8.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK (1u << 20)
/* A long line goes to libcsv in pieces of at most this much, so that a row past the record
 * limit is refused before it holds more than the limit and a piece's cells (2 MiB). */
#define FEED_MAX (1u << 16)
/* libcsv grows its field buffer by a fixed block, 128 bytes unless told otherwise: a 100 MB
 * field took 800,000 reallocations, each a copy where realloc cannot grow in place (under
 * AddressSanitizer it never finished). The block is kept at least as large as the buffer,
 * so that the buffer doubles. */
#define FIELD_BLOCK_MIN (1u << 16)

typedef struct {
    const pn_csv_options_t *opts;
    const char *name;
    char *row;            /* the current row's fields, each NUL-terminated */
    size_t row_len, row_cap;
    struct span {
        size_t offset, len;
    } *spans;             /* the fields of the current row */
    size_t count, cap;
    uint32_t line;        /* line being fed */
    uint32_t row_line;    /* first line of the current row */
    int in_row;
    int status;           /* first failure: stop */
    uint64_t rows;
    const char *not_utf8; /* the reader's guess at the encoding, said once */
    int hinted;
    size_t max_record;
} reader_t;

/* What a cell costs beside its text while its row is read: its span, then its field. An
 * endless row of empty cells held 33 bytes a byte of input: its cells are refused past the
 * limit too, so that a row holds at most twice the limit. */
#define CELL_COST (sizeof(struct span) + sizeof(pn_field_t))

/* Does the current row, @p text bytes and @p cells cells so far, pass the record limit (the
 * header's when it is the first row of a table with a header)? If not, report it and stop. */
static int too_long(reader_t *r, size_t text, size_t cells)
{
    int header = r->opts->header && r->rows == 0;
    size_t limit = header && r->max_record > PN_READER_PEEK_SIZE ? PN_READER_PEEK_SIZE
                                                                 : r->max_record;
    /* the cells against the record limit, the header's text against its own */
    if (text <= limit && cells <= r->max_record / CELL_COST)
        return 0;
    int status;
    if (text > limit)
        status = pn_problems__add(r->opts->problems, PN_SEVERITY_ERROR, header
                                  ? "%s:%u: a header line longer than %zu bytes: expected the "
                                    "names of the columns"
                                  : "%s:%u: a row longer than %zu bytes, the limit on one "
                                    "record: is this a CSV file? (--max-record raises the "
                                    "limit)", r->name, r->row_line, limit);
    else
        status = pn_problems__add(r->opts->problems, PN_SEVERITY_ERROR,
                                  "%s:%u: a %s of %zu cells or more, over the limit on one "
                                  "record (%zu bytes, at %zu bytes a cell): is this a CSV file? "
                                  "(--max-record raises the limit)", r->name, r->row_line,
                                  header ? "header line" : "row", cells, r->max_record,
                                  (size_t)CELL_COST);
    r->status = status ? status : PN_EPARSE;
    return 1;
}

static void on_field(void *s, size_t len, void *data)
{
    reader_t *r = data;
    if (r->status)
        return;
    if (pn_array__reserve((void **)&r->spans, &r->cap, r->count + 1, sizeof *r->spans) != 0) {
        r->status = pn_error__nomem();
        return;
    }
    if (pn_array__reserve((void **)&r->row, &r->row_cap, r->row_len + len + 1, 1) != 0) {
        r->status = pn_error__nomem();
        return;
    }
    if (len)
        memcpy(r->row + r->row_len, s, len);
    r->row[r->row_len + len] = '\0';
    r->spans[r->count].offset = r->row_len;
    r->spans[r->count].len = len;
    r->count++;
    r->row_len += len + 1;
}

typedef struct {
    char name[128];
    size_t column;
} header_name_t;

static int compare_names(const void *a, const void *b)
{
    const header_name_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->column > y->column) - (x->column < y->column);
}

/* A header names each column once: two columns of one name would leave one of them unread
 * (or read the wrong one). Names compare as pn_csv__column() compares them; empty ones are
 * columns without a name. @return 0, PN_EPARSE (reported) or PN_ENOMEM. */
static int names_once(reader_t *r, const pn_field_t *fields, size_t count)
{
    header_name_t *names = malloc(count * sizeof *names);
    if (!names)
        return pn_error__nomem();
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        pn_csv__normalise(&fields[i], names[n].name, sizeof names[n].name);
        names[n].column = i + 1;
        n += names[n].name[0] != '\0';
    }
    qsort(names, n, sizeof *names, compare_names);
    int status = 0;
    for (size_t i = 1; i < n && !status; i++) {
        if (strcmp(names[i - 1].name, names[i].name) != 0)
            continue;
        status = pn_problems__add(r->opts->problems, PN_SEVERITY_ERROR, "%s:%u: columns %zu "
                                  "and %zu are both \"%s\": a header names each column once",
                                  r->name, r->row_line, names[i - 1].column, names[i].column,
                                  names[i].name);
        status = status ? status : PN_EPARSE;
    }
    free(names);
    return status;
}

static void on_row(int terminator, void *data)
{
    (void)terminator;
    reader_t *r = data;
    r->in_row = 0;
    size_t count = r->count, held = r->row_len;
    r->count = 0;
    r->row_len = 0;
    if (r->status || count == 0 || too_long(r, held, count))
        return;

    pn_field_t fields_small[16];
    pn_field_t *fields = count <= 16 ? fields_small : malloc(count * sizeof *fields);
    if (!fields) {
        r->status = pn_error__nomem();
        return;
    }
    int valid = 1;
    for (size_t i = 0; i < count; i++) {
        fields[i].data = r->row + r->spans[i].offset;
        fields[i].len = r->spans[i].len;
        size_t bad = pn_utf8__invalid(fields[i].data, fields[i].len);
        if (bad < fields[i].len && valid) {
            valid = 0;
            int nul = fields[i].data[bad] == '\0';
            const char *hint = "";
            if (!nul && !r->hinted) {
                hint = r->not_utf8 ? r->not_utf8
                                   : pn_utf8__guess_encoding(fields[i].data, fields[i].len);
                r->hinted = 1;
            }
            if (pn_problems__add(r->opts->problems, PN_SEVERITY_ERROR,
                                 "%s:%u: column %zu: %s at byte %zu of the field%s%s", r->name,
                                 r->row_line, i + 1, nul ? "NUL byte" : "invalid UTF-8", bad + 1,
                                 *hint ? ": " : "", hint) != 0)
                r->status = PN_ENOMEM;
        }
    }
    if (valid && !r->status && r->opts->header && r->rows == 0)
        r->status = names_once(r, fields, count);
    if (valid && !r->status)
        r->status = r->opts->row(r->opts->ctx, fields, count, r->row_line);
    if (fields != fields_small)
        free(fields);
    r->rows++;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report_progress(const reader_t *r, const pn_reader_t *in, double start, int done)
{
    pn_load_progress_t p = {in->consumed, in->size, r->rows > 0 ? r->rows - 1 : 0,
                            now() - start, done};
    r->opts->progress(&p, r->opts->progress_data);
}

int pn_csv__plain = 1;

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* The first of eight bytes (in memory order) that is @p d or at most '"' (a quote, a CR, a
 * NUL, a space), 8 if none. A byte after the first such may be flagged wrongly (a borrow), so
 * the caller reads the byte found before it acts on it. */
static size_t first_of_note(uint64_t w, unsigned char d)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    uint64_t x = w ^ (ONES * d);
    uint64_t flag = (((x - ONES) & ~x) | ((w - ONES * '#') & ~w)) & HIGHS;
    return flag ? (size_t)__builtin_ctzll(flag) / 8 : 8;
}

long pn_csv__split_plain(const char *line, size_t len, char delimiter, const char **field,
                         size_t *field_len, size_t max, int *clean)
{
    unsigned char d = (unsigned char)delimiter, nul = 0;
    uint64_t high = 0;
    if (d == ' ' || d == '"' || d == '\r' || d == '\0')
        return -1;
    if (len && line[len - 1] == '\r')
        len--;
    size_t first = 0;
    while (first < len && line[first] == ' ')
        first++;
    long count = 0;
    /* one pass, eight bytes at a time up to the next delimiter or byte of note (most bytes of
     * a name or a date are neither) */
    for (size_t start = first, i = first;;) {
        for (size_t k = 8; k == 8 && i + 8 <= len; i += k) {
            uint64_t w;
            memcpy(&w, line + i, 8);
            high |= w;
            k = first_of_note(w, d);
        }
        if (i < len && (unsigned char)line[i] != d) {
            unsigned char c = (unsigned char)line[i++];
            if (c == '"' || c == '\r')
                return -1;
            nul |= c == '\0';
            high |= c;
            continue;
        }
        size_t s = start, e = i;
        while (s < e && line[s] == ' ')
            s++;
        while (e > s && line[e - 1] == ' ')
            e--;
        if ((size_t)count < max) {
            field[count] = line + s;
            field_len[count] = e - s;
        }
        count++;
        if (i >= len)
            break;
        start = ++i;
    }
    *clean = !(high & HIGHS) && !nul;
    return first == len ? 0 : count;
}

/* The most fields of a line split_plain_line() takes; libcsv reads a wider one. */
#define PLAIN_FIELDS 64

/* libcsv reads a byte at a time through two function pointers, most of the loading time of a
 * big table. A whole line (ending with its line feed) that starts a row and is plain (see
 * pn_csv__split_plain()) is split here, as libcsv splits it.
 * @return 1 when the line was read, 0 when libcsv must read it */
static int split_plain_line(reader_t *r, const struct csv_parser *parser, const char *line,
                            size_t len, char delimiter)
{
    const char *field[PLAIN_FIELDS];
    size_t field_len[PLAIN_FIELDS];
    int clean;
    if (!pn_csv__plain || parser->pstate != 0 || parser->entry_pos != 0)
        return 0;
    long count = pn_csv__split_plain(line, len - 1, delimiter, field, field_len, PLAIN_FIELDS,
                                     &clean);
    if (count < 0 || count > PLAIN_FIELDS)
        return 0;
    for (long i = 0; i < count; i++)
        on_field((void *)(uintptr_t)field[i], field_len[i], r);
    if (count)
        on_row('\n', r);
    return 1;
}

/* A line libcsv makes no row of: line ends, and spaces (which it skips before a row starts
 * unless they are the delimiter). */
static int is_blank(const char *s, size_t len, char delimiter)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != '\r' && s[i] != '\n' && (s[i] != ' ' || delimiter == ' '))
            return 0;
    return 1;
}

static int space_is_trimmed(unsigned char c)
{
    return c == ' ';
}

int pn_csv__read(pn_reader_t *in, const pn_csv_options_t *opts)
{
    struct csv_parser parser;
    reader_t r = {0};
    char *buf = NULL;
    int status = 0;
    r.opts = opts;
    r.name = in->name;
    r.line = 1;
    r.not_utf8 = in->not_utf8;
    r.max_record = pn_reader__max_record(in);
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return pn_error__nomem();
    csv_set_delim(&parser, (unsigned char)opts->delimiter);
    csv_set_space_func(&parser, space_is_trimmed);
    buf = malloc(CHUNK);
    if (!buf) {
        status = pn_error__nomem();
        goto done;
    }

    double start = now(), last_report = start;
    int first = 1, line_open = 0; /* the fed part of the current line was not all blank */
    for (;;) {
        int error;
        size_t n = pn_reader__read(in, buf, CHUNK, &error);
        if (error) {
            status = error;
            if (error == PN_EPARSE) { /* bytes not in the encoding named */
                int added = pn_problems__add(opts->problems, PN_SEVERITY_ERROR, "%s",
                                             pn_error_last());
                status = added ? added : PN_EPARSE;
            }
            goto done;
        }
        if (n == 0)
            break;
        size_t pos = 0;
        if (first && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
            pos = 3;
        first = 0;
        while (pos < n) {
            char *nl = memchr(buf + pos, '\n', n - pos);
            size_t end = nl ? (size_t)(nl - buf) + 1 : n;
            if (end - pos > FEED_MAX) { /* the limit is checked after each piece */
                end = pos + FEED_MAX;
                nl = NULL;
            }
            if (!r.in_row && !line_open && !is_blank(buf + pos, end - pos, opts->delimiter)) {
                r.in_row = 1;
                r.row_line = r.line;
            }
            line_open = line_open || !is_blank(buf + pos, end - pos, opts->delimiter);
            size_t field_buffer = csv_get_buffer_size(&parser);
            csv_set_blk_size(&parser, field_buffer > FIELD_BLOCK_MIN ? field_buffer
                                                                     : FIELD_BLOCK_MIN);
            if (nl && split_plain_line(&r, &parser, buf + pos, end - pos, opts->delimiter)) {
                /* read */
            } else if (csv_parse(&parser, buf + pos, end - pos, on_field, on_row, &r) !=
                       end - pos) {
                if (!r.status) {
                    status = pn_problems__add(opts->problems, PN_SEVERITY_ERROR,
                                              "%s:%u: malformed CSV: a quote inside an unquoted "
                                              "field, or text after a closing quote",
                                              in->name, r.line);
                    r.status = status ? status : PN_EPARSE;
                }
            }
            if (r.status) {
                status = r.status;
                goto done;
            }
            /* an endless line is refused before it holds much more than the limit */
            if (r.in_row && too_long(&r, r.row_len + parser.entry_pos, r.count)) {
                status = r.status;
                goto done;
            }
            if (nl) {
                r.line++;
                line_open = 0;
            }
            pos = end;
        }
        if (opts->progress && now() - last_report >= 0.5) {
            last_report = now();
            report_progress(&r, in, start, 0);
        }
    }
    if (csv_fini(&parser, on_field, on_row, &r) != 0 && !r.status) {
        r.status = pn_problems__add(opts->problems, PN_SEVERITY_ERROR,
                                    "%s:%u: unterminated quoted field: the quote opened in the "
                                    "row starting on this line is never closed",
                                    in->name, r.row_line);
        if (!r.status)
            r.status = PN_EPARSE;
    }
    status = r.status;
    if (opts->progress)
        report_progress(&r, in, start, 1);
done:
    csv_free(&parser);
    free(buf);
    free(r.row);
    free(r.spans);
    return status;
}

const char *pn_csv__cell(const pn_field_t *fields, size_t count, long column, size_t *len)
{
    if (column < 0 || (size_t)column >= count) {
        *len = 0;
        return "";
    }
    *len = fields[column].len;
    return fields[column].data;
}

char pn_csv__guess_delimiter(const char *data, size_t len)
{
    int seen[3] = {0, 0, 0}, quoted = 0;
    static const char candidates[] = {',', '\t', ';'};
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '"')
            quoted = !quoted; /* a doubled quote inside quotes toggles twice */
        else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
            break;
        else if (!quoted)
            for (size_t c = 0; c < sizeof candidates; c++)
                seen[c] |= data[i] == candidates[c];
    }
    for (size_t c = 0; c < sizeof candidates; c++)
        if (seen[c])
            return candidates[c];
    return ',';
}

void pn_csv__normalise(const pn_field_t *field, char *out, size_t cap)
{
    size_t start = 0, end = field->len, n = 0;
    while (start < end && (field->data[start] == ' ' || field->data[start] == '\t'))
        start++;
    while (end > start && (field->data[end - 1] == ' ' || field->data[end - 1] == '\t'))
        end--;
    for (size_t i = start; i < end && n + 1 < cap; i++) {
        char c = field->data[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c == ' ' || c == '-')
            c = '_';
        out[n++] = c;
    }
    out[n] = '\0';
}

long pn_csv__column(const pn_field_t *header, size_t count, const char *const *names)
{
    char name[128];
    for (size_t i = 0; i < count; i++) {
        pn_csv__normalise(&header[i], name, sizeof name);
        for (const char *const *n = names; *n; n++)
            if (strcmp(name, *n) == 0)
                return (long)i;
    }
    return -1;
}
