// The agent console: presence, the agent's conversations with unread counts, the queue of
// conversations waiting for an agent, and one open conversation. Opened as
// /chat/agent/#token=<JWT>; the token stays in memory only.

import { createApi, decodeJwtClaims } from '../common/api.js';
import { ConnectionStatus } from '../common/status.js';
import { Conversation } from '../common/conversation.js';
import { el, syncList, takeFragmentParams } from '../common/util.js';

const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);

const status = new ConnectionStatus($('status'));
let api = null;
let me = null;
let conversation = null;
let openThreadId = null;
let unreadByThread = new Map(); // thread_id -> unread CHAT_MESSAGE notifications
let refreshing = false;

function customerOf(thread) {
  return thread.metadata?.customer_id || thread.creator_id || '';
}

function say(text) {
  const message = $('console-message');
  message.textContent = text;
  message.hidden = !text;
}

function start(token) {
  api = createApi({
    baseUrl: new URL('../api/v1/', import.meta.url).href,
    getToken: () => token,
    onReachable: (ok) => {
      status.reachable(ok);
      if (ok) conversation?.nudge();
    },
    onExpired: () => status.expired(),
  });
  me = decodeJwtClaims(token).sub;
  $('me').textContent = me ? `Signed in as ${me}` : '';
  $('workspace').hidden = false;
  bindControls();
  refresh();
  setInterval(refresh, REFRESH_MS);
}

function bindControls() {
  $('presence').addEventListener('submit', (event) => {
    event.preventDefault();
    savePresence();
  });
  $('handoff').addEventListener('click', handOff);
}

async function savePresence() {
  const select = $('presence-status');
  const custom = $('presence-custom').value.trim();
  const current = $('presence-current');
  $('presence-save').disabled = true;
  try {
    await api.setPresence(me, select.value, custom);
    current.dataset.status = select.value;
    current.textContent = `Your status: ${select.selectedOptions[0].textContent}${custom ? ` — ${custom}` : ''}`;
  } catch (error) {
    say(`Your status could not be saved: ${error.detail || error.message}`);
  } finally {
    $('presence-save').disabled = false;
  }
}

async function refresh() {
  if (refreshing || status.state === 'expired') return;
  refreshing = true;
  try {
    const [mine, notifications, queue] = await Promise.allSettled([
      api.userThreads(me),
      api.unreadNotifications(me),
      api.unassignedThreads(),
    ]);
    if (notifications.status === 'fulfilled') countUnread(notifications.value.notifications ?? []);
    if (mine.status === 'fulfilled') showMyThreads(mine.value.threads ?? []);
    if (queue.status === 'fulfilled') showQueue(queue.value.threads ?? []);
  } finally {
    refreshing = false;
  }
}

function countUnread(notifications) {
  unreadByThread = new Map();
  for (const notification of notifications) {
    const threadId = notification.data?.thread_id;
    if (notification.category !== 'CHAT_MESSAGE' || notification.read || !threadId) continue;
    if (!unreadByThread.has(threadId)) unreadByThread.set(threadId, []);
    unreadByThread.get(threadId).push(notification);
  }
  // The open conversation is being read: what arrives in it is read too.
  if (openThreadId) markRead(openThreadId);
}

function markRead(threadId) {
  const unread = unreadByThread.get(threadId) ?? [];
  unreadByThread.delete(threadId);
  for (const notification of unread) {
    api.markNotificationRead(me, notification.notification_id).catch(() => {
      // Still unread: it is counted, and marked, again on the next refresh.
    });
  }
  showUnread($('my-threads').querySelector(`li[data-thread-id="${CSS.escape(threadId)}"]`), 0);
}

function showUnread(item, count) {
  const badge = item?.querySelector('.unread-count');
  if (!badge) return;
  badge.textContent = String(count);
  badge.hidden = count === 0;
  badge.setAttribute('aria-label', `${count} unread`);
}

function showMyThreads(threads) {
  syncList($('my-threads'), threads, {
    keyOf: (thread) => thread.thread_id,
    create: (thread) => {
      const open = el('button', { className: 'open-thread', attrs: { type: 'button' } }, [
        el('span', { className: 'thread-title' }),
        el('span', { className: 'thread-customer' }),
      ]);
      open.addEventListener('click', () => openThread(open.thread));
      return el('li', { attrs: { 'data-thread-id': thread.thread_id } }, [
        open,
        el('span', { className: 'unread-count', text: '0', attrs: { hidden: '' } }),
      ]);
    },
    update: (item, thread) => {
      const open = item.querySelector('.open-thread');
      open.thread = thread;
      open.querySelector('.thread-title').textContent = thread.title || thread.thread_id;
      open.querySelector('.thread-customer').textContent = customerOf(thread);
      if (thread.thread_id === openThreadId) item.setAttribute('aria-current', 'true');
      else item.removeAttribute('aria-current');
      showUnread(item, unreadByThread.get(thread.thread_id)?.length ?? 0);
    },
  });
  if (!threads.length) $('my-threads').replaceChildren(el('li', { className: 'empty', text: 'None yet.' }));
}

function showQueue(threads) {
  $('queue-count').textContent = String(threads.length);
  syncList($('queue'), threads, {
    keyOf: (thread) => thread.thread_id,
    create: (thread) => {
      const claim = el('button', { className: 'claim', text: 'Claim', attrs: { type: 'button' } });
      claim.addEventListener('click', () => claimThread(claim));
      return el('li', { attrs: { 'data-thread-id': thread.thread_id } }, [
        el('span', { className: 'queue-title' }, [
          el('span', { className: 'thread-title' }),
          el('span', { className: 'thread-customer' }),
        ]),
        claim,
      ]);
    },
    update: (item, thread) => {
      item.querySelector('.claim').thread = thread;
      item.querySelector('.thread-title').textContent = thread.title || thread.thread_id;
      item.querySelector('.thread-customer').textContent = customerOf(thread);
    },
  });
  if (!threads.length) $('queue').replaceChildren(el('li', { className: 'empty', text: 'Nobody is waiting.' }));
}

async function claimThread(button) {
  button.disabled = true;
  try {
    const thread = await api.claimThread(button.thread.thread_id);
    say(`You took “${thread.title || thread.thread_id}”.`);
    openThread(thread);
  } catch (error) {
    say(error.status === 409 ? error.detail || 'Another agent took this conversation first.' : `Could not claim: ${error.detail || error.message}`);
    button.disabled = false;
  }
  await refresh();
}

async function handOff() {
  const input = $('handoff-agent');
  const agentId = input.value.trim();
  if (!agentId || !openThreadId) {
    say('Enter the id of the agent to hand this conversation to.');
    input.focus();
    return;
  }
  $('handoff').disabled = true;
  try {
    await api.handOff(openThreadId, agentId);
    input.value = '';
    say(`Handed over to ${agentId}.`);
    await refresh();
  } catch (error) {
    say(`Could not hand over: ${error.detail || error.message}`);
  } finally {
    $('handoff').disabled = false;
  }
}

function openThread(thread) {
  conversation?.close();
  openThreadId = thread.thread_id;
  $('conversation-title').textContent = thread.title || thread.thread_id;
  const orderId = thread.metadata?.order_id;
  $('conversation-meta').textContent = [`Customer ${customerOf(thread)}`, orderId && `Order ${orderId}`].filter(Boolean).join(' · ');
  $('conversation-body').hidden = false;
  for (const item of $('my-threads').children) {
    if (item.dataset.threadId === openThreadId) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  }
  conversation = new Conversation({
    api,
    me,
    threadId: thread.thread_id,
    status,
    elements: { list: $('messages'), olderButton: $('older'), typing: $('typing'), input: $('reply'), sendButton: $('send') },
    onEvent: (event) => {
      if (event.type === 'participants_added') refresh();
    },
    onGone: (error) => say(error.status === 404 ? 'This conversation could not be found.' : `The conversation could not be opened: ${error.detail || error.message}`),
  });
  conversation.start();
  markRead(openThreadId);
  $('reply').focus();
}

function askForToken() {
  const form = $('token-form');
  form.hidden = false;
  $('token-input').focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token-input').value.trim();
    if (!token) return;
    $('token-input').value = '';
    form.hidden = true;
    start(token);
  });
}

const token = takeFragmentParams().get('token');
if (token) start(token);
else askForToken();
