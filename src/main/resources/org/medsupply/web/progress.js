// Fill rate per priority and km of each best plan, over the seconds since solving started (uPlot).
import uPlot from './vendor/uplot/1.6.30/dist/uPlot.esm.js';
import { PRIORITIES } from './dom.js';

const COLOURS = { critical: '#b3261e', high: '#e8710a', normal: '#1a73e8', low: '#7cb342' };

export function progressChart(container) {
  const data = [[], ...PRIORITIES.map(() => []), []];
  const plot = new uPlot({
    width: Math.max(320, container.clientWidth || 800),
    height: 180,
    scales: { x: { time: false }, '%': { range: [0, 100] } },
    axes: [
      { label: 'seconds solving' },
      { scale: '%', label: 'filled %' },
      { scale: 'km', side: 1, label: 'km', grid: { show: false } },
    ],
    series: [
      {},
      ...PRIORITIES.map(priority => ({ label: priority, scale: '%', stroke: COLOURS[priority], points: { show: true } })),
      { label: 'km', scale: 'km', stroke: '#555', dash: [4, 4], points: { show: true } },
    ],
  }, data, container);
  let origin = null;
  return {
    add(job) {
      const kpis = job.kpis;
      if (!kpis || !job.startedAt) {
        return;
      }
      origin = origin ?? Date.parse(job.startedAt);
      const seconds = ((job.endedAt ? Date.parse(job.endedAt) : Date.now()) - origin) / 1000;
      if (data[0].length > 0 && seconds <= data[0][data[0].length - 1]) {
        return; // the final status repeats the last best plan
      }
      data[0].push(seconds);
      PRIORITIES.forEach((priority, i) => data[i + 1].push(100 * (kpis.fillRate?.[priority] ?? 1)));
      data[PRIORITIES.length + 1].push(kpis.totalDistanceKm ?? 0);
      plot.setData(data);
    },
    destroy() {
      plot.destroy();
    },
  };
}
