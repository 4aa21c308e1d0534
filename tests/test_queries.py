#!/usr/bin/python3
"""The query commands (show, search, agreements, path) and the views every command takes
(--kind, --since, --min-agreements, --k-core, --largest-component, --ego), as a black box
against NetworkX and against the datasets read here with Python's own json and csv: on the
bundled dataset (graphs/cis.json) and on the world twin-cities list. Run by `meson test`."""
import calendar
import csv
import datetime
import html
import io
import json
import os
import random
import re
import subprocess
import tempfile
import unittest

import networkx as nx

import shared_material
from test_oracles import MEASURES, networkx_measures as oracle_measures, simple_graph

import harness
from harness import CIS
WORLD_RAW = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")
WORLD_TO_CSV = shared_material.path("bench", "world_to_csv.py")

def run(*args):
    return harness.run("--quiet", *args, timeout=900)


def partnet(*args):
    r = run(*args)
    if r.returncode != 0:
        raise AssertionError("partnet %s: exit %d: %s" % (" ".join(args), r.returncode,
                                                          r.stderr.decode()))
    return r.stdout.decode()


def partnet_json(*args):
    return json.loads(partnet(*args, "--format", "json"))


def days(text):
    """The first and last day a date of the dataset stands for ("2004": all of 2004)."""
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return (datetime.date(year, month, 1),
                datetime.date(year, month, calendar.monthrange(year, month)[1]))
    day = datetime.date(year, month, parts[2])
    return day, day


def load_cis():
    with open(CIS, encoding="utf-8") as f:
        data = json.load(f)
    nodes = {n["id"]: n for n in data["nodes"]}
    return nodes, data["agreements"]


def oracle_view(nodes, agreements, kinds=None, since=None, as_of=None, min_agreements=0,
                k_core=0, largest=False, ego=None, radius=1):
    """The nodes and agreements of a view, by the definitions of the README: the agreement
    filters by hand, the structural views by NetworkX (edge_subgraph, k_core, the largest of
    connected_components, ego_graph), in the README's order."""
    kept = []
    for a in agreements:
        if kinds and a["kind"] not in kinds:
            continue
        date = a.get("date")
        if (since or as_of) and not date:
            continue
        if since and days(date)[0] < days(since)[0]:
            continue
        if as_of and days(date)[1] > days(as_of)[1]:
            continue
        kept.append(a)
    g = simple_graph(nodes, [a["parties"] for a in kept])
    if min_agreements > 1:
        g = g.edge_subgraph([(u, v) for u, v, w in g.edges(data="weight") if w >= min_agreements])
    if k_core:
        g = nx.k_core(nx.Graph(g), k_core)
    if largest:
        parts = sorted(nx.connected_components(g), key=len, reverse=True)
        assert len(parts) == 1 or len(parts[0]) > len(parts[1]), "a tie: pick another case"
        g = g.subgraph(parts[0])
    if ego:
        g = nx.ego_graph(g, ego, radius=radius)
    ids = {a["id"] for a in kept if g.has_edge(*a["parties"])}
    return set(g.nodes), ids


def view_of(*options, data=CIS):
    """The nodes (from export --nodes-csv) and agreements (from agreements) of a view."""
    nodes_csv = partnet("--data", data, "export", "--nodes-csv", "-", *options)
    nodes = {r["id"] for r in csv.DictReader(io.StringIO(nodes_csv))}
    ids = {a["id"] for a in partnet_json("--data", data, "agreements", *options)}
    return nodes, ids


def networkx_measures(g):
    """test_oracles' NetworkX measures, with the eigenvector centralities partnet writes as 0
    (ARPACK's noise below 1e-12 of the largest, off the leading component) set to 0 too, so
    that ranks compare."""
    values = oracle_measures(g)
    eig = values["eigenvector"]
    values["eigenvector"] = {v: x if x >= 1e-12 else 0.0 for v, x in eig.items()}
    return values


def competition_rank(values, v, among):
    """1 + the nodes of `among` with a larger value; values equal to 1e-9 are ties."""
    mine = values[v]
    return 1 + sum(1 for u in among
                   if values[u] - mine > 1e-9 * max(abs(values[u]), abs(mine)))


def shortest_path_oracle(g, a, b):
    """NetworkX's distance and number of shortest paths, and the path the README names:
    from A, at each step the neighbour one step nearer B with the smallest id."""
    dist = nx.single_source_shortest_path_length(g, b)
    if a not in dist:
        return None, 0, []
    count = sum(1 for _ in nx.all_shortest_paths(g, a, b))
    path = [a]
    while path[-1] != b:
        here = path[-1]
        path.append(min(u for u in g[here] if dist.get(u) == dist[here] - 1))
    return dist[a], count, path


def date_key(a, index):
    first, _ = days(a["date"])
    return first, len(a["date"]), index


class Views(unittest.TestCase):
    """Each view option keeps what its definition says, on graphs/cis.json."""

    @classmethod
    def setUpClass(cls):
        cls.nodes, cls.agreements = load_cis()

    def check(self, options, **oracle):
        got = view_of(*options)
        expected = oracle_view(self.nodes, self.agreements, **oracle)
        self.assertEqual(got[1], expected[1], "agreements of %s" % " ".join(options))
        self.assertEqual(got[0], expected[0], "nodes of %s" % " ".join(options))
        return got

    def test_kind(self):
        nodes, ids = self.check(["--kind", "twinning"], kinds={"twinning"})
        self.assertEqual(len(ids), sum(a["kind"] == "twinning" for a in self.agreements))
        self.check(["--kind", "twinning,programme"], kinds={"twinning", "programme"})

    def test_since_and_window(self):
        self.check(["--since", "2010"], since="2010")
        self.check(["--since", "2010-06", "--as-of", "2015"], since="2010-06", as_of="2015")
        self.check(["--since", "2012", "--as-of", "2012"], since="2012", as_of="2012")

    def test_min_agreements(self):
        nodes, ids = self.check(["--min-agreements", "2"], min_agreements=2)
        self.assertTrue(ids, "the bundled dataset has pairs with several agreements")
        self.check(["--min-agreements", "3"], min_agreements=3)

    def test_k_core(self):
        for k in ("1", "2", "3"):
            self.check(["--k-core", k], k_core=int(k))

    def test_largest_component(self):
        nodes, _ = self.check(["--largest-component"], largest=True)
        self.assertGreater(len(nodes), 10)
        self.check(["--largest-component", "--as-of", "2012"], largest=True, as_of="2012")

    def test_ego(self):
        self.check(["--ego", "by-minsk"], ego="by-minsk")
        self.check(["--ego", "by-minsk:2"], ego="by-minsk", radius=2)
        self.check(["--ego", "Mahilyow Voblast:3"], ego="by-mogilev-oblast", radius=3)
        self.check(["--ego", "by-minsk:0"], ego="by-minsk", radius=0)

    def test_combined_in_the_documented_order(self):
        self.check(["--kind", "cooperation_agreement", "--k-core", "2", "--largest-component"],
                   kinds={"cooperation_agreement"}, k_core=2, largest=True)
        self.check(["--as-of", "2015", "--min-agreements", "2", "--largest-component"],
                   as_of="2015", min_agreements=2, largest=True)
        self.check(["--since", "2000", "--largest-component", "--ego", "Minsk:2"],
                   since="2000", largest=True, ego="by-minsk", radius=2)

    def test_rank_on_a_view_equals_networkx_on_its_graph(self):
        rows = list(csv.DictReader(io.StringIO(partnet(
            "rank", "--all", "--top", "0", "--format", "csv", "--largest-component",
            "--kind", "cooperation_agreement,twinning,programme"))))
        nodes, ids = oracle_view(self.nodes, self.agreements, largest=True,
                                 kinds={"cooperation_agreement", "twinning", "programme"})
        g = simple_graph(nodes, [a["parties"] for a in self.agreements if a["id"] in ids])
        oracle = networkx_measures(g)
        self.assertEqual({r["id"] for r in rows}, nodes)
        for r in rows:
            for m in MEASURES:
                exact = m in ("degree", "agreements", "coreness")
                rel = 0 if exact else 1e-9 if m in ("betweenness", "closeness", "harmonic") else 1e-6
                want = float(oracle[m][r["id"]])
                self.assertLessEqual(abs(float(r[m]) - want), max(rel * abs(want), 0 if exact else 1e-9),
                                     "%s of %s" % (m, r["id"]))

    def test_info_says_what_each_option_kept(self):
        tables = partnet_json("info", "--kind", "cooperation_agreement", "--since", "2000",
                              "--largest-component")
        steps = tables["view"]
        self.assertEqual([s["step"] for s in steps],
                         ["dataset", "--since 2000", "--kind cooperation_agreement",
                          "--largest-component"])
        self.assertEqual(steps[0]["agreements"], len(self.agreements))
        self.assertEqual(steps[0]["nodes"], len(self.nodes))
        since = oracle_view(self.nodes, self.agreements, since="2000")
        kinds = {"cooperation_agreement"}
        both = oracle_view(self.nodes, self.agreements, since="2000", kinds=kinds)
        last = oracle_view(self.nodes, self.agreements, since="2000", kinds=kinds, largest=True)
        self.assertEqual((steps[1]["agreements"], steps[1]["nodes"]), (len(since[1]), len(since[0])))
        self.assertEqual((steps[2]["agreements"], steps[2]["nodes"]), (len(both[1]), len(both[0])))
        self.assertEqual((steps[3]["agreements"], steps[3]["nodes"]), (len(last[1]), len(last[0])))
        summary = tables["summary"]
        self.assertEqual(int(summary["agreements"]), len(last[1]))
        self.assertEqual(int(summary["nodes"]), len(last[0]))
        plain = partnet_json("info")
        self.assertNotIn("view", plain, "no view table without view options")

    def test_growth_and_compare_follow_the_structural_view_over_the_years(self):
        kinds = {"cooperation_agreement", "programme"}
        nodes, ids = oracle_view(self.nodes, self.agreements, kinds=kinds, largest=True)
        kept = [a for a in self.agreements if a["id"] in ids and a.get("date")]

        def by(year):
            signed = [a for a in kept if days(a["date"])[1] <= datetime.date(year, 12, 31)]
            return len(signed), len({p for a in signed for p in a["parties"]})
        options = ["--kind", "cooperation_agreement,programme", "--largest-component"]
        rows = partnet_json("growth", *options)
        self.assertTrue(rows)
        for r in rows:
            self.assertEqual((r["agreements"], r["nodes_with_agreements"]), by(r["year"]), r["year"])
        figures = {r["metric"]: r for r in partnet_json("compare", "2005", "2015", *options)["figures"]}
        self.assertEqual((figures["agreements"]["2005"], figures["nodes_with_agreements"]["2005"]),
                         by(2005))
        self.assertEqual((figures["agreements"]["2015"], figures["nodes_with_agreements"]["2015"]),
                         by(2015))
        report = partnet_json("report", "--as-of", "2012", *options)
        summary = report["summary"]
        at = oracle_view(self.nodes, self.agreements, kinds=kinds, as_of="2012", largest=True)
        self.assertEqual(int(summary["agreements"]), len(at[1]))
        self.assertEqual(report["growth"][-1]["year"], 2012)
        self.assertEqual(report["growth"][-1]["agreements"], len(at[1]))

    def test_every_command_takes_the_views(self):
        view = ["--kind", "cooperation_agreement", "--largest-component", "--since", "1995"]
        with tempfile.TemporaryDirectory() as tmp:
            commands = [["info"], ["rank"], ["stats"], ["clusters"], ["coverage"], ["growth"],
                        ["compare", "2010", "2020"], ["export", "--nodes-csv", "-"],
                        ["draw", "-o", os.path.join(tmp, "view.svg")], ["report"],
                        ["explore", "-o", os.path.join(tmp, "view.html")],
                        ["show", "by-minsk"], ["agreements"], ["path", "by-minsk", "by"]]
            for command in commands:
                r = run(*command, *view)
                self.assertEqual(r.returncode, 0, "%s: %s" % (command, r.stderr.decode()))

    def test_every_command_keeps_what_the_view_keeps(self):
        """Not only accepted: each command's output has the view's nodes and agreements."""
        view = ["--kind", "cooperation_agreement", "--since", "1995", "--largest-component"]
        nodes, ids = oracle_view(self.nodes, self.agreements, kinds={"cooperation_agreement"},
                                 since="1995", largest=True)
        kept = [a for a in self.agreements if a["id"] in ids]
        self.assertIn("by-minsk", nodes)

        def csv_ids(*command):
            return {r["id"] for r in csv.DictReader(io.StringIO(partnet(*command, *view,
                                                                         "--format", "csv")))}
        self.assertEqual(csv_ids("rank", "--top", "0"), nodes, "rank")
        self.assertEqual(csv_ids("clusters", "--by-node"), nodes, "clusters")
        stats = partnet_json("stats", *view)
        self.assertEqual((stats["nodes"], stats["agreements"]), (len(nodes), len(ids)), "stats")
        summary = partnet_json("report", *view)["summary"]
        self.assertEqual((int(summary["nodes"]), int(summary["agreements"])),
                         (len(nodes), len(ids)), "report")
        for row in partnet_json("coverage", *view):
            self.assertEqual(row["agreements"],
                             sum(any(self.nodes[p]["country"] == row["country"]
                                     for p in a["parties"]) for a in kept), row["country"])
        shown = partnet_json("show", "by-minsk", *view)
        self.assertEqual({a["id"] for a in shown["agreements"]},
                         {a["id"] for a in kept if "by-minsk" in a["parties"]}, "show")
        g = simple_graph(nodes, [a["parties"] for a in kept])
        got = partnet_json("path", "by-minsk", "by", *view)
        self.assertEqual(got["distance"], nx.shortest_path_length(g, "by-minsk", "by"), "path")
        with tempfile.TemporaryDirectory() as tmp:
            svg = os.path.join(tmp, "view.svg")
            partnet("draw", "-o", svg, *view)
            with open(svg, encoding="utf-8") as f:
                titles = re.findall(r'<circle class="node" data-id="([^"]*)"', f.read())
            self.assertEqual({html.unescape(t) for t in titles}, nodes, "draw")
            page = os.path.join(tmp, "view.html")
            partnet("explore", "-o", page, *view)
            with open(page, encoding="utf-8") as f:
                data = json.loads(re.search(r'<script type="application/json" '
                                            r'id="partnet-data">(.*?)</script>', f.read(),
                                            re.S).group(1))
            self.assertEqual(set(data["nodes"]["id"]), nodes, "explore")
            self.assertEqual(set(data["agreements"]["id"]), ids, "explore")

    def test_by_country_contracts_what_the_views_kept(self):
        """--by-country after the views: each country's agreements across a border, counted
        on the agreements the view kept."""
        cases = [(["--largest-component", "--kind", "cooperation_agreement"],
                  dict(largest=True, kinds={"cooperation_agreement"})),
                 (["--ego", "by-minsk:2"], dict(ego="by-minsk", radius=2))]
        for options, oracle in cases:
            nodes, ids = oracle_view(self.nodes, self.agreements, **oracle)
            expected = {self.nodes[n]["country"]: 0 for n in nodes}
            for a in self.agreements:
                countries = {self.nodes[p]["country"] for p in a["parties"]}
                if a["id"] in ids and len(countries) == 2:
                    for c in countries:
                        expected[c] += 1
            rows = csv.DictReader(io.StringIO(partnet(
                "rank", "--by-country", "--by", "agreements", "--top", "0", "--format", "csv",
                *options)))
            self.assertEqual({r["id"]: int(float(r["value"])) for r in rows}, expected, options)

    def test_bad_view_options_are_usage_errors(self):
        cases = [(["--kind", "treaty"], '--kind: expected twinning, cooperation_agreement'),
                 (["--since", "2015", "--as-of", "2010"],
                  "--since 2015 is after --as-of 2010"),
                 (["--since", "2015-13"], "--since \"2015-13\""),
                 (["--k-core", "-1"], "--k-core: expected a whole number from 0 to 1000000000"),
                 (["--min-agreements", "x"], "--min-agreements: expected a whole number"),
                 (["--ego", "Mogilyev"], "did you mean by-mogilev (Mogilev, city, BY)"),
                 (["--ego", "by-minsk", "--level", "region"],
                  "the ego node by-minsk (Minsk) is not in the view")]
        for options, message in cases:
            r = run("rank", *options)
            self.assertEqual(r.returncode, 2, options)
            self.assertIn(message, r.stderr.decode(), options)
            self.assertEqual(r.stdout, b"", options)


class Show(unittest.TestCase):
    """partnet show on graphs/cis.json: agreements and partners from the JSON, measures and
    ranks from NetworkX."""

    @classmethod
    def setUpClass(cls):
        cls.nodes, cls.agreements = load_cis()
        cls.graph = simple_graph(cls.nodes, [a["parties"] for a in cls.agreements])
        cls.measures = networkx_measures(cls.graph)

    def test_names_in_every_spelling_find_the_same_node(self):
        for text in ("by-mogilev", "Mogilev", "MOGILEV", "mogilëv", "Mahilyow", "Mahilioŭ",
                     "Могилёв", "Магілёў"):
            self.assertEqual(partnet_json("show", text, "--measures", "degree")["node"]["id"],
                             "by-mogilev", text)
        self.assertEqual(partnet_json("show", "Mogilev", "Oblast", "--measures",
                                      "degree")["node"]["id"], "by-mogilev-oblast")

    def test_unknown_and_ambiguous_names_get_suggestions(self):
        r = run("show", "Mogilyev")
        self.assertEqual(r.returncode, 2)
        self.assertIn('no node is called "Mogilyev"; did you mean by-mogilev (Mogilev, city, BY)',
                      r.stderr.decode())
        self.assertEqual(r.stdout, b"")
        r = run("show", "Mogilev D")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_profile_equals_the_dataset_and_networkx(self):
        for node in ("by-minsk", "by-mogilev-oblast", "by", "am-kapan"):
            got = partnet_json("show", node)
            mine = [(i, a) for i, a in enumerate(self.agreements) if node in a["parties"]]
            self.assertEqual([a["id"] for a in got["agreements"]],
                             [a["id"] for i, a in sorted(mine, key=lambda p: (
                                 date_key(p[1], p[0]) if p[1].get("date") else
                                 (datetime.date.max, 0, p[0])))])
            n = self.nodes[node]
            self.assertEqual(got["node"]["name"], n["name"])
            self.assertEqual(got["node"]["country"], n["country"])
            self.assertEqual(got["node"]["level"], n["level"])
            self.assertEqual(got["node"]["aliases"], n.get("aliases", []))
            self.assertEqual(got["node"]["parent"] and got["node"]["parent"]["id"], n.get("parent"))
            partners = {}
            for _, a in mine:
                other = a["parties"][1] if a["parties"][0] == node else a["parties"][0]
                partners.setdefault(self.nodes[other]["country"], set()).add(other)
            self.assertEqual({p["country"]: p["partners"] for p in got["partners"]},
                             {c: len(v) for c, v in partners.items()})
            dated = sorted((date_key(a, i), a["id"]) for i, a in mine if a.get("date"))
            self.assertEqual(got["first_agreement"]["id"], dated[0][1])
            self.assertEqual(got["latest_agreement"]["id"], dated[-1][1])
            country = [v for v in self.graph if self.nodes[v]["country"] == n["country"]]
            for m in MEASURES:
                s = got["measures"][m]
                values = self.measures[m]
                self.assertLessEqual(abs(s["value"] - values[node]),
                                     max(1e-6 * abs(values[node]), 1e-9), (node, m))
                self.assertEqual(s["rank"], competition_rank(values, node, self.graph), (node, m))
                self.assertEqual(s["of"], len(self.graph))
                self.assertEqual(s["country_rank"], competition_rank(values, node, country),
                                 (node, m))
                self.assertEqual(s["country_of"], len(country))

    def test_json_is_data(self):
        got = partnet_json("show", "by-minsk", "--measures", "degree,pagerank")
        self.assertEqual(set(got), {"node", "in_view", "agreements", "partners", "measures",
                                    "first_agreement", "latest_agreement"})
        self.assertEqual(set(got["measures"]), {"degree", "pagerank"})
        self.assertIsInstance(got["measures"]["degree"]["value"], int)
        a = got["agreements"][0]
        self.assertEqual(set(a), {"id", "date", "end", "kind", "parties", "domains", "source",
                                  "sources", "note", "input_line"})
        self.assertEqual(set(a["parties"][0]), {"id", "name", "country"})
        self.assertIsInstance(a["source"]["line"], int)
        self.assertEqual(a["sources"], [a["source"]], "one source: the list holds it alone")
        self.assertIsNone(a["end"])
        self.assertIsInstance(a["input_line"], int)

    def test_a_node_outside_the_view(self):
        got = partnet_json("show", "by-minsk", "--level", "region")
        self.assertFalse(got["in_view"])
        self.assertEqual(got["agreements"], [])
        self.assertIsNone(got["measures"])

    def test_csv_and_table(self):
        t = {}
        for r in csv.DictReader(io.StringIO(partnet("show", "by-minsk", "--format", "csv"))):
            t.setdefault(r["table"], {}).setdefault(r["key"], {})[r["column"]] = r["value"]
        self.assertEqual(t["node"]["id"]["value"], "by-minsk")
        self.assertEqual(len(t["agreements"]),
                         sum("by-minsk" in a["parties"] for a in self.agreements))
        self.assertEqual(t["measures"]["degree"]["value"], str(self.graph.degree("by-minsk")))
        text = partnet("show", "by-minsk")
        for title in ("Node", "Agreements", "Partners by country", "Measures"):
            self.assertIn(title + "\n", text)


class Agreements(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.nodes, cls.agreements = load_cis()

    def country(self, node):
        return self.nodes[node]["country"]

    def test_between_two_countries_as_of(self):
        got = partnet_json("agreements", "--between", "BY,AM", "--as-of", "2012")
        want = [(date_key(a, i), a["id"]) for i, a in enumerate(self.agreements)
                if sorted(map(self.country, a["parties"])) == ["AM", "BY"] and a.get("date")
                and days(a["date"])[1] <= datetime.date(2012, 12, 31)]
        self.assertEqual([a["id"] for a in got], [i for _, i in sorted(want)])
        self.assertTrue(got)
        within = partnet_json("agreements", "--between", "BY,BY")
        self.assertEqual({a["id"] for a in within},
                         {a["id"] for a in self.agreements
                          if [self.country(p) for p in a["parties"]] == ["BY", "BY"]})

    def test_node_and_kind(self):
        got = partnet_json("agreements", "--node", "Minsk", "--kind", "twinning")
        self.assertEqual({a["id"] for a in got},
                         {a["id"] for a in self.agreements
                          if "by-minsk" in a["parties"] and a["kind"] == "twinning"})
        for a in got:
            self.assertIn("by-minsk", [p["id"] for p in a["parties"]])

    def test_csv_has_one_row_per_agreement_with_its_source(self):
        rows = list(csv.DictReader(io.StringIO(partnet("agreements", "--format", "csv"))))
        self.assertEqual(len(rows), len(self.agreements))
        self.assertEqual(list(rows[0]), ["date", "end", "kind", "a", "a_name", "a_country", "b",
                                         "b_name", "b_country", "id", "document", "line",
                                         "location", "quote", "url", "sources",
                                         "input_line"])
        by_id = {a["id"]: a for a in self.agreements}
        for r in rows:
            a = by_id[r["id"]]
            self.assertEqual([r["a"], r["b"]], a["parties"])
            self.assertEqual(r["quote"], (a.get("source") or {}).get("quote") or "")
            self.assertEqual(r["line"], str((a.get("source") or {}).get("line") or ""))
            source = a.get("source") or {}
            self.assertEqual(r["sources"], source["document"] + (
                f":{source['line']}" if source.get("line") else "") if source else "")
        dated = [r["date"] for r in rows if r["date"]]
        self.assertEqual(dated, [r["date"] for r in rows[:len(dated)]], "undated ones last")

    def test_bad_arguments(self):
        for args, message in ((["--between", "BY"], "--between: expected two country codes"),
                              (["--between", "BY,XX"], '--between: no country "XX"'),
                              (["--node", "Atlantis"], 'no node is called "Atlantis"')):
            r = run("agreements", *args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(message, r.stderr.decode())


class Path(unittest.TestCase):
    """partnet path against NetworkX on graphs/cis.json: every pair from four sources."""

    @classmethod
    def setUpClass(cls):
        cls.nodes, cls.agreements = load_cis()
        cls.graph = simple_graph(cls.nodes, [a["parties"] for a in cls.agreements])

    def check(self, g, a, b, data=CIS, agreements=None):
        got = partnet_json("--data", data, "path", a, b)
        distance, count, path = shortest_path_oracle(g, a, b)
        self.assertEqual(got["from"]["id"], a)
        self.assertEqual(got["to"]["id"], b)
        if distance is None:
            self.assertFalse(got["connected"])
            self.assertIsNone(got["distance"])
            self.assertEqual(got["paths"], 0)
            self.assertEqual(got["steps"], [])
            self.assertIn("not connected", got["reason"])
            return got
        self.assertTrue(got["connected"], (a, b))
        self.assertEqual(got["distance"], distance, (a, b))
        self.assertEqual(got["paths"], count, (a, b))
        ids = [n["id"] for n in got["path"]]
        self.assertEqual(len(ids), distance + 1)
        self.assertTrue(all(g.has_edge(u, v) for u, v in zip(ids, ids[1:])), ids)
        self.assertEqual(ids, path, "the path of the smallest ids")
        self.assertEqual(len(got["steps"]), distance)
        for step, u, v in zip(got["steps"], ids, ids[1:]):
            self.assertEqual((step["from"]["id"], step["to"]["id"]), (u, v))
            self.assertEqual(len(step["agreements"]), 1)
            self.assertEqual({p["id"] for p in step["agreements"][0]["parties"]}, {u, v})
            if agreements is not None:
                pair = [(i, x) for i, x in enumerate(agreements) if set(x["parties"]) == {u, v}]
                dated = sorted((date_key(x, i), x["id"]) for i, x in pair if x.get("date"))
                earliest = dated[0][1] if dated else pair[0][1]["id"]
                self.assertEqual(step["agreements"][0]["id"], earliest, (u, v))
        return got

    def test_equals_networkx_from_four_sources(self):
        for a in ("by-minsk", "by-mogilev-oblast", "tj-dushanbe", "by-mogilev"):
            for b in sorted(self.nodes):
                self.check(self.graph, a, b, agreements=self.agreements)

    def test_all_lists_every_agreement_of_each_step(self):
        got = partnet_json("path", "by-minsk", "by-gomel-oblast", "--all")
        for step in got["steps"]:
            pair = {step["from"]["id"], step["to"]["id"]}
            self.assertEqual(sorted(a["id"] for a in step["agreements"]),
                             sorted(a["id"] for a in self.agreements if set(a["parties"]) == pair))

    def test_in_a_view(self):
        nodes, ids = oracle_view(self.nodes, self.agreements, as_of="2010")
        g = simple_graph(nodes, [a["parties"] for a in self.agreements if a["id"] in ids])
        got = partnet_json("path", "tj-dushanbe", "by-gomel-oblast", "--as-of", "2010")
        distance, count, path = shortest_path_oracle(g, "tj-dushanbe", "by-gomel-oblast")
        self.assertEqual((got["distance"], got["paths"]), (distance, count))
        got = partnet_json("path", "by-minsk", "by-vitebsk", "--level", "region")
        self.assertFalse(got["connected"])
        self.assertIn("by-minsk is not in the view", got["reason"])

    def test_table_and_usage(self):
        text = partnet("path", "by-minsk", "by-mogilev")
        self.assertIn("connected  no", text)
        self.assertIn("not connected", text)
        r = run("path", "by-minsk")
        self.assertEqual(r.returncode, 2)
        self.assertIn("expected two nodes", r.stderr.decode())


class Search(unittest.TestCase):
    def test_lists_best_first(self):
        rows = partnet_json("search", "mogilev")
        self.assertEqual([r["node"]["id"] for r in rows][:1], ["by-mogilev"])
        self.assertEqual(rows[0]["match"], "name")
        self.assertEqual({r["match"] for r in rows[1:]}, {"prefix"})
        self.assertEqual({r["node"]["id"] for r in rows},
                         {"by-mogilev", "by-mogilev-oblast", "by-mogilev-district"})
        self.assertEqual(partnet_json("search", "Магілёў")[0]["matched"], "Mahilyow")

    def test_similar_names_when_nothing_matches(self):
        r = run("search", "Mogilyev", "--format", "json")
        self.assertEqual(r.returncode, 0)
        rows = json.loads(r.stdout)
        self.assertEqual({x["match"] for x in rows}, {"similar"})
        self.assertIn("by-mogilev", [x["node"]["id"] for x in rows])
        self.assertIn("similar names follow", r.stderr.decode())


class World(unittest.TestCase):
    """The world twin-cities list: its names as written (the raw list), and paths and measures
    against NetworkX (on the list as world_to_csv.py converts it)."""

    @classmethod
    def setUpClass(cls):
        shared_material.require(WORLD_RAW, WORLD_TO_CSV)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "world")
        subprocess.run(["/usr/bin/python3", WORLD_TO_CSV, "--raw", WORLD_RAW, "--out", cls.dir],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(cls.dir, "nodes.csv"), encoding="utf-8", newline="") as f:
            cls.nodes = [r["id"] for r in csv.DictReader(f)]
        with open(os.path.join(cls.dir, "edges.csv"), encoding="utf-8", newline="") as f:
            cls.pairs = [(r["source"], r["target"]) for r in csv.DictReader(f)]
        cls.graph = simple_graph(cls.nodes, cls.pairs)
        # the ISO code partnet resolves each country name to groups nodes by country
        cls.country = {r["id"]: r["country"] for r in csv.DictReader(io.StringIO(
            partnet("--data", cls.dir, "export", "--nodes-csv", "-")))}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_names_across_scripts_and_accents(self):
        rows = partnet_json("--data", WORLD_RAW, "search", "berat")
        self.assertEqual([(r["node"]["id"], r["match"]) for r in rows[:2]],
                         [("AL:Berat", "name"), ("FR:Bérat", "name")])
        self.assertEqual(partnet_json("--data", WORLD_RAW, "search", "北京")[0]["node"]["id"],
                         "CN:Beijing")
        steps = partnet_json("--data", WORLD_RAW, "info", "--ego", "AL:Berat")["view"]
        self.assertEqual(steps[-1]["step"], "--ego AL:Berat:1", "a colon in an id is no radius")
        self.assertEqual(steps[-1]["nodes"], 1 + rows[0]["agreements"])
        r = run("--data", WORLD_RAW, "show", "Berat")
        self.assertEqual(r.returncode, 2)
        self.assertIn('"Berat" could be 2 nodes: AL:Berat (Berat, city, AL), FR:Bérat',
                      r.stderr.decode())

    def test_paths_equal_networkx(self):
        rng = random.Random(7)
        giant = sorted(max(nx.connected_components(self.graph), key=len))
        pairs = [tuple(rng.sample(giant, 2)) for _ in range(25)]
        lone = next(v for v in self.nodes if self.graph.degree(v) == 1
                    and v not in set(giant))
        pairs.append((giant[0], lone))
        for a, b in pairs:
            self.check_path(a, b)

    def check_path(self, a, b):
        got = partnet_json("--data", self.dir, "path", a, b)
        distance, count, path = shortest_path_oracle(self.graph, a, b)
        self.assertEqual(got["distance"], distance, (a, b))
        self.assertEqual(got["paths"], count, (a, b))
        self.assertEqual([n["id"] for n in got["path"]], path, (a, b))

    def test_views_equal_networkx(self):
        for options, g in (
                (["--k-core", "3"], nx.k_core(self.graph, 3)),
                (["--ego", "England|London:1"],
                 nx.ego_graph(self.graph, "England|London", radius=1)),
                (["--largest-component"],
                 self.graph.subgraph(max(nx.connected_components(self.graph), key=len)))):
            csv_text = partnet("--data", self.dir, "export", "--nodes-csv", "-", *options)
            got = {r["id"] for r in csv.DictReader(io.StringIO(csv_text))}
            self.assertEqual(got, set(g.nodes), options)

    def test_show_ranks_equal_networkx(self):
        values = {"degree": dict(self.graph.degree()),
                  "agreements": dict(self.graph.degree(weight="weight")),
                  "coreness": nx.core_number(self.graph)}
        country_of = self.country
        for node in ("England|London", "Albania|Berat"):
            got = partnet_json("--data", self.dir, "show", node, "--measures",
                               "degree,agreements,coreness")
            country = [v for v in self.nodes if country_of[v] == country_of[node]]
            for m, vals in values.items():
                s = got["measures"][m]
                self.assertEqual(s["value"], vals[node], (node, m))
                self.assertEqual(s["rank"], competition_rank(vals, node, self.nodes), (node, m))
                self.assertEqual(s["country_rank"], competition_rank(vals, node, country),
                                 (node, m))
                self.assertEqual(s["country_of"], len(country))


if __name__ == "__main__":
    unittest.main(verbosity=2)
