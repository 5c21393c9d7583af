// One job: live progress while it solves, then the plan on a map, a timeline and the panels that
// let a coordinator defend it.
import { api, json, download, ApiError } from './api.js';
import { el, isFinal, showError } from './dom.js';
import { progressChart } from './progress.js';
import { drawMap } from './map.js';
import { timeline } from './timeline.js';
import { shortfallPanel, fairnessPanel, latePanel, explanationPanel } from './panels.js';

/** While solving, the plan on screen follows the best one at most this often (big plans take a while to draw). */
const PLAN_REFRESH_MS = 5000;

export function showJob(main, id, config) {
  const base = `/api/v1/plans/${encodeURIComponent(id)}`;
  const summary = el('div', { class: 'summary' });
  const progress = el('div', { class: 'chart' });
  const mapBox = el('div', { id: 'map' });
  const details = el('div', { class: 'details' });
  main.append(summary, mapBox, el('h2', {}, 'Progress'), progress, details);
  const chart = progressChart(progress);
  let map = null;
  let loading = null;
  let lastLoad = 0;
  let revision = 0; // of the job's problem, as the server last told
  let drawnRevision = 0; // of the problem the plan on screen answers

  const loadPlan = async () => {
    const started = performance.now();
    lastLoad = Date.now();
    main.dataset.state = 'loading';
    try {
      const [plan, geo, explanation] = await Promise.all([
        json(`${base}/plan`),
        json(`${base}/plan`, { headers: { Accept: 'application/geo+json' } }),
        json(`${base}/explanation`),
      ]);
      main.dataset.fetchMs = Math.round(performance.now() - started);
      drawnRevision = plan.problemRevision ?? 0;
      map?.remove();
      map = drawMap(mapBox, geo, plan, config);
      details.replaceChildren(...[
        planRevision(drawnRevision, revision),
        el('h2', {}, 'Vehicles'), timeline(plan, geo),
        el('h2', {}, 'Shortfalls'), shortfallPanel(plan),
        el('h2', {}, 'Fairness'), fairnessPanel(explanation),
        el('h2', {}, 'Late lines'), latePanel(plan),
        el('h2', {}, 'Score by constraint'), explanationPanel(explanation)].filter(Boolean));
      await afterPaint(); // the browser's layout and painting of it all count too
      main.dataset.renderMs = Math.round(performance.now() - started);
      main.dataset.state = 'rendered';
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) { // 409: nothing planned yet
        showError(error);
      }
      main.dataset.state = 'empty';
    }
  };
  const refresh = () => {
    if (!loading) {
      loading = loadPlan().finally(() => { loading = null; });
    }
    return loading;
  };

  const onJob = job => {
    revision = job.problemRevision ?? 0;
    summary.replaceChildren(jobSummary(job, base, id));
    chart.add(job);
    main.dataset.status = job.status;
  };
  const events = new EventSource(`${base}/events`);
  events.addEventListener('status', event => {
    const job = JSON.parse(event.data);
    onJob(job);
    if (isFinal(job.status)) {
      events.close();
      main.dataset.state = 'loading'; // the final plan is yet to come, even if an earlier one is drawn
      (loading || Promise.resolve()).then(refresh);
    }
  });
  events.addEventListener('best', event => {
    onJob(JSON.parse(event.data));
    if (Date.now() - lastLoad > PLAN_REFRESH_MS || drawnRevision < revision) {
      refresh();
    }
  });
  // the problem changed while solving: the plan on screen answers the problem as it was, until the next best
  events.addEventListener('change', event => {
    onJob(JSON.parse(event.data));
    refresh();
  });
  events.onerror = async () => {
    // refused outright (an EventSource sends no Authorization header): show the job as it stands, or why not
    if (events.readyState === EventSource.CLOSED) {
      try {
        onJob(await json(base));
        refresh();
      } catch (error) {
        showError(error);
      }
    }
  };
  return () => {
    events.close();
    map?.remove();
    chart.destroy();
  };
}

function afterPaint() {
  return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
}

/** Which revision of the problem the plan answers, and whether the problem has changed since. */
function planRevision(planned, current) {
  if (current === 0) {
    return null;
  }
  return el('p', { class: planned < current ? 'revision stale' : 'revision', id: 'plan-revision' },
    planned < current
      ? `This plan answers problem revision ${planned}; the problem is at revision ${current} and a new plan follows.`
      : `This plan answers problem revision ${current}, every change applied.`);
}

function jobSummary(job, base, id) {
  const actions = [
    ['JSON', 'application/json', 'json'],
    ['CSV', 'text/csv', 'csv'],
    ['GeoJSON', 'application/geo+json', 'geojson'],
    ['workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ].map(([label, accept, extension]) => el('button', {
    type: 'button', class: 'download',
    onclick: () => download(`${base}/plan`, accept, `plan-${id}.${extension}`).catch(showError),
  }, `Download ${label}`));
  if (!isFinal(job.status)) {
    actions.unshift(el('button', {
      type: 'button', class: 'cancel',
      onclick: () => api(base, { method: 'DELETE' }).catch(showError),
    }, 'Cancel'));
  }
  return el('div', {},
    el('h2', {}, job.problem || job.id),
    el('p', {},
      el('span', { class: `status ${job.status.toLowerCase()}`, id: 'job-status' }, job.status),
      ` submitted ${new Date(job.submittedAt).toLocaleString()}`,
      job.problemRevision ? ` · problem revision ${job.problemRevision}` : '',
      job.score ? ` · score ${job.score}` : '',
      job.feasible === false ? ' · INFEASIBLE' : ''),
    job.error ? el('p', { class: 'error' }, job.error.detail) : null,
    el('p', { class: 'actions' }, actions));
}
