// The panels under the map: what is missing and why, how fairly, what is late, and the score's parts.
import uPlot from './vendor/uplot/1.6.30/dist/uPlot.esm.js';
import { el, table, PRIORITIES, percent, clock, named } from './dom.js';

const BINS = 10;
const WORST_NAMED = 3;
/** A big plan's shortfall table starts with its most urgent lines: thousands of rows take seconds to lay out. */
const ROWS_AT_FIRST = 300;

/** Every unmet line, most urgent first (critical, then the largest), filterable by priority and cause. */
export function shortfallPanel(plan) {
  const unmet = [...(plan.unmet || [])].sort((a, b) =>
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || b.quantity - a.quantity);
  if (unmet.length === 0) {
    return el('p', {}, 'Every line is delivered in full.');
  }
  const choice = (name, values) => el('select', { name },
    el('option', { value: '' }, `every ${name}`), values.map(value => el('option', { value }, value)));
  const priority = choice('priority', PRIORITIES.filter(p => unmet.some(u => u.priority === p)));
  const cause = choice('cause', [...new Set(unmet.map(u => u.cause))].sort());
  const count = el('span', { class: 'count' });
  const rows = el('div');
  let limit = ROWS_AT_FIRST;
  const render = () => {
    const matching = unmet.filter(u => (!priority.value || u.priority === priority.value)
      && (!cause.value || u.cause === cause.value));
    const shown = matching.slice(0, limit);
    count.textContent = `${matching.length} of ${unmet.length} unmet lines`;
    rows.replaceChildren(table(['hospital', 'id', 'supply', 'priority', 'units missing', 'cause', 'reason'],
      shown.map(u => [u.hospitalName || '', u.hospital, named(u.supplyName, u.supply), u.priority, u.quantity,
        u.cause, u.reason])),
    matching.length > shown.length ? el('button', {
      type: 'button', onclick: () => { limit = Infinity; render(); },
    }, `Show all ${matching.length} (${matching.length - shown.length} less urgent not shown)`) : null);
  };
  priority.addEventListener('change', render);
  cause.addEventListener('change', render);
  render();
  return el('div', { id: 'shortfalls' }, el('p', { class: 'filters' }, priority, ' ', cause, ' ', count), rows);
}

/** Per priority, how the hospitals asking for it were served: minimum, median, a histogram, the worst named. */
export function fairnessPanel(explanation) {
  const panel = el('div', { id: 'fairness', class: 'fairness' });
  for (const priority of PRIORITIES) {
    const sites = explanation.hospitals
      .filter(h => h.fillRateByPriority && priority in h.fillRateByPriority)
      .map(h => ({ name: named(h.name, h.hospital), rate: h.fillRateByPriority[priority] }))
      .sort((a, b) => a.rate - b.rate);
    if (sites.length === 0) {
      continue;
    }
    const middle = Math.floor(sites.length / 2);
    const median = sites.length % 2 ? sites[middle].rate : (sites[middle - 1].rate + sites[middle].rate) / 2;
    const counts = new Array(BINS).fill(0);
    sites.forEach(site => counts[Math.min(BINS - 1, Math.floor(site.rate * BINS))]++);
    const chart = el('div', { class: 'histogram' });
    const worst = sites.slice(0, WORST_NAMED).filter(site => site.rate < 1);
    panel.append(el('section', {},
      el('h3', {}, priority),
      el('p', {}, `${sites.length} hospitals · lowest ${percent(sites[0].rate)} · median ${percent(median)}`),
      chart,
      el('p', {}, worst.length === 0 ? 'All served in full.'
        : `Worst: ${worst.map(site => `${site.name} ${percent(site.rate)}`).join('; ')}`)));
    histogram(chart, counts);
  }
  return panel;
}

function histogram(container, counts) {
  new uPlot({
    width: 260,
    height: 140,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [0, 100] } },
    axes: [{ label: 'filled %' }, { label: 'hospitals' }],
    series: [{}, { stroke: '#1a73e8', fill: '#1a73e866', paths: uPlot.paths.bars({ size: [0.9], align: 1 }) }],
  }, [counts.map((_, i) => (100 * i) / BINS), counts], container);
}

export function latePanel(plan) {
  const late = plan.late || [];
  return late.length === 0 ? el('p', {}, 'No line arrives after its need-by time.')
    : table(['hospital', 'supply', 'priority', 'need by', 'last delivery starts', 'minutes late'],
      late.map(l => [named(l.hospitalName, l.hospital), named(l.supplyName, l.supply), l.priority,
        clock(l.needBy), clock(l.start), l.minutesLate]));
}

export function explanationPanel(explanation) {
  return el('div', {},
    el('p', {}, `Score ${explanation.score}${explanation.feasible ? '' : ' (breaks a hard rule)'}`),
    table(['constraint', 'score', 'matches'],
      explanation.constraints.map(c => [c.constraint, c.score, c.matches])));
}
