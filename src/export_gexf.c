/*
 * Dynamic GEXF export (1.2, the 1.2draft namespace NetworkX 2.8 and Gephi read, or 1.3) through
 * the XML writer of xmlwrite.c: each agreement's edge lives from its date to its end, each node
 * from its first agreement, for Gephi's timeline. The two versions differ here only in the
 * namespace and the version attribute.
 */
#include <partnet/export.h>

#include "error.h"
#include "export.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* A node's start: its earliest agreement's first day; 0 (always there) once an undated one or
 * none is seen. NOT_YET: no agreement seen so far. */
#define NOT_YET INT32_MAX

/* GEXF's attribute type of each pn_export__type_t. */
static const char *const gexf_types[] = {"string", "integer", "double", "boolean"};

static int count_attribute(pn_xml_t *w, const char *name, size_t count)
{
    char text[24];
    snprintf(text, sizeof text, "%zu", count);
    return pn_xml__attribute(w, name, text);
}

static int date_attribute(pn_xml_t *w, const char *name, pn_date_t date)
{
    char text[PN_DATE_TEXT_MAX];
    if (date == PN_DATE_NONE || date == NOT_YET)
        return 0;
    return pn_xml__attribute(w, name, pn_date_format(text, date));
}

/* A pair of countries' weight is the edge's own weight attribute, not an attvalue. */
static int is_native_weight(const pn_export__t *x, size_t f)
{
    return x->pairs && strcmp(x->edge_fields[f].name, "weight") == 0;
}

static int declare(pn_xml_t *w, pn_export__field_t field)
{
    if (pn_export__start(w, "attribute", "id", field.name, "title", field.name, "type",
                         gexf_types[field.type], NULL) != 0 ||
        pn_xml__end_element(w) != 0)
        return PN_EIO;
    return 0;
}

static int declarations(pn_xml_t *w, pn_export__t *x)
{
    int status = 0;
    if (pn_export__start(w, "attributes", "class", "node", "mode", "static", NULL) != 0)
        return PN_EIO;
    for (size_t f = 0; status == 0 && f < pn_export__node_columns(x); f++)
        status = declare(w, pn_export__node_field(x, f));
    if (status != 0 || pn_xml__end_element(w) != 0 ||
        pn_export__start(w, "attributes", "class", "edge", "mode", "static", NULL) != 0)
        return PN_EIO;
    for (size_t f = 0; status == 0 && f < x->edge_field_count; f++)
        if (!is_native_weight(x, f))
            status = declare(w, x->edge_fields[f]);
    if (status == 0 && pn_xml__end_element(w) != 0)
        status = PN_EIO;
    return status;
}

/* <attvalue for="name" value="..."/> for a known value. */
static int attvalue(pn_xml_t *w, const char *name, const char *value)
{
    if (!value)
        return 0;
    if (pn_export__start(w, "attvalue", "for", name, NULL) != 0)
        return PN_EIO;
    int status = pn_xml__attribute(w, "value", value);
    if (status == 0 && pn_xml__end_element(w) != 0)
        status = PN_EIO;
    return status;
}

/* The start of every vertex (see NOT_YET). */
static pn_date_t *node_starts(pn_export__t *x)
{
    igraph_integer_t n = pn_graph_vertex_count(x->graph);
    pn_date_t *start = malloc((n ? (size_t)n : 1) * sizeof *start);
    if (!start)
        return NULL;
    for (igraph_integer_t v = 0; v < n; v++)
        start[v] = NOT_YET;
    const pn_date_t *dates = pn_dataset_dates(x->ds);
    for (size_t k = 0; k < x->edge_count; k++) {
        igraph_integer_t ends[2];
        const uint32_t *agreements;
        size_t count = pn_export__edge_agreements(&agreements, x, k);
        pn_export__edge_ends(x, k, &ends[0], &ends[1]);
        for (size_t i = 0; i < count; i++) {
            pn_date_t first = pn_date_first_day(dates[agreements[i]]);
            for (int j = 0; j < 2; j++)
                if (first < start[ends[j]])
                    start[ends[j]] = first;
        }
    }
    return start;
}

static int node(pn_xml_t *w, pn_export__t *x, igraph_integer_t v, pn_date_t start)
{
    if (pn_xml__start_element(w, "node") != 0)
        return PN_EIO;
    int status = pn_export__id_attribute(w, x, "id", v);
    if (status == 0)
        status = pn_xml__attribute(w, "label", pn_graph_vertex_name(x->graph, v));
    if (status == 0)
        status = date_attribute(w, "start", start);
    if (status == 0 && pn_xml__start_element(w, "attvalues") != 0)
        status = PN_EIO;
    for (size_t f = 0; status == 0 && f < pn_export__node_columns(x); f++) {
        const char *value;
        status = pn_export__node_value(&value, x, v, f);
        if (status == 0)
            status = attvalue(w, pn_export__node_field(x, f).name, value);
    }
    if (status == 0 && (pn_xml__end_element(w) != 0 || pn_xml__end_element(w) != 0))
        status = PN_EIO;
    return status;
}

/* An agreement's interval: first day of its date to last day of its end; a pair of countries'
 * interval starts with its earliest agreement. */
static void interval(pn_export__t *x, size_t k, pn_date_t *start, pn_date_t *end)
{
    const uint32_t *agreements;
    size_t count = pn_export__edge_agreements(&agreements, x, k);
    const pn_date_t *dates = pn_dataset_dates(x->ds);
    *start = NOT_YET;
    *end = PN_DATE_NONE;
    for (size_t i = 0; i < count; i++) {
        pn_date_t first = pn_date_first_day(dates[agreements[i]]);
        if (first < *start)
            *start = first;
    }
    if (!x->pairs)
        *end = pn_date_last_day(pn_dataset_end_dates(x->ds)[agreements[0]]);
}

/* The context of edge(): the writer, and the start of each edge field's attvalue element
 * (indentation, tag and "for"), made at the first edge, when the indentation is known. */
typedef struct {
    pn_xml_t *w;
    pn_export__tags_t attvalue;
} edge_writer_t;

/* Attribute @p name="@p value" (escaped) at @p p, from pn_xml__raw_reserve(w, what it takes
 * after @p p). @return the end, or NULL when out of memory */
static char *raw_attribute(pn_xml_t *w, char *p, const char *name, const char *value)
{
    pn_xml__raw_commit(w, p);
    if (!(p = pn_xml__raw_reserve(w, strlen(name) + PN_EXPORT__ESCAPED_MAX(value) + 4)))
        return NULL;
    *p++ = ' ';
    p = pn_export__copy(p, name, "=\"", 2);
    p = pn_xml__escape(p, value);
    *p++ = '"';
    return p;
}

static char *raw_date(pn_xml_t *w, char *p, const char *name, pn_date_t date)
{
    char text[PN_DATE_TEXT_MAX];
    if (date == PN_DATE_NONE || date == NOT_YET)
        return p;
    return raw_attribute(w, p, name, pn_date_format(text, date));
}

/* "%zu" by hand, at @p out. @return the end */
static char *count_text(char *out, size_t count)
{
    char digits[24], *d = digits + sizeof digits;
    do
        *--d = (char)('0' + count % 10);
    while ((count /= 10) > 0);
    size_t n = (size_t)(digits + sizeof digits - d);
    memcpy(out, d, n);
    return out + n;
}

/* An edge laid out by hand (pn_xml__raw_child), the bytes pn_xml__start_element(),
 * date_attribute() and attvalue() would write: an export writes millions. */
static int edge(void *context, pn_export__t *x, size_t k, const pn_export__ends_t *ends)
{
    edge_writer_t *e = context;
    pn_xml_t *w = e->w;
    pn_date_t start, end;
    int status = 0;
    interval(x, k, &start, &end);
    size_t indent = pn_xml__raw_child(w);
    if (!e->attvalue.start) {
        const char *names[32];
        assert(x->edge_field_count <= sizeof names / sizeof names[0]);
        for (size_t f = 0; f < x->edge_field_count; f++)
            names[f] = x->edge_fields[f].name;
        if ((status = pn_export__tags(&e->attvalue, indent + 4, "<attvalue for=\"", names,
                                      x->edge_field_count, "\" value=\"")) != 0)
            return status;
    }
    /* GEXF 1.2 requires an edge id: the edge's number, unique in the file */
    char *p = pn_xml__raw_reserve(w, indent + sizeof "<edge id=\"\" source=\"\" target=\"\"" +
                                         20 + ends->length[0] + ends->length[1]);
    if (!p)
        return pn_error__nomem();
    p = count_text(pn_export__copy(pn_export__spaces(p, indent), "<edge id=\"", NULL, 0), k);
    p = pn_export__copy(p, "\" source=\"", ends->id[0], ends->length[0]);
    p = pn_export__copy(p, "\" target=\"", ends->id[1], ends->length[1]);
    *p++ = '"';
    if (x->pairs) {
        const char *weight;
        if ((status = pn_export__edge_value(&weight, x, k, 0)) != 0) /* a pair's first field */
            return status;
        p = raw_attribute(w, p, "weight", weight);
    }
    if (p)
        p = raw_date(w, p, "start", start);
    if (p)
        p = raw_date(w, p, "end", end);
    if (!p || !(pn_xml__raw_commit(w, p), p = pn_xml__raw_reserve(w, indent + 14)))
        return pn_error__nomem();
    p = pn_export__copy(pn_export__spaces(pn_export__copy(p, ">\n", NULL, 0), indent + 2),
                        "<attvalues", NULL, 0);
    int content = 0;
    for (size_t f = 0; f < x->edge_field_count; f++) {
        const char *value;
        if (is_native_weight(x, f))
            continue;
        if ((status = pn_export__edge_value(&value, x, k, f)) != 0)
            return status;
        if (!value)
            continue;
        pn_xml__raw_commit(w, p);
        if (!(p = pn_xml__raw_reserve(w, 2 + e->attvalue.length[f] +
                                             PN_EXPORT__ESCAPED_MAX(value) + 4)))
            return pn_error__nomem();
        if (!content) {
            p = pn_export__copy(p, ">\n", NULL, 0);
            content = 1;
        }
        memcpy(p, e->attvalue.start[f], e->attvalue.length[f]);
        p = pn_xml__escape(p + e->attvalue.length[f], value);
        p = pn_export__copy(p, "\"/>\n", NULL, 0);
    }
    pn_xml__raw_commit(w, p);
    if (!(p = pn_xml__raw_reserve(w, 2 * indent + 24)))
        return pn_error__nomem();
    if (content)
        p = pn_export__copy(pn_export__spaces(p, indent + 2), "</attvalues>\n", NULL, 0);
    else
        p = pn_export__copy(p, "/>\n", NULL, 0);
    p = pn_export__copy(pn_export__spaces(p, indent), "</edge>\n", NULL, 0);
    return pn_xml__raw_commit(w, p);
}

static int write_gexf(FILE *out, pn_export__t *x)
{
    igraph_integer_t n = pn_graph_vertex_count(x->graph);
    pn_date_t *starts = node_starts(x);
    edge_writer_t edges = {NULL, PN_EXPORT__TAGS_INIT};
    pn_xml_t *w = NULL;
    const char *title = pn_dataset_title(x->ds);
    int status = 0;
    if (!starts) {
        status = pn_error__nomem();
        goto done;
    }
    if ((status = pn_export__escape_ids(x, NULL)) != 0 || (status = pn_xml__new(&w, out)) != 0)
        goto done;
    int v13 = x->opts->gexf_version == PN_EXPORT_GEXF_1_3;
    if (pn_xml__start_document(w) != 0 ||
        pn_export__start(w, "gexf", "xmlns", v13 ? "http://gexf.net/1.3"
                                                 : "http://www.gexf.net/1.2draft",
                         "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                         "xsi:schemaLocation",
                         v13 ? "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
                             : "http://www.gexf.net/1.2draft "
                               "http://www.gexf.net/1.2draft/gexf.xsd",
                         "version", v13 ? "1.3" : "1.2", NULL) != 0 ||
        pn_xml__start_element(w, "meta") != 0 ||
        pn_xml__text_element(w, "creator", "partnet " PN_VERSION) != 0) {
        status = PN_EIO;
        goto done;
    }
    if (title && pn_xml__text_element(w, "description", title) != 0)
        status = PN_EIO;
    if (status != 0 || pn_xml__end_element(w) != 0 ||
        pn_export__start(w, "graph", "defaultedgetype", "undirected", "mode", "dynamic",
                         "timeformat", "date", NULL) != 0) {
        status = PN_EIO;
        goto done;
    }
    if ((status = declarations(w, x)) != 0)
        goto done;
    if (pn_xml__start_element(w, "nodes") != 0 ||
        count_attribute(w, "count", (size_t)n) != 0) {
        status = PN_EIO;
        goto done;
    }
    for (igraph_integer_t v = 0; status == 0 && v < n; v++)
        status = node(w, x, v, starts[v]);
    if (status == 0 && (pn_xml__end_element(w) != 0 ||
                        pn_xml__start_element(w, "edges") != 0 ||
                        count_attribute(w, "count", x->edge_count) != 0))
        status = PN_EIO;
    edges.w = w;
    if (status == 0)
        status = pn_export__each_edge(x, edge, &edges);
    if (status == 0 && pn_xml__end_document(w) != 0)
        status = PN_EIO;
done:
    pn_xml__free(w);
    pn_export__tags_destroy(&edges.attvalue, x->edge_field_count);
    free(starts);
    return status;
}

int pn_export_gexf(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts)
{
    return pn_export__to_file(graph, path, opts, write_gexf);
}

int pn_export_view_gexf(const pn_view_t *view, const char *path,
                        const pn_export_options_t *opts)
{
    return pn_export__view_to_file(view, path, opts, write_gexf);
}
