/*
 * The format readers the dispatcher (load.c) chooses from (private to the library). Each reads
 * its format into the loader's dataset through the loader core, reporting every problem.
 */
#ifndef PN_SRC_LOAD_READERS_H
#define PN_SRC_LOAD_READERS_H

#include "input.h"
#include "load_core.h"

/** Native JSON (load_json.c). @return 0, PN_EPARSE, PN_EIO or PN_ENOMEM */
int pn_load__json(pn_loader_t *l, pn_reader_t *in);

/** nodes.csv + edges.csv, and the companion tables (PN_TABLES_...) found in @p folder
 *  ("": the current folder; NULL: none, for standard input) (load_tables.c). */
int pn_load__tables(pn_loader_t *l, pn_reader_t *edges, const char *nodes_path,
                    const char *folder);

/** Edge tables of at least this many bytes (32 MiB) are read on two threads when their rows
 *  are plain (load_tables.c); tests and the fuzz harness lower it so that small ones are too,
 *  or raise it so that none is. */
extern uint64_t pn_load__split_min;

/** A pair list (load_pairs.c). */
int pn_load__pairs(pn_loader_t *l, pn_reader_t *in);

#endif
