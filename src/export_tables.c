/*
 * The node table, the edge table and the countries registry as CSV (RFC 4180): the two-table
 * shape pandas, R and Neo4j import, and the nodes.csv + edges.csv (+ countries.csv) that
 * partnet itself reads back.
 */
#include <partnet/export.h>

#include "export.h"

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

/* The countries registry: every country with an ISO code, in dataset order. */
static int write_countries(FILE *out, pn_export__t *x)
{
    static const char *const header[] = {"code", "name", "regions", "regions_year",
                                         "regions_source"};
    char number[32];
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        cell(out, x, header[i], i == 0);
    putc('\n', out);
    for (size_t i = 0; i < pn_dataset_country_count(x->ds) && !ferror(out); i++) {
        const pn_country_t *c = pn_dataset_country(x->ds, i);
        if (!c->resolved)
            continue;
        cell(out, x, c->code, 1);
        cell(out, x, c->name, 0);
        snprintf(number, sizeof number, "%d", c->regions);
        cell(out, x, c->regions >= 0 ? number : NULL, 0);
        snprintf(number, sizeof number, "%d", c->regions_year);
        cell(out, x, c->regions_year ? number : NULL, 0);
        cell(out, x, c->regions_source, 0);
        putc('\n', out);
    }
    return 0;
}

int pn_export_countries_csv(const pn_graph_t *graph, const char *path,
                            const pn_export_options_t *opts)
{
    return pn_export__to_file(graph, path, opts, write_countries);
}
