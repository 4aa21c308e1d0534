/* The nodes.csv + edges.csv loader: header-driven columns, RFC 4180 quoting, CRLF, a BOM, and
 * every invalid case located by file, line and column. */
#include "test_common.h"

#include "csvrows.h"
#include "load_readers.h"

#include <csv.h>
#include <math.h>
#include <stdint.h>
#include <sys/stat.h>

PN_TEST_SUITE(load_tables);

static int space_only(unsigned char c)
{
    return c == ' ';
}

static const char nodes_csv[] =
    "id,name,country,level,parent,lat,lon,aliases\n"
    "by-gomel-oblast,Gomel Oblast,BY,region,,52.43,30.98,Gomel region|Homiel Voblasts\n"
    "by-mozyr,Mozyr,Belarus,city,by-gomel-oblast,,,\n"
    "kz-pavlodar,Pavlodar Region,KZ,region,,,,\n"
    "ru-tatarstan,\"Tatarstan, Republic of\",RU,region,,,,\n";

/* Write nodes and edges into a fresh folder; return the folder. */
/* A folder of the test's named @p folder, holding nodes.csv and edges.csv. */
static const char *tables(const char *folder, const char *nodes, const char *edges)
{
    static char dir[512];
    char name[256];
    snprintf(name, sizeof name, "%s/nodes.csv", folder);
    pn_test_file(name, nodes);
    snprintf(name, sizeof name, "%s/edges.csv", folder);
    pn_test_file(name, edges);
    snprintf(dir, sizeof dir, "%s", pn_test_path(folder));
    return dir;
}

Test(load_tables, reads_nodes_and_edges_from_a_folder)
{
    const char *dir = tables("ok", nodes_csv,
                             "source,target,date,end,kind,id,domains,source_document,source_line,source_quote\n"
                             "by-gomel-oblast,kz-pavlodar,2016-11,,cooperation_agreement,a1,trade|culture,mono.txt,1735,\"signed a \"\"cooperation\"\" agreement\"\n"
                             "by-mozyr,kz-pavlodar,2017,2020,programme,a2,,,,\n"
                             "by-gomel-oblast,kz-pavlodar,,,,,,,,\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_node_count(r.ds), 4);
    cr_expect_eq(pn_dataset_agreement_count(r.ds), 3, "repeated pairs are all kept");

    uint32_t mozyr, gomel;
    cr_assert_eq(pn_dataset_find_node(&mozyr, r.ds, "by-mozyr"), 0);
    cr_assert_eq(pn_dataset_find_node(&gomel, r.ds, "by-gomel-oblast"), 0);
    const pn_node_t *n = pn_dataset_node(r.ds, mozyr);
    cr_expect_eq(n->parent, gomel);
    cr_expect_str_eq(pn_dataset_country(r.ds, n->country)->code, "BY", "a country name resolves");
    cr_expect_eq(n->line, 3);
    n = pn_dataset_node(r.ds, gomel);
    cr_expect_eq(n->alias_count, 2);
    cr_expect_str_eq(n->aliases[1], "Homiel Voblasts");
    cr_expect_float_eq(n->lat, 52.43, 1e-12);
    uint32_t tatarstan;
    cr_assert_eq(pn_dataset_find_node(&tatarstan, r.ds, "ru-tatarstan"), 0);
    cr_expect_str_eq(pn_dataset_node(r.ds, tatarstan)->name, "Tatarstan, Republic of");

    pn_agreement_t a;
    pn_dataset_agreement(&a, r.ds, 0);
    cr_expect_str_eq(a.id, "a1");
    cr_expect_eq(a.date, 20161100);
    cr_expect_eq(a.kind, PN_KIND_COOPERATION_AGREEMENT);
    cr_expect_eq(a.domain_count, 2);
    cr_expect_str_eq(a.domains[1], "culture");
    cr_expect_str_eq(a.source.document, "mono.txt");
    cr_expect_eq(a.source.line, 1735);
    cr_expect_str_eq(a.source.quote, "signed a \"cooperation\" agreement");
    cr_expect_eq(a.line, 2);
    pn_dataset_agreement(&a, r.ds, 1);
    cr_expect_eq(a.end, 20200000);
    cr_expect_null(a.source.document);
    pn_dataset_agreement(&a, r.ds, 2);
    cr_expect_eq(a.kind, PN_KIND_OTHER, "an empty kind is other");
    cr_expect_eq(a.date, PN_DATE_NONE);
    cr_expect_null(a.id);
    pn_test_load_free(&r);
}

Test(load_tables, reads_an_edges_file_with_its_nodes_file)
{
    const char *dir = tables("named", nodes_csv, "source,target\nby-gomel-oblast,kz-pavlodar\n");
    char edges[600], nodes[600];
    snprintf(edges, sizeof edges, "%s/edges.csv", dir);
    snprintf(nodes, sizeof nodes, "%s/nodes.csv", dir);
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.nodes_path = nodes;
    pn_test_load_t r = pn_test_load(edges, &opts);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_agreement_count(r.ds), 1);
    pn_test_load_free(&r);

    /* without --nodes, the nodes.csv beside it is used */
    r = pn_test_load(edges, NULL);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    pn_test_load_free(&r);
}

Test(load_tables, checks_after_loading_name_the_table_of_the_row)
{
    const char *dir = tables("late", "id,name,country,level,parent\n"
                                     "a,A,BY,region,\n"
                                     "b,B,BY,region,a\n"
                                     "c,C,BY,city,a\n",
                             "source,target,date,end\n"
                             "a,c,2019,2017\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "late/nodes.csv:3: node \"b\": parent \"a\" is a region");
    PN_EXPECT_ERROR(r, "late/edges.csv:2: agreement: ends 2017, before it was signed (2019)");
    pn_test_load_free(&r);

    /* an edges file named with its nodes file: each message names its own file */
    char edges[600], nodes[600];
    snprintf(edges, sizeof edges, "%s/edges.csv", dir);
    snprintf(nodes, sizeof nodes, "%s/nodes.csv", dir);
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.nodes_path = nodes;
    r = pn_test_load(edges, &opts);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "late/nodes.csv:3: node \"b\": parent");
    PN_EXPECT_ERROR(r, "late/edges.csv:2: agreement: ends 2017");
    pn_test_load_free(&r);
}

Test(load_tables, tolerates_crlf_a_bom_and_quoted_line_breaks)
{
    const char *dir = tables("crlf",
                             "\xEF\xBB\xBFid,name,country,level\r\n"
                             "a,\"Two\r\nlines\",BY,region\r\n"
                             "b,B,BY,city\r\n",
                             "source,target,date\r\n"
                             "\r\n"
                             "a,b,2018-13\r\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    /* the blank line counts: the bad row is on line 3 */
    PN_EXPECT_ERROR(r, "edges.csv:3: column date: \"2018-13\": month 13 does not exist");
    pn_test_load_free(&r);

    dir = tables("crlf2", "id,name\r\na,\"Two\r\nlines\"\r\nb,B\r\nb,dup\r\n", "source,target\r\n");
    r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "nodes.csv:5: node \"b\": another node has this id (line 4)");
    pn_test_load_free(&r);
}

Test(load_tables, rejects_dangling_party_references_and_self_agreements)
{
    const char *dir = tables("dangling", nodes_csv,
                             "source,target\n"
                             "by-gomel-oblast,nowhere\n"
                             "by-mozyr,by-mozyr\n"
                             ",kz-pavlodar\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "edges.csv:2: column target: no node has the id \"nowhere\"");
    PN_EXPECT_ERROR(r, "edges.csv:3: an agreement of \"by-mozyr\" with itself");
    PN_EXPECT_ERROR(r, "edges.csv:4: column source is empty; expected a node id");
    pn_test_load_free(&r);
}

Test(load_tables, rejects_unknown_kind_level_and_country_code)
{
    const char *dir = tables("unknown",
                             "id,country,level\n"
                             "a,QQ,region\n"
                             "b,BY,village\n",
                             "source,target,kind\n"
                             "a,b,treaty\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "nodes.csv:2: country \"QQ\" is not an ISO 3166-1 alpha-2 code");
    PN_EXPECT_ERROR(r, "nodes.csv:3: node \"b\": column level: expected country, region, district or city, found \"village\"");
    PN_EXPECT_ERROR(r, "edges.csv:2: column kind:", "\"treaty\"");
    pn_test_load_free(&r);
}

Test(load_tables, rejects_missing_required_columns)
{
    const char *dir = tables("columns", "name,country\nA,BY\n", "source,target\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "nodes.csv:1: the header has no \"id\" column");
    pn_test_load_free(&r);

    dir = tables("columns2", "id\na\nb\n", "from,to\na,b\n");
    r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "edges.csv:1: the header has no \"source\" column");
    pn_test_load_free(&r);
}

Test(load_tables, rejects_rows_of_the_wrong_width)
{
    const char *dir = tables("width", "id,name\na,A\nb\nc,C,extra\nd,D,,\n", "source,target\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "nodes.csv:3: expected 2 fields as in the header, found 1");
    PN_EXPECT_ERROR(r, "nodes.csv:4: expected 2 fields as in the header, found 3");
    cr_expect_eq(pn_problems_total(r.problems, PN_SEVERITY_ERROR), 2,
                 "empty trailing fields are fine: %s", pn_test_problems(&r));
    pn_test_load_free(&r);
}

Test(load_tables, rejects_unterminated_quotes_and_stray_quotes)
{
    const char *dir = tables("quotes", "id,name\na,A\nb,\"B\nc,C\n", "source,target\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "nodes.csv:3: unterminated quoted field");
    pn_test_load_free(&r);

    dir = tables("quotes2", "id,name\na,A\"B\n", "source,target\n");
    r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "nodes.csv:2: malformed CSV");
    pn_test_load_free(&r);
}

Test(load_tables, rejects_invalid_utf8_and_nul_bytes)
{
    const char *dir = tables("utf8", "id,name\na,Caf\xe9\nb,B\n", "source,target\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "nodes.csv:2: column 2: invalid UTF-8 at byte 4 of the field");
    pn_test_load_free(&r);

    char nodes[] = "id,name\na,A\nb,X\n";
    nodes[sizeof nodes - 3] = '\0'; /* "b,\0\n": a NUL inside a field */
    pn_test_file_bytes("nul/nodes.csv", nodes, sizeof nodes - 1);
    pn_test_file("nul/edges.csv", "source,target\n");
    r = pn_test_load(pn_test_path("nul"), NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "nodes.csv:3: column 2: NUL byte");
    pn_test_load_free(&r);
}

Test(load_tables, rejects_an_empty_file)
{
    const char *dir = tables("empty", "", "source,target\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "nodes.csv:1: the file is empty; expected a header line");
    pn_test_load_free(&r);
}

Test(load_tables, a_header_alone_is_a_network_with_no_agreements)
{
    const char *dir = tables("header", "id,name\n", "source,target\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_node_count(r.ds), 0);
    cr_expect_eq(pn_dataset_agreement_count(r.ds), 0);
    PN_EXPECT_WARNING(r, "header/edges.csv: the dataset is empty: no nodes, no agreements");
    pn_test_load_free(&r);

    dir = tables("nodes-only", "id,name\na,A\nb,B\n", "source,target\n");
    r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_node_count(r.ds), 2);
    PN_EXPECT_WARNING(r, "nodes-only/edges.csv: the dataset has no agreements, only 2 nodes");
    pn_test_load_free(&r);
}

Test(load_tables, warns_about_columns_it_does_not_read)
{
    const char *dir = tables("extra", "id,population\na,100\nb,200\n", "source,target\na,b\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_expect_eq(r.status, 0);
    PN_EXPECT_WARNING(r, "nodes.csv:1: column 2 \"population\" is not one partnet reads; ignored");
    pn_test_load_free(&r);
}

Test(load_tables, reads_countries_csv_beside_them)
{
    const char *dir = tables("countries", "id,country,level\na,BY,region\nb,AM,region\n",
                             "source,target\na,b\n");
    pn_test_file("countries/countries.csv",
                 "code,name,regions,regions_year,regions_source\nBY,Belarus,7,2024,constitution\n");
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    uint32_t by;
    cr_assert_eq(pn_dataset_find_country(&by, r.ds, "BY"), 0);
    cr_expect_eq(pn_dataset_country(r.ds, by)->regions, 7);
    cr_expect_eq(pn_dataset_country(r.ds, by)->regions_year, 2024);
    cr_expect_str_eq(pn_dataset_country(r.ds, by)->regions_source, "constitution");
    pn_test_load_free(&r);
}

Test(load_tables, reads_the_companions_beside_an_edges_file)
{
    const char *dir = tables("companions",
                             "id,country,level,note\na,BY,region,east\nb,AM,region,\n",
                             "source,target,id,source_document,source_line\n"
                             "a,b,x,mono,3\nb,a,y,mono,4\n");
    pn_test_file("companions/dataset.csv", "field,value\ntitle,T\nlicense,\"CC, BY\"\n");
    pn_test_file("companions/documents.csv", "id,title,year\nmono,M,2014\nlist,L,\n");
    pn_test_file("companions/memberships.csv",
                 "country,org,from,to\nBY,CIS,1991,\nAM,CIS,1991,\nBY,EAEU,2015,\n");
    /* y's further sources, not in a row: they keep the file's order after edges.csv's one */
    pn_test_file("companions/sources.csv",
                 "agreement,document,line\ny,list,10\nx,list,5\ny,mono,11\n");
    pn_test_file("companions/reported.csv",
                 "id,metric,countries,party,value,qualifier,as_of\n"
                 "r1,agreements,BY|AM,a,21,about,2014\nr2,regions_covered,BY,,,all,\n");
    char edges[600];
    snprintf(edges, sizeof edges, "%s/edges.csv", dir);
    pn_test_load_t r = pn_test_load(edges, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_str_eq(pn_dataset_title(r.ds), "T");
    cr_expect_str_eq(pn_dataset_license(r.ds), "CC, BY");
    cr_expect_null(pn_dataset_description(r.ds));
    cr_assert_eq(pn_dataset_document_count(r.ds), 2);
    cr_expect_eq(pn_dataset_document(r.ds, 0)->year, 2014);
    cr_expect_eq(pn_dataset_document(r.ds, 1)->year, 0);
    uint32_t by;
    cr_assert_eq(pn_dataset_find_country(&by, r.ds, "BY"), 0);
    const pn_country_t *c = pn_dataset_country(r.ds, by);
    cr_assert_eq(c->membership_count, 2);
    cr_expect_str_eq(c->memberships[0].org, "CIS");
    cr_expect_str_eq(c->memberships[1].org, "EAEU");
    cr_expect_eq(c->memberships[1].from, 2015);
    cr_expect_str_eq(pn_dataset_node(r.ds, 0)->note, "east");
    cr_expect_null(pn_dataset_node(r.ds, 1)->note);
    pn_agreement_t a;
    pn_dataset_agreement(&a, r.ds, 1);
    cr_assert_eq(a.source_count, 3);
    cr_expect_eq(a.sources[0].line, 4);
    cr_expect_eq(a.sources[1].line, 10);
    cr_expect_eq(a.sources[2].line, 11);
    pn_dataset_agreement(&a, r.ds, 0);
    cr_expect_eq(a.source_count, 2);
    cr_assert_eq(pn_dataset_reported_count(r.ds), 2);
    const pn_reported_t *f = pn_dataset_reported(r.ds, 0);
    cr_expect_eq(f->country_count, 2);
    cr_expect_eq(f->party, 0);
    cr_expect_eq(f->value, 21);
    cr_expect_str_eq(f->qualifier, "about");
    cr_expect_eq(f->kind, -1);
    f = pn_dataset_reported(r.ds, 1);
    cr_expect_eq(f->has_value, 0);
    cr_expect_eq(f->party, PN_NONE);
    cr_expect_eq(f->as_of, PN_DATE_NONE);
    pn_test_load_free(&r);
}

Test(load_tables, reads_a_million_byte_line)
{
    size_t n = 1u << 20;
    char *nodes = malloc(n + 64);
    strcpy(nodes, "id,name\na,");
    size_t len = strlen(nodes);
    memset(nodes + len, 'x', n);
    strcpy(nodes + len + n, "\nb,B\n");
    const char *dir = tables("long", nodes, "source,target\na,b\n");
    free(nodes);
    pn_test_load_t r = pn_test_load(dir, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(strlen(pn_dataset_node(r.ds, 0)->name), n);
    pn_test_load_free(&r);
}

/* Lines without quotes are split by partnet, the others by libcsv: both read alike, spaces at
 * the ends of a field trimmed, blank lines and lines of spaces skipped, lines counted. */
Test(load_tables, reads_plain_lines_as_libcsv_reads_quoted_ones)
{
    static const char *const nodes[2] = {
        "id,name,country,level\n"
        "  by-a ,  Alpha  Town ,BY,region\r\n"
        "   \n"
        "\n"
        "by-b,Beta;x,BY,city\n"
        "by-c , , BY ,city\n",
        "\"id\",\"name\",\"country\",\"level\"\n"
        "\"by-a\",\"Alpha  Town\",\"BY\",\"region\"\r\n"
        "   \n"
        "\n"
        "\"by-b\",\"Beta;x\",\"BY\",\"city\"\n"
        "\"by-c\",\"\",\"BY\",\"city\"\n"};
    static const char *const edges[2] = {
        "source,target,date,kind\n"
        "by-a, by-b ,2004,twinning\n"
        "  \r\n"
        "by-c,by-z,2005,twinning\r\n",
        "\"source\",\"target\",\"date\",\"kind\"\n"
        "\"by-a\",\"by-b\",\"2004\",\"twinning\"\n"
        "  \r\n"
        "\"by-c\",\"by-z\",\"2005\",\"twinning\"\r\n"};
    for (int quoted = 0; quoted < 2; quoted++) {
        pn_test_load_t r = pn_test_load(tables(quoted ? "quoted" : "plain", nodes[quoted],
                                               edges[quoted]), NULL);
        cr_expect_eq(r.status, PN_EINVALID);
        PN_EXPECT_ERROR(r, "edges.csv:4:", "by-z");
        pn_test_load_free(&r);
        r = pn_test_load(tables(quoted ? "quoted-ok" : "plain-ok", nodes[quoted],
                                "source,target\nby-a, by-b \n"), NULL);
        cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
        cr_expect_eq(pn_dataset_node_count(r.ds), 3);
        cr_expect_str_eq(pn_dataset_node(r.ds, 0)->id, "by-a");
        cr_expect_str_eq(pn_dataset_node(r.ds, 0)->name, "Alpha  Town");
        cr_expect_str_eq(pn_dataset_node(r.ds, 1)->name, "Beta;x");
        cr_expect_str_eq(pn_dataset_node(r.ds, 2)->id, "by-c");
        cr_expect_eq(pn_dataset_agreement_count(r.ds), 1);
        pn_test_load_free(&r);
    }
}

/* ---- plain lines split without libcsv, as libcsv splits them --------------------------- */

typedef struct {
    char field[64][64];
    size_t len[64];
    size_t count, rows;
} csv_seen_t;

static void seen_field(void *data, size_t len, void *ctx)
{
    csv_seen_t *seen = ctx;
    cr_assert_lt(seen->count, 64);
    cr_assert_lt(len, 64);
    memcpy(seen->field[seen->count], data ? data : "", len);
    seen->len[seen->count++] = len;
}

static void seen_row(int terminator, void *ctx)
{
    (void)terminator;
    ((csv_seen_t *)ctx)->rows++;
}

/* @p line (and a line feed) read by libcsv as pn_csv__read() sets it up */
static csv_seen_t libcsv_split(const char *line, size_t len, char delimiter)
{
    struct csv_parser parser;
    csv_seen_t seen = {0};
    cr_assert_eq(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
    csv_set_delim(&parser, (unsigned char)delimiter);
    csv_set_space_func(&parser, space_only);
    cr_assert_eq(csv_parse(&parser, line, len, seen_field, seen_row, &seen), len);
    cr_assert_eq(csv_parse(&parser, "\n", 1, seen_field, seen_row, &seen), 1);
    cr_assert_eq(csv_fini(&parser, seen_field, seen_row, &seen), 0);
    csv_free(&parser);
    return seen;
}

Test(load_tables, splits_plain_lines_as_libcsv_does)
{
    const char *field[8];
    size_t len[8];
    int clean;
    static const char line[] = "  a , b ,c  \r";
    cr_assert_eq(pn_csv__split_plain(line, strlen(line), ',', field, len, 8, &clean), 3);
    cr_expect(len[0] == 1 && field[0][0] == 'a' && len[1] == 1 && field[1][0] == 'b' &&
              len[2] == 1 && field[2][0] == 'c' && clean);
    cr_expect_eq(pn_csv__split_plain("   ", 3, ',', field, len, 8, &clean), 0);
    cr_expect_eq(pn_csv__split_plain("", 0, ',', field, len, 8, &clean), 0);
    cr_expect_eq(pn_csv__split_plain("a,\"b\"", 5, ',', field, len, 8, &clean), -1);
    cr_expect_eq(pn_csv__split_plain("a\rb,c", 5, ',', field, len, 8, &clean), -1);
    cr_expect_eq(pn_csv__split_plain("a b,c", 5, ' ', field, len, 8, &clean), -1);
    cr_expect_eq(pn_csv__split_plain("a,b,c,,,", 8, ',', field, len, 2, &clean), 6);
    cr_expect(len[0] == 1 && len[1] == 1);
    cr_expect_eq(pn_csv__split_plain("a,\xc3\xa9", 4, ',', field, len, 8, &clean), 2);
    cr_expect_not(clean);
    cr_expect_eq(pn_csv__split_plain("a,b\0c,d", 7, ',', field, len, 8, &clean), 3);
    cr_expect(!clean && len[1] == 3);

    /* lines of bytes that matter (delimiters, spaces, quotes, CR, NUL, bytes past ASCII),
     * fields across the eight-byte words the splitter reads: where it takes a line, libcsv
     * reads the same fields; it gives up exactly on a quote or an inner CR */
    static const char alphabet[] = {'a', 'b', '7', ' ', ' ', ',', ';', '\t', '"', '\r', '\0',
                                    '\xc3', '\xa9', '-', '#', '!'};
    uint64_t state = 12345;
    for (int n = 0; n < 20000; n++) {
        char text[48];
        size_t length = (size_t)(n % 41);
        int quote = 0, cr = 0, nul = 0, high = 0;
        for (size_t i = 0; i < length; i++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            unsigned pick = (unsigned)(state >> 33) % 64;
            /* mostly letters, so that some words hold nothing of note */
            text[i] = pick < sizeof alphabet ? alphabet[pick] : (char)('c' + pick % 20);
            quote |= text[i] == '"';
            cr |= text[i] == '\r' && i + 1 < length;
            nul |= text[i] == '\0';
            high |= (unsigned char)text[i] >= 0x80;
        }
        char delimiter = ",;\t"[n % 3];
        const char *at[64];
        size_t at_len[64];
        long count = pn_csv__split_plain(text, length, delimiter, at, at_len, 64, &clean);
        if (quote || cr) {
            cr_expect_eq(count, -1, "line %d", n);
            continue;
        }
        cr_assert_geq(count, 0, "line %d", n);
        cr_expect_eq(clean, !nul && !high, "line %d", n);
        csv_seen_t seen = libcsv_split(text, length, delimiter);
        cr_expect_eq(seen.rows, count > 0, "line %d", n);
        if (count == 0)
            continue;
        cr_assert_eq(seen.count, (size_t)count, "line %d", n);
        for (long i = 0; i < count; i++)
            cr_expect(seen.len[i] == at_len[i] && memcmp(seen.field[i], at[i], at_len[i]) == 0,
                      "line %d field %ld", n, i);
    }
}

/* ---- a big edge table read on two threads (the threshold lowered to one byte) ---------- */

/* The same outcome, the same problems in the same order, the same agreements. */
static void expect_same_load(const pn_test_load_t *one, const pn_test_load_t *two)
{
    cr_assert_eq(two->status, one->status, "%s", pn_test_problems(two));
    cr_assert_eq(pn_problems_count(two->problems), pn_problems_count(one->problems), "%s",
                 pn_test_problems(two));
    for (size_t i = 0; i < pn_problems_count(one->problems); i++) {
        cr_expect_eq(pn_problems_get(two->problems, i)->severity,
                     pn_problems_get(one->problems, i)->severity);
        cr_expect_str_eq(pn_problems_get(two->problems, i)->message,
                         pn_problems_get(one->problems, i)->message);
    }
    if (one->status == 0) {
        cr_assert_eq(pn_dataset_agreement_count(two->ds), pn_dataset_agreement_count(one->ds));
        for (size_t i = 0; i < pn_dataset_agreement_count(one->ds); i++) {
            pn_agreement_t x, y;
            pn_dataset_agreement(&x, one->ds, i);
            pn_dataset_agreement(&y, two->ds, i);
            cr_expect(x.a == y.a && x.b == y.b && x.date == y.date && x.end == y.end &&
                      x.kind == y.kind && x.kind_stated == y.kind_stated && x.line == y.line,
                      "agreement %zu differs", i);
        }
    }
}

/* Load @p edges (beside nodes_csv) with every line read by libcsv, then on one thread (plain
 * lines split by pn_csv__split_plain()), then cut in two: the same loads.
 * @return the two-thread load */
static pn_test_load_t same_when_cut(const char *folder, const char *edges)
{
    const char *dir = tables(folder, nodes_csv, edges);
    uint64_t threshold = pn_load__split_min;
    pn_load__split_min = UINT64_MAX;
    pn_csv__plain = 0;
    pn_test_load_t libcsv = pn_test_load(dir, NULL);
    pn_csv__plain = 1;
    pn_test_load_t one = pn_test_load(dir, NULL);
    pn_load__split_min = 1;
    pn_test_load_t two = pn_test_load(dir, NULL);
    pn_load__split_min = threshold;
    expect_same_load(&libcsv, &one);
    expect_same_load(&one, &two);
    pn_test_load_free(&libcsv);
    pn_test_load_free(&one);
    return two;
}

/* An edge table of @p rows rows (line i + 2 holds row i), each from @p row(i). */
static char *edge_table(const char *header, size_t rows, const char *(*row)(size_t i))
{
    size_t cap = strlen(header) + 1;
    for (size_t i = 0; i < rows; i++)
        cap += strlen(row(i));
    char *text = malloc(cap);
    cr_assert_not_null(text);
    strcpy(text, header);
    for (size_t i = 0; i < rows; i++)
        strcat(text, row(i));
    return text;
}

static const char *plain_row(size_t i)
{
    static const char *const rows[] = {
        "by-gomel-oblast,kz-pavlodar,2016-11,,cooperation_agreement,true\n",
        "by-mozyr,ru-tatarstan,2017,2020,programme,false\n",
        " kz-pavlodar , by-mozyr ,,,,\r\n",
        "ru-tatarstan,by-gomel-oblast,1999-01-02,,twinning,,\n"};
    return rows[i % 4];
}

Test(load_tables, a_big_edge_table_is_read_in_two_halves_in_file_order)
{
    char *edges = edge_table("\xEF\xBB\xBFsource,target,date,end,kind,kind_stated\r\n", 400,
                             plain_row);
    pn_test_load_t r = same_when_cut("cut-plain", edges);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_assert_eq(pn_dataset_agreement_count(r.ds), 400);
    uint32_t mozyr, tatarstan;
    cr_assert_eq(pn_dataset_find_node(&mozyr, r.ds, "by-mozyr"), 0);
    cr_assert_eq(pn_dataset_find_node(&tatarstan, r.ds, "ru-tatarstan"), 0);
    for (size_t i = 0; i < 400; i++) {
        pn_agreement_t a;
        pn_dataset_agreement(&a, r.ds, i);
        cr_expect_eq(a.line, i + 2);
        cr_expect_eq(a.kind_stated, i % 4 != 1);
        if (i % 4 == 1)
            cr_expect(a.a == mozyr && a.b == tatarstan && a.date == 20170000 &&
                      a.end == 20200000 && a.kind == PN_KIND_PROGRAMME);
    }
    pn_test_load_free(&r);
    free(edges);
}

static const char *blank_and_quoted_row(size_t i)
{
    return i == 150 ? "\n" : i == 300 ? "\"by-mozyr\",kz-pavlodar,,,,\n" : plain_row(i);
}

static const char *two_errors_row(size_t i)
{
    return i == 100 ? "by-mozyr,kz-pavlodar,2017-13,,,\n"
           : i == 350 ? "by-mozyr,nowhere,,,,\n" : plain_row(i);
}

static const char *late_error_row(size_t i)
{
    return i == 390 ? "by-mozyr,kz-pavlodar,,,x,\n" : i == 391 ? "by-mozyr,by-mozyr,,,,\n"
                                                            : plain_row(i);
}

static const char *late_bad_bytes_row(size_t i)
{
    return i == 380 ? "by-mozyr,kz-pavlodar,,,\xC3,\n" : i == 381 ? "by-mozyr\n" : plain_row(i);
}

Test(load_tables, a_table_cut_in_two_reports_as_read_on_one_thread)
{
    const char *header = "source,target,date,end,kind,kind_stated\n";
    struct {
        const char *(*row)(size_t i);
        const char *expected;
    } cases[] = {{blank_and_quoted_row, NULL},
                 {two_errors_row, "edges.csv:102: column date"},
                 {late_error_row, "edges.csv:392: column kind"},
                 {late_bad_bytes_row, "edges.csv:382: column 5: invalid UTF-8"}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char *edges = edge_table(header, 400, cases[c].row);
        char folder[32];
        snprintf(folder, sizeof folder, "cut-%zu", c);
        pn_test_load_t r = same_when_cut(folder, edges);
        if (cases[c].expected) {
            cr_expect_neq(r.status, 0);
            cr_expect(strstr(pn_problems_get(r.problems, 0)->message, cases[c].expected),
                      "case %zu: %s", c, pn_test_problems(&r));
        } else {
            cr_expect_eq(r.status, 0, "case %zu: %s", c, pn_test_problems(&r));
            cr_expect_eq(pn_dataset_agreement_count(r.ds), 399);
        }
        pn_test_load_free(&r);
        free(edges);
    }
}
