/*
 * The node table, the edge table and the rest of the dataset as CSV (RFC 4180): the two-table
 * shape pandas, R and Neo4j import, and the nodes.csv + edges.csv with their companions
 * (countries, memberships, documents, reported figures, further sources, the dataset's own
 * fields) that partnet reads back as the dataset native JSON holds.
 */
#include <partnet/export.h>
#include <partnet/load.h>

#include "dataset.h"
#include "error.h"
#include "export.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* A field after its comma (none before the first), quoted as RFC 4180 asks. */
static void cell(FILE *out, const pn_export__t *x, const char *text, int first)
{
    if (!first)
        putc(',', out);
    pn_text_write_csv_cell(out, text,
                           x->opts->spreadsheet_safe ? PN_TEXT_CSV_SPREADSHEET_SAFE : 0);
}

static int write_nodes(FILE *out, pn_export__t *x)
{
    size_t fields = pn_export__node_columns(x);
    cell(out, x, "id", 1);
    for (size_t f = 0; f < fields; f++)
        cell(out, x, pn_export__node_field(x, f).table_name, 0);
    putc('\n', out);
    for (igraph_integer_t v = 0; v < pn_graph_vertex_count(x->graph) && !ferror(out); v++) {
        cell(out, x, pn_graph_vertex_id(x->graph, v), 1);
        for (size_t f = 0; f < fields; f++) {
            const char *value;
            int status = pn_export__node_value(&value, x, v, f);
            if (status != 0)
                return status;
            cell(out, x, value, 0);
        }
        putc('\n', out);
    }
    return 0;
}

static int write_edges(FILE *out, pn_export__t *x)
{
    cell(out, x, "source", 1);
    cell(out, x, "target", 0);
    for (size_t f = 0; f < x->edge_field_count; f++)
        if (x->edge_fields[f].table_name)
            cell(out, x, x->edge_fields[f].table_name, 0);
    putc('\n', out);
    for (size_t k = 0; k < x->edge_count && !ferror(out); k++) {
        igraph_integer_t from, to;
        pn_export__edge_ends(x, k, &from, &to);
        cell(out, x, pn_graph_vertex_id(x->graph, from), 1);
        cell(out, x, pn_graph_vertex_id(x->graph, to), 0);
        for (size_t f = 0; f < x->edge_field_count; f++) {
            const char *value;
            if (!x->edge_fields[f].table_name)
                continue;
            int status = pn_export__edge_value(&value, x, k, f);
            if (status != 0)
                return status;
            cell(out, x, value, 0);
        }
        putc('\n', out);
    }
    return 0;
}

int pn_export_nodes_csv(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts)
{
    return pn_export__to_file(graph, path, opts, write_nodes);
}

int pn_export_edges_csv(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts)
{
    return pn_export__to_file(graph, path, opts, write_edges);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void header(FILE *out, const pn_export__t *x, const char *const *names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        cell(out, x, names[i], i == 0);
    putc('\n', out);
}

/* A whole number's cell, or an empty one when @p known is 0. */
static void number_cell(FILE *out, const pn_export__t *x, long long value, int known)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", value);
    cell(out, x, known ? text : NULL, 0);
}

static void date_cell(FILE *out, const pn_export__t *x, pn_date_t date)
{
    char text[PN_DATE_TEXT_MAX];
    cell(out, x, date == PN_DATE_NONE ? NULL : pn_date_format(text, date), 0);
}

/* document, line, location, quote, url: the source columns of edges.csv and reported.csv. */
static void source_cells(FILE *out, const pn_export__t *x, const pn_source_t *s)
{
    cell(out, x, s->document, 0);
    number_cell(out, x, s->line, s->line != 0);
    cell(out, x, s->location, 0);
    cell(out, x, s->quote, 0);
    cell(out, x, s->url, 0);
}

/* The countries registry: every country with an ISO code, in dataset order. */
static int write_countries(FILE *out, pn_export__t *x)
{
    static const char *const names[] = {"code", "name", "regions", "regions_year",
                                        "regions_source", "note"};
    header(out, x, names, COUNT(names));
    for (size_t i = 0; i < pn_dataset_country_count(x->ds) && !ferror(out); i++) {
        const pn_country_t *c = pn_dataset_country(x->ds, i);
        if (!c->resolved)
            continue;
        cell(out, x, c->code, 1);
        cell(out, x, c->name, 0);
        number_cell(out, x, c->regions, c->regions >= 0);
        number_cell(out, x, c->regions_year, c->regions_year != 0);
        cell(out, x, c->regions_source, 0);
        cell(out, x, c->note, 0);
        putc('\n', out);
    }
    return 0;
}

int pn_export_countries_csv(const pn_graph_t *graph, const char *path,
                            const pn_export_options_t *opts)
{
    return pn_export__dataset_file(graph, path, opts, write_countries);
}

/* Each country's memberships, in dataset order. */
static int write_memberships(FILE *out, pn_export__t *x)
{
    static const char *const names[] = {"country", "org", "from", "to", "note"};
    header(out, x, names, COUNT(names));
    for (size_t i = 0; i < pn_dataset_country_count(x->ds) && !ferror(out); i++) {
        const pn_country_t *c = pn_dataset_country(x->ds, i);
        for (size_t k = 0; c->resolved && k < c->membership_count; k++) {
            const pn_membership_t *m = &c->memberships[k];
            cell(out, x, c->code, 1);
            cell(out, x, m->org, 0);
            number_cell(out, x, m->from, m->from != 0);
            number_cell(out, x, m->to, m->to != 0);
            cell(out, x, m->note, 0);
            putc('\n', out);
        }
    }
    return 0;
}

static int write_documents(FILE *out, pn_export__t *x)
{
    static const char *const names[] = {"id", "title", "author", "year", "url", "note"};
    header(out, x, names, COUNT(names));
    for (size_t i = 0; i < pn_dataset_document_count(x->ds) && !ferror(out); i++) {
        const pn_document_t *d = pn_dataset_document(x->ds, i);
        cell(out, x, d->id, 1);
        cell(out, x, d->title, 0);
        cell(out, x, d->author, 0);
        number_cell(out, x, d->year, d->year != 0);
        cell(out, x, d->url, 0);
        cell(out, x, d->note, 0);
        putc('\n', out);
    }
    return 0;
}

/* The reported figures, but those about a node the view leaves out (nodes.csv lacks it). */
static int write_reported(FILE *out, pn_export__t *x)
{
    static const char *const names[] = {
        "id", "metric", "description", "countries", "party", "kind", "value", "qualifier",
        "total", "as_of", "since", "source_document", "source_line", "source_location",
        "source_quote", "source_url", "note"};
    header(out, x, names, COUNT(names));
    for (size_t i = 0; i < pn_dataset_reported_count(x->ds) && !ferror(out); i++) {
        const pn_reported_t *r = pn_dataset_reported(x->ds, i);
        if (r->party != PN_NONE && pn_graph_node_vertex(x->graph, r->party) < 0)
            continue;
        char codes[8] = "";
        for (size_t k = 0; k < r->country_count && k < 2; k++)
            snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s%.2s",
                     k ? "|" : "", pn_dataset_country(x->ds, r->countries[k])->code);
        cell(out, x, r->id, 1);
        cell(out, x, r->metric, 0);
        cell(out, x, r->description, 0);
        cell(out, x, r->country_count ? codes : NULL, 0);
        cell(out, x, r->party == PN_NONE ? NULL : pn_dataset_node(x->ds, r->party)->id, 0);
        cell(out, x, r->kind >= 0 ? pn_kind_name((pn_kind_t)r->kind) : NULL, 0);
        cell(out, x, r->has_value ? pn_text_format_real(x->number, r->value) : NULL, 0);
        cell(out, x, r->qualifier, 0);
        number_cell(out, x, r->total, r->total >= 0);
        date_cell(out, x, r->as_of);
        date_cell(out, x, r->since);
        source_cells(out, x, &r->source);
        cell(out, x, r->note, 0);
        putc('\n', out);
    }
    return 0;
}

static int compare_index(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The sources after the first (edges.csv's source_* columns) of every agreement of the view
 * that has several, in dataset order. Few agreements have several: they are found by a pass
 * over the view and sorted alone. */
static int write_sources(FILE *out, pn_export__t *x)
{
    static const char *const names[] = {"agreement", "document", "line", "location", "quote",
                                        "url"};
    const pn_dataset_t *ds = x->ds;
    uint32_t *several = NULL;
    size_t count = 0, capacity = 0;
    int status = 0;
    header(out, x, names, COUNT(names));
    for (igraph_integer_t e = 0; e < pn_graph_edge_count(x->graph); e++) {
        const uint32_t *agreements;
        size_t n = pn_graph_edge_agreements(&agreements, x->graph, e);
        for (size_t i = 0; i < n; i++) {
            uint32_t extra = ds->extra[agreements[i]];
            if (!extra || ds->extras[extra].source_count < 2)
                continue;
            if (count == capacity) {
                capacity = capacity ? 2 * capacity : 64;
                uint32_t *grown = realloc(several, capacity * sizeof *grown);
                if (!grown) {
                    status = pn_error__nomem();
                    goto done;
                }
                several = grown;
            }
            several[count++] = agreements[i];
        }
    }
    if (count > 1) /* qsort takes no null array, even of none */
        qsort(several, count, sizeof *several, compare_index);
    for (size_t k = 0; k < count && !ferror(out); k++) {
        pn_agreement_t a;
        char id[PN_EXPORT__ID_MAX];
        pn_dataset_agreement(&a, ds, several[k]);
        for (size_t s = 1; s < a.source_count; s++) {
            cell(out, x, a.id ? a.id : pn_export__agreement_id(id, ds, several[k]), 1);
            source_cells(out, x, &a.sources[s]);
            putc('\n', out);
        }
    }
done:
    free(several);
    return status;
}

/* The dataset's own fields, one row each: field,value. */
static int write_dataset(FILE *out, pn_export__t *x)
{
    static const char *const names[] = {"field", "value"};
    const char *const fields[][2] = {{"title", pn_dataset_title(x->ds)},
                                     {"description", pn_dataset_description(x->ds)},
                                     {"license", pn_dataset_license(x->ds)},
                                     {"citation", pn_dataset_citation(x->ds)}};
    header(out, x, names, COUNT(names));
    for (size_t i = 0; i < COUNT(fields); i++) {
        if (!fields[i][1])
            continue;
        cell(out, x, fields[i][0], 1);
        cell(out, x, fields[i][1], 0);
        putc('\n', out);
    }
    return 0;
}

int pn_export_companions(const pn_graph_t *graph, const char *folder,
                         const pn_export_options_t *opts)
{
    static const struct {
        const char *name;
        pn_export__write_fn *write;
    } files[] = {{PN_TABLES_COUNTRIES, write_countries}, {PN_TABLES_MEMBERSHIPS, write_memberships},
                 {PN_TABLES_DOCUMENTS, write_documents}, {PN_TABLES_REPORTED, write_reported},
                 {PN_TABLES_SOURCES, write_sources},     {PN_TABLES_DATASET, write_dataset}};
    assert(graph);
    if (pn_graph_is_by_country(graph) || (opts && opts->simple))
        return pn_error_set(PN_EUSAGE, "the companion tables go with an edge table of "
                                       "agreements, not of pairs (--by-country, --simple)");
    size_t dir = folder ? strlen(folder) : 0;
    int status = 0;
    for (size_t f = 0; f < COUNT(files) && status == 0; f++) {
        char *path = malloc(dir + strlen(files[f].name) + 2);
        if (!path)
            return pn_error__nomem();
        if (dir)
            sprintf(path, "%s%s%s", folder, folder[dir - 1] == '/' ? "" : "/", files[f].name);
        else
            strcpy(path, files[f].name);
        status = pn_export__dataset_file(graph, path, opts, files[f].write);
        free(path);
    }
    return status;
}
