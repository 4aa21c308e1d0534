/*
 * What the exporters share: the attribute lists of nodes and edges, their values as text, the
 * order of the edges (agreements in dataset order) and the file, written in the C locale.
 */
#include "export.h"

#include <partnet/outfile.h>
#include <partnet/text.h>

#include "array.h"
#include "dataset.h"
#include "error.h"
#include "graph.h"
#include "sort.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The order of each list is the order of the enum below it. */
static const pn_export__field_t node_fields[] = {
    {"name", PN_EXPORT__STRING, "name"},   {"country", PN_EXPORT__STRING, "country"},
    {"level", PN_EXPORT__STRING, "level"}, {"first_level", PN_EXPORT__BOOL, "first_level"},
    {"parent", PN_EXPORT__STRING, "parent"}, {"lat", PN_EXPORT__DOUBLE, "lat"},
    {"lon", PN_EXPORT__DOUBLE, "lon"},     {"aliases", PN_EXPORT__STRING, "aliases"},
    {"note", PN_EXPORT__STRING, "note"}};
enum { NODE_NAME, NODE_COUNTRY, NODE_LEVEL, NODE_FIRST_LEVEL, NODE_PARENT, NODE_LAT, NODE_LON,
       NODE_ALIASES, NODE_NOTE };

static const pn_export__field_t country_fields[] = {{"name", PN_EXPORT__STRING, "name"},
                                                    {"regions", PN_EXPORT__INT, "regions"},
                                                    {"domestic", PN_EXPORT__INT, "domestic"}};
enum { COUNTRY_NAME, COUNTRY_REGIONS, COUNTRY_DOMESTIC };

/* Gephi's GraphML importer takes an edge attribute named "id" for the edge's id and drops its
 * value, and NetworkX's GEXF reader overwrites an attribute named "end" with the edge's own end
 * (its time interval), so GraphML and GEXF say agreement_id and end_date; edges.csv keeps the
 * columns id and end partnet's loader reads. */
static const pn_export__field_t agreement_fields[] = {
    {"agreement_id", PN_EXPORT__STRING, "id"},
    {"date", PN_EXPORT__STRING, "date"},
    {"year", PN_EXPORT__INT, NULL},
    {"end_date", PN_EXPORT__STRING, "end"},
    {"kind", PN_EXPORT__STRING, "kind"},
    {"kind_stated", PN_EXPORT__BOOL, "kind_stated"},
    {"domains", PN_EXPORT__STRING, "domains"},
    {"note", PN_EXPORT__STRING, "note"},
    {"source_document", PN_EXPORT__STRING, "source_document"},
    {"source_line", PN_EXPORT__INT, "source_line"},
    {"source_location", PN_EXPORT__STRING, "source_location"},
    {"source_quote", PN_EXPORT__STRING, "source_quote"},
    {"source_url", PN_EXPORT__STRING, "source_url"}};
enum { AGR_ID, AGR_DATE, AGR_YEAR, AGR_END, AGR_KIND, AGR_KIND_STATED, AGR_DOMAINS, AGR_NOTE, AGR_DOCUMENT,
       AGR_LINE, AGR_LOCATION, AGR_QUOTE, AGR_URL };

/* A pair of partners (or of countries): its weight as the metrics weigh it (a double, as every
 * tool reads a weight) and its number of agreements, the same number as an integer. */
static const pn_export__field_t pair_fields[] = {
    {"weight", PN_EXPORT__DOUBLE, "weight"},
    {"agreements", PN_EXPORT__INT, "agreements"},
    {"first_date", PN_EXPORT__STRING, "first_date"}};
enum { PAIR_WEIGHT, PAIR_AGREEMENTS, PAIR_FIRST_DATE };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Node attribute names the files or their readers use for something else, compared ignoring
 * case as Gephi does: the edge table's ends, GraphML's dataset_id; the columns every Gephi graph
 * has (GraphStoreConfiguration: id, label, timeset) and the names its GraphML importer
 * (ImporterGraphML) takes for a node's label, position, size and colour, whose values it does
 * not keep as attributes. */
static const char *const reserved[] = {"source", "target", "dataset_id", "id", "label",
                                       "timeset", "d3", "x", "y", "z", "xpos", "ypos", "size",
                                       "r", "g", "b"};

static int check_columns(const pn_export__t *x)
{
    const pn_export_options_t *o = x->opts;
    for (size_t c = 0; c < o->column_count; c++) {
        const char *name = o->columns[c].name;
        int valid = name && (name[0] == '_' || (name[0] >= 'A' && name[0] <= 'Z') ||
                             (name[0] >= 'a' && name[0] <= 'z'));
        for (const char *p = name; valid && *p; p++)
            valid = *p == '_' || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= 'a' && *p <= 'z');
        if (!valid)
            return pn_error_set(PN_EUSAGE, "attribute name \"%s\": expected a letter or _ then "
                                 "letters, digits or _", name ? name : "");
        int taken = 0;
        for (size_t f = 0; f < x->node_field_count; f++)
            taken |= strcmp(name, x->node_fields[f].name) == 0;
        for (size_t r = 0; r < COUNT(reserved); r++)
            taken |= strcasecmp(name, reserved[r]) == 0;
        for (size_t d = 0; d < c; d++)
            taken |= strcmp(name, o->columns[d].name) == 0;
        if (taken)
            return pn_error_set(PN_EUSAGE, "attribute name \"%s\" is already used", name);
    }
    return 0;
}

/* The view's agreements in dataset order. */
static int order_agreements(pn_export__t *x)
{
    size_t count = pn_graph_agreement_count(x->graph), k = 0;
    const uint32_t *in_order = pn_graph__agreements_in_order(x->graph);
    x->agreement = malloc((count ? count : 1) * sizeof *x->agreement);
    x->edge_count = count;
    if (in_order && x->agreement) {
        memcpy(x->agreement, in_order, count * sizeof *x->agreement);
        return 0;
    }
    pn_keyed_t *keyed = malloc((count ? count : 1) * sizeof *keyed);
    int status = 0;
    if (!keyed || !x->agreement) {
        status = pn_error__nomem();
        goto done;
    }
    for (igraph_integer_t e = 0; e < pn_graph_edge_count(x->graph); e++) {
        const uint32_t *agreements;
        size_t n = pn_graph_edge_agreements(&agreements, x->graph, e);
        for (size_t i = 0; i < n; i++)
            keyed[k++] = (pn_keyed_t){agreements[i], 0};
    }
    if (pn_sort__keyed(keyed, count) != 0) {
        status = pn_error__nomem();
        goto done;
    }
    for (k = 0; k < count; k++)
        x->agreement[k] = (uint32_t)keyed[k].key;
done:
    free(keyed);
    return status;
}

static void end(pn_export__t *x)
{
    free(x->agreement);
    free(x->text);
    free(x->ids);
    free(x->id_start);
}

static int begin(pn_export__t *x, const pn_graph_t *graph, const pn_export_options_t *opts,
                 int order)
{
    memset(x, 0, sizeof *x);
    x->graph = graph;
    x->ds = pn_graph_dataset(graph);
    x->opts = opts;
    x->current_edge = SIZE_MAX;
    x->by_country = pn_graph_is_by_country(graph);
    x->pairs = x->by_country || opts->simple;
    /* the vertices are the view's nodes in dataset order: all of them, the same numbers */
    x->nodes_are_vertices = !x->by_country && (size_t)pn_graph_vertex_count(graph) ==
                                                  pn_dataset_node_count(x->ds);
    x->node_fields = x->by_country ? country_fields : node_fields;
    x->node_field_count = x->by_country ? COUNT(country_fields) : COUNT(node_fields);
    if (x->pairs) {
        x->edge_fields = pair_fields;
        x->edge_field_count = COUNT(pair_fields);
        x->edge_count = (size_t)pn_graph_edge_count(graph);
    } else {
        x->edge_fields = agreement_fields;
        x->edge_field_count = COUNT(agreement_fields);
    }
    int status = check_columns(x);
    if (status == 0 && (opts->gexf_version != 0 && opts->gexf_version != PN_EXPORT_GEXF_1_2 &&
                        opts->gexf_version != PN_EXPORT_GEXF_1_3))
        status = pn_error_set(PN_EUSAGE, "GEXF version %u: expected %u (1.2) or %u (1.3)",
                              opts->gexf_version, PN_EXPORT_GEXF_1_2, PN_EXPORT_GEXF_1_3);
    if (status == 0 && !x->pairs && order)
        status = order_agreements(x);
    if (status != 0)
        end(x);
    return status;
}

/* pn_export__to_file(), with the agreements put in order only when @p order is set. */
static int to_file(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts,
                   pn_export__write_fn *write, int order)
{
    pn_export_options_t defaults = PN_EXPORT_OPTIONS_INIT;
    pn_export__t x;
    pn_outfile_t *out = NULL;
    igraph_safelocale_t locale = NULL;
    const pn_export_options_t *o = opts ? opts : &defaults;
    assert(graph && path);
    PN_CHECK_OPTIONS(o, PN_EXPORT_OPTIONS_VERSION, "pn_export_options_t");
    int status = begin(&x, graph, o, order);
    if (status != 0)
        return status;
    if (igraph_enter_safelocale(&locale) != IGRAPH_SUCCESS) {
        locale = NULL;
        status = pn_error__nomem();
        goto done;
    }
    if ((status = pn_outfile_open(&out, path)) != 0)
        goto done;
    status = write(pn_outfile_stream(out), &x);
    if (status == PN_EIO || (status == 0 && ferror(pn_outfile_stream(out)))) {
        status = pn_error_set(PN_EIO, "%s: write failed: %s", path, strerror(errno));
        goto done;
    }
    if (status == 0) {
        status = pn_outfile_commit(out);
        out = NULL;
    }
done:
    pn_outfile_free(out);
    if (locale)
        igraph_exit_safelocale(&locale);
    end(&x);
    return status;
}

int pn_export__view_to_file(const pn_view_t *view, const char *path,
                            const pn_export_options_t *opts, pn_export__write_fn *write)
{
    pn_export_options_t defaults = PN_EXPORT_OPTIONS_INIT;
    const pn_export_options_t *o = opts ? opts : &defaults;
    pn_graph_t *graph = NULL;
    assert(view && path);
    PN_CHECK_OPTIONS(o, PN_EXPORT_OPTIONS_VERSION, "pn_export_options_t");
    /* one edge per agreement needs no pairs: no sort, no igraph graph */
    int status = pn_view_options(view)->by_country || o->simple
                     ? pn_graph_new(&graph, view)
                     : pn_graph__new_agreements(&graph, view);
    if (status == 0)
        status = pn_export__to_file(graph, path, o, write);
    pn_graph_free(graph);
    return status;
}

int pn_export__to_file(const pn_graph_t *graph, const char *path, const pn_export_options_t *opts,
                       pn_export__write_fn *write)
{
    return to_file(graph, path, opts, write, 1);
}

int pn_export__dataset_file(const pn_graph_t *graph, const char *path,
                            const pn_export_options_t *opts, pn_export__write_fn *write)
{
    return to_file(graph, path, opts, write, 0);
}

const char *pn_export__agreement_id(char *buf, const pn_dataset_t *ds, size_t i)
{
    uint32_t found;
    snprintf(buf, PN_EXPORT__ID_MAX, "a%zu", i + 1);
    for (unsigned k = 2; pn_strmap__get(&ds->agreement_ids, buf, strlen(buf), &found); k++)
        snprintf(buf, PN_EXPORT__ID_MAX, "a%zu-%u", i + 1, k);
    return buf;
}

size_t pn_export__node_columns(const pn_export__t *x)
{
    return x->node_field_count + x->opts->column_count;
}

pn_export__field_t pn_export__node_field(const pn_export__t *x, size_t f)
{
    if (f < x->node_field_count)
        return x->node_fields[f];
    const pn_export_column_t *c = &x->opts->columns[f - x->node_field_count];
    return (pn_export__field_t){c->name, c->integer ? PN_EXPORT__INT : PN_EXPORT__DOUBLE, c->name};
}

/* Reals in the shortest form that reads back as the same double (partnet/text.h). */
static const char *real_text(pn_export__t *x, double value)
{
    return pn_text_format_real(x->number, value);
}

/* "%lld" by hand: the exports write a number or two per agreement. */
static const char *int_text(pn_export__t *x, long long value)
{
    char *p = x->number + sizeof x->number;
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value
                                             : (unsigned long long)value;
    *--p = '\0';
    do
        *--p = (char)('0' + magnitude % 10);
    while ((magnitude /= 10) > 0);
    if (value < 0)
        *--p = '-';
    return p;
}

static const char *date_text(pn_export__t *x, pn_date_t date)
{
    return date == PN_DATE_NONE ? NULL : pn_date_format(x->number, date);
}

/* The items joined with "|"; NULL when there are none. */
static int joined(const char **out, pn_export__t *x, const char *const *items, size_t count)
{
    size_t size = 1;
    for (size_t i = 0; i < count; i++)
        size += strlen(items[i]) + 1;
    if (pn_array__reserve((void **)&x->text, &x->text_capacity, size, 1) != 0)
        return pn_error__nomem();
    char *p = x->text;
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(items[i]);
        if (i)
            *p++ = '|';
        memcpy(p, items[i], n);
        p += n;
    }
    *p = '\0';
    *out = count ? x->text : NULL;
    return 0;
}

static const char *column_text(pn_export__t *x, igraph_integer_t v, size_t c)
{
    double value = x->opts->columns[c].values[v];
    if (isnan(value))
        return NULL;
    if (x->opts->columns[c].integer && fabs(value) < 1e18)
        return int_text(x, (long long)value);
    return real_text(x, value);
}

static const char *country_text(pn_export__t *x, igraph_integer_t v, size_t f)
{
    const pn_country_t *c = pn_dataset_country(x->ds, pn_graph_vertex_country(x->graph, v));
    switch (f) {
    case COUNTRY_NAME:
        return c->name;
    case COUNTRY_REGIONS:
        return c->regions >= 0 ? int_text(x, c->regions) : NULL;
    default:
        return int_text(x, (long long)pn_graph_vertex_domestic(x->graph, v));
    }
}

int pn_export__node_value(const char **out, pn_export__t *x, igraph_integer_t v, size_t f)
{
    if (f >= x->node_field_count) {
        *out = column_text(x, v, f - x->node_field_count);
        return 0;
    }
    if (x->by_country) {
        *out = country_text(x, v, f);
        return 0;
    }
    const pn_node_t *n = pn_dataset_node(x->ds, pn_graph_vertex_node(x->graph, v));
    const char *code;
    switch (f) {
    case NODE_NAME:
        *out = n->name;
        return 0;
    case NODE_COUNTRY:
        code = pn_dataset_country(x->ds, n->country)->code;
        *out = code[0] ? code : NULL;
        return 0;
    case NODE_LEVEL:
        *out = pn_level_name(n->level);
        return 0;
    case NODE_FIRST_LEVEL:
        *out = n->first_level ? "true" : "false";
        return 0;
    case NODE_PARENT:
        *out = n->parent == PN_NONE ? NULL : pn_dataset_node(x->ds, n->parent)->id;
        return 0;
    case NODE_LAT:
    case NODE_LON: {
        double value = f == NODE_LAT ? n->lat : n->lon;
        *out = isnan(value) ? NULL : real_text(x, value);
        return 0;
    }
    case NODE_ALIASES:
        return joined(out, x, n->aliases, n->alias_count);
    default:
        *out = n->note;
        return 0;
    }
}

static int agreement_value(const char **out, pn_export__t *x, size_t k, size_t f)
{
    if (x->current_edge != k) {
        pn_dataset_agreement(&x->current, x->ds, x->agreement[k]);
        x->current_edge = k;
    }
    const pn_agreement_t *a = &x->current;
    switch (f) {
    case AGR_ID:
        /* sources.csv names an agreement with several sources by id: give it the one native
         * JSON would */
        *out = a->id || a->source_count < 2
                   ? a->id
                   : pn_export__agreement_id(x->generated_id, x->ds, x->agreement[k]);
        return 0;
    case AGR_DATE:
        *out = date_text(x, a->date);
        return 0;
    case AGR_YEAR:
        *out = a->date == PN_DATE_NONE ? NULL : int_text(x, pn_date_year(a->date));
        return 0;
    case AGR_END:
        *out = date_text(x, a->end);
        return 0;
    case AGR_KIND:
        *out = pn_kind_name(a->kind);
        return 0;
    case AGR_KIND_STATED: /* empty when stated, as a native file leaves it out */
        *out = a->kind_stated ? NULL : "false";
        return 0;
    case AGR_DOMAINS:
        return joined(out, x, a->domains, a->domain_count);
    case AGR_NOTE:
        *out = a->note;
        return 0;
    case AGR_DOCUMENT:
        *out = a->source.document;
        return 0;
    case AGR_LINE:
        *out = a->source.line ? int_text(x, a->source.line) : NULL;
        return 0;
    case AGR_LOCATION:
        *out = a->source.location;
        return 0;
    case AGR_QUOTE:
        *out = a->source.quote;
        return 0;
    default:
        *out = a->source.url;
        return 0;
    }
}

int pn_export__edge_value(const char **out, pn_export__t *x, size_t k, size_t f)
{
    if (!x->pairs)
        return agreement_value(out, x, k, f);
    const uint32_t *agreements;
    size_t count = pn_export__edge_agreements(&agreements, x, k);
    if (f == PAIR_WEIGHT) {
        *out = real_text(x, VECTOR(*pn_graph_weights(x->graph))[k]);
        return 0;
    }
    if (f == PAIR_AGREEMENTS) {
        *out = int_text(x, (long long)count);
        return 0;
    }
    const pn_date_t *dates = pn_dataset_dates(x->ds);
    pn_date_t first = PN_DATE_NONE;
    for (size_t i = 0; i < count; i++)
        if (dates[agreements[i]] != PN_DATE_NONE &&
            (first == PN_DATE_NONE || dates[agreements[i]] < first))
            first = dates[agreements[i]];
    *out = date_text(x, first);
    return 0;
}

void pn_export__edge_ends(const pn_export__t *x, size_t k, igraph_integer_t *from,
                          igraph_integer_t *to)
{
    if (x->pairs) {
        igraph_edge(pn_graph_igraph(x->graph), (igraph_integer_t)k, from, to);
        return;
    }
    uint32_t i = x->agreement[k], a = pn_dataset_party_a(x->ds)[i], b = pn_dataset_party_b(x->ds)[i];
    *from = x->nodes_are_vertices ? a : pn_graph_node_vertex(x->graph, a);
    *to = x->nodes_are_vertices ? b : pn_graph_node_vertex(x->graph, b);
}

size_t pn_export__edge_agreements(const uint32_t **out, const pn_export__t *x, size_t k)
{
    if (x->pairs)
        return pn_graph_edge_agreements(out, x->graph, (igraph_integer_t)k);
    *out = &x->agreement[k];
    return 1;
}

int pn_export__start(pn_xml_t *w, const char *element, ...)
{
    va_list ap;
    int status = pn_xml__start_element(w, element);
    va_start(ap, element);
    for (const char *name = va_arg(ap, const char *); status == 0 && name;
         name = va_arg(ap, const char *))
        status = pn_xml__attribute(w, name, va_arg(ap, const char *));
    va_end(ap);
    return status;
}

int pn_export__escape_ids(pn_export__t *x, char *(*as_id)(const char *id))
{
    igraph_integer_t n = pn_graph_vertex_count(x->graph);
    char *ids = NULL, *copy = NULL;
    size_t *start = malloc(((size_t)n + 1) * sizeof *start), capacity = 0, used = 0;
    int status = 0;
    if (!start) {
        status = pn_error__nomem();
        goto done;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *id = pn_graph_vertex_id(x->graph, v);
        if (as_id && !(id = copy = as_id(id))) {
            status = pn_error__nomem();
            goto done;
        }
        size_t length = pn_xml__escaped_length(id);
        if (pn_array__reserve((void **)&ids, &capacity, used + length + 1, 1) != 0) {
            status = pn_error__nomem();
            goto done;
        }
        start[v] = used;
        used = (size_t)(pn_xml__escape(ids + used, id) - ids);
        free(copy);
        copy = NULL;
    }
    start[n] = used;
    x->ids = ids;
    x->id_start = start;
    ids = NULL;
    start = NULL;
done:
    free(copy);
    free(ids);
    free(start);
    return status;
}

int pn_export__tags(pn_export__tags_t *out, size_t indent, const char *open,
                    const char *const *names, size_t count, const char *close)
{
    pn_export__tags_t t = {calloc(count + 1, sizeof *t.start), calloc(count + 1, sizeof *t.length)};
    int ok = t.start && t.length;
    for (size_t f = 0; ok && f < count; f++) {
        size_t size = indent + strlen(open) + pn_xml__escaped_length(names[f]) + strlen(close);
        char *p = t.start[f] = malloc(size + 1);
        if (!(ok = p != NULL))
            break;
        p = pn_export__copy(pn_export__spaces(p, indent), open, NULL, 0);
        p = pn_export__copy(pn_xml__escape(p, names[f]), close, NULL, 0);
        *p = '\0';
        t.length[f] = size;
    }
    if (!ok) {
        pn_export__tags_destroy(&t, count);
        return pn_error__nomem();
    }
    *out = t;
    return 0;
}

void pn_export__tags_destroy(pn_export__tags_t *tags, size_t count)
{
    for (size_t f = 0; tags->start && f < count; f++)
        free(tags->start[f]);
    free(tags->start);
    free(tags->length);
    tags->start = NULL;
    tags->length = NULL;
}

int pn_export__id_attribute(pn_xml_t *w, const pn_export__t *x, const char *name,
                            igraph_integer_t v)
{
    return pn_xml__escaped_attribute(w, name, x->ids + x->id_start[v],
                                     x->id_start[v + 1] - x->id_start[v]);
}

static void edge_ids(pn_export__ends_t *out, const pn_export__t *x, size_t first, size_t count)
{
    /* In passes over the block rather than edge by edge: the lookups of one pass do not wait
     * for one another, so their cache misses overlap (a million nodes' ids are far apart). */
    for (size_t i = 0; i < count; i++)
        pn_export__edge_ends(x, first + i, &out[i].vertex[0], &out[i].vertex[1]);
    for (size_t i = 0; i < count; i++)
        for (int j = 0; j < 2; j++) {
            igraph_integer_t v = out[i].vertex[j];
            out[i].id[j] = x->ids + x->id_start[v];
            out[i].length[j] = x->id_start[v + 1] - x->id_start[v];
            __builtin_prefetch(out[i].id[j]);
        }
}

int pn_export__each_edge(pn_export__t *x, pn_export__edge_fn *write, void *context)
{
    enum { BLOCK = 1024 };
    pn_export__ends_t ends[BLOCK];
    int status = 0;
    for (size_t first = 0; status == 0 && first < x->edge_count; first += BLOCK) {
        size_t count = x->edge_count - first < BLOCK ? x->edge_count - first : BLOCK;
        edge_ids(ends, x, first, count);
        for (size_t i = 0; status == 0 && i < count; i++)
            status = write(context, x, first + i, &ends[i]);
    }
    return status;
}
