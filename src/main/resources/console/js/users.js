// Users of the signed-in admin's org (org admins and operators): create one, change its role, disable or enable
// it. The API decides who may grant what (an org admin cannot make an operator); the page shows its answer.
import * as api from './api.js';
import {el, fill, field, choice, table, say, when} from './dom.js';

const ROLES = [['USER', 'user'], ['ORG_ADMIN', 'org admin']];

export async function usersPage(main, me) {
  const base = 'admin/orgs/' + me.orgId + '/users';
  const list = el('div', {id: 'user-list'});
  const error = el('p', {class: 'error', role: 'alert'});
  const form = el('form', {class: 'stack', id: 'new-user', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    const answer = await api.call('POST', base, {username: data.get('username'), password: data.get('password'),
      role: data.get('role')});
    if (answer.status !== 201) {
      error.textContent = api.explain(answer);
      return;
    }
    error.textContent = '';
    say('Created user ' + answer.data.username, 'ok');
    form.reset();
    load();
  }},
  field('Username', {name: 'username', required: true, maxlength: 100, autocomplete: 'off'}),
  field('Password (12 to 200 characters)', {name: 'password', type: 'password', required: true, minlength: 12,
    maxlength: 200, autocomplete: 'new-password'}),
  choice('Role', {name: 'role', value: 'USER'}, ROLES),
  el('button', {type: 'submit'}, 'Create user'),
  error);

  async function change(user, body, done) {
    const answer = await api.call('PUT', base + '/' + user.id, body);
    say(answer.status === 200 ? done : api.explain(answer), answer.status === 200 ? 'ok' : 'error');
    load();
  }

  async function load() {
    const answer = await api.call('GET', base);
    if (answer.status !== 200) {
      fill(list, el('p', {class: 'error'}, api.explain(answer)));
      return;
    }
    fill(list, table(answer.data.length + ' users', ['Username', 'Role', 'Status',
      {text: 'Created', class: 'optional'}, 'Actions'], answer.data.map(u => [
      el('span', {class: 'user-name'}, u.username), u.role, u.disabled ? 'disabled' : 'active', when(u.createdOnISO),
      u.id === me.userId ? el('span', {class: 'muted'}, 'you') : el('span', {class: 'actions'},
        el('button', {type: 'button', class: 'quiet', onclick: () => change(u, {disabled: !u.disabled},
          (u.disabled ? 'Enabled ' : 'Disabled ') + u.username)},
        u.disabled ? 'Enable' : 'Disable', el('span', {class: 'visually-hidden'}, ' ' + u.username)),
        u.role === 'USER' || u.role === 'ORG_ADMIN' ? el('button', {type: 'button', class: 'quiet',
          onclick: () => change(u, {role: u.role === 'USER' ? 'ORG_ADMIN' : 'USER'}, 'Changed the role of '
            + u.username)}, u.role === 'USER' ? 'Make org admin' : 'Make user',
        el('span', {class: 'visually-hidden'}, ' ' + u.username)) : '')])));
  }

  fill(main, el('h1', {}, 'Users'), list, el('section', {'aria-labelledby': 'new-user-title'},
    el('h2', {id: 'new-user-title'}, 'New user'), form));
  load();
}
