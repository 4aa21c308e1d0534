/*
 * What the exporters share (private to the library): the nodes and edges of a view as rows of
 * typed text values, the order of the edges and the whole-or-nothing file; each format
 * (export_graphml.c, export_gexf.c, export_tables.c, export_pajek.c) only lays them out.
 */
#ifndef PN_SRC_EXPORT_H
#define PN_SRC_EXPORT_H

#include <partnet/export.h>
#include <partnet/text.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "xmlwrite.h"

/* The exporters index tables of type names by these: keep their order. */
typedef enum {
    PN_EXPORT__STRING,
    PN_EXPORT__INT,
    PN_EXPORT__DOUBLE,
    PN_EXPORT__BOOL
} pn_export__type_t;

/** Room for pn_export__agreement_id(). */
#define PN_EXPORT__ID_MAX 48

/** A node or edge attribute. */
typedef struct {
    const char *name; /**< in GraphML and GEXF: never a name Gephi's importers take for
                           *   something else (see reserved_names in export.c) */
    pn_export__type_t type;
    /** its column in the CSV tables, the name partnet's loader reads; NULL: not a column (year
     *  repeats the date) */
    const char *table_name;
} pn_export__field_t;

/**
 * A view being exported. Edges are numbered 0..edge_count-1 in the order they are written: the
 * view's agreements in dataset order, or the graph's edges (pairs: a graph of countries, or
 * opts->simple). Strings returned by the value functions are valid until the next call.
 */
typedef struct {
    const pn_graph_t *graph;
    const pn_dataset_t *ds;
    const pn_export_options_t *opts;
    int by_country; /**< the vertices are countries */
    int pairs;      /**< one edge per graph edge (pair of partners), not per agreement */
    int nodes_are_vertices; /**< every dataset node is a vertex: vertex i is node i */
    const pn_export__field_t *node_fields; /**< built-in ones; opts->columns follow */
    size_t node_field_count;
    const pn_export__field_t *edge_fields;
    size_t edge_field_count;
    size_t edge_count;
    uint32_t *agreement;          /**< graph of nodes: the agreement of each edge written */
    igraph_integer_t *graph_edge; /**< graph of countries: the graph edge of each edge written */
    char *text;                   /**< the last joined value */
    size_t text_capacity;
    char *ids;                    /**< pn_export__escape_ids(): the ids, one after another */
    size_t *id_start;             /**< where vertex v's id starts in ids; then its end */
    char number[PN_TEXT_REAL_MAX]; /**< the last formatted number */
    pn_agreement_t current;       /**< the agreement of edge current_edge */
    char generated_id[PN_EXPORT__ID_MAX]; /**< the last pn_export__agreement_id() */
    size_t current_edge;
} pn_export__t;

/** Writes one format to @p out. @return 0, or a negative status (message set, except for
 *  PN_EIO from a failed stream, which the caller explains). */
typedef int pn_export__write_fn(FILE *out, pn_export__t *x);

/**
 * Check the options, order the edges, open @p path through pn_outfile, call @p write in the C
 * locale and commit the file, or remove it on any failure.
 * @return 0, PN_EUSAGE, PN_EIO, PN_ENOMEM
 */
int pn_export__to_file(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts,
                       pn_export__write_fn *write);

/** pn_export__to_file() on the graph of @p view: pn_graph_new()'s when the edges are pairs,
 *  else one without the pairs (pn_graph__new_agreements()). @return as pn_export__to_file() */
int pn_export__view_to_file(const pn_view_t *view, const char *path,
                            const pn_export_options_t *opts, pn_export__write_fn *write);

/** As pn_export__to_file(), for a file of the dataset beside the graph's tables, which reads
 *  no edge: the agreements are not put in order (x->agreement and x->edge_count unset). */
int pn_export__dataset_file(const pn_graph_t *graph, const char *path,
                            const pn_export_options_t *opts, pn_export__write_fn *write);

/**
 * The id native JSON gives agreement @p i when the input gave it none: "a" and its number,
 * with "-2" and so on when the dataset has that id already.
 * @param buf PN_EXPORT__ID_MAX bytes @return @p buf
 */
const char *pn_export__agreement_id(char *buf, const pn_dataset_t *ds, size_t i);

/** Node fields in all: built-in ones, then the caller's columns. */
size_t pn_export__node_columns(const pn_export__t *x);
/** Node field @p f (built-in or a caller's column). */
pn_export__field_t pn_export__node_field(const pn_export__t *x, size_t f);

/**
 * The value of node field @p f of vertex @p v as text: reals in their shortest exact form,
 * booleans as true/false.
 * @param[out] out the text, or NULL when the value is unknown
 * @return 0 or PN_ENOMEM
 */
int pn_export__node_value(const char **out, pn_export__t *x, igraph_integer_t v, size_t f);

/** The value of edge field @p f of edge @p k, as pn_export__node_value(). */
int pn_export__edge_value(const char **out, pn_export__t *x, size_t k, size_t f);

/** The two vertices of edge @p k (for an agreement: its parties in input order). */
void pn_export__edge_ends(const pn_export__t *x, size_t k, igraph_integer_t *from,
                          igraph_integer_t *to);

/** The agreements behind edge @p k: one for a graph of nodes. @param[out] out the agreements,
 *  owned by the graph @return how many */
size_t pn_export__edge_agreements(const uint32_t **out, const pn_export__t *x, size_t k);

/** Start element @p element with the attributes that follow, name then value, up to a NULL
 *  name; values are escaped. @return 0 or PN_EIO */
int pn_export__start(pn_xml_t *w, const char *element, ...);

/**
 * Keep every vertex's id, as @p as_id makes it (a new string, NULL when out of memory; NULL:
 * the id itself), escaped as an attribute value, for pn_export__id_attribute(): the edges
 * repeat them millions of times.
 * @return 0 or PN_ENOMEM
 */
int pn_export__escape_ids(pn_export__t *x, char *(*as_id)(const char *id));

/** The ends of an edge and their ids, escaped (pn_export__escape_ids). */
typedef struct {
    igraph_integer_t vertex[2];
    const char *id[2];
    size_t length[2];
} pn_export__ends_t;

/** Writes edge @p k, whose ends are @p ends. @return 0 or a negative status */
typedef int pn_export__edge_fn(void *context, pn_export__t *x, size_t k,
                               const pn_export__ends_t *ends);

/** Call @p write on every edge in order, with the ids of its ends looked up a block of edges
 *  at a time (pn_export__escape_ids first). @return 0 or the first failure of @p write */
int pn_export__each_edge(pn_export__t *x, pn_export__edge_fn *write, void *context);

/** Attribute @p name holding vertex @p v's id (pn_export__escape_ids). @return 0 or PN_EIO */
int pn_export__id_attribute(pn_xml_t *w, const pn_export__t *x, const char *name,
                            igraph_integer_t v);

/*
 * Edges laid out by hand (pn_xml__raw_child()): the tags that start each field's element,
 * made once, and the copies that fill the bytes reserved.
 */

/** The start of each field's element: indentation, a fixed opening, the field's name and a
 *  fixed closing, such as `      <data key="e_date">`, and their lengths. */
typedef struct {
    char **start;
    size_t *length;
} pn_export__tags_t;

#define PN_EXPORT__TAGS_INIT {NULL, NULL}

/** Make the tags of @p count fields named @p names (escaped as attribute values).
 *  @return 0 or PN_ENOMEM */
int pn_export__tags(pn_export__tags_t *out, size_t indent, const char *open,
                    const char *const *names, size_t count, const char *close);
void pn_export__tags_destroy(pn_export__tags_t *tags, size_t count);

/** The most bytes @p text takes escaped (&quot; for "). */
#define PN_EXPORT__ESCAPED_MAX(text) (6 * strlen(text))

/** @p n spaces at @p out (@p n at most 128). @return the end */
static inline char *pn_export__spaces(char *out, size_t n)
{
    static const char spaces[] = "                                                            "
                                 "                                                            "
                                 "        ";
    memcpy(out, spaces, n);
    return out + n;
}

/** @p text then the @p n bytes at @p bytes, at @p out. @return the end */
static inline char *pn_export__copy(char *out, const char *text, const char *bytes, size_t n)
{
    size_t length = strlen(text);
    memcpy(out, text, length);
    if (n)
        memcpy(out + length, bytes, n);
    return out + length + n;
}

#endif
