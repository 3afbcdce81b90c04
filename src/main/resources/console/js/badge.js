// One badge: its figures, its earns per day, its claims, and an editor for everything PUT badgeMeta takes — dates,
// expiries, owners, group and rank, limits per customer and for the whole badge, the earn rule, custom fields,
// images, benefits and tags. The save is conditional (If-Match): a badge changed by someone else since it was
// opened is not overwritten.
import * as api from './api.js';
import {el, fill, field, choice, table, say, when} from './dom.js';
import {earnsChart} from './chart.js';

export const OWNERS = ['Loyalty', 'Loyalty_Promotion', 'Referral_Campaigns', 'Journeys', 'Audience_Campaigns',
  'Rewards_Catalog', 'Goodwill_Module', 'Milestones'];
const UNITS = [['DAYS', 'days'], ['WEEKS', 'weeks'], ['MONTHS', 'months']];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/**
 * An ISO instant as a datetime-local value in UTC (to the minute), and back; a value left as shown gives back the
 * instant it was made from, seconds included (a live badge's start may not move at all).
 */
const toLocal = iso => iso ? iso.substring(0, 16) : '';
const toIso = (local, original) => original && toLocal(original) === local ? original
  : new Date(local + 'Z').toISOString();

export async function badgePage(main, id) {
  const path = 'badgeMeta/' + encodeURIComponent(id);
  const [answer, groups, customFields, stats] = await Promise.all([api.call('GET', path),
    api.call('GET', 'group?page=0&size=100'), api.call('GET', 'customField?page=0&size=100'),
    api.call('GET', 'stats/earnsPerDay?days=30&badgeId=' + encodeURIComponent(id))]);
  if (answer.status !== 200) {
    fill(main, el('h1', {}, 'Badge'), el('p', {class: 'error'}, api.explain(answer)),
      el('a', {href: '#/badges'}, 'All badges'));
    return;
  }
  const badge = answer.data;
  const claims = el('section', {'aria-labelledby': 'claims-title'});
  fill(main, el('p', {}, el('a', {href: '#/badges'}, 'All badges')),
    el('h1', {class: 'badge-name'}, badge.name),
    el('dl', {class: 'figures', id: 'badge-figures'}, [['Status', badge.status + (badge.active ? '' : ' (inactive)')],
      ['Earned', badge.earnedCount], ['Enrolled', badge.issuedCount], ['Starts', when(badge.startOnISO)],
      ['Ends', when(badge.expiresOnISO)], ['Group', badge.badgeGroupName ? badge.badgeGroupName + ' · rank '
        + badge.badgeRank : 'none']].map(([name, value]) => el('div', {}, el('dt', {}, name),
      el('dd', {}, String(value))))),
    stats.status === 200 ? earnsChart(stats.data, 'badge-chart', 'Earns of this badge per day') : null,
    claims,
    editor(badge, answer.etag, groups.status === 200 ? groups.data.badgeGroups : [],
      customFields.status === 200 ? customFields.data.customFieldROList : [], () => badgePage(main, id)));
  showClaims(claims, badge, () => badgePage(main, id));
}

function showClaims(section, badge, reload) {
  const error = el('p', {class: 'error', role: 'alert'});
  const current = (badge.ownership && badge.ownership.claims) || [];
  const owners = (badge.ownership && badge.ownership.restrictedToOwners) || [];
  async function send(action, ownerType, referenceId) {
    const sent = await api.call('POST', 'badgeMeta/' + encodeURIComponent(badge.id) + '/' + action,
      {ownerType, referenceId});
    if (sent.status !== 200) {
      error.textContent = api.explain(sent);
      return;
    }
    say((action === 'claim' ? 'Claimed by ' : 'Unclaimed by ') + ownerType + ' ' + referenceId, 'ok');
    reload();
  }
  const add = el('form', {class: 'row', id: 'claim-form', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(add);
    send('claim', data.get('ownerType'), data.get('referenceId'));
  }},
  choice('Owner', {name: 'ownerType'}, owners.map(o => [o, o.replace(/_/g, ' ')])),
  field('Reference id', {name: 'referenceId', required: true, maxlength: 255}),
  el('button', {type: 'submit'}, 'Claim'));
  fill(section, el('h2', {id: 'claims-title'}, 'Claims (earns need an active claim of their owner)'),
    table(current.length + ' claims', ['Owner', 'Reference id', 'Active', 'Actions'], current.map(c => [
      c.ownerType, c.referenceId, c.isActive ? 'yes' : 'no',
      c.isActive ? el('button', {type: 'button', class: 'quiet', onclick: () => send('unclaim', c.ownerType,
        c.referenceId)}, 'Unclaim', el('span', {class: 'visually-hidden'}, ' ' + c.ownerType + ' ' + c.referenceId))
        : ''])),
    add, error);
}

/** An expiry ("how long an earned badge lasts") as a fieldset; answers [node, read()]. */
function expiryEditor(legend, name, expiry) {
  const e = expiry || {expiryType: 'NEVER'};
  const kind = e.expiryType === 'RELATIVE' ? 'RELATIVE' : e.expiryType === 'NEVER' ? 'NEVER'
    : e.type === 'FIXED_DATE' ? 'FIXED_DATE' : 'WITH_BADGE_META';
  const box = el('fieldset', {class: 'stack', id: name},
    el('legend', {}, legend),
    choice('Lasts', {name: name + '-kind', value: kind}, [['NEVER', 'for ever'], ['RELATIVE', 'a number of days, '
      + 'weeks or months'], ['WITH_BADGE_META', 'until the badge ends'], ['FIXED_DATE', 'until a date']]),
    field('How many', {name: name + '-value', type: 'number', min: 1, max: 36500, value: String(e.value || 30)}),
    choice('Of', {name: name + '-unit', value: e.relativeExpirytype || 'DAYS'}, UNITS),
    field('Until (UTC)', {name: name + '-until', type: 'datetime-local', value: toLocal(e.expiresOnISO)}));
  // only the figures the chosen kind uses are shown
  const shown = () => {
    const chosen = box.querySelector('[name=' + name + '-kind]').value;
    box.querySelector('[name=' + name + '-value]').parentNode.hidden = chosen !== 'RELATIVE';
    box.querySelector('[name=' + name + '-unit]').parentNode.hidden = chosen !== 'RELATIVE';
    box.querySelector('[name=' + name + '-until]').parentNode.hidden = chosen !== 'FIXED_DATE';
  };
  box.querySelector('[name=' + name + '-kind]').addEventListener('change', shown);
  shown();
  const read = data => {
    switch (data.get(name + '-kind')) {
      case 'NEVER': return {expiryType: 'NEVER'};
      case 'RELATIVE': return {expiryType: 'RELATIVE', relativeExpirytype: data.get(name + '-unit'),
        value: Number(data.get(name + '-value'))};
      case 'WITH_BADGE_META': return {expiryType: 'ABSOLUTE', type: 'WITH_BADGE_META'};
      default: return {expiryType: 'ABSOLUTE', type: 'FIXED_DATE',
        expiresOnISO: data.get(name + '-until') ? toIso(data.get(name + '-until'), e.expiresOnISO) : undefined};
    }
  };
  return [box, read];
}

/**
 * The limits of one level as rows (a kind and its figures); a row keeps what it was answered with (a fixed
 * window's referenceId and cycle status) and overlays what is edited. Answers [node, read()].
 */
function limitsEditor(legend, level, constraints) {
  const prefix = level === 'CUSTOMER' ? 'CUSTOMER_BADGE_' : 'BADGE_';
  const rows = el('div', {class: 'stack'});
  const box = el('fieldset', {class: 'stack limits', id: level.toLowerCase() + '-limits'}, el('legend', {}, legend),
    rows, el('button', {type: 'button', class: 'quiet', onclick: () => rows.appendChild(limitRow(prefix,
      {constraintType: prefix + 'FIXED_VALUE', maxEarnLimit: 1}))}, 'Add a limit',
    el('span', {class: 'visually-hidden'}, ' ' + legend)));
  for (const c of constraints || []) {
    if (c.constraintType === 'CUSTOMER_BADGE_ROLLING_WINDOW') {
      // one row per period: each is a limit of its own
      for (const [max, roll, unit] of [['maxEarnForDays', 'rollForDays', 'DAYS'],
        ['maxEarnForWeeks', 'rollForWeeks', 'WEEKS'], ['maxEarnForMonths', 'rollForMonths', 'MONTHS']]) {
        if (c[max] !== undefined) {
          rows.appendChild(limitRow(prefix, {constraintType: c.constraintType, maxEarnLimit: c[max],
            rollValue: c[roll], rollType: unit}));
        }
      }
    } else if (!c.constraintType.endsWith('NO_LIMIT')) {
      rows.appendChild(limitRow(prefix, c));
    }
  }
  const read = () => Array.from(rows.querySelectorAll('.limit')).map(row => row.read());
  return [box, read];
}

function limitRow(prefix, original) {
  const kind = original.constraintType.substring(prefix.length);
  const row = el('div', {class: 'row limit'});
  const input = (label, name, value, props = {}) => field(label, {name, type: 'number', min: 1, value:
    value === undefined || value === null ? '' : String(value), required: true, ...props});
  const render = k => {
    const parts = [choice('Limit', {name: 'kind', value: k, onchange: e => render(e.target.value)},
      [['FIXED_VALUE', 'at most, ever'], ['ROLLING_WINDOW', 'at most, in any period of'],
        ['FIXED_WINDOW', 'at most, per calendar period']]),
    input('Earns', 'max', original.maxEarnLimit)];
    if (k === 'ROLLING_WINDOW') {
      parts.push(input('Period length', 'roll', original.rollValue), choice('Of', {name: 'unit',
        value: original.rollType || 'DAYS'}, UNITS));
    } else if (k === 'FIXED_WINDOW') {
      parts.push(input('Every', 'refresh', original.refreshRate || 1), choice('Period', {name: 'unit',
        value: original.durationType || 'WEEKS'}, UNITS), choice('Weeks start on', {name: 'weekday',
        value: original.startDayOfTheWeek || 'MONDAY'}, WEEKDAYS.map(d => [d, d.toLowerCase()])));
      if (original.cycleStatus === 'UPCOMING') {
        parts.push(el('span', {class: 'muted'}, 'from the next cycle'));
      }
    }
    parts.push(el('button', {type: 'button', class: 'quiet', onclick: () => row.remove()}, 'Remove'));
    fill(row, ...parts);
  };
  row.read = () => {
    const value = name => row.querySelector('[name=' + name + ']').value;
    const k = value('kind');
    const type = prefix + k;
    const out = k === kind ? {...original, constraintType: type} : {constraintType: type};
    out.maxEarnLimit = Number(value('max'));
    if (k === 'ROLLING_WINDOW' && prefix === 'CUSTOMER_BADGE_') {
      const unit = {DAYS: 'Days', WEEKS: 'Weeks', MONTHS: 'Months'}[value('unit')];
      delete out.maxEarnLimit;
      delete out.rollType;
      delete out.rollValue;
      out['maxEarnFor' + unit] = Number(value('max'));
      out['rollFor' + unit] = Number(value('roll'));
    } else if (k === 'ROLLING_WINDOW') {
      out.rollType = value('unit');
      out.rollValue = Number(value('roll'));
    } else if (k === 'FIXED_WINDOW') {
      out.durationType = value('unit');
      out.refreshRate = Number(value('refresh'));
      if (out.durationType === 'WEEKS') {
        out.startDayOfTheWeek = value('weekday');
      } else {
        delete out.startDayOfTheWeek;
      }
    }
    return out;
  };
  render(kind);
  return row;
}

function jsonText(value) {
  return value === undefined || value === null ? '' : JSON.stringify(value, null, 2);
}

function editor(badge, etag, groups, customFields, reload) {
  const error = el('p', {class: 'error', role: 'alert', id: 'edit-error'});
  const [earnedBox, readEarned] = expiryEditor('An earned badge lasts', 'earned', badge.earnedBadgeExpiry);
  const [issuedBox, readIssued] = expiryEditor('An enrolment lasts (earned after an enrolment)', 'issued',
    badge.issuedBadgeExpiry);
  const [customerBox, readCustomer] = limitsEditor('Limits per customer', 'CUSTOMER', badge.customerConstraints);
  const [badgeBox, readBadge] = limitsEditor('Limits for the whole badge', 'BADGE', badge.badgeConstraints);
  const owners = (badge.ownership && badge.ownership.restrictedToOwners) || [];
  const values = badge.customFields || {};
  const known = new Set(customFields.map(f => f.name));
  const rule = badge.earnRule ? {...badge.earnRule} : null;
  const extras = Object.fromEntries(['images', 'benefits', 'tags'].filter(k => badge[k] !== null
    && badge[k] !== undefined).map(k => [k, badge[k]]));
  const form = el('form', {class: 'stack wide', id: 'edit-badge', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    let earnRule = null;
    let more = {};
    try {
      earnRule = data.get('earnRule').trim() ? JSON.parse(data.get('earnRule')) : null;
      more = data.get('extras').trim() ? JSON.parse(data.get('extras')) : {};
    } catch (e) {
      error.textContent = 'Not JSON: ' + e.message;
      return;
    }
    const fields = {};
    for (const f of customFields) {
      if (data.get('cf-' + f.name)) {
        fields[f.name] = data.get('cf-' + f.name);
      }
    }
    Object.keys(values).filter(k => !known.has(k)).forEach(k => { fields[k] = values[k]; });
    const body = {
      id: badge.id, name: data.get('name'), description: data.get('description') || null,
      startOnISO: toIso(data.get('startOn'), badge.startOnISO),
      expiresOnISO: toIso(data.get('expiresOn'), badge.expiresOnISO),
      earnType: data.get('earnType'), active: data.get('active') === 'on',
      earnedBadgeExpiry: readEarned(data),
      issuedBadgeExpiry: data.get('earnType') === 'ISSUE_EARN' ? readIssued(data) : undefined,
      ownership: {restrictedToOwners: data.getAll('owner')},
      customerConstraints: readCustomer(), badgeConstraints: readBadge(),
      badgeGroupId: data.get('group') || null,
      badgeRank: data.get('group') ? Number(data.get('rank')) : null,
      defaultTillId: badge.defaultTillId, earnRule, customFields: fields,
      ...more,
    };
    const saved = await api.call('PUT', 'badgeMeta', body, undefined, etag ? {'If-Match': etag} : {});
    if (saved.status === 412) {
      error.textContent = 'Someone changed this badge since you opened it: nothing was saved. Reload to see the '
        + 'change, then edit again.';
      return;
    }
    if (saved.status !== 200) {
      error.textContent = api.explain(saved);
      return;
    }
    say('Saved ' + saved.data.name, 'ok');
    reload();
  }},
  el('fieldset', {class: 'stack'}, el('legend', {}, 'The badge'),
    field('Name', {name: 'name', required: true, maxlength: 255, value: badge.name}),
    field('Description', {tag: 'textarea', name: 'description', maxlength: 2000, rows: 2,
      value: badge.description || ''}),
    field('Starts (UTC)', {name: 'startOn', type: 'datetime-local', required: true, value: toLocal(badge.startOnISO)}),
    field('Ends (UTC)', {name: 'expiresOn', type: 'datetime-local', required: true,
      value: toLocal(badge.expiresOnISO)}),
    choice('Earned by', {name: 'earnType', value: badge.earnType}, [['EARN', 'an earn'],
      ['ISSUE_EARN', 'an earn after an enrolment']]),
    el('label', {class: 'check'}, el('input', {type: 'checkbox', name: 'active', checked: badge.active}), 'Active')),
  earnedBox, issuedBox,
  el('fieldset', {class: 'owners'}, el('legend', {}, 'Owners (who may claim and earn it)'),
    OWNERS.map(o => el('label', {class: 'check'}, el('input', {type: 'checkbox', name: 'owner', value: o,
      checked: owners.includes(o)}), o.replace(/_/g, ' ')))),
  el('fieldset', {class: 'stack'}, el('legend', {}, 'Group'),
    choice('Group', {name: 'group', value: badge.badgeGroupId || ''}, [['', 'none'],
      ...groups.map(g => [g.id, g.name])]),
    field('Rank in the group', {name: 'rank', type: 'number', min: 0,
      value: badge.badgeRank === null || badge.badgeRank === undefined ? '' : String(badge.badgeRank)})),
  customerBox, badgeBox,
  el('fieldset', {class: 'stack'}, el('legend', {}, 'Earn rule (earned from what customers do)'),
    field('The rule as JSON (activity, conditions, measure, target, triggeredBy); empty for none',
      {tag: 'textarea', name: 'earnRule', rows: 6, class: 'code', value: jsonText(rule)})),
  el('fieldset', {class: 'stack'}, el('legend', {}, 'Custom fields'),
    customFields.length ? customFields.map(f => field(f.name + (f.isMandatory ? ' (required)' : ''),
      {name: 'cf-' + f.name, value: values[f.name] ?? '', maxlength: 2000}))
      : el('p', {class: 'muted'}, 'The org defines no custom fields.')),
  el('fieldset', {class: 'stack'}, el('legend', {}, 'Images, benefits and tags'),
    field('As JSON', {tag: 'textarea', name: 'extras', rows: 4, class: 'code',
      value: Object.keys(extras).length ? jsonText(extras) : ''})),
  el('button', {type: 'submit'}, 'Save badge'),
  error);
  const issuedShown = () => { issuedBox.hidden = form.querySelector('[name=earnType]').value !== 'ISSUE_EARN'; };
  form.querySelector('[name=earnType]').addEventListener('change', issuedShown);
  issuedShown();
  return el('section', {'aria-labelledby': 'edit-title'}, el('h2', {id: 'edit-title'}, 'Edit'), form);
}
