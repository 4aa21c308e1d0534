/*
 * Loading a dataset (pn_dataset_load()) from native JSON, from a nodes.csv + edges.csv pair, or
 * from a plain list of pairs named by name and country. Loading checks everything and either
 * returns a complete dataset or none at all: nothing ever runs on half a dataset.
 */
#ifndef PARTNET_LOAD_H
#define PARTNET_LOAD_H

#include <partnet/common.h>
#include <partnet/dataset.h>
#include <partnet/problems.h>
#include <stdint.h>

PN_BEGIN_DECLS

typedef enum {
    PN_INPUT_AUTO = 0, /**< decide from the path and the content (see pn_dataset_load()) */
    PN_INPUT_JSON,     /**< native JSON (graphs/FORMAT.md) */
    PN_INPUT_TABLES,   /**< nodes.csv + edges.csv (+ the optional companions below) */
    PN_INPUT_PAIRS     /**< a plain pair list: name and country of each side per row */
} pn_input_t;

/** Progress of a long load, reported about twice a second. */
typedef struct {
    uint64_t bytes_read;
    uint64_t bytes_total; /**< 0 when unknown (a pipe) */
    uint64_t agreements;
    double seconds;
    int done;             /**< 1 on the last call */
} pn_load_progress_t;

typedef void pn_load_progress_fn(const pn_load_progress_t *progress, void *data);

typedef struct {
    unsigned version;
    pn_input_t input;
    /** nodes.csv when the path names an edges.csv; NULL for "beside it / none". */
    const char *nodes_path;
    /**
     * Pair lists: which column holds what, "a=1,a_country=2,b=3,b_country=4" (1-based
     * numbers or header names); keys a, b (required), a_country, b_country, date, end, kind,
     * id. NULL: recognised from the header.
     */
    const char *columns;
    /** ',' ';' or '\t'; 0: ',' unless the header line has tabs and no commas. */
    char delimiter;
    int no_header;        /**< pair lists: the first row is data */
    int strict;           /**< unresolved or guessed country names are errors, not warnings */
    /** ISO data for country names; NULL for the default. */
    const char *iso_codes_path;
    pn_load_progress_fn *progress;
    void *progress_data;
    /**
     * The longest record read, in bytes: a CSV row, or a JSON value in a list or in a field of
     * the top object. A longer one is an error naming its line, found before more than this
     * much is held: an endless input (/dev/zero, a pipe that never closes a line) is refused
     * at once. 0: PN_LOAD_MAX_RECORD_DEFAULT.
     */
    size_t max_record;
    /** The encoding of the input, read through iconv ("WINDOWS-1251", "UTF-16"); NULL for
     *  UTF-8. */
    const char *encoding;
} pn_load_options_t;

/** The default record limit: 16 MiB. */
#define PN_LOAD_MAX_RECORD_DEFAULT ((size_t)16 << 20)

#define PN_LOAD_OPTIONS_VERSION 2
#define PN_LOAD_OPTIONS_INIT {.version = PN_LOAD_OPTIONS_VERSION, .input = PN_INPUT_AUTO}

/* The companion tables read beside an edge table (in its folder), each optional, that hold
 * what nodes.csv and edges.csv cannot (graphs/FORMAT.md): a missing one means none. */
#define PN_TABLES_COUNTRIES "countries.csv"     /**< code, name, regions, ... */
#define PN_TABLES_MEMBERSHIPS "memberships.csv" /**< country, org, from, to, note */
#define PN_TABLES_DOCUMENTS "documents.csv"     /**< id, title, author, year, url, note */
#define PN_TABLES_REPORTED "reported.csv"       /**< the reported figures */
#define PN_TABLES_SOURCES "sources.csv"         /**< agreement and its sources after the first */
#define PN_TABLES_DATASET "dataset.csv"         /**< field, value: title, description, ... */

/**
 * Load a dataset.
 *
 * @p path may be a native JSON file, a folder holding nodes.csv and edges.csv, an edges CSV
 * (with opts->nodes_path, or a nodes.csv beside it when its header names source and target), a
 * pair-list CSV or TSV, or "-" for standard input. Tables are read with the companion tables
 * (PN_TABLES_...) in the folder of the edge table (or the folder given), when they are there.
 * With PN_INPUT_AUTO a folder is read as
 * tables, a file whose first non-blank byte is '{' as JSON, a CSV with source and target
 * columns as tables, and any other CSV as a pair list.
 *
 * @param[out] out the dataset, set only on success
 * @param problems receives every error, warning and note found (may be NULL)
 * @return 0; PN_EINVALID or PN_EPARSE when the input has errors (all listed in @p problems,
 *         the first one in pn_error_last()); PN_EIO; PN_ENOMEM; PN_EUSAGE for contradictory
 *         options or options of another version.
 */
PN_EXTERN int pn_dataset_load(pn_dataset_t **out, const char *path,
                              const pn_load_options_t *opts, pn_problems_t *problems);

PN_END_DECLS

#endif
