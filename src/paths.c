/*
 * Betweenness, closeness and harmonic closeness from one breadth-first search per source.
 *
 * Exact measures fold the hanging trees first (paths_fold.h) and search from the core vertices
 * only, each vertex reached standing for its blob; a sample of betweenness sources searches the
 * whole graph. Without betweenness, the core vertices are searched in batches, many sources in
 * one multi-source search (from_batch). Sources (or batches) are cut into a fixed number of
 * chunks; worker threads take chunks in turn, and each chunk sums its betweenness contributions
 * into its own array, in source order. The chunks are then added up in chunk order, so the
 * result is the same bytes whatever the number of threads. Per-vertex results (closeness,
 * harmonic, distances) are written by the one thread that owns the vertex's blob, and do not
 * depend on which batch or thread searched from it.
 */
#include "paths.h"

#include "error.h"
#include "paths_fold.h"
#include "threads.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNKS 32

/*
 * Without betweenness, the core's sources are searched in batches of BATCH at once (Then et al.,
 * "The More the Merrier: Efficient Multi-Source Graph Traversal", 2014): one bit per source in
 * WORDS 64-bit words per vertex. The vertices each source reaches at each level are counted in
 * bit-sliced counters, one bit of every source's count per word, so that a vertex reached by
 * many sources at once costs a few word operations, not one per source. A level goes down the
 * edges of its vertices or, once those are many more than the edges of the vertices some source
 * has not reached yet, up from those (14 times: Beamer et al.'s threshold). Consecutive core
 * numbers are close in the graph (paths_fold.h), so a batch's sources reach most vertices in a
 * few levels. On g1m, 256 sources a batch took 7.6 s of CPU for stats, 128 took 9.9 s.
 */
#define WORDS 4
#define BATCH (64 * WORDS)
#define SLICES 32 /* counts below 2^31: one word per bit */
/* past this many levels (a long path), a batch's per-level counts would take too much memory:
 * its sources are searched one by one instead */
#define LEVEL_CAP 8192
#define PULL_BELOW 14

typedef struct {
    uint64_t w[WORDS];
} mask_t;

int pn_csr__from_igraph(pn_csr_t *out, const igraph_t *graph)
{
    igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
    pn_csr_t c = {n, calloc((size_t)n + 1, sizeof *c.start), malloc((size_t)(2 * m + 1) * sizeof *c.adj)};
    if (!c.start || !c.adj) {
        pn_csr__destroy(&c);
        return pn_error__nomem();
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        c.start[IGRAPH_FROM(graph, e) + 1]++;
        c.start[IGRAPH_TO(graph, e) + 1]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        c.start[v + 1] += c.start[v];
    igraph_integer_t *fill = malloc(((size_t)n + 1) * sizeof *fill);
    if (!fill) {
        pn_csr__destroy(&c);
        return pn_error__nomem();
    }
    memcpy(fill, c.start, ((size_t)n + 1) * sizeof *fill);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(graph, e), b = IGRAPH_TO(graph, e);
        c.adj[fill[a]++] = (int32_t)b;
        c.adj[fill[b]++] = (int32_t)a;
    }
    free(fill);
    *out = c;
    return 0;
}

void pn_csr__destroy(pn_csr_t *csr)
{
    free(csr->start);
    free(csr->adj);
    csr->start = NULL;
    csr->adj = NULL;
}

typedef struct {
    const pn_fold_t *fold;
    const int32_t *sources; /* core numbers, or NULL: every core vertex */
    const int32_t *deep;    /* the core numbers with vertices hanging from them */
    igraph_integer_t deep_count;
    igraph_integer_t source_count;
    const pn_paths_out_t *out;
    double *chunk_betweenness[CHUNKS]; /* core_count values each */
    atomic_int next_chunk;
    atomic_long done;
    atomic_int stop;
    pn_progress_fn *progress;
    void *progress_data;
    atomic_int failed;
} job_t;

typedef struct {
    /* core numbers: distance from the source, UNREACHED when not reached (above every
     * distance, so that a neighbour's new distance is a minimum, without a branch) */
    int32_t *dist;
    double *sigma;  /* core numbers: shortest paths from the source, 0 when not reached */
    double *credit; /* core numbers: (blob weight + dependency) / sigma, the backward pass */
    double *pulled; /* core numbers: the credits its children pushed back, 0 when not reached */
    int32_t *order; /* the core vertices in the order the search reached them */
    /* Each shortest-path step (an edge one step farther from the source) is listed once, in
     * the forward pass, for the backward pass: as a child of order[i],
     * child[child_start[i] .. child_start[i + 1]), when the search went from order[i]'s level
     * down its edges; as a parent of order[i], parent[parent_start[i] .. parent_start[i + 1]),
     * when it went up from the vertices not reached yet. An edge is a step in one direction at
     * most: half the adjacency entries suffice for each list. */
    igraph_integer_t *child_start, *parent_start;
    int32_t *child, *parent;
    int64_t *reach; /* graph vertices at each distance from the source, 0 after each source */
    /* a blob's tree (blob_members): per graph vertex its index in the blob, -1 outside; per
     * index its parent, depth, children, subtree size; the tree in preorder, a stack; the
     * distance counts (2 * height + 4); per depth, the harmonic sum beyond the blob */
    int32_t *tree_index, *tree_parent, *tree_depth, *tree_child_start, *tree_child;
    int32_t *tree_size, *tree_pre, *tree_open;
    int64_t *tree_count;
    double *tree_beyond;
    /* the batches (distances only): per core vertex, the sources that reached it, that reached
     * it at the level, that reach it at the next level; the vertices reached at the level, the
     * vertices the level leads to */
    mask_t *seen, *visit, *next;
    mask_t *full;        /* per core vertex: the batch's sources in its component */
    int32_t *unfinished; /* see batch_t */
    int32_t *frontier, *touched;
    /* per level: SLICES * WORDS words of bit-sliced counts, then BATCH counts per source */
    uint64_t *counter;
    int64_t *count;
    int32_t level_room; /* the levels both have room for */
} scratch_t;

#define UNREACHED INT32_MAX

static int scratch_init(scratch_t *s, const pn_fold_t *f, int betweenness)
{
    const pn_csr_t *core = &f->core;
    igraph_integer_t core_count = core->n, n = f->n;
    size_t k = (size_t)(core_count ? core_count : 1), all = (size_t)n + 1;
    /* the largest blob and the highest */
    size_t blob = 1, height = 0;
    for (igraph_integer_t i = 0; i < core_count; i++) {
        if ((size_t)f->weight[i] > blob)
            blob = (size_t)f->weight[i];
        if ((size_t)(f->histogram_start[i + 1] - f->histogram_start[i]) > height + 1)
            height = (size_t)(f->histogram_start[i + 1] - f->histogram_start[i]) - 1;
    }
    memset(s, 0, sizeof *s);
    s->dist = malloc(k * sizeof *s->dist);
    s->order = malloc((k + 1) * sizeof *s->order); /* and one written past the last */
    s->reach = calloc(all, sizeof *s->reach);
    s->tree_index = malloc(all * sizeof *s->tree_index);
    s->tree_parent = malloc(blob * sizeof *s->tree_parent);
    s->tree_depth = malloc(blob * sizeof *s->tree_depth);
    s->tree_child_start = malloc((blob + 1) * sizeof *s->tree_child_start);
    s->tree_child = malloc(blob * sizeof *s->tree_child);
    s->tree_size = malloc(blob * sizeof *s->tree_size);
    s->tree_pre = malloc(blob * sizeof *s->tree_pre);
    s->tree_open = malloc(blob * sizeof *s->tree_open);
    s->tree_count = calloc(2 * height + 4, sizeof *s->tree_count);
    s->tree_beyond = malloc((height + 1) * sizeof *s->tree_beyond);
    if (!s->dist || !s->order || !s->reach || !s->tree_index || !s->tree_parent ||
        !s->tree_depth || !s->tree_child_start || !s->tree_child || !s->tree_size ||
        !s->tree_pre || !s->tree_open || !s->tree_count || !s->tree_beyond)
        return -1;
    if (!betweenness) {
        s->seen = calloc(k, sizeof *s->seen);
        s->visit = calloc(k, sizeof *s->visit);
        s->next = calloc(k, sizeof *s->next);
        s->frontier = malloc(k * sizeof *s->frontier);
        s->touched = malloc(k * sizeof *s->touched);
        s->full = malloc(k * sizeof *s->full);
        s->unfinished = malloc(k * sizeof *s->unfinished);
        if (!s->seen || !s->visit || !s->next || !s->frontier || !s->touched || !s->full ||
            !s->unfinished)
            return -1;
    }
    if (betweenness) {
        size_t steps = (size_t)core->start[core_count] / 2 + 1;
        s->sigma = calloc(k, sizeof *s->sigma);
        s->credit = malloc(k * sizeof *s->credit);
        s->pulled = calloc(k, sizeof *s->pulled);
        s->child_start = malloc((k + 1) * sizeof *s->child_start);
        s->parent_start = malloc((k + 1) * sizeof *s->parent_start);
        s->child = malloc(steps * sizeof *s->child);
        s->parent = malloc(steps * sizeof *s->parent);
        if (!s->sigma || !s->credit || !s->pulled || !s->child_start || !s->parent_start ||
            !s->child || !s->parent)
            return -1;
    }
    for (igraph_integer_t v = 0; v < core_count; v++)
        s->dist[v] = UNREACHED;
    for (igraph_integer_t v = 0; v < n; v++)
        s->tree_index[v] = -1;
    return 0;
}

static void scratch_destroy(scratch_t *s)
{
    free(s->dist);
    free(s->sigma);
    free(s->credit);
    free(s->order);
    free(s->pulled);
    free(s->child_start);
    free(s->parent_start);
    free(s->child);
    free(s->parent);
    free(s->reach);
    free(s->tree_index);
    free(s->tree_parent);
    free(s->tree_depth);
    free(s->tree_child_start);
    free(s->tree_child);
    free(s->tree_size);
    free(s->tree_pre);
    free(s->tree_open);
    free(s->tree_count);
    free(s->tree_beyond);
    free(s->seen);
    free(s->visit);
    free(s->next);
    free(s->frontier);
    free(s->touched);
    free(s->full);
    free(s->unfinished);
    free(s->counter);
    free(s->count);
}

/* What one vertex's breadth-first search sums up: the vertices it reaches (itself aside), the
 * sum of their distances and of their inverses, the largest distance. */
typedef struct {
    int64_t reached, distance_sum;
    double harmonic;
    int32_t eccentricity;
} reach_t;

static void write_vertex(const pn_paths_out_t *out, igraph_integer_t n, int32_t v,
                         const reach_t *r)
{
    if (out->closeness) {
        double reached = (double)r->reached;
        out->closeness[v] =
            r->reached > 0 ? (reached / (double)(n - 1)) * (reached / (double)r->distance_sum)
                           : 0.0;
    }
    if (out->harmonic)
        out->harmonic[v] = n > 1 ? r->harmonic / (double)(n - 1) : 0.0;
    if (out->distance_sum)
        out->distance_sum[v] = (double)r->distance_sum;
    if (out->eccentricity)
        out->eccentricity[v] = r->eccentricity;
}

/* Adds @p sign to a blob vertex's distance counts for moving to the vertex pre[at] from its
 * parent: its subtree pre[at .. at + size) comes one step closer, the rest one step farther
 * (the counts already shifted one place by the caller). */
static void tree_step(const scratch_t *s, int64_t *count, int32_t at, int64_t sign)
{
    const int32_t *pre = s->tree_pre, *depth = s->tree_depth;
    int32_t top = depth[pre[at]];
    for (int32_t j = at; j < at + s->tree_size[pre[at]]; j++) {
        int32_t below = depth[pre[j]] - top;
        count[below] += sign;
        count[below + 2] -= sign;
    }
}

/*
 * The folded vertices of @p source's blob: inside the blob, the tree's distances; beyond it,
 * the root's distances (reach, less the blob's own) lengthened by the vertex's depth.
 *
 * Inside, a vertex's distance counts follow from its parent's: one place farther, except its
 * own subtree, one place closer. A walk of the tree in preorder moves the counts down to each
 * vertex and back up, costing its subtree's size each way: time the blob's size times its
 * height at most (a star: linear), where a search from every member would cost its square.
 */
static void blob_members(const job_t *job, scratch_t *s, int32_t source, const pn_csr_t *graph,
                         const reach_t *root, int32_t farthest)
{
    const pn_fold_t *f = job->fold;
    igraph_integer_t first = f->member_start[source];
    int32_t members = (int32_t)(f->member_start[source + 1] - first);
    if (members == 0)
        return;
    const int64_t *own = f->histogram + f->histogram_start[source];
    int32_t levels = (int32_t)(f->histogram_start[source + 1] - f->histogram_start[source]);
    int32_t height = levels - 1;
    int64_t own_sum = 0;
    for (int32_t k = 1; k < levels; k++)
        own_sum += k * own[k];
    /* the vertices beyond the blob, at distance j from the root: reach[j] - own[j] */
    int64_t beyond = root->reached - members;
    int64_t beyond_sum = root->distance_sum - own_sum;
    int32_t beyond_farthest = -1;
    for (int32_t j = farthest; j > 0 && beyond_farthest < 0; j--)
        if (s->reach[j] - (j < levels ? own[j] : 0) > 0)
            beyond_farthest = j;
    double *beyond_harmonic = s->tree_beyond; /* per depth */
    for (int32_t depth = 1; depth <= height; depth++) {
        double sum = 0;
        for (int32_t j = 1; j <= beyond_farthest; j++)
            sum += (double)(s->reach[j] - (j < levels ? own[j] : 0)) / (double)(depth + j);
        beyond_harmonic[depth] = sum;
    }

    /* the tree: 0 the root, i the member first + i - 1; its children, its preorder */
    int32_t count = members + 1;
    int32_t *index = s->tree_index, *parent = s->tree_parent, *depth = s->tree_depth;
    int32_t *child_start = s->tree_child_start, *child = s->tree_child, *pre = s->tree_pre;
    int32_t *size = s->tree_size, *open = s->tree_open;
    index[f->vertex[source]] = 0;
    for (int32_t i = 1; i < count; i++)
        index[f->member[first + i - 1]] = i;
    depth[0] = 0;
    parent[0] = -1;
    memset(child_start, 0, ((size_t)count + 1) * sizeof *child_start);
    for (int32_t i = 1; i < count; i++) {
        int32_t u = f->member[first + i - 1];
        depth[i] = f->depth[u];
        for (igraph_integer_t k = graph->start[u]; k < graph->start[u + 1]; k++) {
            int32_t w = graph->adj[k];
            if (index[w] >= 0 && f->depth[w] == depth[i] - 1) {
                parent[i] = index[w];
                break;
            }
        }
        child_start[parent[i] + 1]++;
    }
    for (int32_t i = 0; i < count; i++)
        child_start[i + 1] += child_start[i];
    for (int32_t i = 0; i < count; i++)
        size[i] = child_start[i]; /* the fill position, for now */
    for (int32_t i = 1; i < count; i++)
        child[size[parent[i]]++] = i;
    int32_t tail = 0, stacked = 1;
    open[0] = 0;
    while (stacked > 0) {
        int32_t v = open[--stacked];
        pre[tail++] = v;
        for (int32_t k = child_start[v + 1] - 1; k >= child_start[v]; k--)
            open[stacked++] = child[k];
    }
    for (int32_t i = 0; i < count; i++)
        size[i] = 1;
    for (int32_t k = count - 1; k > 0; k--)
        size[parent[pre[k]]] += size[pre[k]];

    /* the distance counts of the vertex on the walk: at[d], d = 0 .. its depth + height */
    int64_t *at = s->tree_count + height + 1;
    for (int32_t d = 0; d < levels; d++)
        at[d] = own[d];
    int32_t path = 0; /* the walk's vertices from the root, as preorder positions: open[] */
    open[0] = 0;
    for (int32_t k = 1; k < count; k++) {
        int32_t v = pre[k];
        for (; pre[open[path]] != parent[v]; path--) {
            tree_step(s, at, open[path], -1);
            at++;
        }
        at--;
        tree_step(s, at, k, 1);
        open[++path] = k;
        reach_t r = {members + beyond, 0, 0.0, 0};
        for (int32_t d = 1; d <= depth[v] + height; d++) {
            if (at[d] == 0)
                continue;
            r.distance_sum += d * at[d];
            r.harmonic += (double)at[d] / (double)d;
            r.eccentricity = d;
        }
        if (beyond_farthest >= 0 && depth[v] + beyond_farthest > r.eccentricity)
            r.eccentricity = depth[v] + beyond_farthest;
        r.distance_sum += depth[v] * beyond + beyond_sum;
        r.harmonic += beyond_harmonic[depth[v]];
        write_vertex(job->out, f->n, f->member[first + v - 1], &r);
    }
    memset(s->tree_count, 0, (2 * (size_t)height + 4) * sizeof *s->tree_count);
    index[f->vertex[source]] = -1;
    for (int32_t i = 1; i < count; i++)
        index[f->member[first + i - 1]] = -1;
}

/* The sums of a source's distances (reach, the graph vertices at each distance up to
 * @p farthest), written for it and for the vertices hanging from it. */
static void write_source(const job_t *job, scratch_t *s, const pn_csr_t *graph, int32_t source,
                         int32_t farthest)
{
    const int64_t *reach = s->reach;
    reach_t r = {0, 0, 0.0, farthest};
    for (int32_t j = 1; j <= farthest; j++) {
        r.reached += reach[j];
        r.distance_sum += j * reach[j];
        r.harmonic += (double)reach[j] / (double)j;
    }
    write_vertex(job->out, job->fold->n, job->fold->vertex[source], &r);
    blob_members(job, s, source, graph, &r, farthest);
}

/* The vertices of a search that a level leads to, and the steps there. */
typedef struct {
    igraph_integer_t tail;     /* vertices reached: order[0 .. tail) */
    igraph_integer_t children; /* entries of child[] */
    igraph_integer_t parents;  /* entries of parent[] */
} search_t;

/* @p x when @p keep is 1, +0 when it is 0, without a branch (and 0 even for an infinite x) */
static inline double only(double x, int keep)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits &= -(uint64_t)keep;
    memcpy(&x, &bits, sizeof x);
    return x;
}

/*
 * Top-down: the neighbours of the level's vertices order[first .. last) that no search has
 * reached are one step farther (at @p next). No branch per edge: the neighbour's distance is a
 * minimum, the path count added 0 off the shortest paths, since which neighbours are new or one
 * step farther is what a processor cannot predict.
 */
static void push_level(scratch_t *s, const pn_csr_t *g, search_t *at, igraph_integer_t first,
                       igraph_integer_t last, int32_t next, int count_paths)
{
    int32_t *restrict dist = s->dist, *restrict order = s->order, *restrict child = s->child;
    double *restrict sigma = s->sigma;
    igraph_integer_t tail = at->tail, children = at->children;
    for (igraph_integer_t i = first; i < last; i++) {
        int32_t v = order[i];
        const int32_t *adj = g->adj + g->start[v], *end = g->adj + g->start[v + 1];
        if (!count_paths) {
            for (; adj < end; adj++) {
                int32_t w = *adj, was = dist[w];
                dist[w] = was < next ? was : next;
                order[tail] = w;
                tail += was > next;
            }
            continue;
        }
        const double add[2] = {0.0, sigma[v]}; /* indexed, not a branch */
        s->child_start[i] = children;
        for (; adj < end; adj++) {
            int32_t w = *adj, was = dist[w];
            int32_t d = was < next ? was : next;
            dist[w] = d;
            order[tail] = w;
            tail += was > next;
            child[children] = w;
            children += d == next;
            sigma[w] += add[d == next];
        }
    }
    for (igraph_integer_t j = at->tail; j < tail && count_paths; j++)
        s->parent_start[j] = at->parents;
    at->tail = tail;
    at->children = children;
}

/*
 * Bottom-up: each vertex of the component core[first .. last) not reached yet looks for
 * neighbours on the level (at next - 1); with one, it is at @p next. When the level is larger
 * than what is left, this reads fewer edges (Beamer, Asanovic and Patterson, "Direction-
 * optimizing breadth-first search", 2012); counting paths, it reads every edge of those
 * vertices, since every neighbour on the level is a parent.
 */
static void pull_level(scratch_t *s, const pn_csr_t *g, search_t *at, igraph_integer_t level_start,
                       igraph_integer_t level_end, int32_t first, int32_t last, int32_t next,
                       int count_paths)
{
    int32_t *restrict dist = s->dist, *restrict order = s->order, *restrict parent = s->parent;
    double *restrict sigma = s->sigma;
    igraph_integer_t tail = at->tail, parents = at->parents;
    int32_t level = next - 1;
    for (igraph_integer_t i = level_start; i < level_end && count_paths; i++)
        s->child_start[i] = at->children;
    for (int32_t u = first; u < last; u++) {
        if (dist[u] != UNREACHED)
            continue;
        const int32_t *adj = g->adj + g->start[u], *end = g->adj + g->start[u + 1];
        if (!count_paths) {
            for (; adj < end && dist[*adj] != level; adj++)
                ;
            if (adj < end) {
                dist[u] = next;
                order[tail++] = u;
            }
            continue;
        }
        igraph_integer_t mine = parents;
        double paths = 0;
        for (; adj < end; adj++) {
            int32_t w = *adj;
            int on_level = dist[w] == level;
            parent[parents] = w;
            parents += on_level;
            paths += only(sigma[w], on_level);
        }
        if (parents > mine) {
            dist[u] = next;
            sigma[u] = paths;
            s->parent_start[tail] = mine;
            order[tail++] = u;
        }
    }
    at->tail = tail;
    at->parents = parents;
}

/*
 * One core vertex as source: the search counting shortest paths, each vertex reached standing
 * for its blob; the distances of the whole graph from it and from its blob; then the
 * dependency accumulation, each target weighted by its blob (Baglioni et al.). The search goes
 * level by level, down from the level's vertices or up from the vertices left, whichever
 * reads fewer edges; the backward pass reads the steps the search listed.
 */
static void from_source(const job_t *job, scratch_t *s, const pn_csr_t *graph, int32_t source,
                        double *betweenness)
{
    const pn_fold_t *f = job->fold;
    const pn_csr_t *g = &f->core;
    int32_t *restrict dist = s->dist, *restrict order = s->order;
    double *restrict sigma = s->sigma, *restrict credit = s->credit, *restrict pulled = s->pulled;
    int64_t *reach = s->reach;
    int count_paths = betweenness != NULL;
    int32_t first = f->component_first[source], last = f->component_end[source];
    /* edges (adjacency entries) of the component, of the vertices reached, of the level */
    igraph_integer_t edges = g->start[last] - g->start[first];
    igraph_integer_t level_edges = g->start[source + 1] - g->start[source];
    igraph_integer_t reached_edges = level_edges, level_start = 0;
    search_t at = {1, 0, 0};
    int32_t level = 0;
    dist[source] = 0;
    order[0] = source;
    reach[0] = 1;
    if (count_paths) {
        sigma[source] = 1;
        s->parent_start[0] = 0;
    }
    for (;;) {
        igraph_integer_t level_end = at.tail;
        if ((last - first) + (edges - reached_edges) < level_edges)
            pull_level(s, g, &at, level_start, level_end, first, last, level + 1, count_paths);
        else
            push_level(s, g, &at, level_start, level_end, level + 1, count_paths);
        if (at.tail == level_end)
            break;
        level_edges = 0;
        for (igraph_integer_t j = level_end; j < at.tail; j++)
            level_edges += g->start[order[j] + 1] - g->start[order[j]];
        reached_edges += level_edges;
        reach[++level] = at.tail - level_end;
        level_start = level_end;
    }
    igraph_integer_t tail = at.tail;
    /* the folded vertices hanging from the core vertices reached */
    int32_t farthest = level;
    for (igraph_integer_t i = 0; i < job->deep_count; i++) {
        int32_t root = job->deep[i];
        if (dist[root] == UNREACHED)
            continue;
        const int64_t *blob = f->histogram + f->histogram_start[root];
        int32_t levels = (int32_t)(f->histogram_start[root + 1] - f->histogram_start[root]);
        for (int32_t k = 1; k < levels; k++)
            reach[dist[root] + k] += blob[k];
        if (dist[root] + levels - 1 > farthest)
            farthest = dist[root] + levels - 1;
    }
    const pn_paths_out_t *out = job->out;
    if (out->closeness || out->harmonic || out->distance_sum || out->eccentricity)
        write_source(job, s, graph, source, farthest);
    for (int32_t j = 0; j <= farthest; j++)
        reach[j] = 0;
    if (betweenness) {
        double weight = f->weight[source];
        const int32_t *child = s->child, *parent = s->parent;
        const igraph_integer_t *child_start = s->child_start, *parent_start = s->parent_start;
        s->child_start[tail] = at.children;
        s->parent_start[tail] = at.parents;
        for (igraph_integer_t i = tail - 1; i > 0; i--) {
            int32_t w = order[i];
            const int32_t *c = child + child_start[i], *end = child + child_start[i + 1];
            /* two sums, so that the additions of a long list overlap */
            double even = 0, odd = 0;
            for (; end - c >= 2; c += 2) {
                even += credit[c[0]];
                odd += credit[c[1]];
            }
            if (c < end)
                even += credit[*c];
            double dependency = sigma[w] * (even + odd + pulled[w]);
            double own = (f->weight[w] + dependency) / sigma[w];
            credit[w] = own;
            for (igraph_integer_t k = parent_start[i]; k < parent_start[i + 1]; k++)
                pulled[parent[k]] += own;
            betweenness[w] += weight * dependency;
        }
        for (igraph_integer_t i = 0; i < tail; i++) {
            sigma[order[i]] = 0;
            pulled[order[i]] = 0;
        }
    }
    for (igraph_integer_t i = 0; i < tail; i++)
        dist[order[i]] = UNREACHED;
}

/* Room for the counts of levels 0 .. @p levels - 1 (zeroed); -1 past LEVEL_CAP or out of memory. */
static int level_room(scratch_t *s, int32_t levels)
{
    if (levels <= s->level_room)
        return 0;
    if (levels > LEVEL_CAP)
        return -1;
    int32_t room = s->level_room * 2 > levels ? s->level_room * 2 : levels;
    if (room < 64)
        room = 64;
    if (room > LEVEL_CAP)
        room = LEVEL_CAP;
    uint64_t *counter = realloc(s->counter, (size_t)room * SLICES * WORDS * sizeof *counter);
    if (!counter)
        return -1;
    s->counter = counter;
    int64_t *count = realloc(s->count, (size_t)room * BATCH * sizeof *count);
    if (!count)
        return -1;
    s->count = count;
    size_t old = (size_t)s->level_room, more = (size_t)(room - s->level_room);
    memset(counter + old * SLICES * WORDS, 0, more * SLICES * WORDS * sizeof *counter);
    memset(count + old * BATCH, 0, more * BATCH * sizeof *count);
    s->level_room = room;
    return 0;
}

/* Adds @p weight to the bit-sliced count of each source in @p x: binary addition, one word per
 * bit, the carries rippling up (about two word operations per addition on average). */
static void count_add(uint64_t *counter, const mask_t *x, int64_t weight)
{
    for (int bit = 0; weight; bit++, weight >>= 1) {
        if (!(weight & 1))
            continue;
        for (int j = 0; j < WORDS; j++) {
            uint64_t carry = x->w[j];
            for (int i = bit; carry; i++) {
                uint64_t *c = counter + i * WORDS + j;
                uint64_t t = *c & carry;
                *c ^= carry;
                carry = t;
            }
        }
    }
}

/* The bit-sliced counts of a level into per-source counts; the slices back to 0. */
static void count_out(uint64_t *counter, int64_t *count)
{
    for (int i = 0; i < SLICES; i++) {
        for (int j = 0; j < WORDS; j++) {
            uint64_t word = counter[i * WORDS + j];
            counter[i * WORDS + j] = 0;
            for (; word; word &= word - 1)
                count[j * 64 + __builtin_ctzll(word)] += (int64_t)1 << i;
        }
    }
}

static int mask_any(const mask_t *m)
{
    uint64_t any = 0;
    for (int j = 0; j < WORDS; j++)
        any |= m->w[j];
    return any != 0;
}

static int mask_equal(const mask_t *a, const mask_t *b)
{
    uint64_t differ = 0;
    for (int j = 0; j < WORDS; j++)
        differ |= a->w[j] ^ b->w[j];
    return differ == 0;
}

/* A batch's search between levels: the vertices reached at the level (frontier[0 .. tail), the
 * sources in visit[]) and the edges they have; the vertices some source of their component has
 * not reached (a superset: unfinished[0 .. unfinished_count)) and the edges those have. */
typedef struct {
    igraph_integer_t tail, level_edges;
    igraph_integer_t unfinished_count, unfinished_edges;
} batch_t;

/* The level's new vertices, touched[0 .. found), their sources in next[], into the frontier. */
static void batch_level(scratch_t *s, const pn_csr_t *g, batch_t *at, igraph_integer_t found)
{
    for (igraph_integer_t i = 0; i < at->tail; i++)
        s->visit[s->frontier[i]] = (mask_t){{0}};
    at->tail = 0;
    at->level_edges = 0;
    for (igraph_integer_t i = 0; i < found; i++) {
        int32_t w = s->touched[i];
        s->visit[w] = s->next[w];
        s->next[w] = (mask_t){{0}};
        s->frontier[at->tail++] = w;
        at->level_edges += g->start[w + 1] - g->start[w];
    }
}

/* Top-down: each vertex of the level passes its sources to its neighbours; those not seen
 * there yet reach the neighbour at the next level. */
static void batch_push(scratch_t *s, const pn_csr_t *g, batch_t *at)
{
    mask_t *restrict seen = s->seen, *restrict visit = s->visit, *restrict next = s->next;
    int32_t *restrict touched = s->touched;
    const mask_t *restrict full = s->full;
    igraph_integer_t candidates = 0, found = 0;
    for (igraph_integer_t i = 0; i < at->tail; i++) {
        int32_t v = s->frontier[i];
        mask_t from = visit[v];
        for (igraph_integer_t k = g->start[v]; k < g->start[v + 1]; k++) {
            int32_t w = g->adj[k];
            if (!mask_any(&next[w]))
                touched[candidates++] = w;
            for (int j = 0; j < WORDS; j++)
                next[w].w[j] |= from.w[j];
        }
    }
    for (igraph_integer_t i = 0; i < candidates; i++) {
        int32_t w = touched[i];
        mask_t fresh;
        for (int j = 0; j < WORDS; j++) {
            fresh.w[j] = next[w].w[j] & ~seen[w].w[j];
            seen[w].w[j] |= fresh.w[j];
        }
        next[w] = fresh;
        if (!mask_any(&fresh))
            continue;
        touched[found++] = w;
        if (mask_equal(&seen[w], &full[w]))
            at->unfinished_edges -= g->start[w + 1] - g->start[w];
    }
    batch_level(s, g, at, found);
}

/* Bottom-up: each vertex that some source of its component has not reached looks for those
 * sources among its neighbours on the level, and stops once it has found them all. When the
 * level has more edges than the vertices left, this reads fewer (Beamer et al., 2012). */
static void batch_pull(scratch_t *s, const pn_csr_t *g, batch_t *at)
{
    mask_t *restrict seen = s->seen, *restrict next = s->next;
    const mask_t *restrict visit = s->visit, *restrict full = s->full;
    int32_t *restrict unfinished = s->unfinished, *restrict touched = s->touched;
    igraph_integer_t kept = 0, found = 0;
    for (igraph_integer_t i = 0; i < at->unfinished_count; i++) {
        int32_t v = unfinished[i];
        mask_t need, got = {{0}};
        uint64_t left = 0;
        for (int j = 0; j < WORDS; j++) {
            need.w[j] = full[v].w[j] & ~seen[v].w[j];
            left |= need.w[j];
        }
        if (!left) /* finished by a level that went down */
            continue;
        for (igraph_integer_t k = g->start[v]; k < g->start[v + 1] && left; k++) {
            const mask_t *from = &visit[g->adj[k]];
            left = 0;
            for (int j = 0; j < WORDS; j++) {
                got.w[j] |= from->w[j] & need.w[j];
                left |= need.w[j] & ~got.w[j];
            }
        }
        if (mask_any(&got)) {
            for (int j = 0; j < WORDS; j++)
                seen[v].w[j] |= got.w[j];
            next[v] = got;
            touched[found++] = v;
        }
        if (left)
            unfinished[kept++] = v;
        else
            at->unfinished_edges -= g->start[v + 1] - g->start[v];
    }
    at->unfinished_count = kept;
    batch_level(s, g, at, found);
}

/*
 * The core vertices first .. last - 1 as sources of one multi-source search, distances only.
 * Each level, every vertex reached passes the sources that reached it to its neighbours; those
 * sources not seen there yet reach the neighbour at the next level. The vertices each source
 * reaches per level, and the blobs hanging from them per level, are the same counts (reach) as
 * from_source's, so the per-vertex sums are the same, added up in the same order.
 * @return 0, or -1 when there are too many levels for the counts (nothing written then)
 */
static int from_batch(const job_t *job, scratch_t *s, const pn_csr_t *graph, int32_t first,
                      int32_t last)
{
    const pn_fold_t *f = job->fold;
    const pn_csr_t *g = &f->core;
    mask_t *restrict seen = s->seen, *restrict visit = s->visit;
    int32_t low = f->component_first[first], high = f->component_end[last - 1];
    batch_t at = {0, 0, 0, 0};
    /* per vertex, the batch's sources in its component */
    for (int32_t v = low; v < high; v = f->component_end[v]) {
        int32_t from = f->component_first[v] > first ? f->component_first[v] : first;
        int32_t to = f->component_end[v] < last ? f->component_end[v] : last;
        mask_t sources = {{0}};
        for (int32_t b = from - first; b < to - first; b++)
            sources.w[b / 64] |= (uint64_t)1 << (b % 64);
        for (int32_t u = v; u < f->component_end[v]; u++)
            s->full[u] = sources;
    }
    for (int32_t v = first; v < last; v++) {
        int b = v - first;
        seen[v].w[b / 64] |= (uint64_t)1 << (b % 64);
        visit[v] = seen[v];
        s->frontier[at.tail++] = v;
        at.level_edges += g->start[v + 1] - g->start[v];
    }
    for (int32_t v = low; v < high; v++) {
        if (mask_equal(&seen[v], &s->full[v]))
            continue;
        s->unfinished[at.unfinished_count++] = v;
        at.unfinished_edges += g->start[v + 1] - g->start[v];
    }
    int32_t level = 0, top = 0; /* the farthest level counted */
    int status = level_room(s, 1);
    while (status == 0) {
        /* the level's vertices, and the blobs hanging from them at the levels below */
        for (igraph_integer_t i = 0; i < at.tail && status == 0; i++) {
            int32_t v = s->frontier[i];
            if (level > 0)
                count_add(s->counter + (size_t)level * SLICES * WORDS, &visit[v], 1);
            const int64_t *blob = f->histogram + f->histogram_start[v];
            int32_t levels = (int32_t)(f->histogram_start[v + 1] - f->histogram_start[v]);
            if (levels < 2)
                continue;
            if ((status = level_room(s, level + levels)) != 0)
                break;
            for (int32_t k = 1; k < levels; k++)
                count_add(s->counter + (size_t)(level + k) * SLICES * WORDS, &visit[v], blob[k]);
            if (level + levels - 1 > top)
                top = level + levels - 1;
        }
        if (status != 0)
            break;
        count_out(s->counter + (size_t)level * SLICES * WORDS, s->count + (size_t)level * BATCH);
        if (at.unfinished_edges < PULL_BELOW * at.level_edges)
            batch_pull(s, g, &at);
        else
            batch_push(s, g, &at);
        if (at.tail == 0)
            break;
        level++;
        if (level > top)
            top = level;
        status = level_room(s, level + 1);
    }
    if (status == 0)
        for (int32_t j = level + 1; j <= top; j++)
            count_out(s->counter + (size_t)j * SLICES * WORDS, s->count + (size_t)j * BATCH);
    size_t span = (size_t)(high - low);
    memset(seen + low, 0, span * sizeof *seen);
    memset(visit + low, 0, span * sizeof *visit);
    memset(s->next + low, 0, span * sizeof *s->next);
    if (status != 0) {
        int32_t used = top + 1 < s->level_room ? top + 1 : s->level_room;
        memset(s->counter, 0, (size_t)used * SLICES * WORDS * sizeof *s->counter);
        memset(s->count, 0, (size_t)used * BATCH * sizeof *s->count);
        return -1;
    }
    int64_t *reach = s->reach;
    for (int32_t source = first; source < last; source++) {
        const int64_t *count = s->count + (source - first);
        int32_t farthest = 0;
        for (int32_t j = 1; j <= top; j++) {
            reach[j] = count[(size_t)j * BATCH];
            if (reach[j] > 0)
                farthest = j;
        }
        write_source(job, s, graph, source, farthest);
        for (int32_t j = 0; j <= top; j++)
            reach[j] = 0;
    }
    memset(s->count, 0, (size_t)(top + 1) * BATCH * sizeof *s->count);
    return 0;
}

typedef struct {
    job_t *job;
    const pn_csr_t *graph;
} work_t;

static void worker(void *arg, int k)
{
    work_t *work = arg;
    job_t *job = work->job;
    (void)k; /* the chunks are shared out as the workers ask for them */
    scratch_t s;
    igraph_integer_t count = job->source_count;
    if (scratch_init(&s, job->fold, job->out->betweenness != NULL) != 0) {
        scratch_destroy(&s);
        atomic_store(&job->failed, 1);
        atomic_store(&job->stop, 1);
        return;
    }
    /* without betweenness, every core vertex is a source: the work is in batches */
    int batches = job->out->betweenness == NULL;
    if (batches)
        count = (count + BATCH - 1) / BATCH;
    int chunk;
    while (!atomic_load(&job->stop) && (chunk = atomic_fetch_add(&job->next_chunk, 1)) < CHUNKS) {
        igraph_integer_t first = count * chunk / CHUNKS, last = count * (chunk + 1) / CHUNKS;
        for (igraph_integer_t i = first; i < last && !atomic_load(&job->stop); i++) {
            if (!batches) {
                int32_t source = job->sources ? job->sources[i] : (int32_t)i;
                from_source(job, &s, work->graph, source, job->chunk_betweenness[chunk]);
                atomic_fetch_add(&job->done, 1);
                continue;
            }
            int32_t from = (int32_t)(i * BATCH);
            int32_t to = (int32_t)(i + 1 < count ? (i + 1) * BATCH : job->source_count);
            if (from_batch(job, &s, work->graph, from, to) != 0)
                for (int32_t source = from; source < to; source++)
                    from_source(job, &s, work->graph, source, NULL);
            atomic_fetch_add(&job->done, to - from);
        }
    }
    scratch_destroy(&s);
}

/* The calling thread, while the workers work: the progress line, from 0% on. */
static void report(void *arg)
{
    job_t *job = ((work_t *)arg)->job;
    struct timespec pause = {0, 100 * 1000 * 1000};
    long last = 0, done;
    while ((done = atomic_load(&job->done)) < job->source_count && !atomic_load(&job->stop)) {
        long percent = (long)(100.0 * (double)done / (double)job->source_count);
        if (percent != last) {
            last = percent;
            if (job->progress("shortest paths", (double)percent, job->progress_data) != 0)
                atomic_store(&job->stop, 1);
        }
        nanosleep(&pause, NULL);
    }
}

/* With sources given, the per-vertex outputs of the others are 0. */
static int keep_sources(const pn_paths_out_t *out, igraph_integer_t n, const int32_t *sources,
                        igraph_integer_t source_count)
{
    char *is_source = calloc((size_t)(n ? n : 1), 1);
    if (!is_source)
        return pn_error__nomem();
    for (igraph_integer_t i = 0; i < source_count; i++)
        is_source[sources[i]] = 1;
    for (igraph_integer_t v = 0; v < n; v++) {
        if (is_source[v])
            continue;
        if (out->closeness)
            out->closeness[v] = 0;
        if (out->harmonic)
            out->harmonic[v] = 0;
        if (out->distance_sum)
            out->distance_sum[v] = 0;
        if (out->eccentricity)
            out->eccentricity[v] = 0;
    }
    free(is_source);
    return 0;
}

int pn_paths__compute(const pn_csr_t *csr, const int32_t *sources, igraph_integer_t source_count,
                      const pn_paths_out_t *out, int threads, pn_progress_fn *progress,
                      void *progress_data)
{
    igraph_integer_t n = csr->n;
    /* a sample estimates betweenness from its sources alone: nothing is folded then */
    int sampled = sources && out->betweenness;
    pn_fold_t fold = {0};
    int32_t *core_sources = NULL, *deep = NULL;
    job_t job = {.fold = &fold, .out = out, .progress = progress, .progress_data = progress_data};
    work_t work = {&job, csr};
    atomic_init(&job.next_chunk, 0);
    atomic_init(&job.done, 0);
    atomic_init(&job.stop, 0);
    atomic_init(&job.failed, 0);
    if (out->betweenness)
        memset(out->betweenness, 0, (size_t)n * sizeof *out->betweenness);
    if (out->closeness)
        memset(out->closeness, 0, (size_t)n * sizeof *out->closeness);
    if (out->harmonic)
        memset(out->harmonic, 0, (size_t)n * sizeof *out->harmonic);
    if (out->distance_sum)
        memset(out->distance_sum, 0, (size_t)n * sizeof *out->distance_sum);
    if (out->eccentricity)
        memset(out->eccentricity, 0, (size_t)n * sizeof *out->eccentricity);
    int status = pn_fold__build(&fold, csr, !sampled, out->betweenness && !sampled);
    if (status)
        goto done;
    job.source_count = fold.core_count;
    if (out->closeness || out->harmonic || out->distance_sum || out->eccentricity) {
        if (!(deep = malloc((size_t)(fold.core_count ? fold.core_count : 1) * sizeof *deep))) {
            status = pn_error__nomem();
            goto done;
        }
        for (igraph_integer_t i = 0; i < fold.core_count; i++)
            if (fold.histogram_start[i + 1] - fold.histogram_start[i] > 1)
                deep[job.deep_count++] = (int32_t)i;
        job.deep = deep;
    }
    if (sampled) {
        if (!(core_sources = malloc((size_t)(source_count ? source_count : 1) *
                                    sizeof *core_sources))) {
            status = pn_error__nomem();
            goto done;
        }
        for (igraph_integer_t i = 0; i < source_count; i++)
            core_sources[i] = fold.root[sources[i]];
        job.sources = core_sources;
        job.source_count = source_count;
    }
    for (int c = 0; c < CHUNKS && out->betweenness; c++) {
        if (!(job.chunk_betweenness[c] =
                  calloc((size_t)(fold.core_count ? fold.core_count : 1), sizeof(double)))) {
            status = pn_error__nomem();
            goto done;
        }
    }

    if (progress && progress("shortest paths", 0.0, progress_data) != 0)
        atomic_store(&job.stop, 1);
    pn_threads__run(pn_threads__count(threads, CHUNKS), worker, progress ? report : NULL, &work);
    if (atomic_load(&job.failed)) {
        status = pn_error__nomem();
        goto done;
    }
    if (atomic_load(&job.stop)) {
        status = pn_error_set(PN_ERROR, "interrupted");
        goto done;
    }
    if (sources && !sampled && (status = keep_sources(out, n, sources, source_count)) != 0)
        goto done;
    if (out->betweenness) {
        /* each unordered pair of core vertices was counted from both ends; a sample stands for
         * all sources */
        double scale = 0.5 * (sampled && source_count > 0 ? (double)n / (double)source_count : 1.0);
        for (igraph_integer_t i = 0; i < fold.core_count; i++) {
            double sum = 0;
            for (int c = 0; c < CHUNKS; c++)
                sum += job.chunk_betweenness[c][i];
            out->betweenness[fold.vertex[i]] = sum * scale;
        }
        /* the pairs from a blob's folded vertices to the rest of the component go through its
         * root; the trees hold the rest */
        for (igraph_integer_t i = 0; i < fold.core_count && !sampled; i++)
            out->betweenness[fold.vertex[i]] +=
                (double)(fold.weight[i] - 1) * (double)(fold.component[i] - fold.weight[i]);
        for (igraph_integer_t v = 0; v < n && !sampled; v++)
            out->betweenness[v] += fold.tree_betweenness[v];
    }
done:
    for (int c = 0; c < CHUNKS; c++)
        free(job.chunk_betweenness[c]);
    free(core_sources);
    free(deep);
    pn_fold__destroy(&fold);
    return status;
}
