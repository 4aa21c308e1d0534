#!/usr/bin/python3
"""The partnet command as a black box: output, exit codes and error text on graphs/ and the
fixtures. Run by `meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

import shared_material

from harness import EXAMPLE, FIXTURES, PARTNET, run
WORLD = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")


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

    def test_reads_the_world_list_with_no_option(self):
        shared_material.require(WORLD)
        r = run("--data", WORLD, "info", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        t = long_table(r.stdout)
        self.assertGreater(int(t["summary"]["agreements"]["value"]), 24000)
        self.assertIn("GB", t["countries"])
        self.assertNotIn("England", t["countries"])
        self.assertIn("Kazakhstah", r.stderr.decode())

    def test_tells_apart_namesakes_the_world_list_qualifies(self):
        # real rows of the world list; tests/fixtures/world/LICENSE names their lines
        r = run("--data", os.path.join(FIXTURES, "world", "qualifiers.csv"), "export",
                "--edges-csv", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        edges = {(e["source"], e["target"]) for e in csv.DictReader(io.StringIO(r.stdout.decode()))}
        self.assertIn(("AT:Bregenz", "GB:Bangor, Northern Ireland"), edges)
        self.assertIn(("DE:Soest", "GB:Bangor, Wales"), edges)
        self.assertIn(("GB:Bangor", "US:Virginia Beach"), edges, "no namesake decides this row")
        self.assertIn(("PT:Lagoa, Algarve", "PT:Lagoa, Azores"), edges)
        self.assertIn(("AT:Trumau", "FR:Vernouillet, Yvelines"), edges)
        self.assertEqual(len(edges), 13)
        err = r.stderr.decode()
        self.assertIn("1 party named with fewer qualifiers were merged into the only namesake", err)
        self.assertIn("2 parties named with fewer qualifiers could be any of several", err)

    def test_bad_input_is_exit_2_with_located_errors_and_no_output(self):
        r = run("--data", os.path.join(FIXTURES, "bad.json"), "info")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"", "nothing runs on half a dataset")
        err = r.stderr.decode().splitlines()
        self.assertTrue(err[0].startswith("partnet: error: ") and "bad.json:5:" in err[0], err)
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


def run_with_terminal_stderr(*args):
    """Run partnet with stderr on a pseudo-terminal; return (exit code, what reached it)."""
    import pty
    master, slave = pty.openpty()
    env = dict(os.environ)
    env.pop("PARTNET_DATASET", None)
    p = subprocess.Popen([PARTNET, *args], stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return p.wait(timeout=300), seen.decode(errors="replace")


class ClosedStreams(unittest.TestCase):
    def test_an_export_with_stdout_closed_goes_to_its_file(self):
        """A closed stdout must not let the export's temporary file become descriptor 1."""
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "cis.graphml")
            r = subprocess.run(["sh", "-c", '"$0" export --graphml "$1" >&-', PARTNET, out],
                               stderr=subprocess.PIPE, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, encoding="utf-8") as f:
                text = f.read()
            self.assertTrue(text.startswith("<?xml"), text[:80])
            self.assertTrue(text.rstrip().endswith("</graphml>"))
            r = subprocess.run(["sh", "-c", '"$0" info >&-', PARTNET], stderr=subprocess.PIPE,
                               timeout=120)
            self.assertEqual(r.returncode, 1, "writing to a closed stdout fails")


class Progress(unittest.TestCase):
    def test_progress_shows_on_a_terminal_only(self):
        code, seen = run_with_terminal_stderr("rank", "--by", "betweenness")
        self.assertEqual(code, 0)
        self.assertIn("shortest paths: ", seen)
        self.assertIn("\x1b[K", seen, "the progress line is cleared when done")
        r = run("rank", "--by", "betweenness")
        self.assertEqual(r.returncode, 0)
        self.assertNotIn(b"shortest paths", r.stderr, "never in pipes")
        self.assertNotIn(b"\x1b", r.stderr)

    def test_loading_reports_progress_on_a_terminal(self):
        code, seen = run_with_terminal_stderr("--data", os.path.join(FIXTURES, "tables"), "info")
        self.assertEqual(code, 0)
        self.assertIn("\x1b[K", seen, "the loader's last progress call clears its line")


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

    def test_json_names_file_line_field_and_entity_apart(self):
        """Expected by hand from the lines of tests/fixtures/bad.json."""
        path = os.path.join(FIXTURES, "bad.json")
        r = run("check", "--format", "json", path)
        self.assertEqual(r.returncode, 2)
        got = [(p["severity"], p["file"], p["line"], p["column"], p["field"], p["entity"])
               for p in json.loads(r.stdout)]
        self.assertEqual(got, [
            ("error", path, 5, None, "level", "node am-kapan"),
            ("error", path, 6, None, "country", "node xx-atlantis"),
            ("error", path, 9, None, "date", "agreement a1"),
            ("error", path, 10, None, "parties", "agreement a2"),
            ("error", path, 11, None, "parties", "agreement a3"),
            ("error", path, 11, None, "kind", "agreement a3"),
            ("error", path, 12, None, None, "agreement a4"),
            ("note", path, 12, None, None, "agreement a4")])

    def check_json(self, name, text):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            r = run("check", "--format", "json", path)
            return path, json.loads(r.stdout)

    def test_json_column_and_csv_fields(self):
        # '"nodes": [}': the 11th character of line 2 is the } where a value was expected
        path, problems = self.check_json("broken.json", '{\n"nodes": [}\n')
        p = problems[0]
        self.assertEqual((p["file"], p["line"], p["column"], p["field"], p["entity"]),
                         (path, 2, 11, None, None), p["message"])
        # a pair list's second row names no party in its first column, party a (--columns)
        path, problems = self.check_json("pairs.csv", "city1,country1,city2,country2\n"
                                                      "Minsk,Belarus,Kapan,Armenia\n"
                                                      ",Belarus,Yerevan,Armenia\n")
        p = [p for p in problems if p["severity"] == "error"][0]
        self.assertEqual((p["file"], p["line"], p["column"], p["field"], p["entity"]),
                         (path, 3, 1, "a", None), p["message"])
        # a whole-file remark names the file only
        path, problems = self.check_json("empty.json", '{"nodes": []}')
        self.assertEqual([(p["file"], p["line"], p["field"], p["entity"]) for p in problems],
                         [(path, None, None, None)])

    def test_an_id_that_looks_like_a_message_is_named_whole(self):
        # ids with quotes, colons and backslashes: the entity is the id as given, the field
        # the one the message names after it (the message escapes \" and \\ in the id)
        hostile = 'x": field "kind\\'
        text = json.dumps({"nodes": [
            {"id": hostile, "name": "A", "country": "BY", "level": "shire"},
            {"id": "D", "name": "D", "country": "AM", "level": "region"}],
            "agreements": [{"id": hostile, "parties": ["D", hostile], "date": "2010-13",
                            "kind": "twinning"}]})
        path, problems = self.check_json("hostile.json", text)
        got = [(p["field"], p["entity"]) for p in problems if p["severity"] == "error"]
        self.assertEqual(got, [("level", "node " + hostile), ("date", "agreement " + hostile)])
        self.assertIn('"x\\": field \\"kind\\\\"', problems[0]["message"])
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "nodes.csv"), "w", encoding="utf-8") as f:
                f.write('id,name,country,level\n"%s",A,BY,shire\n' % hostile.replace('"', '""'))
            with open(os.path.join(tmp, "edges.csv"), "w", encoding="utf-8") as f:
                f.write("source,target\n")
            r = run("check", "--format", "json", tmp)
            self.assertEqual(r.returncode, 2)
            p = json.loads(r.stdout)[0]
            self.assertEqual((p["line"], p["field"], p["entity"]),
                             (2, "level", "node " + hostile), p["message"])

    def test_csv_has_the_same_fields(self):
        r = run("check", "--format", "csv", os.path.join(FIXTURES, "bad.json"))
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
        self.assertEqual(list(rows[0]), ["severity", "file", "line", "column", "field", "entity",
                                         "message"])
        self.assertEqual((rows[0]["line"], rows[0]["column"], rows[0]["field"],
                          rows[0]["entity"]), ("5", "", "level", "node am-kapan"))

    def test_a_good_dataset_passes(self):
        r = run("check", EXAMPLE)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("0 errors", r.stdout.decode())




def table(text):
    return list(csv.DictReader(io.StringIO(text.decode())))


class Analyses(unittest.TestCase):
    def test_rank_columns_top_and_errors(self):
        r = run("rank", "--by", "agreements", "--top", "3", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = table(r.stdout)
        self.assertEqual(list(rows[0]), ["rank", "id", "name", "country", "level", "value"])
        self.assertEqual(len(rows), 3)
        r = run("rank", "--by", "fame")
        self.assertEqual(r.returncode, 2)
        self.assertIn('--by: expected degree', r.stderr.decode())
        r = run("rank", "--active")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--active needs --as-of", r.stderr.decode())
        r = run("rank", "--as-of", "2018-13")
        self.assertEqual(r.returncode, 2)
        self.assertIn("month 13", r.stderr.decode())
        r = run("rank", "--country", "QQ")
        self.assertEqual(r.returncode, 2)
        self.assertIn('no country "QQ"', r.stderr.decode())

    def test_rank_country_lists_only_that_country(self):
        r = run("rank", "--country", "AM", "--top", "0", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = table(r.stdout)
        self.assertTrue(rows and all(x["country"] == "AM" for x in rows))

    def test_sampled_betweenness_prints_its_seed_and_repeats(self):
        args = ("rank", "--by", "betweenness", "--sample", "20", "--seed", "3", "--format", "csv")
        a, b = run(*args), run(*args)
        self.assertEqual(a.returncode, 0, a.stderr)
        self.assertEqual(a.stdout, b.stdout)
        self.assertIn("seed 3", a.stderr.decode())

    def test_snapshots_change_the_answer(self):
        early = table(run("stats", "--as-of", "2005", "--format", "csv").stdout)
        late = table(run("stats", "--format", "csv").stdout)
        agreements = lambda t: int([x for x in t if x["metric"] == "agreements"][0]["value"])
        self.assertLess(agreements(early), agreements(late))

    def test_clusters_repeat_with_a_seed(self):
        a = run("clusters", "--seed", "5", "--by-node", "--format", "csv")
        b = run("clusters", "--seed", "5", "--by-node", "--format", "csv")
        self.assertEqual(a.returncode, 0, a.stderr)
        self.assertEqual(a.stdout, b.stdout)
        self.assertIn("seed 5", a.stderr.decode())
        self.assertEqual(list(table(a.stdout)[0]), ["id", "name", "country", "level", "community"])
        r = run("clusters", "--method", "kmeans")
        self.assertEqual(r.returncode, 2)
        r = run("clusters", "--method", "walktrap", "--stability", "3", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        summary = json.loads(r.stdout)["summary"]
        self.assertEqual(summary["mean_pairwise_nmi"], 1, "walktrap does not depend on the seed")
        self.assertIsNone(summary["seed"], "walktrap takes no seed")

    def test_clusters_count_each_communitys_countries_and_members(self):
        # five components, each one community: their country mixes by hand
        pairs = ("city1,country1,city2,country2\nYerevan,AM,Gyumri,AM\nGyumri,AM,Tbilisi,GE\n"
                 "Tbilisi,GE,Yerevan,AM\nMinsk,BY,Vilnius,LT\nAlmaty,KZ,Bishkek,KG\n"
                 "Kyiv,UA,Lviv,UA\nLviv,UA,Odesa,UA\nOdesa,UA,Kyiv,UA\nVitebsk,BY,Riga,LV\n"
                 "Riga,LV,Tartu,EE\n")
        r = run("--data", "-", "clusters", "--format", "json", stdin=pairs.encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        got = {frozenset(m["name"] for m in x["members"]):
               (x["size"], x["agreements"],
                ", ".join("%s %d" % (c["country"], c["nodes"]) for c in x["countries"]))
               for x in json.loads(r.stdout)["communities"]}
        self.assertEqual(got, {
            frozenset(["Yerevan", "Gyumri", "Tbilisi"]): (3, 3, "AM 2, GE 1"),
            frozenset(["Kyiv", "Lviv", "Odesa"]): (3, 3, "UA 3"),
            frozenset(["Vitebsk", "Riga", "Tartu"]): (3, 2, "BY 1, EE 1, LV 1"),
            frozenset(["Minsk", "Vilnius"]): (2, 1, "BY 1, LT 1"),
            frozenset(["Almaty", "Bishkek"]): (2, 1, "KG 1, KZ 1")})

    def test_growth_rows_and_options(self):
        r = run("growth", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = table(r.stdout)
        self.assertEqual(rows[0]["year"], "1997")
        self.assertEqual(sum(int(x["new_agreements"]) for x in rows), int(rows[-1]["agreements"]))
        self.assertIn("11 undated agreements are in no year", r.stderr.decode())
        r = run("growth", "--from", "2000", "--to", "2020", "--step", "5", "--format", "csv")
        self.assertEqual([x["year"] for x in table(r.stdout)], ["2000", "2005", "2010", "2015", "2020"])
        r = run("growth", "--coverage", "--rollup", "--format", "csv")
        self.assertEqual(list(table(r.stdout)[0]), ["year", "country", "covered", "regions", "share"])
        r = run("growth", "--with-centrality", "degree", "--top", "2", "--from", "2019", "--format", "csv")
        rows = table(r.stdout)
        self.assertEqual(list(rows[0]), ["year", "rank", "id", "name", "country", "level", "value"])
        self.assertEqual(len(rows), 6, "2 per year for 2019-2021")
        r = run("growth", "--from", "2020", "--to", "2010")
        self.assertEqual(r.returncode, 2)
        r = run("growth", "--as-of", "2010")
        self.assertEqual(r.returncode, 2)

    def test_growth_chart_is_written_whole(self):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            png, svg = os.path.join(tmp, "g.png"), os.path.join(tmp, "g.svg")
            r = run("--quiet", "growth", "--chart", png)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(png, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
            r = run("--quiet", "growth", "--chart", svg)
            self.assertEqual(r.returncode, 0, r.stderr)
            import xml.dom.minidom
            xml.dom.minidom.parse(svg)
            self.assertEqual(sorted(os.listdir(tmp)), ["g.png", "g.svg"], "no temporary file left")
            r = run("growth", "--chart", os.path.join(tmp, "g.gif"))
            self.assertEqual(r.returncode, 2)
            r = run("growth", "--chart", os.path.join(tmp, "missing", "g.png"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("cannot write here", r.stderr.decode())

    def test_compare_two_years(self):
        r = run("compare", "2010", "2020", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        self.assertEqual(set(out), {"figures", "new_nodes", "new_pairs", "rank_changes", "coverage"})
        figures = {x["metric"]: x for x in out["figures"]}
        self.assertEqual(figures["agreements"]["change"],
                         figures["agreements"]["2020"] - figures["agreements"]["2010"])
        growth = {x["year"]: x for x in table(run("growth", "--format", "csv").stdout)}
        self.assertEqual(figures["nodes_with_agreements"]["2020"],
                         int(growth["2020"]["nodes_with_agreements"]))
        r = run("compare", "2020", "2010")
        self.assertEqual(r.returncode, 2)
        r = run("compare", "2010")
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
