/*
 * Finding nodes by what people call them: an id, a name or an alias, in any case, with or
 * without diacritics, in Latin letters or in the script of the place (Mogilev, Mahilyow and
 * Могилёв find the same node), with suggestions when the text names several nodes or none.
 *
 * Names are compared by their folded keys: the text romanised by ICU's transliterators
 * (`Any-Latin; Latin-ASCII; Lower`, and for text in another script also the BGN/PCGN
 * romanisations of the region's languages: Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz,
 * Armenian, Georgian, Azerbaijani, Uzbek, Turkmen, Mongolian, Bulgarian, Serbian, Macedonian),
 * then apostrophes dropped, "&" read as "and" and every other run of punctuation or space made
 * one space. Two texts match when some key of one equals some key of the other, spaces aside
 * (北京 romanises as "bei jing", and finds Beijing).
 */
#ifndef PARTNET_SEARCH_H
#define PARTNET_SEARCH_H

#include <partnet/common.h>
#include <partnet/dataset.h>

PN_BEGIN_DECLS

/** How a node matched, best first. */
typedef enum {
    PN_MATCH_ID = 0,   /**< its id, exactly or folded ("BY-Minsk" finds by-minsk) */
    PN_MATCH_NAME,     /**< its name, folded */
    PN_MATCH_ALIAS,    /**< one of its aliases, folded */
    PN_MATCH_PREFIX,   /**< its name, an alias or its id begins with the text */
    PN_MATCH_WORD,     /**< a later word of its name or an alias begins with the text */
    PN_MATCH_CONTAINS, /**< its name or an alias contains the text */
    PN_MATCH_SIMILAR,  /**< a few edits away: a suggestion, not a match */
    PN_MATCH_COUNT
} pn_match_kind_t;

/** The name of a match kind as the command writes it ("alias"). */
PN_EXTERN const char *pn_search_kind_name(pn_match_kind_t kind);

typedef struct {
    uint32_t node;        /**< dataset node index */
    pn_match_kind_t kind; /**< how it matched: its best way */
    const char *matched;  /**< the id, name or alias that matched, owned by the dataset */
    unsigned distance;    /**< PN_MATCH_SIMILAR: edits between the folded texts; 0 otherwise */
} pn_match_t;

typedef struct {
    size_t count;
    pn_match_t *items; /**< best first */
} pn_matches_t;

#define PN_MATCHES_INIT {0, NULL}

/** Free the matches' storage and empty them. */
PN_EXTERN void pn_search_matches_destroy(pn_matches_t *matches);

typedef struct pn_search pn_search_t;

/**
 * Index the nodes of a dataset by their folded ids, names and aliases. O(N) transliterations;
 * text in plain ASCII is only folded, without calling ICU.
 * @param[out] out the index; the dataset must outlive it
 * @return 0, PN_ENOMEM, or PN_ERROR when ICU cannot open its transliterators
 */
PN_EXTERN int pn_search_new(pn_search_t **out, const pn_dataset_t *ds);
/** Free an index. NULL does nothing. */
PN_EXTERN void pn_search_free(pn_search_t *search);

/**
 * The nodes @p text matches, best first: by kind (pn_match_kind_t), then by the length of the
 * text matched (the closer, the shorter), then by id. Each node is listed once, for its best
 * match. When nothing matches, the nodes a few edits away (at most 1 for a text of up to 4
 * letters, 2 up to 8, 3 beyond; against whole names and aliases and each of their words) are
 * listed as PN_MATCH_SIMILAR, closest first. O(N) per call.
 * @param[out] out the matches (initialised here); pn_search_matches_destroy() them
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_search_find(pn_matches_t *out, const pn_search_t *search, const char *text);

/**
 * The one node @p text names: the node with that id; else the nodes with that name, or if
 * none with that alias; else those whose name, alias or id begins with it; else those with a
 * word that begins with it; else those that contain it. The first of these that finds
 * anything decides: one node is the answer, several are ambiguous.
 * @param[out] out the node's index
 * @return 0, or PN_ENOTFOUND with a one-line message that lists the candidates of an ambiguous
 *         text ("by-mogilev (Mogilev, city, BY)") or suggests similar names for an unknown
 *         one ("did you mean ..."); PN_ENOMEM
 */
PN_EXTERN int pn_search_resolve(uint32_t *out, const pn_search_t *search, const char *text);

/**
 * pn_search_resolve() without keeping an index: an exact id is found at once, anything else
 * indexes the dataset for this one call.
 */
PN_EXTERN int pn_search_resolve_once(uint32_t *out, const pn_dataset_t *ds, const char *text);

/**
 * The folded keys of @p text, as the index compares them: the first is ICU's Any-Latin
 * romanisation, then the other romanisations that differ from it, separated by '\n'.
 * @param[out] out a malloc'ed string; free() it
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_search_fold(char **out, const pn_search_t *search, const char *text);

PN_END_DECLS

#endif
