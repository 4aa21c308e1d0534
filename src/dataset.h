/*
 * The dataset's representation, shared by the loaders, the checks and the analyses.
 *
 * Countries, nodes and reported figures are arrays of their public structs. Agreements are
 * stored column-wise, because a bulk dataset has millions of them and most analyses read only
 * the parties and dates: a (4 bytes), b (4), date (4), end (4), kind (1), line (4) and extra (4)
 * per agreement, 25 bytes in all. Everything else an agreement may carry (id, domains, source,
 * note) sits in an `extra` record, index 0 meaning none, so bulk CSV agreements cost nothing
 * there. A kind the source did not state (a pair list without a kind cell) is a bit of
 * `kind_unstated`, allocated with the first one: the kind column then holds the reader's
 * default, which the analyses use as they would a stated kind. All strings live in the
 * dataset's arena; ids are interned in maps for lookup.
 *
 * Invariants: a[i] != b[i]; a[i], b[i] < node_count; node.country < country_count;
 * node.parent is PN_NONE or a node index; extra[i] < extra_count.
 */
#ifndef PN_SRC_DATASET_H
#define PN_SRC_DATASET_H

#include <partnet/dataset.h>

#include "strpool.h"

typedef struct {
    const char *id;
    const char *note;
    uint32_t domains; /* index into domain_sets; 0 is the empty set */
    pn_source_t source;
    /* every source when there are several (sources[0] is source), in the arena; else NULL */
    const pn_source_t *sources;
    uint32_t source_count;
} pn_agreement_extra_t;

typedef struct {
    size_t count;
    const char *const *items;
} pn_domain_set_t;

struct pn_dataset {
    pn_arena_t arena;
    const char *name;
    const char *title;
    const char *description, *license, *citation;
    int levels_unknown; /* a pair list's: every node a city by default, not as the input says */
    /* the files its nodes and agreements were read from (nodes.csv and edges.csv of tables);
     * NULL: the dataset's name */
    const char *nodes_file, *agreements_file;

    pn_country_t *countries;
    size_t country_count, country_capacity;
    pn_strmap_t country_index;

    pn_node_t *nodes;
    size_t node_count, node_capacity;
    pn_strmap_t node_index;

    uint32_t *a, *b;
    pn_date_t *date, *end;
    uint8_t *kind;
    uint8_t *kind_unstated; /* bit i: agreement i's kind is a default; NULL while none is */
    uint32_t *line;
    uint32_t *extra;
    size_t agreement_count, agreement_capacity;

    pn_agreement_extra_t *extras;
    size_t extra_count, extra_capacity;

    pn_domain_set_t *domain_sets;
    size_t domain_set_count, domain_set_capacity;
    pn_strmap_t domain_set_index;

    pn_strmap_t agreement_ids;

    pn_reported_t *reported;
    size_t reported_count, reported_capacity;

    pn_document_t *documents;
    size_t document_count, document_capacity;
    pn_strmap_t document_index;
};

/** Append a node with defaults (no parent, no coordinates); the id must be new (in NFC).
 *  @return the node, NULL when out of memory. */
pn_node_t *pn_dataset__push_node(pn_dataset_t *ds, const char *id, size_t id_len);

/** Put node @p i in node_index under its id in NFC (ICU), so that an id typed composed and
 *  the same id decomposed are one; the id itself stays as written. @return 0 or PN_ENOMEM. */
int pn_dataset__index_node(pn_dataset_t *ds, uint32_t i);

/** pn_dataset_find_node() on @p len bytes: the node whose id is @p id in NFC.
 *  @return 0, PN_ENOTFOUND, or PN_ENOMEM */
int pn_dataset__find_node(uint32_t *out, const pn_dataset_t *ds, const char *id, size_t len);

/** Room for @p need agreements in every column (agreement_capacity at least @p need).
 *  @return 0 or PN_ENOMEM. */
int pn_dataset__reserve_agreements(pn_dataset_t *ds, size_t need);

/** Append an agreement. @return 0 or PN_ENOMEM. */
int pn_dataset__push_agreement(pn_dataset_t *ds, uint32_t a, uint32_t b, pn_date_t date,
                               pn_date_t end, pn_kind_t kind, uint32_t line, uint32_t extra);

/** Say whether agreement @p i's kind is stated by its source (a new agreement's is).
 *  @return 0 or PN_ENOMEM. */
int pn_dataset__set_kind_stated(pn_dataset_t *ds, size_t i, int stated);

/** 1 when agreement @p i's kind is stated by its source, 0 when it is a reader's default. */
int pn_dataset__kind_stated(const pn_dataset_t *ds, size_t i);

/** The level a place's name says by its last word, qualifiers aside: a region for "Shirak
 *  Province", "Grodno Region" (Oblast, Voblast, Region, Province, Governorate, Prefecture,
 *  Voivodeship, Krai, Kray, Marz), a district for "Anenii Noi District", "Sulęcin County"
 *  (District, Raion, Rayon, County, Municipality, Parish), case aside; an "Urban District"
 *  is a town. @return 1 and the level in @p out, or 0 when the name says none. */
int pn_dataset__level_of_name(pn_level_t *out, const char *name);

/** Append an empty extra record. @param[out] out its index @return the record or NULL. */
pn_agreement_extra_t *pn_dataset__push_extra(uint32_t *out, pn_dataset_t *ds);

/** Intern a set of domains. @param[out] out its index @return 0 or PN_ENOMEM. */
int pn_dataset__intern_domains(uint32_t *out, pn_dataset_t *ds, const char *const *items,
                               size_t count);

/** Append a reported figure, zeroed but for party = PN_NONE, kind = -1, total = -1. */
pn_reported_t *pn_dataset__push_reported(pn_dataset_t *ds);

/** Append a document, zeroed but for its id (copied; must be new). @return it or NULL. */
pn_document_t *pn_dataset__push_document(pn_dataset_t *ds, const char *id);

/** Add a country (code copied) if absent. @param[out] out its index @return 0 or PN_ENOMEM. */
int pn_dataset__country(uint32_t *out, pn_dataset_t *ds, const char *code, const char *name,
                        int resolved);

#endif
