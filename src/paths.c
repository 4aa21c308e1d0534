/*
 * Betweenness, closeness and harmonic closeness from one breadth-first search per source.
 *
 * Sources are cut into a fixed number of chunks; worker threads take chunks in turn, and each
 * chunk sums its betweenness contributions into its own array, in source order. The chunks are
 * then added up in chunk order, so the result is the same bytes whatever the number of
 * threads. Per-source results (closeness, harmonic) are written by the one thread that owns
 * the source.
 */
#include "paths.h"

#include "error.h"
#include "threads.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNKS 8

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
    const pn_csr_t *csr;
    const int32_t *sources;
    igraph_integer_t source_count;
    const pn_paths_out_t *out;
    double *chunk_betweenness[CHUNKS];
    atomic_int next_chunk;
    atomic_long done;
    atomic_int stop;
    pn_progress_fn *progress;
    void *progress_data;
    atomic_int failed;
} job_t;

typedef struct {
    int32_t *dist;
    double *sigma, *delta;
    int32_t *order;
} scratch_t;

static int scratch_init(scratch_t *s, igraph_integer_t n)
{
    size_t k = (size_t)(n ? n : 1);
    s->dist = malloc(k * sizeof *s->dist);
    s->sigma = malloc(k * sizeof *s->sigma);
    s->delta = malloc(k * sizeof *s->delta);
    s->order = malloc(k * sizeof *s->order);
    if (!s->dist || !s->sigma || !s->delta || !s->order)
        return -1;
    for (igraph_integer_t v = 0; v < n; v++)
        s->dist[v] = -1;
    return 0;
}

static void scratch_destroy(scratch_t *s)
{
    free(s->dist);
    free(s->sigma);
    free(s->delta);
    free(s->order);
}

/* One source: BFS counting shortest paths, then the dependency accumulation. */
static void from_source(const job_t *job, scratch_t *s, int32_t source, double *betweenness)
{
    const pn_csr_t *g = job->csr;
    int32_t *dist = s->dist, *order = s->order;
    double *sigma = s->sigma, *delta = s->delta;
    igraph_integer_t head = 0, tail = 1;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    double distance_sum = 0, harmonic = 0;
    while (head < tail) {
        int32_t v = order[head++];
        int32_t next = dist[v] + 1;
        for (igraph_integer_t k = g->start[v]; k < g->start[v + 1]; k++) {
            int32_t w = g->adj[k];
            if (dist[w] < 0) {
                dist[w] = next;
                sigma[w] = 0;
                order[tail++] = w;
                distance_sum += next;
                harmonic += 1.0 / next;
            }
            if (dist[w] == next)
                sigma[w] += sigma[v];
        }
    }
    igraph_integer_t n = g->n;
    if (job->out->closeness) {
        double reached = (double)(tail - 1);
        job->out->closeness[source] =
            reached > 0 ? (reached / (double)(n - 1)) * (reached / distance_sum) : 0.0;
    }
    if (job->out->harmonic)
        job->out->harmonic[source] = n > 1 ? harmonic / (double)(n - 1) : 0.0;
    if (job->out->distance_sum)
        job->out->distance_sum[source] = distance_sum;
    if (job->out->eccentricity)
        job->out->eccentricity[source] = dist[order[tail - 1]];
    if (betweenness) {
        for (igraph_integer_t i = 0; i < tail; i++)
            delta[order[i]] = 0;
        for (igraph_integer_t i = tail - 1; i > 0; i--) {
            int32_t w = order[i];
            double coefficient = (1.0 + delta[w]) / sigma[w];
            int32_t previous = dist[w] - 1;
            for (igraph_integer_t k = g->start[w]; k < g->start[w + 1]; k++) {
                int32_t v = g->adj[k];
                if (dist[v] == previous)
                    delta[v] += sigma[v] * coefficient;
            }
            betweenness[w] += delta[w];
        }
    }
    for (igraph_integer_t i = 0; i < tail; i++)
        dist[order[i]] = -1;
}

static void worker(void *arg, int k)
{
    job_t *job = arg;
    (void)k; /* the chunks are shared out as the workers ask for them */
    scratch_t s;
    igraph_integer_t n = job->csr->n, count = job->source_count;
    if (scratch_init(&s, n) != 0) {
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
            from_source(job, &s, source, job->chunk_betweenness[chunk]);
            atomic_fetch_add(&job->done, 1);
        }
    }
    scratch_destroy(&s);
}

/* The calling thread, while the workers work: the progress line, from 0% on. */
static void report(void *arg)
{
    job_t *job = arg;
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

int pn_paths__compute(const pn_csr_t *csr, const int32_t *sources, igraph_integer_t source_count,
                      const pn_paths_out_t *out, int threads, pn_progress_fn *progress,
                      void *progress_data)
{
    igraph_integer_t n = csr->n;
    job_t job = {.csr = csr, .sources = sources, .source_count = sources ? source_count : n,
                 .out = out, .progress = progress, .progress_data = progress_data};
    atomic_init(&job.next_chunk, 0);
    atomic_init(&job.done, 0);
    atomic_init(&job.stop, 0);
    atomic_init(&job.failed, 0);
    int status = 0;
    if (out->closeness)
        memset(out->closeness, 0, (size_t)n * sizeof *out->closeness);
    if (out->harmonic)
        memset(out->harmonic, 0, (size_t)n * sizeof *out->harmonic);
    if (out->distance_sum)
        memset(out->distance_sum, 0, (size_t)n * sizeof *out->distance_sum);
    if (out->eccentricity)
        memset(out->eccentricity, 0, (size_t)n * sizeof *out->eccentricity);
    for (int c = 0; c < CHUNKS && out->betweenness; c++) {
        if (!(job.chunk_betweenness[c] = calloc((size_t)(n ? n : 1), sizeof(double)))) {
            status = pn_error__nomem();
            goto done;
        }
    }

    if (progress && progress("shortest paths", 0.0, progress_data) != 0)
        atomic_store(&job.stop, 1);
    pn_threads__run(pn_threads__count(threads, CHUNKS), worker, progress ? report : NULL, &job);
    if (atomic_load(&job.failed)) {
        status = pn_error__nomem();
        goto done;
    }
    if (atomic_load(&job.stop)) {
        status = pn_error_set(PN_ERROR, "interrupted");
        goto done;
    }
    if (out->betweenness) {
        /* each unordered pair was counted from both ends; a sample stands for all sources */
        double scale = 0.5 * (sources && source_count > 0 ? (double)n / (double)source_count : 1.0);
        for (igraph_integer_t v = 0; v < n; v++) {
            double sum = 0;
            for (int c = 0; c < CHUNKS; c++)
                sum += job.chunk_betweenness[c][v];
            out->betweenness[v] = sum * scale;
        }
    }
done:
    for (int c = 0; c < CHUNKS; c++)
        free(job.chunk_betweenness[c]);
    return status;
}
