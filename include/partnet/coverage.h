/*
 * How well each country's regions are covered by agreements, and which country pairs are most
 * tied.
 *
 * A country's first-level units are its nodes of level region and its cities of regional rank
 * (first_level). A unit is covered when it is party to at least one agreement of the view;
 * with rollup, an agreement of a district or city also covers the first-level unit it belongs
 * to (following parents up). It is covered abroad when such an agreement has a party in another
 * country. The share is covered units over the registry's count of first-level regions (the
 * dataset's `regions` for the country), not over the units the dataset happens to list; it is
 * unknown (NaN) when the dataset gives no count.
 *
 * The node columns follow the peer benchmarks' definition: nodes of the country, nodes with an
 * agreement in the view (active) and with one abroad. agreements counts the agreements with at
 * least one party in the country (a domestic one once); partner_countries the distinct other
 * countries reached. Nodes that name no country are no country: they have no row and no cell,
 * and an agreement with one of them is abroad for nobody. O(N + A).
 */
#ifndef PARTNET_COVERAGE_H
#define PARTNET_COVERAGE_H

#include <partnet/common.h>
#include <partnet/dataset.h>
#include <partnet/view.h>

PN_BEGIN_DECLS

/** Where a country's count of first-level regions comes from. */
typedef enum {
    PN_REGIONS_UNKNOWN = 0, /**< nowhere: the count is -1 */
    PN_REGIONS_DATASET,     /**< the dataset's own count (countries[].regions) */
    PN_REGIONS_ISO_3166_2   /**< ISO 3166-2's first level (pn_coverage_default_regions()) */
} pn_regions_source_t;

/** One country's coverage. */
typedef struct {
    uint32_t country;            /**< dataset country index */
    int regions;                 /**< registry count; -1 unknown */
    size_t units;                /**< first-level units the dataset lists */
    size_t covered;              /**< units with an agreement */
    size_t covered_abroad;       /**< units with an agreement with another country */
    double share;                /**< covered / regions; NaN when regions is unknown */
    size_t nodes, nodes_active, nodes_abroad;
    size_t agreements;
    size_t partner_countries;
    pn_regions_source_t regions_source; /**< where regions comes from */
} pn_coverage_row_t;

typedef struct {
    size_t country_count;
    pn_coverage_row_t *countries; /**< in country-code order */
} pn_coverage_t;

/** One cell of the country matrix. */
typedef struct {
    uint32_t a, b;               /**< country indices, code of a <= code of b */
    size_t agreements;           /**< agreements between a party of a and one of b */
    size_t pairs;                /**< distinct partner pairs among them */
} pn_country_pair_t;

typedef struct {
    size_t pair_count;
    pn_country_pair_t *pairs;    /**< in code order */
} pn_country_matrix_t;

/**
 * Coverage of every country with a node in the dataset, in country-code order, by the view's
 * agreements. Units and nodes are the dataset's: a unit outside the view's levels is still
 * covered through rollup, and with a country view the other countries' rows count only their
 * agreements with that country.
 * @param[out] out the rows; free with pn_coverage_free()
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_coverage_new(pn_coverage_t **out, const pn_view_t *view, int rollup);
/** Free coverage rows. NULL does nothing. */
PN_EXTERN void pn_coverage_free(pn_coverage_t *coverage);

/**
 * The default count of regions: each row whose dataset gives its country no count of regions
 * gets the number of the country's first-level subdivisions in ISO 3166-2 (Debian's iso-codes),
 * and its share is recomputed; a count the dataset gives is kept. First level: every entry of
 * iso_3166-2.json without a parent, whatever its type, so Belarus has 7 (6 oblasts and the city
 * of Minsk), Armenia 11 (10 marzer and Yerevan), Germany 16, France 26 (13 metropolitan regions
 * with Corsica, 5 overseas regions, 6 overseas collectivities, the French Southern Territories
 * and Clipperton) and the United States 57 (50 states, the District of Columbia and 6
 * outlying areas): territories that ISO 3166-1 also lists as countries of their own are
 * counted, as ISO 3166-2 counts them. A country ISO 3166-2 does not divide keeps no count.
 * O(S + C) for S subdivisions and C rows.
 * @param iso_json path of iso_3166-2.json; NULL for the one found at build time (or the
 *        PARTNET_ISO_3166_2 environment variable when set)
 * @return the number of rows given a count (>= 0); PN_EIO (file missing), PN_EPARSE or
 *         PN_ENOMEM, with @p coverage unchanged
 */
PN_EXTERN int pn_coverage_default_regions(pn_coverage_t *coverage, const pn_dataset_t *ds,
                                          const char *iso_json);

/**
 * The country matrix: every unordered pair of countries (a country with itself included, for
 * domestic agreements) with at least one agreement in the view, in code order.
 * @param[out] out the cells; free with pn_country_matrix_free()
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_country_matrix_new(pn_country_matrix_t **out, const pn_view_t *view);
/** Free a country matrix. NULL does nothing. */
PN_EXTERN void pn_country_matrix_free(pn_country_matrix_t *matrix);

/**
 * The dataset's figure for what a reported figure counts (see pn_reported_t), as of the
 * figure's as_of date when it has one, and for a figure of a period only the agreements not
 * certainly signed before its start (since): agreements, first-level regions covered (with
 * rollup) or partners.
 * @param[out] out the recorded figure
 * @return 0, PN_ENOMEM, or PN_EUSAGE for a metric partnet does not know
 */
PN_EXTERN int pn_reported_count(double *out, const pn_dataset_t *ds, size_t reported);

PN_END_DECLS

#endif
