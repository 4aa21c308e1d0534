/*
 * Compiling a view (see partnet/view.h): the filters of every analysis, written once.
 *
 * The view is built by the steps listed in `steps`, in order, each narrowing what the ones
 * before kept: a filter of nodes clears v->node, a filter of agreements clears v->agreement,
 * and each step leaves no agreement whose party it dropped. Until the structural steps, v->node
 * holds the nodes that pass the node filters; which of them are in the view is settled from
 * the agreements (settle()), before each structural step and at the end. A new kind of view is
 * an option and a step.
 */
#include "view.h"

#include "error.h"
#include "sort.h"

#include <assert.h>
#include <igraph.h>
#include <partnet/search.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    pn_view_t *v;
    const pn_view_t *within;
    int country_applied;  /* the country step has run: isolated nodes of other countries go */
    unsigned char *party; /* scratch: 1 for the parties of the kept agreements */
} compile_t;

/* Leave out the agreements with a party that is left out. */
static void drop_orphans(pn_view_t *v)
{
    for (size_t i = 0; i < v->ds->agreement_count; i++)
        if (v->agreement[i] && !(v->node[v->ds->a[i]] && v->node[v->ds->b[i]]))
            v->agreement[i] = 0;
}

/* May node i be in the view without an agreement? */
static int isolated_kept(const compile_t *c, size_t i)
{
    const pn_view_t *v = c->v;
    return !v->opts.drop_isolated &&
           (!c->country_applied || v->country == PN_NONE || v->ds->nodes[i].country == v->country);
}

/* The nodes in the view if it stopped here: the parties of its agreements and the kept nodes
 * that may stay without one. With `apply`, v->node becomes that set. @return their number */
static size_t settle(compile_t *c, int apply)
{
    pn_view_t *v = c->v;
    const pn_dataset_t *ds = v->ds;
    memset(c->party, 0, ds->node_count);
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (v->agreement[i])
            c->party[ds->a[i]] = c->party[ds->b[i]] = 1;
    size_t count = 0;
    for (size_t i = 0; i < ds->node_count; i++) {
        int in = c->party[i] || (v->node[i] && isolated_kept(c, i));
        if (apply)
            v->node[i] = (unsigned char)in;
        count += (size_t)in;
    }
    return count;
}

/* Record a step: the option, its value, and what the view holds after it. */
static void record(compile_t *c, const char *option, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void record(compile_t *c, const char *option, const char *fmt, ...)
{
    pn_view_t *v = c->v;
    if (v->step_count == PN_VIEW_MAX_STEPS)
        return;
    size_t k = v->step_count++;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->step_values[k], PN_VIEW_STEP_VALUE, fmt, ap);
    va_end(ap);
    size_t agreements = 0;
    for (size_t i = 0; i < v->ds->agreement_count; i++)
        agreements += v->agreement[i];
    v->steps[k] = (pn_view_step_t){option, v->step_values[k], agreements, settle(c, 0)};
}

/* The names of the bits set in mask, comma-separated. */
static void names(char *buf, size_t cap, unsigned mask, int count, const char *(*name)(int))
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < count && used + 1 < cap; i++)
        if (mask & (1u << i)) {
            int n = snprintf(buf + used, cap - used, "%s%s", used ? "," : "", name(i));
            used += n > 0 ? (size_t)n : 0;
        }
}

static const char *level_name(int level)
{
    return pn_level_name((pn_level_t)level);
}

static const char *kind_name(int kind)
{
    return pn_kind_name((pn_kind_t)kind);
}

/* ---- node filters ---------------------------------------------------------------------- */

static int keep_levels(compile_t *c)
{
    pn_view_t *v = c->v;
    if (!v->opts.levels)
        return 0;
    for (size_t i = 0; i < v->ds->node_count; i++)
        if (!(v->opts.levels & (1u << v->ds->nodes[i].level)))
            v->node[i] = 0;
    drop_orphans(v);
    char buf[64];
    names(buf, sizeof buf, v->opts.levels, PN_LEVEL_COUNT, level_name);
    record(c, "level", "%s", buf);
    return 0;
}

static int keep_no_country_level(compile_t *c)
{
    pn_view_t *v = c->v;
    if (!v->opts.exclude_country_level)
        return 0;
    for (size_t i = 0; i < v->ds->node_count; i++)
        if (v->ds->nodes[i].level == PN_LEVEL_COUNTRY)
            v->node[i] = 0;
    drop_orphans(v);
    record(c, "no-country-level", "%s", "");
    return 0;
}

static int keep_within(compile_t *c)
{
    pn_view_t *v = c->v;
    const pn_view_t *w = c->within;
    if (!w)
        return 0;
    if (w->ds != v->ds)
        return pn_error_set(PN_EUSAGE, "a view can lie only within a view of the same dataset");
    for (size_t i = 0; i < v->ds->node_count; i++)
        v->node[i] &= w->node[i];
    for (size_t i = 0; i < v->ds->agreement_count; i++)
        v->agreement[i] &= w->agreement[i];
    drop_orphans(v);
    record(c, "within", "%s", "");
    return 0;
}

/* ---- agreement filters ----------------------------------------------------------------- */

static int keep_as_of(compile_t *c)
{
    pn_view_t *v = c->v;
    const pn_dataset_t *ds = v->ds;
    if (v->opts.as_of == PN_DATE_NONE)
        return 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (v->agreement[i] && !pn_date_on_or_before(ds->date[i], v->opts.as_of))
            v->agreement[i] = 0;
    char date[PN_DATE_TEXT_MAX];
    record(c, "as-of", "%s", pn_date_format(date, v->opts.as_of));
    if (!v->opts.active)
        return 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (v->agreement[i] && !pn_date_not_ended_before(ds->end[i], v->opts.as_of))
            v->agreement[i] = 0;
    record(c, "active", "%s", "");
    return 0;
}

static int keep_since(compile_t *c)
{
    pn_view_t *v = c->v;
    const pn_dataset_t *ds = v->ds;
    if (v->opts.since == PN_DATE_NONE)
        return 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (v->agreement[i] && !pn_date_on_or_after(ds->date[i], v->opts.since))
            v->agreement[i] = 0;
    char date[PN_DATE_TEXT_MAX];
    record(c, "since", "%s", pn_date_format(date, v->opts.since));
    return 0;
}

static int keep_kinds(compile_t *c)
{
    pn_view_t *v = c->v;
    const pn_dataset_t *ds = v->ds;
    if (!v->opts.kinds)
        return 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (!(v->opts.kinds & (1u << ds->kind[i])))
            v->agreement[i] = 0;
    char buf[PN_VIEW_STEP_VALUE];
    names(buf, sizeof buf, v->opts.kinds, PN_KIND_COUNT, kind_name);
    record(c, "kind", "%s", buf);
    return 0;
}

static int keep_country(compile_t *c)
{
    pn_view_t *v = c->v;
    const pn_dataset_t *ds = v->ds;
    if (v->country == PN_NONE)
        return 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (ds->nodes[ds->a[i]].country != v->country && ds->nodes[ds->b[i]].country != v->country)
            v->agreement[i] = 0;
    c->country_applied = 1;
    record(c, "country", "%s", v->country_code);
    return 0;
}

/* ---- structural views ------------------------------------------------------------------- */

/* Pairs of partners with at least min_agreements agreements, and their nodes. */
static int keep_heavy_pairs(compile_t *c)
{
    pn_view_t *v = c->v;
    const pn_dataset_t *ds = v->ds;
    unsigned w = v->opts.min_agreements;
    if (w <= 1)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        n += v->agreement[i];
    pn_keyed_t *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (!pairs)
        return pn_error__nomem();
    n = 0;
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (!v->agreement[i])
            continue;
        uint64_t lo = ds->a[i] < ds->b[i] ? ds->a[i] : ds->b[i];
        uint64_t hi = ds->a[i] < ds->b[i] ? ds->b[i] : ds->a[i];
        pairs[n++] = (pn_keyed_t){lo << 32 | hi, (uint32_t)i};
    }
    if (pn_sort__keyed(pairs, n) != 0) {
        free(pairs);
        return pn_error__nomem();
    }
    for (size_t start = 0, end; start < n; start = end) {
        for (end = start; end < n && pairs[end].key == pairs[start].key; end++)
            ;
        if (end - start < w)
            for (size_t k = start; k < end; k++)
                v->agreement[pairs[k].value] = 0;
    }
    free(pairs);
    memset(v->node, 0, ds->node_count);
    for (size_t i = 0; i < ds->agreement_count; i++)
        if (v->agreement[i])
            v->node[ds->a[i]] = v->node[ds->b[i]] = 1;
    record(c, "min-agreements", "%u", w);
    return 0;
}

/* The graph of the kept agreements on every dataset node (those out of the view isolated);
 * with `simple`, one edge per pair. igraph's idiom: the caller destroys it on success only. */
static igraph_error_t kept_graph(igraph_t *g, const pn_view_t *v, int simple)
{
    const pn_dataset_t *ds = v->ds;
    igraph_vector_int_t edges;
    size_t n = 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        n += v->agreement[i];
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * n)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    n = 0;
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (!v->agreement[i])
            continue;
        VECTOR(edges)[n++] = ds->a[i];
        VECTOR(edges)[n++] = ds->b[i];
    }
    IGRAPH_CHECK(igraph_create(g, &edges, (igraph_integer_t)ds->node_count, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, g);
    if (simple)
        IGRAPH_CHECK(igraph_simplify(g, 1, 1, NULL));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static igraph_error_t core_members(const pn_view_t *v, unsigned char *keep, unsigned k)
{
    igraph_t g;
    igraph_vector_int_t cores;
    IGRAPH_CHECK(kept_graph(&g, v, 1));
    IGRAPH_FINALLY(igraph_destroy, &g);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cores, 0);
    IGRAPH_CHECK(igraph_coreness(&g, &cores, IGRAPH_ALL));
    for (size_t i = 0; i < v->ds->node_count; i++)
        keep[i] = VECTOR(cores)[i] >= (igraph_integer_t)k;
    igraph_vector_int_destroy(&cores);
    igraph_destroy(&g);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static igraph_error_t component_members(const pn_view_t *v, unsigned char *keep)
{
    igraph_t g;
    igraph_vector_int_t membership, sizes;
    IGRAPH_CHECK(kept_graph(&g, v, 0));
    IGRAPH_FINALLY(igraph_destroy, &g);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sizes, 0);
    IGRAPH_CHECK(igraph_connected_components(&g, &membership, &sizes, NULL, IGRAPH_WEAK));
    igraph_integer_t largest = -1;
    for (size_t i = 0; i < v->ds->node_count; i++) {
        igraph_integer_t m = VECTOR(membership)[i];
        if (v->node[i] && (largest < 0 || VECTOR(sizes)[m] > VECTOR(sizes)[largest]))
            largest = m;
    }
    for (size_t i = 0; i < v->ds->node_count; i++)
        keep[i] = VECTOR(membership)[i] == largest;
    igraph_vector_int_destroy(&sizes);
    igraph_vector_int_destroy(&membership);
    igraph_destroy(&g);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

static igraph_error_t ego_members(const pn_view_t *v, unsigned char *keep, uint32_t ego,
                                  unsigned radius)
{
    igraph_t g;
    igraph_vector_int_list_t balls;
    IGRAPH_CHECK(kept_graph(&g, v, 0));
    IGRAPH_FINALLY(igraph_destroy, &g);
    IGRAPH_CHECK(igraph_vector_int_list_init(&balls, 0));
    IGRAPH_FINALLY(igraph_vector_int_list_destroy, &balls);
    IGRAPH_CHECK(igraph_neighborhood(&g, &balls, igraph_vss_1(ego), (igraph_integer_t)radius,
                                     IGRAPH_ALL, 0));
    memset(keep, 0, v->ds->node_count);
    igraph_vector_int_t *ball = igraph_vector_int_list_get_ptr(&balls, 0);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(ball); i++)
        keep[VECTOR(*ball)[i]] = 1;
    igraph_vector_int_list_destroy(&balls);
    igraph_destroy(&g);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* Keep the nodes marked in `keep` (c->party's storage is free to use) and the agreements
 * between them. */
static void keep_marked(pn_view_t *v, const unsigned char *keep)
{
    for (size_t i = 0; i < v->ds->node_count; i++)
        v->node[i] &= keep[i];
    drop_orphans(v);
}

static int keep_core(compile_t *c)
{
    pn_view_t *v = c->v;
    if (!v->opts.k_core)
        return 0;
    settle(c, 1);
    igraph_error_t err = core_members(v, c->party, v->opts.k_core);
    if (err != IGRAPH_SUCCESS)
        return pn_error__igraph(err);
    keep_marked(v, c->party);
    record(c, "k-core", "%u", v->opts.k_core);
    return 0;
}

static int keep_largest_component(compile_t *c)
{
    pn_view_t *v = c->v;
    if (!v->opts.largest_component)
        return 0;
    settle(c, 1);
    igraph_error_t err = component_members(v, c->party);
    if (err != IGRAPH_SUCCESS)
        return pn_error__igraph(err);
    keep_marked(v, c->party);
    record(c, "largest-component", "%s", "");
    return 0;
}

static int keep_ego(compile_t *c)
{
    pn_view_t *v = c->v;
    if (!v->opts.ego)
        return 0;
    int status = pn_search_resolve_once(&v->ego, v->ds, v->opts.ego);
    if (status != 0) {
        char why[1024];
        snprintf(why, sizeof why, "%s", pn_error_last());
        return pn_error_set(status, "%s: the ego node: %s", v->ds->name, why);
    }
    const pn_node_t *ego = &v->ds->nodes[v->ego];
    settle(c, 1);
    if (!v->node[v->ego])
        return pn_error_set(PN_EUSAGE, "%s: the ego node %s (%s) is not in the view: the other "
                             "view options leave it out", v->ds->name, ego->id, ego->name);
    igraph_error_t err = ego_members(v, c->party, v->ego, v->opts.ego_radius);
    if (err != IGRAPH_SUCCESS)
        return pn_error__igraph(err);
    keep_marked(v, c->party);
    record(c, "ego", "%s:%u", ego->id, v->opts.ego_radius);
    return 0;
}

static int (*const steps[])(compile_t *) = {
    keep_levels, keep_no_country_level, keep_within, keep_as_of, keep_since, keep_kinds,
    keep_country, keep_heavy_pairs, keep_core, keep_largest_component, keep_ego};

/* Copy the option strings the view keeps. */
static int copy_options(pn_view_t *v)
{
    if (v->opts.country) {
        if (pn_dataset_find_country(&v->country, v->ds, v->opts.country) != 0)
            return pn_error_set(PN_ENOTFOUND, "%s: no country \"%s\" in the dataset",
                                 v->ds->name, v->opts.country);
        if (!(v->country_code = strdup(v->opts.country)))
            return pn_error__nomem();
        v->opts.country = v->country_code;
    }
    if (v->opts.ego) {
        if (!(v->ego_text = strdup(v->opts.ego)))
            return pn_error__nomem();
        v->opts.ego = v->ego_text;
    }
    return 0;
}

int pn_view_new(pn_view_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts)
{
    pn_view_options_t defaults = PN_VIEW_OPTIONS_INIT;
    assert(out && ds);
    PN_CHECK_OPTIONS(opts ? opts : &defaults, PN_VIEW_OPTIONS_VERSION, "pn_view_options_t");
    pn_view_t *v = calloc(1, sizeof *v);
    compile_t c = {v, NULL, 0, NULL};
    int status = 0;
    if (!v)
        return pn_error__nomem();
    v->ds = ds;
    v->opts = opts ? *opts : defaults;
    c.within = v->opts.within;
    v->opts.within = NULL;
    v->country = PN_NONE;
    v->ego = PN_NONE;
    if ((status = copy_options(v)) != 0)
        goto done;
    v->agreement = malloc(ds->agreement_count ? ds->agreement_count : 1);
    v->node = malloc(ds->node_count ? ds->node_count : 1);
    c.party = malloc(ds->node_count ? ds->node_count : 1);
    if (!v->agreement || !v->node || !c.party) {
        status = pn_error__nomem();
        goto done;
    }
    memset(v->agreement, 1, ds->agreement_count);
    memset(v->node, 1, ds->node_count);
    record(&c, "dataset", "%s", "");
    v->steps[0].nodes = ds->node_count;
    for (size_t s = 0; s < sizeof steps / sizeof steps[0] && status == 0; s++)
        status = steps[s](&c);
    if (status != 0)
        goto done;
    v->node_count = settle(&c, 1);
    for (size_t i = 0; i < ds->agreement_count; i++)
        v->agreement_count += v->agreement[i];
done:
    free(c.party);
    if (status == 0)
        *out = v;
    else
        pn_view_free(v);
    return status;
}

void pn_view_free(pn_view_t *v)
{
    if (!v)
        return;
    free(v->country_code);
    free(v->ego_text);
    free(v->agreement);
    free(v->node);
    free(v);
}

const pn_dataset_t *pn_view_dataset(const pn_view_t *v)
{
    return v->ds;
}

const pn_view_options_t *pn_view_options(const pn_view_t *v)
{
    return &v->opts;
}

uint32_t pn_view_country(const pn_view_t *v)
{
    return v->country;
}

uint32_t pn_view_ego(const pn_view_t *v)
{
    return v->ego;
}

int pn_view_has_agreement(const pn_view_t *v, size_t agreement)
{
    assert(v);
    return agreement < v->ds->agreement_count && v->agreement[agreement];
}

int pn_view_has_node(const pn_view_t *v, uint32_t node)
{
    assert(v);
    return node < v->ds->node_count && v->node[node];
}

size_t pn_view_agreement_count(const pn_view_t *v)
{
    return v->agreement_count;
}

size_t pn_view_node_count(const pn_view_t *v)
{
    return v->node_count;
}

size_t pn_view_step_count(const pn_view_t *v)
{
    return v->step_count;
}

const pn_view_step_t *pn_view_step(const pn_view_t *v, size_t i)
{
    return i < v->step_count ? &v->steps[i] : NULL;
}
