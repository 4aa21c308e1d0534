/*
 * CSV rows with their line numbers, read with libcsv (RFC 4180: quoted fields may hold
 * delimiters, quotes and line breaks; CRLF and LF both end rows; a UTF-8 byte-order mark is
 * skipped; blank lines are skipped). Private to the library.
 */
#ifndef PN_SRC_CSV_H
#define PN_SRC_CSV_H

#include <partnet/load.h>

#include "input.h"

typedef struct {
    const char *data; /* NUL-terminated */
    size_t len;
} pn_field_t;

/** Called for each row, the header included. A non-zero return stops reading and is returned
 *  by pn_csv__read(). Fields are valid until the callback returns. */
typedef int pn_csv_row_fn(void *ctx, const pn_field_t *fields, size_t count, uint32_t line);

typedef struct {
    char delimiter;
    pn_csv_row_fn *row;
    void *ctx;
    pn_problems_t *problems;
    /* progress: called about twice a second when set; agreements counts rows after the first */
    pn_load_progress_fn *progress;
    void *progress_data;
    int header; /* the first row is a header: at most PN_READER_PEEK_SIZE bytes */
} pn_csv_options_t;

/**
 * Read every row of @p in. A row with invalid UTF-8 or a NUL byte is reported (file, line,
 * column) and not passed on; reading goes on, so that every such row is listed. A row longer
 * than the reader's record limit (a header longer than PN_READER_PEEK_SIZE) is an error found
 * before more than that is held, and stops reading.
 * @return 0; PN_EPARSE for malformed CSV (reported; reading stops); PN_EIO; PN_ENOMEM; or what
 *         the row callback returned.
 */
int pn_csv__read(pn_reader_t *in, const pn_csv_options_t *opts);

/**
 * Split a plain line, without its line feed, into fields as libcsv splits it: between
 * delimiters, each trimmed of spaces at either end; a carriage return at the line's end is
 * dropped. The first @p max fields' starts and lengths go to @p field and @p field_len (not
 * NUL-terminated); *clean says whether the line has neither a NUL byte nor a byte past ASCII.
 * @return the number of fields (more than @p max when the line has more), 0 for a line of
 *         spaces or none, or -1 when the line is not plain (a quote, a carriage return but at its
 *         end) or the delimiter is one libcsv reads otherwise (a space, a quote, CR, NUL)
 */
long pn_csv__split_plain(const char *line, size_t len, char delimiter, const char **field,
                         size_t *field_len, size_t max, int *clean);

/** When 0, pn_csv__read() gives every line to libcsv, pn_csv__split_plain() none: for tests
 *  that compare the two. 1 by default. */
extern int pn_csv__plain;

/**
 * The column of a header whose name is one of @p names (NULL-terminated list, lower case),
 * compared without case and with spaces and hyphens read as underscores.
 * @return the 0-based column, or -1
 */
long pn_csv__column(const pn_field_t *header, size_t count, const char *const *names);

/** Field @p column of a row of @p count fields, its length in *len; "" when the row has no
 *  such column (a negative column, or one past the row's end). */
const char *pn_csv__cell(const pn_field_t *fields, size_t count, long column, size_t *len);

/** The delimiter of the file whose first bytes are @p data: ',' when its first line has a
 *  comma outside double quotes, else a tab when it has one, else ';' when it has one, else
 *  ','. The first line ends at a line break outside quotes. */
char pn_csv__guess_delimiter(const char *data, size_t len);

/** The header name normalised as pn_csv__column() compares it, in @p out (cap bytes). */
void pn_csv__normalise(const pn_field_t *field, char *out, size_t cap);

#endif
