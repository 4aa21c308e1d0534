/*
 * A view of the dataset: which agreements and which nodes an analysis looks at. Every analysis
 * takes one (graph.h builds its graph from a view; coverage.h counts its agreements; growth.h
 * compiles one for its sweep), so a filter means the same everywhere.
 *
 * A view is compiled once from its options, in stages: the node filters (levels, national
 * governments), then the agreements (signed as of a date, still in force, with a party in a
 * country, both parties kept by the node filters), then the nodes: the parties of the kept
 * agreements and, unless drop_isolated is set, the nodes that pass the node filters without
 * one (of the chosen country only, when there is one). O(A + N) for A agreements and N nodes.
 */
#ifndef PARTNET_VIEW_H
#define PARTNET_VIEW_H

#include <partnet/common.h>
#include <partnet/dataset.h>

PN_BEGIN_DECLS

typedef struct {
    unsigned version;
    /** Snapshot date: only agreements signed on or before it (pn_date_on_or_before()).
     *  PN_DATE_NONE: every agreement, undated ones included. */
    pn_date_t as_of;
    /** With as_of: also leave out agreements that ended before it
     *  (pn_date_not_ended_before()). */
    int active;
    /** Keep only the agreements with at least one party in this country (alpha-2 code): the
     *  country's partnership network, its nodes and their partners. NULL keeps all. */
    const char *country;
    /** Bit (1 << level) per pn_level_t kept; 0 keeps every level. */
    unsigned levels;
    /** Leave out national governments acting as parties (level country). */
    int exclude_country_level;
    /** Keep only nodes with at least one agreement in the view. */
    int drop_isolated;
    /** For graphs: contract the view to countries (see pn_graph_new()). The view's agreements
     *  and nodes are the same either way. */
    int by_country;
} pn_view_options_t;

#define PN_VIEW_OPTIONS_VERSION 1
#define PN_VIEW_OPTIONS_INIT {.version = PN_VIEW_OPTIONS_VERSION, .as_of = PN_DATE_NONE}

typedef struct pn_view pn_view_t;

/**
 * Compile a view.
 * @param[out] out the view; the dataset must outlive it
 * @param opts NULL for the whole dataset
 * @return 0, PN_ENOTFOUND (no country with that code in the dataset), PN_EUSAGE (options of
 *         another version) or PN_ENOMEM
 */
PN_EXTERN int pn_view_new(pn_view_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts);
/** Free a view. NULL does nothing. */
PN_EXTERN void pn_view_free(pn_view_t *view);

/** The dataset the view looks at. */
PN_EXTERN const pn_dataset_t *pn_view_dataset(const pn_view_t *view);
/** The options the view was compiled from, owned by the view (their country string too). */
PN_EXTERN const pn_view_options_t *pn_view_options(const pn_view_t *view);
/** The dataset index of the chosen country, or PN_NONE when the view keeps every country. */
PN_EXTERN uint32_t pn_view_country(const pn_view_t *view);

/** Is dataset agreement @p agreement in the view? */
PN_EXTERN int pn_view_has_agreement(const pn_view_t *view, size_t agreement);
/** Is dataset node @p node in the view? */
PN_EXTERN int pn_view_has_node(const pn_view_t *view, uint32_t node);
/** Number of agreements in the view. */
PN_EXTERN size_t pn_view_agreement_count(const pn_view_t *view);
/** Number of nodes in the view. */
PN_EXTERN size_t pn_view_node_count(const pn_view_t *view);

PN_END_DECLS

#endif
