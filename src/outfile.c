/*
 * Whole-or-nothing output files: mkstemp beside the target, write, fsync, rename. The temporary
 * files not yet renamed or removed are listed, so that a signal handler can remove them.
 */
#include <partnet/outfile.h>

#include "ending.h"
#include "error.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NAME_MAX
#  define NAME_MAX 255
#endif

/* ".", the name, "." and mkstemp's six characters */
#define TEMP_EXTRA 8

struct pn_outfile {
    FILE *stream;
    char *path;
    char *temp;     /* NULL for standard output and devices */
    int direct;     /* a device or pipe opened by path: closed, never renamed */
    int slot;       /* where temp is listed for pn_outfile_remove_temporaries(), or -1 */
};

/* The temporary files in being. A slot is taken and given back with atomic exchanges, and a
 * name is freed only after its slot was given back, so the signal handler reads whole names;
 * more files open at once than slots are written all the same, only not removed on a signal. */
#define LIVE_MAX 64
static _Atomic(char *) live[LIVE_MAX];
/* Files being created and not yet listed. The thread creating one blocks the ending signals,
 * but another thread (OpenMP's) may take such a signal meanwhile: its handler waits for the
 * listing, which the creating thread finishes undisturbed, so that the new file is removed. */
static atomic_int creating;

void pn_outfile__ending_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGQUIT);
}

static int list_temp(char *temp)
{
    for (int i = 0; i < LIVE_MAX; i++) {
        char *expected = NULL;
        if (atomic_compare_exchange_strong(&live[i], &expected, temp))
            return i;
    }
    return -1;
}

static void unlist_temp(pn_outfile_t *f)
{
    if (f->slot >= 0)
        atomic_store(&live[f->slot], NULL);
    f->slot = -1;
}

void pn_outfile_remove_temporaries(void)
{
    while (atomic_load(&creating) > 0)
        ;
    for (int i = 0; i < LIVE_MAX; i++) {
        char *temp = atomic_exchange(&live[i], NULL);
        if (temp)
            unlink(temp);
    }
}

static void release(pn_outfile_t *f)
{
    free(f->temp);
    free(f->path);
    free(f);
}

/* The temporary name: hidden, in the same folder (so that rename() stays on one file system),
 * the target's name cut so that the whole stays within NAME_MAX. */
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0, base = strlen(path + dir);
    if (base > NAME_MAX - TEMP_EXTRA)
        base = NAME_MAX - TEMP_EXTRA;
    size_t size = dir + base + TEMP_EXTRA + 1;
    char *temp = malloc(size);
    if (temp)
        snprintf(temp, size, "%.*s.%.*s.XXXXXX", (int)dir, path, (int)base, path + dir);
    return temp;
}

int pn_outfile_open(pn_outfile_t **out, const char *path)
{
    assert(out && path);
    pn_outfile_t *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        return pn_error__nomem();
    }
    f->slot = -1;
    if (strcmp(path, "-") == 0) {
        f->stream = stdout;
        *out = f;
        return 0;
    }
    int status = 0;
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        status = pn_error_set(PN_EIO, "%s: is a folder, expected a file name", path);
        goto done;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* a device or a pipe (/dev/stdout, a fifo) is written as it is: renaming over it
         * would replace it */
        if (!(f->stream = fopen(path, "wb"))) {
            status = pn_error_set(PN_EIO, "%s: cannot write: %s", path, strerror(errno));
            goto done;
        }
        f->direct = 1;
        goto done;
    }
    if (!(f->temp = temp_name(path))) {
        status = pn_error__nomem();
        goto done;
    }
    /* the signals that end the command wait until the new file is listed: one that came
     * between its creation and the listing would leave it behind */
    sigset_t ending, before;
    pn_outfile__ending_signals(&ending);
    pthread_sigmask(SIG_BLOCK, &ending, &before);
    atomic_fetch_add(&creating, 1);
    int fd = mkstemp(f->temp);
    int created = errno;
    if (fd >= 0)
        f->slot = list_temp(f->temp);
    atomic_fetch_sub(&creating, 1);
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    if (fd < 0) {
        status = pn_error_set(PN_EIO, "%s: cannot write here: %s", path, strerror(created));
        goto done;
    }
    /* mkstemp makes 0600: a replaced file keeps its mode, a new one gets the mode a new file
     * would get */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask);
    if (!(f->stream = fdopen(fd, "wb"))) {
        close(fd);
        unlink(f->temp);
        unlist_temp(f);
        status = pn_error__nomem();
    }
done:
    if (status != 0)
        release(f);
    else
        *out = f;
    return status;
}

FILE *pn_outfile_stream(pn_outfile_t *f)
{
    return f->stream;
}

int pn_outfile_commit(pn_outfile_t *f)
{
    int status = 0;
    if (!f->temp) {
        int failed = fflush(f->stream) != 0 || ferror(f->stream);
        int e = errno;
        if (f->direct && fclose(f->stream) != 0 && !failed) {
            failed = 1;
            e = errno;
        }
        if (failed && f->direct)
            status = pn_error_set(PN_EIO, "%s: write failed: %s", f->path, strerror(e));
        else if (failed)
            status = pn_error_set(PN_EIO, "writing to standard output failed: %s", strerror(e));
        release(f);
        return status;
    }
    int failed = fflush(f->stream) != 0 || ferror(f->stream) || fsync(fileno(f->stream)) != 0;
    int e = errno;
    if (fclose(f->stream) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    if (!failed && rename(f->temp, f->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        unlink(f->temp);
        status = pn_error_set(PN_EIO, "%s: write failed: %s", f->path, strerror(e));
    }
    /* after the rename: a signal before it still finds the temporary file to remove */
    unlist_temp(f);
    release(f);
    return status;
}

void pn_outfile_free(pn_outfile_t *f)
{
    if (!f)
        return;
    if (f->temp) {
        fclose(f->stream);
        unlink(f->temp);
        unlist_temp(f);
    } else if (f->direct) {
        fclose(f->stream);
    }
    release(f);
}
