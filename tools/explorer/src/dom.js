// Building DOM elements. Text from the data always goes in as text nodes, never as HTML, so
// that no name can inject markup; names go in <bdi> so that right-to-left ones do not
// reorder the text around them.

export function h(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") e.className = value;
    else if (key === "dataset") Object.assign(e.dataset, value);
    else if (key === "style") Object.assign(e.style, value);
    else if (key.startsWith("on")) e.addEventListener(key.slice(2), value);
    else e.setAttribute(key, value === true ? "" : value);
  }
  append(e, children);
  return e;
}

function append(e, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(e, child);
    else e.append(child instanceof Node ? child : String(child));
  }
}

// Replace an element's children; null, false and undefined ones are left out.
export function fill(e, ...children) {
  e.replaceChildren();
  append(e, children);
  return e;
}

export function name(text) {
  return h("bdi", null, text);
}

export function byId(id) {
  return document.getElementById(id);
}

// A number for people: integers as they are, others to four significant digits.
export function formatNumber(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return "";
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  return String(Number(x.toPrecision(4)));
}
