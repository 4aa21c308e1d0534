/*
 * The HTML report: one page with everything inline, so it can be mailed or archived as a
 * single file. Pictures are embedded as base64 data URIs (two inline SVGs from Cairo would
 * share glyph ids); tables sort by clicking their heads, with a few lines of script.
 */
#include "report.h"
#include "xalloc.h"

#include "explorer.h"

#include <errno.h>
#include <partnet/chart.h>
#include <partnet/draw.h>
#include <partnet/outfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char style[] =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:1100px;"
    "color:#222;line-height:1.4}"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em}"
    "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}"
    "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0;cursor:pointer;user-select:none}th:after{content:' \\2195';"
    "color:#999}td.number{text-align:right;font-variant-numeric:tabular-nums}"
    "figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}"
    "figcaption{font-size:.85em;color:#555}footer{margin-top:3em;font-size:.8em;color:#666}"
    "p.explore a{display:inline-block;padding:.4em .9em;border-radius:4px;background:#2b6cb0;"
    "color:#fff;text-decoration:none;font-weight:600}";

/* Sort a table by the clicked column: numbers by data-v, text by locale; again to reverse. */
static const char script[] =
    "document.querySelectorAll('table.sortable th').forEach(function(th,i){"
    "th.addEventListener('click',function(){"
    "var body=th.closest('table').tBodies[0],rows=Array.from(body.rows),"
    "num=th.classList.contains('number'),dir=th.dataset.dir==='asc'?-1:1;"
    "rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];"
    "if(num){var p=parseFloat(x.dataset.v),q=parseFloat(y.dataset.v);"
    "p=isNaN(p)?-Infinity:p;q=isNaN(q)?-Infinity:q;return dir*(p-q);}"
    "return dir*x.textContent.localeCompare(y.textContent);});"
    "th.dataset.dir=dir===1?'asc':'desc';rows.forEach(function(r){body.appendChild(r);});"
    "});});";

/* The file at @p path in base64, read and written a block at a time (a multiple of three
 * bytes, so that only the last block is padded). @return 0 or -1 (unreadable) */
static int base64_file(FILE *out, const char *path)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char block[3 * 16384];
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t len;
    while ((len = fread(block, 1, sizeof block, f)) > 0) {
        for (size_t i = 0; i < len; i += 3) {
            unsigned v = (unsigned)block[i] << 16;
            if (i + 1 < len)
                v |= (unsigned)block[i + 1] << 8;
            if (i + 2 < len)
                v |= block[i + 2];
            fputc(digits[v >> 18 & 63], out);
            fputc(digits[v >> 12 & 63], out);
            fputc(i + 1 < len ? digits[v >> 6 & 63] : '=', out);
            fputc(i + 2 < len ? digits[v & 63] : '=', out);
        }
        if (len < sizeof block)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    return failed ? -1 : 0;
}

/* An SVG file inline as an <img>, with a caption. @return 0 or -1 (file unreadable) */
static int figure(FILE *out, const char *path, const char *id, const char *alt,
                  const char *caption)
{
    fprintf(out, "<figure id=\"%s\"><img alt=\"", id);
    html_escape(out, alt);
    fputs("\" src=\"data:image/svg+xml;base64,", out);
    if (base64_file(out, path) != 0)
        return -1;
    fputs("\"><figcaption>", out);
    html_escape(out, caption);
    fputs("</figcaption></figure>\n", out);
    return 0;
}

/* The report's folder, made if missing (its parent must exist); *made says whether it was.
 * @return 0, or -1 with the reason in a message: like a file that cannot be written, exit
 * code 1 */
static int make_folder(const char *dir, int *made)
{
    struct stat st;
    *made = 0;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        cli_error("report", "%s: is a file, expected a folder for the report's files", dir);
        return -1;
    }
    if (mkdir(dir, 0777) == 0) {
        *made = 1;
        return 0;
    }
    cli_error("report", "%s: cannot make this folder: %s", dir, strerror(errno));
    return -1;
}

int report_html(const char *dir, const pn_dataset_t *ds, const pn_graph_t *graph,
                const pn_growth_t *growth, table_t *const *tables, size_t count,
                const explorer_options_t *explore)
{
    int made;
    if (make_folder(dir, &made) != 0)
        return EXIT_FAILED;
    size_t n = strlen(dir) + 32;
    char *chart = xmalloc(n), *page = xmalloc(n), *drawing = xmalloc(n), *explorer = xmalloc(n);
    pn_outfile_t *file = NULL;
    int rc = EXIT_FAILED;
    snprintf(chart, n, "%s/growth.svg", dir);
    snprintf(drawing, n, "%s/network.svg", dir);
    snprintf(page, n, "%s/index.html", dir);
    snprintf(explorer, n, "%s/explorer.html", dir);
    pn_view_options_t whole = PN_VIEW_OPTIONS_INIT;
    int with_explorer = explorer_available();
    if (with_explorer && (rc = explorer_write(explorer, ds, &whole, explore)) != EXIT_OK)
        goto done;
    rc = EXIT_FAILED;
    pn_draw_options_t draw = PN_DRAW_OPTIONS_INIT;
    draw.title = pn_dataset_title(ds);
    if ((growth->year_count && pn_chart_write(growth, chart, NULL) != 0) ||
        pn_draw_write(graph, drawing, &draw) != 0) {
        cli_error("report", "%s", pn_error_last());
        goto done;
    }
    if (pn_outfile_open(&file, page) != 0) {
        cli_error("report", "%s", pn_error_last());
        goto done;
    }
    FILE *out = pn_outfile_stream(file);
    const char *title = pn_dataset_title(ds) ? pn_dataset_title(ds) : pn_dataset_name(ds);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    html_escape(out, title);
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    html_escape(out, title);
    fputs("</h1>\n<p>A report of <code>", out);
    html_escape(out, pn_dataset_name(ds));
    fputs("</code> by partnet.</p>\n", out);
    for (size_t i = 0; i < count; i++) {
        if (table_print_html(out, tables[i]) != 0)
            break;
        if (i == 0 && figure(out, drawing, "network-drawing", "the partnership network",
                             "The network: a disc per region or city, its area growing with "
                             "its number of partners, coloured by country; lines join partners, "
                             "wider for more agreements.") != 0) {
            cli_error("report", "%s: cannot read it back: %s", drawing, strerror(errno));
            goto done;
        }
        if (i == 0 && with_explorer)
            fputs("<p class=\"explore\"><a href=\"explorer.html\">Explore the network</a> "
                  "in your browser: search a region, see its agreements with their sources "
                  "and its rank by each measure, filter by country, level and kind, play the "
                  "years (one file beside this page, needing nothing else).</p>\n", out);
        if (strcmp(table_name(tables[i]), "growth") == 0 && growth->year_count &&
            figure(out, chart, "growth-chart", "growth chart",
                   "Agreements, partner pairs, nodes and the largest component by year; the "
                   "largest component's share, transitivity and the cross-border share.") != 0) {
            cli_error("report", "%s: cannot read it back: %s", chart, strerror(errno));
            goto done;
        }
    }
    const char *version;
    pn_version_get(&version, NULL, NULL, NULL);
    fprintf(out, "<footer>partnet %s. Every agreement cites its source: see the dataset's "
                 "<code>source</code> fields.</footer>\n<script>%s</script>\n</body>\n</html>\n",
            version, script);
    if (pn_outfile_commit(file) != 0) {
        file = NULL;
        cli_error("report", "%s", pn_error_last());
        goto done;
    }
    file = NULL;
    rc = EXIT_OK;
done:
    pn_outfile_free(file);
    if (rc != EXIT_OK && made) {
        /* a folder made for a report that failed: nothing of it is left */
        const char *written[] = {explorer, chart, drawing, page};
        for (size_t i = 0; i < sizeof written / sizeof written[0]; i++)
            unlink(written[i]);
        rmdir(dir);
    }
    free(chart);
    free(page);
    free(drawing);
    free(explorer);
    return rc;
}
