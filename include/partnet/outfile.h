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
 * existing device or pipe, such as /dev/stdout, written in place). The temporary file is named
 * for the target, hidden (".NAME.XXXXXX"), the name cut to fit NAME_MAX; it has the mode of
 * the file it replaces, or a new file's mode (0666 less the umask).
 * @param[out] out the handle; finish it with pn_outfile_commit() or pn_outfile_free()
 * @return 0, or PN_EIO when the temporary file cannot be made (message names the folder)
 */
PN_EXTERN int pn_outfile_open(pn_outfile_t **out, const char *path);

/** The stream to write to, owned by the handle. */
PN_EXTERN FILE *pn_outfile_stream(pn_outfile_t *f);

/**
 * Flush, sync and move the file into place; frees the handle whatever happens.
 * @return 0, or PN_EIO when anything written failed (full disk, closed stdout): the temporary
 *         file is removed and an existing file at the path is left as it was
 */
PN_EXTERN int pn_outfile_commit(pn_outfile_t *f);

/** Give up: remove the temporary file (an existing file at the path is left as it was) and
 *  free the handle. NULL does nothing. */
PN_EXTERN void pn_outfile_free(pn_outfile_t *f);

/**
 * Remove every temporary file of a handle not yet committed or freed, for a program that ends
 * on a signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT): call it from the handler, then end as the
 * signal would. The files at the target paths are left as they were. Async-signal-safe (it
 * only calls unlink()); the library installs no handler itself. Handles stay to be freed.
 */
PN_EXTERN void pn_outfile_remove_temporaries(void);

PN_END_DECLS

#endif
