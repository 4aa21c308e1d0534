/* The XML writer beside libxml2's xmlTextWriter, which the exports used before it: the same
 * random documents give the same bytes. */
#include "test_common.h"

#include "xmlwrite.h"

#include <libxml/xmlwriter.h>

PN_TEST_SUITE(xmlwrite);

static const char *const pieces[] = {"a", "Zb", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r",
                                     "é", "日本", "😀", "&amp;", "]]>", "x_x0041_", "=",
                                     "\xEF\xBD\xB6" /* U+FF76, whose first byte starts U+FFFE too */};

/* A random text of up to 8 pieces, in @p out (room for 8 * 8 bytes + 1). */
static const char *random_text(char *out, unsigned *seed)
{
    out[0] = '\0';
    for (int i = rand_r(seed) % 9; i > 0; i--)
        strcat(out, pieces[rand_r(seed) % (sizeof pieces / sizeof pieces[0])]);
    return out;
}

static char *read_all(FILE *f, size_t *size)
{
    fflush(f);
    long n = ftell(f);
    char *bytes = malloc((size_t)n + 1);
    rewind(f);
    *size = fread(bytes, 1, (size_t)n, f);
    return bytes;
}

static int write_stream(void *context, const char *buffer, int len)
{
    return fwrite(buffer, 1, (size_t)len, context) == (size_t)len ? len : -1;
}

static int keep_stream(void *context)
{
    (void)context;
    return 0;
}

Test(xmlwrite, writes_the_bytes_of_libxml2s_text_writer)
{
    static const char *const names[] = {"graphml", "node", "data", "edge", "attvalue"};
    for (unsigned round = 0; round < 300; round++) {
        unsigned seed = round;
        FILE *ours = tmpfile(), *theirs = tmpfile();
        pn_xml_t *w;
        cr_assert_eq(pn_xml__new(&w, ours), 0);
        xmlTextWriterPtr x = xmlNewTextWriter(
            xmlOutputBufferCreateIO(write_stream, keep_stream, theirs, NULL));
        xmlTextWriterSetIndent(x, 1);
        xmlTextWriterSetIndentString(x, BAD_CAST "  ");
        pn_xml__start_document(w);
        xmlTextWriterStartDocument(x, NULL, "UTF-8", NULL);
        int depth = 0, in_tag = 0, in_attribute = 0;
        char text[80];
        for (int step = 0; step < 60; step++) {
            const char *name = names[rand_r(&seed) % 5];
            int what = rand_r(&seed) % 8;
            if (in_attribute && what > 1) {
                in_attribute = 0;
                pn_xml__end_attribute(w);
                xmlTextWriterEndAttribute(x);
            }
            if (what == 0 || depth == 0) {
                pn_xml__start_element(w, name);
                xmlTextWriterStartElement(x, BAD_CAST name);
                depth++;
                in_tag = 1;
                in_attribute = 0; /* a new element closes the attribute */
            } else if (what == 1 && in_tag) {
                if (!in_attribute) {
                    pn_xml__start_attribute(w, name);
                    xmlTextWriterStartAttribute(x, BAD_CAST name);
                    in_attribute = 1;
                }
                random_text(text, &seed);
                pn_xml__string(w, text);
                xmlTextWriterWriteString(x, BAD_CAST text);
            } else if (what == 2 && in_tag) {
                random_text(text, &seed);
                pn_xml__attribute(w, name, text);
                xmlTextWriterWriteAttribute(x, BAD_CAST name, BAD_CAST text);
            } else if (what == 3) {
                random_text(text, &seed);
                pn_xml__string(w, text);
                xmlTextWriterWriteString(x, BAD_CAST text);
                in_tag = 0;
            } else if (what == 4) {
                random_text(text, &seed);
                pn_xml__text_element(w, name, text);
                xmlTextWriterWriteElement(x, BAD_CAST name, BAD_CAST text);
                in_tag = 0;
            } else if (what >= 5) {
                pn_xml__end_element(w);
                xmlTextWriterEndElement(x);
                depth--;
                in_tag = 0;
            }
        }
        cr_assert_eq(pn_xml__end_document(w), 0);
        xmlTextWriterEndDocument(x);
        xmlFreeTextWriter(x);
        pn_xml__free(w);
        size_t our_size, their_size;
        char *our_bytes = read_all(ours, &our_size), *their_bytes = read_all(theirs, &their_size);
        cr_expect(our_size == their_size && memcmp(our_bytes, their_bytes, our_size) == 0,
                  "round %u:\n%.*s\nlibxml2:\n%.*s", round, (int)our_size, our_bytes,
                  (int)their_size, their_bytes);
        free(our_bytes);
        free(their_bytes);
        fclose(ours);
        fclose(theirs);
    }
}

Test(xmlwrite, reports_a_failed_write)
{
    FILE *full = fopen("/dev/full", "w");
    cr_assert(full);
    pn_xml_t *w;
    cr_assert_eq(pn_xml__new(&w, full), 0);
    pn_xml__start_document(w);
    pn_xml__start_element(w, "graphml");
    for (int i = 0; i < 100000; i++)
        pn_xml__text_element(w, "data", "a value long enough to fill the buffer");
    cr_expect_eq(pn_xml__end_document(w), PN_EIO);
    pn_xml__free(w);
    fclose(full);
}

/* End the document of @p w on @p f and return its bytes as a string. */
static char *finish(pn_xml_t *w, FILE *f)
{
    size_t size;
    cr_assert_eq(pn_xml__end_document(w), 0);
    pn_xml__free(w);
    char *bytes = read_all(f, &size);
    bytes[size] = '\0';
    fclose(f);
    return bytes;
}

static char *document_of(void (*write)(pn_xml_t *w, const char *text), const char *text)
{
    FILE *f = tmpfile();
    pn_xml_t *w;
    cr_assert_eq(pn_xml__new(&w, f), 0);
    pn_xml__start_element(w, "a");
    write(w, text);
    return finish(w, f);
}

static void as_text(pn_xml_t *w, const char *text)
{
    pn_xml__string(w, text);
}

static void as_attribute(pn_xml_t *w, const char *text)
{
    pn_xml__attribute(w, "b", text);
}

Test(xmlwrite, replaces_characters_xml_cannot_carry)
{
    /* U+0001, U+001F, U+FFFE, U+FFFF out; tab, line feed, U+FFFD, U+FF76 kept */
    const char *text = "a\x01" "b\x1F" "c\xEF\xBF\xBE" "d\xEF\xBF\xBF" "e\t\n\xEF\xBF\xBD\xEF\xBD\xB6";
    char *bytes = document_of(as_text, text);
    cr_expect_str_eq(bytes, "<a>a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD"
                            "e\t\n\xEF\xBF\xBD\xEF\xBD\xB6</a>\n");
    free(bytes);
    bytes = document_of(as_attribute, text);
    cr_expect_str_eq(bytes, "<a b=\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD"
                            "e&#9;&#10;\xEF\xBF\xBD\xEF\xBD\xB6\"/>\n");
    free(bytes);
}

Test(xmlwrite, escapes_ahead_of_time_as_an_attribute_is_written)
{
    static const char *const more[] = {"\x01", "\x1F", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xEF"};
    for (unsigned round = 0; round < 500; round++) {
        unsigned seed = round;
        char text[160], escaped[1024];
        random_text(text, &seed);
        if (round % 2)
            strcat(text, more[rand_r(&seed) % 5]);
        strcat(text, pieces[rand_r(&seed) % (sizeof pieces / sizeof pieces[0])]);
        size_t length = pn_xml__escaped_length(text);
        char *end = pn_xml__escape(escaped, text);
        cr_assert_eq((size_t)(end - escaped), length);
        *end = '\0';
        char expected[1100], *bytes = document_of(as_attribute, text);
        snprintf(expected, sizeof expected, "<a b=\"%s\"/>\n", escaped);
        cr_expect_str_eq(bytes, expected, "round %u", round);
        free(bytes);
    }
}

/* A document whose root holds, after @p before (0: nothing, 1: an attribute, 2: an attribute
 * left open, 3: text), the child <data key="k">@p text</data>, written by hand (@p raw) or
 * through the writer's calls. */
static char *child_document(int raw, int before, const char *text)
{
    FILE *f = tmpfile();
    pn_xml_t *w;
    cr_assert_eq(pn_xml__new(&w, f), 0);
    pn_xml__start_element(w, "graph");
    pn_xml__start_element(w, "edge");
    if (before == 1)
        pn_xml__attribute(w, "id", "e&1");
    if (before == 2) {
        pn_xml__start_attribute(w, "id");
        pn_xml__string(w, "e<2");
    }
    if (before == 3)
        pn_xml__string(w, "some \"text\"");
    if (raw) {
        size_t indent = pn_xml__raw_child(w);
        size_t room = indent + strlen(text) * 6 + 32;
        char *p = pn_xml__raw_reserve(w, room);
        cr_assert(p);
        memset(p, ' ', indent);
        p += indent;
        memcpy(p, "<data key=\"k\">", 14);
        p = pn_xml__escape_text(p + 14, text);
        memcpy(p, "</data>\n", 8);
        cr_assert_eq(pn_xml__raw_commit(w, p + 8), 0);
    } else {
        pn_xml__start_element(w, "data");
        pn_xml__attribute(w, "key", "k");
        pn_xml__string(w, text);
        pn_xml__end_element(w);
    }
    pn_xml__text_element(w, "after", "x");
    return finish(w, f);
}

Test(xmlwrite, writes_a_child_laid_out_by_hand_as_its_calls_would)
{
    for (unsigned round = 0; round < 400; round++) {
        unsigned seed = round;
        char text[160];
        random_text(text, &seed);
        strcat(text, pieces[rand_r(&seed) % (sizeof pieces / sizeof pieces[0])]);
        char *by_hand = child_document(1, (int)round % 4, text);
        char *by_calls = child_document(0, (int)round % 4, text);
        cr_expect_str_eq(by_hand, by_calls, "round %u", round);
        free(by_hand);
        free(by_calls);
    }
}

Test(xmlwrite, reserves_more_than_its_buffer_for_a_long_child)
{
    size_t n = 3 * 1024 * 1024;
    char *text = malloc(n + 1);
    memset(text, 'a', n);
    text[n / 2] = '&';
    text[n] = '\0';
    char *by_hand = child_document(1, 3, text), *by_calls = child_document(0, 3, text);
    cr_expect(strcmp(by_hand, by_calls) == 0);
    cr_expect_eq(strlen(by_hand), strlen(by_calls));
    free(by_hand);
    free(by_calls);
    free(text);
}

/* A document of @p count numbered elements (some 30 MB for a million) after @p before, the
 * stream's own bytes: through the writer, and as it must read. */
static void expect_long_document(const char *before, int count)
{
    FILE *f = tmpfile();
    pn_xml_t *w;
    char text[64];
    size_t capacity = 64 + (size_t)count * 40, used = 0;
    char *expected = malloc(capacity);
    used += (size_t)snprintf(expected, capacity, "%s<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                                  "<graphml>\n", before);
    fputs(before, f);
    cr_assert_eq(pn_xml__new(&w, f), 0);
    pn_xml__start_document(w);
    pn_xml__start_element(w, "graphml");
    for (int i = 0; i < count; i++) {
        snprintf(text, sizeof text, "value %d & more", i);
        pn_xml__text_element(w, "data", text);
        used += (size_t)snprintf(expected + used, capacity - used,
                                 "  <data>value %d &amp; more</data>\n", i);
    }
    used += (size_t)snprintf(expected + used, capacity - used, "</graphml>\n");
    char *bytes = finish(w, f);
    cr_expect_eq(strlen(bytes), used);
    cr_expect(strcmp(bytes, expected) == 0, "the long document differs");
    free(bytes);
    free(expected);
}

Test(xmlwrite, writes_a_long_document_from_its_thread)
{
    expect_long_document("", 1000000);              /* whole blocks, direct where it can */
    expect_long_document("<!-- odd -->\n", 1000000); /* a stream not at a block's start */
}
