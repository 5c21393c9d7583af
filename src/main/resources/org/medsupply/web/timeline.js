// One row per vehicle: its shift, its trips, and at each stop the wait for the window and the unloading.
// (A Gantt row is not a chart uPlot draws; a few SVG rectangles do it.)
import { clock } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const LABEL = 110;
const WIDTH = 1000;
const ROW = 22;

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(NS, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  element.append(...children);
  return element;
}

function titled(tag, attributes, title) {
  return svg(tag, attributes, svg('title', {}, title));
}

export function timeline(plan, geo) {
  const routes = plan.routes || [];
  const shifts = new Map(geo.features.filter(f => f.properties.kind === 'trip' && f.properties.shift)
    .map(f => [f.properties.vehicle, f.properties.shift]));
  const windows = new Map(geo.features.filter(f => f.properties.kind === 'hospital' && f.properties.window)
    .map(f => [f.properties.id, f.properties.window]));
  const times = routes.flatMap(route => [
    ...route.trips.flatMap(trip => [trip.departure, trip.return]),
    ...Object.values(shifts.get(route.vehicle) || {}),
  ]).filter(Boolean).sort((a, b) => Date.parse(a) - Date.parse(b));
  if (times.length === 0) {
    return document.createTextNode('No vehicle moves in this plan.');
  }
  const from = Date.parse(times[0]);
  const span = Math.max(1, Date.parse(times[times.length - 1]) - from);
  const x = iso => LABEL + ((Date.parse(iso) - from) / span) * (WIDTH - LABEL - 10);
  const box = (a, b) => ({ x: x(a), width: Math.max(1, x(b) - x(a)) });
  const rows = routes.map((route, r) => {
    const y = 20 + r * ROW;
    const shift = shifts.get(route.vehicle);
    const parts = [svg('text', { x: 0, y: y + 13, class: 'label' }, route.vehicle)];
    if (shift) {
      parts.push(titled('rect', { ...box(shift.from, shift.to), y: y + 2, height: ROW - 4, class: 'shift' },
        `${route.vehicle} shift ${clock(shift.from)}–${clock(shift.to)}`));
    }
    route.trips.forEach((trip, t) => {
      parts.push(titled('rect', { ...box(trip.departure, trip.return), y: y + 5, height: ROW - 10, class: 'trip' },
        `${route.vehicle} trip ${t + 1}: ${clock(trip.departure)}–${clock(trip.return)}, ${trip.stops.length} stops`));
      for (const stop of trip.stops) {
        const site = stop.hospitalName || stop.hospital;
        const window = windows.get(stop.hospital);
        if (window) {
          parts.push(titled('rect', { ...box(window.from, window.to), y: y + ROW - 4, height: 2, class: 'window' },
            `${site} receives ${clock(window.from)}–${clock(window.to)}`));
        }
        if (stop.start > stop.arrival) {
          parts.push(titled('rect', { ...box(stop.arrival, stop.start), y: y + 4, height: ROW - 8, class: 'wait' },
            `waits at ${site} ${clock(stop.arrival)}–${clock(stop.start)}`));
        }
        parts.push(titled('rect', { ...box(stop.start, stop.departure), y: y + 4, height: ROW - 8, class: 'stop' },
          `${site}: arrives ${clock(stop.arrival)}, unloads ${clock(stop.start)}–${clock(stop.departure)}`));
      }
    });
    return svg('g', {}, ...parts);
  });
  const ticks = [];
  for (let hour = 0; hour <= span; hour += 3600000) {
    const at = LABEL + (hour / span) * (WIDTH - LABEL - 10);
    ticks.push(svg('line', { x1: at, x2: at, y1: 14, y2: 20 + routes.length * ROW, class: 'tick' }));
  }
  ticks.push(svg('text', { x: LABEL, y: 10, class: 'label' },
    `${clock(times[0])} to ${clock(times[times.length - 1])}, a line every hour; hover for details`));
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${30 + routes.length * ROW}`, class: 'timeline', role: 'img' },
    ...ticks, ...rows);
}
