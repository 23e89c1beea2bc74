// Renders one thread's messages: chat bubbles, order-update cards, messages still being sent,
// the "Load older messages" button and the typing indicator. Every message is shown once.

import { el, timeElement } from './util.js';

const TYPING_FALLBACK_MS = 6000;
const TYPING_MAX_MS = 30000;

export function isOrderUpdate(message) {
  return message.metadata?.type === 'order_update';
}

/** Oldest first: by created_at, then by id (msg_000123 ids increase within the server). */
export function compareMessages(a, b) {
  const byTime = Date.parse(a.created_at) - Date.parse(b.created_at);
  if (byTime) return byTime;
  return String(a.message_id).localeCompare(String(b.message_id), 'en', { numeric: true });
}

export class ThreadView {
  /**
   * @param list         the <ol> that holds the messages (and scrolls)
   * @param olderButton  the "Load older messages" button, hidden unless there is more
   * @param typing       the typing indicator element
   * @param me           the current user's id
   * @param prefix       class name prefix: "mc-" gives mc-message, mc-mine, mc-pending…
   */
  constructor({ list, olderButton, typing, me, prefix = '' }) {
    Object.assign(this, { list, olderButton, typing, me, prefix });
    this.rendered = new Map(); // message_id -> <li>
    this.messageOf = new WeakMap(); // <li> -> message
    this.pending = new Set(); // messages being sent: {content, node, adoptedId}
    this.typists = new Map(); // user_id -> timer
    this.clear();
  }

  clear() {
    this.list.replaceChildren();
    this.rendered.clear();
    this.pending.clear();
    for (const timer of this.typists.values()) clearTimeout(timer);
    this.typists.clear();
    this.#showTyping();
    this.setOlder({ hasMore: false });
  }

  has(messageId) {
    return this.rendered.has(messageId);
  }

  /** The newest message shown (to resume the event stream from). */
  newestId() {
    let newest = null;
    for (const node of this.rendered.values()) {
      const message = this.messageOf.get(node);
      if (!newest || compareMessages(message, newest) > 0) newest = message;
    }
    return newest?.message_id ?? null;
  }

  setOlder({ hasMore, loading = false }) {
    this.olderButton.hidden = !hasMore;
    this.olderButton.disabled = loading;
    this.olderButton.textContent = loading ? 'Loading…' : 'Load older messages';
  }

  /** Shows a message from a page, the stream or a send. False when it was shown already. */
  add(message) {
    if (!message?.message_id || this.has(message.message_id)) return false;
    this.typingStopped(message.user_id);
    if (message.user_id === this.me && this.#adopt(message)) return true;
    const stick = this.#nearBottom() || message.user_id === this.me;
    this.#insertSorted(message, this.#render(message));
    if (stick) this.scrollToBottom();
    return true;
  }

  /** Shows older messages above the ones shown, keeping what the user looks at in place. */
  addOlder(messages) {
    const fromBottom = this.list.scrollHeight - this.list.scrollTop;
    for (const message of messages) {
      if (message?.message_id && !this.has(message.message_id)) this.#insertSorted(message, this.#render(message));
    }
    this.list.scrollTop = this.list.scrollHeight - fromBottom;
  }

  /** Replaces what is shown with the newest page, keeping newer messages and those being sent. */
  replaceWithPage(messages) {
    const newestOfPage = messages.at(-1);
    for (const [id, node] of this.rendered) {
      if (!newestOfPage || compareMessages(this.messageOf.get(node), newestOfPage) <= 0) {
        node.remove();
        this.rendered.delete(id);
      }
    }
    this.addOlder(messages);
    this.scrollToBottom();
  }

  /** A message the user sent that the server has not confirmed yet: no data-message-id. */
  addPending(content) {
    const node = el('li', { className: this.#classes('message', 'mine', 'pending') }, [
      el('p', { className: this.#classes('text'), text: content }),
      el('p', { className: this.#classes('pending-note'), text: 'Sending…' }),
    ]);
    const pending = { content, node, adoptedId: null };
    this.pending.add(pending);
    this.list.append(node);
    this.scrollToBottom();
    return pending;
  }

  setPendingNote(pending, text, failed = false) {
    if (pending.adoptedId) return;
    pending.node.querySelector(`.${this.prefix}pending-note`).textContent = text;
    pending.node.classList.toggle(`${this.prefix}failed`, failed);
  }

  /** The server confirmed a pending message: it takes the pending one's place, once. */
  confirm(pending, message) {
    this.pending.delete(pending);
    if (pending.adoptedId) {
      // The stream showed a message with the same text in its place already; if that was another
      // of this user's messages (another tab), this one still has to be shown.
      this.add(message);
      return;
    }
    if (this.has(message.message_id)) {
      pending.node.remove();
      return;
    }
    const node = this.#render(message);
    this.#register(message, node);
    pending.node.replaceWith(node);
  }

  /** The message can never be sent (refused): it stays, marked as not sent. */
  fail(pending, detail) {
    this.setPendingNote(pending, `Not sent: ${detail || 'the message was refused'}`, true);
    this.pending.delete(pending);
  }

  typingStarted(userId, expiresAt) {
    if (!userId || userId === this.me) return;
    clearTimeout(this.typists.get(userId));
    let ms = Date.parse(expiresAt) - Date.now();
    if (!(ms > 0 && ms <= TYPING_MAX_MS)) ms = TYPING_FALLBACK_MS; // clocks may disagree
    this.typists.set(userId, setTimeout(() => this.typingStopped(userId), ms));
    this.#showTyping();
  }

  typingStopped(userId) {
    if (!this.typists.has(userId)) return;
    clearTimeout(this.typists.get(userId));
    this.typists.delete(userId);
    this.#showTyping();
  }

  scrollToBottom() {
    this.list.scrollTop = this.list.scrollHeight;
  }

  #showTyping() {
    const names = [...this.typists.keys()];
    this.typing.hidden = names.length === 0;
    this.typing.textContent =
      names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.join(', ')} are typing…`;
  }

  // The stream may bring this user's message before the send's response: it then replaces the
  // oldest pending message with the same text instead of appearing a second time.
  #adopt(message) {
    for (const pending of this.pending) {
      if (!pending.adoptedId && pending.content === message.content) {
        pending.adoptedId = message.message_id;
        const node = this.#render(message);
        this.#register(message, node);
        pending.node.replaceWith(node);
        return true;
      }
    }
    return false;
  }

  #register(message, node) {
    this.rendered.set(message.message_id, node);
    this.messageOf.set(node, message);
  }

  #insertSorted(message, node) {
    this.#register(message, node);
    let after = null;
    for (let child = this.list.lastElementChild; child; child = child.previousElementSibling) {
      const other = this.messageOf.get(child);
      if (other && other !== message && compareMessages(other, message) <= 0) {
        after = child;
        break;
      }
    }
    if (after) after.after(node);
    else this.list.prepend(node);
  }

  #render(message) {
    const attrs = { 'data-message-id': message.message_id };
    if (isOrderUpdate(message)) {
      const { order_id: orderId = '', status = '' } = message.metadata;
      return el('li', { className: this.#classes('message', 'order-update'), attrs }, [
        el('p', { className: this.#classes('order-title'), text: `Order ${orderId} — ${status}` }),
        el('p', { className: this.#classes('text'), text: message.content ?? '' }),
        timeElement(message.created_at, this.#classes('time')),
      ]);
    }
    const mine = message.user_id === this.me;
    return el('li', { className: this.#classes('message', mine ? 'mine' : 'theirs'), attrs }, [
      el('p', { className: this.#classes('meta') }, [
        el('span', { className: this.#classes('author'), text: mine ? 'You' : message.user_id }),
        ' · ',
        timeElement(message.created_at, this.#classes('time')),
      ]),
      el('p', { className: this.#classes('text'), text: message.content ?? '' }),
    ]);
  }

  #nearBottom() {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
  }

  #classes(...names) {
    return names.map((name) => this.prefix + name).join(' ');
  }
}
