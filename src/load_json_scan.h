/*
 * The line-keeping JSON scanner under the native JSON reader (private to the library): it
 * checks the text is UTF-8, walks the top object and parses each element of its list fields
 * on its own, keeping the line it starts on, so that every message can name the file, the line
 * and the field. Syntax errors go to the loader's problems. It knows nothing of the dataset's
 * schema: the reader names the fields that hold lists, in the order it reads them, and the
 * other fields it knows. Elements are handed to the reader one at a time and freed at once,
 * so that no more than one of them is held as cJSON's tree.
 */
#ifndef PN_SRC_LOAD_JSON_SCAN_H
#define PN_SRC_LOAD_JSON_SCAN_H

#include <cjson/cJSON.h>

#include "load_core.h"

/* The most list fields a top object may have: enough for the format's five. */
#define PN_JSON_SCAN_LISTS 8

typedef struct {
    cJSON *item;   /* the element, parsed alone; owned by the scan, freed after the visit */
    uint32_t line; /* the line it starts on */
} pn_json_element_t;

/** What the reader does with one element of the list numbered @p list (its index in the
 *  lists given to pn_json_scan__run()). @return 0, or a status that stops the scan. */
typedef int (*pn_json_visit_t)(void *ctx, int list, const pn_json_element_t *element);

/* Where a list field's value starts: the text at its "[" and that line. */
typedef struct {
    const char *at;
    uint32_t line;
} pn_json_run_t;

typedef struct {
    pn_json_run_t *runs; /* each time the field is given (more than once is an error) */
    size_t run_count, run_capacity;
    int seen;     /* the field was in the file (it may hold an empty list) */
    int streamed; /* its elements are visited as the scan parses them, not after it */
    /* where its name is first and last given, found by a quick look at the whole top object
     * before the scan (NULL: nowhere) */
    const char *first, *last;
} pn_json_list_t;

typedef struct {
    pn_loader_t *l;
    const char *name; /* the file, for messages */
    const char *text, *end;
    const char *line_pos; /* lines are counted incrementally: positions only move forward */
    uint32_t line;
    const char *const *lists;  /* the top object's fields that hold lists of elements */
    pn_json_list_t list[PN_JSON_SCAN_LISTS]; /* their places, in the order of lists */
    const char *const *fields; /* its other fields, kept in meta */
    cJSON *meta;
    pn_json_visit_t visit;
    void *ctx;
    int status; /* PN_ENOMEM, a fatal syntax error (reported) or the visit's status */
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
 * top object named in @p lists (NULL-terminated, at most PN_JSON_SCAN_LISTS) must hold a list;
 * one named in @p fields (NULL-terminated) is kept in meta; any other is a warning. A field
 * given twice is an error, in the top object or in any object of an element (JSON readers
 * disagree on which one counts), and so is an escape of half a UTF-16 surrogate pair.
 * @p not_utf8: what a message about invalid UTF-8 adds (NULL: a guess from the bytes around).
 *
 * The lists are visited in the order of @p lists, each element once with @p visit, the list
 * number and its line, whole lists at a time. A list whose name comes after every field of
 * @p fields and the last place of every list before it in @p lists is visited as the scan
 * parses it (a file written in that order is read in one pass); the others are visited by
 * pn_json_scan__finish(), parsed again. The visits during the scan come before the scan
 * knows the whole text is sound: a reader that reports the scan's problems alone when it is
 * not holds back its own until the scan returns.
 * @return 0, PN_EPARSE (reported with line and column), PN_ENOMEM or the visit's status;
 *         free with pn_json_scan__destroy() whatever it returns
 */
int pn_json_scan__run(pn_json_scan_t *scan, pn_loader_t *l, const char *name, const char *text,
                      size_t len, const char *const *lists, const char *const *fields,
                      const char *not_utf8, pn_json_visit_t visit, void *ctx);

/**
 * After a scan that returned 0: visit the lists that were not visited during it, in the order
 * of lists. @return 0, PN_ENOMEM or the visit's status
 */
int pn_json_scan__finish(pn_json_scan_t *scan);

/** Free meta and what the scan holds. */
void pn_json_scan__destroy(pn_json_scan_t *scan);

#endif
