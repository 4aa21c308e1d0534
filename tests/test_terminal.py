#!/usr/bin/python3
"""What a person reads in a terminal: names that would act on the terminal shown escaped in
every table and message (data outputs exact), tables cut to the terminal's width, numbers
formatted per measure. Run by `meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import csv
import fcntl
import io
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import tempfile
import termios
import unicodedata
import unittest

import shared_material

from harness import FIXTURES, PARTNET, run

WORLD = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")

TERMINAL = os.path.join(FIXTURES, "terminal.json")  # ids and names with escapes, breaks, bidi

# What a terminal would act on instead of showing: C0 controls (line feed aside, which ends a
# line of output), DEL, C1 controls, U+2028, U+2029, bidi embeddings, overrides and isolates.
ACTING = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# Every command that prints a table, on the hostile fixture.
TABLE_COMMANDS = [
    ["info"], ["rank", "--all"], ["stats"], ["clusters"], ["clusters", "--by-node"],
    ["coverage"], ["coverage", "--matrix"], ["growth", "--coverage", "--with-centrality",
                                             "degree"],
    ["compare", "2005", "2015"], ["report"], ["show", "by-newline"], ["search", "Clear"],
    ["agreements"], ["path", "by-c1", "am-bidi", "--all"], ["check", TERMINAL],
]


def acting(text):
    return ACTING.findall(text)


class Escapes(unittest.TestCase):
    def test_no_table_lets_a_name_act_on_the_terminal(self):
        for args in TABLE_COMMANDS:
            with self.subTest(args=args):
                r = run("--data", TERMINAL, *args)
                self.assertEqual(r.returncode, 0, r.stderr)
                out, err = r.stdout.decode(), r.stderr.decode()
                self.assertEqual(acting(out), [], out)
                self.assertEqual(acting(err), [], err)

    def test_names_are_shown_escaped(self):
        out = run("--data", TERMINAL, "rank", "--all").stdout.decode()
        for shown in (r"by-\x1b[2Jclear", r"Clear\x1b[2J\x1b[Hscreen",
                      r"Two\nlines\r\nand a tab\there", r"C1\u0085next line\u009b31m and DEL\x7f",
                      r"evil\u202egnp.exe and \u2066isolate\u2069",
                      r"line\u2028separator\u2029paragraph", "Plain Երևան"):
            self.assertIn(shown, out)

    def test_a_line_break_in_a_name_does_not_split_a_row(self):
        lines = run("--data", TERMINAL, "rank").stdout.decode().splitlines()
        self.assertEqual(len(lines), 1 + 6, "a head and one line per node")
        row = next(line for line in lines if "by-newline" in line)
        self.assertRegex(row, r"^\s*\d+\s+by-newline\s+Two\\nlines\\r\\nand a tab\\there\s+BY\s")
        quote = run("--data", TERMINAL, "agreements").stdout.decode().splitlines()
        self.assertEqual(len(quote), 1 + 5)
        self.assertIn(r"a quote\nover two lines", quote[1])

    def test_titles_and_sources_are_escaped(self):
        out = run("--data", TERMINAL, "report").stdout.decode()
        self.assertIn(r"Names that would act on a terminal: \x1b]0;pwned\x07 escapes", out)
        out = run("--data", TERMINAL, "show", "by-\x1b[2Jclear").stdout.decode()
        self.assertIn(r"doc\x1b[31m.txt", out)

    def test_data_outputs_keep_names_exact(self):
        with open(TERMINAL, encoding="utf-8") as f:
            names = {n["id"]: n["name"] for n in json.load(f)["nodes"]}
        r = run("--data", TERMINAL, "--format", "csv", "rank")
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode(), newline="")))
        self.assertEqual({row["id"]: row["name"] for row in rows}, names)
        r = run("--data", TERMINAL, "--format", "json", "rank")
        self.assertEqual({row["node"]["id"] if isinstance(row.get("node"), dict) else row["id"]:
                          row["node"]["name"] if isinstance(row.get("node"), dict) else row["name"]
                          for row in json.loads(r.stdout)}, names)

    def test_messages_escape_what_the_user_typed(self):
        r = run("--data", TERMINAL, "show", "\x1b[2Jnobody\nhere")
        self.assertEqual(r.returncode, 2)
        err = r.stderr.decode()
        self.assertEqual(acting(err), [], err)
        self.assertIn(r"\x1b[2Jnobody", err)
        for args in (["rank", "--by", "deg\x1bree"], ["frob\x07nicate"],
                     ["--data", "/nonexistent/\x1b]0;x\x07.json", "info"],
                     ["--data", TERMINAL, "export", "--graphml", "/nonexistent/\x1b[2J.graphml"],
                     ["--data", TERMINAL, "draw", "-o", "/nonexistent/\u202eevil.svg"],
                     ["--data", TERMINAL, "search", "\x1b[2Jzzzz"]):
            with self.subTest(args=args):
                r = run(*args)
                err = r.stderr.decode()
                self.assertNotEqual(err, "")
                self.assertEqual(acting(err), [], err)

    def test_load_errors_and_warnings_are_escaped(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "bad.json")
            with open(bad, "w", encoding="utf-8") as f:
                json.dump({"format": "partnet/1", "nodes": [
                    {"id": "a\x1b[2J", "name": "A", "country": "BY", "level": "city"}],
                    "agreements": [{"id": "x\u202e1", "parties": ["a\x1b[2J", "b\nc"],
                                    "kind": "twinning"}]}, f)
            pairs = os.path.join(tmp, "pairs.csv")
            with open(pairs, "w", encoding="utf-8") as f:
                f.write("city1,country1,city2,country2\nMinsk,Belarus,Erewhon,Nar\x1b[31mnia\n")
            for args, stream in ((["--data", bad, "info"], "stderr"),
                                 (["check", bad], "stdout"),
                                 (["--data", pairs, "stats"], "stderr"),
                                 (["check", pairs], "stdout")):
                with self.subTest(args=args):
                    r = run(*args)
                    text = getattr(r, stream).decode()
                    self.assertEqual(acting(text), [], text)
                    self.assertTrue(r"\u202e" in text or r"\x1b[31m" in text, text)
            r = run("--format", "json", "check", bad)
            messages = " ".join(p["message"] for p in json.loads(r.stdout))
            self.assertIn("x\u202e1", messages, "JSON keeps the id exact")

    def test_a_backslash_is_doubled_so_a_typed_escape_is_told_apart(self):
        """A name holding the four characters \\x1b and one holding ESC look different in a
        table, in check's list and on stderr; CSV and JSON keep the backslash single."""
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "slash.json")
            with open(data, "w", encoding="utf-8") as f:
                json.dump({"format": "partnet/1", "nodes": [
                    {"id": "typed", "name": "A\\x1b[2J", "country": "BY", "level": "city"},
                    {"id": "real", "name": "A\x1b[2J", "country": "BY", "level": "city"},
                    {"id": "c:\\dir", "name": "C", "country": "AM", "level": "city"}],
                    "agreements": [{"id": "a1", "parties": ["typed", "real"],
                                    "kind": "twinning"},
                                   {"id": "a2", "parties": ["real", "nobody\\x07"],
                                    "kind": "twinning"}]}, f)
            r = run("check", data)
            out = r.stdout.decode()
            self.assertIn(r'"nobody\\x07"', out, "check's list")
            r = run("--data", data, "info")
            self.assertEqual(r.returncode, 2)
            self.assertIn(r'"nobody\\x07"', r.stderr.decode(), "stderr")
            clean = data.replace("slash", "fine")
            with open(data, encoding="utf-8") as f:
                fine = json.load(f)
            fine["agreements"].pop()
            with open(clean, "w", encoding="utf-8") as f:
                json.dump(fine, f)
            table = run("--data", clean, "rank", "--all").stdout.decode()
            self.assertIn(r"A\\x1b[2J", table, "the typed backslash, doubled")
            self.assertIn(r"A\x1b[2J", table.replace(r"A\\x1b[2J", ""), "ESC, escaped")
            self.assertIn(r"c:\\dir", table)
            rows = csv_rows("--data", clean, "rank", "--all")
            self.assertEqual({row["id"]: row["name"] for row in rows}["typed"], "A\\x1b[2J",
                             "CSV keeps the name exact")
            r = run("--data", clean, "search", "nothing\\here")
            self.assertIn(r"nothing\\here", r.stderr.decode() + r.stdout.decode())


# The decimals the README promises for each figure in text tables (None: a whole number).
DECIMALS = {"degree": None, "agreements": None, "coreness": None, "betweenness": 1,
            "closeness": 4, "harmonic": 4, "eigenvector": 4, "pagerank": 6, "density": 6,
            "transitivity": 4, "average_clustering": 4, "degree_assortativity": 4,
            "country_assortativity": 4, "gini_degree": 4, "modularity": 4, "mean_degree": 3,
            "mean_distance_lcc": 3, "cross_border_share": 3, "largest_share": 3, "share": 3}


def shown(value, decimals):
    return str(int(value)) if decimals is None else "%.*f" % (decimals, value)


def csv_rows(*args):
    r = run(*args, "--format", "csv")
    assert r.returncode == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout.decode())))


def text_rows(*args):
    """A text table as dicts: cells are split at two spaces or more."""
    lines = [line for line in run(*args).stdout.decode().splitlines() if line.strip()]
    head = re.split(r"\s{2,}", lines[0].strip())
    return [dict(zip(head, re.split(r"\s{2,}", line.strip()))) for line in lines[1:]]


def display_width(line):
    """Columns a terminal gives @p line: East Asian wide and fullwidth characters two,
    combining marks none (Python's Unicode database, not partnet's)."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def widest(text):
    return max(display_width(line) for line in text.splitlines())


def on_terminal(args, columns, env_columns=None):
    """partnet's stdout on a pseudo-terminal @p columns wide; what it wrote."""
    parent, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = dict(os.environ)
    env.pop("PARTNET_DATASET", None)
    env.pop("COLUMNS", None)
    if env_columns:
        env["COLUMNS"] = str(env_columns)
    p = subprocess.Popen([PARTNET, *args], stdout=child, stderr=subprocess.DEVNULL, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(parent)
    p.wait(timeout=300)
    return b"".join(chunks).decode().replace("\r\n", "\n")


class Width(unittest.TestCase):
    WIDE = [["report"], ["growth", "--active", "--coverage", "--rollup"], ["coverage"],
            ["rank", "--all"], ["clusters"], ["compare", "2010", "2020"], ["info"],
            ["show", "Minsk"], ["agreements"], ["path", "tj-dushanbe", "ru-leningrad-oblast"]]

    def test_every_table_fits_80_characters(self):
        for args in self.WIDE:
            with self.subTest(args=args):
                r = run("--table-width", "80", *args)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertLessEqual(widest(r.stdout.decode()), 80)

    def test_the_world_list_fits_too(self):
        for args in (["clusters"], ["report", "--sample", "50"], ["info"]):
            with self.subTest(args=args):
                r = run("--data", WORLD, "--quiet", "--table-width", "80", *args)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertLessEqual(widest(r.stdout.decode()), 80)

    def test_check_wraps_its_messages_whole(self):
        """check's list fits the width with no message cut: a message goes on in lines under
        itself (a long id broken between characters), and the words of each problem are
        those of check --format json."""
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "long.json")
            with open(data, "w", encoding="utf-8") as f:
                json.dump({"format": "partnet/1", "nodes": [
                    {"id": "a", "name": "A", "country": "BY", "level": "town"}],
                    "agreements": [{"id": "x", "parties": ["a", "Ω" * 40 + "-" + "z" * 60],
                                    "kind": "twinning"}]}, f)
            bad = os.path.join(tmp, "bad.json")
            shutil.copy(os.path.join(FIXTURES, "bad.json"), bad)
            for path in (data, bad):  # paths that fit in a line
                problems = json.loads(run("--format", "json", "check", path).stdout)
                self.assertTrue(any(len(p["message"]) > 60 for p in problems))
                for width in (40, 60):
                    with self.subTest(path=os.path.basename(path), width=width):
                        out = run("--table-width", str(width), "check", path).stdout.decode()
                        self.assertLessEqual(widest(out), width)
                        self.assertNotIn("…", out)
                        body, summary = out.rsplit("\n" + path + ": ", 1)
                        self.assertIn("error", summary)
                        blocks = re.split(r"\n(?=(?:error|warning|note): )", body)
                        self.assertEqual(len(blocks), len(problems))
                        for block, p in zip(blocks, problems):
                            self.assertEqual("".join(block.split()),
                                             "".join((p["severity"] + ": " +
                                                      p["message"]).split()))
        wide = run("--table-width", "0", "check", os.path.join(FIXTURES, "bad.json"))
        self.assertEqual(len(wide.stdout.decode().splitlines()), len(problems) + 1)

    def test_a_pipe_gets_every_character(self):
        out = run("--data", WORLD, "--quiet", "clusters").stdout.decode()
        self.assertGreater(widest(out), 1000, "the members column, whole")
        self.assertNotIn("…", out)

    def test_cut_text_is_a_prefix_with_an_ellipsis(self):
        full = {row["rank"]: row for row in csv.DictReader(io.StringIO(
            run("--format", "csv", "rank", "--top", "20").stdout.decode()))}
        lines = run("--table-width", "50", "rank", "--top", "20").stdout.decode().splitlines()
        cut = 0
        for line in lines[1:]:
            if not line[:4].strip().isdigit():
                break  # the note
            cells = re.split(r"\s{2,}", line.strip())
            row = full[cells[0]]
            if cells[1].endswith("…"):
                cut += 1
                self.assertTrue(row["id"].startswith(cells[1][:-1]), (row["id"], cells[1]))
            else:
                self.assertEqual(row["id"], cells[1])
        self.assertGreater(cut, 0)
        self.assertRegex("\n".join(lines), r"\(\d more columns? with --table-width 0 or")

    def test_numbers_are_never_cut(self):
        out = run("--table-width", "50", "rank", "--by", "betweenness").stdout.decode()
        values = [line.split()[-1] for line in out.splitlines()[1:] if line[:4].strip().isdigit()]
        self.assertIn("592.5", values)

    def test_wide_characters_count_two_columns(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "wide.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"format": "partnet/1", "nodes": [
                    {"id": "cn-1", "name": "北京市朝阳区建国门外大街一号国际贸易中心", "country": "CN",
                     "level": "city"},
                    {"id": "kr-1", "name": "서울특별시 중구 세종대로 이십일길 삼십구", "country": "KR",
                     "level": "city"},
                    {"id": "fr-1", "name": "Saint-Rémy-de-Provence é́ accents", "country": "FR",
                     "level": "city"}],
                    "agreements": [{"id": "a", "parties": ["cn-1", "kr-1"], "kind": "twinning"},
                                   {"id": "b", "parties": ["kr-1", "fr-1"], "kind": "twinning"}]},
                    f)
            for width in (30, 33, 40, 41):
                with self.subTest(width=width):
                    out = run("--data", path, "--table-width", str(width), "rank").stdout.decode()
                    self.assertLessEqual(widest(out), width, out)
            out = run("--data", path, "--table-width", "40", "rank").stdout.decode()
            self.assertIn("  北京市朝阳区建国门外…  ", out, "nine wide characters and …: 19")
            self.assertIn("  Saint-Rémy-de-Proven…  ", out)

    def test_a_terminal_sets_the_width(self):
        out = on_terminal(["rank", "--all"], 60)
        self.assertLessEqual(widest(out), 60, out)
        self.assertIn("more columns", out)
        out = on_terminal(["rank", "--all"], 60, env_columns=100)
        self.assertLessEqual(widest(out), 100, out)
        self.assertGreater(widest(out), 60, "$COLUMNS wins over the terminal's size")
        out = on_terminal(["--table-width", "0", "rank", "--all"], 60)
        self.assertGreater(widest(out), 100, "--table-width 0 never cuts")


class Numbers(unittest.TestCase):
    def test_rank_shows_each_measure_with_its_decimals(self):
        exact = {r["id"]: r for r in csv_rows("rank", "--all")}
        for row in text_rows("--table-width", "0", "rank", "--all"):
            for measure, decimals in DECIMALS.items():
                if measure in row:
                    self.assertEqual(row[measure], shown(float(exact[row["id"]][measure]),
                                                         decimals), (row["id"], measure))

    def test_no_exponent_in_any_table(self):
        for args in (["rank", "--by", "betweenness", "--top", "5"], ["stats"],
                     ["rank", "--by", "pagerank", "--top", "5"]):
            with self.subTest(args=args):
                out = run("--data", WORLD, "--quiet", *args).stdout.decode()
                self.assertNotRegex(out, r"\de[+-]\d")
        top = text_rows("--data", WORLD, "--quiet", "rank", "--by", "betweenness", "--top", "1")
        self.assertRegex(top[0]["value"], r"^\d{6,}\.\d$", "millions, one decimal")

    def test_stats_growth_and_compare_agree(self):
        stats = {r["metric"]: r["value"] for r in text_rows("stats", "--as-of", "2010")}
        exact = {r["metric"]: float(r["value"]) for r in csv_rows("stats", "--as-of", "2010")}
        for metric, decimals in DECIMALS.items():
            if metric in stats and exact.get(metric) == exact.get(metric):  # not NaN/empty
                self.assertEqual(stats[metric], shown(exact[metric], decimals), metric)
        growth = {r["year"]: r for r in text_rows("growth", "--to", "2010")}["2010"]
        compare = {r["metric"]: r for r in text_rows("compare", "2010", "2020")}
        for figure in ("density", "transitivity", "mean_degree", "cross_border_share",
                       "largest_share"):
            self.assertEqual(compare[figure]["2010"], growth[figure], figure)
        self.assertEqual(growth["density"].count(".") and len(growth["density"].split(".")[1]), 6)

    def test_a_value_reads_the_same_in_rank_show_and_report(self):
        rank = {r["id"]: r for r in text_rows("--table-width", "0", "rank", "--all")}
        out = run("show", "by-minsk").stdout.decode()
        measures = out[out.index("\nMeasures\n"):].splitlines()[2:]
        show = {line.split()[0]: line.split()[1] for line in measures if line.strip()}
        for measure in ("betweenness", "closeness", "pagerank", "eigenvector"):
            self.assertEqual(show[measure], rank["by-minsk"][measure], measure)
        report = run("report").stdout.decode()
        self.assertRegex(report, r"  Minsk +%s  " % re.escape(rank["by-minsk"]["betweenness"]))
        self.assertRegex(report, r"  Minsk +%s\n" % re.escape(rank["by-minsk"]["pagerank"]))

    def test_modularity_reads_the_same_in_clusters_and_report(self):
        clusters = {r["key"]: r["value"] for r in text_rows("clusters", "--top", "1")
                    if "key" in r}
        self.assertRegex(clusters["modularity"], r"^0\.\d{4}$")
        self.assertIn("modularity %s" % clusters["modularity"], run("report").stdout.decode())

    def test_csv_and_json_keep_every_digit(self):
        rows = csv_rows("rank", "--by", "pagerank")
        listed = json.loads(run("rank", "--by", "pagerank", "--format", "json").stdout)
        self.assertEqual(sum(float(r["value"]) for r in rows), sum(r["value"] for r in listed))
        self.assertTrue(any(len(r["value"]) > 10 for r in rows), "shortest exact form")
        self.assertAlmostEqual(sum(float(r["value"]) for r in rows), 1.0, places=12)


if __name__ == "__main__":
    unittest.main()
