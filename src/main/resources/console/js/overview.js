// The overview: what the operator checks at 7 a.m. — earns per day over 30 days, last night's imports, and (for
// org admins and operators) whether the webhooks deliver.
import * as api from './api.js';
import {el, fill, table, when} from './dom.js';
import {earnsChart} from './chart.js';

const DAY_MS = 86400000;

export async function overviewPage(main, me) {
  const earns = el('section', {'aria-labelledby': 'earns-title', id: 'overview-earns'},
    el('h2', {id: 'earns-title'}, 'Earns per day, last 30 days'), el('p', {class: 'muted'}, 'Loading…'));
  const imports = el('section', {'aria-labelledby': 'night-title', id: 'overview-imports'},
    el('h2', {id: 'night-title'}, 'Imports of the last 24 hours'));
  const hooks = el('section', {'aria-labelledby': 'hooks-title', id: 'overview-webhooks'},
    el('h2', {id: 'hooks-title'}, 'Webhook health'));
  fill(main, el('h1', {}, 'Overview'), earns, imports, me.role === 'USER' ? null : hooks);

  const [stats, recent, endpoints] = await Promise.all([api.call('GET', 'stats/earnsPerDay?days=30'),
    api.call('GET', 'imports?page=0&size=50'), me.role === 'USER' ? null : api.call('GET', 'webhooks')]);

  fill(earns, earns.firstChild, stats.status === 200 ? earnsChart(stats.data, 'earns-chart', 'Earns per day')
    : el('p', {class: 'error'}, api.explain(stats)));

  if (recent.status !== 200) {
    fill(imports, imports.firstChild, el('p', {class: 'error'}, api.explain(recent)));
  } else {
    const since = Date.now() - DAY_MS;
    const night = recent.data.imports.filter(i => Date.parse(i.createdOnISO) >= since);
    fill(imports, imports.firstChild, night.length === 0
      ? el('p', {class: 'muted'}, 'No import in the last 24 hours.')
      : table(night.length + ' imports', ['File', 'Status', {text: 'Started', class: 'optional'}, 'Read', 'Rejected'],
        night.map(i => [el('a', {href: '#/imports/' + i.id}, i.fileName),
          el('span', {class: i.status === 'FAILED' || i.status === 'STOPPED' ? 'error' : ''}, i.status),
          when(i.startedOnISO || i.createdOnISO), String(i.rowsRead), String(i.rowsRejected)])));
  }

  if (endpoints) {
    if (endpoints.status !== 200) {
      fill(hooks, hooks.firstChild, el('p', {class: 'error'}, api.explain(endpoints)));
      return;
    }
    const failing = endpoints.data.filter(w => w.active && (w.status.failuresInRow > 0 || w.status.dead > 0));
    const figures = [['Endpoints', endpoints.data.length], ['Active', endpoints.data.filter(w => w.active).length],
      ['Failing or with dead deliveries', failing.length],
      ['Waiting to be sent', endpoints.data.reduce((n, w) => n + w.status.backlog, 0)],
      ['Dead deliveries', endpoints.data.reduce((n, w) => n + w.status.dead, 0)]];
    fill(hooks, hooks.firstChild,
      el('dl', {class: 'figures', id: 'webhook-figures'}, figures.map(([name, value]) => el('div', {},
        el('dt', {}, name), el('dd', {}, String(value))))),
      failing.length ? el('ul', {}, failing.map(w => el('li', {class: 'error'}, el('span', {class: 'webhook-url'},
        w.url), ': ' + (w.status.lastError || 'dead deliveries') + ' ', el('a', {href: '#/webhooks'}, 'details'))))
        : el('p', {class: endpoints.data.length ? 'ok' : 'muted'}, endpoints.data.length
          ? 'Every active endpoint delivers.' : 'No endpoint is subscribed.'));
  }
}
