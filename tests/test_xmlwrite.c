/* The XML writer beside libxml2's xmlTextWriter, which the exports used before it: the same
 * random documents give the same bytes. */
#include "test_common.h"

#include "xmlwrite.h"

#include <libxml/xmlwriter.h>

PN_TEST_SUITE(xmlwrite);

static const char *const pieces[] = {"a", "Zb", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r",
                                     "é", "日本", "😀", "&amp;", "]]>", "x_x0041_", "="};

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
