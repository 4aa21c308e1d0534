/*
 * A shortest path between two vertices (see partnet/path.h): one breadth-first search from the
 * end, counting the shortest paths to each vertex, then a walk from the start that takes, at
 * each step, the nearer neighbour with the smallest id.
 */
#include <partnet/path.h>

#include "error.h"
#include "paths.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Distances to `to` (-1 unreached) and the number of shortest paths from each vertex to it. */
static void search(const pn_csr_t *csr, igraph_integer_t to, igraph_integer_t *dist,
                   double *count, igraph_integer_t *queue)
{
    for (igraph_integer_t v = 0; v < csr->n; v++) {
        dist[v] = -1;
        count[v] = 0;
    }
    igraph_integer_t head = 0, tail = 0;
    dist[to] = 0;
    count[to] = 1;
    queue[tail++] = to;
    while (head < tail) {
        igraph_integer_t v = queue[head++];
        for (igraph_integer_t k = csr->start[v]; k < csr->start[v + 1]; k++) {
            igraph_integer_t u = csr->adj[k];
            if (dist[u] < 0) {
                dist[u] = dist[v] + 1;
                queue[tail++] = u;
            }
            if (dist[u] == dist[v] + 1)
                count[u] += count[v];
        }
    }
}

int pn_path_new(pn_path_t **out, const pn_graph_t *graph, igraph_integer_t from,
                igraph_integer_t to)
{
    assert(out && graph);
    const igraph_t *g = pn_graph_igraph(graph);
    igraph_integer_t n = igraph_vcount(g);
    if (from < 0 || from >= n || to < 0 || to >= n)
        return pn_error_set(PN_EUSAGE, "a path between vertices %ld and %ld of a graph of %ld",
                             (long)from, (long)to, (long)n);
    pn_csr_t csr = {0, NULL, NULL};
    igraph_integer_t *dist = malloc((size_t)n * sizeof *dist);
    igraph_integer_t *queue = malloc((size_t)n * sizeof *queue);
    double *count = malloc((size_t)n * sizeof *count);
    pn_path_t *p = calloc(1, sizeof *p);
    int status = 0;
    if (!dist || !queue || !count || !p) {
        status = pn_error__nomem();
        goto done;
    }
    if ((status = pn_csr__from_igraph(&csr, g)) != 0)
        goto done;
    search(&csr, to, dist, count, queue);
    p->from = from;
    p->to = to;
    p->distance = dist[from];
    p->count = count[from];
    if (p->distance < 0)
        goto done;
    p->length = (size_t)p->distance + 1;
    p->vertices = malloc(p->length * sizeof *p->vertices);
    p->edges = malloc((p->length > 1 ? p->length - 1 : 1) * sizeof *p->edges);
    if (!p->vertices || !p->edges) {
        status = pn_error__nomem();
        goto done;
    }
    igraph_integer_t v = from;
    p->vertices[0] = v;
    for (size_t i = 1; i < p->length; i++) {
        igraph_integer_t next = -1;
        for (igraph_integer_t k = csr.start[v]; k < csr.start[v + 1]; k++) {
            igraph_integer_t u = csr.adj[k];
            if (dist[u] == dist[v] - 1 &&
                (next < 0 || strcmp(pn_graph_vertex_id(graph, u), pn_graph_vertex_id(graph, next)) < 0))
                next = u;
        }
        igraph_integer_t eid;
        if (igraph_get_eid(g, &eid, v, next, IGRAPH_UNDIRECTED, 1) != IGRAPH_SUCCESS) {
            status = pn_error__igraph(IGRAPH_FAILURE);
            goto done;
        }
        p->edges[i - 1] = eid;
        p->vertices[i] = v = next;
    }
done:
    pn_csr__destroy(&csr);
    free(dist);
    free(queue);
    free(count);
    if (status == 0)
        *out = p;
    else
        pn_path_free(p);
    return status;
}

void pn_path_free(pn_path_t *p)
{
    if (!p)
        return;
    free(p->vertices);
    free(p->edges);
    free(p);
}
