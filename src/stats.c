/*
 * Global figures of a graph view (definitions in partnet/stats.h).
 */
#include <partnet/stats.h>

#include "dataset.h"
#include "error.h"
#include "paths.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int pn_stats_gini(double *out, const double *values, size_t n)
{
    assert(out && (values || n == 0));
    double *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted)
        return pn_error__nomem();
    memcpy(sorted, values, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, compare_doubles);
    /* with x sorted ascending: G = sum_i (2i - n - 1) x_i / (n sum x), i = 1..n */
    double weighted = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        weighted += (2.0 * (double)(i + 1) - (double)n - 1.0) * sorted[i];
        total += sorted[i];
    }
    free(sorted);
    *out = total > 0 ? weighted / ((double)n * total) : 0.0;
    return 0;
}

/* Components, the largest one's vertices (in @p lcc), coreness. */
static igraph_error_t structure(const igraph_t *g, pn_stats_t *s, igraph_vector_int_t *lcc)
{
    igraph_vector_int_t membership, sizes, cores;
    igraph_integer_t count;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sizes, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cores, 0);
    IGRAPH_CHECK(igraph_connected_components(g, &membership, &sizes, &count, IGRAPH_WEAK));
    s->components = count;
    igraph_integer_t largest = -1;
    for (igraph_integer_t c = 0; c < count; c++)
        if (largest < 0 || VECTOR(sizes)[c] > VECTOR(sizes)[largest])
            largest = c;
    s->largest_component = largest >= 0 ? VECTOR(sizes)[largest] : 0;
    igraph_vector_int_clear(lcc);
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        if (VECTOR(membership)[v] == largest)
            IGRAPH_CHECK(igraph_vector_int_push_back(lcc, v));

    IGRAPH_CHECK(igraph_coreness(g, &cores, IGRAPH_ALL));
    s->max_coreness = igraph_vector_int_size(&cores) ? igraph_vector_int_max(&cores) : 0;
    s->max_core_size = 0;
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(&cores); v++)
        s->max_core_size += VECTOR(cores)[v] == s->max_coreness;

    IGRAPH_CHECK(igraph_transitivity_undirected(g, &s->transitivity, IGRAPH_TRANSITIVITY_ZERO));
    IGRAPH_CHECK(igraph_transitivity_avglocal_undirected(g, &s->average_clustering,
                                                         IGRAPH_TRANSITIVITY_ZERO));
    if (igraph_vcount(g) == 0)
        s->average_clustering = 0;
    igraph_vector_int_destroy(&cores);
    igraph_vector_int_destroy(&sizes);
    igraph_vector_int_destroy(&membership);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

static igraph_error_t assortativity(const pn_graph_t *graph, pn_stats_t *s)
{
    const igraph_t *g = pn_graph_igraph(graph);
    s->degree_assortativity = s->country_assortativity = NAN;
    if (igraph_ecount(g) == 0)
        return IGRAPH_SUCCESS;
    IGRAPH_CHECK(igraph_assortativity_degree(g, &s->degree_assortativity, 0));
    igraph_vector_int_t types;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&types, igraph_vcount(g));
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        VECTOR(types)[v] = pn_graph_vertex_country(graph, v);
    IGRAPH_CHECK(igraph_assortativity_nominal(g, &types, &s->country_assortativity, 0, 1));
    igraph_vector_int_destroy(&types);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Mean distance and diameter of the largest component, one BFS per vertex of it. */
static int distances(const pn_graph_t *graph, pn_stats_t *s, const igraph_vector_int_t *lcc,
                     const pn_stats_options_t *o)
{
    const igraph_t *g = pn_graph_igraph(graph);
    igraph_integer_t n = igraph_vcount(g), size = igraph_vector_int_size(lcc);
    s->mean_distance_lcc = 0;
    s->diameter_lcc = 0;
    if (size < 2)
        return 0;
    pn_csr_t csr = {0, NULL, NULL};
    int32_t *sources = malloc((size_t)size * sizeof *sources);
    double *sums = malloc((size_t)n * sizeof *sums);
    int32_t *eccentricity = malloc((size_t)n * sizeof *eccentricity);
    int status = !sources || !sums || !eccentricity ? pn_error__nomem()
                                                    : pn_csr__from_igraph(&csr, g);
    if (status == 0) {
        for (igraph_integer_t i = 0; i < size; i++)
            sources[i] = (int32_t)VECTOR(*lcc)[i];
        pn_paths_out_t out = {NULL, NULL, NULL, sums, eccentricity};
        status = pn_paths__compute(&csr, sources, size, &out, o->threads, o->progress,
                                   o->progress_data);
    }
    if (status == 0) {
        double total = 0;
        for (igraph_integer_t i = 0; i < size; i++) {
            total += sums[sources[i]];
            if (eccentricity[sources[i]] > s->diameter_lcc)
                s->diameter_lcc = eccentricity[sources[i]];
        }
        s->mean_distance_lcc = total / ((double)size * (double)(size - 1));
    }
    pn_csr__destroy(&csr);
    free(sources);
    free(sums);
    free(eccentricity);
    return status;
}

int pn_stats_compute(pn_stats_t *out, const pn_graph_t *graph, const pn_stats_options_t *opts)
{
    assert(out && graph);
    pn_stats_options_t defaults = PN_STATS_OPTIONS_INIT;
    const pn_stats_options_t *o = opts ? opts : &defaults;
    PN_CHECK_OPTIONS(o, PN_STATS_OPTIONS_VERSION, "pn_stats_options_t");
    const igraph_t *g = pn_graph_igraph(graph);
    const pn_dataset_t *ds = pn_graph_dataset(graph);
    pn_stats_t s;
    memset(&s, 0, sizeof s);
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    s.nodes = n;
    s.edges = m;
    s.agreements = pn_graph_agreement_count(graph);
    s.density = n > 1 ? 2.0 * (double)m / ((double)n * (double)(n - 1)) : 0.0;
    s.mean_degree = n > 0 ? 2.0 * (double)m / (double)n : 0.0;

    igraph_vector_int_t lcc;
    int has_lcc = 0, status = 0;
    double *degrees = calloc((size_t)(n ? n : 1), sizeof *degrees);
    unsigned char *seen = calloc(ds->country_count + 1, 1);
    if (!degrees || !seen || igraph_vector_int_init(&lcc, 0) != IGRAPH_SUCCESS) {
        status = pn_error__nomem();
        goto done;
    }
    has_lcc = 1;
    for (igraph_integer_t v = 0; v < n; v++) {
        uint32_t country = pn_graph_vertex_country(graph, v);
        s.countries += !seen[country] && ds->countries[country].code[0];
        seen[country] = 1;
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        degrees[IGRAPH_FROM(g, e)]++;
        degrees[IGRAPH_TO(g, e)]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        s.isolated += degrees[v] == 0;
    if ((status = pn_stats_gini(&s.gini_degree, degrees, (size_t)n)) != 0)
        goto done;

    /* an edge joins two countries, or two nodes that may be of one; a country's own
     * agreements are behind no edge. A party that names no country may be on either side of
     * a border: its agreements are in neither count. */
    size_t cross = 0, total = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        const uint32_t *agreements;
        size_t count = pn_graph_edge_agreements(&agreements, graph, e);
        uint32_t from = pn_graph_vertex_country(graph, IGRAPH_FROM(g, e));
        uint32_t to = pn_graph_vertex_country(graph, IGRAPH_TO(g, e));
        if (!ds->countries[from].code[0] || !ds->countries[to].code[0])
            continue;
        total += count;
        if (from != to)
            cross += count;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        total += pn_graph_vertex_domestic(graph, v);
    s.cross_border_share = total ? (double)cross / (double)total : NAN;

    igraph_error_t rc = structure(g, &s, &lcc);
    if (rc == IGRAPH_SUCCESS)
        rc = assortativity(graph, &s);
    if (rc != IGRAPH_SUCCESS) {
        status = pn_error__igraph(rc);
        goto done;
    }
    if ((status = distances(graph, &s, &lcc, o)) != 0)
        goto done;
    *out = s;
done:
    if (has_lcc)
        igraph_vector_int_destroy(&lcc);
    free(degrees);
    free(seen);
    return status;
}
