// The console is a client of the same REST API as everyone. The credentials live in this module's memory only:
// never in a URL, in storage or in a cookie, so a reload or a sign-out forgets them and no other site can make the
// browser send them (there is no cookie to ride on: cross-site requests carry no credentials, so CSRF has nothing
// to use).

const BASE = '../api_gateway/v1/badges/';
let authorization = null;

function basic(username, password) {
  const bytes = new TextEncoder().encode(username + ':' + password);
  let binary = '';
  bytes.forEach(b => { binary += String.fromCharCode(b); });
  return 'Basic ' + btoa(binary);
}

export function signIn(username, password) {
  authorization = basic(username, password);
}

export function signOut() {
  authorization = null;
}

export function signedIn() {
  return authorization !== null;
}

/**
 * Calls the API and answers {status, data, errors, warnings, etag}. A body that is a string is sent as it is, with
 * the given content type; any other body as JSON. {@code extra} adds headers (If-Match).
 */
export async function call(method, path, body, contentType, extra = {}) {
  const headers = {...extra, 'Accept': 'application/json', 'X-Requested-With': 'badgeworks-console'};
  if (authorization) {
    headers['Authorization'] = authorization;
  }
  let payload;
  if (body !== undefined && body !== null) {
    if (typeof body === 'string' || body instanceof Blob) {
      headers['Content-Type'] = contentType || 'text/plain';
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(BASE + path, {method, headers, body: payload, credentials: 'omit', cache: 'no-store'});
  } catch (e) {
    return {status: 0, data: null, errors: [{code: 0, message: 'The server cannot be reached.'}], warnings: []};
  }
  let envelope = {};
  try {
    envelope = await response.json();
  } catch (e) {
    envelope = {};
  }
  return {status: response.status, data: envelope.data ?? null,
    errors: envelope.errors || (response.ok ? [] : [{code: response.status, message: response.statusText}]),
    warnings: envelope.warnings || [], etag: response.headers.get('ETag')};
}

/** A file the API answers (a rejects CSV), as a Blob, fetched with the credentials in a header. */
export async function download(path) {
  const response = await fetch(BASE + path, {headers: {'Authorization': authorization,
    'X-Requested-With': 'badgeworks-console'}, credentials: 'omit', cache: 'no-store'});
  if (!response.ok) {
    throw new Error('The file cannot be downloaded (HTTP ' + response.status + ').');
  }
  return response.blob();
}

/** The errors of an answer as one line: "code message (field)". */
export function explain(answer) {
  return (answer.errors || []).map(e => e.code + ' ' + e.message + (e.reference ? ' (' + e.reference + ')' : ''))
    .join('; ');
}

/** A requestId for a console action, made once per form so a double click or a retry earns once. */
export function requestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'console-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
