/*
 * The network year by year in one sweep (see partnet/growth.h for what is counted).
 *
 * Years become snapshot indices 0..S-1. Each agreement in the view gets the interval [s, e) of
 * snapshots it belongs to; each distinct pair the union of its agreements' intervals, merged;
 * the sweep then replays the pairs' start and end events in snapshot order. A pair interval
 * that reaches the last snapshot never ends: it goes into a union-find that only grows. Pair
 * intervals that end (only with `active`) are kept in a list and added, each year they are
 * active, to a copy of that union-find.
 */
#include <partnet/growth.h>

#include "dataset.h"
#include "error.h"
#include "sort.h"
#include "threads.h"
#include "units.h"
#include "view.h"

#include <assert.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t s, e; /* snapshot interval [s, e) */
} span_t;

typedef struct {
    const pn_dataset_t *ds;
    const pn_growth_options_t *o;
    int from, to, step;
    uint32_t S;                 /* snapshots */
    pn_view_t *view;            /* the agreements swept, whatever their date */

    uint32_t *agreement;        /* selected agreements with a non-empty interval */
    span_t *agreement_span;
    size_t count;

    uint32_t *pair_u, *pair_v;  /* distinct pairs */
    size_t *pair_first;         /* pair p's spans: pair_span[pair_first[p] .. pair_first[p+1]) */
    span_t *pair_span;
    size_t pairs, spans;

    /* diff_known: agreements whose two parties name a country, the cross-border share's base */
    long *diff_agreements, *diff_cross, *diff_known, *diff_new, *diff_triangles;
} sweep_t;

static void sweep_destroy(sweep_t *w)
{
    pn_view_free(w->view);
    free(w->agreement);
    free(w->agreement_span);
    free(w->pair_u);
    free(w->pair_v);
    free(w->pair_first);
    free(w->pair_span);
    free(w->diff_agreements);
    free(w->diff_cross);
    free(w->diff_known);
    free(w->diff_new);
    free(w->diff_triangles);
}

/* The snapshot index where an agreement of year y is first counted (may be >= S). */
static uint32_t index_from(const sweep_t *w, int year)
{
    if (year <= w->from)
        return 0;
    return (uint32_t)((year - w->from + w->step - 1) / w->step);
}

/* Select the agreements, fix the years, give each agreement its interval. */
static int select_agreements(sweep_t *w, pn_growth_t *g)
{
    const pn_dataset_t *ds = w->ds;
    const pn_growth_options_t *o = w->o;
    int lo = 0, hi = 0;
    size_t n = ds->agreement_count;
    const unsigned char *in = w->view->agreement;
    for (size_t i = 0; i < n; i++) {
        if (!in[i])
            continue;
        if (ds->date[i] == PN_DATE_NONE) {
            g->undated++;
            continue;
        }
        int y = pn_date_year(ds->date[i]);
        if (!lo || y < lo)
            lo = y;
        if (y > hi)
            hi = y;
    }
    w->from = o->from ? o->from : lo;
    int to = w->to = o->to ? o->to : hi;
    w->step = o->step > 1 ? o->step : 1;
    if (!w->from || !to) {
        w->S = 0;
        return 0;
    }
    if (to < w->from)
        return pn_error_set(PN_EUSAGE, "the first year (%d) comes after the last (%d)", w->from,
                             to);
    /* rows from, from + step, ... and the last one `to` itself, even when the step does not
     * reach it exactly: every agreement of the range is in a row */
    w->S = (uint32_t)((to - w->from + w->step - 1) / w->step) + 1;

    w->agreement = malloc((n ? n : 1) * sizeof *w->agreement);
    w->agreement_span = malloc((n ? n : 1) * sizeof *w->agreement_span);
    w->diff_agreements = calloc(w->S + 1, sizeof(long));
    w->diff_cross = calloc(w->S + 1, sizeof(long));
    w->diff_known = calloc(w->S + 1, sizeof(long));
    w->diff_new = calloc(w->S + 1, sizeof(long));
    w->diff_triangles = calloc(w->S + 1, sizeof(long));
    if (!w->agreement || !w->agreement_span || !w->diff_agreements || !w->diff_cross ||
        !w->diff_known || !w->diff_new || !w->diff_triangles)
        return pn_error__nomem();
    for (size_t i = 0; i < n; i++) {
        if (!in[i] || ds->date[i] == PN_DATE_NONE)
            continue;
        int y = pn_date_year(ds->date[i]);
        uint32_t s = index_from(w, y);
        if (s >= w->S || y > w->to)
            continue;
        if (y > w->from - w->step)
            w->diff_new[s]++;
        uint32_t e = w->S;
        if (o->view.active && ds->end[i] != PN_DATE_NONE) {
            int ye = pn_date_year(ds->end[i]);
            /* the rows whose year is ye or before; the last row's year is `to` */
            e = ye < w->from ? 0 : ye >= w->to ? w->S : (uint32_t)((ye - w->from) / w->step) + 1;
            if (e > w->S)
                e = w->S;
        }
        if (e <= s)
            continue;
        w->agreement[w->count] = (uint32_t)i;
        w->agreement_span[w->count] = (span_t){s, e};
        w->count++;
        uint32_t ca = ds->nodes[ds->a[i]].country, cb = ds->nodes[ds->b[i]].country;
        int known = ds->countries[ca].code[0] && ds->countries[cb].code[0];
        int cross = known && ca != cb;
        w->diff_agreements[s]++;
        w->diff_agreements[e]--;
        w->diff_known[s] += known;
        w->diff_known[e] -= known;
        w->diff_cross[s] += cross;
        w->diff_cross[e] -= cross;
    }
    return 0;
}

static int by_start(const void *a, const void *b)
{
    const span_t *x = a, *y = b;
    return (x->s > y->s) - (x->s < y->s);
}

/* Merge spans sorted by start, in place. @return how many remain. */
static size_t merge_spans(span_t *span, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && span[i].s <= span[k - 1].e) {
            if (span[i].e > span[k - 1].e)
                span[k - 1].e = span[i].e;
        } else {
            span[k++] = span[i];
        }
    }
    return k;
}

/* Group the agreements into distinct pairs, each with its merged spans. */
static int build_pairs(sweep_t *w)
{
    const pn_dataset_t *ds = w->ds;
    size_t n = w->count;
    pn_keyed_t *keyed = malloc((n ? n : 1) * sizeof *keyed);
    int status = 0;
    if (!keyed)
        return pn_error__nomem();
    for (size_t k = 0; k < n; k++) {
        uint64_t a = ds->a[w->agreement[k]], b = ds->b[w->agreement[k]];
        keyed[k].key = a < b ? a << 32 | b : b << 32 | a;
        keyed[k].value = (uint32_t)k;
    }
    if (pn_sort__keyed(keyed, n) != 0) {
        free(keyed);
        return pn_error__nomem();
    }
    size_t pairs = 0;
    for (size_t k = 0; k < n; k++)
        pairs += k == 0 || keyed[k].key != keyed[k - 1].key;
    w->pair_u = malloc((pairs ? pairs : 1) * sizeof *w->pair_u);
    w->pair_v = malloc((pairs ? pairs : 1) * sizeof *w->pair_v);
    w->pair_first = malloc((pairs + 1) * sizeof *w->pair_first);
    w->pair_span = malloc((n ? n : 1) * sizeof *w->pair_span);
    if (!w->pair_u || !w->pair_v || !w->pair_first || !w->pair_span) {
        status = pn_error__nomem();
        goto done;
    }
    size_t p = 0, spans = 0;
    for (size_t k = 0; k < n;) {
        size_t end = k;
        while (end < n && keyed[end].key == keyed[k].key)
            end++;
        w->pair_u[p] = (uint32_t)(keyed[k].key >> 32);
        w->pair_v[p] = (uint32_t)(keyed[k].key & 0xFFFFFFFFu);
        w->pair_first[p] = spans;
        span_t *out = &w->pair_span[spans];
        for (size_t j = k; j < end; j++)
            out[j - k] = w->agreement_span[keyed[j].value];
        size_t count = end - k;
        if (count > 1) {
            qsort(out, count, sizeof *out, by_start);
            count = merge_spans(out, count);
        }
        spans += count;
        p++;
        k = end;
    }
    w->pair_first[pairs] = spans;
    w->pairs = pairs;
    w->spans = spans;
done:
    free(keyed);
    return status;
}

/* Add one to the triangle counts (diff) of the years all three pairs are active. */
static void count_triangle(const sweep_t *w, long *diff, size_t p, size_t q, size_t r)
{
    const span_t *a = &w->pair_span[w->pair_first[p]], *a_end = &w->pair_span[w->pair_first[p + 1]];
    const span_t *b = &w->pair_span[w->pair_first[q]], *b_end = &w->pair_span[w->pair_first[q + 1]];
    const span_t *c = &w->pair_span[w->pair_first[r]], *c_end = &w->pair_span[w->pair_first[r + 1]];
    while (a < a_end && b < b_end && c < c_end) {
        uint32_t s = a->s > b->s ? a->s : b->s;
        s = c->s > s ? c->s : s;
        uint32_t e = a->e < b->e ? a->e : b->e;
        e = c->e < e ? c->e : e;
        if (s < e) {
            diff[s]++;
            diff[e]--;
        }
        /* drop the span that ends first */
        if (a->e == e)
            a++;
        else if (b->e == e)
            b++;
        else
            c++;
    }
}

/* The graph of all pairs for the triangle search: nodes renumbered by degree (ties by index),
 * each pair listed under its lower-ranked end. */
typedef struct {
    const sweep_t *w;
    size_t n;
    size_t *start;
    uint32_t *adj, *adj_pair;
    atomic_size_t next; /* the next block of nodes to search from */
    atomic_int failed;
} oriented_t;

#define TRIANGLE_BLOCK 4096
#define TRIANGLE_THREADS 8

typedef struct {
    oriented_t *o;
    long *diff[TRIANGLE_THREADS]; /* each worker's triangle counts, S + 1 */
} triangle_job_t;

/* For each node of the blocks it takes: mark its list, scan its listed neighbours' lists for
 * marks. The marks are a bitmap (a million nodes in 128 KiB, which stays in the cache) beside
 * each mark's pair, read only when a bit is set, that is once per triangle. */
static void triangle_worker(void *arg, int k)
{
    triangle_job_t *job = arg;
    oriented_t *o = job->o;
    long *diff = job->diff[k];
    size_t n = o->n;
    uint32_t *mark = malloc((n ? n : 1) * sizeof *mark);
    uint64_t *marked = calloc(n / 64 + 1, sizeof *marked);
    if (!mark || !marked) {
        atomic_store(&o->failed, 1);
        free(mark);
        free(marked);
        return;
    }
    const size_t *start = o->start;
    const uint32_t *adj = o->adj, *adj_pair = o->adj_pair;
    size_t first;
    while ((first = atomic_fetch_add(&o->next, TRIANGLE_BLOCK)) < n) {
        size_t last = first + TRIANGLE_BLOCK < n ? first + TRIANGLE_BLOCK : n;
        for (size_t u = first; u < last; u++) {
            if (start[u + 1] - start[u] < 2)
                continue; /* one listed neighbour closes no triangle from here */
            for (size_t k = start[u]; k < start[u + 1]; k++) {
                mark[adj[k]] = adj_pair[k];
                marked[adj[k] / 64] |= (uint64_t)1 << (adj[k] % 64);
            }
            for (size_t k = start[u]; k < start[u + 1]; k++) {
                uint32_t v = adj[k];
                for (size_t j = start[v]; j < start[v + 1]; j++) {
                    uint32_t x = adj[j];
                    if (marked[x / 64] & ((uint64_t)1 << (x % 64)))
                        count_triangle(o->w, diff, adj_pair[k], adj_pair[j], mark[x]);
                }
            }
            for (size_t k = start[u]; k < start[u + 1]; k++)
                marked[adj[k] / 64] = 0;
        }
    }
    free(mark);
    free(marked);
}

/* Every triangle of the graph of all pairs, once, on every core; each thread counts into its
 * own array and the arrays are added up in order (integers: the same result however the
 * nodes were shared out). */
static int triangles(sweep_t *w)
{
    size_t n = w->ds->node_count, m = w->pairs;
    uint32_t *degree = calloc(n + 1, sizeof *degree);
    uint32_t *rank = malloc((n ? n : 1) * sizeof *rank);
    oriented_t o;
    memset(&o, 0, sizeof o);
    o.w = w;
    o.n = n;
    o.start = calloc(n + 2, sizeof *o.start);
    o.adj = malloc((m ? m : 1) * sizeof *o.adj);
    o.adj_pair = malloc((m ? m : 1) * sizeof *o.adj_pair);
    triangle_job_t job = {&o, {NULL}};
    int threads = pn_threads__count(w->o->threads, TRIANGLE_THREADS), status = 0;
    atomic_init(&o.next, 0);
    atomic_init(&o.failed, 0);
    if (!degree || !rank || !o.start || !o.adj || !o.adj_pair) {
        status = pn_error__nomem();
        goto done;
    }
    uint32_t top = 0;
    for (size_t p = 0; p < m; p++) {
        degree[w->pair_u[p]]++;
        degree[w->pair_v[p]]++;
    }
    for (size_t v = 0; v < n; v++)
        top = degree[v] > top ? degree[v] : top;
    /* rank: a counting sort by degree, stable in node index */
    size_t *bucket = calloc((size_t)top + 2, sizeof *bucket);
    if (!bucket) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t v = 0; v < n; v++)
        bucket[degree[v] + 1]++;
    for (uint32_t d = 0; d <= top; d++)
        bucket[d + 1] += bucket[d];
    for (size_t v = 0; v < n; v++)
        rank[v] = (uint32_t)bucket[degree[v]]++;
    free(bucket);
    for (size_t p = 0; p < m; p++) {
        uint32_t ru = rank[w->pair_u[p]], rv = rank[w->pair_v[p]];
        o.start[(ru < rv ? ru : rv) + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        o.start[v + 1] += o.start[v];
    /* fill each list by advancing its start, then shift the starts back into place */
    for (size_t p = 0; p < m; p++) {
        uint32_t ru = rank[w->pair_u[p]], rv = rank[w->pair_v[p]];
        size_t at = o.start[ru < rv ? ru : rv]++;
        o.adj[at] = ru < rv ? rv : ru;
        o.adj_pair[at] = (uint32_t)p;
    }
    memmove(o.start + 1, o.start, n * sizeof *o.start);
    o.start[0] = 0;
    free(degree);
    free(rank);
    degree = NULL;
    rank = NULL;

    for (int t = 0; t < threads; t++) {
        if (!(job.diff[t] = calloc(w->S + 1, sizeof(long)))) {
            status = pn_error__nomem();
            goto done;
        }
    }
    pn_threads__run(threads, triangle_worker, NULL, &job);
    if (atomic_load(&o.failed)) {
        status = pn_error__nomem();
        goto done;
    }
    for (int t = 0; t < threads; t++)
        for (size_t y = 0; y <= w->S; y++)
            w->diff_triangles[y] += job.diff[t][y];
done:
    for (int t = 0; t < threads; t++)
        free(job.diff[t]);
    free(degree);
    free(rank);
    free(o.start);
    free(o.adj);
    free(o.adj_pair);
    return status;
}

/* Union-find with union by size and path halving. */
static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* @return the merged set's size, or 0 when u and v were together already. */
static uint32_t unite(uint32_t *parent, uint32_t *size, uint32_t u, uint32_t v)
{
    u = find(parent, u);
    v = find(parent, v);
    if (u == v)
        return 0;
    if (size[u] < size[v]) {
        uint32_t t = u;
        u = v;
        v = t;
    }
    parent[v] = u;
    size[u] += size[v];
    return size[u];
}

/* Units covered per country and year, when asked. */
static int coverage(sweep_t *w, pn_growth_t *g)
{
    const pn_dataset_t *ds = w->ds;
    size_t C = ds->country_count, S = w->S;
    long *diff = calloc((S + 1) * (C ? C : 1), sizeof *diff);
    pn_keyed_t *ends = malloc((2 * w->count + 1) * sizeof *ends);
    span_t *spans = malloc((2 * w->count + 1) * sizeof *spans);
    int status = 0;
    if (!diff || !ends || !spans) {
        status = pn_error__nomem();
        goto done;
    }
    /* each agreement covers the units of its two parties over its span */
    size_t k = 0;
    for (size_t i = 0; i < w->count; i++) {
        uint32_t a = w->agreement[i];
        uint32_t units[2] = {pn_unit__of(ds, ds->a[a], w->o->rollup),
                             pn_unit__of(ds, ds->b[a], w->o->rollup)};
        for (int end = 0; end < 2; end++) {
            if (units[end] == PN_NONE)
                continue;
            spans[k] = w->agreement_span[i];
            ends[k].key = units[end];
            ends[k].value = (uint32_t)k;
            k++;
        }
    }
    if (pn_sort__keyed(ends, k) != 0) {
        status = pn_error__nomem();
        goto done;
    }
    span_t *merged = malloc((k ? k : 1) * sizeof *merged);
    if (!merged) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j < k && ends[j].key == ends[i].key) {
            merged[j - i] = spans[ends[j].value];
            j++;
        }
        size_t count = j - i;
        qsort(merged, count, sizeof *merged, by_start);
        count = merge_spans(merged, count);
        uint32_t country = ds->nodes[ends[i].key].country;
        for (size_t q = 0; q < count; q++) {
            diff[merged[q].s * C + country]++;
            diff[merged[q].e * C + country]--;
        }
        i = j;
    }
    free(merged);
    g->covered = malloc((S ? S : 1) * (C ? C : 1) * sizeof *g->covered);
    if (!g->covered) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t c = 0; c < C; c++) {
        long running = 0;
        for (size_t y = 0; y < S; y++) {
            running += diff[y * C + c];
            g->covered[y * C + c] = (size_t)running;
        }
    }
done:
    free(diff);
    free(ends);
    free(spans);
    return status;
}

/* A pair's start or end, with what the sweep needs of it at hand. */
typedef struct {
    uint32_t u, v, pair;
    uint32_t flags; /* EVENT_END: the span ends here; EVENT_LASTING: it starts and never ends */
} event_t;

enum { EVENT_END = 1, EVENT_LASTING = 2 };

/* The pairs' start and end events, bucketed by snapshot: events first[y] .. first[y+1]. */
static int events(const sweep_t *w, size_t **out_first, event_t **out_events)
{
    size_t S = w->S;
    size_t *first = calloc(S + 2, sizeof *first);
    event_t *list = malloc((2 * w->spans + 1) * sizeof *list);
    size_t *fill = malloc((S + 1) * sizeof *fill);
    if (!first || !list || !fill) {
        free(first);
        free(list);
        free(fill);
        return pn_error__nomem();
    }
    for (size_t p = 0; p < w->pairs; p++) {
        for (size_t k = w->pair_first[p]; k < w->pair_first[p + 1]; k++) {
            first[w->pair_span[k].s + 1]++;
            if (w->pair_span[k].e < S)
                first[w->pair_span[k].e + 1]++;
        }
    }
    for (size_t y = 0; y <= S; y++)
        first[y + 1] += first[y];
    memcpy(fill, first, (S + 1) * sizeof *fill);
    for (size_t p = 0; p < w->pairs; p++) {
        uint32_t u = w->pair_u[p], v = w->pair_v[p];
        for (size_t k = w->pair_first[p]; k < w->pair_first[p + 1]; k++) {
            const span_t *span = &w->pair_span[k];
            list[fill[span->s]++] = (event_t){u, v, (uint32_t)p, span->e == S ? EVENT_LASTING : 0};
            if (span->e < S)
                list[fill[span->e]++] = (event_t){u, v, (uint32_t)p, EVENT_END};
        }
    }
    free(fill);
    *out_first = first;
    *out_events = list;
    return 0;
}

static int sweep(sweep_t *w, pn_growth_t *g)
{
    const pn_dataset_t *ds = w->ds;
    size_t n = ds->node_count, C = ds->country_count;
    size_t *first = NULL;
    event_t *list = NULL;
    uint32_t *degree = calloc(n ? n : 1, sizeof *degree);
    size_t *country_nodes = calloc(C ? C : 1, sizeof *country_nodes);
    uint32_t *parent = malloc((n ? n : 1) * sizeof *parent);
    uint32_t *size = malloc((n ? n : 1) * sizeof *size);
    uint32_t *temp = malloc((w->pairs ? w->pairs : 1) * sizeof *temp); /* active ending pairs */
    uint32_t *temp_at = malloc((w->pairs ? w->pairs : 1) * sizeof *temp_at);
    uint32_t *overlay = NULL, *overlay_size = NULL;
    int status = 0;
    if (!degree || !country_nodes || !parent || !size || !temp || !temp_at) {
        status = pn_error__nomem();
        goto done;
    }
    if ((status = events(w, &first, &list)) != 0)
        goto done;
    for (size_t v = 0; v < n; v++) {
        parent[v] = (uint32_t)v;
        size[v] = 1;
    }
    size_t temps = 0, nodes = 0, countries = 0, pairs = 0, merges = 0, largest = 0;
    long agreements = 0, cross = 0, known = 0, tri = 0;
    double triples = 0;
    for (uint32_t y = 0; y < w->S; y++) {
        for (size_t k = first[y]; k < first[y + 1]; k++) {
            const event_t *ev = &list[k];
            uint32_t p = ev->pair, ends[2] = {ev->u, ev->v};
            if (!(ev->flags & EVENT_END)) {
                triples += (double)degree[ends[0]] + degree[ends[1]];
                for (int e = 0; e < 2; e++) {
                    if (degree[ends[e]]++ == 0) {
                        nodes++;
                        uint32_t c = ds->nodes[ends[e]].country;
                        countries += country_nodes[c]++ == 0 && ds->countries[c].code[0];
                    }
                }
                pairs++;
                if (ev->flags & EVENT_LASTING) {
                    uint32_t merged = unite(parent, size, ends[0], ends[1]);
                    merges += merged != 0;
                    largest = merged > largest ? merged : largest;
                } else {
                    temp_at[p] = (uint32_t)temps;
                    temp[temps++] = p;
                }
            } else {
                for (int e = 0; e < 2; e++) {
                    if (--degree[ends[e]] == 0) {
                        nodes--;
                        uint32_t c = ds->nodes[ends[e]].country;
                        countries -= --country_nodes[c] == 0 && ds->countries[c].code[0];
                    }
                }
                triples -= (double)degree[ends[0]] + degree[ends[1]];
                pairs--;
                /* only a pair that ends can be in temp */
                uint32_t at = temp_at[p];
                temp[at] = temp[--temps];
                temp_at[temp[at]] = at;
            }
        }
        agreements += w->diff_agreements[y];
        cross += w->diff_cross[y];
        known += w->diff_known[y];
        tri += w->diff_triangles[y];

        size_t year_merges = merges, year_largest = largest;
        if (temps) {
            /* the ending pairs active this year join a copy of the lasting structure */
            if (!overlay) {
                overlay = malloc((n ? n : 1) * sizeof *overlay);
                overlay_size = malloc((n ? n : 1) * sizeof *overlay_size);
                if (!overlay || !overlay_size) {
                    status = pn_error__nomem();
                    goto done;
                }
            }
            memcpy(overlay, parent, n * sizeof *overlay);
            memcpy(overlay_size, size, n * sizeof *overlay_size);
            for (size_t t = 0; t < temps; t++) {
                uint32_t merged = unite(overlay, overlay_size, w->pair_u[temp[t]], w->pair_v[temp[t]]);
                year_merges += merged != 0;
                year_largest = merged > year_largest ? merged : year_largest;
            }
        }
        pn_growth_year_t *row = &g->years[y];
        row->year = y + 1 < w->S ? w->from + (int)y * w->step : w->to;
        row->new_agreements = (size_t)w->diff_new[y];
        row->agreements = (size_t)agreements;
        row->nodes = nodes;
        row->pairs = pairs;
        row->countries = countries;
        row->components = nodes - year_merges;
        row->largest = nodes ? year_largest : 0;
        row->largest_share = nodes ? (double)row->largest / (double)nodes : 0.0;
        row->density = nodes > 1 ? 2.0 * (double)pairs / ((double)nodes * (double)(nodes - 1)) : 0.0;
        row->mean_degree = nodes ? 2.0 * (double)pairs / (double)nodes : 0.0;
        row->transitivity = triples > 0 ? 3.0 * (double)tri / triples : 0.0;
        row->cross_border_share = known ? (double)cross / (double)known : NAN;
    }
done:
    free(first);
    free(list);
    free(degree);
    free(country_nodes);
    free(parent);
    free(size);
    free(temp);
    free(temp_at);
    free(overlay);
    free(overlay_size);
    return status;
}

int pn_growth_new(pn_growth_t **out, const pn_dataset_t *ds, const pn_growth_options_t *opts)
{
    pn_growth_options_t defaults = PN_GROWTH_OPTIONS_INIT;
    const pn_growth_options_t *o = opts ? opts : &defaults;
    assert(out && ds);
    PN_CHECK_OPTIONS(o, PN_GROWTH_OPTIONS_VERSION, "pn_growth_options_t");
    PN_CHECK_OPTIONS(&o->view, PN_VIEW_OPTIONS_VERSION, "pn_view_options_t");
    sweep_t w;
    memset(&w, 0, sizeof w);
    w.ds = ds;
    w.o = o;
    if (o->step < 0)
        return pn_error_set(PN_EUSAGE, "the step between years must be at least 1, not %d",
                             o->step);
    if (o->view.as_of != PN_DATE_NONE || o->view.by_country)
        return pn_error_set(PN_EUSAGE, "growth: every year is a snapshot of nodes; a view "
                             "as of a date or of countries has no meaning here");
    pn_view_options_t whole = o->view;
    whole.drop_isolated = 1; /* the sweep counts the nodes of each year's agreements */
    int status = pn_view_new(&w.view, ds, &whole);
    if (status != 0)
        return status;
    pn_growth_t *g = calloc(1, sizeof *g);
    if (!g) {
        sweep_destroy(&w);
        return pn_error__nomem();
    }
    g->country_count = ds->country_count;
    status = select_agreements(&w, g);
    if (status == 0 && w.S > 0) {
        g->year_count = w.S;
        g->years = calloc(w.S, sizeof *g->years);
        status = g->years ? build_pairs(&w) : pn_error__nomem();
        if (status == 0)
            status = triangles(&w);
        if (status == 0)
            status = sweep(&w, g);
        if (status == 0 && o->coverage)
            status = coverage(&w, g);
    }
    sweep_destroy(&w);
    if (status != 0) {
        pn_growth_free(g);
        return status;
    }
    *out = g;
    return 0;
}

void pn_growth_free(pn_growth_t *g)
{
    if (!g)
        return;
    free(g->years);
    free(g->covered);
    free(g);
}
