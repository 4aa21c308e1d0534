#!/usr/bin/python3
"""The partnet command as a black box: output, exit codes and error text on graphs/ and the
fixtures. Run by `meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import csv
import io
import json
import os
import subprocess
import sys
import unittest

BUILD = os.environ.get("PARTNET_BUILD_ROOT", "build")
SOURCE = os.environ.get("PARTNET_SOURCE_ROOT", ".")
PARTNET = os.path.join(BUILD, "tools", "partnet")
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")
EXAMPLE = os.path.join(SOURCE, "graphs", "example.json")
WORLD = os.path.join(SOURCE, "..", "shared", "data", "world-twin-cities", "twin_cities_raw.csv")


def run(*args, stdin=None, stdout=subprocess.PIPE):
    env = dict(os.environ)
    env.pop("PARTNET_DATASET", None)
    return subprocess.run([PARTNET, *args], input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          env=env, timeout=300)


def long_table(text):
    """The multi-table CSV (table,key,column,value) as {table: {key: {column: value}}}."""
    rows = list(csv.DictReader(io.StringIO(text.decode())))
    out = {}
    for r in rows:
        out.setdefault(r["table"], {}).setdefault(r["key"], {})[r["column"]] = r["value"]
    return out


class Basics(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^partnet \d+\.\d+\.\d+\n$")

    def test_help_teaches_the_commands(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        for word in ("Usage: partnet", "Commands:", "info", "check", "--data", "Exit codes"):
            self.assertIn(word, out)
        r = run("info", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("Usage: partnet info", r.stdout.decode())
        self.assertIn("--format", r.stdout.decode())

    def test_no_command_is_a_usage_error(self):
        r = run()
        self.assertEqual(r.returncode, 2)
        self.assertIn("Usage: partnet", r.stderr.decode())
        self.assertEqual(r.stdout, b"")

    def test_unknown_command_and_option_are_usage_errors(self):
        r = run("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn('unknown command "frobnicate"', r.stderr.decode())
        r = run("info", "--frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn("frobnicate", r.stderr.decode())
        r = run("--format", "xml", "info")
        self.assertEqual(r.returncode, 2)
        self.assertIn('--format: expected table, csv or json, not "xml"', r.stderr.decode())


class Info(unittest.TestCase):
    def test_counts_the_example(self):
        r = run("--data", EXAMPLE, "--format", "csv", "info")
        self.assertEqual(r.returncode, 0, r.stderr)
        t = long_table(r.stdout)
        with open(EXAMPLE, encoding="utf-8") as f:
            data = json.load(f)
        summary = t["summary"]
        self.assertEqual(summary["nodes"]["value"], str(len(data["nodes"])))
        self.assertEqual(summary["agreements"]["value"], str(len(data["agreements"])))
        self.assertEqual(summary["first date"]["value"], min(a["date"] for a in data["agreements"] if a["date"]))
        undated = sum(1 for a in data["agreements"] if not a["date"])
        self.assertEqual(summary["undated agreements"]["value"], str(undated))
        for level in ("country", "region", "district", "city"):
            expected = sum(1 for n in data["nodes"] if n["level"] == level)
            self.assertEqual(t["levels"][level]["nodes"], str(expected), level)
        kinds = {}
        for a in data["agreements"]:
            kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
        for kind, count in kinds.items():
            self.assertEqual(t["kinds"][kind]["agreements"], str(count))
        # agreements a country's nodes are party to; a domestic one counts once
        country = {n["id"]: n["country"] for n in data["nodes"]}
        for code in ("BY", "AM", "KZ", "RU"):
            expected = sum(1 for a in data["agreements"]
                           if code in (country[a["parties"][0]], country[a["parties"][1]]))
            self.assertEqual(t["countries"][code]["agreements"], str(expected), code)
        self.assertEqual(t["countries"]["BY"]["regions"], "7")

    def test_json_output_parses(self):
        r = run("--data", EXAMPLE, "info", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        self.assertEqual({"summary", "levels", "kinds", "decades", "precision", "countries"},
                         set(out))
        by = [c for c in out["countries"] if c["code"] == "BY"][0]
        self.assertIsInstance(by["nodes"], int)
        self.assertEqual(by["regions"], 7)

    def test_uses_the_bundled_dataset_by_default(self):
        r = run("info", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        dataset = long_table(r.stdout)["summary"]["dataset"]["value"]
        self.assertTrue(dataset.endswith(("graphs/cis.json", "graphs/example.json")), dataset)

    def test_reads_standard_input(self):
        with open(EXAMPLE, "rb") as f:
            r = run("--data", "-", "info", "--format", "csv", stdin=f.read())
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(long_table(r.stdout)["summary"]["dataset"]["value"], "<stdin>")

    def test_reads_tables_and_pair_lists(self):
        r = run("--data", os.path.join(FIXTURES, "tables"), "info", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        t = long_table(r.stdout)
        self.assertEqual(t["summary"]["agreements"]["value"], "4")
        self.assertEqual(t["precision"]["month"]["agreements"], "3")
        r = run("--data", os.path.join(FIXTURES, "pairs.tsv"), "--columns",
                "a=name_a,a_country=land_a,b=name_b,b_country=land_b,date=year",
                "info", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        t = long_table(r.stdout)
        self.assertEqual(t["summary"]["agreements"]["value"], "3", "one row merged")
        err = r.stderr.decode()
        self.assertIn('pairs.tsv:5: country "Belaurs" read as Belarus (BY)', err)
        self.assertIn("1 row repeats a pair", err)

    def test_quiet_silences_warnings(self):
        r = run("--data", os.path.join(FIXTURES, "pairs.tsv"), "--quiet", "--columns",
                "a=1,a_country=2,b=3,b_country=4", "info")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, b"")

    @unittest.skipUnless(os.path.exists(WORLD), "world twin-cities list not present")
    def test_reads_the_world_list_with_no_option(self):
        r = run("--data", WORLD, "info", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        t = long_table(r.stdout)
        self.assertGreater(int(t["summary"]["agreements"]["value"]), 24000)
        self.assertIn("GB", t["countries"])
        self.assertNotIn("England", t["countries"])
        self.assertIn("Kazakhstah", r.stderr.decode())

    def test_bad_input_is_exit_2_with_located_errors_and_no_output(self):
        r = run("--data", os.path.join(FIXTURES, "bad.json"), "info")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"", "nothing runs on half a dataset")
        err = r.stderr.decode().splitlines()
        self.assertTrue(err[0].startswith("error: ") and "bad.json:5:" in err[0], err)
        self.assertIn("... and 2 more errors; run 'partnet check", err[-1])

    def test_missing_file_is_exit_2(self):
        r = run("--data", "/nonexistent.json", "info")
        self.assertEqual(r.returncode, 2)
        self.assertIn("/nonexistent.json: cannot open", r.stderr.decode())

    def test_write_error_is_exit_1(self):
        with open("/dev/full", "wb") as full:
            r = run("--data", EXAMPLE, "info", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertIn("writing the output failed", r.stderr.decode())


class Check(unittest.TestCase):
    def test_lists_every_problem_and_exits_2(self):
        r = run("check", os.path.join(FIXTURES, "bad.json"))
        self.assertEqual(r.returncode, 2)
        out = r.stdout.decode()
        for line in (5, 6, 9, 10, 11, 12):
            self.assertIn("bad.json:%d:" % line, out)
        self.assertIn('"2018-13": month 13 does not exist', out)
        self.assertIn("with itself", out)
        self.assertIn('no node has the id "tj-dushanbe"', out)
        self.assertIn("ends 2017, before it was signed (2019)", out)
        self.assertIn("7 errors", out.splitlines()[-1])

    def test_csv_lists_severity_and_message(self):
        r = run("check", "--format", "csv", os.path.join(FIXTURES, "bad.json"))
        self.assertEqual(r.returncode, 2)
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
        self.assertEqual(sum(1 for x in rows if x["severity"] == "error"), 7)
        self.assertEqual(rows[0]["severity"], "error", "errors come first")

    def test_a_good_dataset_passes(self):
        r = run("check", EXAMPLE)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("0 errors", r.stdout.decode())


if __name__ == "__main__":
    unittest.main(verbosity=2)
