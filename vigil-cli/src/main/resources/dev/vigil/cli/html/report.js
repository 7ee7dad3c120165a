'use strict';
// Vigil HTML report. Everything shown here comes from the JSON block #vigil-data, which holds scanned
// (attacker-controlled) code and messages: it reaches the page only as text nodes (textContent,
// createTextNode), never through innerHTML or as a URL. Keep it that way.
(function () {
  performance.mark('vigil-start');
  var D = JSON.parse(document.getElementById('vigil-data').textContent);
  var SEVERITIES = ['critical', 'high', 'medium', 'low', 'note'];
  var VERDICTS = ['true-positive', 'false-positive', 'uncertain', 'model-error', 'none'];
  var PAGE_SIZE = 50;
  var CONTEXT = 3;
  var NF = new Intl.NumberFormat('en-US');

  var findings = D.findings.map(function (f, i) {
    var slash = f.file.lastIndexOf('/');
    return {
      f: f, i: i,
      rank: Math.max(0, SEVERITIES.indexOf(f.sev)),
      dir: slash < 0 ? '.' : f.file.substring(0, slash),
      verdict: verdictKey(f.triage),
      hay: null
    };
  });

  var state = {
    sev: new Set(), rule: '', cwe: '', verdict: '', file: '', q: '',
    suppressed: false, sort: 'severity', desc: false, page: 0, open: new Set()
  };
  var view = [];

  // ---------- small DOM helpers (text only) ----------
  function el(tag, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); return; }
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function num(n) { return NF.format(n); }
  function plural(n, word) { return num(n) + ' ' + word + (n === 1 ? '' : 's'); }

  function verdictKey(t) {
    if (!t || !t.verdict) return 'none';
    var v = String(t.verdict).toLowerCase().replace(/[_\s]+/g, '-');
    if (v === 'tp' || v === 'true' || v === 'vulnerable' || v === 'confirmed') return 'true-positive';
    if (v === 'fp' || v === 'false' || v === 'not-vulnerable' || v === 'safe') return 'false-positive';
    if (v === 'true-positive' || v === 'false-positive' || v === 'model-error') return v;
    return 'uncertain';
  }
  function verdictLabel(v) {
    return { 'true-positive': 'True positive', 'false-positive': 'False positive', uncertain: 'Uncertain',
      'model-error': 'Model error', none: 'Not triaged' }[v];
  }
  function cweLabel(c) { return c > 0 ? 'CWE-' + c : 'no CWE'; }

  // ---------- overview ----------
  function countBy(list, key) {
    var m = new Map();
    list.forEach(function (x) { var k = key(x); m.set(k, (m.get(k) || 0) + 1); });
    return m;
  }

  function barChart(title, entries, total, onPick, labelOf, extraOf, classOf) {
    var card = el('div', 'card chart');
    card.appendChild(el('h3', null, title));
    if (entries.length === 0) { card.appendChild(el('p', 'muted', 'Nothing to show.')); return card; }
    var max = entries[0][1];
    var ul = el('ul', 'bars');
    entries.slice(0, 8).forEach(function (e) {
      var bar = el('span', 'bar-fill' + (classOf ? ' ' + classOf(e[0]) : ''));
      bar.style.width = Math.max(2, Math.round(100 * e[1] / max)) + '%';
      var label = labelOf(e[0]);
      var b = el('button', 'bar',
        el('span', 'bar-top', el('span', 'bar-label', label, extraOf ? el('span', 'bar-extra', extraOf(e[0])) : null),
          el('span', 'bar-count', num(e[1]))),
        el('span', 'bar-track', bar));
      b.type = 'button';
      b.title = label + ': ' + plural(e[1], 'finding') + ' \u2014 click to show only these';
      b.addEventListener('click', function () { onPick(e[0]); });
      ul.appendChild(el('li', null, b));
    });
    card.appendChild(ul);
    if (entries.length > 8) card.appendChild(el('p', 'muted small', '+ ' + plural(entries.length - 8, 'more group')));
    return card;
  }

  function sorted(map) {
    return Array.from(map.entries()).sort(function (a, b) { return b[1] - a[1] || String(a[0]).localeCompare(String(b[0])); });
  }

  function renderOverview() {
    var overview = clear(document.getElementById('overview'));
    var root = el('div', 'charts');
    overview.appendChild(root);
    var active = findings.filter(function (x) { return !x.f.suppressed; });
    var suppressed = findings.length - active.length;

    // severity card: total and a stacked bar
    var sevCounts = countBy(active, function (x) { return x.f.sev; });
    var sevCard = el('div', 'card severity-card');
    sevCard.appendChild(el('h3', null, 'Findings'));
    sevCard.appendChild(el('div', 'big', num(active.length)));
    if (suppressed) sevCard.appendChild(el('div', 'muted small', num(suppressed) + ' suppressed (hidden by default)'));
    var stack = el('div', 'stack');
    stack.setAttribute('role', 'img');
    stack.setAttribute('aria-label', SEVERITIES.map(function (s) { return s + ' ' + (sevCounts.get(s) || 0); }).join(', '));
    var legend = el('ul', 'legend');
    SEVERITIES.forEach(function (s) {
      var n = sevCounts.get(s) || 0;
      if (n && active.length) {
        var seg = el('span', 'seg sev-bg-' + s);
        seg.style.width = (100 * n / active.length) + '%';
        stack.appendChild(seg);
      }
      var b = el('button', 'legend-item', el('span', 'dot sev-bg-' + s), el('span', null, s), el('strong', null, num(n)));
      b.type = 'button';
      b.disabled = n === 0;
      b.addEventListener('click', function () { resetFilters(); state.sev.add(s); applyAndScroll(); });
      legend.appendChild(el('li', null, b));
    });
    sevCard.appendChild(stack);
    sevCard.appendChild(legend);
    root.appendChild(sevCard);

    var ruleCounts = sorted(countBy(active, function (x) { return x.f.rule; }));
    root.appendChild(barChart('By rule', ruleCounts, active.length,
      function (r) { resetFilters(); state.rule = r; applyAndScroll(); },
      function (r) { return r; },
      function (r) { var f = findings.find(function (x) { return x.f.rule === r; }); return f ? cweLabel(f.f.cwe) : ''; }));

    var dirCounts = sorted(countBy(active, function (x) { return x.dir; }));
    root.appendChild(barChart('By directory', dirCounts, active.length,
      function (d) { resetFilters(); state.file = d === '.' ? '' : d + '/'; applyAndScroll(); },
      function (d) { return d; }));

    var triaged = active.filter(function (x) { return x.verdict !== 'none'; });
    if (triaged.length) {
      var vCounts = countBy(active, function (x) { return x.verdict; });
      root.appendChild(barChart('Model verdicts', VERDICTS.filter(function (v) { return vCounts.get(v); })
        .map(function (v) { return [v, vCounts.get(v)]; }).sort(function (a, b) { return b[1] - a[1]; }), active.length,
        function (v) { resetFilters(); state.verdict = v; applyAndScroll(); }, verdictLabel, null,
        function (v) { return 'fill-' + v; }));
    }

    overview.appendChild(scanCard());
    if (D.notifications.length) overview.appendChild(notificationsCard());
  }

  function scanCard() {
    var s = D.scan;
    var card = el('div', 'card scan-card');
    card.appendChild(el('h3', null, 'Scan'));
    var dl = el('dl', 'meta');
    function row(k, v) { if (v !== null && v !== undefined && v !== '') dl.appendChild(el('div', 'kv', el('dt', null, k), el('dd', null, v))); }
    row('Paths', s.roots.length ? s.roots.join(', ') : '.');
    row('Started', s.startedAt ? formatTime(s.startedAt) : null);
    row('Duration', formatDuration(s.durationMillis));
    row('Files', num(s.filesScanned));
    row('Lines', num(s.linesScanned));
    row('Rules', num(Object.keys(D.rules).length) + ' with findings of ' + num(s.rulesInCatalog));
    row('Status', s.successful ? 'completed' : 'completed with errors');
    var tables = [];
    var props = s.properties || {};
    Object.keys(props).forEach(function (k) { if (isTable(props[k])) tables.push([k, props[k]]); });
    var rest = {};
    Object.keys(props).forEach(function (k) { if (!isTable(props[k])) rest[k] = props[k]; });
    flatten(rest, '').forEach(function (kv) { row(humanKey(kv[0]), kv[1]); });
    card.appendChild(dl);
    tables.forEach(function (t) { card.appendChild(el('h3', 'sub', humanKey(t[0]))); card.appendChild(propertyTable(t[1])); });
    return card;
  }

  // A run property that is a list of records (vigil-llm's modelUsage: one per stage and model) reads
  // best as a table, with a total row for the numeric columns when there are several records.
  function isTable(v) {
    return Array.isArray(v) && v.length > 0 && v.length <= 200 &&
      v.every(function (x) { return x && typeof x === 'object' && !Array.isArray(x); });
  }
  function propertyTable(rows) {
    var cols = [];
    rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) cols.push(k); }); });
    var numeric = cols.filter(function (c) { return rows.every(function (r) { return r[c] === undefined || typeof r[c] === 'number'; }); });
    function cell(c, v) {
      if (v === undefined || v === null) return el('td');
      if (typeof v === 'number') return el('td', 'n', /millis/i.test(c) ? formatDuration(v) : formatNumber(c, v));
      return el('td', null, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    var table = el('table', 'props',
      el('thead', null, el('tr', null, cols.map(function (c) { return el('th', numeric.indexOf(c) >= 0 ? 'n' : null, humanKey(c)); }))),
      el('tbody', null, rows.map(function (r) { return el('tr', null, cols.map(function (c) { return cell(c, r[c]); })); })));
    if (rows.length > 1 && numeric.length) {
      table.appendChild(el('tfoot', null, el('tr', null, cols.map(function (c, i) {
        if (numeric.indexOf(c) < 0) return el('td', null, i === 0 ? 'Total' : '');
        return cell(c, rows.reduce(function (sum, r) { return sum + (r[c] || 0); }, 0));
      }))));
    }
    return el('div', 'table-wrap', table);
  }

  // Run properties (model, tokens, cost...) are open-ended: show them all, nested keys joined by dots.
  function flatten(obj, prefix) {
    var out = [];
    if (!obj || typeof obj !== 'object') return out;
    Object.keys(obj).forEach(function (k) {
      var v = obj[k], key = prefix ? prefix + '.' + k : k;
      if (v && typeof v === 'object' && !Array.isArray(v)) out = out.concat(flatten(v, key));
      else if (Array.isArray(v)) out.push([key, v.map(function (x) { return typeof x === 'object' ? JSON.stringify(x) : String(x); }).join(', ')]);
      else if (typeof v === 'number' && /millis/i.test(key)) out.push([key.replace(/[._-]?millis/i, ''), formatDuration(v)]);
      else out.push([key, typeof v === 'number' ? formatNumber(key, v) : String(v)]);
    });
    return out.slice(0, 40);
  }
  function formatNumber(key, v) {
    if (/cost|usd|price/i.test(key)) return '$' + v.toFixed(v < 1 ? 4 : 2);
    return Number.isInteger(v) ? num(v) : String(Math.round(v * 1000) / 1000);
  }
  function humanKey(k) {
    var s = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase();
    return (s.charAt(0).toUpperCase() + s.slice(1)).replace(/\busd\b/, '(USD)');
  }
  function formatTime(iso) {
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
  }
  function formatDuration(ms) {
    if (!(ms >= 0)) return null;
    if (ms < 1000) return ms + ' ms';
    var s = ms / 1000;
    if (s < 60) return s.toFixed(1) + ' s';
    return Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
  }

  function notificationsCard() {
    var card = el('div', 'card notes-card');
    var det = el('details');
    var errors = D.notifications.filter(function (n) { return n.level === 'error'; }).length;
    det.appendChild(el('summary', null, plural(D.notifications.length, 'scan notification') + (errors ? ' (' + plural(errors, 'error') + ')' : '')));
    var ul = el('ul', 'notes');
    D.notifications.slice(0, 500).forEach(function (n) {
      ul.appendChild(el('li', 'note-' + n.level, el('span', 'note-level', n.level), ' ', n.text));
    });
    det.appendChild(ul);
    card.appendChild(det);
    return card;
  }

  // ---------- toolbar ----------
  var ui = {};
  function select(label, options, onChange) {
    var s = el('select');
    s.setAttribute('aria-label', label);
    options.forEach(function (o) { var opt = el('option', null, o[1]); opt.value = o[0]; s.appendChild(opt); });
    s.addEventListener('change', function () { onChange(s.value); });
    return s;
  }

  function renderToolbar() {
    var bar = clear(document.getElementById('toolbar'));
    var q = el('input', 'search');
    q.type = 'search';
    q.placeholder = 'Search messages, files, rules, code\u2026  ( / )';
    q.setAttribute('aria-label', 'Search findings');
    var timer = 0;
    q.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = q.value.trim().toLowerCase(); state.page = 0; apply(); }, 120);
    });
    ui.q = q;
    bar.appendChild(el('div', 'search-wrap', q));

    var chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', 'Severity');
    ui.chips = {};
    // Counts in the toolbar are of unsuppressed findings, matching the overview.
    var active = findings.filter(function (x) { return !x.f.suppressed; });
    var sevCounts = countBy(active, function (x) { return x.f.sev; });
    SEVERITIES.forEach(function (s) {
      var c = el('button', 'chip', el('span', 'dot sev-bg-' + s), s, el('span', 'chip-count', num(sevCounts.get(s) || 0)));
      c.type = 'button';
      c.dataset.sev = s;
      c.setAttribute('aria-pressed', 'false');
      c.addEventListener('click', function () {
        if (state.sev.has(s)) state.sev.delete(s); else state.sev.add(s);
        state.page = 0; apply();
      });
      ui.chips[s] = c;
      chips.appendChild(c);
    });
    bar.appendChild(chips);

    // Options list every value, suppressed findings' too; the counts are of unsuppressed findings.
    function options(key, label, all) {
      var shown = countBy(active, key);
      return [['', all]].concat(sorted(countBy(findings, key)).map(function (e) {
        return [e[0], label(e[0]) + ' (' + num(shown.get(e[0]) || 0) + ')'];
      }));
    }
    ui.rule = select('Rule', options(function (x) { return x.f.rule; }, function (r) { return r; }, 'All rules'),
      function (v) { state.rule = v; state.page = 0; apply(); });
    ui.rule.id = 'filter-rule';
    ui.cwe = select('CWE', options(function (x) { return String(x.f.cwe); }, function (c) { return cweLabel(+c); }, 'All CWEs'),
      function (v) { state.cwe = v; state.page = 0; apply(); });
    ui.cwe.id = 'filter-cwe';
    var verdictOptions = options(function (x) { return x.verdict; }, verdictLabel, 'Any verdict');
    ui.verdict = select('Model verdict', [verdictOptions[0]].concat(VERDICTS.map(function (v) {
      return verdictOptions.find(function (o) { return o[0] === v; });
    }).filter(Boolean)), function (v) { state.verdict = v; state.page = 0; apply(); });
    ui.verdict.id = 'filter-verdict';

    var file = el('input', 'file-filter');
    file.type = 'text';
    file.id = 'filter-file';
    file.placeholder = 'File or directory';
    file.setAttribute('aria-label', 'File or directory');
    file.setAttribute('list', 'dirs');
    var dl = el('datalist');
    dl.id = 'dirs';
    Array.from(new Set(findings.map(function (x) { return x.dir; }))).sort().slice(0, 2000)
      .forEach(function (d) { var o = el('option'); o.value = d + '/'; dl.appendChild(o); });
    var ftimer = 0;
    file.addEventListener('input', function () {
      clearTimeout(ftimer);
      ftimer = setTimeout(function () { state.file = file.value.trim(); state.page = 0; apply(); }, 120);
    });
    ui.file = file;

    var sort = select('Sort by', [['severity', 'Sort: severity'], ['rule', 'Sort: rule'], ['file', 'Sort: file'],
      ['verdict', 'Sort: model confidence'], ['message', 'Sort: message']],
      function (v) { state.sort = v; state.page = 0; apply(); });
    sort.id = 'sort';
    ui.sort = sort;
    var dir = el('button', 'icon-btn', '\u2191');
    dir.type = 'button';
    dir.id = 'sort-dir';
    dir.title = 'Reverse order';
    dir.setAttribute('aria-label', 'Reverse sort order');
    dir.addEventListener('click', function () { state.desc = !state.desc; dir.textContent = state.desc ? '\u2193' : '\u2191'; apply(); });
    ui.dir = dir;

    var supp = el('input');
    supp.type = 'checkbox';
    supp.id = 'show-suppressed';
    supp.addEventListener('change', function () { state.suppressed = supp.checked; state.page = 0; apply(); });
    ui.supp = supp;
    var suppLabel = el('label', 'check', supp, ' Suppressed');
    var reset = el('button', 'link-btn', 'Reset');
    reset.type = 'button';
    reset.addEventListener('click', function () { resetFilters(); apply(); });

    var row = el('div', 'filters', ui.rule, ui.cwe, ui.verdict, file, dl, el('span', 'spacer'), sort, dir,
      findings.some(function (x) { return x.f.suppressed; }) ? suppLabel : null, reset);
    bar.appendChild(row);

    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== q && !/INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName)) {
        e.preventDefault(); q.focus();
      }
    });
  }

  function resetFilters() {
    state.sev.clear(); state.rule = ''; state.cwe = ''; state.verdict = ''; state.file = ''; state.q = ''; state.page = 0;
  }

  function syncToolbar() {
    SEVERITIES.forEach(function (s) { ui.chips[s].setAttribute('aria-pressed', state.sev.has(s) ? 'true' : 'false'); });
    ui.rule.value = state.rule; ui.cwe.value = state.cwe; ui.verdict.value = state.verdict;
    if (ui.file.value.trim() !== state.file) ui.file.value = state.file;
    if (ui.q.value.trim().toLowerCase() !== state.q) ui.q.value = state.q;
  }

  // ---------- filtering and sorting ----------
  function haystack(x) {
    if (x.hay === null) {
      var f = x.f, parts = [f.msg, f.file + ':' + f.line, f.rule, cweLabel(f.cwe), f.method, f.fp];
      f.steps.forEach(function (s) {
        var lines = D.files[s.file] && D.files[s.file].lines;
        parts.push(s.file, s.text, s.snippet, lines && lines[String(s.line)]);
      });
      if (f.triage && f.triage.reasoning) parts.push(f.triage.reasoning);
      x.hay = parts.join('\n').toLowerCase();
    }
    return x.hay;
  }

  function matches(x) {
    var f = x.f;
    if (f.suppressed && !state.suppressed) return false;
    if (state.sev.size && !state.sev.has(f.sev)) return false;
    if (state.rule && f.rule !== state.rule) return false;
    if (state.cwe && String(f.cwe) !== state.cwe) return false;
    if (state.verdict && x.verdict !== state.verdict) return false;
    if (state.file && f.file.indexOf(state.file) < 0) return false;
    if (state.q) {
      var h = haystack(x), terms = state.q.split(/\s+/);
      for (var i = 0; i < terms.length; i++) if (h.indexOf(terms[i]) < 0) return false;
    }
    return true;
  }

  function compare(a, b) {
    var fa = a.f, fb = b.f, c = 0;
    switch (state.sort) {
      case 'rule': c = fa.rule.localeCompare(fb.rule); break;
      case 'file': c = 0; break;
      case 'verdict': c = confidenceKey(b) - confidenceKey(a); break;
      case 'message': c = fa.msg.localeCompare(fb.msg); break;
      default: c = a.rank - b.rank;
    }
    if (c === 0) c = fa.file < fb.file ? -1 : fa.file > fb.file ? 1 : 0;
    if (c === 0) c = fa.line - fb.line;
    if (c === 0) c = a.i - b.i;
    return state.desc ? -c : c;
  }
  // Most likely real first: confirmed with high confidence, then uncertain, then untriaged, then dismissed.
  function confidenceKey(x) {
    var conf = x.f.triage && typeof x.f.triage.confidence === 'number' ? x.f.triage.confidence : 0.5;
    switch (x.verdict) {
      case 'true-positive': return 3 + conf;
      case 'uncertain': return 2 + conf;
      case 'none': return 1;
      default: return 1 - conf;
    }
  }

  function apply() {
    view = findings.filter(matches).sort(compare);
    var pages = Math.max(1, Math.ceil(view.length / PAGE_SIZE));
    if (state.page >= pages) state.page = pages - 1;
    syncToolbar();
    renderList();
  }

  function applyAndScroll() {
    apply();
    document.getElementById('toolbar').scrollIntoView({ block: 'start' });
  }

  // ---------- list ----------
  function renderList() {
    var list = clear(document.getElementById('list'));
    var head = clear(document.getElementById('list-head'));
    var from = state.page * PAGE_SIZE, to = Math.min(view.length, from + PAGE_SIZE);
    head.appendChild(el('span', 'count', view.length === 0 ? 'No findings match' :
      'Showing ' + num(from + 1) + '\u2013' + num(to) + ' of ' + plural(view.length, 'finding')));
    if (view.length === 0) {
      list.appendChild(el('div', 'empty', findings.length ? 'No finding matches these filters.' : 'No findings. Nothing to fix.'));
    }
    for (var i = from; i < to; i++) list.appendChild(renderRow(view[i]));
    renderPager();
  }

  function renderRow(x) {
    var f = x.f;
    var row = el('article', 'finding' + (f.suppressed ? ' is-suppressed' : ''));
    row.setAttribute('role', 'listitem');
    row.dataset.index = String(x.i);
    var head = el('button', 'row',
      el('span', 'sev sev-' + f.sev, f.sev),
      el('span', 'row-main',
        el('span', 'row-msg', f.msg || f.rule),
        el('span', 'row-sub', el('span', 'rule-id', f.rule), el('span', 'cwe', cweLabel(f.cwe)),
          el('span', 'loc', f.file + ':' + f.line))),
      x.verdict !== 'none' ? el('span', 'verdict v-' + x.verdict, verdictLabel(x.verdict)) : null,
      f.suppressed ? el('span', 'verdict v-suppressed', 'suppressed') : null,
      el('span', 'chev', '\u203A'));
    head.type = 'button';
    head.setAttribute('aria-expanded', 'false');
    row.appendChild(head);
    var body = null;
    function toggle() {
      var open = head.getAttribute('aria-expanded') !== 'true';
      head.setAttribute('aria-expanded', String(open));
      row.classList.toggle('open', open);
      if (open) {
        state.open.add(x.i);
        if (!body) { body = renderDetail(f); row.appendChild(body); }
        body.hidden = false;
        rememberInUrl(f.fp);
      }
      else { state.open.delete(x.i); if (body) body.hidden = true; }
    }
    head.addEventListener('click', toggle);
    if (state.open.has(x.i)) { state.open.delete(x.i); toggle(); }
    return row;
  }

  // The open finding's fingerprint goes in the URL's fragment, so a link to report.html#<fingerprint>
  // opens the report at that finding (fingerprints survive rescans).
  function rememberInUrl(fp) {
    try { history.replaceState(null, '', '#' + encodeURIComponent(fp)); } catch (e) { /* some browsers refuse on file: URLs */ }
  }

  function openFromUrl() {
    var fp;
    try { fp = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var x = fp && findings.find(function (y) { return y.f.fp === fp; });
    if (!x) return;
    resetFilters();
    if (x.f.suppressed) { state.suppressed = true; if (ui.supp) ui.supp.checked = true; }
    state.open.add(x.i);
    view = findings.filter(matches).sort(compare);
    state.page = Math.floor(view.indexOf(x) / PAGE_SIZE);
    apply();
    var row = document.querySelector('#list .finding[data-index="' + x.i + '"]');
    if (row) row.scrollIntoView({ block: 'start' });
  }

  function renderPager() {
    var nav = clear(document.getElementById('pager'));
    var pages = Math.ceil(view.length / PAGE_SIZE);
    if (pages <= 1) return;
    function btn(label, page, cls) {
      var b = el('button', 'page' + (cls ? ' ' + cls : ''), label);
      b.type = 'button';
      if (page === state.page && !cls) b.setAttribute('aria-current', 'page');
      b.disabled = page < 0 || page >= pages || (page === state.page && !cls);
      b.addEventListener('click', function () { state.page = page; renderList(); document.getElementById('list-head').scrollIntoView({ block: 'start' }); });
      return b;
    }
    nav.appendChild(btn('\u2039 Prev', state.page - 1, 'prev'));
    var shown = new Set([0, pages - 1]);
    for (var p = state.page - 2; p <= state.page + 2; p++) if (p >= 0 && p < pages) shown.add(p);
    var last = -1;
    Array.from(shown).sort(function (a, b) { return a - b; }).forEach(function (p) {
      if (p - last > 1) nav.appendChild(el('span', 'gap', '\u2026'));
      nav.appendChild(btn(String(p + 1), p));
      last = p;
    });
    nav.appendChild(btn('Next \u203A', state.page + 1, 'next'));
  }

  // ---------- finding detail ----------
  function renderDetail(f) {
    var d = el('div', 'detail');
    var rule = D.rules[f.rule];
    d.appendChild(el('p', 'detail-msg', f.msg));
    var meta = el('dl', 'detail-meta');
    function m(k, v) { if (v) { meta.appendChild(el('dt', null, k)); meta.appendChild(el('dd', null, v)); } }
    m('Rule', f.rule + (rule && rule.name && rule.name !== f.rule ? ' \u2014 ' + rule.name : ''));
    m('CWE', cweLabel(f.cwe));
    m('Location', f.file + ':' + f.line);
    m('Method', f.method);
    m('Fingerprint', f.fp);
    if (f.suppressed) m('Suppressed', f.suppressed.kind + (f.suppressed.justification ? ': ' + f.suppressed.justification : ''));
    d.appendChild(meta);

    if (f.triage) d.appendChild(renderTriage(f.triage));

    var isFlow = f.steps.length > 1 || (f.steps[0] && f.steps[0].kind === 'source');
    d.appendChild(el('h4', null, isFlow ? 'Source \u2192 sink path (' + plural(f.steps.length, 'step') + ')' : 'Location'));
    if (isFlow) d.appendChild(renderSteps(f.steps));
    d.appendChild(renderCode(f.steps));

    if (f.fix) {
      d.appendChild(el('h4', null, 'Suggested fix'));
      if (f.fix.description) d.appendChild(el('p', null, f.fix.description));
      d.appendChild(renderDiff(f.fix.diff));
    }
    if (rule) {
      var help = el('section', 'rule-help');
      help.appendChild(el('h4', null, 'About ' + f.rule));
      if (rule.full || rule.short) help.appendChild(el('p', 'lead', rule.full || rule.short));
      if (rule.help) help.appendChild(markdown(rule.help));
      d.appendChild(help);
    }
    return d;
  }

  function renderTriage(t) {
    var v = verdictKey(t);
    var box = el('div', 'triage v-box-' + v);
    var head = el('div', 'triage-head', el('span', 'verdict v-' + v, verdictLabel(v)),
      typeof t.confidence === 'number' ? el('span', 'conf', 'confidence ' + Math.round((t.confidence <= 1 ? t.confidence * 100 : t.confidence)) + '%') : null,
      el('span', 'muted', t.model ? 'model verdict \u00B7 ' + t.model : 'model verdict'));
    if (t.samples > 1 && typeof t.agreement === 'number') {
      add(head, el('span', 'muted', Math.round(t.agreement * t.samples) + ' of ' + t.samples + ' samples agree'));
    }
    box.appendChild(head);
    if (t.reasoning) box.appendChild(el('p', 'reasoning', t.reasoning));
    if (t.error) box.appendChild(el('p', 'reasoning', 'The model call failed: ' + t.error));
    if (t.preconditions) {
      box.appendChild(el('div', 'pre-head', 'Exploit preconditions'));
      box.appendChild(el('ul', 'preconditions', t.preconditions.map(function (p) { return el('li', null, p); })));
    }
    return box;
  }

  function stepBadge(n, kind) { return el('span', 'step-no k-' + kind, String(n)); }

  function renderSteps(steps) {
    var ol = el('ol', 'steps');
    steps.forEach(function (s, i) {
      var li = el('li', 'step k-' + s.kind, stepBadge(i + 1, s.kind),
        el('span', 'step-kind', s.kind),
        el('span', 'step-loc', s.file + ':' + s.line),
        el('span', 'step-text', s.text));
      ol.appendChild(li);
    });
    return ol;
  }

  // The code around each step, with consecutive steps in the same file merged into one excerpt when
  // their windows touch, so a path reads top to bottom across files.
  function renderCode(steps) {
    var wrap = el('div', 'code-wrap');
    var groups = [];
    steps.forEach(function (s, i) {
      var from = Math.max(1, s.line - CONTEXT), to = Math.max(s.line, s.endLine || s.line) + CONTEXT;
      var g = groups[groups.length - 1];
      if (g && g.file === s.file && from <= g.to + 2 && to >= g.from - 2) {
        g.from = Math.min(g.from, from); g.to = Math.max(g.to, to); g.steps.push([i + 1, s]);
      } else {
        groups.push({ file: s.file, from: from, to: to, steps: [[i + 1, s]] });
      }
    });
    groups.forEach(function (g) { wrap.appendChild(renderExcerpt(g)); });
    return wrap;
  }

  function renderExcerpt(g) {
    var file = D.files[g.file] || { missing: 'not read' };
    var box = el('div', 'excerpt');
    box.appendChild(el('div', 'excerpt-head', el('span', 'excerpt-file', g.file),
      el('span', 'muted', g.steps.length > 1 ? 'steps ' + g.steps.map(function (s) { return s[0]; }).join(', ') : 'step ' + g.steps[0][0])));
    var lines = file.lines || {};
    var marks = new Map(), notes = new Map();
    g.steps.forEach(function (p) {
      var s = p[1], end = Math.max(s.line, s.endLine || s.line);
      for (var n = s.line; n <= end; n++) { if (!marks.has(n)) marks.set(n, []); marks.get(n).push(p); }
      if (!notes.has(end)) notes.set(end, []);
      notes.get(end).push(p);
    });
    var table = el('div', 'code');
    var any = false;
    for (var n = g.from; n <= g.to; n++) {
      var text = lines[String(n)];
      var mk = marks.get(n);
      if (text === undefined) {
        // the line is not in the file (past its end), or the file could not be read
        if (!mk) continue;
        text = null;
      }
      any = any || text !== null;
      var kinds = mk ? mk.map(function (p) { return p[1].kind; }) : [];
      var line = el('div', 'ln' + (mk ? ' hl k-' + (kinds.indexOf('sink') >= 0 ? 'sink' : kinds.indexOf('source') >= 0 ? 'source' : 'step') : ''),
        el('span', 'gutter', String(n)),
        el('span', 'marks', mk ? mk.map(function (p) { return stepBadge(p[0], p[1].kind); }) : null),
        text !== null ? sourceLine(text, n, mk) : el('code', 'src', mk[0][1].snippet || ''));
      line.dataset.line = String(n);
      table.appendChild(line);
      (notes.get(n) || []).forEach(function (p) {
        table.appendChild(el('div', 'annot k-' + p[1].kind, el('span', 'gutter'), el('span', 'marks'),
          el('span', 'annot-text', stepBadge(p[0], p[1].kind), el('strong', null, p[1].kind), p[1].text ? ' \u2014 ' + p[1].text : '')));
      });
    }
    if (file.missing) box.appendChild(el('div', 'missing', 'Source not available: ' + file.missing + (any ? '' : '. Showing the reported snippet.')));
    box.appendChild(table);
    return box;
  }

  // A step's exact columns are underlined when they lie on one line (1-based, end exclusive, as in SARIF).
  function sourceLine(text, n, mk) {
    var code = el('code', 'src');
    var span = null;
    (mk || []).forEach(function (p) {
      var s = p[1];
      if (!span && s.col && s.endCol > s.col && (s.endLine || s.line) === s.line && s.line === n && s.col - 1 < text.length) {
        span = [s.col - 1, Math.min(text.length, s.endCol - 1), s.kind];
      }
    });
    if (!span) { code.textContent = text; return code; }
    add(code, [text.substring(0, span[0]), el('mark', 'col k-' + span[2], text.substring(span[0], span[1])), text.substring(span[1])]);
    return code;
  }

  function renderDiff(diff) {
    var pre = el('pre', 'diff');
    String(diff).replace(/\n$/, '').split('\n').forEach(function (l) {
      var cls = l.indexOf('+++') === 0 || l.indexOf('---') === 0 ? 'd-file' : l.charAt(0) === '+' ? 'd-add' :
        l.charAt(0) === '-' ? 'd-del' : l.indexOf('@@') === 0 ? 'd-hunk' : 'd-ctx';
      pre.appendChild(el('span', 'dl ' + cls, l + '\n'));
    });
    return pre;
  }

  // Minimal markdown for rule help: fenced code, headings, lists, paragraphs, `code` and **bold**.
  // Built from DOM nodes, so help text from a foreign SARIF file cannot inject markup either.
  function markdown(text) {
    var root = el('div', 'md');
    var lines = String(text).replace(/\r\n?/g, '\n').split('\n');
    var para = [], list = null, lastPara = '';
    function flushPara() { if (para.length) { lastPara = para.join(' '); root.appendChild(inline(el('p'), lastPara)); para = []; } }
    function flushList() { list = null; }
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i], m;
      if ((m = /^\s*(```|~~~)\s*([\w+-]*)/.exec(line))) {
        flushPara(); flushList();
        var fence = m[1], code = [];
        for (i++; i < lines.length && lines[i].trim().indexOf(fence) !== 0; i++) code.push(lines[i]);
        // Rule help shows a vulnerable and a fixed example, each after a "Vulnerable:" / "Fixed:" line.
        var tone = /^(vulnerable|bad|unsafe|insecure|noncompliant)\b/i.test(lastPara) ? ' md-bad'
          : /^(fixed|good|safe|secure|compliant)\b/i.test(lastPara) ? ' md-good' : '';
        var pre = el('pre', 'md-code' + tone, el('code', null, code.join('\n')));
        if (m[2]) pre.dataset.lang = m[2];
        root.appendChild(pre);
        lastPara = '';
      } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
        flushPara(); flushList();
        root.appendChild(inline(el('h5', 'md-h'), m[2]));
        lastPara = m[2];
      } else if ((m = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line))) {
        flushPara();
        var ordered = /\d/.test(m[1]);
        if (!list || (list.tagName === 'OL') !== ordered) { list = el(ordered ? 'ol' : 'ul'); root.appendChild(list); }
        lastPara = '';
        list.appendChild(inline(el('li'), m[2]));
      } else if (line.trim() === '') {
        flushPara(); flushList();
      } else if (list && /^\s+\S/.test(line)) {
        add(list.lastChild, ' '); inline(list.lastChild, line.trim());
      } else {
        flushList(); para.push(line.trim());
      }
    }
    flushPara();
    return root;
  }
  // Links stay text, the address in brackets after it: the page makes no URL from data.
  function inline(parent, text) {
    var re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g, last = 0, m;
    while ((m = re.exec(text))) {
      add(parent, text.substring(last, m.index));
      if (m[1] !== undefined) add(parent, el('code', null, m[1]));
      else if (m[2] !== undefined) add(parent, el('strong', null, m[2]));
      else add(parent, [m[3], el('span', 'muted', ' (' + m[4] + ')')]);
      last = re.lastIndex;
    }
    add(parent, text.substring(last));
    return parent;
  }

  // ---------- header ----------
  function renderHeader() {
    var top = clear(document.getElementById('top-meta'));
    var roots = D.scan.roots.length ? D.scan.roots.join(', ') : '.';
    add(top, [el('span', null, roots), el('span', 'muted', 'generated ' + formatTime(D.generatedAt)),
      el('span', 'muted', D.tool.name + ' ' + D.tool.version)]);
    document.title = 'Vigil report \u2014 ' + roots + ' (' + plural(findings.filter(function (x) { return !x.f.suppressed; }).length, 'finding') + ')';
  }

  renderHeader();
  renderOverview();
  renderToolbar();
  apply();
  openFromUrl();
  window.addEventListener('hashchange', openFromUrl);
  document.documentElement.dataset.ready = 'true';
  // User Timing marks, so the cost of rendering can be read in a browser's profiler (and by the tests).
  performance.measure('vigil-render', 'vigil-start');
})();
