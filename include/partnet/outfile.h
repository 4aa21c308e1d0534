/*
 * Output files written whole or not at all: the text goes to a temporary file beside the
 * target, which is renamed over it only when everything was written. A failed export never
 * leaves a partial file and never destroys an existing one.
 *
 * Public on purpose: partnet's exports write through it, and so do the libraries and programs
 * that write beside them (libpartnet-draw's pictures, the command's HTML report), so that
 * every file partnet makes keeps the same promise.
 */
#ifndef PARTNET_OUTFILE_H
#define PARTNET_OUTFILE_H

#include <partnet/common.h>
#include <stdio.h>

PN_BEGIN_DECLS

typedef struct pn_outfile pn_outfile_t;

/**
 * Start writing @p path ("-" writes to standard output, which is never renamed; so is an
 * existing device or pipe, such as /dev/stdout, written in place).
 * @param[out] out the handle; finish it with pn_outfile_commit() or pn_outfile_free()
 * @return 0, or PN_EIO when the temporary file cannot be made (message names the folder)
 */
PN_EXTERN int pn_outfile_open(pn_outfile_t **out, const char *path);

/** The stream to write to, owned by the handle. */
PN_EXTERN FILE *pn_outfile_stream(pn_outfile_t *f);

/** The temporary file's path, for libraries that write a file by name (PLplot): flush nothing
 *  to the stream then. The path itself for standard output ("-"). */
PN_EXTERN const char *pn_outfile_temp_path(const pn_outfile_t *f);

/**
 * Flush, sync and move the file into place; frees the handle whatever happens.
 * @return 0, or PN_EIO when anything written failed (full disk, closed stdout): the temporary
 *         file is removed and an existing file at the path is left as it was
 */
PN_EXTERN int pn_outfile_commit(pn_outfile_t *f);

/** Give up: remove the temporary file (an existing file at the path is left as it was) and
 *  free the handle. NULL does nothing. */
PN_EXTERN void pn_outfile_free(pn_outfile_t *f);

PN_END_DECLS

#endif
