/*
 * The tables loader: nodes.csv + edges.csv and the optional companion tables beside the edge
 * table (countries, memberships, documents, reported figures, further sources, the dataset's
 * own fields), header-driven. Edges are streamed row by row into the dataset's columns, so a
 * file of ten million agreements is never held as text or as a tree.
 */
#include "load_readers.h"

#include <partnet/load.h>

#include "array.h"
#include "csvrows.h"
#include "sort.h"
#include "error.h"
#include "threads.h"
#include "utf8.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Column names read from each table; the first name of each entry is the documented one. */
enum { N_ID, N_NAME, N_COUNTRY, N_LEVEL, N_FIRST_LEVEL, N_PARENT, N_LAT, N_LON, N_ALIASES,
       N_NOTE, N_COUNT };
static const char *const node_columns[N_COUNT][4] = {
    {"id", NULL},       {"name", NULL},   {"country", NULL},          {"level", NULL},
    {"first_level", NULL}, {"parent", NULL},   {"lat", "latitude", NULL},
    {"lon", "lng", "longitude", NULL}, {"aliases", NULL}, {"note", NULL}};

enum {
    E_SOURCE, E_TARGET, E_DATE, E_END, E_KIND, E_KIND_STATED, E_ID, E_DOMAINS, E_NOTE, E_DOCUMENT, E_LINE,
    E_LOCATION, E_QUOTE, E_URL, E_COUNT
};
static const char *const edge_columns[E_COUNT][4] = {
    {"source", "a", NULL}, {"target", "b", NULL}, {"date", NULL},  {"end", "end_date", NULL},
    {"kind", NULL},        {"kind_stated", NULL},  {"id", NULL},      {"domains", NULL},
    {"note", NULL},        {"source_document", NULL}, {"source_line", NULL}, {"source_location", NULL},
    {"source_quote", NULL}, {"source_url", NULL}};

enum { C_CODE, C_NAME, C_REGIONS, C_REGIONS_YEAR, C_REGIONS_SOURCE, C_NOTE, C_COUNT };
static const char *const country_columns[C_COUNT][4] = {
    {"code", NULL}, {"name", NULL}, {"regions", NULL}, {"regions_year", NULL},
    {"regions_source", NULL}, {"note", NULL}};

enum { M_COUNTRY, M_ORG, M_FROM, M_TO, M_NOTE, M_COUNT };
static const char *const membership_columns[M_COUNT][4] = {
    {"country", NULL}, {"org", NULL}, {"from", NULL}, {"to", NULL}, {"note", NULL}};

enum { D_ID, D_TITLE, D_AUTHOR, D_YEAR, D_URL, D_NOTE, D_COUNT };
static const char *const document_columns[D_COUNT][4] = {
    {"id", NULL}, {"title", NULL}, {"author", NULL}, {"year", NULL}, {"url", NULL},
    {"note", NULL}};

/* A source's columns, in the order of pn_source_t, after their table's own ones. */
enum { S_DOCUMENT, S_LINE, S_LOCATION, S_QUOTE, S_URL, S_COUNT };

enum { R_ID, R_METRIC, R_DESCRIPTION, R_COUNTRIES, R_PARTY, R_KIND, R_VALUE, R_QUALIFIER,
       R_TOTAL, R_AS_OF, R_SINCE, R_NOTE, R_SOURCE, R_COUNT = R_SOURCE + S_COUNT };
static const char *const reported_columns[R_COUNT][4] = {
    {"id", NULL}, {"metric", NULL}, {"description", NULL}, {"countries", NULL},
    {"party", NULL}, {"kind", NULL}, {"value", NULL}, {"qualifier", NULL}, {"total", NULL},
    {"as_of", NULL}, {"since", NULL}, {"note", NULL}, {"source_document", NULL},
    {"source_line", NULL}, {"source_location", NULL}, {"source_quote", NULL},
    {"source_url", NULL}};

enum { SRC_AGREEMENT, SRC_SOURCE, SRC_COUNT = SRC_SOURCE + S_COUNT };
static const char *const source_columns[SRC_COUNT][4] = {
    {"agreement", NULL}, {"document", NULL}, {"line", NULL}, {"location", NULL},
    {"quote", NULL}, {"url", NULL}};

enum { F_FIELD, F_VALUE, F_COUNT };
static const char *const dataset_columns[F_COUNT][4] = {{"field", NULL}, {"value", NULL}};

/* The most columns a table has. */
#define COLUMNS_MAX R_COUNT

/* Edges wait a few rows between looking up where their parties' ids are and reading them, so
 * that the hash table's slots reach the cache meanwhile: at ten million agreements on a
 * million nodes, the lookups are otherwise most of the loading time. */
#define PENDING 16
#define PENDING_ID 48

typedef struct {
    uint32_t line;
    int ok;               /* the row's other cells were valid */
    uint32_t hash[2];
    size_t len[2];
    char id[2][PENDING_ID];
    pn_date_t date, end;
    pn_kind_t kind;
} pending_t;

typedef struct {
    pn_loader_t *l;
    const char *file;
    long column[COLUMNS_MAX];
    size_t width;         /* fields in the header */
    int header_done;
    int fatal;
    const char **parents;   /* nodes: each node's parent id as written, or NULL */
    size_t parent_capacity;
    pending_t pending[PENDING]; /* edges: a ring of rows waiting for their lookups */
    size_t pending_head, pending_count;
    /* memberships.csv: each row's country and membership; sources.csv: each row's agreement
     * and source; grouped once the table is read */
    pn_keyed_t *rows;
    size_t row_count, row_capacity, item_capacity;
    pn_membership_t *memberships;
    pn_source_t *sources;
} table_t;

/* Map the header; @return 0, or PN_EPARSE when a required column is missing. */
static int read_header(table_t *t, const pn_field_t *fields, size_t count, uint32_t line,
                       const char *const (*names)[4], size_t n, const size_t *required,
                       size_t required_count, const char *expected)
{
    t->width = count;
    for (size_t c = 0; c < n; c++)
        t->column[c] = pn_csv__column(fields, count, names[c]);
    for (size_t r = 0; r < required_count; r++) {
        if (t->column[required[r]] >= 0)
            continue;
        int status = pn_load__error(t->l, "%s:%u: the header has no \"%s\" column (expected %s)",
                                    t->file, line, names[required[r]][0], expected);
        return status ? status : PN_EPARSE;
    }
    for (size_t i = 0; i < count; i++) {
        int known = 0;
        for (size_t c = 0; c < n && !known; c++)
            known = t->column[c] == (long)i;
        if (!known) {
            char name[128];
            pn_csv__normalise(&fields[i], name, sizeof name);
            if (pn_load__warning(t->l, "%s:%u: column %zu \"%s\" is not one partnet reads; "
                                 "ignored", t->file, line, i + 1, name) != 0)
                return PN_ENOMEM;
        }
    }
    t->header_done = 1;
    return 0;
}

/* A row must have the header's fields; extra fields are allowed only when empty. */
static int row_width_ok(table_t *t, const pn_field_t *fields, size_t count, uint32_t line)
{
    int ok = count >= t->width;
    for (size_t i = t->width; i < count && ok; i++)
        ok = fields[i].len == 0;
    if (ok)
        return 1;
    if (pn_load__error(t->l, "%s:%u: expected %zu fields as in the header, found %zu", t->file,
                       line, t->width, count) != 0)
        t->fatal = PN_ENOMEM;
    return 0;
}

static int parse_date_cell(table_t *t, const char *text, size_t len, const char *column,
                           uint32_t line, pn_date_t *out)
{
    *out = PN_DATE_NONE;
    if (len == 0)
        return 1;
    if (pn_date_parse(out, text, len) == 0)
        return 1;
    if (pn_load__error(t->l, "%s:%u: column %s: \"%.*s\": %s", t->file, line, column,
                       (int)(len > 40 ? 40 : len), text, pn_error_last()) != 0)
        t->fatal = PN_ENOMEM;
    return 0;
}

/* A document named by a source: any when the tables list no document, else one of
 * documents.csv's. @return 1 when it is known (or empty) */
static int known_document(table_t *t, const char *id, size_t len, const char *column,
                          uint32_t line)
{
    const pn_dataset_t *ds = t->l->ds;
    uint32_t index;
    if (len == 0 || ds->document_count == 0 ||
        pn_strmap__get(&ds->document_index, id, len, &index))
        return 1;
    if (pn_load__error(t->l, "%s:%u: column %s: \"%.60s\" is not a document of %s", t->file,
                       line, column, id, PN_TABLES_DOCUMENTS) != 0)
        t->fatal = PN_ENOMEM;
    return 0;
}

/* The country of a cell holding its ISO code, added to the dataset's when new.
 * @return 1 when it is one */
static int country_cell(table_t *t, const pn_field_t *f, size_t count, size_t column,
                        const char *name, uint32_t line, uint32_t *out)
{
    size_t len;
    const char *code = pn_csv__cell(f, count, t->column[column], &len);
    int status = pn_load__country_code(out, t->l, code);
    if (status == PN_ENOTFOUND)
        status = pn_load__error(t->l, "%s:%u: column %s: expected an ISO 3166-1 alpha-2 code, "
                                "found \"%.40s\"", t->file, line, name, code);
    else if (status == 0)
        return 1;
    t->fatal = status;
    return 0;
}

/* ---- countries.csv -------------------------------------------------------------------- */

static int country_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    table_t *t = ctx;
    pn_loader_t *l = t->l;
    if (!t->header_done) {
        static const size_t required[] = {C_CODE};
        return read_header(t, f, count, line, country_columns, C_COUNT, required, 1,
                           "code[,name,regions,regions_year,regions_source,note]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t len;
    uint32_t index;
    if (!country_cell(t, f, count, C_CODE, "code", line, &index))
        return t->fatal;
    pn_country_t *c = &l->ds->countries[index];
    const char *name = pn_csv__cell(f, count, t->column[C_NAME], &len);
    if (len && !(c->name = pn_arena__strndup(&l->ds->arena, name, len)))
        return pn_error__nomem();
    const char *regions = pn_csv__cell(f, count, t->column[C_REGIONS], &len);
    double v;
    if (len && !pn_load__whole(regions, len, 0, PN_LOAD__REGIONS_MAX, &v))
        return pn_load__error(l, "%s:%u: column regions: expected a whole number, found \"%s\"",
                              t->file, line, regions);
    if (len)
        c->regions = (int)v;
    const char *year = pn_csv__cell(f, count, t->column[C_REGIONS_YEAR], &len);
    if (len && !pn_load__whole(year, len, PN_DATE_MIN_YEAR, PN_DATE_MAX_YEAR, &v))
        return pn_load__error(l, "%s:%u: column regions_year: expected a year, found \"%s\"",
                              t->file, line, year);
    if (len)
        c->regions_year = (int)v;
    const char *source = pn_csv__cell(f, count, t->column[C_REGIONS_SOURCE], &len);
    if (len && !(c->regions_source = pn_arena__strndup(&l->ds->arena, source, len)))
        return pn_error__nomem();
    const char *note = pn_csv__cell(f, count, t->column[C_NOTE], &len);
    if (len && !(c->note = pn_arena__strndup(&l->ds->arena, note, len)))
        return pn_error__nomem();
    return 0;
}


/* ---- the other companions: memberships, documents, reported, sources, dataset ----------- */

/* Keep cell @p column in the arena (NULL when empty). @return 0 or PN_ENOMEM */
static int keep_cell(const char **out, table_t *t, const pn_field_t *f, size_t count,
                     long column)
{
    size_t len;
    const char *text = pn_csv__cell(f, count, column, &len);
    *out = len ? pn_arena__strndup(&t->l->ds->arena, text, len) : NULL;
    return len && !*out ? pn_error__nomem() : 0;
}

/* A whole number in [lo, hi] or an empty cell (*out unchanged). @return 1 when valid */
static int whole_cell(table_t *t, const pn_field_t *f, size_t count, long column, uint32_t line,
                      const char *name, double lo, double hi, const char *expected, long *out)
{
    size_t len;
    const char *text = pn_csv__cell(f, count, column, &len);
    double v;
    if (len == 0)
        return 1;
    if (pn_load__whole(text, len, lo, hi, &v)) {
        *out = (long)v;
        return 1;
    }
    if (pn_load__error(t->l, "%s:%u: column %s: expected %s, found \"%.40s\"", t->file, line,
                       name, expected, text) != 0)
        t->fatal = PN_ENOMEM;
    return 0;
}

/* A required cell. @return 1 when it is there */
static int required_cell(table_t *t, const pn_field_t *f, size_t count, long column,
                         uint32_t line, const char *name, const char *expected)
{
    size_t len;
    pn_csv__cell(f, count, column, &len);
    if (len)
        return 1;
    if (pn_load__error(t->l, "%s:%u: column %s is empty; expected %s", t->file, line, name,
                       expected) != 0)
        t->fatal = PN_ENOMEM;
    return 0;
}

/* A source from the S_COUNT columns from @p first (named @p prefix and document, line, ...).
 * @return 1 when valid */
static int source_cells(table_t *t, const pn_field_t *f, size_t count, size_t first,
                        uint32_t line, const char *prefix, pn_source_t *out)
{
    static const char *const names[S_COUNT] = {"document", "line", "location", "quote", "url"};
    char column[S_COUNT][32];
    size_t len[S_COUNT];
    const char *text[S_COUNT];
    for (size_t c = 0; c < S_COUNT; c++) {
        snprintf(column[c], sizeof column[c], "%s%s", prefix, names[c]);
        text[c] = pn_csv__cell(f, count, t->column[first + c], &len[c]);
    }
    memset(out, 0, sizeof *out);
    long number = 0;
    int ok = whole_cell(t, f, count, t->column[first + S_LINE], line, column[S_LINE], 1,
                        PN_LOAD__LINE_MAX, "a line number", &number);
    if (!len[S_DOCUMENT] && (len[S_LINE] || len[S_LOCATION] || len[S_QUOTE] || len[S_URL])) {
        ok = 0;
        if (pn_load__error(t->l, "%s:%u: column %s is empty, but the row gives other source "
                           "columns", t->file, line, column[S_DOCUMENT]) != 0)
            t->fatal = PN_ENOMEM;
    }
    ok &= known_document(t, text[S_DOCUMENT], len[S_DOCUMENT], column[S_DOCUMENT], line);
    if (!ok)
        return 0;
    const char **fields[] = {&out->document, NULL, &out->location, &out->quote, &out->url};
    for (size_t c = 0; c < S_COUNT; c++)
        if (fields[c] && keep_cell(fields[c], t, f, count, t->column[first + c]) != 0) {
            t->fatal = PN_ENOMEM;
            return 0;
        }
    out->line = (uint32_t)number;
    return 1;
}

/* Keep row @p value of the grouping key @p key (memberships.csv, sources.csv). */
static int keep_row(table_t *t, uint64_t key)
{
    if (pn_array__reserve((void **)&t->rows, &t->row_capacity, t->row_count + 1,
                          sizeof *t->rows) != 0)
        return pn_error__nomem();
    t->rows[t->row_count] = (pn_keyed_t){key, (uint32_t)t->row_count};
    t->row_count++;
    return 0;
}

static int membership_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    table_t *t = ctx;
    pn_loader_t *l = t->l;
    if (!t->header_done) {
        static const size_t required[] = {M_COUNTRY, M_ORG};
        return read_header(t, f, count, line, membership_columns, M_COUNT, required, 2,
                           "country,org[,from,to,note]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    uint32_t country;
    if (!country_cell(t, f, count, M_COUNTRY, "country", line, &country))
        return t->fatal;
    long from = 0, to = 0;
    int ok = required_cell(t, f, count, t->column[M_ORG], line, "org", "an organisation");
    ok &= whole_cell(t, f, count, t->column[M_FROM], line, "from", PN_DATE_MIN_YEAR,
                     PN_DATE_MAX_YEAR, "a year", &from);
    ok &= whole_cell(t, f, count, t->column[M_TO], line, "to", PN_DATE_MIN_YEAR,
                     PN_DATE_MAX_YEAR, "a year", &to);
    if (ok && from && to && to < from) {
        ok = 0;
        if (pn_load__error(l, "%s:%u: column to: left in %ld, before joining in %ld", t->file,
                           line, to, from) != 0)
            return PN_ENOMEM;
    }
    if (!ok || t->fatal)
        return t->fatal;
    if (keep_row(t, country) != 0 ||
        pn_array__reserve((void **)&t->memberships, &t->item_capacity, t->row_count,
                          sizeof *t->memberships) != 0)
        return pn_error__nomem();
    pn_membership_t *m = &t->memberships[t->row_count - 1];
    m->from = (int)from;
    m->to = (int)to;
    if (keep_cell(&m->org, t, f, count, t->column[M_ORG]) != 0 ||
        keep_cell(&m->note, t, f, count, t->column[M_NOTE]) != 0)
        return PN_ENOMEM;
    return 0;
}

/* Writes the rows of one key kept by keep_row(), @p n of them, in the order they were read. */
typedef int give_fn(pn_loader_t *l, table_t *t, uint64_t key, const pn_keyed_t *rows, size_t n);

/* Sort the rows kept by keep_row() by key, stably, and give each key its rows. */
static int each_group(pn_loader_t *l, table_t *t, give_fn *give)
{
    if (pn_sort__keyed(t->rows, t->row_count) != 0)
        return pn_error__nomem();
    int status = 0;
    for (size_t i = 0, next; i < t->row_count && status == 0; i = next) {
        for (next = i + 1; next < t->row_count && t->rows[next].key == t->rows[i].key; next++)
            ;
        status = give(l, t, t->rows[i].key, t->rows + i, next - i);
    }
    return status;
}

/* A country's memberships, in the order of memberships.csv. */
static int give_memberships(pn_loader_t *l, table_t *t, uint64_t country,
                            const pn_keyed_t *rows, size_t n)
{
    pn_membership_t *list = pn_arena__alloc(&l->ds->arena, n * sizeof *list);
    if (!list)
        return pn_error__nomem();
    for (size_t k = 0; k < n; k++)
        list[k] = t->memberships[rows[k].value];
    l->ds->countries[country].memberships = list;
    l->ds->countries[country].membership_count = n;
    return 0;
}

static int document_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    char label[PN_PROBLEMS_ENTITY_MAX]; /* an entity named by a problem */
    table_t *t = ctx;
    pn_dataset_t *ds = t->l->ds;
    if (!t->header_done) {
        static const size_t required[] = {D_ID};
        return read_header(t, f, count, line, document_columns, D_COUNT, required, 1,
                           "id[,title,author,year,url,note]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t len;
    const char *id = pn_csv__cell(f, count, t->column[D_ID], &len);
    if (!required_cell(t, f, count, t->column[D_ID], line, "id", "a document id"))
        return t->fatal;
    uint32_t existing;
    if (pn_strmap__get(&ds->document_index, id, len, &existing))
        return pn_load__error(t->l, "%s:%u: %s: another document has this id", t->file, line,
                              pn_problems__entity(label, "document", id, len));
    long year = 0;
    if (!whole_cell(t, f, count, t->column[D_YEAR], line, "year", PN_DATE_MIN_YEAR,
                    PN_DATE_MAX_YEAR, "a year", &year))
        return t->fatal;
    pn_document_t *d = pn_dataset__push_document(ds, id);
    if (!d)
        return pn_error__nomem();
    d->year = (int)year;
    if (keep_cell(&d->title, t, f, count, t->column[D_TITLE]) != 0 ||
        keep_cell(&d->author, t, f, count, t->column[D_AUTHOR]) != 0 ||
        keep_cell(&d->url, t, f, count, t->column[D_URL]) != 0 ||
        keep_cell(&d->note, t, f, count, t->column[D_NOTE]) != 0)
        return PN_ENOMEM;
    return 0;
}

static int one_of(const char *text, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(text, *names) == 0)
            return 1;
    return 0;
}

/* A reported figure's countries: up to two codes joined with "|". @return 1 when valid */
static int figure_countries(table_t *t, const char *text, size_t len, uint32_t line,
                            uint32_t *out, size_t *count)
{
    *count = 0;
    for (size_t start = 0, end; len && start <= len; start = end + 1) {
        for (end = start; end < len && text[end] != '|'; end++)
            ;
        char code[8];
        snprintf(code, sizeof code, "%.*s", (int)(end - start > 7 ? 7 : end - start),
                 text + start);
        int status = *count < 2 && end - start == 2 ? pn_load__country_code(&out[*count], t->l,
                                                                           code)
                                                    : PN_ENOTFOUND;
        if (status == PN_ENOTFOUND) {
            if (pn_load__error(t->l, "%s:%u: column countries: expected one or two ISO 3166-1 "
                               "alpha-2 codes joined with |, found \"%.40s\"", t->file, line,
                               text) != 0)
                t->fatal = PN_ENOMEM;
            return 0;
        }
        if (status) {
            t->fatal = status;
            return 0;
        }
        (*count)++;
    }
    return 1;
}

static int date_cell(table_t *t, const pn_field_t *f, size_t count, long column,
                     const char *name, uint32_t line, pn_date_t *out)
{
    size_t len;
    const char *text = pn_csv__cell(f, count, column, &len);
    return parse_date_cell(t, text, len, name, line, out);
}

static int reported_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    static const char *const metrics[] = {"agreements", "regions_covered", "partners", NULL};
    static const char *const qualifiers[] = {"exact", "about", "more_than", "at_least",
                                             "at_most", "all", "almost_all", "most", NULL};
    table_t *t = ctx;
    pn_loader_t *l = t->l;
    pn_dataset_t *ds = l->ds;
    if (!t->header_done) {
        static const size_t required[] = {R_ID, R_METRIC};
        return read_header(t, f, count, line, reported_columns, R_COUNT, required, 2,
                           "id,metric[,description,countries,party,kind,value,qualifier,"
                           "total,as_of,since,note,source_document,source_line,"
                           "source_location,source_quote,source_url]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t len[R_COUNT];
    const char *text[R_COUNT];
    for (int c = 0; c < R_COUNT; c++)
        text[c] = pn_csv__cell(f, count, t->column[c], &len[c]);
    size_t errors = pn_load__errors(l);
    required_cell(t, f, count, t->column[R_ID], line, "id", "the figure's id");
    if (len[R_METRIC] && !one_of(text[R_METRIC], metrics) &&
        pn_load__error(l, "%s:%u: column metric: expected agreements, regions_covered or "
                       "partners, found \"%.40s\"", t->file, line, text[R_METRIC]) != 0)
        return PN_ENOMEM;
    required_cell(t, f, count, t->column[R_METRIC], line, "metric",
                  "agreements, regions_covered or partners");
    uint32_t countries[2] = {0, 0};
    size_t country_count = 0;
    figure_countries(t, text[R_COUNTRIES], len[R_COUNTRIES], line, countries, &country_count);
    uint32_t party = PN_NONE;
    if (len[R_PARTY] && pn_dataset__find_node(&party, ds, text[R_PARTY], len[R_PARTY]) != 0 &&
        pn_load__error(l, "%s:%u: column party: no node has the id \"%.60s\"", t->file, line,
                       text[R_PARTY]) != 0)
        return PN_ENOMEM;
    pn_kind_t kind = PN_KIND_OTHER;
    if (len[R_KIND] && pn_kind_parse(&kind, text[R_KIND]) != 0 &&
        pn_load__error(l, "%s:%u: column kind: expected " PN_LOAD__KINDS ", found \"%.40s\"",
                       t->file, line, text[R_KIND]) != 0)
        return PN_ENOMEM;
    double value = 0;
    if (len[R_VALUE] && !pn_load__number(text[R_VALUE], len[R_VALUE], 0, PN_LOAD__FIGURE_MAX,
                                         &value) &&
        pn_load__error(l, "%s:%u: column value: expected a number from 0 to 1e12, found "
                       "\"%.40s\"", t->file, line, text[R_VALUE]) != 0)
        return PN_ENOMEM;
    const char *qualifier = len[R_QUALIFIER] ? text[R_QUALIFIER] : "exact";
    if (!one_of(qualifier, qualifiers) &&
        pn_load__error(l, "%s:%u: column qualifier: expected exact, about, more_than, "
                       "at_least, at_most, all, almost_all or most, found \"%.40s\"", t->file,
                       line, qualifier) != 0)
        return PN_ENOMEM;
    int qualitative = one_of(qualifier, qualifiers + 5);
    if (!len[R_VALUE] && !qualitative &&
        pn_load__error(l, "%s:%u: column value is empty (only qualifiers all, almost_all and "
                       "most go without a value)", t->file, line) != 0)
        return PN_ENOMEM;
    long total = -1;
    whole_cell(t, f, count, t->column[R_TOTAL], line, "total", 0, PN_LOAD__TOTAL_MAX,
               "a whole number", &total);
    pn_date_t as_of, since;
    int ok = date_cell(t, f, count, t->column[R_AS_OF], "as_of", line, &as_of);
    ok &= date_cell(t, f, count, t->column[R_SINCE], "since", line, &since);
    if (ok && since != PN_DATE_NONE &&
        (as_of == PN_DATE_NONE || pn_date_last_day(as_of) < pn_date_first_day(since)) &&
        pn_load__error(l, "%s:%u: column since: a period needs an as_of date that does not "
                       "come before it", t->file, line) != 0)
        return PN_ENOMEM;
    pn_source_t source;
    source_cells(t, f, count, R_SOURCE, line, "source_", &source);
    if (t->fatal || pn_load__errors(l) > errors)
        return t->fatal;
    pn_reported_t *r = pn_dataset__push_reported(ds);
    uint32_t *kept = pn_arena__alloc(&ds->arena, sizeof countries);
    if (!r || !kept)
        return pn_error__nomem();
    memcpy(kept, countries, sizeof countries);
    r->country_count = country_count;
    r->countries = kept;
    r->party = party;
    r->kind = len[R_KIND] ? (int)kind : -1;
    r->has_value = len[R_VALUE] > 0;
    r->value = value;
    r->total = (int)total;
    r->as_of = as_of;
    r->since = since;
    r->source = source;
    if (!(r->qualifier = pn_arena__strdup(&ds->arena, qualifier)) ||
        keep_cell(&r->id, t, f, count, t->column[R_ID]) != 0 ||
        keep_cell(&r->metric, t, f, count, t->column[R_METRIC]) != 0 ||
        keep_cell(&r->description, t, f, count, t->column[R_DESCRIPTION]) != 0 ||
        keep_cell(&r->note, t, f, count, t->column[R_NOTE]) != 0)
        return pn_error__nomem();
    return 0;
}

static int source_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    char label[PN_PROBLEMS_ENTITY_MAX]; /* an entity named by a problem */
    table_t *t = ctx;
    pn_dataset_t *ds = t->l->ds;
    if (!t->header_done) {
        static const size_t required[] = {SRC_AGREEMENT, SRC_SOURCE + S_DOCUMENT};
        return read_header(t, f, count, line, source_columns, SRC_COUNT, required, 2,
                           "agreement,document[,line,location,quote,url]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t len;
    const char *id = pn_csv__cell(f, count, t->column[SRC_AGREEMENT], &len);
    uint32_t agreement;
    if (!pn_strmap__get(&ds->agreement_ids, id, len, &agreement))
        return len ? pn_load__error(t->l, "%s:%u: column agreement: no agreement of %s has the "
                                    "id \"%.60s\"", t->file, line, t->l->agreements_file, id)
                   : pn_load__error(t->l, "%s:%u: column agreement is empty; expected an "
                                    "agreement id", t->file, line);
    uint32_t extra = ds->extra[agreement];
    if (!extra || !ds->extras[extra].source.document)
        return pn_load__error(t->l, "%s:%u: %s has no source_document in %s: its first source "
                              "is there, %s gives the others", t->file, line,
                              pn_problems__entity(label, "agreement", id, strlen(id)),
                              t->l->agreements_file, PN_TABLES_SOURCES);
    if (!required_cell(t, f, count, t->column[SRC_SOURCE + S_DOCUMENT], line, "document",
                       "a document"))
        return t->fatal;
    pn_source_t source;
    if (!source_cells(t, f, count, SRC_SOURCE, line, "", &source))
        return t->fatal;
    if (keep_row(t, agreement) != 0 ||
        pn_array__reserve((void **)&t->sources, &t->item_capacity, t->row_count,
                          sizeof *t->sources) != 0)
        return pn_error__nomem();
    t->sources[t->row_count - 1] = source;
    return 0;
}

/* An agreement's sources: its first (edges.csv), then those of sources.csv. */
static int give_sources(pn_loader_t *l, table_t *t, uint64_t agreement,
                        const pn_keyed_t *rows, size_t n)
{
    pn_dataset_t *ds = l->ds;
    pn_agreement_extra_t *x = &ds->extras[ds->extra[agreement]];
    pn_source_t *list = pn_arena__alloc(&ds->arena, (n + 1) * sizeof *list);
    if (!list)
        return pn_error__nomem();
    list[0] = x->source;
    for (size_t k = 0; k < n; k++)
        list[k + 1] = t->sources[rows[k].value];
    x->sources = list;
    x->source_count = (uint32_t)(n + 1);
    return 0;
}

static int dataset_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    static const char *const fields[] = {"title", "description", "license", "citation", NULL};
    table_t *t = ctx;
    pn_dataset_t *ds = t->l->ds;
    if (!t->header_done) {
        static const size_t required[] = {F_FIELD, F_VALUE};
        return read_header(t, f, count, line, dataset_columns, F_COUNT, required, 2,
                           "field,value");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t len;
    const char *field = pn_csv__cell(f, count, t->column[F_FIELD], &len);
    const char **slots[] = {&ds->title, &ds->description, &ds->license, &ds->citation};
    for (size_t i = 0; fields[i]; i++) {
        if (strcmp(field, fields[i]) != 0)
            continue;
        if (*slots[i])
            return pn_load__error(t->l, "%s:%u: field %s is given twice", t->file, line,
                                  field);
        return keep_cell(slots[i], t, f, count, t->column[F_VALUE]);
    }
    return pn_load__error(t->l, "%s:%u: column field: expected title, description, license or "
                          "citation, found \"%.40s\"", t->file, line, field);
}

/* ---- nodes.csv ------------------------------------------------------------------------- */

static int node_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    char label[PN_PROBLEMS_ENTITY_MAX]; /* an entity named by a problem */
    table_t *t = ctx;
    pn_loader_t *l = t->l;
    pn_dataset_t *ds = l->ds;
    if (!t->header_done) {
        static const size_t required[] = {N_ID};
        return read_header(t, f, count, line, node_columns, N_COUNT, required, 1,
                           "id[,name,country,level,first_level,parent,lat,lon,aliases,note]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t id_len, len;
    const char *id = pn_csv__cell(f, count, t->column[N_ID], &id_len);
    if (id_len == 0)
        return pn_load__error(l, "%s:%u: column id is empty", t->file, line);
    uint32_t existing;
    int found = pn_dataset__find_node(&existing, ds, id, id_len);
    if (found == PN_ENOMEM)
        return found;
    if (found == 0)
        return pn_load__error(l, "%s:%u: %s: another node has this id (line %u)%s", t->file,
                              line, pn_problems__entity(label, "node", id, id_len),
                              ds->nodes[existing].line,
                              strlen(ds->nodes[existing].id) != id_len ||
                                      memcmp(ds->nodes[existing].id, id, id_len)
                                  ? PN_LOAD__OTHER_FORM
                                  : "");

    /* a node with a bad cell is still added, so that the agreements naming it do not
     * report it missing too; the load fails all the same */
    pn_level_t level = PN_LEVEL_CITY;
    const char *level_text = pn_csv__cell(f, count, t->column[N_LEVEL], &len);
    if (len && pn_level_parse(&level, level_text) != 0 &&
        pn_load__error(l, "%s:%u: %s: column level: expected " PN_LOAD__LEVELS ", found \"%s\"",
                       t->file, line, pn_problems__entity(label, "node", id, strlen(id)),
                       level_text) != 0)
        return PN_ENOMEM;
    const char *flag = pn_csv__cell(f, count, t->column[N_FIRST_LEVEL], &len);
    int first_level = len && (strcmp(flag, "true") == 0 || strcmp(flag, "1") == 0);
    if (len && !first_level && strcmp(flag, "false") != 0 && strcmp(flag, "0") != 0 &&
        pn_load__error(l, "%s:%u: %s: column first_level: expected true, false, 1, 0 or nothing, "
                       "found \"%s\"", t->file, line,
                       pn_problems__entity(label, "node", id, strlen(id)), flag) != 0)
        return PN_ENOMEM;
    const char *country_text = pn_csv__cell(f, count, t->column[N_COUNTRY], &len);
    uint32_t country;
    int status = pn_load__country_named(&country, l, t->file, country_text, len, line, 1);
    if (status)
        return status;
    double lat = NAN, lon = NAN;
    size_t lat_len, lon_len;
    const char *lat_text = pn_csv__cell(f, count, t->column[N_LAT], &lat_len);
    const char *lon_text = pn_csv__cell(f, count, t->column[N_LON], &lon_len);
    if ((lat_len || lon_len) &&
        (!pn_load__number(lat_text, lat_len, -PN_LOAD__LATITUDE_MAX, PN_LOAD__LATITUDE_MAX, &lat) ||
         !pn_load__number(lon_text, lon_len, -PN_LOAD__LONGITUDE_MAX, PN_LOAD__LONGITUDE_MAX,
                          &lon))) {
        lat = lon = NAN;
        if (pn_load__error(l, "%s:%u: %s: columns lat, lon: expected degrees from -90 to 90 and "
                           "-180 to 180, found \"%s\", \"%s\"", t->file, line,
                           pn_problems__entity(label, "node", id, strlen(id)), lat_text,
                           lon_text) != 0)
            return PN_ENOMEM;
    }

    pn_node_t *n = pn_dataset__push_node(ds, id, id_len);
    if (!n)
        return pn_error__nomem();
    const char *name = pn_csv__cell(f, count, t->column[N_NAME], &len);
    if (len && !(n->name = pn_arena__strndup(&ds->arena, name, len)))
        return pn_error__nomem();
    n->country = country;
    n->level = level;
    n->first_level = first_level;
    n->lat = lat;
    n->lon = lon;
    n->line = line;
    const char *note = pn_csv__cell(f, count, t->column[N_NOTE], &len);
    if (len && !(n->note = pn_arena__strndup(&ds->arena, note, len)))
        return pn_error__nomem();

    const char *aliases = pn_csv__cell(f, count, t->column[N_ALIASES], &len);
    if (len) {
        /* aliases are separated by "|" */
        size_t k = 1;
        for (size_t i = 0; i < len; i++)
            k += aliases[i] == '|';
        const char **list = pn_arena__alloc(&ds->arena, k * sizeof *list);
        if (!list)
            return pn_error__nomem();
        size_t start = 0, used = 0;
        for (size_t i = 0; i <= len; i++) {
            if (i < len && aliases[i] != '|')
                continue;
            if (i > start && !(list[used++] = pn_arena__strndup(&ds->arena, aliases + start,
                                                                  i - start)))
                return pn_error__nomem();
            start = i + 1;
        }
        n->aliases = list;
        n->alias_count = used;
    }

    const char *parent = pn_csv__cell(f, count, t->column[N_PARENT], &len);
    size_t index = ds->node_count - 1;
    if (pn_array__reserve((void **)&t->parents, &t->parent_capacity, index + 1,
                          sizeof *t->parents) != 0)
        return pn_error__nomem();
    t->parents[index] = len ? pn_arena__strndup(&ds->arena, parent, len) : NULL;
    if (len && !t->parents[index])
        return pn_error__nomem();
    return 0;
}

/* ---- edges.csv ------------------------------------------------------------------------- */

/* A party by id; reports an unknown or empty id. @return 1 when found. */
static int party(table_t *t, const char *id, size_t len, uint32_t hash, int which, uint32_t line,
                 uint32_t *out)
{
    const char *column = which == 0 ? "source" : "target";
    if (pn_strmap__get_hashed(&t->l->ds->node_index, id, len, hash, out))
        return 1;
    int status = len ? pn_load__error(t->l, "%s:%u: column %s: no node has the id \"%.*s\"",
                                      t->file, line, column, (int)(len > 60 ? 60 : len), id)
                     : pn_load__error(t->l, "%s:%u: column %s is empty; expected a node id",
                                      t->file, line, column);
    if (status)
        t->fatal = status;
    return 0;
}

static int has_extras(const table_t *t)
{
    for (int c = E_ID; c < E_COUNT; c++)
        if (t->column[c] >= 0)
            return 1;
    return 0;
}

static int edge_extras(table_t *t, const pn_field_t *f, size_t count, uint32_t line,
                       uint32_t *out)
{
    char label[PN_PROBLEMS_ENTITY_MAX]; /* an entity named by a problem */
    pn_dataset_t *ds = t->l->ds;
    size_t len[E_COUNT];
    const char *text[E_COUNT];
    int any = 0;
    for (int c = E_ID; c < E_COUNT; c++) {
        text[c] = pn_csv__cell(f, count, t->column[c], &len[c]);
        any |= len[c] > 0;
    }
    *out = 0;
    if (!any)
        return 0;
    if (len[E_ID]) {
        uint32_t existing;
        if (pn_strmap__get(&ds->agreement_ids, text[E_ID], len[E_ID], &existing))
            return pn_load__error(t->l, "%s:%u: %s: another agreement has this id (line %u)",
                                  t->file, line,
                                  pn_problems__entity(label, "agreement", text[E_ID], len[E_ID]),
                                  ds->line[existing]);
    }
    double source_line = 0;
    if (len[E_LINE] && !pn_load__whole(text[E_LINE], len[E_LINE], 1, PN_LOAD__LINE_MAX,
                                       &source_line))
        return pn_load__error(t->l, "%s:%u: column source_line: expected a line number, found "
                              "\"%s\"", t->file, line, text[E_LINE]);
    if (!len[E_DOCUMENT] && (len[E_LINE] || len[E_LOCATION] || len[E_QUOTE] || len[E_URL]))
        return pn_load__error(t->l, "%s:%u: column source_document is empty, but the row gives "
                              "other source columns", t->file, line);
    if (!known_document(t, text[E_DOCUMENT], len[E_DOCUMENT], "source_document", line))
        return t->fatal;

    uint32_t extra;
    pn_agreement_extra_t *x = pn_dataset__push_extra(&extra, ds);
    if (!x)
        return pn_error__nomem();
    const char **fields[] = {&x->id, &x->note, &x->source.document, &x->source.location,
                             &x->source.quote, &x->source.url};
    const int columns[] = {E_ID, E_NOTE, E_DOCUMENT, E_LOCATION, E_QUOTE, E_URL};
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        if (len[columns[i]] &&
            !(*fields[i] = pn_arena__strndup(&ds->arena, text[columns[i]], len[columns[i]])))
            return pn_error__nomem();
    x->source.line = (uint32_t)source_line;
    if (x->id && pn_strmap__put(&ds->agreement_ids, x->id, (uint32_t)ds->agreement_count,
                                NULL) < 0)
        return pn_error__nomem();
    if (len[E_DOMAINS]) {
        /* domains are separated by "|"; as many as the row gives */
        size_t n = 1;
        for (size_t i = 0; i < len[E_DOMAINS]; i++)
            n += text[E_DOMAINS][i] == '|';
        char *copy = pn_arena__strndup(&ds->arena, text[E_DOMAINS], len[E_DOMAINS]);
        const char **items = malloc(n * sizeof *items);
        if (!copy || !items) {
            free(items);
            return pn_error__nomem();
        }
        n = 0;
        for (char *p = copy, *save = NULL; (p = strtok_r(p, "|", &save)); p = NULL)
            items[n++] = p;
        int status = pn_dataset__intern_domains(&x->domains, ds, items, n);
        free(items);
        if (status)
            return status;
    }
    *out = extra;
    return 0;
}

/* Look the parties up and add the agreement (or report why not). */
static int finish_edge(table_t *t, const char *const id[2], const size_t len[2],
                       const uint32_t hash[2], uint32_t line, int ok, pn_date_t date,
                       pn_date_t end, pn_kind_t kind, int kind_stated, const pn_field_t *f,
                       size_t count)
{
    pn_loader_t *l = t->l;
    uint32_t node[2];
    ok &= party(t, id[0], len[0], hash[0], 0, line, &node[0]);
    ok &= party(t, id[1], len[1], hash[1], 1, line, &node[1]);
    if (t->fatal)
        return t->fatal;
    if (ok && node[0] == node[1]) {
        ok = 0;
        if (pn_load__error(l, "%s:%u: an agreement of \"%s\" with itself", t->file, line,
                           l->ds->nodes[node[0]].id) != 0)
            return PN_ENOMEM;
    }
    if (!ok)
        return 0;
    uint32_t extra = 0;
    if (f && has_extras(t)) {
        size_t errors = pn_load__errors(l);
        int status = edge_extras(t, f, count, line, &extra);
        if (status || pn_load__errors(l) > errors)
            return status;
    }
    int status = pn_dataset__push_agreement(l->ds, node[0], node[1], date, end, kind, line, extra);
    if (status == 0 && !kind_stated)
        status = pn_dataset__set_kind_stated(l->ds, l->ds->agreement_count - 1, 0);
    return status;
}

static int finish_oldest(table_t *t)
{
    pending_t *p = &t->pending[t->pending_head];
    const char *id[2] = {p->id[0], p->id[1]};
    t->pending_head = (t->pending_head + 1) % PENDING;
    t->pending_count--;
    return finish_edge(t, id, p->len, p->hash, p->line, p->ok, p->date, p->end, p->kind, 1, NULL,
                       0);
}

/* Finish every waiting row, in order. */
static int flush_pending(table_t *t)
{
    int status = 0;
    while (t->pending_count && status == 0)
        status = finish_oldest(t);
    return status;
}

/* Copy the parties' ids (shorter than PENDING_ID), their lengths and hashes to a waiting row. */
static void hold_ids(char (*out)[PENDING_ID], size_t *out_len, uint32_t *out_hash,
                     const char *const id[2], const size_t len[2], const uint32_t hash[2])
{
    for (int w = 0; w < 2; w++) {
        out_hash[w] = hash[w];
        out_len[w] = len[w];
        memcpy(out[w], id[w], len[w]);
        out[w][len[w]] = '\0';
    }
}

static int edge_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    table_t *t = ctx;
    pn_loader_t *l = t->l;
    if (!t->header_done) {
        static const size_t required[] = {E_SOURCE, E_TARGET};
        return read_header(t, f, count, line, edge_columns, E_COUNT, required, 2,
                           "source,target[,date,end,kind,kind_stated,id,domains,note,source_document,"
                           "source_line,source_location,source_quote,source_url]");
    }
    if (!row_width_ok(t, f, count, line))
        return t->fatal;
    size_t len;
    const char *text = pn_csv__cell(f, count, t->column[E_DATE], &len);
    pn_date_t date, end;
    int ok = parse_date_cell(t, text, len, "date", line, &date);
    text = pn_csv__cell(f, count, t->column[E_END], &len);
    ok &= parse_date_cell(t, text, len, "end", line, &end);
    pn_kind_t kind = PN_KIND_OTHER;
    text = pn_csv__cell(f, count, t->column[E_KIND], &len);
    if (len && pn_kind_parse(&kind, text) != 0) {
        ok = 0;
        if (pn_load__error(l, "%s:%u: column kind: expected " PN_LOAD__KINDS ", found \"%.40s\"",
                           t->file, line, text) != 0)
            return PN_ENOMEM;
    }
    /* a kind the source did not state (a pair list's default, written by export) */
    int kind_stated = 1;
    text = pn_csv__cell(f, count, t->column[E_KIND_STATED], &len);
    if (len && !(len == 4 && memcmp(text, "true", 4) == 0)) {
        if (len == 5 && memcmp(text, "false", 5) == 0)
            kind_stated = 0;
        else {
            ok = 0;
            if (pn_load__error(l, "%s:%u: column kind_stated: expected true, false or nothing, "
                               "found \"%.40s\"", t->file, line, text) != 0)
                return PN_ENOMEM;
        }
    }
    if (t->fatal)
        return t->fatal;

    const char *id[2];
    size_t id_len[2];
    uint32_t hash[2];
    id[0] = pn_csv__cell(f, count, t->column[E_SOURCE], &id_len[0]);
    id[1] = pn_csv__cell(f, count, t->column[E_TARGET], &id_len[1]);
    /* ids are looked up in NFC, as nodes.csv's are kept (rare: a decomposed accent) */
    char *nfc[2] = {NULL, NULL};
    for (int w = 0; w < 2; w++) {
        size_t nfc_len = 0;
        if (pn_utf8__nfc(&nfc[w], &nfc_len, id[w], id_len[w]) != 0) {
            free(nfc[0]);
            return pn_error__nomem();
        }
        if (nfc[w]) {
            id[w] = nfc[w];
            id_len[w] = nfc_len;
        }
        hash[w] = pn_strmap__hash(id[w], id_len[w]);
        pn_strmap__prefetch(&l->ds->node_index, hash[w]);
    }
    if (nfc[0] || nfc[1] || has_extras(t) || !kind_stated || id_len[0] >= PENDING_ID ||
        id_len[1] >= PENDING_ID) {
        int status = flush_pending(t);
        if (status == 0)
            status = finish_edge(t, id, id_len, hash, line, ok, date, end, kind, kind_stated, f,
                                 count);
        free(nfc[0]);
        free(nfc[1]);
        return status;
    }
    if (t->pending_count == PENDING) {
        int status = finish_oldest(t);
        if (status)
            return status;
    }
    pending_t *p = &t->pending[(t->pending_head + t->pending_count++) % PENDING];
    p->line = line;
    p->ok = ok;
    p->date = date;
    p->end = end;
    p->kind = kind;
    hold_ids(p->id, p->len, p->hash, id, id_len, hash);
    return 0;
}

static int read_table(pn_loader_t *l, pn_reader_t *in, pn_csv_row_fn *row, table_t *t,
                      int progress)
{
    const char *data;
    size_t len;
    int status = pn_load__sniff(l, in);
    if (status == 0)
        status = pn_reader__peek(&data, &len, in);
    if (status)
        return status;
    char delimiter = l->opts->delimiter ? l->opts->delimiter : pn_csv__guess_delimiter(data, len);
    pn_csv_options_t opts = {delimiter, row, t, l->problems, NULL, NULL, 1};
    if (progress) {
        opts.progress = l->opts->progress;
        opts.progress_data = l->opts->progress_data;
    }
    t->l = l;
    t->file = in->name;
    status = pn_csv__read(in, &opts);
    if (status == 0 && !t->header_done) {
        status = pn_load__error(l, "%s:1: the file is empty; expected a header line", in->name);
        status = status ? status : PN_EPARSE;
    }
    return status;
}

/* ---- edges.csv on two threads ---------------------------------------------------------- */

/* A big edge table is cut at the line feed nearest after its middle and its two halves are
 * read at once, each on a thread of its own, with the node index read-only. Each first counts
 * its line feeds, so that the dataset's columns are made once, with room for a row a line:
 * the first half's rows go from the first agreement, the second's from the first half's count
 * of lines, moved down next to the first's when some lines were no row. The agreements keep
 * the file's order (and the cut does not depend on the number of threads). Only
 * plain rows are read so: the first thing either half would report or hand to libcsv (a quote,
 * a carriage return inside a line, invalid UTF-8, a bad cell, an unknown id, a long line, ...)
 * makes both give up; the dataset is put back as it was and the table is read again on one
 * thread, which reports what it always did, the first problem first. */
uint64_t pn_load__split_min = (uint64_t)32 << 20;
#define SPLIT_CHUNK (1u << 20)
#define SPLIT_LINE_MAX 4096            /* a longer line gives up */
#define SPLIT_FIELDS 16
/* Far more than libcsv's cost of a cell (csvrows.c's CELL_COST): a line within the record
 * limit at this much a byte is within it as text and as cells. */
#define SPLIT_BYTE_COST 64

typedef struct {
    size_t index;
    uint32_t hash[2];
    size_t len[2];
    char id[2][PENDING_ID];
} split_pending_t;

typedef struct {
    uint64_t from, to;    /* bytes of the file: whole lines, each ending with a line feed */
    uint32_t first_line;  /* the line of the half's first byte */
    size_t feeds;         /* its line feeds, counted first */
    size_t first;         /* the agreement its first row is written as */
    size_t count;         /* rows read */
    size_t *unstated;     /* rows of kind_stated false, counted from the half's first */
    size_t unstated_count, unstated_capacity;
    split_pending_t pending[PENDING];
    size_t pending_head, pending_count;
    _Atomic uint64_t bytes_read, rows;
} half_t;

typedef struct {
    const table_t *t;
    pn_dataset_t *ds;     /* its columns are not resized while the halves are read */
    const pn_strmap_t *index;
    int fd;
    char delimiter;
    size_t line_max;
    half_t half[2];
    int read;             /* 0: the workers count the halves' line feeds; 1: they read them */
    atomic_int next;      /* the next half a worker takes */
    atomic_int done;      /* halves finished */
    atomic_int failed;    /* a half gave up: the other stops too */
    /* progress, as pn_csv__read() reports it */
    pn_load_progress_fn *progress;
    void *progress_data;
    uint64_t size;
    double start;
} split_t;

static double split_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Split a plain line (no line feed) into fields as pn_csv__read() does. @return the number
 * of fields, 0 for a line of spaces, or -1 when the line is not plain (pn_csv__split_plain()),
 * has more than SPLIT_FIELDS fields, a NUL or invalid UTF-8; *ascii: all its bytes are ASCII */
static long split_fields(const char *p, size_t len, char delimiter, const char **field,
                         size_t *field_len, int *ascii)
{
    long count = pn_csv__split_plain(p, len, delimiter, field, field_len, SPLIT_FIELDS, ascii);
    if (count > SPLIT_FIELDS || (count > 0 && !*ascii && pn_utf8__invalid(p, len) < len))
        return -1;
    return count;
}

/* Write the parties of agreement @p index of the half. @return 0, or -1 to give up */
static int split_parties(const split_t *s, size_t index, const char *const id[2],
                         const size_t len[2], const uint32_t hash[2])
{
    uint32_t node[2];
    for (int w = 0; w < 2; w++)
        if (!pn_strmap__get_hashed(s->index, id[w], len[w], hash[w], &node[w]))
            return -1;
    if (node[0] == node[1])
        return -1;
    s->ds->a[index] = node[0];
    s->ds->b[index] = node[1];
    return 0;
}

static int split_oldest(const split_t *s, half_t *h)
{
    split_pending_t *p = &h->pending[h->pending_head];
    const char *id[2] = {p->id[0], p->id[1]};
    h->pending_head = (h->pending_head + 1) % PENDING;
    h->pending_count--;
    return split_parties(s, p->index, id, p->len, p->hash);
}

/* An agreement of the half, its parties to come. @return 0, or -1 to give up */
static int split_push(const split_t *s, half_t *h, pn_date_t date, pn_date_t end,
                      pn_kind_t kind, uint32_t line, int unstated, size_t *index)
{
    pn_dataset_t *ds = s->ds;
    if (h->count == h->feeds) /* cannot be: a row ends with a line feed */
        return -1;
    *index = h->first + h->count;
    ds->date[*index] = date;
    ds->end[*index] = end;
    ds->kind[*index] = (uint8_t)kind;
    ds->line[*index] = line;
    ds->extra[*index] = 0;
    if (unstated) {
        if (pn_array__reserve((void **)&h->unstated, &h->unstated_capacity,
                              h->unstated_count + 1, sizeof *h->unstated) != 0)
            return -1;
        h->unstated[h->unstated_count++] = h->count;
    }
    h->count++;
    return 0;
}

/* One line of the half, without its line feed, as edge_row() reads it when it reports
 * nothing. @return 0, or -1 to give up */
static int split_row(const split_t *s, half_t *h, const char *p, size_t len, uint32_t line)
{
    const table_t *t = s->t;
    if (len > s->line_max)
        return -1;
    const char *field[SPLIT_FIELDS];
    size_t field_len[SPLIT_FIELDS];
    int ascii;
    long count = split_fields(p, len, s->delimiter, field, field_len, &ascii);
    if (count <= 0)
        return (int)count; /* a line of spaces is no row */
    if ((size_t)count < t->width)
        return -1;
    for (size_t i = t->width; i < (size_t)count; i++)
        if (field_len[i])
            return -1;
    /* every column of the header is one of these, before the row's end */
    const char *text[E_ID];
    size_t text_len[E_ID];
    for (int c = 0; c < E_ID; c++) {
        text[c] = t->column[c] >= 0 ? field[t->column[c]] : "";
        text_len[c] = t->column[c] >= 0 ? field_len[t->column[c]] : 0;
    }
    pn_date_t date = PN_DATE_NONE, end = PN_DATE_NONE;
    if ((text_len[E_DATE] && pn_date_parse(&date, text[E_DATE], text_len[E_DATE]) != 0) ||
        (text_len[E_END] && pn_date_parse(&end, text[E_END], text_len[E_END]) != 0))
        return -1;
    pn_kind_t kind = PN_KIND_OTHER;
    if (text_len[E_KIND]) {
        char name[32];
        if (text_len[E_KIND] >= sizeof name)
            return -1;
        memcpy(name, text[E_KIND], text_len[E_KIND]);
        name[text_len[E_KIND]] = '\0';
        if (pn_kind_parse(&kind, name) != 0)
            return -1;
    }
    int unstated = 0;
    size_t n = text_len[E_KIND_STATED];
    if (n && !(n == 4 && memcmp(text[E_KIND_STATED], "true", 4) == 0)) {
        if (!(n == 5 && memcmp(text[E_KIND_STATED], "false", 5) == 0))
            return -1;
        unstated = 1;
    }
    const char *id[2] = {text[E_SOURCE], text[E_TARGET]};
    size_t id_len[2] = {text_len[E_SOURCE], text_len[E_TARGET]};
    if (!id_len[0] || !id_len[1])
        return -1;
    size_t index;
    if (split_push(s, h, date, end, kind, line, unstated, &index) != 0)
        return -1;
    /* ids are looked up in NFC, as nodes.csv's are kept */
    char *nfc[2] = {NULL, NULL};
    for (int w = 0; w < 2 && !ascii; w++) {
        size_t nfc_len = 0;
        if (pn_utf8__nfc(&nfc[w], &nfc_len, id[w], id_len[w]) != 0) {
            free(nfc[0]);
            return -1;
        }
        if (nfc[w]) {
            id[w] = nfc[w];
            id_len[w] = nfc_len;
        }
    }
    uint32_t hash[2];
    for (int w = 0; w < 2; w++) {
        hash[w] = pn_strmap__hash(id[w], id_len[w]);
        pn_strmap__prefetch(s->index, hash[w]);
    }
    if (nfc[0] || nfc[1] || id_len[0] >= PENDING_ID || id_len[1] >= PENDING_ID) {
        int status = split_parties(s, index, id, id_len, hash);
        free(nfc[0]);
        free(nfc[1]);
        return status;
    }
    if (h->pending_count == PENDING && split_oldest(s, h) != 0)
        return -1;
    split_pending_t *q = &h->pending[(h->pending_head + h->pending_count++) % PENDING];
    q->index = index;
    hold_ids(q->id, q->len, q->hash, id, id_len, hash);
    return 0;
}

/* Read a half into @p buf (SPLIT_CHUNK bytes). @return 0, or -1 to give up */
static int split_half(split_t *s, half_t *h, char *buf)
{
    uint64_t pos = h->from;
    size_t held = 0;
    uint32_t line = h->first_line;
    while (pos < h->to) {
        if (atomic_load_explicit(&s->failed, memory_order_relaxed))
            return -1;
        size_t want = SPLIT_CHUNK - held;
        if (want > h->to - pos)
            want = (size_t)(h->to - pos);
        ssize_t n = pread(s->fd, buf + held, want, (off_t)pos);
        if (n <= 0)
            return -1;
        pos += (uint64_t)n;
        held += (size_t)n;
        const char *p = buf, *stop = buf + held, *nl;
        uint64_t rows = h->count;
        while ((nl = memchr(p, '\n', (size_t)(stop - p)))) {
            if (split_row(s, h, p, (size_t)(nl - p), line++) != 0)
                return -1;
            p = nl + 1;
        }
        held = (size_t)(stop - p);
        if (held > s->line_max + 1)
            return -1;
        memmove(buf, p, held);
        atomic_store_explicit(&h->bytes_read, pos - h->from - held, memory_order_relaxed);
        atomic_fetch_add_explicit(&h->rows, h->count - rows, memory_order_relaxed);
    }
    while (h->pending_count)
        if (split_oldest(s, h) != 0)
            return -1;
    return held ? -1 : 0;
}

/* Count a half's line feeds into @p buf (SPLIT_CHUNK bytes). @return 0, or -1 to give up */
static int split_feeds(split_t *s, half_t *h, char *buf)
{
    for (uint64_t pos = h->from; pos < h->to;) {
        size_t want = h->to - pos < SPLIT_CHUNK ? (size_t)(h->to - pos) : SPLIT_CHUNK;
        ssize_t n = pread(s->fd, buf, want, (off_t)pos);
        if (n <= 0)
            return -1;
        for (const char *p = buf, *stop = buf + n; (p = memchr(p, '\n', (size_t)(stop - p)));
             p++)
            h->feeds++;
        pos += (uint64_t)n;
    }
    return 0;
}

/* A worker: s->read's step on each half it takes. */
static void split_work(void *arg, int k)
{
    (void)k;
    split_t *s = arg;
    char *buf = malloc(SPLIT_CHUNK);
    for (int which; (which = atomic_fetch_add(&s->next, 1)) < 2;) {
        half_t *h = &s->half[which];
        if (!buf || (s->read ? split_half(s, h, buf) : split_feeds(s, h, buf)) != 0)
            atomic_store(&s->failed, 1);
        atomic_fetch_add(&s->done, 1);
    }
    free(buf);
}

static void split_report(split_t *s, int done)
{
    pn_load_progress_t p = {0, s->size, 0, split_now() - s->start, done};
    for (int k = 0; k < 2; k++) {
        p.bytes_read += atomic_load_explicit(&s->half[k].bytes_read, memory_order_relaxed);
        p.agreements += atomic_load_explicit(&s->half[k].rows, memory_order_relaxed);
    }
    if (done)
        p.bytes_read = s->size;
    s->progress(&p, s->progress_data);
}

/* The progress line while the workers read, about twice a second. */
static void split_watch(void *arg)
{
    split_t *s = arg;
    double last = split_now();
    while (atomic_load(&s->done) < 2) {
        nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
        if (split_now() - last >= 0.5) {
            last = split_now();
            split_report(s, 0);
        }
    }
}

/* The header, when it is a plain first line naming only columns that edge_row() reads
 * without a word (source, target, date, end, kind, kind_stated, each once). @return the byte
 * after it, or 0 */
static uint64_t split_header(table_t *t, const char *data, size_t len, char delimiter)
{
    size_t start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *nl = memchr(data + start, '\n', len - start);
    if (!nl)
        return 0;
    const char *text[SPLIT_FIELDS];
    size_t text_len[SPLIT_FIELDS];
    int ascii;
    long count = split_fields(data + start, (size_t)(nl - data) - start, delimiter, text,
                              text_len, &ascii);
    if (count <= 0 || count > SPLIT_FIELDS)
        return 0;
    pn_field_t fields[SPLIT_FIELDS];
    for (long i = 0; i < count; i++)
        fields[i] = (pn_field_t){text[i], text_len[i]};
    long column[E_COUNT];
    for (int c = 0; c < E_COUNT; c++)
        column[c] = pn_csv__column(fields, (size_t)count, edge_columns[c]);
    if (column[E_SOURCE] < 0 || column[E_TARGET] < 0)
        return 0;
    for (int c = E_ID; c < E_COUNT; c++)
        if (column[c] >= 0)
            return 0;
    for (long i = 0; i < count; i++) {
        int known = 0;
        for (int c = 0; c < E_ID && !known; c++)
            known = column[c] == i;
        if (!known)
            return 0;
    }
    /* as read_header() would take it, with nothing to say */
    t->width = (size_t)count;
    memcpy(t->column, column, sizeof column);
    t->header_done = 1;
    return (uint64_t)(nl - data) + 1;
}

static void split_free(split_t *s)
{
    free(s->half[0].unstated);
    free(s->half[1].unstated);
    free(s);
}

/* Read the edge table @p in on two threads when it is big and plain.
 * @return 1 when it is read, 0 when it must be read the usual way (nothing changed) */
static int split_edges(pn_loader_t *l, pn_reader_t *in, table_t *t)
{
    pn_dataset_t *ds = l->ds;
    const char *data;
    size_t len;
    if (in->is_stdin || !in->file || in->size < pn_load__split_min || in->encoding || in->convert !=
        (iconv_t)-1 || pn_reader__peek(&data, &len, in) != 0 || ds->agreement_count != 0 ||
        ds->kind_unstated)
        return 0;
    char delimiter = l->opts->delimiter ? l->opts->delimiter : pn_csv__guess_delimiter(data, len);
    if (delimiter != ',' && delimiter != ';' && delimiter != '\t')
        return 0;
    int fd = fileno(in->file);
    char last;
    if (pread(fd, &last, 1, (off_t)(in->size - 1)) != 1 || last != '\n')
        return 0;
    t->l = l;
    t->file = in->name;
    uint64_t from = split_header(t, data, len, delimiter);
    if (!from) {
        t->header_done = 0;
        return 0;
    }
    /* the cut: the line feed nearest after the middle */
    uint64_t middle = from + (in->size - from) / 2, cut = 0;
    char look[SPLIT_LINE_MAX + 1];
    ssize_t got = pread(fd, look, sizeof look, (off_t)middle);
    const char *nl = got > 0 ? memchr(look, '\n', (size_t)got) : NULL;
    if (nl)
        cut = middle + (uint64_t)(nl - look) + 1;
    if (!cut || cut >= in->size) {
        t->header_done = 0;
        return 0;
    }
    split_t *s = calloc(1, sizeof *s);
    if (!s) {
        t->header_done = 0;
        return 0;
    }
    size_t max_record = pn_reader__max_record(in);
    s->t = t;
    s->ds = ds;
    s->index = &ds->node_index;
    s->fd = fd;
    s->delimiter = delimiter;
    s->line_max = max_record / SPLIT_BYTE_COST < SPLIT_LINE_MAX ? max_record / SPLIT_BYTE_COST
                                                                 : SPLIT_LINE_MAX;
    s->half[0].from = from;
    s->half[0].to = s->half[1].from = cut;
    s->half[1].to = in->size;
    s->progress = l->opts->progress;
    s->progress_data = l->opts->progress_data;
    s->size = in->size;
    s->start = split_now();
    int threads = pn_threads__count(0, 2);
    pn_threads__run(threads, split_work, NULL, s);
    half_t *h = &s->half[1];
    int ok = !atomic_load(&s->failed) &&
             pn_dataset__reserve_agreements(ds, s->half[0].feeds + h->feeds) == 0;
    if (ok) {
        s->half[0].first_line = 2;
        h->first = s->half[0].feeds;
        h->first_line = 2 + (uint32_t)s->half[0].feeds;
        s->read = 1;
        atomic_store(&s->next, 0);
        atomic_store(&s->done, 0);
        pn_threads__run(threads, split_work, s->progress ? split_watch : NULL, s);
        ok = !atomic_load(&s->failed);
    }
    /* the second half's rows next to the first's (lines of spaces are no row) */
    size_t moved = h->first - s->half[0].count;
    if (ok && moved) {
        void *columns[] = {ds->a, ds->b, ds->date, ds->end, ds->kind, ds->line, ds->extra};
        size_t sizes[] = {sizeof *ds->a,    sizeof *ds->b,    sizeof *ds->date, sizeof *ds->end,
                          sizeof *ds->kind, sizeof *ds->line, sizeof *ds->extra};
        for (size_t c = 0; c < sizeof sizes / sizeof sizes[0]; c++)
            memmove((char *)columns[c] + s->half[0].count * sizes[c],
                    (char *)columns[c] + h->first * sizes[c], h->count * sizes[c]);
    }
    if (ok)
        ds->agreement_count = s->half[0].count + h->count;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; ok && i < s->half[k].unstated_count; i++)
            ok = pn_dataset__set_kind_stated(ds, s->half[k].unstated[i] +
                                             (k ? s->half[0].count : 0), 0) == 0;
    if (ok && s->progress)
        split_report(s, 1);
    if (!ok) {
        ds->agreement_count = 0;
        free(ds->kind_unstated);
        ds->kind_unstated = NULL;
        t->header_done = 0;
    }
    split_free(s);
    return ok;
}

/* edges.csv: on two threads when it is big and plain, else row by row. */
static int read_edges(pn_loader_t *l, pn_reader_t *in, table_t *t)
{
    int status = pn_load__sniff(l, in);
    if (status)
        return status;
    if (split_edges(l, in, t))
        return 0;
    return read_table(l, in, edge_row, t, 1);
}

/* Read @p name in @p folder when it is there (a companion table: none when missing). */
static int read_companion(pn_loader_t *l, const char *folder, const char *name,
                          pn_csv_row_fn *row, table_t *t)
{
    if (!folder)
        return 0;
    size_t dir = strlen(folder);
    char *path = malloc(dir + strlen(name) + 2);
    if (!path)
        return pn_error__nomem();
    sprintf(path, "%s%s%s", folder, dir && folder[dir - 1] != '/' ? "/" : "", name);
    struct stat st;
    int status = 0;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        pn_reader_t in;
        status = pn_load__open(&in, l, path);
        if (status == 0) {
            status = read_table(l, &in, row, t, 0);
            pn_reader__close(&in);
        }
    }
    free(path);
    return status;
}

static int read_side_table(pn_loader_t *l, const char *path, pn_csv_row_fn *row, table_t *t)
{
    pn_reader_t in;
    int status = pn_load__open(&in, l, path);
    if (status)
        return status;
    status = read_table(l, &in, row, t, 0);
    pn_reader__close(&in);
    return status;
}

int pn_load__tables(pn_loader_t *l, pn_reader_t *edges, const char *nodes_path,
                    const char *folder)
{
    table_t meta = {0}, documents = {0}, countries = {0}, memberships = {0}, nodes = {0},
            agreements = {0}, sources = {0}, reported = {0};
    int status = pn_load__files(l, nodes_path, edges->name);
    if (status == 0)
        status = read_companion(l, folder, PN_TABLES_DATASET, dataset_row, &meta);
    if (status == 0)
        status = read_companion(l, folder, PN_TABLES_DOCUMENTS, document_row, &documents);
    if (status == 0)
        status = read_companion(l, folder, PN_TABLES_COUNTRIES, country_row, &countries);
    if (status == 0)
        status = read_companion(l, folder, PN_TABLES_MEMBERSHIPS, membership_row, &memberships);
    if (status == 0)
        status = each_group(l, &memberships, give_memberships);
    if (status == 0)
        status = read_side_table(l, nodes_path, node_row, &nodes);
    if (status == 0 && nodes.parents)
        status = pn_load__resolve_parents(l, nodes.file, nodes.parents, "column parent");
    if (status == 0)
        status = pn_load__country_summary(l, nodes_path);
    if (status == 0)
        status = read_edges(l, edges, &agreements);
    if (status == 0)
        status = flush_pending(&agreements);
    if (status == 0)
        status = read_companion(l, folder, PN_TABLES_SOURCES, source_row, &sources);
    if (status == 0)
        status = each_group(l, &sources, give_sources);
    if (status == 0)
        status = read_companion(l, folder, PN_TABLES_REPORTED, reported_row, &reported);
    free(nodes.parents);
    free(memberships.rows);
    free(memberships.memberships);
    free(sources.rows);
    free(sources.sources);
    return status;
}
