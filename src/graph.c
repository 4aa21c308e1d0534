/*
 * A view of the dataset as a simple undirected igraph graph (see partnet/graph.h).
 *
 * The agreements in the view are sorted by their pair of vertices (radix sort, stable, so each
 * pair's agreements stay in dataset order); each run of equal pairs becomes one edge whose
 * weight is the run's length. edge_start[e]..edge_start[e+1] indexes the run in `agreements`.
 *
 * pn_graph__new_agreements() builds only the vertices and the view's agreements in dataset
 * order (no sort, no igraph graph: has_graph is 0, edge_start NULL), for the exports that
 * write one edge per agreement.
 */
#include "graph.h"

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
    size_t *members;        /* by_country: the view's nodes in each vertex's country */
    int by_country;
    igraph_integer_t vertex_count;
    uint32_t *agreements;   /* the view's agreements, grouped by edge */
    size_t agreement_count;
    size_t *edge_start;     /* edge_count + 1 offsets into agreements */
    int has_graph, has_weights;
};

/* Room for @p edge_count edges and the @p agreements behind them: g's agreements,
 * edge_start and weights (zeroed), and @p edges (initialised only on success). */
static int allocate_edges(pn_graph_t *g, igraph_vector_int_t *edges, size_t edge_count,
                          size_t agreements)
{
    g->agreements = malloc((agreements ? agreements : 1) * sizeof *g->agreements);
    g->edge_start = malloc((edge_count + 1) * sizeof *g->edge_start);
    if (!g->agreements || !g->edge_start)
        return pn_error__nomem();
    if (igraph_vector_init(&g->weights, (igraph_integer_t)edge_count) != IGRAPH_SUCCESS)
        return pn_error__nomem();
    g->has_weights = 1;
    if (igraph_vector_int_init(edges, (igraph_integer_t)(2 * edge_count)) != IGRAPH_SUCCESS)
        return pn_error__nomem();
    return 0;
}

/* The igraph graph of @p edges, once edge_start and agreements hold @p agreements. */
static int create(pn_graph_t *g, const igraph_vector_int_t *edges, igraph_integer_t vertices,
                  size_t agreements)
{
    g->edge_start[igraph_vector_int_size(edges) / 2] = agreements;
    g->agreement_count = agreements;
    igraph_error_t rc = igraph_create(&g->graph, edges, vertices, IGRAPH_UNDIRECTED);
    if (rc != IGRAPH_SUCCESS)
        return pn_error__igraph(rc);
    g->has_graph = 1;
    g->vertex_count = vertices;
    return 0;
}

/* What vertices stand for: the view's nodes, or the countries they are in (g->by_country);
 * vertex_of, unit_of, vertex_count, and with by_country domestic (zeroed) and members. */
static int map_vertices(pn_graph_t *g, const pn_view_t *view)
{
    const pn_dataset_t *ds = view->ds;
    int by_country = g->by_country;
    size_t units = by_country ? ds->country_count : ds->node_count;
    g->vertex_of = malloc((units ? units : 1) * sizeof *g->vertex_of);
    if (by_country) {
        g->domestic = calloc(units ? units : 1, sizeof *g->domestic);
        g->members = calloc(units ? units : 1, sizeof *g->members);
    }
    if (!g->vertex_of || (by_country && (!g->domestic || !g->members)))
        return pn_error__nomem();
    for (size_t u = 0; u < units; u++)
        g->vertex_of[u] = by_country ? -1 : 0;
    igraph_integer_t vertices = 0;
    for (size_t i = 0; i < ds->node_count; i++) {
        if (!by_country)
            g->vertex_of[i] = view->node[i] ? vertices++ : -1;
        else if (view->node[i] && ds->countries[ds->nodes[i].country].code[0]) {
            g->vertex_of[ds->nodes[i].country] = 0;
            g->members[ds->nodes[i].country]++;
        }
    }
    for (size_t c = 0; by_country && c < units; c++)
        if (g->vertex_of[c] == 0)
            g->vertex_of[c] = vertices++;
    g->unit_of = malloc((vertices ? (size_t)vertices : 1) * sizeof *g->unit_of);
    if (!g->unit_of)
        return pn_error__nomem();
    for (size_t u = 0; u < units; u++)
        if (g->vertex_of[u] >= 0)
            g->unit_of[g->vertex_of[u]] = (uint32_t)u;
    g->vertex_count = vertices;
    return 0;
}

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
    if ((status = map_vertices(g, view)) != 0)
        goto done;
    pairs = malloc((view->agreement_count ? view->agreement_count : 1) * sizeof *pairs);
    if (!pairs)
        goto nomem;

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
    if ((status = allocate_edges(g, &edges, edge_count, count)) != 0)
        goto done;
    has_edges = 1;
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
    status = create(g, &edges, g->vertex_count, count);
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

int pn_graph__new_agreements(pn_graph_t **out, const pn_view_t *view)
{
    assert(out && view && !view->opts.by_country);
    pn_graph_t *g = calloc(1, sizeof *g);
    int status = 0;
    if (!g)
        return pn_error__nomem();
    g->ds = view->ds;
    if ((status = map_vertices(g, view)) != 0)
        goto done;
    g->agreements = malloc((view->agreement_count ? view->agreement_count : 1) *
                           sizeof *g->agreements);
    if (!g->agreements) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < view->ds->agreement_count; i++)
        if (view->agreement[i])
            g->agreements[g->agreement_count++] = (uint32_t)i;
done:
    if (status == 0)
        *out = g;
    else
        pn_graph_free(g);
    return status;
}

const uint32_t *pn_graph__agreements_in_order(const pn_graph_t *g)
{
    return g->has_graph ? NULL : g->agreements;
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
    free(g->members);
    free(g);
}

/* The kept vertices' new numbers in @p renumber (-1 for the others); returns how many. */
static igraph_integer_t renumber_kept(igraph_integer_t *renumber, const pn_graph_t *g,
                                      const igraph_integer_t *vertices, size_t count)
{
    igraph_integer_t n = igraph_vcount(&g->graph), kept = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        renumber[v] = -1;
    for (size_t i = 0; i < count; i++) {
        assert(vertices[i] >= 0 && vertices[i] < n);
        renumber[vertices[i]] = 0;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        if (renumber[v] == 0)
            renumber[v] = kept++;
    return kept;
}

int pn_graph_subgraph(pn_graph_t **out, const pn_graph_t *graph,
                      const igraph_integer_t *vertices, size_t count)
{
    assert(out && graph && (vertices || count == 0));
    const pn_dataset_t *ds = graph->ds;
    igraph_integer_t n = igraph_vcount(&graph->graph), m = igraph_ecount(&graph->graph);
    size_t units = graph->by_country ? ds->country_count : ds->node_count;
    pn_graph_t *g = calloc(1, sizeof *g);
    igraph_integer_t *renumber = malloc((size_t)(n ? n : 1) * sizeof *renumber);
    igraph_vector_int_t edges;
    int has_edges = 0, status = 0;
    if (!g || !renumber)
        goto nomem;
    g->ds = ds;
    g->by_country = graph->by_country;
    igraph_integer_t kept = renumber_kept(renumber, graph, vertices, count);
    g->vertex_of = malloc((units ? units : 1) * sizeof *g->vertex_of);
    g->unit_of = malloc((size_t)(kept ? kept : 1) * sizeof *g->unit_of);
    if (graph->by_country) {
        g->domestic = calloc(units ? units : 1, sizeof *g->domestic);
        g->members = calloc(units ? units : 1, sizeof *g->members);
    }
    if (!g->vertex_of || !g->unit_of || (g->by_country && (!g->domestic || !g->members)))
        goto nomem;
    for (size_t u = 0; u < units; u++)
        g->vertex_of[u] = -1;
    for (igraph_integer_t v = 0; v < n; v++) {
        if (renumber[v] < 0)
            continue;
        uint32_t unit = graph->unit_of[v];
        g->unit_of[renumber[v]] = unit;
        g->vertex_of[unit] = renumber[v];
        if (g->by_country) {
            g->domestic[unit] = graph->domestic[unit];
            g->members[unit] = graph->members[unit];
        }
    }

    /* the edges between kept vertices, in the same order, with their agreements */
    size_t edge_count = 0, agreements = 0;
    for (igraph_integer_t e = 0; e < m; e++)
        if (renumber[IGRAPH_FROM(&graph->graph, e)] >= 0 &&
            renumber[IGRAPH_TO(&graph->graph, e)] >= 0) {
            edge_count++;
            agreements += graph->edge_start[e + 1] - graph->edge_start[e];
        }
    if ((status = allocate_edges(g, &edges, edge_count, agreements)) != 0)
        goto done;
    has_edges = 1;
    size_t k = 0, next = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = renumber[IGRAPH_FROM(&graph->graph, e)];
        igraph_integer_t b = renumber[IGRAPH_TO(&graph->graph, e)];
        if (a < 0 || b < 0)
            continue;
        VECTOR(edges)[2 * k] = a;
        VECTOR(edges)[2 * k + 1] = b;
        VECTOR(g->weights)[k] = VECTOR(graph->weights)[e];
        g->edge_start[k++] = next;
        for (size_t i = graph->edge_start[e]; i < graph->edge_start[e + 1]; i++)
            g->agreements[next++] = graph->agreements[i];
    }
    status = create(g, &edges, kept, next);
    goto done;

nomem:
    status = pn_error__nomem();
done:
    if (has_edges)
        igraph_vector_int_destroy(&edges);
    free(renumber);
    if (status == 0)
        *out = g;
    else
        pn_graph_free(g);
    return status;
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
    return g->vertex_count;
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
    assert(v >= 0 && v < g->vertex_count);
    return g->by_country ? PN_NONE : g->unit_of[v];
}

uint32_t pn_graph_vertex_country(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < g->vertex_count);
    return g->by_country ? g->unit_of[v] : g->ds->nodes[g->unit_of[v]].country;
}

pn_level_t pn_graph_vertex_level(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < g->vertex_count);
    return g->by_country ? PN_LEVEL_COUNTRY : g->ds->nodes[g->unit_of[v]].level;
}

const char *pn_graph_vertex_id(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < g->vertex_count);
    uint32_t unit = g->unit_of[v];
    return g->by_country ? pn_dataset_country_code(g->ds, unit) : g->ds->nodes[unit].id;
}

const char *pn_graph_vertex_name(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < g->vertex_count);
    uint32_t unit = g->unit_of[v];
    const char *name = g->by_country ? g->ds->countries[unit].name : g->ds->nodes[unit].name;
    return name && name[0] ? name : pn_graph_vertex_id(g, v);
}

size_t pn_graph_vertex_members(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < g->vertex_count);
    return g->by_country ? g->members[g->unit_of[v]] : 1;
}

size_t pn_graph_vertex_domestic(const pn_graph_t *g, igraph_integer_t v)
{
    assert(v >= 0 && v < g->vertex_count);
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
