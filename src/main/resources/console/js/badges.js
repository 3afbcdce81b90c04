// Badges: the list with status filter and name search, activate/deactivate, and a form for a new badge (with the
// claim an earn needs); a badge's name leads to its page (figures, claims, the editor).
import * as api from './api.js';
import {el, fill, field, choice, table, say, when} from './dom.js';
import {OWNERS} from './badge.js';


export async function badgesPage(main) {
  const list = el('div', {id: 'badge-list'});
  const search = el('form', {class: 'row', role: 'search', onsubmit: event => {
    event.preventDefault();
    load();
  }},
  field('Name', {name: 'name', type: 'search'}),
  choice('Status', {name: 'status'}, [['', 'any'], ['LIVE', 'live'], ['UPCOMING', 'upcoming'],
    ['EXPIRED', 'ended']]),
  el('button', {type: 'submit'}, 'Search'));

  async function load() {
    const data = new FormData(search);
    const query = new URLSearchParams({page: '0', size: '100'});
    if (data.get('name')) {
      query.set('name', data.get('name'));
    }
    if (data.get('status')) {
      query.set('status', data.get('status'));
    }
    const answer = await api.call('GET', 'badgeMeta?' + query);
    if (answer.status !== 200) {
      fill(list, el('p', {class: 'error'}, api.explain(answer)));
      return;
    }
    const badges = answer.data.metaBasicDetails;
    fill(list, table(answer.data.pagination.total + ' badges', ['Name', 'Status', {text: 'Type', class: 'optional'},
      {text: 'Ends', class: 'optional'}, 'Earned', {text: 'Owners', class: 'optional'}, 'Actions'],
    badges.map(b => [
      el('a', {class: 'badge-name', href: '#/badges/' + encodeURIComponent(b.id)}, b.name),
      b.status + (b.active ? '' : ' (inactive)'),
      b.earnType,
      when(b.expiresOnISO),
      String(b.earnedCount),
      ((b.ownership && b.ownership.restrictedToOwners) || []).join(', '),
      el('span', {class: 'actions'},
        el('button', {type: 'button', class: 'quiet', onclick: () => activate(b, !b.active)},
          b.active ? 'Deactivate' : 'Activate', el('span', {class: 'visually-hidden'}, ' ' + b.name)))
    ])));
  }

  async function activate(badge, active) {
    const answer = await api.call('PUT', 'badgeMeta/' + encodeURIComponent(badge.id) + '/'
      + (active ? 'activate' : 'deactivate'));
    say(answer.status === 200 ? (active ? 'Activated ' : 'Deactivated ') + badge.name : api.explain(answer),
      answer.status === 200 ? 'ok' : 'error');
    load();
  }

  fill(main, el('h1', {}, 'Badges'), search, list, newBadgeForm(load));
  load();
}

function newBadgeForm(reload) {
  const error = el('p', {class: 'error', role: 'alert'});
  const form = el('form', {class: 'stack', id: 'new-badge', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    const owner = data.get('owner');
    const body = {
      name: data.get('name'), description: data.get('description') || undefined,
      earnType: data.get('earnType'), active: true,
      startOn: Math.floor(Date.now() / 1000),
      expiresOnISO: new Date(data.get('expiresOn') + 'T23:59:59Z').toISOString(),
      earnedBadgeExpiry: {expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: Number(data.get('days'))},
      ownership: {restrictedToOwners: [owner]},
    };
    const created = await api.call('POST', 'badgeMeta', body);
    if (created.status !== 201) {
      error.textContent = api.explain(created);
      return;
    }
    error.textContent = '';
    if (data.get('reference')) {
      const claim = await api.call('POST', 'badgeMeta/' + created.data.id + '/claim',
        {ownerType: owner, referenceId: data.get('reference')});
      if (claim.status !== 200) {
        error.textContent = 'Created, but not claimed: ' + api.explain(claim);
      }
    }
    say('Created ' + created.data.name, 'ok');
    form.reset();
    reload();
  }},
  field('Name', {name: 'name', required: true, maxlength: 100}),
  field('Description', {name: 'description', maxlength: 500}),
  choice('Earned by', {name: 'earnType', value: 'EARN'}, [['EARN', 'an earn'],
    ['ISSUE_EARN', 'an earn after an enrolment']]),
  field('Ends on', {name: 'expiresOn', type: 'date', required: true,
    value: new Date(Date.now() + 365 * 86400000).toISOString().substring(0, 10)}),
  field('An earned badge lasts (days)', {name: 'days', type: 'number', min: 1, value: '365', required: true}),
  choice('Owner', {name: 'owner', value: 'Loyalty'}, OWNERS.map(o => [o, o.replace(/_/g, ' ')])),
  field('Claimed by (the owner\'s reference id; earns need a claim)', {name: 'reference', maxlength: 100}),
  el('button', {type: 'submit'}, 'Create badge'),
  error);
  return el('section', {'aria-labelledby': 'new-badge-title'}, el('h2', {id: 'new-badge-title'}, 'New badge'), form);
}
