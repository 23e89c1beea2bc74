// One Idempotency-Key per message, made when the user presses send and reused for every retry.
// crypto.randomUUID needs a secure context; getRandomValues works on plain http too.

/** A random key of 32 hex digits after a short prefix, within the API's [A-Za-z0-9._:-]{1,128}. */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `msg-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
