// One JSON request to the app's own API, with a fresh CSRF token for changes and a clear failure.

/** A failure to show: 'offline', 'signin', 'not-found', or 'failed' with the server's message. */
export class ApiCallError extends Error {
  /**
   * @param {string} reason
   * @param {string} [message]
   */
  constructor(reason, message = reason) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Resolve with the JSON answer of an API request; fail with an ApiCallError.
 * @param {string} path
 * @param {{ method?: string, body?: object }} [request]
 */
export async function callApi(path, { method = 'GET', body } = {}) {
  try {
    /** @type {Record<string, string>} */
    const headers = {};
    if (method !== 'GET') {
      const session = await (await fetch('/api/session', { cache: 'no-store' })).json();
      headers['X-CSRFToken'] = session.csrf_token;
    }
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body && JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401) throw new ApiCallError('signin');
    if (response.status === 404) throw new ApiCallError('not-found');
    if (response.status === 410) throw new ApiCallError('ended');
    if (!response.ok) throw new ApiCallError('failed', answer.message);
    return answer;
  } catch (error) {
    if (error instanceof ApiCallError) throw error;
    throw new ApiCallError('offline');
  }
}
