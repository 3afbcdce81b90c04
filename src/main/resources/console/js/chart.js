// Earns per day as a bar chart: SVG made element by element (presentation attributes, no style attribute, so the
// Content-Security-Policy holds), the figures also as a table for screen readers and for reading exact numbers.
import {el, table} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  for (const child of children) {
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The answer of GET stats/earnsPerDay as a chart with its table; {@code id} names the chart for tests. */
export function earnsChart(stats, id, title) {
  const days = stats.days;
  const width = 600;
  const height = 160;
  const top = 12;
  const bottom = 22;
  const most = Math.max(1, ...days.map(d => d.earned));
  const step = width / days.length;
  const bars = days.map((d, i) => {
    const h = Math.round((height - top - bottom) * d.earned / most);
    return svg('rect', {x: (i * step + step * 0.15).toFixed(1), y: height - bottom - h,
      width: (step * 0.7).toFixed(1), height: Math.max(h, d.earned > 0 ? 1 : 0), class: 'bar-earned',
      'data-date': d.date, 'data-earned': d.earned}, svg('title', {}, d.date + ': ' + d.earned + ' earns'
      + (d.revoked ? ', ' + d.revoked + ' revoked since' : '')));
  });
  const labels = [0, Math.floor(days.length / 2), days.length - 1].filter((v, i, all) => all.indexOf(v) === i)
    .map(i => svg('text', {x: (i * step + step / 2).toFixed(1), y: height - 6, class: 'axis',
      'text-anchor': i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}, days[i].date.substring(5)));
  const chart = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart',
    'aria-labelledby': id + '-title', id},
  svg('title', {id: id + '-title'}, title + ': ' + stats.earned + ' earns from ' + stats.firstDate + ' to '
    + stats.lastDate + ', most in one day ' + most),
  svg('line', {x1: 0, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis-line'}),
  svg('text', {x: 2, y: top - 2, class: 'axis'}, String(most)), ...bars, ...labels);
  return el('figure', {class: 'chart-figure'}, chart,
    el('figcaption', {class: 'muted'}, title + ' (UTC days): ' + stats.earned + ' earns, ' + stats.revoked
      + ' of them revoked since'),
    el('details', {}, el('summary', {}, 'The figures'),
      table('Earns per day', ['Day', 'Earned', 'Revoked since'],
        days.slice().reverse().map(d => [d.date, String(d.earned), String(d.revoked)]))));
}
