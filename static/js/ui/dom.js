// Building elements: text always goes in as text, never as HTML.

/**
 * Create an element: h('p', { className: 'x', onclick }, 'text', child).
 * Attributes named on* become listeners; strings become text nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(
    ...children.flat().filter((child) => child !== null && child !== undefined && child !== false),
  );
  return element;
}

/** Return a form field: its label (for the control with id) above the control. */
export function formField(id, label, control) {
  return h('p', { className: 'form-field' }, h('label', { for: id }, label), control);
}
