/*
 * A view of the dataset: which agreements and which nodes an analysis looks at. Every analysis
 * takes one (graph.h builds its graph from a view; coverage.h counts its agreements; growth.h
 * compiles one for its sweep), so a filter means the same everywhere.
 *
 * A view is compiled once from its options, in steps, each narrowing what the ones before kept:
 * 1. the node filters: levels, national governments (exclude_country_level), a view it lies
 *    within;
 * 2. the agreement filters: between kept nodes, signed as of a date (and still in force with
 *    active), signed since a date, of the chosen kinds, with a party in the chosen country;
 *    the nodes are then the parties of the kept agreements and, unless drop_isolated is set,
 *    the nodes that pass the node filters without one (of the chosen country only, when there
 *    is one);
 * 3. the structural views, on the simple graph of what is kept so far (one edge per pair of
 *    partners), in this order: pairs with at least min_agreements agreements (and their
 *    nodes); the k-core; the largest connected component; the ego network. Each keeps a set of
 *    nodes and the agreements between them (as NetworkX's edge_subgraph, k_core, the largest
 *    of connected_components and ego_graph do).
 * Every step that an option turns on is recorded with what it kept (pn_view_step()).
 * O(A + N) for A agreements and N nodes; the structural views add O(A log A) to merge pairs.
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
     *  and nodes are the same either way: the structural views work on nodes. */
    int by_country;
    /** Bit (1 << kind) per pn_kind_t kept; 0 keeps every kind. */
    unsigned kinds;
    /** Only agreements certainly signed on or after the first day of this date
     *  (pn_date_on_or_after(): undated ones are left out); with as_of, a window.
     *  PN_DATE_NONE: no lower bound. */
    pn_date_t since;
    /** Only the pairs of partners with at least this many agreements in the view, and their
     *  nodes; 0 or 1 keeps every pair. */
    unsigned min_agreements;
    /** Only the nodes of the k-core, K = k_core: the largest subgraph in which every node has
     *  at least K distinct partners (NetworkX k_core); 0 keeps all. */
    unsigned k_core;
    /** Only the largest connected component (of several as large, the one with the node that
     *  comes first in the dataset). */
    int largest_component;
    /** Only the nodes at most ego_radius steps from this node, and the agreements between them
     *  (NetworkX ego_graph): an id, a name or an alias, found as pn_search_resolve() finds it.
     *  NULL: no ego view. */
    const char *ego;
    /** Steps from the ego node (0: itself alone). */
    unsigned ego_radius;
    /** Only agreements and nodes of this view, which must be of the same dataset and outlive
     *  the compiling (not the view compiled); NULL: the whole dataset. Lets an analysis take a
     *  structural view on the whole history, then snapshots of it. */
    const struct pn_view *within;
} pn_view_options_t;

#define PN_VIEW_OPTIONS_VERSION 2
#define PN_VIEW_OPTIONS_INIT                                                                       \
    {.version = PN_VIEW_OPTIONS_VERSION, .as_of = PN_DATE_NONE, .since = PN_DATE_NONE,            \
     .ego_radius = 1}

/** One step of a compiled view: an option that narrowed it, and what was left after it. */
typedef struct {
    const char *option; /**< as the command spells it, without dashes: "dataset" (the first
                             step: everything), "level", "no-country-level", "as-of", "active",
                             "since", "kind", "country", "min-agreements", "k-core",
                             "largest-component", "ego"; "within" for a view within a view */
    const char *value;  /**< its value as text ("2012", "twinning,memorandum", "by-minsk:2"),
                             "" for a flag */
    size_t agreements;  /**< agreements in the view after this step */
    size_t nodes;       /**< nodes in the view after this step */
} pn_view_step_t;

typedef struct pn_view pn_view_t;

/**
 * Compile a view.
 * @param[out] out the view; the dataset must outlive it
 * @param opts NULL for the whole dataset
 * @return 0; PN_ENOTFOUND (no country with that code in the dataset, no node or several
 *         that the ego text names, with the candidates in the message); PN_EUSAGE (options of
 *         another version, or the ego node left out by the other options); PN_ENOMEM;
 *         PN_EIGRAPH
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
/** The ego node (dataset index), or PN_NONE without an ego view. */
PN_EXTERN uint32_t pn_view_ego(const pn_view_t *view);

/** Number of steps the view was compiled in: 1 (the dataset) + one per option that is on. */
PN_EXTERN size_t pn_view_step_count(const pn_view_t *view);
/** Step @p i, owned by the view. */
PN_EXTERN const pn_view_step_t *pn_view_step(const pn_view_t *view, size_t i);

PN_END_DECLS

#endif
