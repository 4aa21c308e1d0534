/*
 * Nodes and agreements as table cells and JSON objects, for show, agreements and path.
 */
#include "records.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Quotes longer than this are shortened in a terminal table (whole in CSV and JSON). */
#define QUOTE_SHOWN 60

const char *record_country(const pn_dataset_t *ds, uint32_t node)
{
    return pn_dataset_country_code(ds, pn_dataset_node(ds, node)->country);
}

static cJSON *string_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

cJSON *record_node_json(const pn_dataset_t *ds, uint32_t node)
{
    const pn_node_t *n = pn_dataset_node(ds, node);
    const char *code = pn_dataset_country(ds, n->country)->code;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "id", cJSON_CreateString(n->id));
    cJSON_AddItemToObject(o, "name", cJSON_CreateString(n->name));
    cJSON_AddItemToObject(o, "country", string_or_null(code[0] ? code : NULL));
    return o;
}

cJSON *record_date_json(pn_date_t date)
{
    char buf[PN_DATE_TEXT_MAX];
    return date == PN_DATE_NONE ? cJSON_CreateNull() : cJSON_CreateString(pn_date_format(buf, date));
}

static cJSON *source_json(const pn_source_t *s)
{
    if (!s->document && !s->quote && !s->url && !s->location)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "document", string_or_null(s->document));
    cJSON_AddItemToObject(o, "line", s->line ? cJSON_CreateNumber(s->line) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "location", string_or_null(s->location));
    cJSON_AddItemToObject(o, "quote", string_or_null(s->quote));
    cJSON_AddItemToObject(o, "url", string_or_null(s->url));
    return o;
}

cJSON *record_agreement_json(const pn_dataset_t *ds, size_t i)
{
    pn_agreement_t a;
    pn_dataset_agreement(&a, ds, i);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "id", string_or_null(a.id));
    cJSON_AddItemToObject(o, "date", record_date_json(a.date));
    cJSON_AddItemToObject(o, "end", record_date_json(a.end));
    cJSON_AddItemToObject(o, "kind", cJSON_CreateString(pn_kind_name(a.kind)));
    cJSON *parties = cJSON_CreateArray();
    cJSON_AddItemToArray(parties, record_node_json(ds, a.a));
    cJSON_AddItemToArray(parties, record_node_json(ds, a.b));
    cJSON_AddItemToObject(o, "parties", parties);
    cJSON *domains = cJSON_CreateArray();
    for (size_t d = 0; d < a.domain_count; d++)
        cJSON_AddItemToArray(domains, cJSON_CreateString(a.domains[d]));
    cJSON_AddItemToObject(o, "domains", domains);
    cJSON_AddItemToObject(o, "source", source_json(&a.source));
    cJSON *sources = cJSON_CreateArray();
    for (size_t s = 0; s < a.source_count; s++)
        cJSON_AddItemToArray(sources, source_json(&a.sources[s]));
    cJSON_AddItemToObject(o, "sources", sources);
    cJSON_AddItemToObject(o, "note", string_or_null(a.note));
    cJSON_AddItemToObject(o, "input_line", a.line ? cJSON_CreateNumber(a.line) : cJSON_CreateNull());
    return o;
}

int record_print_json(cJSON *value)
{
    char *text = value ? cJSON_Print(value) : NULL;
    int rc = EXIT_OK;
    if (!text) {
        cli_error(NULL, "out of memory");
        return EXIT_FAILED;
    }
    if (fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
        cli_error(NULL, "writing the output failed: %s", strerror(errno));
        rc = EXIT_FAILED;
    }
    cJSON_free(text);
    return rc;
}

void record_party_columns(table_t *t, format_t format, const char *prefix)
{
    char name[32];
    table_column(t, prefix, COL_TEXT, -1);
    if (format != FORMAT_TABLE) {
        snprintf(name, sizeof name, "%s_name", prefix);
        table_column(t, name, COL_TEXT, -1);
    }
    snprintf(name, sizeof name, "%s_country", prefix);
    table_column(t, name, COL_TEXT, -1);
}

void record_agreement_columns(table_t *t, format_t format, record_parties_t parties)
{
    int full = format != FORMAT_TABLE;
    table_column(t, "date", COL_TEXT, -1);
    if (full)
        table_column(t, "end", COL_TEXT, -1);
    table_column(t, "kind", COL_TEXT, -1);
    if (parties == RECORD_PARTIES) {
        record_party_columns(t, format, "a");
        record_party_columns(t, format, "b");
    } else if (parties == RECORD_PARTNER) {
        record_party_columns(t, format, "partner");
    }
    if (full)
        table_column(t, "id", COL_TEXT, -1);
    table_column(t, "document", COL_TEXT, -1);
    table_column(t, "line", COL_INT, -1);
    if (full)
        table_column(t, "location", COL_TEXT, -1);
    table_column(t, "quote", COL_TEXT, -1);
    if (full)
        table_column(t, "url", COL_TEXT, -1);
    table_column(t, "sources", COL_TEXT, -1);
    if (full)
        table_column(t, "input_line", COL_INT, -1);
}

/* Every source of an agreement as "document:line", separated by '|' (as the domains of
 * tables are): the first is the one the other columns show. */
static void sources_cell(table_t *t, const pn_agreement_t *a)
{
    size_t length = 1;
    for (size_t s = 0; s < a->source_count; s++)
        length += (a->sources[s].document ? strlen(a->sources[s].document) : 0) + 12;
    char *text = xmalloc(length), *w = text;
    *w = '\0';
    for (size_t s = 0; s < a->source_count; s++) {
        const pn_source_t *source = &a->sources[s];
        if (s)
            *w++ = '|';
        w += sprintf(w, "%s", source->document ? source->document : "");
        if (source->line)
            w += sprintf(w, ":%u", (unsigned)source->line);
    }
    table_text(t, a->source_count ? text : NULL);
    free(text);
}

void record_party_cells(table_t *t, format_t format, const pn_dataset_t *ds, uint32_t node)
{
    table_text(t, pn_dataset_node(ds, node)->id);
    if (format != FORMAT_TABLE)
        table_text(t, pn_dataset_node(ds, node)->name);
    table_text(t, record_country(ds, node));
}

/* A quote as a terminal table shows it: the first QUOTE_SHOWN characters and "...". */
static void short_quote(table_t *t, const char *quote)
{
    char buf[4 * QUOTE_SHOWN + 8];
    size_t bytes = 0, chars = 0;
    while (quote[bytes] && chars < QUOTE_SHOWN) {
        bytes++;
        while ((quote[bytes] & 0xC0) == 0x80)
            bytes++;
        chars++;
    }
    if (!quote[bytes]) {
        table_text(t, quote);
        return;
    }
    snprintf(buf, sizeof buf, "%.*s...", (int)bytes, quote);
    table_text(t, buf);
}

void record_agreement_cells(table_t *t, format_t format, const pn_dataset_t *ds, size_t i,
                            uint32_t from, record_parties_t parties)
{
    pn_agreement_t a;
    char date[PN_DATE_TEXT_MAX];
    int full = format != FORMAT_TABLE;
    pn_dataset_agreement(&a, ds, i);
    table_text(t, a.date ? pn_date_format(date, a.date) : NULL);
    if (full)
        table_text(t, a.end ? pn_date_format(date, a.end) : NULL);
    table_text(t, pn_kind_name(a.kind));
    if (parties == RECORD_PARTIES) {
        record_party_cells(t, format, ds, a.a);
        record_party_cells(t, format, ds, a.b);
    } else if (parties == RECORD_PARTNER) {
        record_party_cells(t, format, ds, a.a == from ? a.b : a.a);
    }
    if (full)
        table_text(t, a.id);
    table_text(t, a.source.document);
    if (a.source.line)
        table_int(t, a.source.line);
    else
        table_null(t);
    if (full)
        table_text(t, a.source.location);
    if (a.source.quote && !full)
        short_quote(t, a.source.quote);
    else
        table_text(t, a.source.quote);
    if (full)
        table_text(t, a.source.url);
    sources_cell(t, &a);
    if (full) {
        if (a.line)
            table_int(t, a.line);
        else
            table_null(t);
    }
}

static _Thread_local const pn_date_t *sort_dates;

static int by_date(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    pn_date_t da = sort_dates[a], db = sort_dates[b];
    if ((da == PN_DATE_NONE) != (db == PN_DATE_NONE))
        return da == PN_DATE_NONE ? 1 : -1;
    if (da != db)
        return pn_date_first_day(da) != pn_date_first_day(db)
                   ? (pn_date_first_day(da) < pn_date_first_day(db) ? -1 : 1)
                   : (da < db ? -1 : 1);
    return a < b ? -1 : a > b;
}

void record_sort_by_date(size_t *agreements, size_t count, const pn_dataset_t *ds)
{
    sort_dates = pn_dataset_dates(ds);
    qsort(agreements, count, sizeof *agreements, by_date);
}

int record_resolve(uint32_t *out, const pn_search_t *search, const char *text, const char *cmd)
{
    int status = pn_search_resolve(out, search, text);
    if (status == 0)
        return EXIT_OK;
    int rc = cli_failure(cmd, status);
    if (status == PN_ENOTFOUND)
        cli_error(cmd, "'partnet search TEXT' lists the nodes a text matches");
    return rc;
}

char *record_join(int argc, char **argv, int first)
{
    size_t size = 1;
    for (int i = first; i < argc; i++)
        size += strlen(argv[i]) + 1;
    char *text = xmalloc(size), *p = text;
    for (int i = first; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (i > first)
            *p++ = ' ';
        memcpy(p, argv[i], n);
        p += n;
    }
    *p = '\0';
    return text;
}
