// A small client for the storefront chat API: bearer token from a callback, JSON in and out,
// problem+json errors turned into ApiError, a timeout on every call.

const CALL_TIMEOUT_MS = 15000;

export class ApiError extends Error {
  /**
   * status 0 means the server was not reached (network failure or timeout).
   * retryAfter is in seconds (from the Retry-After header), or null.
   */
  constructor({ status, title, detail, type, requestId, retryAfter }) {
    super(detail || title || (status ? `HTTP ${status}` : 'The server could not be reached'));
    this.name = 'ApiError';
    this.status = status;
    this.title = title || '';
    this.detail = detail || '';
    this.type = type || '';
    this.requestId = requestId || '';
    this.retryAfter = retryAfter ?? null;
  }

  /** True when trying the same call again later may work. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** True when the chat service is (temporarily) unreachable, as opposed to a refused request. */
  get unavailable() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** The payload of a JWT, for display only (the server verifies the token). */
export function decodeJwtClaims(token) {
  try {
    const part = String(token).split('.')[1];
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

function retryAfterSeconds(response) {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

async function errorFrom(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): the status says enough.
  }
  return new ApiError({
    status: response.status,
    title: problem.title || response.statusText,
    detail: problem.detail,
    type: problem.type,
    requestId: problem.request_id,
    retryAfter: retryAfterSeconds(response),
  });
}

/**
 * @param baseUrl      the API base, ending in /api/v1/
 * @param getToken     async () => JWT string; called again once when a token is refused
 * @param onReachable  (boolean) => void, after every call: whether the chat service answered
 * @param onExpired    () => void, when a fresh token is refused too
 */
export function createApi({ baseUrl, getToken, onReachable = () => {}, onExpired = () => {} }) {
  let token = null;

  async function currentToken(fresh) {
    if (fresh || token === null) {
      try {
        token = String((await getToken()) ?? '').trim();
      } catch {
        token = '';
      }
    }
    return token;
  }

  // A timeout aborts with a TimeoutError; any other abort is the caller's, who gave up.
  const timedOut = (signal) => signal?.aborted && signal.reason?.name === 'TimeoutError';
  const unreachable = () => new ApiError({ status: 0, detail: 'The server could not be reached' });

  async function send(method, path, { body, headers = {}, signal, freshToken = false }) {
    const init = { method, headers: { Accept: 'application/json', ...headers }, cache: 'no-store', signal };
    const auth = await currentToken(freshToken);
    if (auth) init.headers.Authorization = `Bearer ${auth}`;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      return await fetch(new URL(path, baseUrl), init);
    } catch (e) {
      if (signal?.aborted && !timedOut(signal)) throw e;
      throw unreachable();
    }
  }

  /** A fetch with the bearer token; a refused token is asked for again once. Throws ApiError. */
  async function authorizedFetch(method, path, options = {}) {
    let response;
    try {
      response = await send(method, path, options);
      if (response.status === 401) response = await send(method, path, { ...options, freshToken: true });
    } catch (e) {
      if (e instanceof ApiError) onReachable(false);
      throw e;
    }
    if (response.ok) {
      onReachable(true);
      return response;
    }
    const error = await errorFrom(response);
    onReachable(!error.unavailable);
    if (error.status === 401) onExpired();
    throw error;
  }

  /** A call with a JSON answer (or none), given CALL_TIMEOUT_MS in all, body included. */
  async function call(method, path, options = {}) {
    const signal = AbortSignal.timeout(CALL_TIMEOUT_MS);
    const response = await authorizedFetch(method, path, { ...options, signal });
    let text;
    try {
      text = await response.text();
    } catch {
      onReachable(false);
      throw unreachable();
    }
    return text ? JSON.parse(text) : null;
  }

  const id = encodeURIComponent;

  return {
    /** The claims of the current token (sub is the caller's user id). */
    claims: async () => decodeJwtClaims(await currentToken(false)),

    /** The raw response of a stream (no timeout; abort it with options.signal). */
    openStream: (path, options) => authorizedFetch('GET', path, options),

    openSupportThread: (orderId, productId) =>
      call('POST', 'support-threads', { body: productId ? { order_id: orderId, product_id: productId } : { order_id: orderId } }),
    userThreads: (userId) => call('GET', `users/${id(userId)}/threads?page_size=50`),
    thread: (threadId) => call('GET', `threads/${id(threadId)}`),
    messages: (threadId, { limit = 30, beforeId } = {}) =>
      call('GET', `threads/${id(threadId)}/messages?limit=${limit}${beforeId ? `&before_id=${id(beforeId)}` : ''}`),
    postMessage: (threadId, content, idempotencyKey) =>
      call('POST', `threads/${id(threadId)}/messages`, { body: { content }, headers: { 'Idempotency-Key': idempotencyKey } }),
    setTyping: (threadId, isTyping) => call('PUT', `threads/${id(threadId)}/typing`, { body: { is_typing: isTyping } }),
    setPresence: (userId, status, customStatus) =>
      call('PUT', `presence/${id(userId)}`, { body: customStatus ? { status, custom_status: customStatus } : { status } }),
    agentAvailability: () => call('GET', 'agents/availability'),
    unreadNotifications: (userId) => call('GET', `users/${id(userId)}/notifications?unread_only=true&page_size=200`),
    markNotificationRead: (userId, notificationId) =>
      call('POST', `users/${id(userId)}/notifications/${id(notificationId)}/read`),
    unassignedThreads: () => call('GET', 'support-threads/unassigned?page_size=50'),
    claimThread: (threadId) => call('POST', `support-threads/${id(threadId)}/claim`),
    handOff: (threadId, agentId) => call('POST', `support-threads/${id(threadId)}/handoff`, { body: { agent_id: agentId } }),
  };
}
