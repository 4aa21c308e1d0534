/*
 * Several sources, one network: datasets read from different files (a curated JSON, a
 * ministry's table, a list scraped from Wikipedia) merged into one, each entity and each
 * agreement once, with every source that reports it.
 *
 * Nodes. A node of one input is the node of an earlier input that is
 *   1. the node with the same id (in another country: an error), else
 *   2. the node of the same country whose name or an alias is the same as its name or an
 *      alias, compared folded as partnet/search.h folds names (case, accents, punctuation and
 *      spaces aside; romanised by ICU's transliterators, so Могилёв is Mogilev), else
 *   3. the node of the same country whose name is its name without the qualifiers a list adds
 *      ("Lagoa, Azores", "Agarak (Meghri)"), when each qualifier names that node's parent, else
 *   4. the one node of the same country whose name is a few letters from its name (1 edit for
 *      6 to 9 letters, 2 from 10 on; never for 5 letters or fewer), when no other node of
 *      either input is as close: a misspelling ("Svietlahorsk", "Svetlahorsk").
 * Candidates of another level or under another parent, where both inputs give them (a pair
 * list gives neither), are not the node. A candidate already taken by another node of the same
 * input is not it either. Several candidates at the first step that finds any make the node
 * ambiguous: it is kept apart, and reported with both candidates, never guessed. A node merged
 * into another gives it its name and aliases as aliases, and what it lacks (coordinates,
 * parent, level when the first input is a pair list).
 *
 * Agreements. An agreement is the agreement of an earlier input between the same two nodes
 * (either order) of the same kind whose dates are compatible: either undated, or one within
 * the other (2012 and 2012-06), the end dates likewise. It keeps every source (its provenance
 * becomes a list), the more precise date, the known end, every domain. An agreement of an input
 * that gives it no source gets one naming the input file and line. When the pair has
 * agreements in another input but none compatible (two dates, a twinning and a memorandum),
 * both are kept and the conflict is reported, naming both files and lines.
 */
#ifndef PARTNET_MERGE_H
#define PARTNET_MERGE_H

#include <partnet/common.h>
#include <partnet/dataset.h>
#include <stdint.h>

PN_BEGIN_DECLS

/** The most inputs one merge takes. */
#define PN_MERGE_MAX_INPUTS 32

/** What an entry of the merge's account says. */
typedef enum {
    PN_MERGE_NODE = 0,  /**< two nodes found to be one (ground: id, name, alias,
                             transliteration, qualifier, spelling) */
    PN_MERGE_AGREEMENT, /**< two agreements found to be one (ground: same, date refined) */
    PN_MERGE_CONFLICT,  /**< the same pair in two inputs with other facts: both kept (ground:
                             date, kind, end) */
    PN_MERGE_AMBIGUOUS, /**< a node or an agreement that could be several: kept apart */
    PN_MERGE_EVENT_COUNT
} pn_merge_event_kind_t;

/** The kind's name as the command writes it ("conflict"). */
PN_EXTERN const char *pn_merge_event_kind_name(pn_merge_event_kind_t kind);

/** One entry: what, on what ground, and the two elements with their files and lines. Strings
 *  owned by the merge, valid until pn_merge_free(). */
typedef struct {
    pn_merge_event_kind_t kind;
    const char *ground;
    size_t input;            /**< the later input: its index in the inputs */
    const char *file;        /**< its file (the nodes' or the agreements' of tables) */
    uint32_t line;           /**< its line there; 0 unknown */
    const char *id;          /**< the node's or agreement's id there ("BY:Mahilyow") */
    const char *other_file;  /**< the earlier element's file */
    uint32_t other_line;
    const char *other_id;
    const char *detail;      /**< one sentence: the names, the dates or kinds that differ, the
                                  second candidate of an ambiguous match */
} pn_merge_event_t;

typedef struct pn_merge pn_merge_t;

/**
 * Merge @p count datasets (the first is the base: its ids and names are kept) into a new one.
 * The inputs are only read, and may be freed afterwards. The result's title, description and
 * citation are the first input's; its license the one all inputs state, else every input's
 * in turn ("a.json: CC BY 4.0; list.csv: no license stated"; pn_dataset_set_metadata() to
 * give others); its documents, countries and reported figures
 * those of every input (a country's region count from the first input that gives one).
 * O((N + A) k) for N nodes, A agreements and k keys per name, plus the spelling step's
 * O(n m) edits within one country for the n nodes left and m candidates.
 *
 * @param[out] out the merged dataset, set only on success
 * @param[out] account what was merged, kept apart and found in conflict (may be NULL)
 * @param name the merged dataset's name, shown in messages ("merged")
 * @return 0; PN_EINVALID when two inputs give one id to nodes of different countries (the
 *         message names both files and lines); PN_EUSAGE for no input or more than
 *         PN_MERGE_MAX_INPUTS; PN_ENOMEM; PN_ERROR when ICU cannot open its transliterators
 */
PN_EXTERN int pn_dataset_merge(pn_dataset_t **out, pn_merge_t **account, const char *name,
                               const pn_dataset_t *const *inputs, size_t count);

/** Free a merge's account. NULL does nothing. */
PN_EXTERN void pn_merge_free(pn_merge_t *merge);

PN_EXTERN size_t pn_merge_event_count(const pn_merge_t *merge);
/** The i-th entry, in the order found (input by input). */
PN_EXTERN const pn_merge_event_t *pn_merge_event(const pn_merge_t *merge, size_t i);

/**
 * Which inputs report agreement @p i of the merged dataset: bit k set for input k.
 * An agreement in both of two inputs is 3, one only in the second 2.
 */
PN_EXTERN uint32_t pn_merge_agreement_origins(const pn_merge_t *merge, size_t i);

/** Which inputs name node @p i of the merged dataset, as pn_merge_agreement_origins(). */
PN_EXTERN uint32_t pn_merge_node_origins(const pn_merge_t *merge, size_t i);

PN_END_DECLS

#endif
