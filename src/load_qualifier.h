/*
 * The identity of a party in a pair list (private to the library): its name, its country and
 * the sub-national qualifiers the list gives with it ("Bangor" in "Northern Ireland, United
 * Kingdom", "Lagoa, Azores" in Portugal). Namesakes the qualifiers tell apart stay apart; a
 * qualifier spelled two ways is one qualifier; a namesake given without a qualifier joins the
 * one qualified namesake it can only be, and each merge is reported with its ground.
 */
#ifndef PN_SRC_LOAD_QUALIFIER_H
#define PN_SRC_LOAD_QUALIFIER_H

#include "load_core.h"

typedef struct pn_qualifiers pn_qualifiers_t;

/** A new, empty state for one pair list. @return 0 or PN_ENOMEM */
int pn_qualifier__new(pn_qualifiers_t **out);

/**
 * The node of a party named @p name (a cell, perhaps "Lagoa, Azores") in the country cell
 * @p country_text, resolved to @p country: found, or made (a city, its line @p line).
 * @return 0 or PN_ENOMEM
 */
int pn_qualifier__node(pn_qualifiers_t *q, pn_loader_t *l, const char *name, size_t name_len,
                       const char *country_text, size_t country_len, uint32_t country,
                       uint32_t line, uint32_t *out);

/**
 * Once every row is read: merge each namesake given without (or with fewer) qualifiers into the
 * one qualified namesake it can be (the only one, or the only one sharing its partners), drop
 * the agreements the merges make repeat, and warn, naming @p file, which merges were made on
 * what ground and which namesakes stayed apart as ambiguous. @return 0 or PN_ENOMEM
 */
int pn_qualifier__finish(pn_qualifiers_t *q, pn_loader_t *l, const char *file);

void pn_qualifier__free(pn_qualifiers_t *q);

#endif
