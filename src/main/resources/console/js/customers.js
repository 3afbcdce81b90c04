// Customers, for the support desk: look a customer up, see each badge's earns (revoke one), progress toward rule
// badges, and earn a badge by hand — a goodwill earn whose requestId is made once per form, so a double click or a
// retried request earns once.
import * as api from './api.js';
import {el, fill, field, choice, table, say, when} from './dom.js';

export function customersPage(main, customerId) {
  const result = el('div', {id: 'customer'});
  const lookup = el('form', {class: 'row', role: 'search', onsubmit: event => {
    event.preventDefault();
    const id = new FormData(lookup).get('customerId').trim();
    if (id) {
      location.hash = '#/customers/' + encodeURIComponent(id);
    }
  }},
  field('Customer id', {name: 'customerId', required: true, value: customerId, maxlength: 100}),
  el('button', {type: 'submit'}, 'Look up'));
  fill(main, el('h1', {}, 'Customers'), lookup, result);
  if (customerId) {
    showCustomer(result, customerId);
  }
}

async function showCustomer(result, customerId) {
  const path = encodeURIComponent(customerId);
  const [earned, available, progress] = await Promise.all([
    api.call('GET', 'management/' + path + '?badgeType=EARNED&includeExpired=true&page=0&size=100'),
    api.call('GET', 'management/' + path + '?badgeType=AVAILABLE&page=0&size=100'),
    api.call('GET', 'customer/' + path + '/progress')]);
  if (earned.status !== 200) {
    fill(result, el('p', {class: 'error'}, api.explain(earned)));
    return;
  }
  const sections = [el('h2', {}, 'Customer ' + customerId)];
  const held = earned.data.customerBadges || [];
  if (held.length === 0) {
    sections.push(el('p', {class: 'muted'}, 'No badge earned yet.'));
  }
  for (const badge of held) {
    sections.push(await badgeOfCustomer(customerId, badge));
  }
  if (available.status === 200 && available.data.customerBadges.length > 0) {
    sections.push(el('h2', {}, 'Available to earn'), table('Available badges', ['Badge', 'Status', 'Ends'],
      available.data.customerBadges.map(b => [b.name, b.badgeStatus, when(b.expiresOnISO)])));
  }
  if (progress.status === 200 && progress.data.rules.length > 0) {
    sections.push(el('h2', {}, 'Progress toward rule badges'), table('Progress', ['Badge', 'Value', 'Target',
      'Completions', {text: 'Cycle ends', class: 'optional'}],
    progress.data.rules.map(r => [r.badgeName, String(r.progress.value), String(r.progress.target),
      String(r.completions), when(r.progress.cycleEndISO)])));
  }
  sections.push(await goodwillForm(customerId, () => showCustomer(result, customerId)));
  fill(result, ...sections);
}

/** A badge the customer earned, with its earns; after a revoke it is shown again in place, the revoked earn too. */
async function badgeOfCustomer(customerId, badge) {
  const detail = await api.call('GET', 'management/' + encodeURIComponent(customerId) + '/badge/'
    + encodeURIComponent(badge.badgeMetaId) + '?includeStatistics=true&size=100');
  const earns = detail.status === 200 && detail.data.earnDetails ? detail.data.earnDetails.earns : [];
  const section = el('section', {class: 'customer-badge'},
    el('h3', {}, badge.name),
    el('p', {class: 'muted'}, badge.badgeStatus + ' · ' + badge.earnCount + ' earned'
      + (badge.lastEarnEventDateISO ? ' · last for ' + when(badge.lastEarnEventDateISO) : '')),
    table('Earns of ' + badge.name, ['Earned for', {text: 'Recorded', class: 'optional'}, 'Expires', 'Status',
      {text: 'requestId', class: 'optional'}, 'Actions'],
    earns.map(e => [when(e.earnEventDateISO), when(e.earnedOnISO), when(e.expiresOnISO), e.earnStatus,
      e.requestId, e.earnStatus === 'LIVE'
        ? el('button', {type: 'button', class: 'quiet revoke', onclick: async () => {
          if (!confirm('Revoke this earn of ' + badge.name + '?')) {
            return;
          }
          const answer = await api.call('POST', 'customer/revokeEarn', {badgeMetaId: badge.badgeMetaId,
            customerId, earnedBadgeId: e.earnedBadgeId});
          say(answer.status === 200 ? 'Revoked an earn of ' + badge.name : api.explain(answer),
            answer.status === 200 ? 'ok' : 'error');
          section.replaceWith(await badgeOfCustomer(customerId, badge));
        }}, 'Revoke')
        : ''])));
  return section;
}

async function goodwillForm(customerId, reload) {
  const badges = await api.call('GET', 'badgeMeta?status=LIVE&page=0&size=200');
  const options = badges.status === 200 ? badges.data.metaBasicDetails.map(b => [b.id, b.name]) : [];
  const requestId = api.requestId();
  const error = el('p', {class: 'error', role: 'alert'});
  const form = el('form', {class: 'stack', id: 'goodwill', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector('button');
    button.disabled = true;
    const answer = await api.call('POST', 'customer/earn', {requestId, customerId,
      badgeMetaId: data.get('badgeMetaId'),
      triggeredBy: {ownerType: data.get('ownerType'), referenceId: data.get('referenceId')}});
    button.disabled = false;
    // 809 with data: this form's requestId was earned already (a double click): the earn stands, once
    if (answer.status === 200 || (answer.data && answer.errors.some(e => e.code === 809))) {
      say('Earned ' + (options.find(o => o[0] === data.get('badgeMetaId')) || ['', ''])[1] + ' for ' + customerId,
        'ok');
      reload();
    } else {
      error.textContent = api.explain(answer);
    }
  }},
  choice('Badge', {name: 'badgeMetaId', required: true}, options),
  field('Owner type (the badge\'s claim)', {name: 'ownerType', value: 'Loyalty', required: true}),
  field('Owner reference id', {name: 'referenceId', required: true, maxlength: 100}),
  el('button', {type: 'submit'}, 'Earn by hand'),
  error);
  return el('section', {}, el('h2', {}, 'Goodwill earn'), form);
}
