/*
 * Vertices in tables: who they are (id, name, country, level) and in which order, the same in
 * every listing.
 */
#include "results.h"

#include "figures.h"
#include "records.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>


void result_vertex_columns(table_t *t, int with_rank)
{
    if (with_rank)
        table_column(t, "rank", COL_INT, -1);
    table_column(t, "id", COL_TEXT, -1);
    table_column(t, "name", COL_TEXT, -1);
    table_column(t, "country", COL_TEXT, -1);
    table_column(t, "level", COL_TEXT, -1);
}

void result_vertex_cells(table_t *t, long rank, const pn_graph_t *g, igraph_integer_t v)
{
    const pn_dataset_t *ds = pn_graph_dataset(g);
    if (rank > 0)
        table_int(t, rank);
    table_text(t, pn_graph_vertex_id(g, v));
    uint32_t node = pn_graph_vertex_node(g, v);
    /* a node's own name; a country's (its code when it has none) */
    table_text(t, node != PN_NONE ? pn_dataset_node(ds, node)->name : pn_graph_vertex_name(g, v));
    table_text(t, pn_dataset_country_code(ds, pn_graph_vertex_country(g, v)));
    table_text(t, pn_level_name(pn_graph_vertex_level(g, v)));
}

void result_value_column(table_t *t, const char *name, pn_measure_t measure)
{
    table_column(t, name, pn_measure_is_integer(measure) ? COL_INT : COL_REAL,
                 measure_digits(measure));
}

void result_value_cell(table_t *t, pn_measure_t measure, double value)
{
    if (pn_measure_is_integer(measure))
        table_int(t, (long long)value);
    else
        table_real_digits(t, value, measure_digits(measure));
}

void result_sort(igraph_integer_t *vertices, size_t count, const pn_graph_t *g,
                 const double *value)
{
    if (pn_graph_sort_vertices(vertices, count, g, value) != 0)
        out_of_memory();
}

igraph_integer_t *result_ranked(const pn_graph_t *g, const double *value)
{
    igraph_integer_t n = pn_graph_vertex_count(g);
    igraph_integer_t *list = xmalloc((size_t)n * sizeof *list);
    for (igraph_integer_t v = 0; v < n; v++)
        list[v] = v;
    result_sort(list, (size_t)n, g, value);
    return list;
}

long *result_ranks(const pn_graph_t *g, const double *value)
{
    igraph_integer_t n = pn_graph_vertex_count(g);
    igraph_integer_t *order = result_ranked(g, value);
    long *rank = xmalloc((size_t)n * sizeof *rank);
    for (igraph_integer_t i = 0; i < n; i++)
        rank[order[i]] = (long)i + 1;
    free(order);
    return rank;
}

int result_above(double a, double b)
{
    return a - b > 1e-9 * fmax(fabs(a), fabs(b));
}

long *result_competition_ranks(const pn_graph_t *g, const double *value)
{
    igraph_integer_t n = pn_graph_vertex_count(g);
    igraph_integer_t *order = result_ranked(g, value);
    long *rank = xmalloc((size_t)(n ? n : 1) * sizeof *rank);
    /* in decreasing order, the vertices above order[i] are a prefix: its length by bisection */
    for (igraph_integer_t i = 0; i < n; i++) {
        double mine = value[order[i]];
        igraph_integer_t lo = 0, hi = i;
        while (lo < hi) {
            igraph_integer_t mid = lo + (hi - lo) / 2;
            if (result_above(value[order[mid]], mine))
                lo = mid + 1;
            else
                hi = mid;
        }
        rank[order[i]] = (long)lo + 1;
    }
    free(order);
    return rank;
}

cJSON *result_vertex_json(const pn_graph_t *g, igraph_integer_t v)
{
    const pn_dataset_t *ds = pn_graph_dataset(g);
    uint32_t node = pn_graph_vertex_node(g, v);
    if (node != PN_NONE)
        return record_node_json(ds, node);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "id", cJSON_CreateString(pn_graph_vertex_id(g, v)));
    cJSON_AddItemToObject(o, "name", cJSON_CreateString(pn_graph_vertex_name(g, v)));
    cJSON_AddItemToObject(o, "country", cJSON_CreateString(pn_graph_vertex_id(g, v)));
    return o;
}

cJSON *result_country_mix_json(const pn_graph_t *g, const igraph_integer_t *vertices,
                               size_t count)
{
    size_t countries = pn_dataset_country_count(pn_graph_dataset(g));
    pn_country_tally_t *tally = xmalloc((countries ? countries : 1) * sizeof *tally);
    size_t kinds = pn_graph_tally_countries(tally, g, vertices, count);
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < kinds && list; k++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "country", cJSON_CreateString(tally[k].code));
        cJSON_AddItemToObject(o, "nodes", cJSON_CreateNumber((double)tally[k].vertices));
        cJSON_AddItemToArray(list, o);
    }
    free(tally);
    return list;
}

void result_country_mix(char *out, size_t cap, const pn_graph_t *g,
                        const igraph_integer_t *vertices, size_t count)
{
    size_t countries = pn_dataset_country_count(pn_graph_dataset(g));
    pn_country_tally_t *tally = xmalloc(countries * sizeof *tally);
    size_t kinds = pn_graph_tally_countries(tally, g, vertices, count), used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < kinds && used + 1 < cap; k++) {
        int n = snprintf(out + used, cap - used, "%s%s %zu", k ? ", " : "", tally[k].code,
                         tally[k].vertices);
        used += n > 0 ? (size_t)n : 0;
    }
    free(tally);
}

void result_sample_note(const char *cmd, igraph_integer_t sample, igraph_integer_t vertices,
                        unsigned long seed, const char *hint)
{
    if (sample > 0 && sample < vertices)
        cli_error(cmd, "betweenness estimated from %ld random sources of %ld, seed %lu%s",
                  (long)sample, (long)vertices, seed, hint ? hint : "");
}
