/*
 * Community detection through igraph (see partnet/communities.h), with partitions renumbered
 * canonically so that output does not depend on igraph's internal labels.
 */
#include <partnet/communities.h>

#include "error.h"
#include "random.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

static const char *const method_names[PN_COMMUNITY_COUNT] = {
    "louvain", "leiden", "label_propagation", "walktrap", "infomap", "fast_greedy"};

const char *pn_community_method_name(pn_community_method_t method)
{
    return (unsigned)method < PN_COMMUNITY_COUNT ? method_names[method] : "?";
}

int pn_community_method_parse(pn_community_method_t *out, const char *name)
{
    assert(out && name);
    static const struct {
        const char *name;
        pn_community_method_t method;
    } other[] = {{"labelprop", PN_COMMUNITY_LABEL_PROPAGATION},
                 {"label-propagation", PN_COMMUNITY_LABEL_PROPAGATION},
                 {"fastgreedy", PN_COMMUNITY_FAST_GREEDY},
                 {"fast-greedy", PN_COMMUNITY_FAST_GREEDY},
                 {"multilevel", PN_COMMUNITY_LOUVAIN}};
    for (int m = 0; m < PN_COMMUNITY_COUNT; m++) {
        if (strcmp(name, method_names[m]) == 0) {
            *out = (pn_community_method_t)m;
            return 0;
        }
    }
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        if (strcmp(name, other[i].name) == 0) {
            *out = other[i].method;
            return 0;
        }
    }
    return PN_ENOTFOUND;
}

int pn_community_method_is_random(pn_community_method_t method)
{
    return method != PN_COMMUNITY_WALKTRAP && method != PN_COMMUNITY_FAST_GREEDY;
}

typedef struct {
    igraph_integer_t label, size, first;
} group_t;

static int by_size_then_first(const void *a, const void *b)
{
    const group_t *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Renumber: 0 for the largest community, ties by first vertex. */
static igraph_error_t canonical(igraph_vector_int_t *membership, igraph_integer_t *count)
{
    igraph_integer_t n = igraph_vector_int_size(membership);
    igraph_integer_t labels = n ? igraph_vector_int_max(membership) + 1 : 0;
    group_t *groups = calloc((size_t)(labels ? labels : 1), sizeof *groups);
    igraph_integer_t *rename = malloc((size_t)(labels ? labels : 1) * sizeof *rename);
    if (!groups || !rename) {
        free(groups);
        free(rename);
        IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
    }
    for (igraph_integer_t l = 0; l < labels; l++)
        groups[l] = (group_t){l, 0, n};
    for (igraph_integer_t v = 0; v < n; v++) {
        group_t *grp = &groups[VECTOR(*membership)[v]];
        if (grp->size++ == 0)
            grp->first = v;
    }
    qsort(groups, (size_t)labels, sizeof *groups, by_size_then_first);
    igraph_integer_t used = 0;
    for (igraph_integer_t k = 0; k < labels; k++)
        if (groups[k].size > 0)
            rename[groups[k].label] = used++;
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*membership)[v] = rename[VECTOR(*membership)[v]];
    free(groups);
    free(rename);
    *count = used;
    return IGRAPH_SUCCESS;
}

/* A dendrogram cut where modularity peaks. */
static igraph_error_t best_cut(const igraph_t *g, const igraph_matrix_int_t *merges,
                               const igraph_vector_t *modularity, igraph_vector_int_t *membership)
{
    igraph_integer_t steps = igraph_vector_which_max(modularity);
    return igraph_community_to_membership(merges, igraph_vcount(g), steps, membership, NULL);
}

static igraph_error_t run(const pn_graph_t *graph, pn_community_method_t method,
                          igraph_vector_int_t *membership)
{
    const igraph_t *g = pn_graph_igraph(graph);
    const igraph_vector_t *w = pn_graph_weights(graph);
    igraph_integer_t n = igraph_vcount(g);
    if (igraph_ecount(g) == 0) {
        /* every node alone; some methods refuse a graph without edges */
        IGRAPH_CHECK(igraph_vector_int_resize(membership, n));
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(*membership)[v] = v;
        return IGRAPH_SUCCESS;
    }
    switch (method) {
    case PN_COMMUNITY_LOUVAIN:
        return igraph_community_multilevel(g, w, 1.0, membership, NULL, NULL);
    case PN_COMMUNITY_LEIDEN: {
        igraph_vector_t strength;
        igraph_integer_t clusters;
        igraph_real_t quality;
        IGRAPH_VECTOR_INIT_FINALLY(&strength, 0);
        IGRAPH_CHECK(igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, 0, w));
        /* modularity as Leiden's objective: node weights = strength, resolution 1 / 2m */
        IGRAPH_CHECK(igraph_community_leiden(g, w, &strength, 1.0 / igraph_vector_sum(&strength),
                                             0.01, 0, -1, membership, &clusters, &quality));
        igraph_vector_destroy(&strength);
        IGRAPH_FINALLY_CLEAN(1);
        return IGRAPH_SUCCESS;
    }
    case PN_COMMUNITY_LABEL_PROPAGATION:
        return igraph_community_label_propagation(g, membership, IGRAPH_ALL, w, NULL, NULL);
    case PN_COMMUNITY_INFOMAP: {
        igraph_real_t codelength;
        return igraph_community_infomap(g, w, NULL, 10, membership, &codelength);
    }
    case PN_COMMUNITY_WALKTRAP:
    case PN_COMMUNITY_FAST_GREEDY: {
        igraph_matrix_int_t merges;
        igraph_vector_t modularity;
        IGRAPH_CHECK(igraph_matrix_int_init(&merges, 0, 0));
        IGRAPH_FINALLY(igraph_matrix_int_destroy, &merges);
        IGRAPH_VECTOR_INIT_FINALLY(&modularity, 0);
        if (method == PN_COMMUNITY_WALKTRAP)
            IGRAPH_CHECK(igraph_community_walktrap(g, w, 4, &merges, &modularity, NULL));
        else
            IGRAPH_CHECK(igraph_community_fastgreedy(g, w, &merges, &modularity, NULL));
        IGRAPH_CHECK(best_cut(g, &merges, &modularity, membership));
        igraph_vector_destroy(&modularity);
        igraph_matrix_int_destroy(&merges);
        IGRAPH_FINALLY_CLEAN(2);
        return IGRAPH_SUCCESS;
    }
    default:
        IGRAPH_ERROR("unknown community method", IGRAPH_EINVAL);
    }
}

int pn_communities_find(igraph_vector_int_t *membership, igraph_integer_t *count,
                        double *modularity, const pn_graph_t *graph, pn_community_method_t method,
                        unsigned long seed)
{
    assert(membership && graph);
    igraph_integer_t communities = 0;
    igraph_real_t q = 0;
    pn_random_t random;
    if (pn_random__begin(&random, seed) != 0)
        return PN_ENOMEM;
    igraph_error_t rc = run(graph, method, membership);
    pn_random__end(&random);
    if (rc == IGRAPH_SUCCESS)
        rc = canonical(membership, &communities);
    if (rc == IGRAPH_SUCCESS && igraph_ecount(pn_graph_igraph(graph)) > 0)
        rc = igraph_modularity(pn_graph_igraph(graph), membership, pn_graph_weights(graph), 1.0,
                               0, &q);
    if (rc != IGRAPH_SUCCESS)
        return pn_error__igraph(rc);
    if (count)
        *count = communities;
    if (modularity)
        *modularity = q;
    return 0;
}

int pn_communities_measure_stability(double *mean_nmi, double *min_nmi,
                                     double *mean_modularity,
                                     const pn_graph_t *graph, pn_community_method_t method,
                                     unsigned long seed, int runs)
{
    assert(mean_nmi && graph);
    if (runs < 2)
        return pn_error_set(PN_EUSAGE, "stability needs at least 2 runs, not %d", runs);
    igraph_vector_int_t *parts = calloc((size_t)runs, sizeof *parts);
    if (!parts)
        return pn_error__nomem();
    int status = 0, made = 0;
    double modularity_sum = 0;
    for (; made < runs && status == 0; made++) {
        double q;
        if (igraph_vector_int_init(&parts[made], 0) != IGRAPH_SUCCESS) {
            status = pn_error__nomem();
            break;
        }
        status = pn_communities_find(&parts[made], NULL, &q, graph, method,
                                     seed + (unsigned long)made);
        modularity_sum += q;
    }
    double sum = 0, lowest = 1;
    long pairs = 0;
    for (int i = 0; i < runs && status == 0; i++) {
        for (int j = i + 1; j < runs && status == 0; j++) {
            igraph_real_t nmi = 1;
            igraph_error_t rc = igraph_vector_int_size(&parts[i]) == 0
                                    ? IGRAPH_SUCCESS
                                    : igraph_compare_communities(&parts[i], &parts[j], &nmi,
                                                                 IGRAPH_COMMCMP_NMI);
            if (rc != IGRAPH_SUCCESS)
                status = pn_error__igraph(rc);
            sum += nmi;
            lowest = nmi < lowest ? nmi : lowest;
            pairs++;
        }
    }
    for (int i = 0; i < made; i++)
        igraph_vector_int_destroy(&parts[i]);
    free(parts);
    if (status)
        return status;
    *mean_nmi = sum / (double)pairs;
    if (min_nmi)
        *min_nmi = lowest;
    if (mean_modularity)
        *mean_modularity = modularity_sum / runs;
    return 0;
}
