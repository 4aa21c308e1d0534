/*
 * Export of a graph view (see graph.h) to the files other tools read: GraphML (Gephi, yEd,
 * Cytoscape, NetworkX, igraph), dynamic GEXF 1.2 or 1.3 (Gephi's timeline, NetworkX), a node
 * table and an edge table as CSV (pandas, R, Neo4j) and Pajek .net.
 *
 * What is written. In a graph of nodes every agreement of the view is an edge of its own, so a
 * pair with several agreements has parallel edges (GraphML, GEXF, the edge table); with
 * opts->simple, and always in Pajek, one edge per pair of partners: the simple graph the metrics
 * are computed on. In a graph of countries (by_country) each edge is a pair of countries
 * weighted by the agreements between their parties, and each country carries its domestic
 * agreements. Every vertex of the view is written, isolated ones included, in vertex order;
 * agreements in dataset order; pairs in edge order.
 *
 * Node attributes of a graph of nodes: name, country (code), level, first_level, parent (the
 * parent's id), lat, lon, aliases (joined with "|") and note; of a graph of countries: name,
 * regions and domestic. Edge attributes of an agreement: agreement_id, date (ISO text at its
 * precision), year (GraphML and GEXF), end_date, kind, domains (joined with "|"), note,
 * source_document, source_line, source_location, source_quote and source_url; the edge table
 * names two of them as partnet's loader reads them: id and end. (Gephi's GraphML importer takes
 * an attribute named id for the edge's id and drops its value; NetworkX's GEXF reader
 * overwrites one named end with the edge's own end.) Edge attributes of a pair: weight (double:
 * the metrics' weight, its number of agreements), agreements (int) and first_date (its earliest
 * agreement). An unknown value is left out (GraphML, GEXF) or an empty cell (CSV). Extra node
 * attributes (centrality, communities) come from the caller through pn_export_options_t.
 *
 * Every writer goes through pn_outfile (outfile.h): a file is written whole or not at all, and
 * "-" writes to standard output. Output depends only on the graph and the options: the same
 * input gives the same bytes. Numbers are written in the C locale whatever the program's locale;
 * reals in the shortest form that reads back as the same double.
 */
#ifndef PARTNET_EXPORT_H
#define PARTNET_EXPORT_H

#include <partnet/common.h>
#include <partnet/dataset.h>
#include <partnet/graph.h>
#include <stddef.h>

PN_BEGIN_DECLS

/** An extra node attribute: one value per vertex of the graph. */
typedef struct {
    /** Its name in the files: an ASCII letter or '_', then letters, digits or '_' (a valid
     *  XML name), not one of the attribute names above nor, in any case, source, target,
     *  dataset_id or a name Gephi takes for something else (id, label, timeset, d3, x, y, z,
     *  xpos, ypos, size, r, g, b). */
    const char *name;
    /** graph vertex count values, in vertex order; NaN is written as an unknown value. */
    const double *values;
    /** 1: whole numbers, typed int (GraphML) or integer (GEXF); 0: double. */
    int integer;
} pn_export_column_t;

typedef struct {
    unsigned version;
    size_t column_count;
    const pn_export_column_t *columns; /**< written after the built-in node attributes */
    /** CSV tables: a cell that a spreadsheet would run as a formula is written as text
     *  (PN_TEXT_CSV_SPREADSHEET_SAFE); partnet then reads a ' before it. 0: exact cells. */
    int spreadsheet_safe;
    /** 1: one edge per pair of partners, the simple graph the metrics are computed on, with
     *  weight (double, as the metrics weigh the pair: its number of agreements), agreements
     *  (int) and first_date; 0: one edge per agreement. A graph of countries has pairs always. */
    int simple;
    /** GEXF: PN_EXPORT_GEXF_1_2 (and 0) for 1.2, PN_EXPORT_GEXF_1_3 for 1.3. */
    unsigned gexf_version;
} pn_export_options_t;

/** GEXF 1.2 (namespace http://www.gexf.net/1.2draft, version="1.2"): what NetworkX 2.8's
 *  read_gexf and Gephi read. */
#define PN_EXPORT_GEXF_1_2 12
/** GEXF 1.3 (namespace http://gexf.net/1.3): Gephi 0.9.3 and later; not NetworkX 2.8. */
#define PN_EXPORT_GEXF_1_3 13

#define PN_EXPORT_OPTIONS_VERSION 3
#define PN_EXPORT_OPTIONS_INIT {.version = PN_EXPORT_OPTIONS_VERSION}

/**
 * GraphML (http://graphml.graphdrawing.org/xmlns), valid against its XML schema.
 *
 * Keys are typed: int for whole numbers (year, source_line, regions, domestic, agreements),
 * double for lat, lon, weight and real-valued columns, boolean for first_level, string otherwise; key
 * ids are "v_" or "e_" and the attribute name. A node's XML id is its dataset id (a country's
 * code in a graph of countries) when that is an XML NMTOKEN without "_x"; otherwise each
 * character that an NMTOKEN cannot hold, and the "_" of each "_x", is written as _xHHHH_ (its
 * Unicode code point in hex, as in ISO/IEC 9075), so "US:New York" becomes
 * "US:New_x0020_York" and distinct ids stay distinct. Each node also has a "label" (its name)
 * for Gephi and yEd and a "dataset_id" (its id in the dataset, as it is). The graph carries the dataset's title. Characters XML 1.0 cannot carry
 * (control characters other than tab, line feed and carriage return) are written as U+FFFD.
 * O(N + A log A) for N vertices and A agreements.
 *
 * @param path the file to write, or "-" for standard output
 * @param opts NULL for no extra attributes
 * @return 0; PN_EUSAGE (a bad column name, the message says which; options of another
 *         version); PN_EIO (the file cannot
 *         be written: nothing is left at @p path and an existing file is untouched); PN_ENOMEM
 */
PN_EXTERN int pn_export_graphml(const pn_graph_t *graph, const char *path,
                                const pn_export_options_t *opts);

/**
 * GEXF, dynamic, valid against its XML schema, for Gephi's timeline: 1.2 (namespace
 * http://www.gexf.net/1.2draft, version "1.2", which NetworkX 2.8's read_gexf and Gephi read) by
 * default, 1.3 (http://gexf.net/1.3) when opts->gexf_version says so.
 *
 * The graph has mode="dynamic" and timeformat="date". An agreement's edge starts on the first
 * day of its date (a date known to the year starts on 1 January, one known to the month on the
 * first of the month) and, when it has an end date, ends on the last day of it (an end of
 * "2020" is 2020-12-31). A node starts on the first day of its earliest agreement in the view;
 * an undated agreement has no start and so is there from the beginning, and so is a node with
 * one, or without any agreement. In a graph of countries an edge starts with the earliest
 * agreement of the pair and a country with its first agreement with another country; a pair's
 * edge weight is its number of agreements in the view (not dynamic). Node ids are the dataset ids
 * (country codes), labels the names; the attributes are those listed at the top of this file,
 * typed integer, double, boolean or string.
 * @return as pn_export_graphml()
 */
PN_EXTERN int pn_export_gexf(const pn_graph_t *graph, const char *path,
                             const pn_export_options_t *opts);

/**
 * pn_export_graphml() and pn_export_gexf() of the graph of @p view (pn_graph_new()), the same
 * bytes, without building the igraph graph when the edges are agreements (neither the view's
 * by_country nor opts->simple): about a third less time for ten million agreements. Extra
 * columns are indexed by the vertices of pn_graph_new(@p view). O(N + A).
 * @return as pn_export_graphml(), and PN_EIGRAPH
 */
PN_EXTERN int pn_export_view_graphml(const pn_view_t *view, const char *path,
                                     const pn_export_options_t *opts);
PN_EXTERN int pn_export_view_gexf(const pn_view_t *view, const char *path,
                                  const pn_export_options_t *opts);

/**
 * The node table as CSV (RFC 4180, UTF-8, LF line ends): id then the node attributes, then the
 * extra columns. Cells are written as pn_text_write_csv() writes them (spaces at either end
 * quoted, so that they read back), or, with opts->spreadsheet_safe, as
 * PN_TEXT_CSV_SPREADSHEET_SAFE does. For a graph of nodes it is the nodes.csv partnet reads (graphs/FORMAT.md);
 * first_level is true or false.
 * @return as pn_export_graphml()
 */
PN_EXTERN int pn_export_nodes_csv(const pn_graph_t *graph, const char *path,
                                  const pn_export_options_t *opts);

/**
 * The edge table as CSV: source and target (node ids, or country codes), then the edge
 * attributes without year. For a graph of nodes it is the edges.csv partnet reads, one row per
 * agreement, so `partnet --data edges.csv --nodes nodes.csv` reads the view back. Cells as in
 * pn_export_nodes_csv(); @p opts may be NULL, and only its spreadsheet_safe counts.
 * @return as pn_export_graphml() (PN_EUSAGE does not occur)
 */
PN_EXTERN int pn_export_edges_csv(const pn_graph_t *graph, const char *path,
                                  const pn_export_options_t *opts);

/**
 * The dataset's countries registry as CSV, the countries.csv partnet reads beside edges.csv
 * (graphs/FORMAT.md): code, name, regions, regions_year, regions_source and note, one row per
 * country with an ISO 3166-1 code, in dataset order, whatever the view keeps (a name a pair
 * list could not resolve has no row: nodes.csv keeps it). Memberships are in
 * pn_export_companions()'s memberships.csv. Cells as in pn_export_nodes_csv(); @p opts may be
 * NULL.
 * @return as pn_export_graphml() (PN_EUSAGE does not occur)
 */
PN_EXTERN int pn_export_countries_csv(const pn_graph_t *graph, const char *path,
                                      const pn_export_options_t *opts);

/**
 * Everything of the dataset the node and edge tables do not hold, as the companion tables
 * partnet reads beside an edge table (PN_TABLES_... in load.h, graphs/FORMAT.md), so that
 * JSON -> tables -> JSON gives the same dataset: countries.csv (pn_export_countries_csv()),
 * memberships.csv, documents.csv, reported.csv (the reported figures, but those about a node
 * the view leaves out), sources.csv (the sources after the first of every agreement of the
 * view that has several; edges.csv's source_* columns hold the first) and dataset.csv (title,
 * description, license and citation, one row each). Every file is written, a header alone
 * when there is nothing to list, so that an older companion never stays beside new tables;
 * each is written whole or not at all. An agreement with several sources and no id is named
 * in both tables as pn_export_dataset() names it. Cells as in pn_export_nodes_csv().
 *
 * @param folder where to write them (the edge table's folder); NULL or "": the current folder
 * @return 0; PN_EUSAGE for a graph of pairs (by_country or opts->simple); otherwise as
 *         pn_export_graphml()
 */
PN_EXTERN int pn_export_companions(const pn_graph_t *graph, const char *folder,
                                   const pn_export_options_t *opts);

/**
 * Pajek .net: "*Vertices N" with each vertex's number and its id in double quotes, then
 * "*Edges" with one line per edge of the view's simple graph and its weight (the number of
 * agreements). Pajek has no escape for a double quote: one in an id is written as '. UTF-8.
 * @return as pn_export_graphml() (PN_EUSAGE does not occur)
 */
PN_EXTERN int pn_export_pajek(const pn_graph_t *graph, const char *path);

/**
 * The whole dataset (not a view) as native JSON (graphs/FORMAT.md), what pn_dataset_load()
 * reads back as the same dataset: its title, description, license and citation, documents,
 * countries (those a node or a figure names, with their region counts and memberships),
 * nodes, agreements and reported figures, in dataset order, one element per line. An
 * agreement reported by several sources has "sources", a list; by one, "source". An agreement
 * the input gave no id (a pair list's row) gets "a" and its number ("a12"), with "-2" and so
 * on when the dataset has that id already. O(N + A).
 *
 * @param path the file to write, or "-" for standard output
 * @return 0; PN_EINVALID when a node is in no ISO country (a pair list's unresolved country
 *         name or empty cell: native JSON names countries by code); otherwise as
 *         pn_export_graphml()
 */
PN_EXTERN int pn_export_dataset(const pn_dataset_t *ds, const char *path);

PN_END_DECLS

#endif
