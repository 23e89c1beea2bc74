// Small helpers shared by the widget and the agent console.

/** A wait that can be cut short (wake) or cancelled with the view (the promise then resolves too). */
export class Sleeper {
  #wake = null;
  #timer = null;

  sleep(ms) {
    this.wake();
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(() => this.wake(), ms);
    });
  }

  get sleeping() {
    return this.#wake !== null;
  }

  wake() {
    clearTimeout(this.#timer);
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … up to maxMs. */
export function backoffMs(failures, baseMs = 1000, maxMs = 30000) {
  const ms = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}

/** How long to wait before trying a failed call again: Retry-After when given, else backoff. */
export function retryDelayMs(error, failures) {
  return error.retryAfter != null ? error.retryAfter * 1000 : backoffMs(failures);
}

/**
 * Calls fn until it succeeds or fails for good (an error that is not retryable, or stopped()).
 * The sleeper lets the caller cut a wait short.
 */
export async function retrying(fn, { stopped = () => false, sleeper = new Sleeper() } = {}) {
  for (let failures = 1; ; failures += 1) {
    try {
      return await fn();
    } catch (error) {
      if (stopped() || !error.retryable) throw error;
      await sleeper.sleep(retryDelayMs(error, failures));
      if (stopped()) throw error;
    }
  }
}

/** An element with classes and text; text always goes in as text, never as markup. */
export function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** A <time> element in the user's locale. */
export function timeElement(iso, className) {
  const date = new Date(iso);
  const node = el('time', { className });
  if (!Number.isNaN(date.getTime())) {
    node.dateTime = date.toISOString();
    node.textContent = dateTime.format(date);
  }
  return node;
}

/**
 * Makes a list show items in order, keeping the element of an item that stays (so focus and
 * scroll survive a refresh). Elements are keyed by their data-thread-id (or another dataset key);
 * create(item) makes one with that key set, update(element, item) refreshes it.
 */
export function syncList(list, items, { keyOf, create, update, datasetKey = 'threadId' }) {
  const existing = new Map();
  for (const child of list.children) existing.set(child.dataset[datasetKey], child);
  let previous = null;
  for (const item of items) {
    const key = keyOf(item);
    let node = existing.get(key);
    existing.delete(key);
    if (!node) node = create(item);
    update(node, item);
    const expectedPosition = previous ? previous.nextElementSibling : list.firstElementChild;
    if (node !== expectedPosition) list.insertBefore(node, expectedPosition);
    previous = node;
  }
  for (const node of existing.values()) node.remove();
}

/** Reads #token=…&order=… once and removes it from the address bar (it must reach no server log). */
export function takeFragmentParams() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return params;
}
