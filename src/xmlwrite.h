/*
 * A streaming XML writer (private to the library) for the GraphML and GEXF exports: the bytes of
 * libxml2 2.9's xmlTextWriter with a two-space indent and a UTF-8 declaration (the exports
 * wrote through it before, and their files stay the same), without its per-call list
 * handling, allocations and copies. It buffers 4 MiB at a time and writes them to a stream's
 * file descriptor from a thread of its own (see xmlwrite.c), directly to the disk when it can.
 *
 * Escaping, as libxml2 does it: in text, & < > " and carriage return; in attribute values also
 * tab and line feed (as &#9; &#10;). The characters XML 1.0 cannot carry (control characters
 * other than tab, line feed and carriage return; U+FFFE, U+FFFF) are written as U+FFFD. The
 * text must be UTF-8. Element names are not copied: they must outlive the element.
 */
#ifndef PN_SRC_XMLWRITE_H
#define PN_SRC_XMLWRITE_H

#include <stdio.h>

typedef struct pn_xml pn_xml_t;

/** A writer on @p stream, which it does not close: what the stream holds is flushed, then the
 *  stream must not be used until pn_xml__end_document() or pn_xml__free(). @return 0 or
 *  PN_ENOMEM */
int pn_xml__new(pn_xml_t **out, FILE *stream);
/** Free the writer without writing what is buffered (pn_xml__end_document writes it). */
void pn_xml__free(pn_xml_t *w);

/* Each returns 0, or PN_EIO once a write to the stream failed (then every later call too),
 * with errno as the failed write left it. */

/** <?xml version="1.0" encoding="UTF-8"?> and a line feed. */
int pn_xml__start_document(pn_xml_t *w);
/** Close every open element and write out the buffer. */
int pn_xml__end_document(pn_xml_t *w);
int pn_xml__start_element(pn_xml_t *w, const char *name);
/** Close the element: "/>" when it has no content. */
int pn_xml__end_element(pn_xml_t *w);
/** Start attribute @p name of the element just started; its value follows. */
int pn_xml__start_attribute(pn_xml_t *w, const char *name);
int pn_xml__end_attribute(pn_xml_t *w);
/** An attribute whose value is @p value, escaped. */
int pn_xml__attribute(pn_xml_t *w, const char *name, const char *value);
/** An attribute whose value is @p length bytes at @p value, escaped already (pn_xml__escape). */
int pn_xml__escaped_attribute(pn_xml_t *w, const char *name, const char *value, size_t length);
/** Text in the open attribute or element, escaped. */
int pn_xml__string(pn_xml_t *w, const char *text);
/** An element holding @p text only. */
int pn_xml__text_element(pn_xml_t *w, const char *name, const char *text);

/** Bytes of @p text escaped as an attribute value. */
size_t pn_xml__escaped_length(const char *text);
/** Write @p text escaped as an attribute value at @p out (pn_xml__escaped_length() bytes, no
 *  NUL). @return the end of what was written */
char *pn_xml__escape(char *out, const char *text);

/** As pn_xml__escape(), escaped as text (tab and line feed stay). */
char *pn_xml__escape_text(char *out, const char *text);

/*
 * Whole child elements written by hand, for the millions of edges of an export: the caller
 * lays out the bytes these functions would have written (indentation, tags, escaped values)
 * straight into the buffer.
 */

/** Ready the open element for a child written by hand (its start tag closed, as
 *  pn_xml__start_element() does). @return the child's indentation, in spaces */
size_t pn_xml__raw_child(pn_xml_t *w);
/** Room for @p n bytes at the end of the buffer, to fill and hand back to
 *  pn_xml__raw_commit(); NULL when out of memory (@p n above the buffer's 4 MiB). */
char *pn_xml__raw_reserve(pn_xml_t *w, size_t n);
/** What was written from pn_xml__raw_reserve()'s pointer up to @p end, a whole child element
 *  ending in a line feed, is kept. @return 0 or PN_EIO */
int pn_xml__raw_commit(pn_xml_t *w, const char *end);

#endif
