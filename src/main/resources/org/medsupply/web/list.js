// The job list and the form that submits a new job.
import { api, json } from './api.js';
import { el, table, PRIORITIES, percent, isFinal, showError } from './dom.js';

const REFRESH_MS = 2000;

export function showList(main, config) {
  const jobs = el('div', { id: 'jobs' });
  main.append(submitForm(config), el('h2', {}, 'Jobs'), jobs);
  let shown = null;
  const refresh = async () => {
    try {
      const page = await json('/api/v1/plans?limit=100');
      const text = JSON.stringify(page.jobs);
      if (text === shown) {
        return; // unchanged: keep the rows (and whatever the coordinator is pointing at)
      }
      shown = text;
      jobs.replaceChildren(jobTable(page.jobs, refresh));
    } catch (error) {
      showError(error);
    }
  };
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function jobTable(jobs, refresh) {
  if (jobs.length === 0) {
    return el('p', {}, 'No jobs yet.');
  }
  const rows = jobs.map(job => [
    el('a', { href: `#/plans/${encodeURIComponent(job.id)}` }, job.problem || job.id),
    el('span', { class: `status ${job.status.toLowerCase()}` }, job.status),
    new Date(job.submittedAt).toLocaleString(),
    ...PRIORITIES.map(priority => percent(job.kpis?.fillRate?.[priority])),
    job.owner || '',
    isFinal(job.status) ? '' : el('button', { type: 'button', onclick: () => cancel(job.id, refresh) }, 'Cancel'),
  ]);
  return table(['Problem', 'Status', 'Submitted', ...PRIORITIES.map(p => `Fill ${p}`), 'Owner', ''], rows);
}

async function cancel(id, refresh) {
  try {
    await api(`/api/v1/plans/${encodeURIComponent(id)}`, { method: 'DELETE' });
    refresh();
  } catch (error) {
    showError(error);
  }
}

/** Media types of the problem files the server takes besides JSON, by file name ending (FORMAT.md, "Spreadsheets"). */
const UPLOAD_TYPES = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

/** How to send a chosen file: a workbook or zip by its name, anything else (or an example) as JSON. */
function uploadType(chosen) {
  const name = chosen ? chosen.name.toLowerCase() : '';
  const ending = Object.keys(UPLOAD_TYPES).find(end => name.endsWith(end));
  return ending ? UPLOAD_TYPES[ending] : 'application/json';
}

function submitForm(config) {
  const file = el('input', { type: 'file', name: 'problem', accept: `.json,.xlsx,.zip,${Object.values(UPLOAD_TYPES)}` });
  const example = el('select', { name: 'example' }, el('option', { value: '' }, '(none)'),
    config.examples.map(name => el('option', { value: name }, name)));
  const seconds = el('input', { type: 'number', name: 'seconds', min: '1', max: '600', value: '30', required: true });
  const form = el('form', { id: 'submit-form', class: 'submit' },
    el('h2', {}, 'New job'),
    el('label', {}, 'Problem file (JSON, workbook .xlsx, or zip of CSV tables) ', file),
    el('label', {}, 'or a bundled example ', example),
    el('label', {}, 'Time limit (s) ', seconds),
    el('button', { type: 'submit' }, 'Solve'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    showError(null);
    try {
      const body = file.files.length > 0 ? file.files[0]
        : example.value ? await (await api(`examples/${example.value}`)).text()
          : null;
      if (body === null) {
        throw new Error('Choose a problem file or an example.');
      }
      const job = await json(`/api/v1/plans?timeLimit=PT${Number(seconds.value)}S`,
        { method: 'POST', headers: { 'Content-Type': uploadType(file.files[0]) }, body });
      location.hash = `#/plans/${encodeURIComponent(job.id)}`;
    } catch (error) {
      showError(error);
    }
  });
  return form;
}
