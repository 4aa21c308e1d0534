/*
 * Shortest-path measures from one breadth-first search per source (private to the library):
 * betweenness (Brandes), closeness and harmonic closeness, on every core.
 */
#ifndef PN_SRC_PATHS_H
#define PN_SRC_PATHS_H

#include <igraph.h>
#include <partnet/metrics.h>

/** A graph as compressed adjacency lists: neighbours of v are adj[start[v] .. start[v+1]). */
typedef struct {
    igraph_integer_t n;
    igraph_integer_t *start;
    int32_t *adj;
} pn_csr_t;

/** @return 0 or PN_ENOMEM */
int pn_csr__from_igraph(pn_csr_t *out, const igraph_t *graph);
void pn_csr__destroy(pn_csr_t *csr);

typedef struct {
    double *betweenness; /* n values, or NULL when not wanted */
    double *closeness;   /* n values (NetworkX wf_improved form), or NULL */
    double *harmonic;    /* n values (divided by n - 1), or NULL */
    double *distance_sum; /* n values: sum of distances to the nodes reached, or NULL */
    int32_t *eccentricity; /* n values: largest distance to a node reached, or NULL */
} pn_paths_out_t;

/**
 * Run a BFS from each source (without betweenness, many sources in one multi-source search) and
 * accumulate the measures asked for. With @p sources NULL every vertex is a source (exact; the
 * hanging trees are folded, see paths_fold.h). With sources and betweenness, betweenness is
 * scaled by n / source_count (an estimate from a sample, nothing folded); the per-source outputs
 * are filled for the sources only (others 0).
 * @return 0, PN_ENOMEM, or PN_ERROR when the progress callback asked to stop
 */
int pn_paths__compute(const pn_csr_t *csr, const int32_t *sources, igraph_integer_t source_count,
                      const pn_paths_out_t *out, int threads, pn_progress_fn *progress,
                      void *progress_data);

#endif
