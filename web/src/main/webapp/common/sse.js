// Server-Sent Events read with fetch (EventSource cannot send an Authorization header).

/** The parser's state between chunks: the unfinished line and the event being built. */
export function initialSseState() {
  return { rest: '', type: '', data: [], id: undefined, retry: undefined };
}

/**
 * Parses one chunk of an event stream (text/event-stream). Pure: returns the events completed by
 * this chunk and the state to pass with the next chunk. Each event is {type, data, id}: type
 * defaults to "message", data lines are joined with \n, id is the event's own id field (or
 * undefined). state.retry holds the last valid retry: value in milliseconds. Comment lines
 * (":" first, the heartbeats) are skipped. Pass final=true when the body has ended.
 */
export function parseSse(chunk, state = initialSseState(), final = false) {
  const next = { ...state, data: [...state.data] };
  const events = [];
  const text = state.rest + chunk;
  // A chunk ending in \r may be half of \r\n: keep it for the next chunk.
  const holdBack = !final && text.endsWith('\r') ? 1 : 0;
  const lines = text.slice(0, text.length - holdBack).split(/\r\n|\r|\n/);
  next.rest = lines.pop() + text.slice(text.length - holdBack);
  if (final && next.rest) {
    // A last line without a line ending is discarded by the SSE rules, as is an undispatched event.
    next.rest = '';
  }
  for (const line of lines) {
    if (line === '') {
      if (next.data.length > 0) {
        events.push({ type: next.type || 'message', data: next.data.join('\n'), id: next.id });
      }
      next.type = '';
      next.data = [];
      next.id = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') next.type = value;
    else if (field === 'data') next.data.push(value);
    else if (field === 'id' && !value.includes('\0')) next.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) next.retry = Number(value);
  }
  if (final) {
    next.type = '';
    next.data = [];
    next.id = undefined;
  }
  return { events, state: next };
}

const DEFAULT_RETRY_MS = 2000;
const MAX_RETRY_MS = 30000;
// The server sends a heartbeat every 5 s: this much silence means the connection is dead.
const SILENCE_LIMIT_MS = 45000;

/**
 * Reads a thread's event stream and reconnects until closed, resuming with Last-Event-ID.
 *
 * @param api          the client from api.js
 * @param path         the stream's path, relative to the API base
 * @param lastEventId  the id of the last message already shown, or null
 * @param onEvent      ({type, data (parsed JSON, or the raw text), id}) => void
 * @param onOpen       () => void, on stream_open
 * @param onLost       (error) => void, when the stream failed or could not be opened
 * @param onFatal      (error) => void, when retrying cannot help (token refused, thread gone)
 * @returns {close(), reconnectNow(), setLastEventId(id)}
 */
export function openEventStream({ api, path, lastEventId = null, onEvent, onOpen, onLost, onFatal }) {
  const controller = new AbortController();
  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  let wake = null;
  let current = null; // the AbortController of the connection being read

  const pause = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
    });

  async function readOnce() {
    const headers = { Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    current = new AbortController();
    const onClose = () => current.abort();
    controller.signal.addEventListener('abort', onClose, { once: true });
    let silence = null;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => current.abort(), SILENCE_LIMIT_MS);
    };
    try {
      const response = await api.openStream(path, { headers, signal: current.signal });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let state = initialSseState();
      let endedNormally = false;
      watch();
      for (;;) {
        const { value, done } = await reader.read();
        const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
        const parsed = parseSse(text, state, done);
        state = parsed.state;
        if (state.retry !== undefined) retryMs = state.retry;
        for (const event of parsed.events) {
          if (event.type === 'message_created' && event.id) lastEventId = event.id;
          if (event.type === 'stream_open') {
            failures = 0;
            onOpen();
          }
          if (event.type === 'end') endedNormally = true;
          if (event.type === 'stream_error') endedNormally = false;
          onEvent({ ...event, data: parseJson(event.data) });
        }
        if (done) return endedNormally;
        watch();
      }
    } finally {
      clearTimeout(silence);
      controller.signal.removeEventListener('abort', onClose);
    }
  }

  (async () => {
    while (!controller.signal.aborted) {
      let delay = null; // the retry: of the stream just read, unless the server said otherwise
      try {
        const endedNormally = await readOnce();
        if (!endedNormally) {
          failures += 1;
          onLost(null);
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error.status === 401 || error.status === 403 || error.status === 404) {
          onFatal(error);
          return;
        }
        failures += 1;
        onLost(error);
        if (error.retryAfter != null) delay = error.retryAfter * 1000;
      }
      if (controller.signal.aborted) return;
      delay ??= retryMs;
      if (failures > 1) delay = Math.max(delay, Math.min(MAX_RETRY_MS, retryMs * 2 ** (failures - 1)));
      await pause(delay);
    }
  })();

  return {
    close() {
      controller.abort();
      wake?.();
    },
    /** Skips the wait before the next attempt (the service answered again elsewhere). */
    reconnectNow() {
      if (failures > 0) wake?.();
    },
    setLastEventId(id) {
      lastEventId = id;
    },
  };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
