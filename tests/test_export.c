/* Export to GraphML, GEXF, CSV tables and Pajek, on a small network worked by hand; every XML
 * file written is validated against its schema with libxml2.
 *
 *   BY: a (region, "A & B <Oblast>"), b (city in a, aliases), minsk (city of regional rank,
 *       Cyrillic name with quotes, coordinates), lonely (no agreement)
 *   US: "US:New York" (an id with a space)     AM: a_xb (an id holding "_x")
 *
 *   1 a-minsk 2004 twinning (domains, source with quote, note with line breaks)
 *   2 a-minsk 2004-06 programme, ends 2020
 *   3 US:New York-a undated memorandum
 *   4 a_xb-b 2010-05-17 other, note with a control character
 *   5 b-minsk 1999 cooperation_agreement
 */
#include "test_common.h"

#include <libxml/xmlschemas.h>
#include <limits.h>
#include <math.h>
#include <sys/stat.h>

static const char network[] =
    "{\"countries\": [{\"code\": \"BY\", \"regions\": 7}, {\"code\": \"US\"}, {\"code\": \"AM\"}],\n"
    "\"nodes\": [\n"
    " {\"id\": \"a\", \"name\": \"A & B <Oblast>\", \"country\": \"BY\", \"level\": \"region\"},\n"
    " {\"id\": \"b\", \"name\": \"B, \\\"the\\\" city\", \"country\": \"BY\", \"level\": \"city\",\n"
    "  \"parent\": \"a\", \"aliases\": [\"Bee\", \"Bi\"]},\n"
    " {\"id\": \"minsk\", \"name\": \"\\u041c\\u0456\\u043d\\u0441\\u043a \\\"Q\\\"\", \"country\": \"BY\",\n"
    "  \"level\": \"city\", \"first_level\": true, \"lat\": 53.9, \"lon\": 27.5667},\n"
    " {\"id\": \"lonely\", \"name\": \"Lonely\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"US:New York\", \"name\": \"New York\", \"country\": \"US\", \"level\": \"city\"},\n"
    " {\"id\": \"a_xb\", \"name\": \"Tab\\there\", \"country\": \"AM\", \"level\": \"region\"}],\n"
    "\"agreements\": [\n"
    " {\"id\": \"1\", \"parties\": [\"a\", \"minsk\"], \"date\": \"2004\", \"kind\": \"twinning\",\n"
    "  \"domains\": [\"culture\", \"trade\"], \"note\": \"one\\ntwo\\r\\nthree\",\n"
    "  \"source\": {\"document\": \"doc.txt\", \"line\": 12, \"quote\": \"said \\\"yes\\\" & <signed>\"}},\n"
    " {\"id\": \"2\", \"parties\": [\"a\", \"minsk\"], \"date\": \"2004-06\", \"end\": \"2020\",\n"
    "  \"kind\": \"programme\"},\n"
    " {\"id\": \"3\", \"parties\": [\"US:New York\", \"a\"], \"kind\": \"memorandum\"},\n"
    " {\"id\": \"4\", \"parties\": [\"a_xb\", \"b\"], \"date\": \"2010-05-17\", \"kind\": \"other\",\n"
    "  \"note\": \"bell\\u0007here\"},\n"
    " {\"id\": \"5\", \"parties\": [\"b\", \"minsk\"], \"date\": \"1999\",\n"
    "  \"kind\": \"cooperation_agreement\"}]}\n";

static pn_test_load_t loaded;

static void setup(void)
{
    pn_test_setup();
    loaded = pn_test_load_text("export.json", network, NULL);
    cr_assert_eq(loaded.status, 0, "%s", pn_test_problems(&loaded));
}

static void teardown(void)
{
    pn_test_load_free(&loaded);
    pn_test_teardown();
}

TestSuite(export, .init = setup, .fini = teardown);

static size_t occurrences(const char *text, const char *part)
{
    size_t count = 0;
    for (const char *p = strstr(text, part); p; p = strstr(p + 1, part))
        count++;
    return count;
}

#define EXPECT_HAS(text, part) cr_expect(strstr(text, part) != NULL, "missing: %s", part)
#define EXPECT_LACKS(text, part) cr_expect(strstr(text, part) == NULL, "should not hold: %s", part)

/* Validate @p path against ../shared/schemas/@p schema from the source root. */
static void expect_valid(const char *path, const char *schema)
{
    char relative[1024], xsd[PATH_MAX];
    const char *root = getenv("PARTNET_SOURCE_ROOT");
    snprintf(relative, sizeof relative, "%s/../shared/schemas/%s", root ? root : ".", schema);
    /* one spelling of the path, so that the schemas importing each other are read once */
    cr_assert_not_null(realpath(relative, xsd), "no schema at %s", relative);
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd);
    cr_assert_not_null(parser);
    xmlSchemaPtr parsed = xmlSchemaParse(parser);
    cr_assert_not_null(parsed, "cannot read the schema %s", xsd);
    xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(parsed);
    cr_expect_eq(xmlSchemaValidateFile(valid, path, 0), 0, "%s does not validate against %s",
                 path, schema);
    xmlSchemaFreeValidCtxt(valid);
    xmlSchemaFree(parsed);
    xmlSchemaFreeParserCtxt(parser);
}

static pn_graph_t *graph_of(pn_view_options_t view)
{
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, loaded.ds, &view), 0, "%s", pn_error_last());
    return g;
}

static pn_graph_t *whole_graph(void)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    return graph_of(view);
}

Test(export, graphml_types_every_attribute)
{
    pn_graph_t *g = whole_graph();
    const char *path = pn_test_path("net.graphml");
    cr_assert_eq(pn_export_graphml(g, path, NULL), 0, "%s", pn_error_last());
    expect_valid(path, "graphml/graphml.xsd");
    char *text = pn_test_slurp(path, NULL);
    EXPECT_HAS(text, "<key id=\"v_first_level\" for=\"node\" attr.name=\"first_level\" "
                     "attr.type=\"boolean\"/>");
    EXPECT_HAS(text, "<key id=\"v_lat\" for=\"node\" attr.name=\"lat\" attr.type=\"double\"/>");
    EXPECT_HAS(text, "<key id=\"e_year\" for=\"edge\" attr.name=\"year\" attr.type=\"int\"/>");
    EXPECT_HAS(text, "<key id=\"e_source_line\" for=\"edge\" attr.name=\"source_line\" "
                     "attr.type=\"int\"/>");
    EXPECT_HAS(text, "<key id=\"e_date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>");
    EXPECT_HAS(text, "<data key=\"v_first_level\">true</data>");
    EXPECT_HAS(text, "<data key=\"v_parent\">a</data>");
    EXPECT_HAS(text, "<data key=\"v_aliases\">Bee|Bi</data>");
    EXPECT_HAS(text, "<data key=\"e_date\">2004-06</data>");
    EXPECT_HAS(text, "<data key=\"e_end_date\">2020</data>");
    EXPECT_HAS(text, "<data key=\"e_year\">2010</data>");
    EXPECT_HAS(text, "<data key=\"e_domains\">culture|trade</data>");
    EXPECT_HAS(text, "<data key=\"e_source_line\">12</data>");
    /* Gephi takes an edge attribute named id for the edge's id and drops it */
    EXPECT_HAS(text, "<key id=\"e_agreement_id\" for=\"edge\" attr.name=\"agreement_id\" "
                     "attr.type=\"string\"/>");
    EXPECT_HAS(text, "<data key=\"e_agreement_id\">4</data>");
    EXPECT_LACKS(text, "attr.name=\"id\"");
    cr_expect_eq(occurrences(text, "<node "), 6, "every node, the isolated one too");
    cr_expect_eq(occurrences(text, "<edge "), 5, "every agreement");
    cr_expect_eq(occurrences(text, "<edge source=\"a\" target=\"minsk\">"), 2,
                 "parallel agreements are parallel edges");
    cr_expect_eq(occurrences(text, "<data key=\"e_year\">"), 4, "no year for the undated one");
    free(text);
    pn_graph_free(g);
}

Test(export, graphml_escapes_names_and_keeps_reals_exact)
{
    pn_graph_t *g = whole_graph();
    igraph_integer_t n = pn_graph_vertex_count(g);
    double *values = malloc((size_t)n * sizeof *values);
    for (igraph_integer_t v = 0; v < n; v++)
        values[v] = v == 0 ? 0.1 + 0.2 : v == 1 ? 1e-300 : v == 2 ? NAN : 1.0 / 3;
    pn_export_column_t column = {"share", values, 0};
    pn_export_options_t opts = PN_EXPORT_OPTIONS_INIT;
    opts.columns = &column;
    opts.column_count = 1;
    const char *path = pn_test_path("escaped.graphml");
    cr_assert_eq(pn_export_graphml(g, path, &opts), 0, "%s", pn_error_last());
    expect_valid(path, "graphml/graphml.xsd");
    char *text = pn_test_slurp(path, NULL);
    EXPECT_HAS(text, "<data key=\"v_name\">A &amp; B &lt;Oblast&gt;</data>");
    EXPECT_HAS(text, "<data key=\"v_name\">\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba "
                     "&quot;Q&quot;</data>");
    EXPECT_HAS(text, "<data key=\"e_source_quote\">said &quot;yes&quot; &amp; &lt;signed&gt;</data>");
    EXPECT_HAS(text, "<data key=\"e_note\">one\ntwo&#13;\nthree</data>");
    EXPECT_HAS(text, "<data key=\"e_note\">bell\xef\xbf\xbdhere</data>");
    EXPECT_HAS(text, "<node id=\"US:New_x0020_York\">");
    EXPECT_HAS(text, "<node id=\"a_x005F_xb\">");
    /* the dataset's id beside the escaped one, for every node */
    EXPECT_HAS(text, "<data key=\"v_dataset_id\">US:New York</data>");
    EXPECT_HAS(text, "<data key=\"v_dataset_id\">a_xb</data>");
    cr_expect_eq(occurrences(text, "<data key=\"v_dataset_id\">"), (size_t)n);
    EXPECT_HAS(text, "<data key=\"v_lat\">53.9</data>");
    EXPECT_HAS(text, "<data key=\"v_lon\">27.5667</data>");
    EXPECT_HAS(text, "<key id=\"v_share\" for=\"node\" attr.name=\"share\" attr.type=\"double\"/>");
    EXPECT_HAS(text, "<data key=\"v_share\">0.30000000000000004</data>");
    EXPECT_HAS(text, "<data key=\"v_share\">1e-300</data>");
    EXPECT_HAS(text, "<data key=\"v_share\">0.3333333333333333</data>");
    cr_expect_eq(occurrences(text, "<data key=\"v_share\">"), (size_t)n - 1, "NaN is unknown");
    cr_expect_eq(strtod("0.30000000000000004", NULL), 0.1 + 0.2);
    free(text);
    free(values);
    pn_graph_free(g);
}

Test(export, gexf_dates_each_agreement_and_node)
{
    pn_graph_t *g = whole_graph();
    const char *path = pn_test_path("net.gexf");
    cr_assert_eq(pn_export_gexf(g, path, NULL), 0, "%s", pn_error_last());
    expect_valid(path, "gexf/1.2draft/gexf.xsd");
    char *text = pn_test_slurp(path, NULL);
    EXPECT_HAS(text, "<gexf xmlns=\"http://www.gexf.net/1.2draft\"");
    EXPECT_HAS(text, "version=\"1.2\"");
    EXPECT_HAS(text, "<graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">");
    /* a year starts on 1 January, a month on its first day; an end year ends on 31 December */
    EXPECT_HAS(text, "<edge id=\"0\" source=\"a\" target=\"minsk\" start=\"2004-01-01\">");
    EXPECT_HAS(text, "<edge id=\"1\" source=\"a\" target=\"minsk\" start=\"2004-06-01\" end=\"2020-12-31\">");
    EXPECT_HAS(text, "<edge id=\"3\" source=\"a_xb\" target=\"b\" start=\"2010-05-17\">");
    EXPECT_HAS(text, "<edge id=\"2\" source=\"US:New York\" target=\"a\">");
    /* a node from its earliest agreement; from the beginning with an undated one or none */
    EXPECT_HAS(text, "<node id=\"minsk\" label=\"\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba "
                     "&quot;Q&quot;\" start=\"1999-01-01\">");
    EXPECT_HAS(text, "<node id=\"b\" label=\"B, &quot;the&quot; city\" start=\"1999-01-01\">");
    EXPECT_HAS(text, "<node id=\"a_xb\" label=\"Tab&#9;here\" start=\"2010-05-17\">");
    EXPECT_HAS(text, "<node id=\"a\" label=\"A &amp; B &lt;Oblast&gt;\">");
    EXPECT_HAS(text, "<node id=\"lonely\" label=\"Lonely\">");
    EXPECT_HAS(text, "<attribute id=\"first_level\" title=\"first_level\" type=\"boolean\"/>");
    EXPECT_HAS(text, "<attribute id=\"year\" title=\"year\" type=\"integer\"/>");
    EXPECT_HAS(text, "<attribute id=\"agreement_id\" title=\"agreement_id\" type=\"string\"/>");
    EXPECT_LACKS(text, "<attribute id=\"id\"");
    EXPECT_HAS(text, "<attvalue for=\"note\" value=\"one&#10;two&#13;&#10;three\"/>");
    EXPECT_HAS(text, "<attvalue for=\"end_date\" value=\"2020\"/>");
    cr_expect_eq(occurrences(text, "<edge "), 5);
    free(text);
    pn_graph_free(g);
}

Test(export, gexf_1_3_on_request)
{
    pn_graph_t *g = whole_graph();
    const char *path = pn_test_path("net13.gexf");
    pn_export_options_t opts = PN_EXPORT_OPTIONS_INIT;
    opts.gexf_version = PN_EXPORT_GEXF_1_3;
    cr_assert_eq(pn_export_gexf(g, path, &opts), 0, "%s", pn_error_last());
    expect_valid(path, "gexf/1.3/gexf.xsd");
    char *text = pn_test_slurp(path, NULL);
    EXPECT_HAS(text, "<gexf xmlns=\"http://gexf.net/1.3\"");
    EXPECT_HAS(text, "version=\"1.3\"");
    EXPECT_HAS(text, "<edge id=\"1\" source=\"a\" target=\"minsk\" start=\"2004-06-01\" end=\"2020-12-31\">");
    free(text);
    opts.gexf_version = 14;
    cr_expect_eq(pn_export_gexf(g, pn_test_path("bad.gexf"), &opts), PN_EUSAGE);
    pn_graph_free(g);
}

/* The pairs by hand: a-minsk 2 agreements (2004, 2004-06), "US:New York"-a 1 undated,
 * a_xb-b 1 (2010-05-17), b-minsk 1 (1999). */
Test(export, simple_writes_one_weighted_edge_per_pair)
{
    pn_graph_t *g = whole_graph();
    char graphml[512], gexf[512], edges[512];
    snprintf(graphml, sizeof graphml, "%s", pn_test_path("simple.graphml"));
    snprintf(gexf, sizeof gexf, "%s", pn_test_path("simple.gexf"));
    snprintf(edges, sizeof edges, "%s", pn_test_path("simple-edges.csv"));
    pn_export_options_t opts = PN_EXPORT_OPTIONS_INIT;
    opts.simple = 1;
    cr_assert_eq(pn_export_graphml(g, graphml, &opts), 0, "%s", pn_error_last());
    cr_assert_eq(pn_export_gexf(g, gexf, &opts), 0, "%s", pn_error_last());
    cr_assert_eq(pn_export_edges_csv(g, edges, &opts), 0, "%s", pn_error_last());
    expect_valid(graphml, "graphml/graphml.xsd");
    expect_valid(gexf, "gexf/1.2draft/gexf.xsd");
    char *text = pn_test_slurp(graphml, NULL);
    EXPECT_HAS(text, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>");
    EXPECT_HAS(text, "<key id=\"e_agreements\" for=\"edge\" attr.name=\"agreements\" "
                     "attr.type=\"int\"/>");
    cr_expect_eq(occurrences(text, "<edge "), 4, "one edge per pair");
    cr_expect_eq(occurrences(text, "<edge source=\"a\" target=\"minsk\">"), 1);
    cr_expect_eq(occurrences(text, "<data key=\"e_weight\">2</data>"), 1, "a and minsk");
    cr_expect_eq(occurrences(text, "<data key=\"e_weight\">1</data>"), 3);
    cr_expect_eq(occurrences(text, "<data key=\"e_agreements\">2</data>"), 1);
    EXPECT_HAS(text, "<data key=\"e_first_date\">2004</data>");
    cr_expect_eq(occurrences(text, "<data key=\"e_first_date\">"), 3, "none for the undated pair");
    EXPECT_LACKS(text, "e_agreement_id");
    free(text);
    text = pn_test_slurp(gexf, NULL);
    EXPECT_HAS(text, "<edge id=\"0\" source=\"a\" target=\"minsk\" weight=\"2\" start=\"2004-01-01\">");
    EXPECT_HAS(text, "<edge id=\"2\" source=\"b\" target=\"minsk\" weight=\"1\" start=\"1999-01-01\">");
    EXPECT_LACKS(text, "<attribute id=\"weight\"");
    cr_expect_eq(occurrences(text, "<edge "), 4);
    free(text);
    text = pn_test_slurp(edges, NULL);
    cr_expect_str_eq(text, "source,target,weight,agreements,first_date\n"
                           "a,minsk,2,2,2004\n"
                           "a,US:New York,1,1,\n"
                           "b,minsk,1,1,1999\n"
                           "b,a_xb,1,1,2010-05-17\n");
    free(text);
    pn_graph_free(g);
}

Test(export, country_network_carries_weights_and_domestic_agreements)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    view.by_country = 1;
    pn_graph_t *g = graph_of(view);
    char graphml[512], gexf[512], nodes[512], edges[512];
    snprintf(graphml, sizeof graphml, "%s", pn_test_path("countries.graphml"));
    snprintf(gexf, sizeof gexf, "%s", pn_test_path("countries.gexf"));
    snprintf(nodes, sizeof nodes, "%s", pn_test_path("countries-nodes.csv"));
    snprintf(edges, sizeof edges, "%s", pn_test_path("countries-edges.csv"));
    cr_assert_eq(pn_export_graphml(g, graphml, NULL), 0, "%s", pn_error_last());
    cr_assert_eq(pn_export_gexf(g, gexf, NULL), 0, "%s", pn_error_last());
    cr_assert_eq(pn_export_nodes_csv(g, nodes, NULL), 0, "%s", pn_error_last());
    cr_assert_eq(pn_export_edges_csv(g, edges, NULL), 0, "%s", pn_error_last());
    expect_valid(graphml, "graphml/graphml.xsd");
    expect_valid(gexf, "gexf/1.2draft/gexf.xsd");
    char *text = pn_test_slurp(graphml, NULL);
    EXPECT_HAS(text, "<key id=\"v_domestic\" for=\"node\" attr.name=\"domestic\" attr.type=\"int\"/>");
    EXPECT_HAS(text, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>");
    EXPECT_HAS(text, "<data key=\"v_domestic\">3</data>");
    EXPECT_HAS(text, "<data key=\"v_regions\">7</data>");
    cr_expect_eq(occurrences(text, "<node "), 3);
    cr_expect_eq(occurrences(text, "<edge "), 2);
    free(text);
    text = pn_test_slurp(gexf, NULL);
    EXPECT_HAS(text, "weight=\"1\" start=\"2010-05-17\">");
    EXPECT_HAS(text, "<attvalue for=\"first_date\" value=\"2010-05-17\"/>");
    EXPECT_LACKS(text, "<attribute id=\"weight\"");
    free(text);
    text = pn_test_slurp(nodes, NULL);
    cr_expect_str_eq(text, "id,name,regions,domestic\n"
                           "BY,Belarus,7,3\n"
                           "US,United States,,0\n"
                           "AM,Armenia,,0\n");
    free(text);
    text = pn_test_slurp(edges, NULL);
    cr_expect_str_eq(text, "source,target,weight,agreements,first_date\n"
                           "BY,US,1,1,\n"
                           "BY,AM,1,1,2010-05-17\n");
    free(text);
    pn_graph_free(g);
}

Test(export, tables_read_back_as_the_same_network)
{
    pn_graph_t *g = whole_graph();
    char nodes[512], edges[512];
    snprintf(nodes, sizeof nodes, "%s", pn_test_path("nodes.csv"));
    snprintf(edges, sizeof edges, "%s", pn_test_path("edges.csv"));
    cr_assert_eq(pn_export_nodes_csv(g, nodes, NULL), 0, "%s", pn_error_last());
    cr_assert_eq(pn_export_edges_csv(g, edges, NULL), 0, "%s", pn_error_last());
    char *text = pn_test_slurp(nodes, NULL);
    EXPECT_HAS(text, "id,name,country,level,first_level,parent,lat,lon,aliases,note\n");
    EXPECT_HAS(text, "\nb,\"B, \"\"the\"\" city\",BY,city,false,a,,,Bee|Bi,\n");
    EXPECT_HAS(text, "\nminsk,\"\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba \"\"Q\"\"\",BY,city,true,,53.9,"
                     "27.5667,,\n");
    free(text);
    text = pn_test_slurp(edges, NULL);
    EXPECT_HAS(text, "source,target,id,date,end,kind,kind_stated,domains,note,source_document,"
                     "source_line,source_location,source_quote,source_url\n");
    EXPECT_HAS(text, "\na,minsk,2,2004-06,2020,programme,,,,,,,,\n");
    free(text);

    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.nodes_path = nodes;
    pn_test_load_t back = pn_test_load(edges, &opts);
    cr_assert_eq(back.status, 0, "%s", pn_test_problems(&back));
    cr_expect_eq(pn_dataset_node_count(back.ds), pn_dataset_node_count(loaded.ds));
    cr_assert_eq(pn_dataset_agreement_count(back.ds), pn_dataset_agreement_count(loaded.ds));
    for (size_t i = 0; i < pn_dataset_node_count(loaded.ds); i++) {
        const pn_node_t *n = pn_dataset_node(loaded.ds, i);
        uint32_t j;
        cr_assert_eq(pn_dataset_find_node(&j, back.ds, n->id), 0, "node %s", n->id);
        const pn_node_t *m = pn_dataset_node(back.ds, j);
        cr_expect_str_eq(m->name, n->name);
        cr_expect_eq(m->level, n->level);
        cr_expect_eq(m->first_level, n->first_level);
        cr_expect_eq(m->alias_count, n->alias_count);
        cr_expect(isnan(n->lat) ? isnan(m->lat) : m->lat == n->lat, "lat of %s", n->id);
    }
    for (size_t i = 0; i < pn_dataset_agreement_count(loaded.ds); i++) {
        pn_agreement_t x, y;
        pn_dataset_agreement(&x, loaded.ds, i);
        pn_dataset_agreement(&y, back.ds, i);
        cr_expect_str_eq(y.id, x.id);
        cr_expect_eq(y.date, x.date);
        cr_expect_eq(y.end, x.end);
        cr_expect_eq(y.kind, x.kind);
        cr_expect_eq(y.domain_count, x.domain_count);
        cr_expect_eq(y.source.line, x.source.line);
        if (x.note)
            cr_expect_str_eq(y.note, x.note);
        if (x.source.quote)
            cr_expect_str_eq(y.source.quote, x.source.quote);
    }
    pn_test_load_free(&back);
    pn_graph_free(g);
}

Test(export, pajek_weights_each_pair)
{
    pn_graph_t *g = whole_graph();
    const char *path = pn_test_path("net.net");
    cr_assert_eq(pn_export_pajek(g, path), 0, "%s", pn_error_last());
    char *text = pn_test_slurp(path, NULL);
    /* vertices in dataset order: a b minsk lonely "US:New York" a_xb; edges by pair */
    cr_expect_str_eq(text, "*Vertices 6\n1 \"a\"\n2 \"b\"\n3 \"minsk\"\n4 \"lonely\"\n"
                           "5 \"US:New York\"\n6 \"a_xb\"\n*Edges\n"
                           "1 3 2\n1 5 1\n2 3 1\n2 6 1\n");
    free(text);
    pn_graph_free(g);
}

Test(export, snapshot_keeps_the_agreements_signed_by_then)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    view.as_of = 20041231;
    view.active = 1;
    view.drop_isolated = 1;
    pn_graph_t *g = graph_of(view);
    const char *path = pn_test_path("2004.graphml");
    cr_assert_eq(pn_export_graphml(g, path, NULL), 0, "%s", pn_error_last());
    expect_valid(path, "graphml/graphml.xsd");
    char *text = pn_test_slurp(path, NULL);
    cr_expect_eq(occurrences(text, "<edge "), 3, "1, 2 and 5; not the undated 3 nor 4 of 2010");
    cr_expect_eq(occurrences(text, "<node "), 3, "a, b, minsk");
    free(text);
    pn_graph_free(g);
}

Test(export, empty_and_one_node_networks_are_valid_files)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    view.as_of = 19000000;
    view.drop_isolated = 1;
    pn_graph_t *empty = graph_of(view);
    cr_assert_eq(pn_graph_vertex_count(empty), 0);
    view.drop_isolated = 0;
    view.country = "US";
    pn_graph_t *one = graph_of(view);
    cr_assert_eq(pn_graph_vertex_count(one), 1);
    const pn_graph_t *graphs[] = {empty, one};
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(pn_export_graphml(graphs[i], pn_test_path("small.graphml"), NULL), 0);
        cr_assert_eq(pn_export_gexf(graphs[i], pn_test_path("small.gexf"), NULL), 0);
        cr_assert_eq(pn_export_nodes_csv(graphs[i], pn_test_path("small-nodes.csv"), NULL), 0);
        cr_assert_eq(pn_export_edges_csv(graphs[i], pn_test_path("small-edges.csv"), NULL), 0);
        cr_assert_eq(pn_export_pajek(graphs[i], pn_test_path("small.net")), 0);
        expect_valid(pn_test_path("small.graphml"), "graphml/graphml.xsd");
        expect_valid(pn_test_path("small.gexf"), "gexf/1.2draft/gexf.xsd");
        char *text = pn_test_slurp(pn_test_path("small.gexf"), NULL);
        cr_expect_eq(occurrences(text, "<node "), (size_t)i);
        cr_expect_eq(occurrences(text, "<edge "), 0);
        free(text);
    }
    pn_graph_free(empty);
    pn_graph_free(one);
}

Test(export, rejects_bad_attribute_names_and_writes_nothing)
{
    pn_graph_t *g = whole_graph();
    double values[6] = {0};
    /* Size, x and timeset: Gephi would take them for its own (export.c) */
    const char *const bad[] = {"two words", "1st", "name", "id", "", "label", "Size", "x",
                               "timeset", "dataset_id"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pn_export_column_t column = {bad[i], values, 1};
        pn_export_options_t opts = {PN_EXPORT_OPTIONS_VERSION, 1, &column, 0, 0, 0};
        cr_expect_eq(pn_export_graphml(g, pn_test_path("bad.graphml"), &opts), PN_EUSAGE, "\"%s\"",
                     bad[i]);
        cr_expect(strstr(pn_error_last(), "attribute name") != NULL, "%s", pn_error_last());
    }
    pn_export_column_t twice[2] = {{"degree", values, 1}, {"degree", values, 1}};
    pn_export_options_t opts = {PN_EXPORT_OPTIONS_VERSION, 2, twice, 0, 0, 0};
    cr_expect_eq(pn_export_gexf(g, pn_test_path("bad.gexf"), &opts), PN_EUSAGE);
    struct stat st;
    cr_expect_neq(stat(pn_test_path("bad.graphml"), &st), 0, "no file for a refused export");
    cr_expect_neq(stat(pn_test_path("bad.gexf"), &st), 0);
    pn_graph_free(g);
}

Test(export, a_failed_write_leaves_the_existing_file_and_no_temporary_one)
{
    pn_graph_t *g = whole_graph();
    cr_expect_eq(pn_export_graphml(g, "/nonexistent/folder/x.graphml", NULL), PN_EIO);
    cr_expect(strstr(pn_error_last(), "/nonexistent/folder/x.graphml") != NULL, "%s",
              pn_error_last());
    cr_expect_eq(pn_export_gexf(g, "/dev/full", NULL), PN_EIO);
    cr_expect(strstr(pn_error_last(), "/dev/full") != NULL, "%s", pn_error_last());
    cr_expect_eq(pn_export_nodes_csv(g, "/dev/full", NULL), PN_EIO);
    cr_expect_eq(pn_export_pajek(g, "/dev/full"), PN_EIO);

    char keep[512];
    snprintf(keep, sizeof keep, "%s", pn_test_file("keep.graphml", "precious"));
    double values[6] = {0};
    pn_export_column_t column = {"not valid", values, 1};
    pn_export_options_t opts = {PN_EXPORT_OPTIONS_VERSION, 1, &column, 0, 0, 0};
    cr_expect_eq(pn_export_graphml(g, keep, &opts), PN_EUSAGE);
    char *text = pn_test_slurp(keep, NULL);
    cr_expect_str_eq(text, "precious");
    free(text);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c '^\\.' > '%s/count'", pn_test_dir(),
             pn_test_dir());
    cr_assert_neq(system(cmd), -1);
    text = pn_test_slurp(pn_test_path("count"), NULL);
    cr_expect_str_eq(text, "0\n", "no temporary file is left");
    free(text);
    pn_graph_free(g);
}

Test(export, same_input_gives_the_same_bytes)
{
    pn_graph_t *g = whole_graph();
    cr_assert_eq(pn_export_graphml(g, pn_test_path("one.graphml"), NULL), 0);
    cr_assert_eq(pn_export_graphml(g, pn_test_path("two.graphml"), NULL), 0);
    cr_assert_eq(pn_export_gexf(g, pn_test_path("one.gexf"), NULL), 0);
    cr_assert_eq(pn_export_gexf(g, pn_test_path("two.gexf"), NULL), 0);
    char *one = pn_test_slurp(pn_test_path("one.graphml"), NULL);
    char *two = pn_test_slurp(pn_test_path("two.graphml"), NULL);
    cr_expect_str_eq(one, two);
    free(one);
    free(two);
    one = pn_test_slurp(pn_test_path("one.gexf"), NULL);
    two = pn_test_slurp(pn_test_path("two.gexf"), NULL);
    cr_expect_str_eq(one, two);
    free(one);
    free(two);
    pn_graph_free(g);
}
