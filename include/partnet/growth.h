/*
 * How the network grew: its figures for every year at once, computed in one sweep over the
 * agreements sorted by date (not by rebuilding the network year after year), fast enough for
 * tens of millions of agreements.
 *
 * The snapshot of year Y holds the agreements signed by the end of Y (an agreement dated by
 * year counts in that year, one dated by month in that month's year); with `active`, only
 * those not ended before Y (a programme ending 2020 counts in 2020, not in 2021). Undated
 * agreements are in no snapshot (they are counted apart). A snapshot's nodes are the nodes with
 * at least one of its agreements; its figures are those of its simple graph (one edge per pair
 * of partners), as partnet stats computes them for `--as-of Y` with isolated nodes left out:
 *
 * - new_agreements: signed in the period the row closes (the year, or the years after the
 *   previous row up to it; the first row's period is the `step` years ending with it);
 *   agreements: in the snapshot; nodes; pairs (distinct partner pairs);
 *   countries (with a node in the snapshot; nodes that name no country are in none);
 * - components and largest (its node count), largest_share = largest / nodes;
 * - density = 2 pairs / (nodes (nodes - 1)); mean_degree = 2 pairs / nodes;
 * - transitivity = 3 x triangles / connected triples (0 without triples);
 * - cross_border_share: agreements between parties of two countries / agreements whose two
 *   parties name a country (NaN in a year without such agreements);
 * - coverage (when asked): per country, first-level units with an agreement in the snapshot
 *   (rolled up from districts and cities with `rollup`), as partnet coverage counts them.
 *
 * How: agreements are bucketed by year; distinct pairs come from one radix sort, with the
 * years each pair is active merged into intervals; node degrees, connected triples, nodes and
 * countries follow the pairs' start and end events; components come from a union-find that
 * only grows (pairs that end are added to a copy, for the years they are active); triangles
 * are enumerated once on the graph of all pairs, each counted in the years all three of its
 * pairs are active. O(A log A + T + S N') for A agreements, T triangles, S years and N' nodes of
 * pairs that end (none without --active). Memory: at ten million agreements on a million nodes
 * the sweep needs about 50 bytes per agreement on top of the loaded dataset (92 in all).
 */
#ifndef PARTNET_GROWTH_H
#define PARTNET_GROWTH_H

#include <partnet/common.h>
#include <partnet/dataset.h>
#include <partnet/view.h>

PN_BEGIN_DECLS

typedef struct {
    int year;
    size_t new_agreements, agreements, nodes, pairs, countries, components, largest;
    double largest_share, density, mean_degree, transitivity, cross_border_share;
} pn_growth_year_t;

typedef struct {
    size_t year_count;
    pn_growth_year_t *years;
    size_t undated;        /**< agreements in the view without a date: in no snapshot */
    size_t country_count;  /**< the dataset's countries */
    /** With coverage: covered[k * country_count + c], units of country c covered in year k;
     *  NULL otherwise. */
    size_t *covered;
} pn_growth_t;

typedef struct {
    unsigned version;
    /** The agreements swept: those of this view, whatever their date. Its as_of must be
     *  PN_DATE_NONE and by_country 0 (every year is a snapshot of nodes); with active, each
     *  year counts only the agreements in force (respecting end dates). */
    pn_view_options_t view;
    int from, to;          /**< first and last year; 0: from the data */
    int step;              /**< years between rows; 0 or 1: every year */
    int coverage;          /**< fill covered[] */
    int rollup;            /**< coverage: districts and cities cover their region */
    int threads;           /**< threads for the triangles; 0: one per core (the same rows) */
} pn_growth_options_t;

#define PN_GROWTH_OPTIONS_VERSION 1
#define PN_GROWTH_OPTIONS_INIT                                                                     \
    {.version = PN_GROWTH_OPTIONS_VERSION, .view = PN_VIEW_OPTIONS_INIT, .step = 1}

/**
 * The network year by year.
 * @param[out] out the rows, from `from` by `step`, the last one `to` itself even when the step
 *             does not land on it (its period is then shorter), so that every agreement signed
 *             up to `to` is in a row; none when no agreement is dated
 * @return 0, PN_ENOTFOUND (unknown country), PN_EUSAGE (from after to, step < 1, a view as of
 *         a date or by country, options of another version) or PN_ENOMEM
 */
PN_EXTERN int pn_growth_new(pn_growth_t **out, const pn_dataset_t *ds,
                            const pn_growth_options_t *opts);
PN_EXTERN void pn_growth_free(pn_growth_t *growth);

PN_END_DECLS

#endif
