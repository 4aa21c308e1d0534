/*
 * The line-keeping JSON scanner under the native JSON reader (private to the library): it
 * checks the text is UTF-8, walks the top object and parses each element of its list fields
 * on its own, keeping the line it starts on, so that every message can name the file, the line
 * and the field. Syntax errors go to the loader's problems. It knows nothing of the dataset's
 * schema: the reader names the fields that hold lists and the other fields it knows.
 */
#ifndef PN_SRC_LOAD_JSON_SCAN_H
#define PN_SRC_LOAD_JSON_SCAN_H

#include <cjson/cJSON.h>

#include "load_core.h"

/* The most list fields a top object may have: enough for the format's five. */
#define PN_JSON_SCAN_LISTS 8

typedef struct {
    cJSON *item;   /* the element, parsed alone; owned by the scan */
    uint32_t line; /* the line it starts on */
} pn_json_element_t;

typedef struct {
    pn_json_element_t *items;
    size_t count, capacity;
    int seen; /* the field was in the file (it may hold an empty list) */
} pn_json_list_t;

typedef struct {
    pn_loader_t *l;
    const char *name; /* the file, for messages */
    const char *text, *end;
    const char *line_pos; /* lines are counted incrementally: positions only move forward */
    uint32_t line;
    const char *const *lists;  /* the top object's fields that hold lists of elements */
    pn_json_list_t list[PN_JSON_SCAN_LISTS]; /* their elements, in the order of lists */
    const char *const *fields; /* its other fields, kept in meta */
    cJSON *meta;
    int status; /* PN_ENOMEM or a fatal syntax error (reported) */
    const char **keys; /* the keys of one object, sorted to find one given twice */
    size_t keys_capacity;
} pn_json_scan_t;

/**
 * Read the whole of @p in as JSON text into *out (NUL-terminated, the caller frees it). A
 * record, that is a value in a list of the top object or a field of the top object, longer
 * than the reader's limit is an error naming the line it starts on, found before much more
 * than the limit is held; reading stops at a NUL byte, which pn_json_scan__run() reports.
 * @return 0, PN_EPARSE (reported), PN_EIO or PN_ENOMEM
 */
int pn_json_scan__read(char **out, size_t *len, pn_loader_t *l, pn_reader_t *in);

/**
 * Scan @p len bytes of JSON text, which must stay valid while the scan is used. A field of the
 * top object named in @p lists (NULL-terminated, at most PN_JSON_SCAN_LISTS) must hold a list:
 * its elements go to list[] with their lines; one named in @p fields (NULL-terminated) is kept
 * in meta; any other is a warning. A field given twice is an error, in the top object or in
 * any object of an element (JSON readers disagree on which one counts), and so is an escape of
 * half a UTF-16 surrogate pair. @p not_utf8: what a message about invalid UTF-8 adds (NULL:
 * a guess from the bytes around).
 * @return 0, PN_EPARSE (reported with line and column) or PN_ENOMEM; free with
 *         pn_json_scan__destroy() whatever it returns
 */
int pn_json_scan__run(pn_json_scan_t *scan, pn_loader_t *l, const char *name, const char *text,
                      size_t len, const char *const *lists, const char *const *fields,
                      const char *not_utf8);

/** Free the elements and meta. */
void pn_json_scan__destroy(pn_json_scan_t *scan);

#endif
