// The customer's support chat, embedded in a storefront page with one script tag:
//   <script type="module" src=".../chat/widget/chat-widget.js" data-token-callback="shopChatToken"
//           data-order-id="order_456" data-product-id="p_789" data-open="true"></script>
// data-token-callback names a global (async) function that returns the customer's JWT.

import { createApi } from '../common/api.js';
import { ConnectionStatus } from '../common/status.js';
import { Conversation } from '../common/conversation.js';
import { el, retrying, Sleeper, timeElement } from '../common/util.js';

const AVAILABILITY_REFRESH_MS = 10000;

function ownScript() {
  const scripts = [...document.scripts];
  return (
    scripts.find((s) => s.src && new URL(s.src, location.href).href === import.meta.url) ??
    scripts.find((s) => s.dataset.tokenCallback)
  );
}

function buildUi() {
  const ui = {
    root: el('div', { attrs: { id: 'midimo-chat', hidden: '' } }),
    launcher: el('button', {
      className: 'mc-launcher',
      text: 'Chat with us',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'mc-panel' },
    }),
    panel: el('div', {
      className: 'mc-panel',
      attrs: { id: 'mc-panel', role: 'dialog', 'aria-label': 'Support chat', hidden: '' },
    }),
    back: el('button', { className: 'mc-back', text: '‹ All conversations', attrs: { type: 'button', hidden: '' } }),
    title: el('h2', { className: 'mc-title', text: 'Support chat' }),
    close: el('button', { className: 'mc-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close chat' } }),
    status: el('p', { className: 'mc-status', attrs: { role: 'status', 'aria-live': 'polite' } }),
    availability: el('p', { className: 'mc-availability', text: 'Checking whether an agent is available…' }),
    notice: el('p', { className: 'mc-notice', attrs: { role: 'alert', hidden: '' } }),
    threads: el('ul', { className: 'mc-threads', attrs: { 'aria-label': 'Your conversations', hidden: '' } }),
    conversation: el('div', { className: 'mc-conversation', attrs: { hidden: '' } }),
    older: el('button', { className: 'mc-older', text: 'Load older messages', attrs: { type: 'button', hidden: '' } }),
    messages: el('ol', { className: 'mc-messages', attrs: { 'aria-live': 'polite', 'aria-label': 'Messages', tabindex: '0' } }),
    typing: el('p', { className: 'mc-typing', attrs: { hidden: '' } }),
    input: el('textarea', { className: 'mc-input', attrs: { id: 'mc-input', rows: '2' } }),
    send: el('button', { className: 'mc-send', text: 'Send', attrs: { type: 'button' } }),
  };
  const composer = el('div', { className: 'mc-composer' }, [
    el('label', { className: 'mc-label', text: 'Your message', attrs: { for: 'mc-input' } }),
    el('div', { className: 'mc-composer-row' }, [ui.input, ui.send]),
  ]);
  ui.conversation.append(ui.older, ui.messages, ui.typing, composer);
  ui.panel.append(
    el('div', { className: 'mc-header' }, [ui.back, ui.title, ui.close]),
    el('div', { className: 'mc-bar' }, [ui.status, ui.availability]),
    ui.notice,
    ui.threads,
    ui.conversation,
  );
  ui.root.append(ui.launcher, ui.panel);
  return ui;
}

function loadStylesheet(root) {
  const link = el('link', { attrs: { rel: 'stylesheet', href: new URL('chat-widget.css', import.meta.url).href } });
  // Shown once styled, so the page never flashes an unstyled panel.
  link.addEventListener('load', () => (root.hidden = false), { once: true });
  link.addEventListener('error', () => (root.hidden = false), { once: true });
  document.head.append(link);
}

class ChatWidget {
  #conversation = null;
  #started = false;
  #wait = new Sleeper();

  constructor(script) {
    const { tokenCallback, orderId, productId } = script.dataset;
    this.orderId = orderId || null;
    this.productId = productId || null;
    this.ui = buildUi();
    this.status = new ConnectionStatus(this.ui.status);
    this.api = createApi({
      baseUrl: new URL('../api/v1/', import.meta.url).href,
      getToken: async () => {
        const callback = window[tokenCallback];
        if (typeof callback !== 'function') throw new Error(`No token callback named ${tokenCallback}`);
        return callback();
      },
      onReachable: (ok) => {
        this.status.reachable(ok);
        if (!ok) return;
        this.#wait.wake();
        this.#conversation?.nudge();
      },
      onExpired: () => this.status.expired(),
    });
    loadStylesheet(this.ui.root);
    document.body.append(this.ui.root);
    this.#bindPanel();
    if (script.dataset.open === 'true') this.open();
  }

  open() {
    this.ui.panel.hidden = false;
    this.ui.launcher.setAttribute('aria-expanded', 'true');
    this.#focusInside();
    if (!this.#started) {
      this.#started = true;
      this.#start();
    }
  }

  close() {
    this.ui.panel.hidden = true;
    this.ui.launcher.setAttribute('aria-expanded', 'false');
    this.ui.launcher.focus();
  }

  #bindPanel() {
    const { launcher, panel, close, back } = this.ui;
    launcher.addEventListener('click', () => (panel.hidden ? this.open() : this.close()));
    close.addEventListener('click', () => this.close());
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    back.addEventListener('click', () => this.#showPicker());
  }

  #focusInside() {
    const { conversation, input, threads, close } = this.ui;
    const target = !conversation.hidden ? input : (!threads.hidden && threads.querySelector('button')) || close;
    target.focus();
  }

  async #start() {
    this.me = (await this.api.claims()).sub;
    this.#refreshAvailability();
    setInterval(() => this.#refreshAvailability(), AVAILABILITY_REFRESH_MS);
    if (!this.orderId) {
      this.#showPicker();
      return;
    }
    this.status.streamConnecting(); // live only once the thread's stream is
    try {
      this.#openThread(await retrying(() => this.api.openSupportThread(this.orderId, this.productId), { sleeper: this.#wait }));
    } catch (error) {
      this.status.streamClosed();
      this.#showNotice(error);
    }
  }

  async #refreshAvailability() {
    if (this.status.state === 'expired') return;
    try {
      const { agents = [] } = await this.api.agentAvailability();
      this.ui.availability.textContent = agents.some((agent) => agent.available)
        ? 'An agent is available'
        : 'No agent is online right now: we will answer as soon as we can';
    } catch {
      // The status line says the service is unavailable; the last answer stays meanwhile.
    }
  }

  async #showPicker() {
    this.#conversation?.close();
    this.#conversation = null;
    const { back, title, conversation, threads } = this.ui;
    back.hidden = true;
    conversation.hidden = true;
    title.textContent = 'Support chat';
    threads.hidden = false;
    let page;
    try {
      page = await retrying(() => this.api.userThreads(this.me), { sleeper: this.#wait });
    } catch (error) {
      this.#showNotice(error);
      return;
    }
    const items = (page.threads ?? []).map((thread) =>
      el('li', {}, [
        el('button', { className: 'mc-thread', attrs: { type: 'button', 'data-thread-id': thread.thread_id } }, [
          el('span', { className: 'mc-thread-title', text: thread.title || thread.thread_id }),
          timeElement(thread.updated_at || thread.created_at, 'mc-time'),
        ]),
      ]),
    );
    threads.replaceChildren(...(items.length ? items : [el('li', { className: 'mc-empty', text: 'You have no conversations yet.' })]));
    items.forEach((item, i) => item.firstChild.addEventListener('click', () => this.#openThread(page.threads[i], true)));
    if (!this.ui.panel.hidden && !this.ui.panel.contains(document.activeElement)) this.#focusInside();
  }

  #openThread(thread, fromPicker = false) {
    const { back, title, threads, conversation, notice } = this.ui;
    notice.hidden = true;
    threads.hidden = true;
    back.hidden = !fromPicker;
    title.textContent = thread.title || 'Support chat';
    conversation.hidden = false;
    this.#conversation?.close();
    this.#conversation = new Conversation({
      api: this.api,
      me: this.me,
      threadId: thread.thread_id,
      prefix: 'mc-',
      status: this.status,
      elements: {
        list: this.ui.messages,
        olderButton: this.ui.older,
        typing: this.ui.typing,
        input: this.ui.input,
        sendButton: this.ui.send,
      },
      onGone: (error) => this.#showNotice(error),
    });
    this.#conversation.start();
    if (!this.ui.panel.hidden) this.ui.input.focus();
  }

  #showNotice(error) {
    if (error.status === 401) return; // the status line says the session expired
    const { notice } = this.ui;
    notice.textContent =
      error.status === 404
        ? 'This conversation could not be found.'
        : `The chat could not be opened${error.detail ? `: ${error.detail}` : '.'}`;
    notice.hidden = false;
  }
}

const script = ownScript();
if (script) new ChatWidget(script);
