/*
 * The pair-list loader: one agreement per row, each party given by name and country, nodes
 * made on the fly (one per name and resolved country). Columns come from the header
 * (city1,country1,city2,country2 and the like) or from a --columns mapping. Rows that repeat a
 * pair with nothing to tell them apart (the same pair listed from both sides) are merged.
 */
#include "load_readers.h"

#include "csvrows.h"
#include "error.h"
#include "load_qualifier.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    P_A, P_A_COUNTRY, P_B, P_B_COUNTRY, P_DATE, P_END, P_KIND, P_ID, P_A_LAT, P_A_LON, P_B_LAT,
    P_B_LON, P_COUNT
};
/* Mapping keys (--columns), then the header names recognised for each. */
static const char *const keys[P_COUNT] = {"a", "a_country", "b", "b_country", "date", "end",
                                          "kind", "id", "a_lat", "a_lon", "b_lat", "b_lon"};
static const char *const header_names[P_COUNT][10] = {
    {"city1", "name1", "a", "party1", "party_a", "region1", "town1", "city_a", "name_a", NULL},
    {"country1", "a_country", "country_a", "country_1", NULL},
    {"city2", "name2", "b", "party2", "party_b", "region2", "town2", "city_b", "name_b", NULL},
    {"country2", "b_country", "country_b", "country_2", NULL},
    {"date", "signed", "year", "date_signed", NULL},
    {"end", "end_date", NULL},
    {"kind", "type", NULL},
    {"id", NULL},
    {"lat1", "a_lat", NULL},
    {"lon1", "lng1", "a_lon", NULL},
    {"lat2", "b_lat", NULL},
    {"lon2", "lng2", "b_lon", NULL}};

typedef struct {
    pn_loader_t *l;
    const char *file;
    long column[P_COUNT];
    const char *mapping_names[P_COUNT]; /* --columns values that name header columns */
    int header_pending;                 /* the next row is the header */
    size_t width;                       /* fields in the header; 0 without one */
    uint32_t *seen;                     /* agreement index + 1 per slot, 0 empty */
    size_t seen_capacity;
    uint64_t rows, merged, skipped; /* rows: data rows read */
    pn_qualifiers_t *qualifiers;    /* the parties' identities */
} pairs_t;

/* ---- the mapping ----------------------------------------------------------------------- */

static int parse_mapping(pairs_t *p, const char *mapping)
{
    const char *s = mapping;
    while (*s) {
        const char *eq = strchr(s, '=');
        const char *comma = strchr(s, ',');
        if (!comma)
            comma = s + strlen(s);
        if (!eq || eq > comma)
            return pn_error_set(PN_EUSAGE, "--columns: expected key=column pairs such as "
                                 "a=1,a_country=2,b=3,b_country=4, found \"%.*s\"",
                                 (int)(comma - s), s);
        int key = -1;
        for (int k = 0; k < P_COUNT; k++)
            if (strlen(keys[k]) == (size_t)(eq - s) && strncmp(keys[k], s, (size_t)(eq - s)) == 0)
                key = k;
        if (key < 0)
            return pn_error_set(PN_EUSAGE, "--columns: unknown key \"%.*s\" (keys: a, a_country, "
                                 "b, b_country, date, end, kind, id, a_lat, a_lon, b_lat, b_lon)",
                                 (int)(eq - s), s);
        const char *value = eq + 1;
        size_t len = (size_t)(comma - value);
        char *end;
        long n = strtol(value, &end, 10);
        if (len == 0)
            return pn_error_set(PN_EUSAGE, "--columns: key \"%s\" has no column", keys[key]);
        if (end == comma && n >= 1) {
            p->column[key] = n - 1;
        } else {
            char *name = pn_arena__strndup(&p->l->ds->arena, value, len);
            if (!name)
                return pn_error__nomem();
            p->mapping_names[key] = name;
        }
        s = *comma ? comma + 1 : comma;
    }
    if ((p->column[P_A] < 0 && !p->mapping_names[P_A]) ||
        (p->column[P_B] < 0 && !p->mapping_names[P_B]))
        return pn_error_set(PN_EUSAGE, "--columns: keys a and b are required");
    return 0;
}

static int read_header(pairs_t *p, const pn_field_t *f, size_t count, uint32_t line)
{
    int mapped = p->l->opts->columns != NULL;
    p->width = count;
    for (int k = 0; k < P_COUNT; k++) {
        if (mapped && p->mapping_names[k]) {
            pn_field_t want = {p->mapping_names[k], strlen(p->mapping_names[k])};
            char name[128];
            pn_csv__normalise(&want, name, sizeof name);
            const char *names[] = {name, NULL};
            p->column[k] = pn_csv__column(f, count, names);
            if (p->column[k] < 0) {
                int status = pn_load__error(p->l, "%s:%u: --columns %s=%s: the header has no such "
                                            "column", p->file, line, keys[k], p->mapping_names[k]);
                return status ? status : PN_EPARSE;
            }
        } else if (!mapped) {
            p->column[k] = pn_csv__column(f, count, header_names[k]);
        }
    }
    if (p->column[P_A] < 0 || p->column[P_B] < 0) {
        int status = pn_load__error(p->l, "%s:%u: cannot tell which columns hold the two parties: "
                                    "expected a header such as city1,country1,city2,country2, or "
                                    "give --columns a=1,a_country=2,b=3,b_country=4",
                                    p->file, line);
        return status ? status : PN_EPARSE;
    }
    return 0;
}

/* ---- nodes and duplicates ------------------------------------------------------------- */

/* A cell without the spaces around it. */
static const char *field_text(const pn_field_t *f, size_t count, long column, size_t *len)
{
    const char *s = pn_csv__cell(f, count, column, len);
    pn_load__trim(&s, len);
    return s;
}

static int node_of(pairs_t *p, const pn_field_t *f, size_t count, int side, uint32_t line,
                   uint32_t *out)
{
    pn_loader_t *l = p->l;
    pn_dataset_t *ds = l->ds;
    int name_key = side ? P_B : P_A, country_key = side ? P_B_COUNTRY : P_A_COUNTRY;
    size_t len, country_len;
    const char *name = field_text(f, count, p->column[name_key], &len);
    if (len == 0) {
        *out = PN_NONE;
        return pn_load__error(l, "%s:%u: column %ld (%s): the party's name is empty", p->file,
                              line, p->column[name_key] + 1, keys[name_key]);
    }
    const char *country_text = field_text(f, count, p->column[country_key], &country_len);
    uint32_t country;
    int status = pn_load__country_named(&country, l, p->file, country_text, country_len, line, 0);
    if (status)
        return status;
    status = pn_qualifier__node(p->qualifiers, l, name, len, country_text, country_len, country,
                                line, out);
    if (status)
        return status;

    pn_node_t *n = &ds->nodes[*out];
    size_t lat_len, lon_len;
    const char *lat = field_text(f, count, p->column[side ? P_B_LAT : P_A_LAT], &lat_len);
    const char *lon = field_text(f, count, p->column[side ? P_B_LON : P_A_LON], &lon_len);
    if (isnan(n->lat) && lat_len && lon_len) {
        double y, x;
        if (pn_load__number(lat, lat_len, -PN_LOAD__LATITUDE_MAX, PN_LOAD__LATITUDE_MAX, &y) &&
            pn_load__number(lon, lon_len, -PN_LOAD__LONGITUDE_MAX, PN_LOAD__LONGITUDE_MAX, &x)) {
            n->lat = y;
            n->lon = x;
        } else if (pn_load__warning(l, "%s:%u: coordinates \"%.*s\", \"%.*s\" of \"%s\" are not "
                                    "degrees; ignored", p->file, line, (int)lat_len, lat,
                                    (int)lon_len, lon, n->name) != 0) {
            return PN_ENOMEM;
        }
    }
    return 0;
}

static uint64_t agreement_hash(const pn_dataset_t *ds, size_t i)
{
    uint32_t a = ds->a[i], b = ds->b[i];
    if (a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    uint64_t h = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15ull;
    h ^= ((uint64_t)(uint32_t)ds->date[i] << 32 | (uint32_t)ds->end[i]) * 0xC2B2AE3D27D4EB4Full;
    h ^= ds->kind[i] * 0x165667B19E3779F9ull;
    return h ^ (h >> 29);
}

static int same_agreement(const pn_dataset_t *ds, size_t i, size_t j)
{
    int pair = (ds->a[i] == ds->a[j] && ds->b[i] == ds->b[j]) ||
               (ds->a[i] == ds->b[j] && ds->b[i] == ds->a[j]);
    return pair && ds->date[i] == ds->date[j] && ds->end[i] == ds->end[j] &&
           ds->kind[i] == ds->kind[j];
}

/* Is the last agreement a repeat of an earlier one? If not, remember it. @return 1, 0 or -1. */
static int repeats(pairs_t *p)
{
    const pn_dataset_t *ds = p->l->ds;
    size_t last = ds->agreement_count - 1;
    if ((last + 1) * 2 > p->seen_capacity) {
        size_t capacity = p->seen_capacity ? p->seen_capacity * 2 : 1024;
        uint32_t *seen = calloc(capacity, sizeof *seen);
        if (!seen)
            return -1;
        for (size_t i = 0; i < p->seen_capacity; i++) {
            if (!p->seen[i])
                continue;
            size_t k = agreement_hash(ds, p->seen[i] - 1) & (capacity - 1);
            while (seen[k])
                k = (k + 1) & (capacity - 1);
            seen[k] = p->seen[i];
        }
        free(p->seen);
        p->seen = seen;
        p->seen_capacity = capacity;
    }
    size_t mask = p->seen_capacity - 1;
    size_t k = agreement_hash(ds, last) & mask;
    for (; p->seen[k]; k = (k + 1) & mask)
        if (same_agreement(ds, p->seen[k] - 1, last))
            return 1;
    p->seen[k] = (uint32_t)last + 1;
    return 0;
}

/* ---- rows ------------------------------------------------------------------------------ */

static int pair_row(void *ctx, const pn_field_t *f, size_t count, uint32_t line)
{
    pairs_t *p = ctx;
    pn_loader_t *l = p->l;
    pn_dataset_t *ds = l->ds;
    if (p->header_pending) {
        p->header_pending = 0;
        return read_header(p, f, count, line);
    }
    p->rows++;
    /* a row shorter than the header lost a cell, and the cells after it moved: refuse it
     * rather than read a party with no country */
    if (count < p->width)
        return pn_load__error(l, "%s:%u: expected %zu fields as in the header, found %zu",
                              p->file, line, p->width, count);
    long needed = -1;
    for (int k = 0; k < P_COUNT; k++)
        needed = p->column[k] > needed ? p->column[k] : needed;
    if ((size_t)needed >= count)
        return pn_load__error(l, "%s:%u: expected at least %ld fields (--columns), found %zu",
                              p->file, line, needed + 1, count);
    size_t errors = pn_load__errors(l);
    uint32_t a, b;
    int status = node_of(p, f, count, 0, line, &a);
    if (status == 0)
        status = node_of(p, f, count, 1, line, &b);
    if (status || pn_load__errors(l) > errors)
        return status;
    if (a == b) {
        p->skipped++;
        return pn_load__warning(l, "%s:%u: both parties are \"%s\" in %s: a town twinned with a "
                                "namesake in its own country cannot be told apart; row skipped",
                                p->file, line, ds->nodes[a].name,
                                ds->countries[ds->nodes[a].country].code[0]
                                    ? ds->countries[ds->nodes[a].country].code
                                    : "no country");
    }
    pn_date_t date = PN_DATE_NONE, end = PN_DATE_NONE;
    int which[2] = {P_DATE, P_END};
    pn_date_t *dates[2] = {&date, &end};
    for (int d = 0; d < 2; d++) {
        size_t len;
        const char *text = field_text(f, count, p->column[which[d]], &len);
        if (len && pn_date_parse(dates[d], text, len) != 0)
            return pn_load__error(l, "%s:%u: column %ld (%s): \"%.*s\": %s", p->file, line,
                                  p->column[which[d]] + 1, keys[which[d]], (int)len, text,
                                  pn_error_last());
    }
    pn_kind_t kind = PN_KIND_TWINNING;
    size_t len;
    const char *text = field_text(f, count, p->column[P_KIND], &len);
    int kind_stated = len > 0; /* without it, twinning is only a default */
    if (len) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)len, text);
        if (pn_kind_parse(&kind, name) != 0)
            return pn_load__error(l, "%s:%u: column %ld (kind): expected " PN_LOAD__KINDS
                                  ", found \"%s\"", p->file, line, p->column[P_KIND] + 1, name);
    }
    uint32_t extra = 0;
    text = field_text(f, count, p->column[P_ID], &len);
    if (len) {
        pn_agreement_extra_t *x = pn_dataset__push_extra(&extra, ds);
        if (!x || !(x->id = pn_arena__strndup(&ds->arena, text, len)))
            return pn_error__nomem();
    }
    status = pn_dataset__push_agreement(ds, a, b, date, end, kind, line, extra);
    if (status == 0 && !kind_stated)
        status = pn_dataset__set_kind_stated(ds, ds->agreement_count - 1, 0);
    if (status)
        return status;
    /* with ids, rows can be told apart: only id-less repeats are merged */
    if (extra == 0) {
        int r = repeats(p);
        if (r < 0)
            return pn_error__nomem();
        if (r) {
            ds->agreement_count--;
            p->merged++;
        }
    }
    return 0;
}

int pn_load__pairs(pn_loader_t *l, pn_reader_t *in)
{
    pairs_t p = {0};
    p.l = l;
    p.file = in->name;
    for (int k = 0; k < P_COUNT; k++)
        p.column[k] = -1;
    p.header_pending = !l->opts->no_header;
    int status = pn_load__files(l, in->name, in->name);
    if (status == 0)
        status = pn_qualifier__new(&p.qualifiers);
    if (status == 0 && l->opts->columns)
        status = parse_mapping(&p, l->opts->columns);
    if (status != 0)
        goto done;
    if (l->opts->no_header && !l->opts->columns) {
        status = pn_error_set(PN_EUSAGE, "--no-header needs --columns to say which column holds "
                             "what, e.g. --columns a=1,a_country=2,b=3,b_country=4");
        goto done;
    }
    for (int k = 0; k < P_COUNT && l->opts->no_header; k++)
        if (p.mapping_names[k]) {
            status = pn_error_set(PN_EUSAGE, "--columns %s=%s: without a header, columns are "
                                  "given by number", keys[k], p.mapping_names[k]);
            goto done;
        }

    const char *data;
    size_t len;
    if ((status = pn_load__sniff(l, in)) != 0 ||
        (status = pn_reader__peek(&data, &len, in)) != 0)
        goto done;
    char delimiter = l->opts->delimiter ? l->opts->delimiter : pn_csv__guess_delimiter(data, len);
    pn_csv_options_t opts = {delimiter, pair_row, &p, l->problems, l->opts->progress,
                             l->opts->progress_data, !l->opts->no_header};
    status = pn_csv__read(in, &opts);
    if (status == 0 && (p.header_pending || (l->opts->no_header && p.rows == 0))) {
        status = pn_load__error(l, "%s:1: the file is empty; expected %s", p.file,
                                p.header_pending ? "a header line" : "rows of pairs");
        status = status ? status : PN_EPARSE;
    }
    if (status == 0)
        status = pn_load__country_summary(l, p.file);
    if (status == 0 && pn_load__errors(l) == 0)
        status = pn_qualifier__finish(p.qualifiers, l, p.file);
    if (status == 0 && p.merged)
        status = pn_load__warning(l, "%s: %llu row%s repeat%s a pair already listed (from the "
                                  "other side, or twice) with nothing to tell them apart; each "
                                  "such pair is kept once", p.file, (unsigned long long)p.merged,
                                  p.merged == 1 ? "" : "s", p.merged == 1 ? "s" : "");
done:
    free(p.seen);
    pn_qualifier__free(p.qualifiers);
    return status;
}
