// The console's frame: sign-in, the navigation by role, and a router over the URL's fragment (#/badges, ...).
import * as api from './api.js';
import {el, fill, field, say} from './dom.js';
import {badgesPage} from './badges.js';
import {badgePage} from './badge.js';
import {customersPage} from './customers.js';
import {importsPage, importPage} from './imports.js';
import {usersPage} from './users.js';
import {webhooksPage} from './webhooks.js';
import {overviewPage} from './overview.js';

const main = document.getElementById('main');
let me = null;

const routes = [
  [/^#\/overview$/, () => overviewPage(main, me)],
  [/^#\/badges$/, () => badgesPage(main)],
  [/^#\/badges\/([0-9a-zA-Z_-]+)$/, m => badgePage(main, m[1])],
  [/^#\/customers(?:\/(.+))?$/, m => customersPage(main, m[1] ? decodeURIComponent(m[1]) : '')],
  [/^#\/imports$/, () => importsPage(main)],
  [/^#\/imports\/([0-9a-fA-F]+)$/, m => importPage(main, m[1])],
  [/^#\/users$/, () => me.role === 'USER' ? badgesPage(main) : usersPage(main, me)],
  [/^#\/webhooks$/, () => me.role === 'USER' ? badgesPage(main) : webhooksPage(main)],
];

function signInPage() {
  const error = el('p', {class: 'error', id: 'sign-in-error', role: 'alert'});
  const form = el('form', {class: 'stack', 'aria-describedby': 'sign-in-error', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    api.signIn(data.get('username'), data.get('password'));
    form.reset();
    const answer = await api.call('GET', 'account');
    if (answer.status !== 200) {
      api.signOut();
      error.textContent = answer.status === 401 ? 'Wrong username or password.' : api.explain(answer);
      return;
    }
    me = answer.data;
    showSignedIn();
    location.hash = location.hash && location.hash !== '#/sign-in' ? location.hash : '#/overview';
    route();
  }},
  field('Username', {name: 'username', autocomplete: 'username', required: true}),
  field('Password', {name: 'password', type: 'password', autocomplete: 'current-password', required: true}),
  el('button', {type: 'submit'}, 'Sign in'),
  error);
  fill(main, el('h1', {}, 'Sign in'), form);
  form.querySelector('input').focus();
}

function showSignedIn() {
  document.getElementById('nav').hidden = false;
  // what the role may do: users and webhooks are managed by org admins and operators
  document.getElementById('nav-users').hidden = me.role === 'USER';
  document.getElementById('nav-webhooks').hidden = me.role === 'USER';
  document.getElementById('sign-out').hidden = false;
  fill(document.getElementById('who'), me.username + ' · org ' + me.orgId + ' · ' + roleName(me.role));
}

function roleName(role) {
  return {USER: 'user', ORG_ADMIN: 'org admin', PLATFORM_OPERATOR: 'operator'}[role] || role;
}

function signOut() {
  api.signOut();
  me = null;
  document.getElementById('nav').hidden = true;
  document.getElementById('sign-out').hidden = true;
  fill(document.getElementById('who'));
  say('Signed out: the console forgot your credentials.');
  location.hash = '#/sign-in';
  signInPage();
}

function route() {
  // not signed in, or signing in still (the account not answered yet): pages need to know who is calling
  if (!api.signedIn() || me === null) {
    signInPage();
    return;
  }
  say('');
  const hash = location.hash || '#/overview';
  for (const link of document.querySelectorAll('#nav a')) {
    if (hash.startsWith(link.getAttribute('href'))) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      page(match);
      main.focus();
      return;
    }
  }
  location.hash = '#/overview';
}

document.getElementById('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
route();
