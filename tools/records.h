/*
 * Nodes and agreements as the query commands (show, agreements, path) print them: as table
 * cells, and as JSON objects (a node {id, name, country}; an agreement with its parties and
 * its source), so that every command writes them alike.
 */
#ifndef PARTNET_TOOLS_RECORDS_H
#define PARTNET_TOOLS_RECORDS_H

#include <cjson/cJSON.h>
#include <partnet/partnet.h>

#include "cli.h"

/** The country code of a node ("?" for none). */
const char *record_country(const pn_dataset_t *ds, uint32_t node);

/** A node as JSON: {"id", "name", "country"} (country: its code, null for none). */
cJSON *record_node_json(const pn_dataset_t *ds, uint32_t node);
/** A date as JSON: "2004-06" at its precision, or null. */
cJSON *record_date_json(pn_date_t date);
/** An agreement as JSON: {"id", "date", "end", "kind", "parties": [node, node], "domains",
 *  "source": {"document", "line", "location", "quote", "url"} or null, "note", "input_line"}. */
cJSON *record_agreement_json(const pn_dataset_t *ds, size_t agreement);

/** Print a JSON value with a newline. @return EXIT_OK, or EXIT_FAILED (printed) when writing
 *  failed or memory ran out. */
int record_print_json(cJSON *value);

/** The columns of a node named PREFIX: PREFIX (its id), PREFIX_name (not in a terminal
 *  table), PREFIX_country. */
void record_party_columns(table_t *t, format_t format, const char *prefix);
/** Their cells for @p node. */
void record_party_cells(table_t *t, format_t format, const pn_dataset_t *ds, uint32_t node);

/** Which parties an agreement's row names. */
typedef enum {
    RECORD_PARTIES, /* a, a_name, a_country, b, b_name, b_country */
    RECORD_PARTNER, /* partner, partner_name, partner_country: the party that is not `from` */
    RECORD_NO_PARTIES
} record_parties_t;

/** The columns of an agreement: date, end, kind, its parties, id, document, line, location,
 *  quote, url, input_line; in a terminal table fewer (no names, end, id, location, url or
 *  input line) and the quote shortened. */
void record_agreement_columns(table_t *t, format_t format, record_parties_t parties);
/** The cells of agreement @p i (@p from: the node whose partner RECORD_PARTNER names). */
void record_agreement_cells(table_t *t, format_t format, const pn_dataset_t *ds, size_t i,
                            uint32_t from, record_parties_t parties);

/** Sort agreement indices by date (the first day of a partial date; undated last), ties in
 *  dataset order. */
void record_sort_by_date(size_t *agreements, size_t count, const pn_dataset_t *ds);

/** The operands argv[first..argc-1] joined by spaces, so that `show Mogilev Oblast` needs no
 *  quotes. @return malloc'ed */
char *record_join(int argc, char **argv, int first);

/** Resolve a node named on the command line (id, name or alias), saying why not on stderr
 *  ("partnet CMD: ..."). @return EXIT_OK with *out set, EXIT_USAGE when it names no node or
 *  several, EXIT_FAILED */
int record_resolve(uint32_t *out, const pn_search_t *search, const char *text, const char *cmd);

#endif
