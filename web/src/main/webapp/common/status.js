// The connection state shown to the user, one of connecting, live, unavailable, expired, as the
// element's data-state and text.

const TEXTS = {
  connecting: 'Connecting…',
  live: 'Connected',
  unavailable: 'Chat is unavailable, retrying…',
  expired: 'Your session expired. Reload the page to sign in again.',
};

export class ConnectionStatus {
  #element;
  #state = null;
  #streamExpected = false;
  #streamOpen = false;

  constructor(element) {
    this.#element = element;
    this.#show('connecting');
  }

  get state() {
    return this.#state;
  }

  /** A live event stream is being opened: the state is live only once it is. */
  streamConnecting() {
    this.#streamExpected = true;
    this.#streamOpen = false;
    if (this.#state !== 'unavailable') this.#show('connecting');
  }

  streamOpened() {
    this.#streamOpen = true;
    this.#show('live');
  }

  streamLost() {
    this.#streamOpen = false;
    this.#show('unavailable');
  }

  /** No stream is wanted any more (the conversation was closed). */
  streamClosed() {
    this.#streamExpected = false;
    this.#streamOpen = false;
  }

  /** After every API call: whether the chat service answered. */
  reachable(ok) {
    if (!ok) this.#show('unavailable');
    else if (!this.#streamExpected || this.#streamOpen) this.#show('live');
  }

  expired() {
    this.#show('expired');
  }

  #show(state) {
    if (this.#state === 'expired' || this.#state === state) return; // an expired session stays so
    this.#state = state;
    this.#element.dataset.state = state;
    this.#element.textContent = TEXTS[state];
  }
}
