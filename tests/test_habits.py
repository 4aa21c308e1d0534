#!/usr/bin/python3
"""The habits of a good command-line tool: -h and `partnet help COMMAND`, "did you mean" for a
mistyped command, option, measure or format, names and codes in any case, data on standard
input not silently ignored, and one prefix, `partnet: `, on every line of standard error.
Run by `meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import csv
import io
import os
import subprocess
import tempfile
import unittest

from harness import CIS, EXAMPLE, FIXTURES, PARTNET, run

COMMANDS = ["report", "info", "check", "rank", "stats", "clusters", "coverage", "growth",
            "compare", "export", "draw", "explore", "show", "search", "agreements", "path"]


class Help(unittest.TestCase):
    def test_h_help_and_help_command_say_the_same(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                long = run(command, "--help")
                self.assertEqual(long.returncode, 0)
                self.assertIn("Usage: partnet %s" % command, long.stdout.decode())
                self.assertEqual(run(command, "-h").stdout, long.stdout)
                self.assertEqual(run("help", command).stdout, long.stdout)
        whole = run("--help")
        self.assertEqual(run("-h").stdout, whole.stdout)
        self.assertEqual(run("help").stdout, whole.stdout)
        self.assertIn("partnet help COMMAND", whole.stdout.decode())

    def test_help_for_an_unknown_command_is_a_usage_error(self):
        r = run("help", "rnak")
        self.assertEqual(r.returncode, 2)
        self.assertIn('unknown command "rnak"; did you mean rank?', r.stderr.decode())


class DidYouMean(unittest.TestCase):
    def usage_error(self, *args):
        r = run(*args)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stdout, b"")
        return r.stderr.decode()

    def test_a_mistyped_command(self):
        for typed, meant in (("rnak", "rank"), ("stat", "stats"), ("cluster", "clusters"),
                             ("agrements", "agreements"), ("RANK", "rank"), ("exprot", "export")):
            with self.subTest(typed=typed):
                err = self.usage_error(typed)
                self.assertIn('unknown command "%s"; did you mean %s?' % (typed, meant), err)
        self.assertNotIn("did you mean", self.usage_error("frobnicate"))

    def test_a_mistyped_option(self):
        err = self.usage_error("rank", "--tpo", "5")
        self.assertIn("unknown option --tpo; did you mean --top?", err)
        err = self.usage_error("rank", "--as-off", "2010")
        self.assertIn("did you mean --as-of?", err)
        err = self.usage_error("info", "--frobnicate")
        self.assertIn("unknown option --frobnicate\n", err)
        err = self.usage_error("rank", "--top")
        self.assertIn("--top needs a value", err)
        err = self.usage_error("rank", "--quiet=yes")
        self.assertIn("--quiet takes no value", err)

    def test_a_mistyped_measure_format_method_or_kind(self):
        for args, message in (
                (["rank", "--by", "betweeness"], "not \"betweeness\"; did you mean betweenness?"),
                (["rank", "--by", "page"], "did you mean pagerank?"),
                (["show", "Minsk", "--measures", "degre"], "did you mean degree?"),
                (["growth", "--with-centrality", "egenvector"], "did you mean eigenvector?"),
                (["export", "--with-metrics", "comunity", "--graphml", "/dev/null"],
                 "did you mean community?"),
                (["--format", "jsno", "info"], "did you mean json?"),
                (["clusters", "--method", "lieden"], "did you mean leiden?"),
                (["info", "--kind", "twining"], "did you mean twinning?"),
                (["info", "--level", "cty"], "did you mean city?")):
            with self.subTest(args=args):
                self.assertIn(message, self.usage_error(*args))
        err = self.usage_error("--format", "xml", "info")
        self.assertEqual(err.splitlines()[0],
                         'partnet: --format: expected table, csv or json, not "xml"')


class AnyCase(unittest.TestCase):
    def test_measures_formats_and_kinds_in_any_case(self):
        lower = run("--format", "csv", "rank", "--by", "pagerank")
        upper = run("--format", "CSV", "rank", "--by", "PageRank")
        self.assertEqual(lower.returncode, 0)
        self.assertEqual(upper.stdout, lower.stdout)
        self.assertEqual(run("--format", "csv", "info", "--kind", "TWINNING").stdout,
                         run("--format", "csv", "info", "--kind", "twinning").stdout)

    def test_country_codes_in_any_case(self):
        upper = run("--format", "csv", "rank", "--country", "BY")
        self.assertEqual(upper.returncode, 0)
        self.assertEqual(run("--format", "csv", "rank", "--country", "by").stdout, upper.stdout)
        self.assertEqual(run("--format", "csv", "rank", "--country", "By").stdout, upper.stdout)
        upper = run("--format", "csv", "agreements", "--between", "BY,AM")
        self.assertEqual(upper.returncode, 0)
        self.assertEqual(run("--format", "csv", "agreements", "--between", "by,am").stdout,
                         upper.stdout)
        self.assertGreater(len(upper.stdout.splitlines()), 1)


class StandardInput(unittest.TestCase):
    def test_piped_data_without_data_is_not_silently_ignored(self):
        with open(os.path.join(FIXTURES, "pairs.tsv"), "rb") as f:
            piped = f.read()
        r = run("stats", stdin=piped)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("partnet: note: without --data, the bundled dataset", r.stderr.decode())
        self.assertIn("--data - reads standard input", r.stderr.decode())
        bundled = run("--format", "csv", "stats", stdin=b"")
        self.assertEqual(run("--format", "csv", "stats", stdin=piped).stdout, bundled.stdout,
                         "the bundled dataset, as said")
        self.assertNotIn("note", run("--quiet", "stats", stdin=piped).stderr.decode())
        r = run("--data", "-", "stats", stdin=piped)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("bundled", r.stderr.decode())
        self.assertNotEqual(r.stdout, run("stats", stdin=piped).stdout)

    def test_no_note_when_nothing_is_piped(self):
        r = subprocess.run([PARTNET, "stats"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        self.assertEqual(r.stderr, b"")
        r = run("--data", CIS, "stats", stdin=b"city1,country1\n")
        self.assertEqual(r.stderr, b"")


class OnePrefix(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_every_line_on_stderr_starts_with_partnet(self):
        world_like = os.path.join(self.tmp.name, "misspelled.csv")
        with open(world_like, "w", encoding="utf-8") as f:
            f.write("city1,country1,city2,country2\nMinsk,Belarus,Kapan,Armeniaa\n"
                    "Minsk,Belarus,Khujand,Tajikistan\nKhujand,Tajikistan,Minsk,Belarus\n")
        runs = [
            ["rank", "--top", "5x"], ["frobnicate"], ["rank", "--frob"], ["show", "Mogilyev"],
            ["--data", os.path.join(FIXTURES, "bad.json"), "info"],
            ["--data", world_like, "info"], ["clusters"], ["growth"], ["search", "zzzzqqq"],
            ["search", "a", "--top", "1"], ["compare", "2010", "2020", "--top", "1"],
            ["export", "--with-metrics", "community", "--graphml", "/dev/null"],
            ["--data", "/nonexistent.json", "info"], ["rank", "--sample", "10", "--by",
                                                        "betweenness"],
        ]
        for args in runs:
            with self.subTest(args=args):
                r = run(*args)
                lines = r.stderr.decode().splitlines()
                self.assertTrue(lines, "something is said")
                for line in lines:
                    self.assertTrue(line.startswith("partnet: "), line)

    def test_warnings_and_errors_say_what_they_are(self):
        r = run("--data", os.path.join(FIXTURES, "bad.json"), "info")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.decode().startswith("partnet: error: "), r.stderr)
        r = run("rank", "--top", "5x")
        self.assertEqual(r.stderr.decode(),
                         'partnet: rank: --top: expected a whole number from 0 to 1000000000, '
                         'not "5x"\n')
        r = run("rank", "--frobnicate")
        self.assertEqual(r.stderr.decode(), "partnet: rank: unknown option --frobnicate\n"
                                            "partnet: try 'partnet rank --help'\n")


if __name__ == "__main__":
    unittest.main()
