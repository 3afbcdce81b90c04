// Imports: upload a file, watch it run (a progress bar with rows/s, counts by outcome and the time left), read its
// rejects (line, code, field, reason) and download them as the rejects file; stop and restart; past imports.
import * as api from './api.js';
import {el, fill, field, table, say, when} from './dom.js';

const RUNNING = ['QUEUED', 'RUNNING', 'STOPPING'];

export async function importsPage(main) {
  const error = el('p', {class: 'error', role: 'alert'});
  const upload = el('form', {class: 'row', id: 'upload', onsubmit: async event => {
    event.preventDefault();
    const file = upload.querySelector('input[type=file]').files[0];
    if (!file) {
      error.textContent = 'Choose a file first.';
      return;
    }
    const type = /\.(jsonl|ndjson)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv';
    const answer = await api.call('POST', 'imports?fileName=' + encodeURIComponent(file.name), file, type);
    if (answer.status !== 202) {
      error.textContent = api.explain(answer);
      return;
    }
    location.hash = '#/imports/' + answer.data.id;
  }},
  field('File (CSV or JSON Lines of earns or activities)', {name: 'file', type: 'file', accept: '.csv,.jsonl,.ndjson',
    required: true}),
  el('button', {type: 'submit'}, 'Upload and import'));
  const list = el('div', {id: 'import-list'});
  fill(main, el('h1', {}, 'Imports'), upload, error, el('h2', {}, 'Past imports, newest first'), list);
  const answer = await api.call('GET', 'imports?page=0&size=50');
  if (answer.status !== 200) {
    fill(list, el('p', {class: 'error'}, api.explain(answer)));
    return;
  }
  fill(list, table(answer.data.pagination.total + ' imports', ['File', 'Status', {text: 'Started', class: 'optional'},
    'Read', 'Rejected'], answer.data.imports.map(i => [
    el('a', {href: '#/imports/' + i.id}, i.fileName), i.status, when(i.startedOnISO || i.createdOnISO),
    String(i.rowsRead), String(i.rowsRejected)])));
}

export function importPage(main, id) {
  const bar = el('progress', {class: 'progress', max: '100', value: '0', 'aria-labelledby': 'import-progress-label'});
  const label = el('p', {id: 'import-progress-label'}, 'Progress');
  const figures = el('dl', {class: 'figures'});
  const controls = el('div', {class: 'actions'});
  const rejects = el('div', {id: 'rejects'});
  const title = el('h1', {}, 'Import');
  fill(main, title, label, bar, figures, controls, el('h2', {}, 'Rejected rows'), rejects);
  let shownRejects = -1;

  async function refresh() {
    if (!main.contains(bar)) {
      return; // the page was left: stop polling
    }
    const answer = await api.call('GET', 'imports/' + id);
    if (answer.status !== 200) {
      fill(figures, el('p', {class: 'error'}, api.explain(answer)));
      return;
    }
    const i = answer.data;
    fill(title, 'Import of ', i.fileName);
    const percent = i.progress.percent === null ? null : Number(i.progress.percent);
    if (percent !== null) {
      bar.value = percent;
    }
    bar.setAttribute('aria-valuetext', percent === null ? 'counting rows' : percent.toFixed(1) + ' %');
    const rate = i.rowsPerSecond === null ? null : Number(i.rowsPerSecond);
    const left = rate && i.rowsTotal !== null && RUNNING.includes(i.status)
      ? Math.max(0, (i.rowsTotal - i.rowsRead) / rate) : null;
    fill(label, i.status, ' · ', percent === null ? 'counting rows' : percent.toFixed(1) + ' %',
      i.message ? ' · ' + i.message : '');
    const shown = [['Status', i.status], ['Rows read', i.rowsRead + (i.rowsTotal !== null ? ' of ' + i.rowsTotal : '')],
      ['Rows per second', rate === null ? '' : rate.toFixed(0)],
      ['Time left', left === null ? '' : duration(left)],
      [i.kind === 'ACTIVITY' ? 'Recorded' : 'Earned', String(i.kind === 'ACTIVITY' ? i.rowsRecorded : i.rowsEarned)],
      ['Duplicates', String(i.rowsDuplicate)], ['Rejected', String(i.rowsRejected)]];
    fill(figures, shown.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', {}, value))));
    fill(controls,
      RUNNING.includes(i.status) ? el('button', {type: 'button', onclick: () => act('stop')}, 'Stop') : '',
      ['STOPPED', 'FAILED'].includes(i.status) ? el('button', {type: 'button', onclick: () => act('restart')},
        'Restart') : '',
      i.rowsRejected > 0 ? el('button', {type: 'button', class: 'quiet', id: 'download-rejects',
        onclick: downloadRejects}, 'Download the rejects file') : '');
    if (i.rowsRejected !== shownRejects) {
      shownRejects = i.rowsRejected;
      await showRejects();
    }
    if (RUNNING.includes(i.status)) {
      setTimeout(refresh, 500);
    }
  }

  async function act(what) {
    const answer = await api.call('POST', 'imports/' + id + '/' + what);
    say(answer.status === 200 ? (what === 'stop' ? 'Stop requested' : 'Restarted') : api.explain(answer),
      answer.status === 200 ? 'ok' : 'error');
    refresh();
  }

  async function showRejects() {
    const answer = await api.call('GET', 'imports/' + id + '/rejects?size=200');
    if (answer.status !== 200) {
      fill(rejects, el('p', {class: 'error'}, api.explain(answer)));
      return;
    }
    const rows = answer.data.rejects;
    fill(rejects, rows.length === 0 ? el('p', {class: 'muted'}, 'None.') : table('Rejected rows'
      + (answer.data.nextAfterLine ? ' (the first ' + rows.length + '; the file holds all)' : ''),
    ['Line', 'Code', 'Field', 'Reason', {text: 'Row', class: 'optional'}],
    rows.map(r => [String(r.line), String(r.code), r.reference || '', r.reason, r.original])));
  }

  async function downloadRejects() {
    try {
      const blob = await api.download('imports/' + id + '/rejects.csv');
      const link = el('a', {href: URL.createObjectURL(blob), download: id + '.rejects.csv'});
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (e) {
      say(e.message, 'error');
    }
  }

  refresh();
}

function duration(seconds) {
  if (seconds < 60) {
    return Math.ceil(seconds) + ' s';
  }
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? minutes + ' min ' + Math.ceil(seconds % 60) + ' s'
    : Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
}
