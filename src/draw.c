/*
 * Drawings with Graphviz's libgvc: the view becomes a cgraph graph (sizes, colours, labels,
 * pinned map positions, a legend as an HTML-like graph label), laid out by neato or sfdp and
 * rendered in memory, then written whole through pn_outfile.
 */
#include <partnet/draw.h>
#include <partnet/layout.h>
#include <partnet/outfile.h>

#include "array.h"
#include "error.h"

#include <assert.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PALETTE_SIZE 9
/* Tableau 10 without its grey, which stands for the other countries. */
static const char *const palette[PALETTE_SIZE] = {"#4e79a7", "#f28e2b", "#e15759",
                                                  "#76b7b2", "#59a14f", "#edc948",
                                                  "#b07aa1", "#ff9da7", "#9c755f"};
static const char other_colour[] = "#bab0ac";

#define MIN_WIDTH 0.12 /* inches: the disc of the smallest value */
#define MAX_WIDTH 0.6
#define LABEL_INSIDE_WIDTH 0.3 /* inches: a name goes on a disc this wide, beside a smaller one */
#define FORCE_NEATO_MAX 2000 /* vertices: neato up to this, sfdp above */
#define FONT "DejaVu Sans"

/* What a drawing is made of, freed by drawing_free(). */
typedef struct {
    const pn_graph_t *graph;
    const pn_dataset_t *ds;
    igraph_vector_t size;
    int has_size;
    pn_country_tally_t *tally;        /* countries by decreasing vertex count */
    size_t tally_count;
    int *colour;           /* per dataset country: palette index, or -1 for "other" */
    double *lat, *lon;     /* per vertex; NAN when unknown */
    pn_text_t text;        /* labels, built here */
} drawing_t;

int pn_draw_format_from_path(pn_draw_format_t *out, const char *path)
{
    assert(out && path);
    static const char *const extensions[] = {".svg", ".png", ".pdf"};
    const char *dot = strrchr(path, '.');
    for (int f = 0; dot && f < 3; f++)
        if (strcasecmp(dot, extensions[f]) == 0) {
            *out = (pn_draw_format_t)f;
            return 0;
        }
    return pn_error_set(PN_EUSAGE, "%s: cannot tell the format: name the file .svg, .png or "
                         ".pdf", path);
}

static void drawing_free(drawing_t *d)
{
    if (d->has_size)
        igraph_vector_destroy(&d->size);
    free(d->tally);
    free(d->colour);
    free(d->lat);
    free(d->lon);
    pn_text__destroy(&d->text);
}

static const char *country_name(const drawing_t *d, uint32_t c)
{
    const pn_country_t *country = pn_dataset_country(d->ds, c);
    return country->name && country->name[0] ? country->name
           : country->code[0]                 ? country->code
                                              : "no country";
}

/* Countries by vertex count, and a colour for the first PALETTE_SIZE. */
static int colour_countries(drawing_t *d)
{
    size_t countries = pn_dataset_country_count(d->ds);
    d->tally = malloc((countries ? countries : 1) * sizeof *d->tally);
    d->colour = malloc((countries ? countries : 1) * sizeof *d->colour);
    if (!d->tally || !d->colour)
        return pn_error__nomem();
    countries = d->tally_count = pn_graph_tally_countries(d->tally, d->graph, NULL, 0);
    for (size_t c = 0; c < pn_dataset_country_count(d->ds); c++)
        d->colour[c] = -1;
    for (size_t k = 0; k < countries && k < PALETTE_SIZE; k++)
        d->colour[d->tally[k].country] = (int)k;
    return 0;
}

/* Each vertex's coordinates (pn_layout_coordinates()). @return how many have them, or -1
 * when out of memory */
static igraph_integer_t locate(drawing_t *d)
{
    igraph_integer_t located = 0;
    if (pn_layout_coordinates(d->lat, d->lon, d->graph) != 0)
        return -1;
    for (igraph_integer_t v = 0; v < pn_graph_vertex_count(d->graph); v++)
        located += !isnan(d->lat[v]);
    return located;
}

/* ---- text for HTML-like labels ---------------------------------------------------------- */

static int append(drawing_t *d, const char *text, size_t n)
{
    return pn_text__append(&d->text, text, n);
}

static int append_str(drawing_t *d, const char *text)
{
    return pn_text__append_str(&d->text, text);
}

/* Text with the characters HTML-like labels give a meaning escaped. */
static int append_escaped(drawing_t *d, const char *text)
{
    int status = 0;
    for (const char *p = text; status == 0 && *p; p++) {
        switch (*p) {
        case '&':
            status = append_str(d, "&amp;");
            break;
        case '<':
            status = append_str(d, "&lt;");
            break;
        case '>':
            status = append_str(d, "&gt;");
            break;
        case '"':
            status = append_str(d, "&quot;");
            break;
        case '\n':
        case '\r':
            status = append_str(d, " ");
            break;
        default:
            status = append(d, p, 1);
        }
    }
    return status;
}

/* ---- the cgraph graph ---------------------------------------------------------------------- */

/* An HTML-like label made of d->text; the buffer is emptied. */
static char *html_label(Agraph_t *g, drawing_t *d)
{
    char *label = agstrdup_html(g, d->text.data ? d->text.data : (char *)"");
    pn_text__clear(&d->text);
    return label;
}

/* One legend entry: a disc of the colour and what it stands for. */
static int swatch(drawing_t *d, size_t k, size_t shown)
{
    char text[160];
    size_t others = d->tally_count - shown, other_vertices = 0;
    snprintf(text, sizeof text, "%s<FONT COLOR=\"%s\">\u25CF</FONT> ",
             k % 5 ? "&#160;&#160;&#160; " : "", k < shown ? palette[k] : other_colour);
    int status = append_str(d, text);
    if (k < shown) {
        if (status == 0)
            status = append_escaped(d, country_name(d, d->tally[k].country));
        /* a graph of countries has one vertex each: no count to tell */
        if (pn_graph_is_by_country(d->graph))
            text[0] = '\0';
        else
            snprintf(text, sizeof text, " (%zu)", d->tally[k].vertices);
    } else {
        for (size_t j = shown; j < d->tally_count; j++)
            other_vertices += d->tally[j].vertices;
        snprintf(text, sizeof text, "%zu other countries (%zu)", others, other_vertices);
    }
    return status == 0 ? append_str(d, text) : status;
}

/* The legend, the drawing's label: the title, the colours five to a line, what sizes mean. */
static int legend(Agraph_t *g, drawing_t *d, const pn_draw_options_t *o)
{
    char line[320];
    size_t shown = d->tally_count < PALETTE_SIZE ? d->tally_count : PALETTE_SIZE;
    size_t entries = shown + (d->tally_count > shown);
    int status = append_str(d, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    if (status == 0 && o->title) {
        status = append_str(d, "<TR><TD ALIGN=\"LEFT\"><B>");
        if (status == 0)
            status = append_escaped(d, o->title);
        if (status == 0)
            status = append_str(d, "</B></TD></TR>");
    }
    for (size_t k = 0; status == 0 && k < entries; k++) {
        if (k % 5 == 0)
            status = append_str(d, "<TR><TD ALIGN=\"LEFT\">");
        if (status == 0)
            status = swatch(d, k, shown);
        if (status == 0 && (k % 5 == 4 || k + 1 == entries))
            status = append_str(d, "</TD></TR>");
    }
    if (status == 0) {
        snprintf(line, sizeof line, "<TR><TD ALIGN=\"LEFT\">node size: %s; colour: country; "
                 "line width: agreements of the pair; %ld nodes, %zu agreements</TD></TR></TABLE>",
                 pn_measure_name(o->size_by), (long)pn_graph_vertex_count(d->graph),
                 pn_graph_agreement_count(d->graph));
        status = append_str(d, line);
    }
    if (status == 0)
        agsafeset(g, "label", html_label(g, d), "");
    return status;
}

/* Mark the vertices to name: the labels largest. */
static int choose_labels(unsigned char *named, const drawing_t *d, int labels)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    igraph_integer_t *order = malloc((n ? (size_t)n : 1) * sizeof *order);
    if (!order)
        return pn_error__nomem();
    for (igraph_integer_t v = 0; v < n; v++)
        order[v] = v;
    int status = pn_graph_sort_vertices(order, (size_t)n, d->graph, VECTOR(d->size));
    for (igraph_integer_t k = 0; status == 0 && k < n && k < labels; k++)
        named[order[k]] = 1;
    free(order);
    return status;
}

/* How values and coordinates become sizes and positions. */
typedef struct {
    double smallest, largest; /* of the size measure */
    int map;
    double scale, aspect;     /* inches per degree; longitude shrunk by the mean latitude */
} scaling_t;

static scaling_t scaling(const drawing_t *d, int map)
{
    scaling_t s = {INFINITY, -INFINITY, map, 1.0 / 3, 1};
    double lat_sum = 0;
    igraph_integer_t located = 0;
    for (igraph_integer_t v = 0; v < pn_graph_vertex_count(d->graph); v++) {
        s.smallest = fmin(s.smallest, VECTOR(d->size)[v]);
        s.largest = fmax(s.largest, VECTOR(d->size)[v]);
        if (!isnan(d->lat[v])) {
            lat_sum += d->lat[v];
            located++;
        }
    }
    if (located)
        s.aspect = cos(lat_sum / (double)located * M_PI / 180);
    return s;
}

static int add_node(Agraph_t *g, Agnode_t **nodes, drawing_t *d, igraph_integer_t v,
                    const scaling_t *s, int named)
{
    char buf[96];
    Agnode_t *node = agnode(g, (char *)pn_graph_vertex_id(d->graph, v), 1);
    if (!node)
        return pn_error__nomem();
    nodes[v] = node;
    double value = VECTOR(d->size)[v];
    double range = s->largest - s->smallest;
    double share = range > 0 ? sqrt((value - s->smallest) / range) : 0;
    double width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * share;
    snprintf(buf, sizeof buf, "%.3f", width);
    agsafeset(node, "width", buf, "");
    int colour = d->colour[pn_graph_vertex_country(d->graph, v)];
    agsafeset(node, "fillcolor", (char *)(colour >= 0 ? palette[colour] : other_colour), "");
    if (s->map && !isnan(d->lat[v])) {
        snprintf(buf, sizeof buf, "%.4f,%.4f!", d->lon[v] * s->aspect * s->scale,
                 d->lat[v] * s->scale);
        agsafeset(node, "pos", buf, "");
    }
    /* the tooltip: name and, for a node, its country, shown by browsers on the SVG */
    int of_node = pn_graph_vertex_node(d->graph, v) != PN_NONE;
    int status = append_escaped(d, pn_graph_vertex_name(d->graph, v));
    if (status == 0 && of_node)
        status = append_str(d, " (");
    if (status == 0 && of_node)
        status = append_escaped(d, country_name(d, pn_graph_vertex_country(d->graph, v)));
    if (status == 0 && of_node)
        status = append_str(d, ")");
    if (status != 0)
        return status;
    agsafeset(node, "tooltip", d->text.data, "");
    pn_text__clear(&d->text);
    if (!named)
        return 0;
    /* on a light box that keeps it readable over lines: centred on a large disc, beside a
     * small one (which it would hide) */
    status = append_str(d, "<TABLE BORDER=\"0\" CELLPADDING=\"1\" CELLSPACING=\"0\" "
                           "BGCOLOR=\"#ffffffa0\"><TR><TD>");
    if (status == 0)
        status = append_escaped(d, pn_graph_vertex_name(d->graph, v));
    if (status == 0)
        status = append_str(d, "</TD></TR></TABLE>");
    if (status == 0)
        agsafeset(node, width >= LABEL_INSIDE_WIDTH ? "label" : "xlabel", html_label(g, d), "");
    return status;
}

/* The named nodes go last, so that no disc is drawn over their names. */
static int add_nodes(Agraph_t *g, Agnode_t **nodes, drawing_t *d, const pn_draw_options_t *o,
                     int map)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    unsigned char *named = calloc(n ? (size_t)n : 1, 1);
    scaling_t s = scaling(d, map);
    if (!named)
        return pn_error__nomem();
    int status = choose_labels(named, d, o->labels);
    for (int pass = 0; pass < 2; pass++)
        for (igraph_integer_t v = 0; status == 0 && v < n; v++)
            if (named[v] == pass)
                status = add_node(g, nodes, d, v, &s, named[v]);
    free(named);
    return status;
}

static int add_edges(Agraph_t *g, Agnode_t *const *nodes, const drawing_t *d)
{
    const igraph_t *graph = pn_graph_igraph(d->graph);
    const igraph_vector_t *weights = pn_graph_weights(d->graph);
    char buf[32];
    for (igraph_integer_t e = 0; e < igraph_ecount(graph); e++) {
        Agedge_t *edge =
            agedge(g, nodes[IGRAPH_FROM(graph, e)], nodes[IGRAPH_TO(graph, e)], NULL, 1);
        if (!edge)
            return pn_error__nomem();
        snprintf(buf, sizeof buf, "%.2f", 0.6 + 0.8 * log2(VECTOR(*weights)[e]));
        agsafeset(edge, "penwidth", buf, "");
    }
    return 0;
}

static void set_defaults(Agraph_t *g)
{
    static const struct {
        int kind;
        char *name, *value;
    } defaults[] = {
        {AGRAPH, "overlap", "prism"},      {AGRAPH, "splines", "false"},
        {AGRAPH, "outputorder", "edgesfirst"}, {AGRAPH, "forcelabels", "true"},
        {AGRAPH, "bgcolor", "white"},      {AGRAPH, "pad", "0.5"},
        {AGRAPH, "fontname", FONT},        {AGRAPH, "fontsize", "11"},
        {AGRAPH, "labelloc", "b"},         {AGRAPH, "labeljust", "l"},
        {AGRAPH, "start", "1"},            /* the force model's random start, seeded */
        {AGRAPH, "sep", "+10"},            /* room for the names between the discs */
        {AGNODE, "shape", "circle"},       {AGNODE, "style", "filled"},
        {AGNODE, "fixedsize", "true"},     {AGNODE, "label", ""},
        {AGNODE, "color", "white"},        {AGNODE, "penwidth", "0.6"},
        {AGNODE, "fontname", FONT},        {AGNODE, "fontsize", "10"},
        {AGEDGE, "color", "#60606080"}};
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
        agattr(g, defaults[i].kind, defaults[i].name, defaults[i].value);
}

/* ---- Graphviz's messages --------------------------------------------------------------- */

static _Thread_local char graphviz_message[512];

static int keep_message(char *message)
{
    size_t n = strlen(graphviz_message);
    snprintf(graphviz_message + n, sizeof graphviz_message - n, "%s", message);
    return 0;
}

static int graphviz_failed(const char *what)
{
    size_t n = strlen(graphviz_message);
    while (n > 0 && (graphviz_message[n - 1] == '\n' || graphviz_message[n - 1] == ' '))
        graphviz_message[--n] = '\0';
    return pn_error_set(PN_ERROR, "graphviz: %s failed%s%s", what, n ? ": " : "",
                         graphviz_message);
}

/* Cairo dates every PDF; a blank in place of the entry keeps the offsets and the bytes stable. */
static void blank_creation_date(char *data, size_t length)
{
    static const char key[] = "/CreationDate (";
    size_t n = sizeof key - 1;
    for (size_t i = 0; i + n <= length; i++) {
        if (memcmp(data + i, key, n) != 0)
            continue;
        char *close = memchr(data + i, ')', length - i);
        if (close)
            memset(data + i, ' ', (size_t)(close - (data + i)) + 1);
        return;
    }
}

static int write_all(const char *path, const char *data, size_t length)
{
    pn_outfile_t *out = NULL;
    int status = pn_outfile_open(&out, path);
    if (status != 0)
        return status;
    fwrite(data, 1, length, pn_outfile_stream(out));
    return pn_outfile_commit(out);
}

/* One Graphviz context for the process, never freed: Graphviz 2.42's text layout keeps a
 * pointer into the fonts of the first context, and reads freed memory when a later one is
 * made after that one was freed. */
static GVC_t *graphviz;

static int render(Agraph_t *g, const char *path, pn_draw_format_t format, const char *engine)
{
    static const char *const formats[] = {"svg", "png:cairo", "pdf:cairo"};
    char *data = NULL;
    unsigned int length = 0;
    int laid_out = 0, status = 0;
    if (!graphviz && !(graphviz = gvContext()))
        return pn_error__nomem();
    GVC_t *gvc = graphviz;
    if (gvLayout(gvc, g, engine) != 0) {
        status = graphviz_failed("layout");
        goto done;
    }
    laid_out = 1;
    if (gvRenderData(gvc, g, formats[format], &data, &length) != 0 || !data) {
        status = graphviz_failed("rendering");
        goto done;
    }
    if (format == PN_DRAW_PDF)
        blank_creation_date(data, length);
    status = write_all(path, data, length);
done:
    gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, g);
    return status;
}

int pn_draw_write(const pn_graph_t *graph, const char *path, const pn_draw_options_t *opts)
{
    pn_draw_options_t defaults = PN_DRAW_OPTIONS_INIT;
    const pn_draw_options_t *o = opts ? opts : &defaults;
    assert(graph && path);
    PN_CHECK_OPTIONS(o, PN_DRAW_OPTIONS_VERSION, "pn_draw_options_t");
    igraph_integer_t n = pn_graph_vertex_count(graph);
    drawing_t d = {.graph = graph, .ds = pn_graph_dataset(graph)};
    Agraph_t *g = NULL;
    Agnode_t **nodes = NULL;
    agusererrf previous_handler = agseterrf(keep_message);
    agerrlevel_t previous_level = agseterr(AGERR);
    int status;
    graphviz_message[0] = '\0';

    if (igraph_vector_init(&d.size, 0) != IGRAPH_SUCCESS) {
        status = pn_error__nomem();
        goto done;
    }
    d.has_size = 1;
    if ((status = pn_centrality_compute(&d.size, graph, o->size_by, NULL)) != 0)
        goto done;
    d.lat = malloc((n ? (size_t)n : 1) * sizeof *d.lat);
    d.lon = malloc((n ? (size_t)n : 1) * sizeof *d.lon);
    nodes = calloc(n ? (size_t)n : 1, sizeof *nodes);
    if (!d.lat || !d.lon || !nodes) {
        status = pn_error__nomem();
        goto done;
    }
    igraph_integer_t located = locate(&d);
    if (located < 0) {
        status = pn_error__nomem();
        goto done;
    }
    int map = o->layout == PN_LAYOUT_MAP || (o->layout == PN_LAYOUT_AUTO && n > 0 && located == n);
    if ((status = colour_countries(&d)) != 0)
        goto done;
    if (!(g = agopen("partnet", Agundirected, NULL))) {
        status = pn_error__nomem();
        goto done;
    }
    set_defaults(g);
    if ((status = add_nodes(g, nodes, &d, o, map)) != 0 ||
        (status = add_edges(g, nodes, &d)) != 0 || (status = legend(g, &d, o)) != 0)
        goto done;
    status = render(g, path, o->format, map || n <= FORCE_NEATO_MAX ? "neato" : "sfdp");
done:
    if (g)
        agclose(g);
    agseterr(previous_level);
    agseterrf(previous_handler);
    free(nodes);
    drawing_free(&d);
    return status;
}
