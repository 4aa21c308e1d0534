/*
 * Communities of a graph view: where the clusters of partnerships are.
 *
 * Every method runs on the view's simple graph with the number of agreements of each pair as
 * the edge weight (label propagation in igraph 0.10.2 rounds weights to integers; agreement
 * counts are integers already). Modularity is Newman's, weighted, resolution 1. Randomised
 * methods (Louvain, Leiden, label propagation, infomap) draw from a generator of their own
 * (igraph's default kind) seeded with the given seed, so a seed gives the same partition every
 * time; igraph's default generator is left as it was. Walktrap and fast greedy are
 * deterministic.
 *
 * Communities are numbered from 0 by decreasing size, ties by their first vertex, so the same
 * partition always prints the same way. An isolated node is a community of its own.
 */
#ifndef PARTNET_COMMUNITIES_H
#define PARTNET_COMMUNITIES_H

#include <partnet/common.h>
#include <partnet/graph.h>

PN_BEGIN_DECLS

typedef enum {
    PN_COMMUNITY_LOUVAIN = 0,        /**< igraph_community_multilevel */
    PN_COMMUNITY_LEIDEN,             /**< igraph_community_leiden, modularity objective */
    PN_COMMUNITY_LABEL_PROPAGATION,  /**< igraph_community_label_propagation */
    PN_COMMUNITY_WALKTRAP,           /**< igraph_community_walktrap, 4 steps, cut at max modularity */
    PN_COMMUNITY_INFOMAP,            /**< igraph_community_infomap, 10 trials */
    PN_COMMUNITY_FAST_GREEDY,        /**< igraph_community_fastgreedy, cut at max modularity */
    PN_COMMUNITY_COUNT
} pn_community_method_t;

PN_EXTERN const char *pn_community_method_name(pn_community_method_t method);
/** Names: louvain, leiden, label_propagation (or labelprop), walktrap, infomap, fast_greedy
 *  (or fastgreedy). @return 0 or PN_ENOTFOUND */
PN_EXTERN int pn_community_method_parse(pn_community_method_t *out, const char *name);
/** Does the method draw random numbers (so that the seed matters)? */
PN_EXTERN int pn_community_method_is_random(pn_community_method_t method);

/**
 * Find communities.
 * @param[out] membership an initialised vector, resized to the vertex count: community of each
 *             vertex, numbered as described above
 * @param[out] count number of communities (may be NULL)
 * @param[out] modularity the partition's modularity (may be NULL)
 * @return 0, PN_ENOMEM or PN_EIGRAPH
 */
PN_EXTERN int pn_communities_find(igraph_vector_int_t *membership, igraph_integer_t *count,
                                  double *modularity, const pn_graph_t *graph,
                                  pn_community_method_t method, unsigned long seed);

/**
 * How stable the partition is: the method run with seeds seed, seed + 1, ..., seed + runs - 1,
 * and the normalised mutual information (Danon et al.; igraph_compare_communities) of every pair
 * of partitions. NMI 1 means identical partitions; a community found by chance does not survive
 * another seed. O(runs^2 N) on top of the runs.
 * @param[out] mean_nmi mean over the runs * (runs - 1) / 2 pairs
 * @param[out] min_nmi the smallest (may be NULL)
 * @param[out] mean_modularity mean modularity of the runs (may be NULL)
 * @return 0, PN_EUSAGE (runs < 2), PN_ENOMEM or PN_EIGRAPH
 */
PN_EXTERN int pn_communities_measure_stability(double *mean_nmi, double *min_nmi,
                                               double *mean_modularity, const pn_graph_t *graph,
                                               pn_community_method_t method, unsigned long seed,
                                               int runs);

PN_END_DECLS

#endif
