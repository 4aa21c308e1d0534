/*
 * Centrality measures of a graph view (definitions in partnet/metrics.h). Degree, strength,
 * eigenvector, PageRank and coreness come from igraph; betweenness, closeness and harmonic
 * closeness from paths.c, one breadth-first search per source for all three.
 */
#include <partnet/metrics.h>

#include "error.h"
#include "paths.h"
#include "random.h"

#include <assert.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include <stdlib.h>
#include <string.h>

static const char *const measure_names[PN_MEASURE_COUNT] = {
    "degree", "agreements", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
    "coreness"};

const char *pn_measure_name(pn_measure_t measure)
{
    return (unsigned)measure < PN_MEASURE_COUNT ? measure_names[measure] : "?";
}

int pn_measure_parse(pn_measure_t *out, const char *name)
{
    assert(out && name);
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        if (strcmp(name, measure_names[m]) == 0) {
            *out = (pn_measure_t)m;
            return 0;
        }
    }
    return PN_ENOTFOUND;
}

int pn_measure_is_integer(pn_measure_t measure)
{
    return measure == PN_MEASURE_DEGREE || measure == PN_MEASURE_AGREEMENTS ||
           measure == PN_MEASURE_CORENESS;
}

static igraph_error_t int_measure(const igraph_t *g, igraph_vector_t *out, pn_measure_t measure)
{
    igraph_vector_int_t values;
    IGRAPH_CHECK(igraph_vector_int_init(&values, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &values);
    if (measure == PN_MEASURE_DEGREE)
        IGRAPH_CHECK(igraph_degree(g, &values, igraph_vss_all(), IGRAPH_ALL, 0));
    else
        IGRAPH_CHECK(igraph_coreness(g, &values, IGRAPH_ALL));
    IGRAPH_CHECK(igraph_vector_resize(out, igraph_vector_int_size(&values)));
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(&values); v++)
        VECTOR(*out)[v] = (igraph_real_t)VECTOR(values)[v];
    igraph_vector_int_destroy(&values);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t spectral_measure(const pn_graph_t *graph, igraph_vector_t *out,
                                       pn_measure_t measure)
{
    const igraph_t *g = pn_graph_igraph(graph);
    igraph_real_t value;
    if (igraph_vcount(g) == 0)
        return igraph_vector_resize(out, 0);
    if (measure == PN_MEASURE_PAGERANK) {
        /* PRPACK sums over OpenMP threads in whatever order they finish: on one thread the
         * same input gives the same bytes (the README's promise) */
#ifdef _OPENMP
        int threads = omp_get_max_threads();
        omp_set_num_threads(1);
#endif
        igraph_error_t status =
            igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, out, &value, igraph_vss_all(), 0,
                            0.85, pn_graph_weights(graph), NULL);
#ifdef _OPENMP
        omp_set_num_threads(threads);
#endif
        return status;
    }
    if (igraph_ecount(g) == 0) {
        IGRAPH_CHECK(igraph_vector_resize(out, igraph_vcount(g)));
        igraph_vector_null(out);
        return IGRAPH_SUCCESS;
    }
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    /* igraph jitters ARPACK's start vector with its generator: a seeded one, same bytes out */
    pn_random_t random;
    if (pn_random__begin(&random, 1) != 0)
        IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
    igraph_error_t rc = igraph_eigenvector_centrality(g, out, &value, 0, 1, NULL, &arpack);
    pn_random__end(&random);
    IGRAPH_CHECK(rc);
    /* outside the leading component ARPACK leaves rounding noise (1e-17, -0): that is 0 */
    for (igraph_integer_t v = 0; v < igraph_vector_size(out); v++)
        if (VECTOR(*out)[v] < 1e-12)
            VECTOR(*out)[v] = 0;
    return IGRAPH_SUCCESS;
}

static int resize_all(igraph_vector_t *const out[PN_MEASURE_COUNT], unsigned measures,
                      igraph_integer_t n)
{
    for (int m = 0; m < PN_MEASURE_COUNT; m++)
        if ((measures & (1u << m)) && igraph_vector_resize(out[m], n) != IGRAPH_SUCCESS)
            return pn_error__nomem();
    return 0;
}

/* Betweenness, closeness and harmonic closeness, the ones of them asked for, in one pass. */
static int path_measures(igraph_vector_t *const out[PN_MEASURE_COUNT], const pn_graph_t *graph,
                         unsigned measures, const pn_centrality_options_t *opts)
{
    const igraph_t *g = pn_graph_igraph(graph);
    igraph_integer_t n = igraph_vcount(g);
    pn_csr_t csr = {0, NULL, NULL};
    int32_t *sources = NULL;
    igraph_integer_t count = n;
    int status = pn_csr__from_igraph(&csr, g);
    if (status)
        return status;
    if (opts->sample > 0 && opts->sample < n && (measures & (1u << PN_MEASURE_BETWEENNESS))) {
        /* a partial Fisher-Yates shuffle driven by splitmix64: the same sources for the same
         * seed on every machine */
        sources = malloc((size_t)n * sizeof *sources);
        if (!sources) {
            status = pn_error__nomem();
            goto done;
        }
        for (igraph_integer_t v = 0; v < n; v++)
            sources[v] = (int32_t)v;
        uint64_t state = opts->seed;
        for (igraph_integer_t i = 0; i < opts->sample; i++) {
            uint64_t z = (state += 0x9E3779B97F4A7C15ull);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            z ^= z >> 31;
            igraph_integer_t j = i + (igraph_integer_t)(z % (uint64_t)(n - i));
            int32_t t = sources[i];
            sources[i] = sources[j];
            sources[j] = t;
        }
        count = opts->sample;
    }
    pn_paths_out_t paths = {
        measures & (1u << PN_MEASURE_BETWEENNESS) ? VECTOR(*out[PN_MEASURE_BETWEENNESS]) : NULL,
        measures & (1u << PN_MEASURE_CLOSENESS) ? VECTOR(*out[PN_MEASURE_CLOSENESS]) : NULL,
        measures & (1u << PN_MEASURE_HARMONIC) ? VECTOR(*out[PN_MEASURE_HARMONIC]) : NULL, NULL,
        NULL};
    if (sources && (paths.closeness || paths.harmonic)) {
        /* closeness and harmonic are exact: they need every source */
        pn_paths_out_t exact = {NULL, paths.closeness, paths.harmonic, NULL, NULL};
        status = pn_paths__compute(&csr, NULL, n, &exact, opts->threads, opts->progress,
                                   opts->progress_data);
        paths.closeness = paths.harmonic = NULL;
    }
    if (status == 0)
        status = pn_paths__compute(&csr, sources, count, &paths, opts->threads, opts->progress,
                                   opts->progress_data);
done:
    free(sources);
    pn_csr__destroy(&csr);
    return status;
}

#define PATH_MEASURES                                                                              \
    ((1u << PN_MEASURE_BETWEENNESS) | (1u << PN_MEASURE_CLOSENESS) | (1u << PN_MEASURE_HARMONIC))

int pn_centrality_compute_many(igraph_vector_t *const out[PN_MEASURE_COUNT],
                               const pn_graph_t *graph, unsigned measures,
                               const pn_centrality_options_t *opts)
{
    pn_centrality_options_t defaults = PN_CENTRALITY_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    assert(out && graph);
    PN_CHECK_OPTIONS(opts, PN_CENTRALITY_OPTIONS_VERSION, "pn_centrality_options_t");
    const igraph_t *g = pn_graph_igraph(graph);
    igraph_integer_t n = igraph_vcount(g);
    int status = resize_all(out, measures, n);
    if (status)
        return status;
    if (measures & PATH_MEASURES) {
        status = path_measures(out, graph, measures & PATH_MEASURES, opts);
        if (status)
            return status;
    }
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        if (!(measures & (1u << m)) || (PATH_MEASURES & (1u << m)))
            continue;
        igraph_error_t rc;
        switch ((pn_measure_t)m) {
        case PN_MEASURE_DEGREE:
        case PN_MEASURE_CORENESS:
            rc = int_measure(g, out[m], (pn_measure_t)m);
            break;
        case PN_MEASURE_AGREEMENTS:
            rc = igraph_strength(g, out[m], igraph_vss_all(), IGRAPH_ALL, 0,
                                 pn_graph_weights(graph));
            break;
        default:
            rc = spectral_measure(graph, out[m], (pn_measure_t)m);
            break;
        }
        if (rc != IGRAPH_SUCCESS)
            return pn_error__igraph(rc);
    }
    return 0;
}

int pn_centrality_compute(igraph_vector_t *out, const pn_graph_t *graph, pn_measure_t measure,
                          const pn_centrality_options_t *opts)
{
    igraph_vector_t *outs[PN_MEASURE_COUNT] = {NULL};
    if ((unsigned)measure >= PN_MEASURE_COUNT)
        return pn_error_set(PN_EUSAGE, "no measure %d", (int)measure);
    outs[measure] = out;
    return pn_centrality_compute_many(outs, graph, 1u << measure, opts);
}
