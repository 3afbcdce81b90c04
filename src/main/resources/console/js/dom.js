// Builds elements from text only: every value becomes a text node or an attribute value, never markup, so a badge
// named <img src=x onerror=...> shows as those characters. Event handlers are functions, never attribute strings.

/** el('button', {type: 'button', onclick: fn}, 'Save') */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.substring(2), value);
    } else if (key === 'value') {
      node.value = value;
    } else if (key === 'checked') {
      node.checked = true;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's content. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A labelled input: the label wraps it, so screen readers name the field by its label. */
export function field(label, props) {
  return el('label', {}, label, el(props.tag || 'input', {...props, tag: undefined}));
}

/** A labelled select of [value, text] options. */
export function choice(label, props, options) {
  return el('label', {}, label, el('select', props,
    options.map(([value, text]) => el('option', {value, selected: value === props.value}, text))));
}

/** A table with a header row; rows are arrays of cells (text or nodes). */
export function table(caption, headers, rows) {
  return el('div', {class: 'table-wrap'}, el('table', {},
    el('caption', {class: 'muted'}, caption),
    el('thead', {}, el('tr', {}, headers.map(h => typeof h === 'string'
      ? el('th', {scope: 'col'}, h) : el('th', {scope: 'col', class: h.class}, h.text)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) =>
      el('td', {class: typeof headers[i] === 'string' ? undefined : headers[i].class}, c)))))));
}

/** Says something to everyone, screen readers included (the status line is a live region). */
export function say(text, kind = '') {
  const status = document.getElementById('status');
  status.className = 'status ' + kind;
  status.textContent = text;
}

/** A date-time from the API's ISO text, in the browser's zone; empty when absent. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}
