// Builds elements from text nodes and attributes only: problem text (names, reasons) can never
// become markup, whatever it contains.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.flat().filter(child => child !== undefined && child !== null)
    .map(child => (child instanceof Node ? child : String(child))));
  return element;
}

export function table(headings, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headings.map(heading => el('th', {}, heading)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(cell => el('td', {}, cell))))));
}

export const PRIORITIES = ['critical', 'high', 'normal', 'low'];

export function percent(rate) {
  return rate === undefined || rate === null ? '-' : `${(100 * rate).toFixed(1)} %`;
}

/** The clock time of an ISO-8601 date-time as written, i.e. in the problem's own offset. */
export function clock(iso) {
  return iso ? iso.slice(11, 16) : '';
}

export function isFinal(status) {
  return status === 'DONE' || status === 'FAILED' || status === 'CANCELLED';
}

/** "Name (id)", or the id alone where the problem gives no name. */
export function named(name, id) {
  return name ? `${name} (${id})` : id;
}

export function showError(error) {
  const box = document.getElementById('error');
  box.textContent = error ? error.message : '';
  box.hidden = !error;
}
