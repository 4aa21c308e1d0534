/*
 * Compiling a view (see partnet/view.h): the filters of every analysis, written once.
 *
 * The view is built by the stages listed in `stages`, in order, each narrowing what the ones
 * before kept: a filter of nodes marks v->node, a filter of agreements clears v->agreement,
 * and the last stage settles the nodes from the agreements kept. A new kind of view is an
 * option and a stage.
 */
#include "view.h"

#include "error.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Nodes the node filters keep; the others can be party to no agreement of the view. */
static int keep_levels(pn_view_t *v)
{
    const pn_view_options_t *o = &v->opts;
    for (size_t i = 0; i < v->ds->node_count; i++) {
        pn_level_t level = v->ds->nodes[i].level;
        v->node[i] = (!o->levels || (o->levels & (1u << level))) &&
                     !(o->exclude_country_level && level == PN_LEVEL_COUNTRY);
    }
    return 0;
}

/* Agreements between kept nodes, signed as of the snapshot (and in force with `active`), with
 * a party in the chosen country. */
static int keep_agreements(pn_view_t *v)
{
    const pn_dataset_t *ds = v->ds;
    const pn_view_options_t *o = &v->opts;
    for (size_t i = 0; i < ds->agreement_count; i++) {
        uint32_t a = ds->a[i], b = ds->b[i];
        int in = v->node[a] && v->node[b];
        if (in && o->as_of != PN_DATE_NONE)
            in = pn_date_on_or_before(ds->date[i], o->as_of) &&
                 (!o->active || pn_date_not_ended_before(ds->end[i], o->as_of));
        if (in && v->country != PN_NONE)
            in = ds->nodes[a].country == v->country || ds->nodes[b].country == v->country;
        v->agreement[i] = (unsigned char)in;
    }
    return 0;
}

/* The nodes of the view: parties of its agreements, and the kept nodes without one unless
 * drop_isolated (of the chosen country only, when there is one). */
static int keep_parties(pn_view_t *v)
{
    const pn_dataset_t *ds = v->ds;
    size_t n = ds->node_count;
    for (size_t i = 0; i < n; i++) {
        int isolated_kept = v->node[i] && !v->opts.drop_isolated &&
                            (v->country == PN_NONE || ds->nodes[i].country == v->country);
        v->node[i] = isolated_kept ? 2 : 0; /* 2: in the view whatever its agreements */
    }
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (!v->agreement[i])
            continue;
        v->node[ds->a[i]] = v->node[ds->b[i]] = 1;
        v->agreement_count++;
    }
    for (size_t i = 0; i < n; i++) {
        v->node[i] = v->node[i] != 0;
        v->node_count += v->node[i];
    }
    return 0;
}

static int (*const stages[])(pn_view_t *) = {keep_levels, keep_agreements, keep_parties};

int pn_view_new(pn_view_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts)
{
    pn_view_options_t defaults = PN_VIEW_OPTIONS_INIT;
    assert(out && ds);
    PN_CHECK_OPTIONS(opts ? opts : &defaults, PN_VIEW_OPTIONS_VERSION, "pn_view_options_t");
    pn_view_t *v = calloc(1, sizeof *v);
    int status = 0;
    if (!v)
        return pn_error__nomem();
    v->ds = ds;
    v->opts = opts ? *opts : defaults;
    v->country = PN_NONE;
    if (v->opts.country) {
        if (pn_dataset_find_country(&v->country, ds, v->opts.country) != 0) {
            status = pn_error_set(PN_ENOTFOUND, "%s: no country \"%s\" in the dataset",
                                   ds->name, v->opts.country);
            goto done;
        }
        if (!(v->country_code = strdup(v->opts.country))) {
            status = pn_error__nomem();
            goto done;
        }
        v->opts.country = v->country_code;
    }
    v->agreement = malloc(ds->agreement_count ? ds->agreement_count : 1);
    v->node = malloc(ds->node_count ? ds->node_count : 1);
    if (!v->agreement || !v->node) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t s = 0; s < sizeof stages / sizeof stages[0] && status == 0; s++)
        status = stages[s](v);
done:
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
