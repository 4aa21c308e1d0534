/*
 * GraphML export through the XML writer of xmlwrite.c (which does the escaping): typed keys, one
 * edge per agreement, node ids made valid NMTOKENs with the dataset's id beside them as
 * dataset_id (see partnet/export.h).
 */
#include <partnet/export.h>

#include "error.h"
#include "export.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* GraphML's attr.type of each pn_export__type_t. */
static const char *const graphml_types[] = {"string", "int", "double", "boolean"};

/* Length of the UTF-8 character at p and its code point. */
static size_t utf8_char(const unsigned char *p, unsigned long *cp)
{
    if (*p < 0x80) {
        *cp = *p;
        return 1;
    }
    size_t n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
    *cp = *p & (0x7Fu >> n);
    for (size_t i = 1; i < n && p[i]; i++)
        *cp = *cp << 6 | (p[i] & 0x3Fu);
    return n;
}

static int is_nmtoken_char(const unsigned char *p, size_t n)
{
    xmlChar one[5] = {0};
    memcpy(one, p, n);
    return xmlValidateNMToken(one, 0) == 0;
}

/* The id as an NMTOKEN: itself when it is one without "_x", else escaped as _xHHHH_. */
static char *nmtoken(const char *id)
{
    if (id[0] && xmlValidateNMToken(BAD_CAST id, 0) == 0 && !strstr(id, "_x"))
        return strdup(id);
    size_t size = 1;
    for (const char *p = id; *p; p++)
        size += 12; /* the longest escape, _xHHHHHHHH_, for every byte */
    char *out = malloc(size), *q = out;
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)id;
    while (*p) {
        unsigned long cp;
        size_t n = utf8_char(p, &cp);
        if ((p[0] == '_' && p[1] == 'x') || !is_nmtoken_char(p, n))
            q += sprintf(q, cp > 0xFFFF ? "_x%08lX_" : "_x%04lX_", cp);
        else {
            memcpy(q, p, n);
            q += n;
        }
        p += n;
    }
    *q = '\0';
    return out;
}

static char *prefixed(const char *prefix, const char *name)
{
    size_t size = strlen(prefix) + strlen(name) + 1;
    char *key = malloc(size);
    if (key)
        snprintf(key, size, "%s%s", prefix, name);
    return key;
}

static int key(pn_xml_t *w, const char *prefix, const char *domain, const char *name,
               const char *type)
{
    char *id = prefixed(prefix, name);
    if (!id)
        return pn_error__nomem();
    int status = pn_export__start(w, "key", "id", id, "for", domain, "attr.name", name,
                                  "attr.type", type, NULL);
    if (status == 0 && pn_xml__end_element(w) != 0)
        status = PN_EIO;
    free(id);
    return status;
}

/* <data key="KEY">value</data>; nothing for an unknown value. KEY needs no escaping (a
 * prefix and a field name: letters, digits and _). */
static int data(pn_xml_t *w, const char *key, const char *value)
{
    if (!value)
        return 0;
    if (pn_xml__start_element(w, "data") != 0 ||
        pn_xml__escaped_attribute(w, "key", key, strlen(key)) != 0 ||
        pn_xml__string(w, value) != 0 || pn_xml__end_element(w) != 0)
        return PN_EIO;
    return 0;
}

/* The keys of the data elements: "v_" and each node field's name, "e_" and each edge
 * field's. */
typedef struct {
    char **node;
    char **edge;
} key_names_t;

static void key_names_free(key_names_t *k, size_t node_count, size_t edge_count)
{
    for (size_t f = 0; k->node && f < node_count; f++)
        free(k->node[f]);
    for (size_t f = 0; k->edge && f < edge_count; f++)
        free(k->edge[f]);
    free(k->node);
    free(k->edge);
}

static int key_names(key_names_t *out, pn_export__t *x)
{
    size_t nodes = pn_export__node_columns(x), edges = x->edge_field_count;
    key_names_t k = {calloc(nodes + 1, sizeof *k.node), calloc(edges + 1, sizeof *k.edge)};
    int ok = k.node && k.edge;
    for (size_t f = 0; ok && f < nodes; f++)
        ok = (k.node[f] = prefixed("v_", pn_export__node_field(x, f).name)) != NULL;
    for (size_t f = 0; ok && f < edges; f++)
        ok = (k.edge[f] = prefixed("e_", x->edge_fields[f].name)) != NULL;
    if (!ok) {
        key_names_free(&k, nodes, edges);
        return pn_error__nomem();
    }
    *out = k;
    return 0;
}

static int keys(pn_xml_t *w, pn_export__t *x)
{
    int status = 0;
    if (pn_dataset_title(x->ds))
        status = key(w, "g_", "graph", "title", "string");
    if (status == 0)
        status = key(w, "v_", "node", "label", "string");
    if (status == 0)
        status = key(w, "v_", "node", "dataset_id", "string");
    for (size_t f = 0; status == 0 && f < pn_export__node_columns(x); f++) {
        pn_export__field_t field = pn_export__node_field(x, f);
        status = key(w, "v_", "node", field.name, graphml_types[field.type]);
    }
    for (size_t f = 0; status == 0 && f < x->edge_field_count; f++)
        status = key(w, "e_", "edge", x->edge_fields[f].name,
                     graphml_types[x->edge_fields[f].type]);
    return status;
}

static int node(pn_xml_t *w, pn_export__t *x, igraph_integer_t v, char *const *key)
{
    int status = 0;
    if (pn_xml__start_element(w, "node") != 0 || pn_export__id_attribute(w, x, "id", v) != 0)
        return PN_EIO;
    status = data(w, "v_label", pn_graph_vertex_name(x->graph, v));
    if (status == 0)
        status = data(w, "v_dataset_id", pn_graph_vertex_id(x->graph, v));
    for (size_t f = 0; status == 0 && f < pn_export__node_columns(x); f++) {
        const char *value;
        status = pn_export__node_value(&value, x, v, f);
        if (status == 0)
            status = data(w, key[f], value);
    }
    if (status == 0 && pn_xml__end_element(w) != 0)
        status = PN_EIO;
    return status;
}

/* The context of edge(): the writer, and the start of each edge field's data element
 * (indentation and tag), made at the first edge, when the indentation is known. */
typedef struct {
    pn_xml_t *w;
    char *const *key;
    pn_export__tags_t data;
} edge_writer_t;

/* An edge laid out by hand (pn_xml__raw_child), the bytes pn_xml__start_element() and data()
 * would write: an export writes millions. */
static int edge(void *context, pn_export__t *x, size_t k, const pn_export__ends_t *ends)
{
    edge_writer_t *e = context;
    size_t indent = pn_xml__raw_child(e->w);
    int status = 0;
    if (!e->data.start && (status = pn_export__tags(&e->data, indent + 2, "<data key=\"",
                                                    (const char *const *)e->key,
                                                    x->edge_field_count, "\">")) != 0)
        return status;
    char *p = pn_xml__raw_reserve(e->w, indent + sizeof "<edge source=\"\" target=\"\"" +
                                            ends->length[0] + ends->length[1]);
    if (!p)
        return pn_error__nomem();
    p = pn_export__spaces(p, indent);
    p = pn_export__copy(p, "<edge source=\"", ends->id[0], ends->length[0]);
    p = pn_export__copy(p, "\" target=\"", ends->id[1], ends->length[1]);
    *p++ = '"';
    int content = 0;
    for (size_t f = 0; f < x->edge_field_count; f++) {
        const char *value;
        if ((status = pn_export__edge_value(&value, x, k, f)) != 0)
            return status;
        if (!value)
            continue;
        pn_xml__raw_commit(e->w, p);
        p = pn_xml__raw_reserve(e->w, 2 + e->data.length[f] + PN_EXPORT__ESCAPED_MAX(value) +
                                          sizeof "</data>\n");
        if (!p)
            return pn_error__nomem();
        if (!content) {
            p = pn_export__copy(p, ">\n", NULL, 0);
            content = 1;
        }
        memcpy(p, e->data.start[f], e->data.length[f]);
        p += e->data.length[f];
        p = pn_xml__escape_text(p, value);
        p = pn_export__copy(p, "</data>\n", NULL, 0);
    }
    pn_xml__raw_commit(e->w, p);
    if (!(p = pn_xml__raw_reserve(e->w, indent + sizeof "</edge>\n")))
        return pn_error__nomem();
    if (content)
        p = pn_export__copy(pn_export__spaces(p, indent), "</edge>\n", NULL, 0);
    else
        p = pn_export__copy(p, "/>\n", NULL, 0);
    return pn_xml__raw_commit(e->w, p);
}

static int write_graphml(FILE *out, pn_export__t *x)
{
    igraph_integer_t n = pn_graph_vertex_count(x->graph);
    key_names_t key = {NULL, NULL};
    edge_writer_t edges = {NULL, NULL, PN_EXPORT__TAGS_INIT};
    pn_xml_t *w = NULL;
    int status = 0;
    if ((status = pn_export__escape_ids(x, nmtoken)) != 0 || (status = key_names(&key, x)) != 0 ||
        (status = pn_xml__new(&w, out)) != 0)
        goto done;
    if (pn_xml__start_document(w) != 0 ||
        pn_export__start(w, "graphml", "xmlns", "http://graphml.graphdrawing.org/xmlns",
                         "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                         "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
                         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd", NULL) != 0) {
        status = PN_EIO;
        goto done;
    }
    if ((status = keys(w, x)) != 0)
        goto done;
    edges.w = w;
    edges.key = key.edge;
    if (pn_export__start(w, "graph", "id", "G", "edgedefault", "undirected", NULL) != 0) {
        status = PN_EIO;
        goto done;
    }
    status = data(w, "g_title", pn_dataset_title(x->ds));
    for (igraph_integer_t v = 0; status == 0 && v < n; v++)
        status = node(w, x, v, key.node);
    if (status == 0)
        status = pn_export__each_edge(x, edge, &edges);
    if (status == 0 && pn_xml__end_document(w) != 0)
        status = PN_EIO;
done:
    pn_xml__free(w);
    pn_export__tags_destroy(&edges.data, x->edge_field_count);
    key_names_free(&key, pn_export__node_columns(x), x->edge_field_count);
    return status;
}

int pn_export_graphml(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts)
{
    return pn_export__to_file(graph, path, opts, write_graphml);
}

int pn_export_view_graphml(const pn_view_t *view, const char *path,
                        const pn_export_options_t *opts)
{
    return pn_export__view_to_file(view, path, opts, write_graphml);
}
