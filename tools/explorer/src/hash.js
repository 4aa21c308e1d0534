// The view's state in the URL fragment, so that a view can be shared as a link:
// #node=ID&year=2010&active=1&country=BY,RU&between=1&level=region,city&kind=twinning
//  &color=community&size=pagerank&layout=force
// Each value is percent-encoded (a comma inside a name is %2C); what the page does not know
// (an id not in the data, a misspelt measure) is left out.

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return null;
  }
}

function indexSet(names, list) {
  if (names === undefined) return null;
  const wanted = new Set();
  for (const name of names.split(",")) {
    const i = list.indexOf(decode(name));
    if (i >= 0) wanted.add(i);
  }
  return wanted;
}

export function defaultState(m) {
  return {
    node: -1,
    year: null,
    active: false,
    countries: null,
    between: false,
    levels: null,
    kinds: null,
    color: "country",
    size: m.measures.includes("degree") ? "degree" : m.measures[0],
    layout: m.payload.layout,
  };
}

export function parseHash(m, hash, idIndex) {
  const s = defaultState(m);
  const fields = {};
  for (const part of hash.replace(/^#/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq)] = part.slice(eq + 1);
  }
  if (fields.node !== undefined) {
    const v = idIndex.get(decode(fields.node));
    if (v !== undefined) s.node = v;
  }
  if (fields.year !== undefined && m.firstYear !== null) {
    const y = parseInt(fields.year, 10);
    if (!Number.isNaN(y)) s.year = Math.min(Math.max(y, m.firstYear), m.lastYear);
  }
  s.active = fields.active === "1" && s.year !== null;
  s.countries = indexSet(fields.country, m.countries.code);
  if (s.countries && s.countries.size === 0) s.countries = null;
  s.between = fields.between === "1" && s.countries !== null;
  s.levels = indexSet(fields.level, m.levels);
  s.kinds = indexSet(fields.kind, m.kinds);
  if (fields.color === "community" && m.community) s.color = "community";
  const size = decode(fields.size || "");
  if (m.measures.includes(size)) s.size = size;
  const layout = decode(fields.layout || "");
  if (m.layouts.includes(layout)) s.layout = layout;
  return s;
}

function names(set, list) {
  return Array.from(set).sort((x, y) => x - y).map((i) => encodeURIComponent(list[i])).join(",");
}

export function formatHash(m, s) {
  const d = defaultState(m), parts = [];
  if (s.node >= 0) parts.push("node=" + encodeURIComponent(m.id[s.node]));
  if (s.year !== null) parts.push("year=" + s.year);
  if (s.active) parts.push("active=1");
  if (s.countries) parts.push("country=" + names(s.countries, m.countries.code));
  if (s.between) parts.push("between=1");
  if (s.levels) parts.push("level=" + names(s.levels, m.levels));
  if (s.kinds) parts.push("kind=" + names(s.kinds, m.kinds));
  if (s.color !== d.color) parts.push("color=" + s.color);
  if (s.size !== d.size) parts.push("size=" + encodeURIComponent(s.size));
  if (s.layout !== d.layout) parts.push("layout=" + encodeURIComponent(s.layout));
  return parts.length ? "#" + parts.join("&") : "";
}
