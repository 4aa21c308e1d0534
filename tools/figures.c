/*
 * The decimals of every figure in text tables, in one list, so that a measure reads the same in
 * rank, show, compare, growth, stats, clusters, coverage and report.
 */
#include "figures.h"

#include <ctype.h>
#include <partnet/text.h>
#include <stdio.h>
#include <string.h>

/* Fixed decimals, chosen for the figure's range: shares and probabilities to a tenth of a
 * percent, correlations and modularity to 1e-4, PageRank and density (small on large networks:
 * 1e-4 on the world list) to 1e-6, betweenness (up to millions) to one decimal. */
static const struct {
    const char *name;
    int digits;
} figures[] = {
    {"betweenness", 1},
    {"closeness", 4},
    {"harmonic", 4},
    {"eigenvector", 4},
    {"pagerank", 6},
    {"density", 6},
    {"transitivity", 4},
    {"average_clustering", 4},
    {"degree_assortativity", 4},
    {"country_assortativity", 4},
    {"gini_degree", 4},
    {"modularity", 4},
    {"mean_modularity", 4},
    {"mean_pairwise_nmi", 4},
    {"smallest_pairwise_nmi", 4},
    {"mean_degree", 3},
    {"mean_distance_lcc", 3},
    {"share", 3},
    {"share_change", 3},
    {"largest_share", 3},
    {"cross_border_share", 3},
};

int figure_digits(const char *name)
{
    char key[64];
    size_t n = 0;
    for (; name[n] && n + 1 < sizeof key; n++)
        key[n] = name[n] == ' ' || name[n] == '-' ? '_' : (char)tolower((unsigned char)name[n]);
    key[n] = '\0';
    for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
        if (strcmp(key, figures[i].name) == 0)
            return figures[i].digits;
    return -1;
}

int measure_digits(pn_measure_t measure)
{
    return pn_measure_is_integer(measure) ? -1 : figure_digits(pn_measure_name(measure));
}

void figure_format(char *out, size_t size, const char *name, double value)
{
    int digits = figure_digits(name);
    char exact[PN_TEXT_REAL_MAX];
    if (digits >= 0)
        snprintf(out, size, "%.*f", digits, value);
    else
        snprintf(out, size, "%s", pn_text_format_real(exact, value));
}
