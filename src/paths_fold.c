/*
 * Folding a graph's hanging trees into their roots (see paths_fold.h): the core, the blobs and
 * the betweenness that the trees account for alone.
 */
#include "paths_fold.h"

#include "error.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

void pn_fold__destroy(pn_fold_t *fold)
{
    pn_csr__destroy(&fold->core);
    free(fold->vertex);
    free(fold->weight);
    free(fold->component);
    free(fold->component_first);
    free(fold->component_end);
    free(fold->member_start);
    free(fold->member);
    free(fold->histogram_start);
    free(fold->histogram);
    free(fold->root);
    free(fold->depth);
    free(fold->tree_betweenness);
    memset(fold, 0, sizeof *fold);
}

/* The size of each vertex's component, one breadth-first search per component. */
static void component_sizes(int32_t *size, int32_t *queue, const pn_csr_t *g)
{
    for (igraph_integer_t v = 0; v < g->n; v++)
        size[v] = -1;
    for (igraph_integer_t s = 0; s < g->n; s++) {
        if (size[s] >= 0)
            continue;
        igraph_integer_t head = 0, tail = 1;
        queue[0] = (int32_t)s;
        size[s] = 0;
        while (head < tail) {
            int32_t v = queue[head++];
            for (igraph_integer_t k = g->start[v]; k < g->start[v + 1]; k++) {
                if (size[g->adj[k]] < 0) {
                    size[g->adj[k]] = 0;
                    queue[tail++] = g->adj[k];
                }
            }
        }
        for (igraph_integer_t i = 0; i < tail; i++)
            size[queue[i]] = (int32_t)tail;
    }
}

/*
 * Remove the vertices of degree 1 (self-loops aside) until none is left; parent[v] is the vertex
 * v was folded into, -1 for the core. A folded vertex's betweenness is complete when it goes:
 * the pairs from below it to the rest of its component, and the pairs between two of the
 * subtrees folded into it; its neighbour gains the pairs between the new subtree and the ones
 * it already holds.
 */
static void fold_leaves(int32_t *parent, int32_t *size, int32_t *degree, int32_t *stack,
                        double *tree_betweenness, const int32_t *component_size,
                        const pn_csr_t *g)
{
    igraph_integer_t top = 0;
    for (igraph_integer_t v = 0; v < g->n; v++)
        if (degree[v] == 1)
            stack[top++] = (int32_t)v;
    while (top > 0) {
        int32_t u = stack[--top], w = -1;
        if (degree[u] != 1)
            continue; /* the last vertex of a tree component: it stays */
        for (igraph_integer_t k = g->start[u]; k < g->start[u + 1] && w < 0; k++)
            if (g->adj[k] != u && parent[g->adj[k]] < 0)
                w = g->adj[k];
        assert(w >= 0);
        parent[u] = w;
        degree[u] = 0;
        if (tree_betweenness) {
            tree_betweenness[u] += (double)(size[u] - 1) * (double)(component_size[u] - size[u]);
            tree_betweenness[w] += (double)size[u] * (double)(size[w] - 1);
        }
        size[w] += size[u];
        if (--degree[w] == 1)
            stack[top++] = w;
    }
}

/* Number the core in breadth-first order, component by component, and keep its edges. */
static int number_core(pn_fold_t *f, int32_t *core_number, const int32_t *parent,
                       const pn_csr_t *g)
{
    igraph_integer_t count = 0, c = 0, entries = 0;
    for (igraph_integer_t v = 0; v < g->n; v++) {
        core_number[v] = -1;
        count += parent[v] < 0;
    }
    f->core_count = count;
    f->core.n = count;
    size_t k = (size_t)(count ? count : 1);
    f->vertex = malloc(k * sizeof *f->vertex);
    f->component_first = malloc(k * sizeof *f->component_first);
    f->component_end = malloc(k * sizeof *f->component_end);
    f->core.start = calloc((size_t)count + 1, sizeof *f->core.start);
    if (!f->vertex || !f->component_first || !f->component_end || !f->core.start)
        return pn_error__nomem();
    for (igraph_integer_t s = 0; s < g->n; s++) {
        if (parent[s] >= 0 || core_number[s] >= 0)
            continue;
        igraph_integer_t head = c;
        core_number[s] = (int32_t)c;
        f->vertex[c++] = (int32_t)s;
        while (head < c) {
            int32_t v = f->vertex[head++];
            for (igraph_integer_t k = g->start[v]; k < g->start[v + 1]; k++) {
                int32_t w = g->adj[k];
                if (parent[w] < 0) {
                    entries++;
                    if (core_number[w] < 0) {
                        core_number[w] = (int32_t)c;
                        f->vertex[c++] = w;
                    }
                }
            }
        }
        for (igraph_integer_t i = core_number[s]; i < c; i++) {
            f->component_first[i] = core_number[s];
            f->component_end[i] = (int32_t)c;
        }
    }
    f->core.adj = malloc((size_t)(entries ? entries : 1) * sizeof *f->core.adj);
    if (!f->core.adj)
        return pn_error__nomem();
    igraph_integer_t e = 0;
    for (igraph_integer_t i = 0; i < count; i++) {
        int32_t v = f->vertex[i];
        for (igraph_integer_t k = g->start[v]; k < g->start[v + 1]; k++)
            if (parent[g->adj[k]] < 0)
                f->core.adj[e++] = core_number[g->adj[k]];
        f->core.start[i + 1] = e;
    }
    return 0;
}

/* Each blob's members in breadth-first order from its root, their depths, the depth counts. */
static int list_blobs(pn_fold_t *f, const int32_t *parent, const pn_csr_t *g)
{
    igraph_integer_t count = f->core_count, m = 0;
    f->member_start = malloc(((size_t)count + 1) * sizeof *f->member_start);
    f->member = malloc((size_t)(g->n - count ? g->n - count : 1) * sizeof *f->member);
    f->histogram_start = malloc(((size_t)count + 1) * sizeof *f->histogram_start);
    if (!f->member_start || !f->member || !f->histogram_start)
        return pn_error__nomem();
    for (igraph_integer_t i = 0; i < count; i++) {
        int32_t r = f->vertex[i];
        igraph_integer_t head = m;
        f->member_start[i] = m;
        f->root[r] = (int32_t)i;
        f->depth[r] = 0;
        for (int32_t u = r; u >= 0; u = head < m ? f->member[head++] : -1) {
            for (igraph_integer_t k = g->start[u]; k < g->start[u + 1]; k++) {
                int32_t x = g->adj[k];
                if (parent[x] == u) {
                    f->member[m++] = x;
                    f->root[x] = (int32_t)i;
                    f->depth[x] = f->depth[u] + 1;
                }
            }
        }
    }
    f->member_start[count] = m;
    assert(m == g->n - count);
    f->histogram_start[0] = 0;
    for (igraph_integer_t i = 0; i < count; i++) {
        igraph_integer_t last = f->member_start[i + 1];
        int32_t deepest = last > f->member_start[i] ? f->depth[f->member[last - 1]] : 0;
        f->histogram_start[i + 1] = f->histogram_start[i] + deepest + 1;
    }
    f->histogram = calloc((size_t)f->histogram_start[count] + 1, sizeof *f->histogram);
    if (!f->histogram)
        return pn_error__nomem();
    for (igraph_integer_t i = 0; i < count; i++) {
        f->histogram[f->histogram_start[i]] = 1;
        for (igraph_integer_t k = f->member_start[i]; k < f->member_start[i + 1]; k++)
            f->histogram[f->histogram_start[i] + f->depth[f->member[k]]]++;
    }
    return 0;
}

int pn_fold__build(pn_fold_t *out, const pn_csr_t *graph, int fold, int betweenness)
{
    igraph_integer_t n = graph->n;
    size_t k = (size_t)(n ? n : 1);
    pn_fold_t f = {.n = n};
    int32_t *component_size = malloc(k * sizeof *component_size);
    int32_t *parent = malloc(k * sizeof *parent), *size = malloc(k * sizeof *size);
    int32_t *degree = malloc(k * sizeof *degree), *scratch = malloc(k * sizeof *scratch);
    f.root = malloc(k * sizeof *f.root);
    f.depth = malloc(k * sizeof *f.depth);
    f.tree_betweenness = betweenness ? calloc(k, sizeof *f.tree_betweenness) : NULL;
    int status = 0;
    if (!component_size || !parent || !size || !degree || !scratch || !f.root || !f.depth ||
        (betweenness && !f.tree_betweenness)) {
        status = pn_error__nomem();
        goto done;
    }
    component_sizes(component_size, scratch, graph);
    for (igraph_integer_t v = 0; v < n; v++) {
        parent[v] = -1;
        size[v] = 1;
        degree[v] = 0;
        for (igraph_integer_t e = graph->start[v]; e < graph->start[v + 1]; e++)
            degree[v] += graph->adj[e] != v;
    }
    if (fold)
        fold_leaves(parent, size, degree, scratch, f.tree_betweenness, component_size, graph);
    if ((status = number_core(&f, scratch, parent, graph)) != 0 ||
        (status = list_blobs(&f, parent, graph)) != 0)
        goto done;
    f.weight = malloc((size_t)(f.core_count ? f.core_count : 1) * sizeof *f.weight);
    f.component = malloc((size_t)(f.core_count ? f.core_count : 1) * sizeof *f.component);
    if (!f.weight || !f.component) {
        status = pn_error__nomem();
        goto done;
    }
    for (igraph_integer_t i = 0; i < f.core_count; i++) {
        f.weight[i] = size[f.vertex[i]];
        f.component[i] = component_size[f.vertex[i]];
    }
    *out = f;
    memset(&f, 0, sizeof f);
done:
    pn_fold__destroy(&f);
    free(component_size);
    free(parent);
    free(size);
    free(degree);
    free(scratch);
    return status;
}
