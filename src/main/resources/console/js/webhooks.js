// Webhooks (org admins and operators): each endpoint with its health — last success and failure, failures in a
// row, backlog, dead deliveries — the dead deliveries listed, and all of them sent again.
import * as api from './api.js';
import {el, fill, table, say, when} from './dom.js';

export async function webhooksPage(main) {
  const list = el('div', {id: 'webhook-list'});
  const dead = el('div', {id: 'dead-deliveries'});
  fill(main, el('h1', {}, 'Webhooks'),
    el('button', {type: 'button', class: 'quiet', onclick: () => load()}, 'Refresh'), list, dead);

  async function load() {
    const answer = await api.call('GET', 'webhooks');
    if (answer.status !== 200) {
      fill(list, el('p', {class: 'error'}, api.explain(answer)));
      return;
    }
    fill(list, table(answer.data.length + ' endpoints', ['URL', {text: 'Events', class: 'optional'}, 'Active',
      'Backlog', 'Dead', {text: 'Last success', class: 'optional'}, 'Last failure', 'Actions'],
    answer.data.map(w => [el('span', {class: 'webhook-url'}, w.url), (w.eventTypes || []).join(', '),
      w.active ? 'yes' : 'no', String(w.status.backlog), String(w.status.dead), when(w.status.lastSuccessOnISO),
      w.status.lastFailureOnISO ? when(w.status.lastFailureOnISO) + ' · ' + (w.status.lastError || '')
        + (w.status.failuresInRow ? ' (' + w.status.failuresInRow + ' in a row)' : '') : '',
      w.status.dead > 0 ? el('button', {type: 'button', class: 'quiet show-dead', onclick: () => showDead(w)},
        'Dead deliveries', el('span', {class: 'visually-hidden'}, ' of ' + w.url)) : ''])));
  }

  async function showDead(webhook) {
    const path = 'webhooks/' + encodeURIComponent(webhook.id) + '/deliveries';
    const answer = await api.call('GET', path + '?status=DEAD&page=0&size=100');
    if (answer.status !== 200) {
      fill(dead, el('p', {class: 'error'}, api.explain(answer)));
      return;
    }
    fill(dead, el('h2', {}, 'Dead deliveries to ' + webhook.url),
      table(answer.data.length + ' dead deliveries', ['Event', 'Type', 'Attempts', 'Last error',
        {text: 'Created', class: 'optional'}],
      answer.data.map(d => [d.eventId, d.eventType, String(d.attempts), d.lastError || '', when(d.createdOnISO)])),
      el('button', {type: 'button', id: 'redeliver', onclick: async () => {
        const sent = await api.call('POST', path + '/redeliver');
        say(sent.status === 200 ? 'Sent again: ' + sent.data.redelivered + ' deliveries' : api.explain(sent),
          sent.status === 200 ? 'ok' : 'error');
        fill(dead);
        load();
      }}, 'Send every dead delivery again'));
  }

  load();
}
