// Every request to the server goes through api(), so an API key rides in the Authorization header
// (kept for this browser tab only, in sessionStorage) and never in a URL, where logs and history keep it.
const KEY = 'medsupply.apiKey';

export function setKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const headers = new Headers(options.headers);
  const key = sessionStorage.getItem(KEY);
  if (key) {
    headers.set('Authorization', `Bearer ${key}`);
  }
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    throw new ApiError(response.status, await describe(response));
  }
  return response;
}

export async function json(path, options) {
  return (await api(path, options)).json();
}

/** The server's problem details (RFC 9457) as one line: the detail and every error it names. */
async function describe(response) {
  try {
    const problem = await response.json();
    const errors = (problem.errors || []).map(e => `${e.cell || e.pointer || e.parameter || ''} ${e.detail}`.trim());
    return [problem.detail || problem.title, ...errors].join('; ');
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

/** Fetches a plan in one of its forms and hands it to the browser as a file. */
export async function download(path, accept, filename) {
  const blob = await (await api(path, { headers: { Accept: accept } })).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
