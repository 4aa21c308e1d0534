/* Status codes and messages, and the problems a loader lists: the last error is kept per call,
 * igraph's errors come back as PN_EIGRAPH with its own message instead of aborting the
 * process, and a problem's entity is read back whole whatever its id. */
#include "test_common.h"

#include "error.h"
#include "problems.h"

PN_TEST_SUITE(error);

Test(error, igraph_errors_come_back_with_igraph_message)
{
    /* igraph's default handler aborts: with partnet's, the call returns */
    igraph_vector_int_t edges;
    cr_assert_eq(igraph_vector_int_init(&edges, 3), IGRAPH_SUCCESS);
    igraph_t graph;
    igraph_error_t rc = igraph_create(&graph, &edges, 0, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    cr_assert_eq(rc, IGRAPH_EINVEVECTOR);
    cr_expect_eq(pn_error__igraph(rc), PN_EIGRAPH);
    cr_expect_str_eq(pn_error_last(), "igraph: Invalid (odd) edges vector. (Invalid edge vector)");
}

Test(error, igraph_errors_raised_inside_partnet_come_back_as_statuses)
{
    pn_dataset_t *ds;
    uint32_t by, a, b;
    cr_assert_eq(pn_dataset_new(&ds, "tiny"), 0);
    cr_assert_eq(pn_dataset_add_country(&by, ds, "BY", "Belarus", 7), 0);
    cr_assert_eq(pn_dataset_add_node(&a, ds, "a", "A", by, PN_LEVEL_CITY), 0);
    cr_assert_eq(pn_dataset_add_node(&b, ds, "b", "B", by, PN_LEVEL_CITY), 0);
    cr_assert_eq(pn_dataset_add_agreement(NULL, ds, a, b, 20040000, PN_DATE_NONE, PN_KIND_TWINNING), 0);
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    igraph_vector_int_t membership;
    cr_assert_eq(igraph_vector_int_init(&membership, 0), IGRAPH_SUCCESS);
    /* a method partnet does not have is refused by igraph's error machinery, which frees
     * what the failing function had registered */
    cr_expect_eq(pn_communities_find(&membership, NULL, NULL, g, PN_COMMUNITY_COUNT, 1), PN_EIGRAPH);
    cr_expect_str_eq(pn_error_last(), "igraph: unknown community method (Invalid value)");
    igraph_vector_int_destroy(&membership);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(error, keeps_one_line_and_clears)
{
    pn_error_set(PN_EPARSE, "first line\nsecond line");
    cr_expect_str_eq(pn_error_last(), "first line second line");
    pn_error_clear();
    cr_expect_str_eq(pn_error_last(), "");
}

/* A problem's entity is read back from its message whole, whatever the id holds; a long id is
 * cut at the start of a character. */
Test(error, a_problem_names_an_entity_whatever_its_id)
{
    pn_problems_t *problems;
    char label[PN_PROBLEMS_ENTITY_MAX];
    cr_assert_eq(pn_problems_new(&problems), 0);
    const char *id = "a\": b \\\"c\\";
    cr_assert_eq(pn_problems__add(problems, PN_SEVERITY_ERROR, "f.csv:3: %s: column level: x",
                                  pn_problems__entity(label, "node", id, strlen(id))),
                 0);
    const pn_problem_t *p = pn_problems_get(problems, 0);
    cr_expect_str_eq(p->message, "f.csv:3: node \"a\\\": b \\\\\\\"c\\\\\": column level: x");
    cr_expect_str_eq(p->entity, "node a\": b \\\"c\\");
    cr_expect_str_eq(p->field, "level");
    cr_expect_eq(p->line, 3);

    char longer[PN_PROBLEMS_ID_MAX + 8];
    memset(longer, 'q', PN_PROBLEMS_ID_MAX - 1);
    memcpy(longer + PN_PROBLEMS_ID_MAX - 1, "\xc3\xa9zzz", 6); /* é across the cut */
    pn_problems__entity(label, "agreement", longer, strlen(longer));
    cr_expect_eq(strlen(label), strlen("agreement \"\"") + PN_PROBLEMS_ID_MAX - 1);
    pn_problems_free(problems);
}
