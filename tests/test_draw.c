/* Drawings: formats from file names, valid SVG/PNG/PDF files with the legend and the names,
 * the same bytes every time, the width asked for, the backbone of a network with too many
 * nodes said in the legend, colours for the countries with the most nodes, and failures that
 * leave nothing behind.
 *
 *   BY: a ("A & B <Oblast>", at 53.9 N 27.6 E), b (at 52.4 N 31.0 E), c (no coordinates)
 *   AM: d (at 40.2 N 44.5 E)
 *   agreements: a-d 2004, a-d 2008, b-d 2010, a-c 2012
 */
#include "test_common.h"

#include <partnet/draw.h>

#include <libxml/parser.h>
#include <sys/stat.h>

static const char network[] =
    "{\"nodes\": [\n"
    " {\"id\": \"a\", \"name\": \"A & B <Oblast>\", \"country\": \"BY\", \"level\": \"region\",\n"
    "  \"lat\": 53.9, \"lon\": 27.6},\n"
    " {\"id\": \"b\", \"name\": \"Bee\", \"country\": \"BY\", \"level\": \"region\", \"lat\": 52.4,\n"
    "  \"lon\": 31.0},\n"
    " {\"id\": \"c\", \"name\": \"See\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"d\", \"name\": \"\\u0535\\u0580\\u0587\\u0561\\u0576\", \"country\": \"AM\",\n"
    "  \"level\": \"city\", \"lat\": 40.2, \"lon\": 44.5}],\n"
    "\"agreements\": [\n"
    " {\"id\": \"1\", \"parties\": [\"a\", \"d\"], \"date\": \"2004\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"2\", \"parties\": [\"a\", \"d\"], \"date\": \"2008\", \"kind\": \"programme\"},\n"
    " {\"id\": \"3\", \"parties\": [\"b\", \"d\"], \"date\": \"2010\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"4\", \"parties\": [\"a\", \"c\"], \"date\": \"2012\", \"kind\": \"other\"}]}\n";

static pn_test_load_t loaded;
static pn_graph_t *graph;

static void setup(void)
{
    pn_test_setup();
    pn_test_network(&loaded, &graph, "draw.json", network);
}

static void teardown(void)
{
    pn_test_network_free(&loaded, graph);
    pn_test_teardown();
}

TestSuite(draw, .init = setup, .fini = teardown);

static int holds(const char *data, size_t n, const char *part)
{
    size_t k = strlen(part);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(data + i, part, k) == 0)
            return 1;
    return 0;
}

static pn_draw_options_t options(pn_draw_format_t format, pn_layout_t layout)
{
    pn_draw_options_t o = PN_DRAW_OPTIONS_INIT;
    o.format = format;
    o.layout = layout;
    o.title = "draw.json & friends";
    return o;
}

Test(draw, tells_the_format_from_the_extension)
{
    pn_draw_format_t f;
    cr_expect_eq(pn_draw_format_from_path(&f, "x.svg"), 0);
    cr_expect_eq(f, PN_DRAW_SVG);
    cr_expect_eq(pn_draw_format_from_path(&f, "dir.d/x.PNG"), 0);
    cr_expect_eq(f, PN_DRAW_PNG);
    cr_expect_eq(pn_draw_format_from_path(&f, "x.pdf"), 0);
    cr_expect_eq(f, PN_DRAW_PDF);
    cr_expect_eq(pn_draw_format_from_path(&f, "x.gif"), PN_EUSAGE);
    cr_expect(strstr(pn_error_last(), "x.gif: cannot tell the format") != NULL, "%s",
              pn_error_last());
    cr_expect_eq(pn_draw_format_from_path(&f, "picture"), PN_EUSAGE);
}

Test(draw, svg_is_xml_with_the_legend_and_the_names)
{
    for (int layout = PN_LAYOUT_AUTO; layout <= PN_LAYOUT_FORCE; layout++) {
        pn_draw_options_t o = options(PN_DRAW_SVG, (pn_layout_t)layout);
        cr_assert_eq(pn_draw_write(graph, pn_test_path("net.svg"), &o), 0, "%s", pn_error_last());
        xmlDocPtr doc = xmlReadFile(pn_test_path("net.svg"), NULL, XML_PARSE_NONET);
        cr_expect_not_null(doc, "the SVG parses as XML (layout %d)", layout);
        xmlFreeDoc(doc);
        char *svg = pn_test_slurp(pn_test_path("net.svg"), NULL);
        cr_expect(strstr(svg, "<svg") != NULL);
        cr_expect(strstr(svg, "draw.json &amp; friends") != NULL, "the title");
        cr_expect(strstr(svg, "Belarus (3)") != NULL, "the legend counts the nodes");
        cr_expect(strstr(svg, "Armenia (1)") != NULL);
        cr_expect(strstr(svg, "node size: degree") != NULL);
        cr_expect(strstr(svg, "A &amp; B &lt;Oblast&gt;") != NULL, "names escaped once");
        cr_expect(strstr(svg, "\xd4\xb5\xd6\x80\xd6\x87\xd5\xa1\xd5\xb6") != NULL, "Armenian");
        cr_expect(strstr(svg, "#4e79a7") != NULL && strstr(svg, "#f28e2b") != NULL,
                  "one colour per country");
        free(svg);
    }
}

Test(draw, png_and_pdf_have_their_signatures_and_no_date)
{
    pn_draw_options_t o = options(PN_DRAW_PNG, PN_LAYOUT_AUTO);
    size_t n;
    cr_assert_eq(pn_draw_write(graph, pn_test_path("net.png"), &o), 0, "%s", pn_error_last());
    char *data = pn_test_slurp(pn_test_path("net.png"), &n);
    cr_expect(n > 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0, "PNG signature");
    free(data);
    o.format = PN_DRAW_PDF;
    cr_assert_eq(pn_draw_write(graph, pn_test_path("net.pdf"), &o), 0, "%s", pn_error_last());
    data = pn_test_slurp(pn_test_path("net.pdf"), &n);
    cr_expect(n > 5 && memcmp(data, "%PDF-", 5) == 0, "PDF signature");
    cr_expect(!holds(data, n, "/CreationDate"), "no date in the PDF");
    cr_expect(holds(data, n, "%%EOF"));
    free(data);
}

Test(draw, same_graph_same_bytes)
{
    for (int format = PN_DRAW_SVG; format <= PN_DRAW_PDF; format++) {
        pn_draw_options_t o = options((pn_draw_format_t)format, PN_LAYOUT_FORCE);
        size_t n1, n2;
        cr_assert_eq(pn_draw_write(graph, pn_test_path("one"), &o), 0, "%s", pn_error_last());
        cr_assert_eq(pn_draw_write(graph, pn_test_path("two"), &o), 0, "%s", pn_error_last());
        char *one = pn_test_slurp(pn_test_path("one"), &n1);
        char *two = pn_test_slurp(pn_test_path("two"), &n2);
        cr_expect(n1 == n2 && memcmp(one, two, n1) == 0, "format %d differs", format);
        free(one);
        free(two);
    }
}

/* The fixture's network contracted to countries. */
static pn_graph_t *countries_graph(void)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    view.by_country = 1;
    pn_graph_t *countries;
    cr_assert_eq(pn_test_graph(&countries, loaded.ds, &view), 0);
    return countries;
}

Test(draw, countries_and_empty_networks_draw)
{
    pn_graph_t *countries = countries_graph();
    pn_draw_options_t o = options(PN_DRAW_SVG, PN_LAYOUT_AUTO);
    o.size_by = PN_MEASURE_AGREEMENTS;
    cr_assert_eq(pn_draw_write(countries, pn_test_path("countries.svg"), &o), 0, "%s", pn_error_last());
    char *svg = pn_test_slurp(pn_test_path("countries.svg"), NULL);
    cr_expect(strstr(svg, "node size: agreements") != NULL);
    cr_expect(strstr(svg, ">Belarus<") != NULL, "a country's node is named");
    free(svg);
    pn_graph_free(countries);

    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    view.as_of = 19000000;
    view.drop_isolated = 1;
    pn_graph_t *empty;
    cr_assert_eq(pn_test_graph(&empty, loaded.ds, &view), 0);
    cr_assert_eq(pn_graph_vertex_count(empty), 0);
    o.labels = 0;
    cr_expect_eq(pn_draw_write(empty, pn_test_path("empty.svg"), &o), 0, "%s", pn_error_last());
    pn_graph_free(empty);
}

/* Width and height from a PNG's header. */
static void png_size(const char *path, unsigned *width, unsigned *height)
{
    size_t n;
    unsigned char *data = (unsigned char *)pn_test_slurp(path, &n);
    cr_assert(n > 24 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0);
    *width = (unsigned)data[16] << 24 | (unsigned)data[17] << 16 | (unsigned)data[18] << 8 | data[19];
    *height = (unsigned)data[20] << 24 | (unsigned)data[21] << 16 | (unsigned)data[22] << 8 | data[23];
    free(data);
}

Test(draw, png_is_as_wide_as_asked)
{
    pn_draw_options_t o = options(PN_DRAW_PNG, PN_LAYOUT_FORCE);
    unsigned width, height;
    cr_assert_eq(pn_draw_write(graph, pn_test_path("net.png"), &o), 0, "%s", pn_error_last());
    png_size(pn_test_path("net.png"), &width, &height);
    cr_expect_eq(width, PN_DRAW_WIDTH, "the default width");
    cr_expect(height > 0 && height <= 2 * width);
    o.width = 640;
    cr_assert_eq(pn_draw_write(graph, pn_test_path("net.png"), &o), 0, "%s", pn_error_last());
    png_size(pn_test_path("net.png"), &width, &height);
    cr_expect_eq(width, 640);
    o.width = PN_DRAW_WIDTH_MAX + 1;
    cr_expect_eq(pn_draw_write(graph, pn_test_path("net.png"), &o), PN_EUSAGE);
    cr_expect(strstr(pn_error_last(), "200 to 20000 pixels wide, not 20001") != NULL, "%s",
              pn_error_last());
}

/* Degrees: a 2 (c, d), d 2 (a, b), b 1, c 1. The two largest are a and d, partners. */
Test(draw, a_network_above_max_nodes_is_drawn_as_its_backbone_and_says_so)
{
    pn_draw_options_t o = options(PN_DRAW_SVG, PN_LAYOUT_FORCE);
    o.max_nodes = 2;
    cr_assert_eq(pn_draw_write(graph, pn_test_path("top.svg"), &o), 0, "%s", pn_error_last());
    char *svg = pn_test_slurp(pn_test_path("top.svg"), NULL);
    cr_expect(strstr(svg, ">backbone: 2 of 4 nodes, those with the highest degree, and the 1 of "
                          "3 partner pairs between them<") != NULL, "%s", svg);
    cr_expect(strstr(svg, "<title>A &amp; B &lt;Oblast&gt; (Belarus)</title>") != NULL);
    cr_expect(strstr(svg, "<title>Bee (Belarus)</title>") == NULL, "b is left out");
    cr_expect(strstr(svg, "2 nodes, 2 agreements") != NULL, "the a-d agreements");
    free(svg);
    o.max_nodes = 4;
    cr_assert_eq(pn_draw_write(graph, pn_test_path("all.svg"), &o), 0, "%s", pn_error_last());
    svg = pn_test_slurp(pn_test_path("all.svg"), NULL);
    cr_expect(strstr(svg, "backbone") == NULL, "four nodes are not above 4");
    cr_expect(strstr(svg, "<title>Bee (Belarus)</title>") != NULL);
    free(svg);
}

/* Armenia comes first by code, Belarus has more nodes: Belarus gets the first colour, in a
 * graph of countries too, where each country is one vertex standing for its nodes. */
Test(draw, the_country_with_more_nodes_gets_the_first_colour)
{
    pn_graph_t *countries = countries_graph();
    pn_draw_options_t o = options(PN_DRAW_SVG, PN_LAYOUT_FORCE);
    cr_assert_eq(pn_draw_write(countries, pn_test_path("c.svg"), &o), 0, "%s", pn_error_last());
    char *svg = pn_test_slurp(pn_test_path("c.svg"), NULL);
    cr_expect(strstr(svg, "fill=\"#4e79a7\" stroke=\"#ffffff\" stroke-width=\"0.80\"><title>"
                          "Belarus (3 nodes)</title>") != NULL, "%s", svg);
    cr_expect(strstr(svg, "fill=\"#f28e2b\" stroke=\"#ffffff\" stroke-width=\"0.80\"><title>"
                          "Armenia (1 node)</title>") != NULL, "%s", svg);
    cr_expect(strstr(svg, ">Belarus (3)<") != NULL, "the legend counts its nodes");
    char *belarus = strstr(svg, ">Belarus (3)<"), *armenia = strstr(svg, ">Armenia (1)<");
    cr_expect(belarus && armenia && belarus < armenia, "the larger first in the legend");
    free(svg);
    pn_graph_free(countries);
}

Test(draw, a_failed_write_leaves_the_existing_file)
{
    pn_draw_options_t o = options(PN_DRAW_SVG, PN_LAYOUT_AUTO);
    cr_expect_eq(pn_draw_write(graph, "/nonexistent/folder/x.svg", &o), PN_EIO);
    cr_expect(strstr(pn_error_last(), "/nonexistent/folder/x.svg") != NULL, "%s",
              pn_error_last());
    cr_expect_eq(pn_draw_write(graph, "/dev/full", &o), PN_EIO);
    const char *keep = pn_test_file("keep.svg", "precious");
    pn_draw_options_t bad = o;
    bad.size_by = PN_MEASURE_COUNT; /* no such measure: fails before anything is written */
    cr_expect_neq(pn_draw_write(graph, keep, &bad), 0);
    char *text = pn_test_slurp(keep, NULL);
    cr_expect_str_eq(text, "precious");
    free(text);
}
