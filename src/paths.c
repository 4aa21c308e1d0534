/*
 * Betweenness, closeness and harmonic closeness from one breadth-first search per source.
 *
 * Exact measures fold the hanging trees first (paths_fold.h) and search from the core vertices
 * only, each vertex reached standing for its blob; a sample of betweenness sources searches the
 * whole graph. Sources are cut into a fixed number of chunks; worker threads take chunks in
 * turn, and each chunk sums its betweenness contributions into its own array, in source order.
 * The chunks are then added up in chunk order, so the result is the same bytes whatever the
 * number of threads. Per-vertex results (closeness, harmonic, distances) are written by the
 * one thread that owns the vertex's blob.
 */
#include "paths.h"

#include "error.h"
#include "paths_fold.h"
#include "threads.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNKS 32

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
    int32_t *dist;  /* core numbers: distance from the source, -1 when not reached */
    double *sigma, *delta;
    int32_t *order; /* the core vertices in the order the search reached them */
    int64_t *reach; /* graph vertices at each distance from the source, 0 after each source */
    int32_t *tree_dist, *tree_order; /* the search inside a blob, on graph vertices */
} scratch_t;

static int scratch_init(scratch_t *s, igraph_integer_t core_count, igraph_integer_t n)
{
    size_t k = (size_t)(core_count ? core_count : 1), all = (size_t)n + 1;
    s->dist = malloc(k * sizeof *s->dist);
    s->sigma = malloc(k * sizeof *s->sigma);
    s->delta = malloc(k * sizeof *s->delta);
    s->order = malloc(k * sizeof *s->order);
    s->reach = calloc(all, sizeof *s->reach);
    s->tree_dist = malloc(all * sizeof *s->tree_dist);
    s->tree_order = malloc(all * sizeof *s->tree_order);
    if (!s->dist || !s->sigma || !s->delta || !s->order || !s->reach || !s->tree_dist ||
        !s->tree_order)
        return -1;
    for (igraph_integer_t v = 0; v < core_count; v++)
        s->dist[v] = -1;
    for (igraph_integer_t v = 0; v < n; v++)
        s->tree_dist[v] = -1;
    return 0;
}

static void scratch_destroy(scratch_t *s)
{
    free(s->dist);
    free(s->sigma);
    free(s->delta);
    free(s->order);
    free(s->reach);
    free(s->tree_dist);
    free(s->tree_order);
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

/*
 * The folded vertices of @p source's blob: inside the blob, a search of its tree; beyond it,
 * the root's distances (reach, less the blob's own) lengthened by the vertex's depth.
 */
static void blob_members(const job_t *job, scratch_t *s, int32_t source, const pn_csr_t *graph,
                         const reach_t *root, int32_t farthest)
{
    const pn_fold_t *f = job->fold;
    const int64_t *own = f->histogram + f->histogram_start[source];
    igraph_integer_t levels = f->histogram_start[source + 1] - f->histogram_start[source];
    int64_t own_sum = 0;
    for (igraph_integer_t k = 1; k < levels; k++)
        own_sum += k * own[k];
    /* the vertices beyond the blob, at distance j from the root: reach[j] - own[j] */
    int64_t beyond = root->reached - (f->weight[source] - 1);
    int64_t beyond_sum = root->distance_sum - own_sum;
    int32_t beyond_farthest = -1;
    for (int32_t j = farthest; j > 0 && beyond_farthest < 0; j--)
        if (s->reach[j] - (j < levels ? own[j] : 0) > 0)
            beyond_farthest = j;
    int32_t depth = 0;
    double beyond_harmonic = 0;
    for (igraph_integer_t m = f->member_start[source]; m < f->member_start[source + 1]; m++) {
        int32_t u = f->member[m];
        if (f->depth[u] != depth) {
            depth = f->depth[u];
            beyond_harmonic = 0;
            for (int32_t j = 1; j <= beyond_farthest; j++)
                beyond_harmonic +=
                    (double)(s->reach[j] - (j < levels ? own[j] : 0)) / (double)(depth + j);
        }
        reach_t r = {0, 0, 0.0, 0};
        igraph_integer_t head = 0, tail = 1;
        s->tree_dist[u] = 0;
        s->tree_order[0] = u;
        while (head < tail) {
            int32_t v = s->tree_order[head++];
            int32_t next = s->tree_dist[v] + 1;
            for (igraph_integer_t k = graph->start[v]; k < graph->start[v + 1]; k++) {
                int32_t w = graph->adj[k];
                if (s->tree_dist[w] < 0 && f->root[w] == source) {
                    s->tree_dist[w] = next;
                    s->tree_order[tail++] = w;
                    r.distance_sum += next;
                    r.harmonic += 1.0 / next;
                }
            }
        }
        r.reached = tail - 1 + beyond;
        r.eccentricity = s->tree_dist[s->tree_order[tail - 1]];
        if (beyond_farthest >= 0 && depth + beyond_farthest > r.eccentricity)
            r.eccentricity = depth + beyond_farthest;
        r.distance_sum += depth * beyond + beyond_sum;
        r.harmonic += beyond_harmonic;
        for (igraph_integer_t i = 0; i < tail; i++)
            s->tree_dist[s->tree_order[i]] = -1;
        write_vertex(job->out, f->n, u, &r);
    }
}

/*
 * One core vertex as source: the search counting shortest paths, each vertex reached standing
 * for its blob; the distances of the whole graph from it and from its blob; then the
 * dependency accumulation, each target weighted by its blob (Baglioni et al.).
 */
static void from_source(const job_t *job, scratch_t *s, const pn_csr_t *graph, int32_t source,
                        double *betweenness)
{
    const pn_fold_t *f = job->fold;
    const pn_csr_t *g = &f->core;
    int32_t *dist = s->dist, *order = s->order;
    double *sigma = s->sigma, *delta = s->delta;
    int64_t *reach = s->reach;
    igraph_integer_t head = 0, tail = 1;
    int32_t farthest = 0;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    while (head < tail) {
        int32_t v = order[head++];
        int32_t next = dist[v] + 1;
        const int64_t *blob = f->histogram + f->histogram_start[v];
        int32_t levels = (int32_t)(f->histogram_start[v + 1] - f->histogram_start[v]);
        for (int32_t k = 0; k < levels; k++)
            reach[dist[v] + k] += blob[k];
        if (dist[v] + levels - 1 > farthest)
            farthest = dist[v] + levels - 1;
        for (igraph_integer_t k = g->start[v]; k < g->start[v + 1]; k++) {
            int32_t w = g->adj[k];
            if (dist[w] < 0) {
                dist[w] = next;
                sigma[w] = 0;
                order[tail++] = w;
            }
            if (dist[w] == next)
                sigma[w] += sigma[v];
        }
    }
    const pn_paths_out_t *out = job->out;
    if (out->closeness || out->harmonic || out->distance_sum || out->eccentricity) {
        reach_t r = {0, 0, 0.0, farthest};
        for (int32_t j = 1; j <= farthest; j++) {
            r.reached += reach[j];
            r.distance_sum += j * reach[j];
            r.harmonic += (double)reach[j] / (double)j;
        }
        write_vertex(out, f->n, f->vertex[source], &r);
        blob_members(job, s, source, graph, &r, farthest);
    }
    for (int32_t j = 0; j <= farthest; j++)
        reach[j] = 0;
    if (betweenness) {
        double weight = f->weight[source];
        for (igraph_integer_t i = 0; i < tail; i++)
            delta[order[i]] = 0;
        for (igraph_integer_t i = tail - 1; i > 0; i--) {
            int32_t w = order[i];
            double coefficient = (f->weight[w] + delta[w]) / sigma[w];
            int32_t previous = dist[w] - 1;
            for (igraph_integer_t k = g->start[w]; k < g->start[w + 1]; k++) {
                int32_t v = g->adj[k];
                if (dist[v] == previous)
                    delta[v] += sigma[v] * coefficient;
            }
            betweenness[w] += weight * delta[w];
        }
    }
    for (igraph_integer_t i = 0; i < tail; i++)
        dist[order[i]] = -1;
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
    if (scratch_init(&s, job->fold->core_count, job->fold->n) != 0) {
        scratch_destroy(&s);
        atomic_store(&job->failed, 1);
        atomic_store(&job->stop, 1);
        return;
    }
    int chunk;
    while (!atomic_load(&job->stop) && (chunk = atomic_fetch_add(&job->next_chunk, 1)) < CHUNKS) {
        igraph_integer_t first = count * chunk / CHUNKS, last = count * (chunk + 1) / CHUNKS;
        for (igraph_integer_t i = first; i < last && !atomic_load(&job->stop); i++) {
            int32_t source = job->sources ? job->sources[i] : (int32_t)i;
            from_source(job, &s, work->graph, source, job->chunk_betweenness[chunk]);
            atomic_fetch_add(&job->done, 1);
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
    int32_t *core_sources = NULL;
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
    pn_fold__destroy(&fold);
    return status;
}
