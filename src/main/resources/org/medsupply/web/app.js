// The page's router: #/ is the job list, #/plans/{id} one job (a deep link that works on reload).
import { api, json, setKey } from './api.js';
import { showList } from './list.js';
import { showJob } from './job.js';
import { showError } from './dom.js';

const main = document.getElementById('main');
let config;
let leave = () => {};

async function route() {
  leave();
  showError(null);
  main.replaceChildren();
  const job = /^#\/plans\/([^/]+)$/.exec(location.hash);
  try {
    config = config || await json('config.json');
    document.getElementById('key-form').hidden = !config.apiKeys;
    leave = job ? showJob(main, decodeURIComponent(job[1]), config) : showList(main, config);
  } catch (error) {
    leave = () => {};
    showError(error);
  }
}

document.getElementById('key-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('key');
  setKey(input.value.trim());
  input.value = '';
  try {
    // an EventSource sends no Authorization header: the server swaps the key for an HttpOnly session cookie
    await api('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    route();
  } catch (error) {
    setKey('');
    showError(error);
  }
});
window.addEventListener('hashchange', route);
route();
