// partnet's explorer: the network of a dataset in the browser, drawn by sigma.js (WebGL) from a
// graphology graph, with search, a panel per node (its agreements with their sources, its
// rank by each measure), filters, colours, sizes, a timeline, and the view in the URL.
import Graph from "graphology";
import Sigma from "sigma";

import { h, fill, name, byId, formatNumber } from "./dom.js";
import { defaultState, formatHash, parseHash } from "./hash.js";
import { readModel, visibility } from "./model.js";
import { search, searchIndex, fold } from "./search.js";
import "./style.css";

// Tableau 10 without its grey, as partnet draw colours countries; the rest share grey.
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
  "#ff9da7", "#9c755f"];
const OTHER = "#bab0ac";
const DIMMED = "#e4e4e4";
const PLAY_STEP_MS = 700;

const MEASURE_TEXT = {
  degree: "partners",
  agreements: "agreements",
  betweenness: "betweenness",
  closeness: "closeness",
  harmonic: "harmonic closeness",
  eigenvector: "eigenvector",
  pagerank: "PageRank",
  coreness: "coreness (k-core)",
};

const LAYOUT_TEXT = { map: "map", force: "network (force)" };

let m, state, shown, renderer, graph, index, order, playing = null;
const idIndex = new Map();

function countryLabel(c) {
  const code = m.countries.code[c], label = m.countries.name[c];
  if (!code) return "no country given";
  return label && label !== code ? label + " (" + code + ")" : code;
}

function colorOf(v) {
  if (state.color === "community") {
    const c = m.community[v];
    return c < PALETTE.length && m.communitySize[c] > 1 ? PALETTE[c] : OTHER;
  }
  const c = m.country[v];
  return c < PALETTE.length ? PALETTE[c] : OTHER;
}

function sizeScale() {
  const values = m.payload.measures[state.size].value;
  let max = 0;
  for (let v = 0; v < m.n; v++) max = Math.max(max, values[v]);
  const [lo, hi] = m.n > 3000 ? [1.6, 14] : m.n > 400 ? [2.5, 16] : [4, 20];
  return (v) => lo + (hi - lo) * Math.sqrt(max > 0 ? Math.max(values[v], 0) / max : 0);
}

// ---- the graph ----------------------------------------------------------------------------

function buildGraph() {
  graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const layout = m.payload.layouts[state.layout];
  const size = sizeScale();
  for (let v = 0; v < m.n; v++) {
    graph.addNode(String(v), {
      x: layout.x[v], y: layout.y[v], size: size(v), color: colorOf(v), label: m.name[v],
    });
  }
  const big = m.p > 5000;
  for (let p = 0; p < m.p; p++) {
    graph.addUndirectedEdgeWithKey(String(p), String(m.pairA[p]), String(m.pairB[p]), {
      size: (big ? 0.5 : 1) + 0.7 * Math.log2(m.pairCount[p]),
      color: big ? "rgba(90,98,110,0.22)" : "rgba(80,90,105,0.55)",
    });
  }
}

function neighbourOfSelected(v) {
  if (state.node < 0) return false;
  return graph.areNeighbors(String(v), String(state.node));
}

function nodeReducer(key, data) {
  const v = +key;
  if (!shown.nodes[v] && v !== state.node) return { ...data, hidden: true };
  if (state.node < 0) return data;
  if (v === state.node) return { ...data, zIndex: 3, forceLabel: true, highlighted: true };
  if (neighbourOfSelected(v)) return { ...data, zIndex: 1, forceLabel: m.n <= 400 };
  return { ...data, color: DIMMED, label: "", zIndex: 0 };
}

function edgeReducer(key, data) {
  const p = +key;
  if (!shown.pairs[p]) return { ...data, hidden: true };
  if (state.node >= 0) {
    const touches = m.pairA[p] === state.node || m.pairB[p] === state.node;
    if (!touches) return { ...data, hidden: true };
    return { ...data, color: "rgba(40,48,60,0.7)", size: data.size + 0.6, zIndex: 1 };
  }
  return data;
}

function drawHover(context, data, settings) {
  // the tooltip says who it is: on the canvas, only a ring round the node
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.lineWidth = 2;
  context.strokeStyle = "#1f2933";
  context.stroke();
  void settings;
}

// Labels that do not run over one another: sigma chooses the candidates (by its label grid),
// they are drawn after the frame, largest node first, each left out when its box meets one
// already drawn (the selected node's always shows); a white halo keeps them readable over the
// lines.
let labelCandidates = [];

function collectLabel(context, data, settings) {
  if (data.label) labelCandidates.push({ label: data.label, x: data.x, y: data.y, size: data.size,
    chosen: data.key === String(state.node) });
  void context;
  void settings;
}

function drawLabels() {
  const context = renderer.getCanvases().labels.getContext("2d");
  const settings = renderer.getSettings(), size = settings.labelSize;
  context.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
  context.lineWidth = 3;
  context.lineJoin = "round";
  const boxes = [];
  labelCandidates.sort((p, q) => (q.chosen - p.chosen) || q.size - p.size);
  for (const c of labelCandidates) {
    const width = context.measureText(c.label).width;
    const x = c.x + c.size + 3, y = c.y + size / 3;
    const box = [x - 1, y - size, x + width + 1, y + size * 0.3];
    if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]))
      continue;
    boxes.push(box);
    context.strokeStyle = "rgba(255,255,255,0.85)";
    context.strokeText(c.label, x, y);
    context.fillStyle = settings.labelColor.color;
    context.fillText(c.label, x, y);
  }
  labelCandidates = [];
}

function makeRenderer() {
  const container = byId("graph");
  renderer = new Sigma(graph, container, {
    nodeReducer,
    edgeReducer,
    zIndex: true,
    labelFont: "'DejaVu Sans', 'Noto Sans', Arial, sans-serif",
    labelSize: 12,
    labelColor: { color: "#1f2933" },
    labelRenderedSizeThreshold: m.n > 3000 ? 9 : 6,
    labelDensity: m.n > 3000 ? 0.25 : 0.6,
    defaultDrawNodeHover: drawHover,
    defaultDrawNodeLabel: collectLabel,
    hideEdgesOnMove: m.p > 10000,
    minCameraRatio: 0.002,
    maxCameraRatio: 4,
    stagePadding: 40,
  });
  // sigma draws the hovered node on a layer of its own: no refresh needed
  renderer.on("enterNode", ({ node, event }) => {
    showTooltip(+node, event.x, event.y);
    container.style.cursor = "pointer";
  });
  renderer.on("leaveNode", () => {
    byId("tooltip").hidden = true;
    container.style.cursor = "";
  });
  renderer.on("clickNode", ({ node }) => update({ node: +node }, { focus: false }));
  renderer.on("clickStage", () => update({ node: -1 }));
  renderer.on("beforeRender", () => { labelCandidates = []; });
  renderer.on("afterRender", drawLabels);
  addGraticule();
  renderer.scheduleRender(); // the first frame, drawn in the constructor, had neither
}

// The map's parallels and meridians (made by partnet, projected as the nodes are), drawn
// under the edges after every render of the map.
function addGraticule() {
  const map = m.payload.layouts.map;
  if (!map || !map.graticule) return;
  const canvas = renderer.createCanvas("graticule", { beforeLayer: "edges" });
  const context = canvas.getContext("2d");
  const draw = () => {
    const { width, height } = renderer.getDimensions(), ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    if (state.layout !== "map") return;
    context.strokeStyle = "#dde3ea";
    context.lineWidth = 1;
    for (const line of map.graticule.lines) {
      context.beginPath();
      for (let i = 0; i < line.length; i += 2) {
        const p = renderer.graphToViewport({ x: line[i], y: line[i + 1] });
        if (i) context.lineTo(p.x, p.y);
        else context.moveTo(p.x, p.y);
      }
      context.stroke();
    }
  };
  renderer.on("afterRender", draw);
  draw();
}

function showTooltip(v, x, y) {
  const tip = byId("tooltip");
  fill(tip, 
    h("strong", null, name(m.name[v])),
    h("span", null, countryLabel(m.country[v]) + " · " + m.levels[m.level[v]]),
    h("span", { class: "muted" }, m.nodeAgreements[v].length + " agreement" +
      (m.nodeAgreements[v].length === 1 ? "" : "s")));
  tip.hidden = false;
  const stage = byId("stage").getBoundingClientRect();
  tip.style.left = Math.min(x + 14, stage.width - tip.offsetWidth - 8) + "px";
  tip.style.top = Math.min(y + 14, stage.height - tip.offsetHeight - 8) + "px";
}

// Frame a node and its partners in view in what the panel leaves visible.
function focusNode(v, animate) {
  const data = renderer.getNodeDisplayData(String(v));
  if (!data) return;
  let x0 = data.x, x1 = data.x, y0 = data.y, y1 = data.y;
  graph.forEachNeighbor(String(v), (u) => {
    const d = renderer.getNodeDisplayData(u);
    if (!d || d.hidden) return;
    x0 = Math.min(x0, d.x);
    x1 = Math.max(x1, d.x);
    y0 = Math.min(y0, d.y);
    y1 = Math.max(y1, d.y);
  });
  const camera = renderer.getCamera(), box = byId("graph").getBoundingClientRect();
  const panel = byId("panel"), covered = panel.hidden ? 0 : panel.offsetWidth;
  // the box to fill, in pixels: a margin of 50, and 120 more on the right for the labels
  const left = 50, right = Math.max(box.width - covered - 170, left + 80);
  const top = 50, bottom = Math.max(box.height - 50, top + 80);
  const floor = m.n > 3000 ? 0.03 : 0.12, ceiling = 3;
  let target = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: camera.ratio, angle: camera.angle };
  for (let round = 0; round < 3; round++) {
    // where the corners land with this camera, and how to move and scale it to fit the box
    const p = renderer.framedGraphToViewport({ x: x0, y: y0 }, { cameraState: target });
    const q = renderer.framedGraphToViewport({ x: x1, y: y1 }, { cameraState: target });
    const scale = Math.max(Math.abs(q.x - p.x) / (right - left), Math.abs(q.y - p.y) / (bottom - top), 1e-6);
    const ratio = Math.min(Math.max(target.ratio * scale, floor), ceiling);
    target = { ...target, ratio };
    const c = renderer.framedGraphToViewport({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, { cameraState: target });
    const want = renderer.viewportToFramedGraph({ x: (left + right) / 2, y: (top + bottom) / 2 }, { cameraState: target });
    const have = renderer.viewportToFramedGraph(c, { cameraState: target });
    target = { ...target, x: target.x - (want.x - have.x), y: target.y - (want.y - have.y) };
  }
  if (animate) camera.animate(target, { duration: 450 });
  else camera.setState(target);
}

// ---- the state ----------------------------------------------------------------------------

function sameSet(x, y) {
  if (x === y) return true;
  if (!x || !y || x.size !== y.size) return false;
  for (const k of x) if (!y.has(k)) return false;
  return true;
}

// Change the state, redraw what depends on it, and write it into the URL.
function update(patch, opts = {}) {
  const previous = state;
  state = { ...state, ...patch };
  if (state.year === null) state.active = false;
  if (!state.countries) state.between = false;
  const filters = previous.year !== state.year || previous.active !== state.active ||
    previous.between !== state.between || !sameSet(previous.countries, state.countries) ||
    !sameSet(previous.levels, state.levels) || !sameSet(previous.kinds, state.kinds);
  if (filters || !shown) shown = visibility(m, state);
  if (previous.color !== state.color) {
    graph.updateEachNodeAttributes((key, attr) => ({ ...attr, color: colorOf(+key) }));
  }
  if (previous.size !== state.size) {
    const size = sizeScale();
    graph.updateEachNodeAttributes((key, attr) => ({ ...attr, size: size(+key) }));
  }
  if (previous.layout !== state.layout) {
    const layout = m.payload.layouts[state.layout];
    graph.updateEachNodeAttributes((key, attr) => ({ ...attr, x: layout.x[+key], y: layout.y[+key] }));
  }
  renderer.refresh();
  if (previous.layout !== state.layout) renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  showControls(filters);
  if (previous.node !== state.node || filters) showPanel();
  if (state.node >= 0 && (previous.node !== state.node || previous.layout !== state.layout) &&
      opts.focus !== false)
    focusNode(state.node, !opts.instant);
  if (!opts.fromHash) {
    const hash = formatHash(m, state);
    if (hash !== location.hash && !(hash === "" && location.hash === "#"))
      history.replaceState(null, "", hash || location.pathname + location.search);
  }
}

// ---- the controls -------------------------------------------------------------------------

function fillSelect(select, values, labels) {
  select.replaceChildren(...values.map((v, i) => h("option", { value: v }, labels[i])));
}

function checklistItem(label, count, checked, swatch, onChange, data) {
  const box = h("input", { type: "checkbox", onchange: onChange });
  box.checked = checked;
  return h("li", { dataset: data },
    h("label", null, box,
      swatch ? h("span", { class: "swatch", style: { background: swatch } }) : null,
      h("span", { class: "item-name" }, name(label)),
      h("span", { class: "count" }, formatNumber(count))));
}

function toggled(set, i, all) {
  const next = new Set(set || all);
  if (next.has(i)) next.delete(i);
  else next.add(i);
  return next.size === all.length ? null : next;
}

function buildControls() {
  const p = m.payload;
  document.title = p.title + " · partnet explorer";
  byId("title").textContent = p.title;
  byId("title").title = p.title;
  byId("subtitle").textContent = [p.dataset, p.view].filter(Boolean).join(" · ");

  const results = byId("search-results"), input = byId("search");
  const showResults = () => {
    const found = search(m, index, input.value, order, 12);
    fill(results, ...found.map((f, k) => h("li", {
      role: "option", dataset: { node: m.id[f.node] }, class: k === 0 ? "first" : null,
      onmousedown: (e) => {
        e.preventDefault();
        choose(f.node);
      },
    }, name(m.name[f.node]),
    f.alias ? h("span", { class: "muted" }, " (", name(f.alias), ")") : null,
    h("span", { class: "where" }, countryLabel(m.country[f.node]) + " · " + m.levels[m.level[f.node]]),
    shown.nodes[f.node] ? null : h("span", { class: "where" }, "hidden by the filters"))));
    if (input.value.trim() && !found.length) results.append(h("li", { class: "none" }, "no name or alias matches"));
    results.hidden = !input.value.trim();
  };
  const choose = (v) => {
    results.hidden = true;
    input.value = m.name[v];
    update({ node: v });
  };
  input.addEventListener("input", showResults);
  input.addEventListener("focus", () => input.value.trim() && showResults());
  input.addEventListener("blur", () => { results.hidden = true; });
  // the arrows move through the results, Enter opens the marked one (the first at start)
  input.addEventListener("keydown", (e) => {
    const items = Array.from(results.querySelectorAll("li[data-node]"));
    const at = items.findIndex((li) => li.classList.contains("first"));
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && items.length && !results.hidden) {
      e.preventDefault();
      const next = (at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, k) => li.classList.toggle("first", k === next));
      items[next].scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter") {
      const marked = items[at] ? idIndex.get(items[at].dataset.node) : undefined;
      const first = marked !== undefined ? { node: marked } : search(m, index, input.value, order, 1)[0];
      if (first) choose(first.node);
    } else if (e.key === "Escape") {
      input.value = "";
      results.hidden = true;
    }
  });

  const colorBy = byId("color-by");
  fillSelect(colorBy, m.community ? ["country", "community"] : ["country"],
    m.community ? ["country", "community"] : ["country"]);
  colorBy.addEventListener("change", () => update({ color: colorBy.value }));
  const sizeBy = byId("size-by");
  fillSelect(sizeBy, m.measures, m.measures.map((k) => MEASURE_TEXT[k] || k));
  sizeBy.addEventListener("change", () => update({ size: sizeBy.value }));
  const layout = byId("layout");
  fillSelect(layout, m.layouts, m.layouts.map((k) => LAYOUT_TEXT[k] || k));
  layout.addEventListener("change", () => update({ layout: layout.value }));
  byId("layout-row").hidden = m.layouts.length < 2;

  const allCountries = m.countries.code.map((_, i) => i);
  fill(byId("country-list"), ...allCountries.map((c) => checklistItem(
    countryLabel(c), m.countryNodes[c], false, c < PALETTE.length ? PALETTE[c] : OTHER,
    () => {
      const next = new Set(state.countries || []);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      update({ countries: next.size ? next : null });
    }, { country: m.countries.code[c], search: fold(countryLabel(c)) })));
  byId("country-find").addEventListener("input", (e) => {
    const q = fold(e.target.value);
    for (const li of byId("country-list").children) li.hidden = q && !li.dataset.search.includes(q);
  });
  byId("country-clear").addEventListener("click", () => update({ countries: null }));
  const between = byId("between");
  between.addEventListener("change", () => update({ between: between.checked }));

  const levels = m.levels.map((_, i) => i).filter((i) => m.levelNodes[i] > 0);
  fill(byId("level-list"), ...levels.map((l) => checklistItem(
    m.levels[l], m.levelNodes[l], true, null,
    () => update({ levels: toggled(state.levels, l, m.levels.map((_, i) => i)) }),
    { level: m.levels[l] })));
  const kinds = m.kinds.map((_, i) => i).filter((i) => m.kindAgreements[i] > 0);
  fill(byId("kind-list"), ...kinds.map((k) => checklistItem(
    m.kinds[k].replace(/_/g, " "), m.kindAgreements[k], true, null,
    () => update({ kinds: toggled(state.kinds, k, m.kinds.map((_, i) => i)) }),
    { kind: m.kinds[k] })));

  const slider = byId("year"), play = byId("play");
  if (m.a === 0) {
    const message = byId("message");
    message.textContent = "Nothing to show: this view (" + p.description + ") holds no agreement.";
    message.hidden = false;
  }
  if (m.firstYear === null) {
    byId("timeline").classList.add("off");
    byId("year-label").textContent = m.a ? "no agreement is dated: no timeline" : "no timeline";
    slider.disabled = play.disabled = byId("active").disabled = true;
  } else {
    slider.min = m.firstYear;
    slider.max = m.lastYear + 1; // the last stop: every agreement, undated ones too
    slider.step = 1;
    slider.addEventListener("input", () => {
      stopPlaying();
      const y = +slider.value;
      update({ year: y > m.lastYear ? null : y });
    });
    play.addEventListener("click", () => (playing ? stopPlaying() : startPlaying()));
    byId("active").addEventListener("change", (e) => update({ active: e.target.checked }));
  }

  byId("zoom-in").addEventListener("click", () => renderer.getCamera().animatedZoom({ duration: 250 }));
  byId("zoom-out").addEventListener("click", () => renderer.getCamera().animatedUnzoom({ duration: 250 }));
  byId("zoom-reset").addEventListener("click", () => renderer.getCamera().animatedReset({ duration: 300 }));
  byId("panel-close").addEventListener("click", () => update({ node: -1 }));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && document.activeElement !== input) update({ node: -1 });
  });
  fill(byId("about"), ...aboutLines());
}

function startPlaying() {
  if (state.year === null || state.year >= m.lastYear) update({ year: m.firstYear });
  playing = setInterval(() => {
    if (state.year === null || state.year >= m.lastYear) stopPlaying();
    else update({ year: state.year + 1 });
    if (state.year !== null && state.year >= m.lastYear) stopPlaying();
  }, PLAY_STEP_MS);
  byId("play").textContent = "❚❚";
  byId("play").setAttribute("aria-label", "Pause");
  byId("timeline").classList.add("playing");
}

function stopPlaying() {
  if (!playing) return;
  clearInterval(playing);
  playing = null;
  byId("play").textContent = "▶";
  byId("play").setAttribute("aria-label", "Play the growth of the network");
  byId("timeline").classList.remove("playing");
}

function aboutLines() {
  const p = m.payload, lines = [];
  lines.push(h("p", null, "Measures and ranks are those of the whole network in this file, as ",
    h("code", null, "partnet rank --all"), " computes them (" + formatNumber(p.measured) +
    " nodes, those without an agreement too); filters and the timeline do not change them."));
  const b = p.betweenness;
  if (b && b.sources !== null && b.sources !== undefined)
    lines.push(h("p", { id: "about-betweenness" }, "Betweenness is estimated from " +
      formatNumber(b.sources) + " random sources of " + formatNumber(b.of) + " (seed " + b.seed +
      "), scaled by N/K."));
  else lines.push(h("p", { id: "about-betweenness" }, "Betweenness is exact."));
  if (p.communities)
    lines.push(h("p", null, "Communities: Louvain, seed " + p.communities.seed + ": " +
      formatNumber(p.communities.count) + " communities, modularity " +
      formatNumber(p.communities.modularity) + "."));
  for (const k of m.layouts) lines.push(h("p", null, p.layouts[k].about));
  lines.push(h("p", { class: "muted" }, "partnet " + p.partnet + ", sigma.js and graphology."));
  return lines;
}

function showLegend() {
  const legend = byId("legend"), items = [];
  if (state.color === "community") {
    const sizes = m.communitySize;
    for (let c = 0; c < Math.min(PALETTE.length, sizes.length); c++) {
      if (sizes[c] < 2) break;
      items.push(h("li", null, h("span", { class: "swatch", style: { background: PALETTE[c] } }),
        "community " + (c + 1), h("span", { class: "count" }, formatNumber(sizes[c]))));
    }
    const rest = sizes.length - items.length;
    if (rest > 0) {
      const nodes = sizes.slice(items.length).reduce((x, y) => x + y, 0);
      items.push(h("li", null, h("span", { class: "swatch", style: { background: OTHER } }),
        formatNumber(rest) + " other communities", h("span", { class: "count" }, formatNumber(nodes))));
    }
  } else {
    const count = m.countries.code.length;
    for (let c = 0; c < Math.min(PALETTE.length, count); c++) {
      items.push(h("li", null, h("span", { class: "swatch", style: { background: PALETTE[c] } }),
        name(countryLabel(c)), h("span", { class: "count" }, formatNumber(m.countryNodes[c]))));
    }
    if (count > PALETTE.length) {
      const rest = m.countryNodes.slice(PALETTE.length).reduce((x, y) => x + y, 0);
      items.push(h("li", null, h("span", { class: "swatch", style: { background: OTHER } }),
        formatNumber(count - PALETTE.length) + " other countries", h("span", { class: "count" }, formatNumber(rest))));
    }
  }
  fill(legend, ...items);
}

function showControls(filtersChanged) {
  byId("color-by").value = state.color;
  byId("size-by").value = state.size;
  byId("layout").value = state.layout;
  showLegend();
  const counts = byId("counts");
  counts.dataset.nodes = shown.shownNodes;
  counts.dataset.agreements = shown.shownAgreements;
  counts.dataset.pairs = shown.shownPairs;
  counts.textContent = formatNumber(shown.shownNodes) + " of " + formatNumber(m.n) + " nodes · " +
    formatNumber(shown.shownAgreements) + " of " + formatNumber(m.a) + " agreements · " +
    formatNumber(shown.shownPairs) + " pairs";
  if (!filtersChanged && byId("year").dataset.year !== undefined) return;
  for (const li of byId("country-list").children) {
    const c = m.countries.code.indexOf(li.dataset.country);
    li.querySelector("input").checked = !!(state.countries && state.countries.has(c));
  }
  byId("country-summary").textContent = state.countries
    ? state.countries.size + " chosen" : "all";
  byId("country-clear").hidden = !state.countries;
  byId("between").checked = state.between;
  byId("between").disabled = !state.countries;
  for (const li of byId("level-list").children)
    li.querySelector("input").checked = !state.levels || state.levels.has(m.levels.indexOf(li.dataset.level));
  for (const li of byId("kind-list").children)
    li.querySelector("input").checked = !state.kinds || state.kinds.has(m.kinds.indexOf(li.dataset.kind));
  if (m.firstYear !== null) {
    const slider = byId("year");
    slider.value = state.year === null ? m.lastYear + 1 : state.year;
    slider.dataset.year = state.year === null ? "all" : state.year;
    byId("year-label").textContent = state.year === null
      ? "all years" + (m.undated ? " (" + formatNumber(m.undated) + " undated too)" : "")
      : "as of " + state.year;
    byId("active").checked = state.active;
    byId("active").disabled = state.year === null;
  }
}

// ---- the node's panel ---------------------------------------------------------------------

function agreementItem(i, v) {
  const partner = m.partyA[i] === v ? m.partyB[i] : m.partyA[i];
  const docIndex = m.document[i];
  const docs = m.documents;
  const docTitle = docIndex === null ? null
    : (docs.title && docs.title[docIndex]) || docs.id[docIndex];
  const source = [];
  if (docTitle) source.push(docTitle);
  if (m.line[i]) source.push("line " + m.line[i]);
  if (m.location[i]) source.push(m.location[i]);
  const url = m.url[i] || (docIndex !== null && docs.url ? docs.url[docIndex] : null);
  return h("li", { class: "agreement" + (shown.agreements[i] ? "" : " out"), dataset: { agreement: i } },
    h("div", { class: "head" },
      h("span", { class: "date" }, m.date[i] || "undated"),
      h("span", { class: "kind" }, m.kinds[m.kind[i]].replace(/_/g, " ")),
      m.end[i] ? h("span", { class: "muted" }, "until " + m.end[i]) : null),
    h("div", { class: "partner" }, "with ",
      h("a", { href: "#", dataset: { node: m.id[partner] },
        onclick: (e) => { e.preventDefault(); update({ node: partner }); } }, name(m.name[partner])),
      h("span", { class: "muted" }, " · " + countryLabel(m.country[partner]) + " · " + m.levels[m.level[partner]])),
    source.length ? h("div", { class: "source" }, "Source: ", name(source.join(", "))) : null,
    m.quote[i] ? h("blockquote", null, name(m.quote[i])) : null,
    m.note[i] ? h("div", { class: "note" }, name(m.note[i])) : null,
    url && /^https?:\/\//i.test(url) ? h("div", { class: "link" },
      h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url)) : null,
    m.agreementId[i] ? h("div", { class: "id" }, name(m.agreementId[i])) : null);
}

function byDateThenPartner(v) {
  return (i, j) => {
    const x = m.date[i], y = m.date[j];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    const pi = m.partyA[i] === v ? m.partyB[i] : m.partyA[i];
    const pj = m.partyA[j] === v ? m.partyB[j] : m.partyA[j];
    return m.name[pi].localeCompare(m.name[pj]) || i - j;
  };
}

function showPanel() {
  const panel = byId("panel"), v = state.node;
  if (v < 0) {
    panel.hidden = true;
    panel.dataset.node = "";
    return;
  }
  const p = m.payload;
  const rows = m.measures.map((k) => h("tr", { dataset: { measure: k } },
    h("th", null, MEASURE_TEXT[k] || k),
    h("td", { class: "number" }, formatNumber(p.measures[k].value[v])),
    h("td", { class: "number" }, formatNumber(p.measures[k].rank[v]))));
  const list = m.nodeAgreements[v].slice().sort(byDateThenPartner(v));
  const hiddenCount = list.filter((i) => !shown.agreements[i]).length;
  const facts = [countryLabel(m.country[v]), m.levels[m.level[v]]];
  if (m.community) facts.push("community " + (m.community[v] + 1));
  const where = m.lat[v] !== null && m.lon[v] !== null
    ? Math.abs(m.lat[v]).toFixed(2) + "° " + (m.lat[v] < 0 ? "S" : "N") + ", " +
      Math.abs(m.lon[v]).toFixed(2) + "° " + (m.lon[v] < 0 ? "W" : "E") : null;
  fill(byId("panel-body"), 
    h("h2", { id: "panel-name" }, name(m.name[v])),
    h("p", { class: "facts" }, h("span", { class: "swatch", style: { background: colorOf(v) } }),
      facts.join(" · ")),
    m.aliases[v].length ? h("p", { class: "aliases" }, "Also: ",
      m.aliases[v].map((a, k) => [k ? ", " : "", name(a)])) : null,
    h("p", { class: "muted" }, [h("code", null, name(m.id[v])), where ? " · " + where : null]),
    shown.nodes[v] ? null : h("p", { class: "warning" }, "Not shown under the current filters or year."),
    h("table", { class: "ranks" },
      h("caption", null, "Rank among the " + formatNumber(p.measured) +
        " nodes of the network (1: highest; ties by id)"),
      h("thead", null, h("tr", null, h("th", null, "measure"), h("th", null, "value"), h("th", null, "rank"))),
      h("tbody", null, rows)),
    h("h3", null, "Agreements (" + formatNumber(list.length) + ")"),
    hiddenCount ? h("p", { class: "muted" }, formatNumber(hiddenCount) +
      " in grey: outside the current filters or year.") : null,
    h("ol", { class: "agreements" }, list.map((i) => agreementItem(i, v))));
  panel.dataset.node = m.id[v];
  panel.hidden = false;
  byId("panel-body").scrollTop = 0;
}

// ---- start --------------------------------------------------------------------------------

function start() {
  const payload = JSON.parse(byId("partnet-data").textContent);
  m = readModel(payload);
  for (let v = 0; v < m.n; v++) idIndex.set(m.id[v], v);
  index = searchIndex(m);
  // search ties go to the best connected, as partnet rank --by degree orders them
  order = m.measures.includes("degree") ? payload.measures.degree.rank : m.id.map((_, v) => v);
  state = parseHash(m, location.hash, idIndex);
  shown = visibility(m, state);
  buildGraph();
  buildControls();
  try {
    makeRenderer();
  } catch (e) {
    const message = byId("message");
    message.textContent = "This browser cannot draw the network (it needs WebGL): " + e.message +
      ". Search and the panels still work.";
    message.hidden = false;
    renderer = { refresh() {}, getCamera() { return { setState() {}, animate() {} }; }, getNodeDisplayData() { return null; } };
  }
  showControls(true);
  showPanel();
  if (state.node >= 0) focusNode(state.node, false);
  window.addEventListener("hashchange", () => {
    stopPlaying();
    update(parseHash(m, location.hash, idIndex), { fromHash: true, instant: true });
  });
  // for scripts and tests that drive the page: where a node is on the screen
  window.partnetExplorer = Object.freeze({
    nodeOnScreen(id) {
      const v = idIndex.get(id), data = v === undefined ? null : renderer.getNodeDisplayData(String(v));
      if (!data || !renderer.framedGraphToViewport) return null;
      const point = renderer.framedGraphToViewport(data), box = byId("graph").getBoundingClientRect();
      return { x: point.x + box.left, y: point.y + box.top };
    },
  });
  // ready when the first picture is on the screen: two frames after the first render
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.documentElement.dataset.ready = "1";
    document.documentElement.dataset.readyMs = Math.round(performance.now());
  }));
}

start();
