#!/usr/bin/python3
"""What the README's metric definitions say about ties, checked by hand on small networks: two
components sharing the leading eigenvalue, two components as large as each other, and the
vocabulary that tells figures apart between commands. Run by `meson test`."""
import csv
import io
import json
import os
import tempfile
import unittest

from harness import run


def dataset(nodes, pairs):
    return {"format": "partnet/1",
            "nodes": [{"id": n, "name": n.upper(), "country": "BY" if n[0] == "a" else "AM",
                       "level": "city"} for n in nodes],
            "agreements": [{"id": "x%d" % i, "parties": list(p), "kind": "twinning"}
                           for i, p in enumerate(pairs)]}


TRIANGLE_A = [("a1", "a2"), ("a2", "a3"), ("a3", "a1")]
TRIANGLE_B = [("b1", "b2"), ("b2", "b3"), ("b3", "b1")]
PATH_A = [("a1", "a2"), ("a2", "a3")]


class Ties(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f)
        return path

    def csv(self, *args):
        r = run(*args, "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        return list(csv.DictReader(io.StringIO(r.stdout.decode())))

    def test_components_tied_for_the_leading_eigenvalue_get_an_arbitrary_mix(self):
        # two triangles: adjacency eigenvalue 2 in each, so the leading eigenvector is any
        # mix of the two triangles' all-ones vectors; a separate pair (eigenvalue 1) gets 0
        alone = self.write("triangles.json", dataset(["a1", "a2", "a3", "b1", "b2", "b3"],
                                                     TRIANGLE_B + TRIANGLE_A))
        beside = self.write("pair.json", dataset(["a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2"],
                                                 TRIANGLE_B + TRIANGLE_A + [("c1", "c2")]))
        for data in (alone, beside):
            value = {r["id"]: float(r["value"]) for r in self.csv("--data", data, "rank", "--by",
                                                                  "eigenvector")}
            self.assertAlmostEqual(max(value.values()), 1.0, places=12)
            for triangle in (("a1", "a2", "a3"), ("b1", "b2", "b3")):
                values = [value[n] for n in triangle]
                self.assertAlmostEqual(min(values), max(values), places=6,
                                       msg="equal within a triangle, as any mix keeps them")
                self.assertTrue(0 <= min(values) <= 1.0)
            if data == alone:
                self.assertGreater(min(value.values()), 0.99, "both triangles about 1")
            else:
                self.assertEqual((value["c1"], value["c2"]), (0.0, 0.0))
                self.assertEqual(sorted(round(value[n], 6) for n in ("a1", "b1")), [0.0, 1.0],
                                 "with the pair beside them, one triangle 1 and the other 0")

    def test_of_two_largest_components_the_first_in_the_input_is_measured(self):
        # a path a1-a2-a3 (diameter 2, mean distance (1+1+2)/3) and a triangle (diameter 1):
        # the component of the node listed first is "the largest"
        for nodes, diameter, mean in (
                (["a1", "a2", "a3", "b1", "b2", "b3"], 2, 4 / 3),
                (["b1", "b2", "b3", "a1", "a2", "a3"], 1, 1.0)):
            with self.subTest(first=nodes[0]):
                data = self.write("tie.json", dataset(nodes, TRIANGLE_B + PATH_A))
                stats = {r["metric"]: r["value"] for r in self.csv("--data", data, "stats")}
                self.assertEqual(stats["largest_component"], "3")
                self.assertEqual(int(stats["diameter_lcc"]), diameter)
                self.assertAlmostEqual(float(stats["mean_distance_lcc"]), mean, places=12)
                kept = {r["id"] for r in self.csv("--data", data, "rank",
                                                  "--largest-component")}
                self.assertEqual(kept, set(n for n in nodes[:3]))


class Vocabulary(unittest.TestCase):
    def test_report_counts_the_countries_with_agreements_in_the_view(self):
        # as of 2010 the bundled dataset's agreements have parties in 5 countries
        growth = {r["year"]: r for r in csv.DictReader(io.StringIO(
            run("growth", "--to", "2010", "--format", "csv").stdout.decode()))}
        report = json.loads(run("report", "--as-of", "2010", "--format", "json").stdout)
        self.assertEqual(report["summary"]["countries_with_agreements"],
                         int(growth["2010"]["countries_with_agreements"]))
        self.assertEqual(report["summary"]["countries_with_agreements"], 5)

    def test_report_and_clusters_find_the_same_communities(self):
        for view in ([], ["--as-of", "2010"], ["--country", "AM"]):
            with self.subTest(view=view):
                report = json.loads(run("report", "--top", "1000", *view, "--format", "json").stdout)
                clusters = json.loads(run("clusters", "--top", "1000", *view, "--format",
                                          "json").stdout)
                self.assertEqual([sorted(m["id"] for m in c["members"])
                                  for c in report["communities"]],
                                 [sorted(m["id"] for m in c["members"])
                                  for c in clusters["communities"]])
                self.assertEqual(len(report["communities"]), clusters["summary"]["communities"])

    def test_stats_and_growth_name_their_different_counts_apart(self):
        stats = {r["metric"]: r["value"] for r in csv.DictReader(io.StringIO(
            run("stats", "--as-of", "2010", "--format", "csv").stdout.decode()))}
        growth = {r["year"]: r for r in csv.DictReader(io.StringIO(
            run("growth", "--to", "2010", "--format", "csv").stdout.decode()))}["2010"]
        self.assertNotIn("nodes", growth, "growth counts nodes with an agreement, not nodes")
        self.assertEqual(int(growth["nodes_with_agreements"]),
                         int(stats["nodes"]) - int(stats["isolated"]))
        self.assertEqual(int(stats["nodes"]), 111, "every node of the view, isolated included")


if __name__ == "__main__":
    unittest.main()
