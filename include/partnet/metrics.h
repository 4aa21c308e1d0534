/*
 * Centrality of the nodes of a graph view (see graph.h): which regions and cities are the hubs
 * and the bridges of a partnership network.
 *
 * Every measure is computed on the view's simple graph: one undirected edge per pair of
 * partners, its weight the number of agreements of the pair. Where NetworkX, igraph and Gephi
 * differ, partnet follows the convention named below, and the tests compare it with NetworkX
 * 2.8 and python-igraph 0.10 on the same graph.
 *
 * - degree: number of distinct partners. O(1) per node.
 * - agreements: number of agreements (strength: the sum of the edge weights). O(1) per node.
 * - betweenness: exact, unweighted, each unordered pair of endpoints counted once, not
 *   normalised (= NetworkX betweenness_centrality(normalized=False) = igraph_betweenness()).
 *   Brandes' algorithm after folding the trees that hang off the graph into the node they hang
 *   from (Baglioni et al. 2012), O(C M_C + N) for a core of C nodes and M_C edges (O(N M) at
 *   worst, with no node of degree 1). With a sample of K sources it is an estimate: the
 *   contributions of K random sources scaled by N / K (see pn_centrality_options_t).
 * - closeness: unweighted, Wasserman and Faust's form for disconnected graphs, as NetworkX's
 *   default (wf_improved=True): ((r - 1) / (N - 1)) * ((r - 1) / sum of distances to the r - 1
 *   nodes it reaches). igraph's normalised closeness is the second factor only. 0 for an
 *   isolated node. With betweenness's search from each core node, and a search inside its
 *   hanging tree for each folded node: O(C M_C + sum of the trees' squared sizes).
 * - harmonic: unweighted harmonic closeness, sum over other nodes of 1 / distance (0 for
 *   unreachable ones), divided by N - 1 (= igraph harmonic_centrality(normalized=True) =
 *   NetworkX harmonic_centrality / (N - 1)). As closeness.
 * - eigenvector: unweighted, scaled so that the largest value is 1 (igraph's scale=True;
 *   NetworkX's eigenvector_centrality divided by its maximum). On a disconnected graph the
 *   components other than the one with the leading eigenvalue get 0 (values below 1e-12 are
 *   ARPACK's rounding noise and are written as 0); a graph without edges gives 0 everywhere.
 *   ARPACK, iterative.
 * - pagerank: damping 0.85, weighted by the number of agreements, uniform teleport, computed
 *   by PRPACK as python-igraph does, on one OpenMP thread so that every run gives the same
 *   bits; values sum to 1. Iterative.
 * - coreness: the k-core number (largest k such that the node is in a k-core). O(M).
 *
 * Edge cases: an empty graph gives empty results; an isolated node gets 0 everywhere except
 * pagerank (its teleport share). The three path-based measures share one breadth-first search
 * per source when asked together (pn_centrality_many) and run on every core; results do not
 * depend on the number of cores.
 */
#ifndef PARTNET_METRICS_H
#define PARTNET_METRICS_H

#include <igraph.h>
#include <partnet/common.h>
#include <partnet/graph.h>

PN_BEGIN_DECLS

typedef enum {
    PN_MEASURE_DEGREE = 0,
    PN_MEASURE_AGREEMENTS,
    PN_MEASURE_BETWEENNESS,
    PN_MEASURE_CLOSENESS,
    PN_MEASURE_HARMONIC,
    PN_MEASURE_EIGENVECTOR,
    PN_MEASURE_PAGERANK,
    PN_MEASURE_CORENESS,
    PN_MEASURE_COUNT
} pn_measure_t;

/** The measure's name as the command writes it ("betweenness"). */
PN_EXTERN const char *pn_measure_name(pn_measure_t measure);
/** @return 0, or PN_ENOTFOUND when @p name is not a measure. */
PN_EXTERN int pn_measure_parse(pn_measure_t *out, const char *name);
/** Is the measure integer-valued (degree, agreements, coreness)? */
PN_EXTERN int pn_measure_is_integer(pn_measure_t measure);

/** Progress of a long computation, 0 to 100; return non-zero to stop (PN_ERROR). */
typedef int pn_progress_fn(const char *what, double percent, void *data);

typedef struct {
    unsigned version;
    /** Betweenness from this many random sources (an estimate); 0 or >= N: exact. The sources
     *  are the first ones of a shuffle of the vertices drawn from @p seed by partnet's own
     *  generator (splitmix64), the same on every machine; igraph's generator is not touched. */
    igraph_integer_t sample;
    /** Seed for the sample. */
    unsigned long seed;
    /** Threads for the path-based measures; 0: one per core. */
    int threads;
    pn_progress_fn *progress;
    void *progress_data;
} pn_centrality_options_t;

#define PN_CENTRALITY_OPTIONS_VERSION 1
#define PN_CENTRALITY_OPTIONS_INIT {.version = PN_CENTRALITY_OPTIONS_VERSION}

/**
 * One measure for every vertex of @p graph.
 * @param[out] out an initialised vector, resized to the vertex count; out[v] is vertex v's value
 * @param opts NULL for the defaults (exact, one thread per core)
 * @return 0, PN_ENOMEM, PN_EIGRAPH, PN_EUSAGE (options of another version) or PN_ERROR
 *         (stopped by the progress callback)
 */
PN_EXTERN int pn_centrality_compute(igraph_vector_t *out, const pn_graph_t *graph,
                                    pn_measure_t measure, const pn_centrality_options_t *opts);

/**
 * Several measures at once: out[m] is filled for every m with bit (1 << m) in @p measures
 * (the others may be NULL). Betweenness, closeness and harmonic closeness come from one
 * breadth-first search per source.
 * @return as pn_centrality_compute()
 */
PN_EXTERN int pn_centrality_compute_many(igraph_vector_t *const out[PN_MEASURE_COUNT],
                                         const pn_graph_t *graph, unsigned measures,
                                         const pn_centrality_options_t *opts);

PN_END_DECLS

#endif
