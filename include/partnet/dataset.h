/*
 * The dataset model: countries, nodes (the parties: regions, districts, cities and national
 * governments) and agreements (dated, typed edges between two nodes, each with its source).
 *
 * A dataset is filled by a loader (see load.h) or by the builder functions below, then read
 * through the accessors. Strings returned by accessors are owned by the dataset and valid until
 * pn_dataset_free(). Several agreements between the same pair are all kept: the dataset is a
 * multigraph; analyses that need a simple graph merge them (see graph.h).
 */
#ifndef PARTNET_DATASET_H
#define PARTNET_DATASET_H

#include <partnet/common.h>
#include <partnet/date.h>
#include <stddef.h>
#include <stdint.h>

PN_BEGIN_DECLS

#define PN_NONE UINT32_MAX /**< "no node", "no country" in index fields */

typedef enum {
    PN_LEVEL_COUNTRY = 0, /**< a national government acting as a party */
    PN_LEVEL_REGION,      /**< first-level unit: oblast, marz, krai, republic of Russia, velayat... */
    PN_LEVEL_DISTRICT,    /**< raion, municipality, rural settlement */
    PN_LEVEL_CITY,        /**< city or town */
    PN_LEVEL_COUNT
} pn_level_t;

typedef enum {
    PN_KIND_TWINNING = 0,
    PN_KIND_COOPERATION_AGREEMENT,
    PN_KIND_MEMORANDUM,
    PN_KIND_PROGRAMME,
    PN_KIND_PROTOCOL,
    PN_KIND_ROADMAP,
    PN_KIND_OTHER,
    PN_KIND_COUNT
} pn_kind_t;

/** The level's name as written in datasets ("region"). */
PN_EXTERN const char *pn_level_name(pn_level_t level);
/** @return 0, or PN_ENOTFOUND when @p name is not a level name. */
PN_EXTERN int pn_level_parse(pn_level_t *out, const char *name);
/** The kind's name as written in datasets ("cooperation_agreement"). */
PN_EXTERN const char *pn_kind_name(pn_kind_t kind);
/** @return 0, or PN_ENOTFOUND when @p name is not a kind name. */
PN_EXTERN int pn_kind_parse(pn_kind_t *out, const char *name);

/** Membership of a country in an organisation. */
typedef struct {
    const char *org; /**< "CIS", "EAEU", ... */
    int from;        /**< year joined; 0 unknown */
    int to;          /**< year left; 0 while still a member */
    const char *note;
} pn_membership_t;

typedef struct {
    const char *code;      /**< ISO 3166-1 alpha-2 ("BY"); for a country a pair list could not
                                resolve, its raw name; "" for "no country given" */
    const char *name;      /**< English short name */
    int resolved;          /**< 1 when code is an ISO 3166-1 alpha-2 code (or XK, Kosovo) */
    int regions;           /**< number of first-level regions (coverage denominator); -1 unknown */
    int regions_year;      /**< year that count refers to; 0 unknown */
    const char *regions_source; /**< where the count comes from; NULL unknown */
    size_t membership_count;
    const pn_membership_t *memberships;
    const char *note;      /**< NULL */
} pn_country_t;

typedef struct {
    const char *id;     /**< stable identifier, unique in the dataset */
    const char *name;
    uint32_t country;   /**< index of the country (pn_dataset_country()) */
    pn_level_t level;
    int first_level;    /**< 1 for a city with the rank of a region (Minsk, Moscow): one of its
                             country's first-level units, with no parent */
    uint32_t parent;    /**< index of the region a district or city belongs to; PN_NONE */
    double lat, lon;    /**< degrees; NAN when unknown */
    size_t alias_count; /**< other spellings and former names */
    const char *const *aliases;
    uint32_t line;      /**< line of its definition in the input file; 0 unknown */
    const char *note;   /**< NULL */
} pn_node_t;

/** Where an agreement (or a reported figure) is stated. All fields optional. */
typedef struct {
    const char *document; /**< document name or file; NULL when the agreement has no source */
    uint32_t line;        /**< line in the document; 0 unknown */
    const char *location; /**< page, section or other location; NULL */
    const char *quote;    /**< short verbatim quote; NULL */
    const char *url;      /**< NULL */
} pn_source_t;

typedef struct {
    const char *id;       /**< NULL when the input gave none */
    uint32_t a, b;        /**< the two parties (node indices), a != b, in input order */
    pn_date_t date;       /**< signing date at its precision; PN_DATE_NONE when unknown */
    pn_date_t end;        /**< end of validity; PN_DATE_NONE when open-ended or unknown */
    pn_kind_t kind;       /**< when not @p kind_stated, the reader's default (a pair list's
                               "twinning") */
    int kind_stated;      /**< 0 when the source does not state the kind (a pair list without
                               a kind cell, "kind_stated": false in a native file): a merge
                               then takes the kind another source states */
    size_t domain_count;  /**< fields of cooperation: "trade", "culture", ... */
    const char *const *domains;
    pn_source_t source;   /**< the first of @p sources; all NULL and 0 when it has none */
    const char *note;     /**< NULL */
    uint32_t line;        /**< line in the input file; 0 unknown */
    /** Every source that reports it, in the order given (several when datasets were merged
     *  or the input lists several); 0 and NULL when it has none. */
    size_t source_count;
    const pn_source_t *sources;
} pn_agreement_t;

/**
 * A figure the source reports about the network itself ("21 twinning agreements between
 * Belarus and Armenia"), kept so that reported and recorded figures can be set side by side.
 * The metric says what is counted: "agreements" (agreements between parties of @p countries:
 * within the country when there is one, between the two when there are two; only those of
 * @p party when set; only of @p kind when set), "regions_covered" (first-level regions of the
 * country with at least one agreement, "out of" @p total) or "partners" (distinct partners of
 * @p party, in @p countries when given).
 */
typedef struct {
    const char *id;
    const char *metric;
    const char *description;
    size_t country_count;      /**< 0..2 */
    const uint32_t *countries; /**< country indices */
    uint32_t party;            /**< node index or PN_NONE */
    int kind;                  /**< pn_kind_t, or -1 for any kind */
    int has_value;             /**< 0 for qualitative figures ("all regions") */
    double value;
    const char *qualifier;     /**< "exact", "about", "more_than", "at_least", "all", "almost_all" */
    int total;                 /**< "out of" (regions_covered), -1 unknown */
    pn_date_t as_of;           /**< the date the figure refers to; PN_DATE_NONE */
    pn_date_t since;           /**< for figures of a period ("signed at the forum"): its start;
                                    PN_DATE_NONE for figures that count everything so far */
    pn_source_t source;
    const char *note;
} pn_reported_t;

/** A document agreements cite as their source. */
typedef struct {
    const char *id;    /**< what sources name in their "document" field */
    const char *title;
    const char *author;
    int year;          /**< 0 unknown */
    const char *url;
    const char *note;
} pn_document_t;

typedef struct pn_dataset pn_dataset_t;

/** Create an empty dataset. @param[out] out the dataset @param name shown in messages (a path) */
PN_EXTERN int pn_dataset_new(pn_dataset_t **out, const char *name);
/** Free a dataset and everything it owns. NULL does nothing. */
PN_EXTERN void pn_dataset_free(pn_dataset_t *ds);

/** The name the dataset was created with (its path), owned by the dataset. */
PN_EXTERN const char *pn_dataset_name(const pn_dataset_t *ds);
/** The dataset's title, or NULL. */
PN_EXTERN const char *pn_dataset_title(const pn_dataset_t *ds);
/**
 * Replace the dataset's title, description and license (copied); NULL leaves one as it is.
 * @return 0 or PN_ENOMEM (the dataset unchanged)
 */
PN_EXTERN int pn_dataset_set_metadata(pn_dataset_t *ds, const char *title,
                                      const char *description, const char *license);
/** The dataset's description, license and citation as its file gives them, or NULL. */
PN_EXTERN const char *pn_dataset_description(const pn_dataset_t *ds);
PN_EXTERN const char *pn_dataset_license(const pn_dataset_t *ds);
PN_EXTERN const char *pn_dataset_citation(const pn_dataset_t *ds);

PN_EXTERN size_t pn_dataset_country_count(const pn_dataset_t *ds);
PN_EXTERN size_t pn_dataset_node_count(const pn_dataset_t *ds);
PN_EXTERN size_t pn_dataset_agreement_count(const pn_dataset_t *ds);
PN_EXTERN size_t pn_dataset_reported_count(const pn_dataset_t *ds);
PN_EXTERN size_t pn_dataset_document_count(const pn_dataset_t *ds);

/** The i-th country, owned by the dataset. */
PN_EXTERN const pn_country_t *pn_dataset_country(const pn_dataset_t *ds, size_t i);
/** The i-th node, owned by the dataset. */
PN_EXTERN const pn_node_t *pn_dataset_node(const pn_dataset_t *ds, size_t i);
/** The i-th document, owned by the dataset. */
PN_EXTERN const pn_document_t *pn_dataset_document(const pn_dataset_t *ds, size_t i);
/** The i-th reported figure, owned by the dataset. */
PN_EXTERN const pn_reported_t *pn_dataset_reported(const pn_dataset_t *ds, size_t i);
/**
 * The i-th agreement, written into caller storage (agreements are stored column-wise; the
 * strings it points to are owned by the dataset).
 * @param[out] out the agreement
 */
PN_EXTERN void pn_dataset_agreement(pn_agreement_t *out, const pn_dataset_t *ds, size_t i);

/** The code of country @p i as partnet shows and writes it: its code, or "?" for the country
 *  of nodes that name none (whose code is ""). Owned by the dataset. */
PN_EXTERN const char *pn_dataset_country_code(const pn_dataset_t *ds, size_t i);

/**
 * Column access for analyses over millions of agreements: arrays of
 * pn_dataset_agreement_count() elements, owned by the dataset.
 */
PN_EXTERN const uint32_t *pn_dataset_party_a(const pn_dataset_t *ds);
PN_EXTERN const uint32_t *pn_dataset_party_b(const pn_dataset_t *ds);
PN_EXTERN const pn_date_t *pn_dataset_dates(const pn_dataset_t *ds);
PN_EXTERN const pn_date_t *pn_dataset_end_dates(const pn_dataset_t *ds);
PN_EXTERN const uint8_t *pn_dataset_kinds(const pn_dataset_t *ds);

/** Find a node by id (exact). @param[out] out its index @return 0, or PN_ENOTFOUND. */
PN_EXTERN int pn_dataset_find_node(uint32_t *out, const pn_dataset_t *ds, const char *id);
/** Find a country by code (exact; "BY"). @param[out] out its index @return 0, or PN_ENOTFOUND. */
PN_EXTERN int pn_dataset_find_country(uint32_t *out, const pn_dataset_t *ds, const char *code);

/**
 * Builder. Each add copies its strings. A country added twice returns the first one's index.
 * @param[out] out index of the new element (may be NULL)
 * @return 0, PN_EINVALID (duplicate id, unknown party, self-agreement) or PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_add_country(uint32_t *out, pn_dataset_t *ds, const char *code,
                                     const char *name, int regions);
PN_EXTERN int pn_dataset_add_node(uint32_t *out, pn_dataset_t *ds, const char *id,
                                  const char *name, uint32_t country, pn_level_t level);
PN_EXTERN int pn_dataset_add_agreement(uint32_t *out, pn_dataset_t *ds, uint32_t a, uint32_t b,
                                       pn_date_t date, pn_date_t end, pn_kind_t kind);

PN_END_DECLS

#endif
