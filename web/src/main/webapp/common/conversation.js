// One open thread: its messages (a page, then the live stream, then older pages on demand), the
// composer with idempotent sends that survive outages, and typing in both directions. The widget
// and the agent console both use it.

import { ThreadView } from './thread-view.js';
import { openEventStream } from './sse.js';
import { newIdempotencyKey } from './idempotency.js';
import { Sleeper, retrying, retryDelayMs } from './util.js';

const PAGE_SIZE = 30;
export const MAX_CONTENT_LENGTH = 4000;
const TYPING_REFRESH_MS = 3000;
const TYPING_IDLE_MS = 4000;

export class Conversation {
  #closed = false;
  #listeners = new AbortController();
  #sendWait = new Sleeper(); // before retrying a send
  #loadWait = new Sleeper(); // before retrying a page load
  #stream = null;
  #nextBeforeId = null;
  #outbox = [];
  #sending = false;
  #typingSentAt = 0;
  #typingIdle = null;

  /**
   * @param elements  {list, olderButton, typing, input, sendButton}
   * @param prefix    the class name prefix of the messages ("mc-" in the widget)
   * @param status    the ConnectionStatus to report the stream to
   * @param onEvent   (event) => void, for every stream event (participants_added, say)
   * @param onGone    (ApiError) => void, when the thread cannot be read (not found, not allowed)
   */
  constructor({ api, me, threadId, elements, prefix = '', status, onEvent = () => {}, onGone = () => {} }) {
    Object.assign(this, { api, me, threadId, status, onEvent, onGone });
    const { list, olderButton, typing, input, sendButton } = elements;
    this.input = input;
    this.sendButton = sendButton;
    this.view = new ThreadView({ list, olderButton, typing, me, prefix });
    const signal = this.#listeners.signal;
    olderButton.addEventListener('click', () => this.#loadOlder(), { signal });
    sendButton.addEventListener('click', () => this.send(), { signal });
    input.addEventListener('input', () => this.#typed(), { signal });
    input.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.send();
        }
      },
      { signal },
    );
    input.maxLength = MAX_CONTENT_LENGTH;
    sendButton.disabled = false;
  }

  async start() {
    this.status.streamConnecting();
    const page = await this.#retrying(() => this.api.messages(this.threadId, { limit: PAGE_SIZE }));
    if (!page) return;
    this.#showNewestPage(page);
    this.#stream = openEventStream({
      api: this.api,
      path: `threads/${encodeURIComponent(this.threadId)}/events`,
      lastEventId: this.view.newestId(),
      onEvent: (event) => this.#onStreamEvent(event),
      onOpen: () => this.status.streamOpened(),
      onLost: () => this.status.streamLost(),
      onFatal: (error) => this.#gone(error),
    });
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#listeners.abort();
    this.#stream?.close();
    this.nudge();
    this.#stopTyping();
    this.view.clear();
    this.sendButton.disabled = false;
    this.status.streamClosed();
  }

  /** The service answered again: retry now rather than at the end of the backoff. */
  nudge() {
    this.#stream?.reconnectNow();
    this.#sendWait.wake();
    this.#loadWait.wake();
  }

  send() {
    const content = this.input.value.trim();
    if (!content || content.length > MAX_CONTENT_LENGTH || this.#closed) return;
    const pending = this.view.addPending(content);
    pending.key = newIdempotencyKey();
    this.#outbox.push(pending);
    this.input.value = '';
    this.#stopTyping();
    this.#drainOutbox();
  }

  // One message at a time, in order; a message that failed for the moment is retried with the
  // same Idempotency-Key, so the server posts it once however many attempts reach it.
  async #drainOutbox() {
    if (this.#sending) return;
    this.#sending = true;
    let failures = 0;
    while (this.#outbox.length && !this.#closed) {
      const pending = this.#outbox[0];
      this.sendButton.disabled = true;
      try {
        const message = await this.api.postMessage(this.threadId, pending.content, pending.key);
        if (this.#closed) return;
        this.view.confirm(pending, message);
        this.#outbox.shift();
        failures = 0;
      } catch (error) {
        if (this.#closed) return;
        this.sendButton.disabled = false;
        if (!error.retryable) {
          this.view.fail(pending, error.status === 401 ? 'your session expired' : error.detail);
          this.#outbox.shift();
          continue;
        }
        failures += 1;
        this.view.setPendingNote(pending, 'Not sent yet, retrying…');
        await this.#sendWait.sleep(retryDelayMs(error, failures));
      }
    }
    this.#sending = false;
    if (!this.#closed) this.sendButton.disabled = false;
  }

  async #loadOlder() {
    if (!this.#nextBeforeId) return;
    this.view.setOlder({ hasMore: true, loading: true });
    try {
      const page = await this.api.messages(this.threadId, { limit: PAGE_SIZE, beforeId: this.#nextBeforeId });
      if (this.#closed) return;
      this.view.addOlder(page.messages ?? []);
      this.#nextBeforeId = page.has_more ? page.next_before_id : null;
      this.view.setOlder({ hasMore: Boolean(page.has_more) });
    } catch {
      if (!this.#closed) this.view.setOlder({ hasMore: true });
    }
  }

  #showNewestPage(page) {
    this.view.replaceWithPage(page.messages ?? []);
    this.#nextBeforeId = page.has_more ? page.next_before_id : null;
    this.view.setOlder({ hasMore: Boolean(page.has_more) });
  }

  async #onStreamEvent(event) {
    const { type, data } = event;
    if (!data || typeof data !== 'object') return;
    if (type === 'message_created') this.view.add(data);
    else if (type === 'typing_changed') {
      if (data.is_typing) this.view.typingStarted(data.user_id, data.expires_at);
      else this.view.typingStopped(data.user_id);
    } else if (type === 'history_gap') {
      // More was missed than the server can replay: start again from the newest page.
      const page = await this.#retrying(() => this.api.messages(this.threadId, { limit: PAGE_SIZE }));
      if (!page) return;
      this.#showNewestPage(page);
      this.#stream?.setLastEventId(this.view.newestId());
    }
    this.onEvent(event);
  }

  /** Calls fn until it succeeds; null if it cannot (the thread is gone) or the view was closed. */
  async #retrying(fn) {
    try {
      const result = await retrying(fn, { stopped: () => this.#closed, sleeper: this.#loadWait });
      return this.#closed ? null : result;
    } catch (error) {
      this.#gone(error);
      return null;
    }
  }

  #gone(error) {
    if (this.#closed) return;
    if (error.status !== 401) this.onGone(error); // a refused token is shown by the status already
    this.status.streamClosed();
  }

  #typed() {
    const now = Date.now();
    if (now - this.#typingSentAt >= TYPING_REFRESH_MS) {
      this.#typingSentAt = now;
      this.#putTyping(true);
    }
    clearTimeout(this.#typingIdle);
    this.#typingIdle = setTimeout(() => this.#stopTyping(), TYPING_IDLE_MS);
  }

  #stopTyping() {
    clearTimeout(this.#typingIdle);
    if (!this.#typingSentAt) return;
    this.#typingSentAt = 0;
    this.#putTyping(false);
  }

  #putTyping(isTyping) {
    // Typing is a hint: a lost one is not worth telling the user about.
    this.api.setTyping(this.threadId, isTyping).catch(() => {});
  }
}
