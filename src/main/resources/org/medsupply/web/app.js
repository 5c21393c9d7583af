// The page's router: #/ is the job list, #/plans/{id} one job (a deep link that works on reload).
import { json, setKey } from './api.js';
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
    leave = job ? showJob(main, decodeURIComponent(job[1]), config) : showList(main, config);
  } catch (error) {
    leave = () => {};
    showError(error);
  }
}

document.getElementById('key-form').addEventListener('submit', event => {
  event.preventDefault();
  setKey(document.getElementById('key').value.trim());
  document.getElementById('key').value = '';
  route();
});
window.addEventListener('hashchange', route);
route();
