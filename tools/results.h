/*
 * The tables of partnet's results, each built by one function that every command showing that
 * result uses (coverage and report, growth and report, clusters and report, ...), so that a
 * result reads the same wherever it is shown. Commands add their own titles.
 */
#ifndef PARTNET_TOOLS_RESULTS_H
#define PARTNET_TOOLS_RESULTS_H

#include <partnet/partnet.h>

#include "output.h"

/* ---- vertices (results_vertices.c) ------------------------------------------------------- */

/** The identity columns of a vertex: rank,id,name,country,level (without rank when
 *  @p with_rank is 0). */
void result_vertex_columns(table_t *t, int with_rank);
/** Their cells for vertex @p v (a node, or a country in a graph of countries); @p rank 0: none. */
void result_vertex_cells(table_t *t, long rank, const pn_graph_t *g, igraph_integer_t v);
/** A column for a measure's values: whole numbers for an integer measure. */
void result_value_column(table_t *t, const char *name, pn_measure_t measure);
/** A measure's value: a whole number for an integer measure. */
void result_value_cell(table_t *t, pn_measure_t measure, double value);

/** Sort @p count vertices in place by decreasing @p value, ties by id (pn_graph_sort_vertices()). */
void result_sort(igraph_integer_t *vertices, size_t count, const pn_graph_t *g,
                 const double *value);
/** Every vertex of @p g in that order; the caller frees it. */
igraph_integer_t *result_ranked(const pn_graph_t *g, const double *value);
/** The rank of every vertex in that order, 1 for the first; the caller frees it. */
long *result_ranks(const pn_graph_t *g, const double *value);
/** Does value @p a rank above @p b? Values equal to nine significant digits tie. */
int result_above(double a, double b);
/** The competition rank ("1224") of every vertex: 1 + the vertices whose value ranks above
 *  its own (result_above()), so tied vertices share the best rank; the caller frees it. */
long *result_competition_ranks(const pn_graph_t *g, const double *value);

/** A vertex as JSON: a node {id, name, country} (record_node_json()), or a country of a
 *  graph of countries {id, name, country} with its code as id and country. */
cJSON *result_vertex_json(const pn_graph_t *g, igraph_integer_t v);
/** The country mix as JSON: [{"country": "RU", "nodes": 4}, ...] in result_country_mix()'s
 *  order. */
cJSON *result_country_mix_json(const pn_graph_t *g, const igraph_integer_t *vertices,
                               size_t count);
/** The country mix of some vertices, most frequent first, ties by code: "RU 4, KZ 3, BY 1". */
void result_country_mix(char *out, size_t cap, const pn_graph_t *g,
                        const igraph_integer_t *vertices, size_t count);

/** Say on stderr that betweenness is estimated, unless the sample covers every vertex; @p hint
 *  (or NULL) is said after it. */
void result_sample_note(const char *cmd, igraph_integer_t sample, igraph_integer_t vertices,
                        unsigned long seed, const char *hint);

/* ---- coverage (results_coverage.c) ------------------------------------------------------- */

/**
 * Give the countries without a count of regions in @p ds ISO 3166-2's count
 * (pn_coverage_default_regions()), and say so on stderr unless @p quiet, as "partnet COMMAND:
 * ...": how many countries got one, and that nothing can be covered when the dataset lists no
 * first-level unit at all (a list of city pairs). @return 0, or a negative status (printed).
 */
int result_coverage_defaults(pn_coverage_t *coverage, const pn_dataset_t *ds, const char *command,
                             int quiet);

/**
 * Coverage per country, one row per country of @p coverage (only country @p only unless it is
 * PN_NONE): country,name,regions,regions_source (dataset, iso-3166-2 or empty),units,covered,share,covered_abroad,nodes,nodes_active,
 * nodes_abroad,agreements,partner_countries, and, when the dataset reports coverage figures,
 * reported and recorded_then (the country's latest regions_covered figure and what the dataset
 * records as of its date).
 */
table_t *result_coverage_table(const pn_coverage_t *coverage, const pn_dataset_t *ds,
                               uint32_t only, const char *title);

/** The country matrix as country_a,country_b,agreements,pairs: the pairs of @p matrix not in
 *  @p except (NULL: all), at most @p top of them (0: all). */
table_t *result_matrix_table(const char *name, const pn_country_matrix_t *matrix,
                             const pn_dataset_t *ds, const pn_country_matrix_t *except, long top);

/** A reported figure as it reads: "about 50", "all of 11"; with @p with_date its date after
 *  it, "10 of 11 (2014)". */
void result_reported_text(char *out, size_t cap, const pn_reported_t *reported, int with_date);

/* ---- growth (results_growth.c) ----------------------------------------------------------- */

/** One row per year: year,new_agreements,agreements,nodes,pairs,countries,components,largest,
 *  largest_share,density,transitivity,mean_degree,cross_border_share, and with @p coverage a
 *  coverage_CC column per country (a share of its regions when the dataset counts them). */
table_t *result_growth_table(const pn_growth_t *growth, const pn_dataset_t *ds, int coverage,
                             const char *title);

/** The growth's coverage as a long table: year,country,covered,regions,share. */
table_t *result_growth_coverage_table(const pn_growth_t *growth, const pn_dataset_t *ds);

/* ---- communities (results_communities.c) ------------------------------------------------- */

/**
 * The communities of a partition, largest first: community (from 1),size,agreements (inside
 * it),countries (the mix),members (by decreasing number of partners); the first @p top (0:
 * all). With @p short_lists, a community of more than six members lists five and says how
 * many more.
 */
table_t *result_communities_table(const pn_graph_t *g, const igraph_vector_int_t *membership,
                                  igraph_integer_t count, long top, int short_lists,
                                  const char *title);

#endif
