/* Whole-or-nothing output files. */
#include "test_common.h"

#include <sys/stat.h>

PN_TEST_SUITE(outfile);

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int files_in(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    cr_assert_eq(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

Test(outfile, commit_moves_the_whole_file_into_place)
{
    const char *path = pn_test_file("out.txt", "old");
    char dir[512];
    snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(path, '/') - path), path);
    int before = files_in(dir);
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, path), 0, "%s", pn_error_last());
    fputs("new text", pn_outfile_stream(f));
    cr_expect_str_eq(slurp(path), "old", "nothing changes before the commit");
    cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
    cr_expect_str_eq(slurp(path), "new text");
    cr_expect_eq(files_in(dir), before, "no temporary file is left");
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_expect(st.st_mode & S_IRGRP, "readable by others, as a new file would be");
}

Test(outfile, abort_leaves_an_existing_file_alone)
{
    const char *path = pn_test_file("keep.txt", "precious");
    char dir[512];
    snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(path, '/') - path), path);
    int before = files_in(dir);
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, path), 0);
    fputs("half", pn_outfile_stream(f));
    pn_outfile_free(f);
    cr_expect_str_eq(slurp(path), "precious");
    cr_expect_eq(files_in(dir), before);
}

Test(outfile, cannot_write_into_a_missing_folder)
{
    pn_outfile_t *f = NULL;
    cr_expect_eq(pn_outfile_open(&f, "/nonexistent/folder/out.graphml"), PN_EIO);
    cr_expect_null(f);
    cr_expect(strstr(pn_error_last(), "/nonexistent/folder/out.graphml: cannot write here") != NULL,
              "%s", pn_error_last());
}

Test(outfile, writes_a_device_in_place_instead_of_replacing_it)
{
    struct stat before, after;
    cr_assert_eq(stat("/dev/null", &before), 0);
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, "/dev/null"), 0, "%s", pn_error_last());
    fputs("nothing", pn_outfile_stream(f));
    cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
    cr_assert_eq(stat("/dev/null", &after), 0);
    cr_expect(S_ISCHR(after.st_mode), "/dev/null is still a device");
    cr_expect_eq(before.st_rdev, after.st_rdev);
}

Test(outfile, a_full_device_is_a_write_error)
{
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, "/dev/full"), 0, "%s", pn_error_last());
    fputs("too much", pn_outfile_stream(f));
    cr_expect_eq(pn_outfile_commit(f), PN_EIO);
    cr_expect(strstr(pn_error_last(), "/dev/full: write failed") != NULL, "%s", pn_error_last());
}
