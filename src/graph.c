/*
 * A view of the dataset as a simple undirected igraph graph (see partnet/graph.h).
 *
 * The agreements in the view are sorted by their pair of vertices (radix sort, stable, so each
 * pair's agreements stay in dataset order); each run of equal pairs becomes one edge whose
 * weight is the run's length. edge_start[e]..edge_start[e+1] indexes the run in `agreements`.
 */
#include <partnet/graph.h>

#include "dataset.h"
#include "error.h"
#include "sort.h"
#include "view.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct pn_graph {
    const pn_dataset_t *ds;
    igraph_t graph;
    igraph_vector_t weights;
    uint32_t *unit_of;      /* vertex -> dataset node (or country, by_country) */
    igraph_integer_t *vertex_of; /* dataset node (or country) -> vertex, or -1 */
    size_t *domestic;       /* by_country: agreements within each vertex's country */
    int by_country;
    uint32_t *agreements;   /* the view's agreements, grouped by edge */
    size_t agreement_count;
    size_t *edge_start;     /* edge_count + 1 offsets into agreements */
    int has_graph, has_weights;
};

int pn_graph_new(pn_graph_t **out, const pn_view_t *view)
{
    assert(out && view);
    const pn_dataset_t *ds = view->ds;
    int by_country = view->opts.by_country;
    pn_graph_t *g = calloc(1, sizeof *g);
    pn_keyed_t *pairs = NULL;
    igraph_vector_int_t edges;
    int has_edges = 0, status = 0;
    if (!g)
        return pn_error__nomem();
    g->ds = ds;
    g->by_country = by_country;

    /* what vertices stand for: the view's nodes, or the countries they are in */
    size_t units = by_country ? ds->country_count : ds->node_count;
    g->vertex_of = malloc((units ? units : 1) * sizeof *g->vertex_of);
    pairs = malloc((view->agreement_count ? view->agreement_count : 1) * sizeof *pairs);
    if (by_country)
        g->domestic = calloc(units ? units : 1, sizeof *g->domestic);
    if (!g->vertex_of || !pairs || (by_country && !g->domestic))
        goto nomem;
    for (size_t u = 0; u < units; u++)
        g->vertex_of[u] = by_country ? -1 : 0;
    igraph_integer_t vertices = 0;
    for (size_t i = 0; i < ds->node_count; i++) {
        if (!by_country)
            g->vertex_of[i] = view->node[i] ? vertices++ : -1;
        else if (view->node[i] && ds->countries[ds->nodes[i].country].code[0])
            g->vertex_of[ds->nodes[i].country] = 0;
    }
    for (size_t c = 0; by_country && c < units; c++)
        if (g->vertex_of[c] == 0)
            g->vertex_of[c] = vertices++;
    g->unit_of = malloc((vertices ? (size_t)vertices : 1) * sizeof *g->unit_of);
    if (!g->unit_of)
        goto nomem;
    for (size_t u = 0; u < units; u++)
        if (g->vertex_of[u] >= 0)
            g->unit_of[g->vertex_of[u]] = (uint32_t)u;

    size_t count = 0;
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (!view->agreement[i])
            continue;
        uint64_t a = ds->a[i], b = ds->b[i];
        if (by_country) {
            a = ds->nodes[a].country;
            b = ds->nodes[b].country;
            /* nodes that name no country are in no country's vertex */
            if (!ds->countries[a].code[0] || !ds->countries[b].code[0])
                continue;
            if (a == b) {
                g->domestic[a]++;
                continue;
            }
        }
        a = (uint64_t)g->vertex_of[a];
        b = (uint64_t)g->vertex_of[b];
        pairs[count].key = a < b ? a << 32 | b : b << 32 | a;
        pairs[count].value = (uint32_t)i;
        count++;
    }
    /* in a graph of countries, the domestic agreements are counted apart */
    if (pn_sort__keyed(pairs, count) != 0)
        goto nomem;

    size_t edge_count = 0;
    for (size_t k = 0; k < count; k++)
        edge_count += k == 0 || pairs[k].key != pairs[k - 1].key;
    g->agreements = malloc((count ? count : 1) * sizeof *g->agreements);
    g->edge_start = malloc((edge_count + 1) * sizeof *g->edge_start);
    if (!g->agreements || !g->edge_start)
        goto nomem;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * edge_count)) != IGRAPH_SUCCESS)
        goto nomem;
    has_edges = 1;
    if (igraph_vector_init(&g->weights, (igraph_integer_t)edge_count) != IGRAPH_SUCCESS)
        goto nomem;
    g->has_weights = 1;
    size_t e = 0;
    for (size_t k = 0; k < count; k++) {
        if (k == 0 || pairs[k].key != pairs[k - 1].key) {
            g->edge_start[e] = k;
            VECTOR(edges)[2 * e] = (igraph_integer_t)(pairs[k].key >> 32);
            VECTOR(edges)[2 * e + 1] = (igraph_integer_t)(pairs[k].key & 0xFFFFFFFFu);
            e++;
        }
        VECTOR(g->weights)[e - 1] += 1;
        g->agreements[k] = pairs[k].value;
    }
    g->edge_start[edge_count] = count;
    g->agreement_count = count;

    igraph_error_t rc = igraph_create(&g->graph, &edges, vertices, IGRAPH_UNDIRECTED);
    if (rc != IGRAPH_SUCCESS) {
        status = pn_error__igraph(rc);
        goto done;
    }
    g->has_graph = 1;
    goto done;

nomem:
    status = pn_error__nomem();
done:
    if (has_edges)
        igraph_vector_int_destroy(&edges);
    free(pairs);
    if (status == 0)
        *out = g;
    else
        pn_graph_free(g);
    return status;
}

void pn_graph_free(pn_graph_t *g)
{
    if (!g)
        return;
    if (g->has_graph)
        igraph_destroy(&g->graph);
    if (g->has_weights)
        igraph_vector_destroy(&g->weights);
    free(g->unit_of);
    free(g->vertex_of);
    free(g->agreements);
    free(g->edge_start);
    free(g->domestic);
    free(g);
}

const pn_dataset_t *pn_graph_dataset(const pn_graph_t *g)
{
    return g->ds;
}

const igraph_t *pn_graph_igraph(const pn_graph_t *g)
{
    return &g->graph;
}

const igraph_vector_t *pn_graph_weights(const pn_graph_t *g)
{
    return &g->weights;
}

igraph_integer_t pn_graph_vertex_count(const pn_graph_t *g)
{
    return igraph_vcount(&g->graph);
}

igraph_integer_t pn_graph_edge_count(const pn_graph_t *g)
{
    return igraph_ecount(&g->graph);
}

size_t pn_graph_agreement_count(const pn_graph_t *g)
{
    return g->agreement_count;
}

int pn_graph_is_by_country(const pn_graph_t *g)
{
    return g->by_country;
}

uint32_t pn_graph_vertex_node(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < igraph_vcount(&g->graph));
    return g->by_country ? PN_NONE : g->unit_of[v];
}

uint32_t pn_graph_vertex_country(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < igraph_vcount(&g->graph));
    return g->by_country ? g->unit_of[v] : g->ds->nodes[g->unit_of[v]].country;
}

pn_level_t pn_graph_vertex_level(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < igraph_vcount(&g->graph));
    return g->by_country ? PN_LEVEL_COUNTRY : g->ds->nodes[g->unit_of[v]].level;
}

const char *pn_graph_vertex_id(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < igraph_vcount(&g->graph));
    uint32_t unit = g->unit_of[v];
    return g->by_country ? pn_dataset_country_code(g->ds, unit) : g->ds->nodes[unit].id;
}

const char *pn_graph_vertex_name(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < igraph_vcount(&g->graph));
    uint32_t unit = g->unit_of[v];
    const char *name = g->by_country ? g->ds->countries[unit].name : g->ds->nodes[unit].name;
    return name && name[0] ? name : pn_graph_vertex_id(g, v);
}

size_t pn_graph_vertex_domestic(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < igraph_vcount(&g->graph));
    return g->domestic ? g->domestic[g->unit_of[v]] : 0;
}

igraph_integer_t pn_graph_node_vertex(const pn_graph_t *g, uint32_t node)
{
    return !g->by_country && node < g->ds->node_count ? g->vertex_of[node] : -1;
}

igraph_integer_t pn_graph_country_vertex(const pn_graph_t *g, uint32_t country)
{
    return g->by_country && country < g->ds->country_count ? g->vertex_of[country] : -1;
}

size_t pn_graph_edge_agreements(const uint32_t **out, const pn_graph_t *g, igraph_integer_t e)
{
    assert(out && e >= 0 && e < igraph_ecount(&g->graph));
    *out = g->agreements + g->edge_start[e];
    return g->edge_start[e + 1] - g->edge_start[e];
}

typedef struct {
    double value;
    const char *id;
    igraph_integer_t vertex;
} ranked_t;

static int by_value_then_id(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return strcmp(x->id, y->id);
}

int pn_graph_sort_vertices(igraph_integer_t *vertices, size_t count, const pn_graph_t *g,
                           const double *value)
{
    assert((vertices && value) || count == 0);
    ranked_t *items = malloc((count ? count : 1) * sizeof *items);
    if (!items)
        return pn_error__nomem();
    for (size_t i = 0; i < count; i++)
        items[i] = (ranked_t){value[vertices[i]], pn_graph_vertex_id(g, vertices[i]), vertices[i]};
    qsort(items, count, sizeof *items, by_value_then_id);
    for (size_t i = 0; i < count; i++)
        vertices[i] = items[i].vertex;
    free(items);
    return 0;
}

static int by_vertices_then_code(const void *a, const void *b)
{
    const pn_country_tally_t *x = a, *y = b;
    if (x->vertices != y->vertices)
        return x->vertices > y->vertices ? -1 : 1;
    return strcmp(x->code, y->code);
}

static int by_country(const void *a, const void *b)
{
    const pn_country_tally_t *x = a, *y = b;
    return (x->country > y->country) - (x->country < y->country);
}

size_t pn_graph_tally_countries(pn_country_tally_t *out, const pn_graph_t *g,
                                const igraph_integer_t *vertices, size_t count)
{
    assert(out && g);
    size_t countries = g->ds->country_count;
    size_t n = vertices ? count : (size_t)igraph_vcount(&g->graph);
    if (n < countries) {
        /* fewer vertices than countries (a community's mix): sort the vertices' countries in
         * out and count the runs, not every country of the dataset */
        for (size_t i = 0; i < n; i++)
            out[i].country =
                pn_graph_vertex_country(g, vertices ? vertices[i] : (igraph_integer_t)i);
        qsort(out, n, sizeof *out, by_country);
        countries = 0;
        for (size_t i = 0; i < n; i++) {
            if (countries == 0 || out[countries - 1].country != out[i].country)
                out[countries++] = (pn_country_tally_t){
                    out[i].country, pn_dataset_country_code(g->ds, out[i].country), 0};
            out[countries - 1].vertices++;
        }
    } else {
        for (size_t c = 0; c < countries; c++)
            out[c] = (pn_country_tally_t){(uint32_t)c, pn_dataset_country_code(g->ds, c), 0};
        for (size_t i = 0; i < n; i++)
            out[pn_graph_vertex_country(g, vertices ? vertices[i] : (igraph_integer_t)i)]
                .vertices++;
    }
    qsort(out, countries, sizeof *out, by_vertices_then_code);
    while (countries > 0 && out[countries - 1].vertices == 0)
        countries--;
    return countries;
}
