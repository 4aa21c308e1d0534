/*
 * The signals that end a command (private to the library): the ones pn_outfile_remove_partial
 * is documented for, blocked while a new file is being listed and in the threads that write.
 */
#ifndef PN_SRC_ENDING_H
#define PN_SRC_ENDING_H

#include <signal.h>

/** Fill @p set with SIGINT, SIGTERM, SIGHUP and SIGQUIT. */
void pn_outfile__ending_signals(sigset_t *set);

#endif
