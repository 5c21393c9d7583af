// The plan on a Leaflet map: warehouses, hospitals coloured by their worst line, one line per trip.
import * as L from './vendor/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { el, table, percent, clock, named } from './dom.js';

/** Above this many sites, draw on one canvas instead of an SVG element per site and trip. */
const CANVAS_ABOVE = 500;
const ROUTE_COLOURS = ['#1a73e8', '#8e24aa', '#00897b', '#f4511e', '#3949ab', '#6d4c41', '#c0ca33', '#d81b60'];

/** A hospital's colour follows its worst line, so one starved supply is never hidden by plenty of another. */
function fillClass(rate) {
  return rate >= 0.999 ? 'full' : rate >= 0.75 ? 'most' : rate >= 0.5 ? 'half' : 'short';
}
const FILL_COLOURS = { full: '#2e7d32', most: '#f9a825', half: '#ef6c00', short: '#c62828' };

function worstLine(lines) {
  return lines.length === 0 ? 1 : Math.min(...lines.map(line => line.fillRate));
}

export function drawMap(container, geo, plan, config) {
  const euclidean = geo.travel === 'euclidean';
  const sites = geo.features.filter(f => f.properties.kind !== 'trip');
  const trips = geo.features.filter(f => f.properties.kind === 'trip');
  const renderer = sites.length > CANVAS_ABOVE ? L.canvas() : L.svg();
  const map = L.map(container, { crs: euclidean ? L.CRS.Simple : L.CRS.EPSG3857, renderer, minZoom: -8 });
  if (!euclidean && config.tiles) {
    // without tiles (offline) the sites and routes still show on the container's plain background
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
  }
  const stops = stopsByHospital(plan);
  const unmet = unmetByLine(plan);
  const vehicles = [...new Set(trips.map(trip => trip.properties.vehicle))];
  const bounds = L.latLngBounds([]);
  for (const trip of trips.filter(t => t.geometry)) {
    const colour = ROUTE_COLOURS[vehicles.indexOf(trip.properties.vehicle) % ROUTE_COLOURS.length];
    L.polyline(trip.geometry.coordinates.map(latLng), { color: colour, weight: 2, opacity: 0.7, className: 'route' })
      .bindPopup(() => tripPopup(trip.properties)).addTo(map);
  }
  for (const site of sites.filter(s => s.geometry)) {
    const position = latLng(site.geometry.coordinates);
    bounds.extend(position);
    const p = site.properties;
    const warehouse = p.kind === 'warehouse';
    const colour = warehouse ? '#263238' : FILL_COLOURS[fillClass(worstLine(p.lines))];
    L.circleMarker(position, {
      radius: warehouse ? 8 : 5, color: warehouse ? '#fff' : colour, weight: warehouse ? 2 : 1,
      fillColor: colour, fillOpacity: 0.9, className: `site ${p.kind}`,
    }).bindPopup(() => (warehouse ? el('div', {}, el('strong', {}, named(p.name, p.id)), ' warehouse')
      : hospitalPopup(p, stops.get(p.id) || [], unmet))).addTo(map);
  }
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [20, 20] });
  } else {
    map.setView([0, 0], 1);
  }
  const unplaced = sites.length - sites.filter(s => s.geometry).length;
  container.dataset.sites = String(sites.length - unplaced);
  container.dataset.trips = String(trips.filter(t => t.geometry).length);
  legend().addTo(map);
  return map;
}

/** GeoJSON positions are [lon, lat] (or [x, y] on a plane); Leaflet wants [lat, lng]. */
function latLng([first, second]) {
  return [second, first];
}

function stopsByHospital(plan) {
  const stops = new Map();
  for (const route of plan.routes || []) {
    (route.trips || []).forEach((trip, t) => (trip.stops || []).forEach(stop => {
      const list = stops.get(stop.hospital) || [];
      list.push({ ...stop, vehicle: route.vehicle, trip: t + 1 });
      stops.set(stop.hospital, list);
    }));
  }
  return stops;
}

function unmetByLine(plan) {
  return new Map((plan.unmet || []).map(u => [`${u.hospital}\u0000${u.supply}\u0000${u.priority}`, u]));
}

function hospitalPopup(p, stops, unmet) {
  const rows = p.lines.map(line => {
    const missing = unmet.get(`${p.id}\u0000${line.supply}\u0000${line.priority}`);
    return [named(line.supplyName, line.supply), line.priority, line.requested, line.delivered,
      line.requested - line.delivered, missing ? missing.reason : ''];
  });
  return el('div', { class: 'popup' },
    el('strong', {}, named(p.name, p.id)),
    el('p', {}, `worst line filled ${percent(worstLine(p.lines))}`,
      p.window ? ` · receives ${clock(p.window.from)}–${clock(p.window.to)}` : ' · receives any time'),
    table(['supply', 'priority', 'requested', 'delivered', 'unmet', 'reason'], rows),
    stops.length === 0 ? el('p', {}, 'No stop here.')
      : table(['vehicle', 'trip', 'arrives', 'unloads'],
        stops.map(s => [s.vehicle, s.trip, clock(s.arrival), `${clock(s.start)}–${clock(s.departure)}`])));
}

function tripPopup(p) {
  return el('div', { class: 'popup' },
    el('strong', {}, `${p.vehicle}, trip ${p.trip}`),
    el('p', {}, `from ${named(p.warehouseName, p.warehouse)} ${clock(p.departure)}–${clock(p.return)}, ${p.stops} stops`));
}

function legend() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => el('div', { class: 'legend' }, 'worst line filled: ',
    ['full', '≥ 75 %', '≥ 50 %', '< 50 %'].map((label, i) =>
      el('span', { class: `swatch ${Object.keys(FILL_COLOURS)[i]}` }, label)));
  return control;
}
