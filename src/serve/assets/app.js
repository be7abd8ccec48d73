// The briefs search page: routes on the client, keeps its state in the URL, calls the JSON
// API, and builds every node with DOM calls (textContent, never HTML strings) so no text from
// the index is ever read as markup.
'use strict';

(function () {
  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 150;
  const FACET_SHOWN = 8;
  /** URL parameters that repeat (OR within one, AND across them). */
  const LIST_KEYS = ['author', 'topic', 'region', 'kind', 'entity'];
  /** Facet groups: response key, URL parameter, heading. */
  const GROUPS = [
    ['topics', 'topic', 'Topics'],
    ['regions', 'region', 'Regions'],
    ['authors', 'author', 'Authors'],
    ['kinds', 'kind', 'Kinds'],
    ['years', null, 'Years'],
    ['people', 'entity', 'People'],
    ['organizations', 'entity', 'Organizations'],
    ['places', 'entity', 'Places'],
  ];
  const LABELS = { author: 'Author', topic: 'Topic', region: 'Region', kind: 'Kind', entity: 'Entity' };
  const KIND_NAMES = { person: 'Person', organization: 'Organization', place: 'Place' };
  const KIND_PLURALS = { person: 'People', organization: 'Organizations', place: 'Places' };

  const $ = (id) => document.getElementById(id);
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  /** Builds an element: h('a', {href: '/x', class: 'y'}, 'text', child, ...). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }

  /** `text` with the byte ranges `ranges` (UTF-8 offsets, as the API gives them) in <mark>. */
  function highlighted(text, ranges) {
    const frag = document.createDocumentFragment();
    if (!ranges || ranges.length === 0) {
      frag.append(text);
      return frag;
    }
    const bytes = enc.encode(text);
    let pos = 0;
    for (const [start, end] of ranges) {
      if (start < pos || end > bytes.length || start >= end) continue;
      if (start > pos) frag.append(dec.decode(bytes.subarray(pos, start)));
      frag.append(h('mark', null, dec.decode(bytes.subarray(start, end))));
      pos = end;
    }
    if (pos < bytes.length) frag.append(dec.decode(bytes.subarray(pos)));
    return frag;
  }

  // ---- state in the URL ---------------------------------------------------------------

  /** The page state read from the address bar. */
  function readState() {
    const url = new URL(location.href);
    const p = url.searchParams;
    const path = url.pathname;
    const st = { view: 'search', arg: null };
    if (path.startsWith('/brief/')) {
      st.view = 'brief';
      st.arg = decodeURIComponent(path.slice('/brief/'.length));
    } else if (path.startsWith('/entity/')) {
      st.view = 'entity';
      st.arg = decodeURIComponent(path.slice('/entity/'.length));
    } else if (path === '/timeline') {
      st.view = 'timeline';
    }
    st.q = p.get('q') || '';
    st.since = p.get('since') || '';
    st.until = p.get('until') || '';
    st.sort = p.get('sort') === 'date' ? 'date' : '';
    st.type = p.get('type') || '';
    st.page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
    for (const k of LIST_KEYS) st[k] = p.getAll(k);
    return st;
  }

  /** Query parameters for the filters and query of `st` (what the API and the URL share). */
  function filterParams(st) {
    const p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    for (const k of LIST_KEYS) for (const v of st[k] || []) p.append(k, v);
    if (st.since) p.set('since', st.since);
    if (st.until) p.set('until', st.until);
    return p;
  }

  /** The address of a state. */
  function urlFor(st) {
    const p = filterParams(st);
    if (st.sort) p.set('sort', st.sort);
    if (st.type) p.set('type', st.type);
    if (st.page > 1) p.set('page', String(st.page));
    let path = '/';
    if (st.view === 'brief') path = '/brief/' + encodeURIComponent(st.arg);
    else if (st.view === 'entity') path = '/entity/' + encodeURIComponent(st.arg);
    else if (st.view === 'timeline') path = '/timeline';
    const qs = p.toString();
    return path + (qs ? '?' + qs : '');
  }

  let typing = false;
  /** History entries this page has pushed since it loaded: "Back" can use history.back(). */
  let pushed = 0;

  /** Moves to a new state: a history entry (or a replaced one while typing), then renders. */
  function go(st, opts) {
    const url = urlFor(st);
    const replace = opts && opts.replace;
    if (url !== location.pathname + location.search) {
      if (replace) history.replaceState(null, '', url);
      else {
        history.pushState(null, '', url);
        pushed += 1;
      }
    }
    render(opts || {});
  }

  /** A copy of the current state with changes, back on page 1. */
  function withChanges(changes) {
    return Object.assign(readState(), { page: 1 }, changes);
  }

  // ---- fetching -----------------------------------------------------------------------

  let generation = 0;
  let inflight = null;

  class ApiFailure extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** GETs an API path, throwing ApiFailure with the server's message on an error status. */
  async function api(path, signal) {
    let resp;
    try {
      resp = await fetch(path, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiFailure(0, 'The server cannot be reached. Is `briefs serve` still running?');
    }
    let body = null;
    try {
      body = await resp.json();
    } catch (e) {
      body = null;
    }
    if (!resp.ok) {
      const msg = body && body.error ? body.error.message : 'HTTP ' + resp.status;
      throw new ApiFailure(resp.status, msg);
    }
    return body;
  }

  // ---- rendering ----------------------------------------------------------------------

  function setStatus(text) {
    $('status').textContent = text;
  }

  function showError(err) {
    $('notice').replaceChildren(
      h('div', { class: 'error', role: 'alert' },
        h('strong', null, err.status ? 'Error ' + err.status + ': ' : 'Error: '), err.message)
    );
  }

  function clearPage() {
    $('notice').replaceChildren();
    $('pager').replaceChildren();
  }

  function metaLine(date, authors, kind) {
    const parts = [];
    if (date) parts.push(h('time', { datetime: date }, date));
    if (authors && authors.length) parts.push(h('span', { class: 'authors' }, authors.join(', ')));
    if (kind) parts.push(h('span', { class: 'kind' }, kind));
    const line = h('p', { class: 'meta' });
    parts.forEach((p, i) => {
      if (i) line.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
      line.append(p);
    });
    return line;
  }

  function briefHref(id, st, passage) {
    const p = new URLSearchParams();
    if (st && st.q) p.set('q', st.q);
    const qs = p.toString();
    return '/brief/' + encodeURIComponent(id) + (qs ? '?' + qs : '') +
      (passage !== null && passage !== undefined ? '#p-' + passage : '');
  }

  function entityHref(name, kind) {
    return '/entity/' + encodeURIComponent(name) + (kind ? '?type=' + encodeURIComponent(kind) : '');
  }

  /**
   * A hit's crop (the window around its matched words); where the passage was cut, a click on
   * the text or on the button after it shows the whole passage in place.
   */
  function passageText(hit) {
    const crop = typeof hit.crop === 'string' && hit.crop ? hit.crop : hit.text;
    const cut = crop !== hit.text;
    const p = h('p', { class: cut ? 'text cropped' : 'text' },
      cut ? highlighted(crop, hit.crop_highlights) : highlighted(hit.text, hit.highlights));
    if (!cut) return p;
    const more = h('button', { type: 'button', class: 'expand', 'aria-expanded': 'false' },
      'Show the whole passage');
    const expand = () => {
      p.replaceChildren(highlighted(hit.text, hit.highlights));
      p.className = 'text expanded';
      more.remove();
    };
    p.addEventListener('click', () => { if (!window.getSelection().toString()) expand(); });
    more.addEventListener('click', expand);
    return [p, more];
  }

  /** Hits grouped under their brief, in order of each brief's first hit. */
  function renderHits(hits, st) {
    const groups = new Map();
    for (const hit of hits) {
      if (!groups.has(hit.brief_id)) groups.set(hit.brief_id, { first: hit, hits: [] });
      groups.get(hit.brief_id).hits.push(hit);
    }
    const list = h('ol', { class: 'results' });
    for (const [id, g] of groups) {
      const b = g.first;
      const passages = g.hits.map((hit) =>
        h('li', { class: 'passage' },
          hit.heading ? h('p', { class: 'heading' }, highlighted(hit.heading, hit.heading_highlights)) : null,
          hit.passage === null ? h('p', { class: 'heading' }, 'Summary') : null,
          passageText(hit),
          h('a', { class: 'context', href: briefHref(id, st, hit.passage) },
            'Read in context', h('span', { class: 'visually-hidden' }, ': ' + b.title)))
      );
      list.append(h('li', { class: 'brief' },
        h('article', null,
          h('h2', null, h('a', { href: briefHref(id, st, null) },
            b.title ? highlighted(b.title, b.title_highlights) : '(untitled)')),
          metaLine(b.date, b.authors, b.kind),
          h('ul', { class: 'passages' }, passages))));
    }
    return list;
  }

  function facetEntries(facets, key) {
    const m = facets && facets[key];
    return m ? Object.entries(m) : [];
  }

  /** Years covered by since..until when both are whole years, else none. */
  function selectedYears(st) {
    const y = /^\d{4}$/;
    if (!y.test(st.since) || !y.test(st.until)) return new Set();
    const out = new Set();
    for (let i = +st.since; i <= +st.until && out.size < 500; i++) out.add(String(i));
    return out;
  }

  const expanded = new Set();
  let focusAfter = null;

  function renderFacets(facets, st) {
    const box = $('facets');
    const groups = [];
    for (const [key, param, title] of GROUPS) {
      let entries = facetEntries(facets, key);
      const selected = param ? new Set(st[param]) : selectedYears(st);
      if (key === 'years') entries.sort((a, b) => b[0].localeCompare(a[0]));
      const names = new Set(entries.map((e) => e[0]));
      // A ticked value with no matches keeps its box (count 0) so it can be unticked; entity
      // groups share one parameter, so their ticked names show as chips instead.
      if (param && param !== 'entity') {
        for (const s of selected) if (!names.has(s)) entries.push([s, 0]);
      }
      if (entries.length === 0) continue;
      const open = expanded.has(key);
      const shown = open ? entries : entries.slice(0, FACET_SHOWN);
      // Keep ticked values visible even when they fall past the cut.
      for (const e of entries.slice(FACET_SHOWN)) {
        if (!open && selected.has(e[0])) shown.push(e);
      }
      const items = shown.map(([name, count], i) => {
        const id = 'f-' + key + '-' + i;
        const focusKey = key + ':' + name;
        const input = h('input', {
          type: 'checkbox', id, checked: selected.has(name),
          dataset: { key: focusKey, value: name },
          onchange: () => toggleFacet(key, param, name, focusKey),
        });
        return h('li', null,
          h('label', { for: id }, input, h('span', { class: 'name' }, name),
            h('span', { class: 'count' }, String(count))));
      });
      const more = entries.length > FACET_SHOWN
        ? h('button', {
          type: 'button', class: 'more', 'aria-expanded': open ? 'true' : 'false',
          dataset: { key: 'more-' + key },
          onclick: () => {
            if (open) expanded.delete(key); else expanded.add(key);
            focusAfter = 'more-' + key;
            renderFacets(facets, readState());
          },
        }, open ? 'Show fewer' : 'Show all ' + entries.length)
        : null;
      groups.push(h('fieldset', { class: 'facet', dataset: { group: key } },
        h('legend', null, title, key === 'years' ? h('span', { class: 'hint' }, ' (a range)') : null),
        h('ul', null, items), more));
    }
    box.replaceChildren(...groups);
    restoreFocus();
  }

  function restoreFocus() {
    if (!focusAfter) return;
    const el = document.querySelector('[data-key="' + CSS.escape(focusAfter) + '"]');
    if (el) el.focus();
    focusAfter = null;
  }

  function toggleFacet(key, param, name, focusKey) {
    focusAfter = focusKey;
    const st = readState();
    if (key === 'years') {
      const years = selectedYears(st);
      if (years.has(name)) years.delete(name); else years.add(name);
      const sorted = [...years].sort();
      return go(withChanges({
        since: sorted.length ? sorted[0] : '',
        until: sorted.length ? sorted[sorted.length - 1] : '',
      }));
    }
    const values = new Set(st[param]);
    if (values.has(name)) values.delete(name); else values.add(name);
    go(withChanges({ [param]: [...values] }));
  }

  function renderChips(st) {
    const chips = [];
    const remove = (label, changes) => h('button', {
      type: 'button', class: 'chip', 'aria-label': 'Remove filter ' + label,
      onclick: () => go(withChanges(changes)),
    }, label, h('span', { 'aria-hidden': 'true' }, ' ✕'));
    for (const k of LIST_KEYS) {
      for (const v of st[k]) {
        chips.push(remove(LABELS[k] + ': ' + v, { [k]: st[k].filter((x) => x !== v) }));
      }
    }
    if (st.since) chips.push(remove('From: ' + st.since, { since: '' }));
    if (st.until) chips.push(remove('To: ' + st.until, { until: '' }));
    if (chips.length > 1) {
      const cleared = { since: '', until: '' };
      for (const k of LIST_KEYS) cleared[k] = [];
      chips.push(h('button', { type: 'button', class: 'chip clear', onclick: () => go(withChanges(cleared)) }, 'Clear all'));
    }
    $('chips').replaceChildren(...chips);
  }

  function renderNotice(resp, st) {
    const notes = [];
    if (resp.corrections && resp.corrections.length) {
      const from = resp.corrections.map((c) => c.from).join(' ');
      const to = resp.corrections.map((c) => c.to).join(' ');
      notes.push(h('p', { class: 'correction' },
        'No results for ', h('q', null, from), '; showing ', h('strong', null, h('q', null, to)), '.'));
    }
    for (const n of resp.notes || []) notes.push(h('p', { class: 'note' }, n));
    if (resp.matching === 'some') {
      notes.push(h('p', { class: 'note' }, 'Few passages hold every word; passages with some of them follow.'));
    }
    $('notice').replaceChildren(...notes);
  }

  function renderPager(st, resp) {
    const offset = (st.page - 1) * PAGE_SIZE;
    const hasNext = resp.hits.length === PAGE_SIZE && offset + PAGE_SIZE < resp.total_passages;
    const items = [];
    if (st.page > 1) {
      items.push(h('a', { href: urlFor(Object.assign({}, st, { page: st.page - 1 })), rel: 'prev' }, '← Previous'));
    }
    if (st.page > 1 || hasNext) items.push(h('span', { class: 'page' }, 'Page ' + st.page));
    if (hasNext) {
      items.push(h('a', { href: urlFor(Object.assign({}, st, { page: st.page + 1 })), rel: 'next' }, 'Next →'));
    }
    $('pager').replaceChildren(...items);
  }

  function sortControl(st) {
    const select = h('select', {
      id: 'sort', onchange: (e) => go(withChanges({ sort: e.target.value })),
    },
    h('option', { value: '', selected: !st.sort }, 'Best match'),
    h('option', { value: 'date', selected: st.sort === 'date' }, 'Newest first'));
    return h('div', { class: 'sort' }, h('label', { for: 'sort' }, 'Sort '), select);
  }

  function plural(n, one, many, more) {
    return n.toLocaleString() + (more || '') + ' ' + (n === 1 && !more ? one : many);
  }

  async function renderSearch(st, signal, token) {
    const p = filterParams(st);
    p.set('limit', String(PAGE_SIZE));
    p.set('offset', String((st.page - 1) * PAGE_SIZE));
    p.set('facets', 'true');
    // Search as you type: the last word also finds the words it begins ("sanct" finds
    // "sanctions"), ranked below exact matches; a space after it ends the word.
    if (st.q) p.set('prefix', 'true');
    if (st.sort) p.set('sort', st.sort);
    const resp = await api('/api/search?' + p, signal);
    if (token !== generation) return;
    renderNotice(resp, st);
    renderFacets(resp.facets, st);
    // Totals past the request's track_total_hits are lower bounds ("10,000+ passages").
    const more = resp.total_relation === 'gte' ? '+' : '';
    const what = resp.matching === 'browse'
      ? plural(resp.total_briefs, 'brief', 'briefs', more)
      : plural(resp.total_briefs, 'brief', 'briefs', more) + ', ' + plural(resp.total_passages, 'passage', 'passages', more);
    setStatus(resp.total_passages === 0
      ? 'Nothing found' + (st.q ? ' for “' + st.q + '”' : '') + '.'
      : what + ' · ' + resp.took_ms.toFixed(1) + ' ms');
    // An empty query lists briefs newest first, so there is no order to choose.
    const content = [h('div', { class: 'toolbar' }, st.q ? sortControl(st) : h('span'),
      h('a', { class: 'to-timeline', href: urlFor(Object.assign({}, st, { view: 'timeline', page: 1 })) }, 'Timeline of these briefs'))];
    if (resp.hits.length) content.push(renderHits(resp.hits, st));
    else content.push(h('p', { class: 'empty' }, 'Try fewer words, another spelling, or fewer filters.'));
    $('content').replaceChildren(...content);
    renderPager(st, resp);
    document.title = (st.q ? st.q + ' — ' : '') + 'briefs';
  }

  function renderEvents(events, st) {
    const byYear = new Map();
    for (const ev of events) {
      const y = ev.date.slice(0, 4);
      if (!byYear.has(y)) byYear.set(y, []);
      byYear.get(y).push(ev);
    }
    const out = [];
    for (const [year, evs] of byYear) {
      out.push(h('section', { class: 'year' },
        h('h3', null, year),
        h('ol', { class: 'events' }, evs.map((ev) =>
          h('li', null,
            h('time', { datetime: ev.date }, ev.date),
            h('span', { class: 'what' }, ev.text),
            ev.title ? h('a', { class: 'from', href: briefHref(ev.brief_id, st, ev.passage) }, ev.title) : null)))));
    }
    return out;
  }

  async function renderTimeline(st, signal, token) {
    const p = filterParams(st);
    p.set('limit', '300');
    const fp = filterParams(st);
    fp.set('limit', '0');
    fp.set('facets', 'true');
    const [resp, facets] = await Promise.all([
      api('/api/timeline?' + p, signal),
      api('/api/search?' + fp, signal),
    ]);
    if (token !== generation) return;
    renderNotice(facets, st);
    renderFacets(facets.facets, st);
    const shown = resp.events.length < resp.total_events
      ? ' (the first ' + resp.events.length + ')' : '';
    setStatus(plural(resp.total_events, 'dated event', 'dated events') + shown + ' · ' + resp.took_ms.toFixed(1) + ' ms');
    const body = resp.events.length
      ? renderEvents(resp.events, st)
      : [h('p', { class: 'empty' }, 'No dated events in these briefs.')];
    $('content').replaceChildren(
      h('h1', { tabindex: '-1' }, 'Timeline', st.q ? ': ' + st.q : ''),
      h('div', { class: 'timeline' }, body));
    document.title = 'Timeline' + (st.q ? ': ' + st.q : '') + ' — briefs';
  }

  async function renderBrief(st, signal, token) {
    const path = '/api/briefs/' + encodeURIComponent(st.arg);
    // Related briefs are a second request: the brief shows without them if it fails.
    const [b, rel] = await Promise.all([
      api(path, signal),
      api(path + '/related', signal).catch(() => null),
    ]);
    if (token !== generation) return;
    setStatus('');
    const target = location.hash.startsWith('#p-') ? location.hash.slice(3) : null;
    const body = [];
    let heading = null;
    for (const p of b.passages) {
      if (p.heading && p.heading !== heading) {
        heading = p.heading;
        body.push(h('h2', null, p.heading));
      }
      body.push(h('p', { id: 'p-' + p.index, class: String(p.index) === target ? 'passage target' : 'passage' }, p.text));
    }
    const tags = [];
    for (const [list, param, label] of [[b.topics, 'topic', 'Topics'], [b.regions, 'region', 'Regions']]) {
      if (!list || !list.length) continue;
      tags.push(h('p', { class: 'tags' }, label + ': ',
        list.map((t, i) => [i ? ', ' : '', h('a', { href: '/?' + new URLSearchParams([[param, t]]) }, t)])));
    }
    const side = [];
    if (b.entities && b.entities.length) {
      const byKind = new Map();
      for (const e of b.entities) {
        if (!byKind.has(e.kind)) byKind.set(e.kind, []);
        byKind.get(e.kind).push(e);
      }
      side.push(h('section', { class: 'entities' }, h('h2', null, 'Mentioned'),
        [...byKind].map(([kind, list]) => h('div', null,
          h('h3', null, KIND_PLURALS[kind] || kind),
          h('ul', null, list.map((e) => h('li', null,
            h('a', { href: entityHref(e.name, e.kind) }, e.name),
            h('span', { class: 'count', title: 'mentions' }, String(e.mentions)))))))));
    }
    if (b.events && b.events.length) {
      const evs = b.events.slice().sort((x, y) => x.date.localeCompare(y.date))
        .map((ev) => ({ date: ev.date, text: ev.text, brief_id: b.id, title: null, passage: ev.passage }));
      side.push(h('section', { class: 'brief-timeline' }, h('h2', null, 'Timeline'),
        h('ol', { class: 'events' }, evs.map((ev) => h('li', null,
          h('time', { datetime: ev.date }, ev.date),
          ev.passage !== null && ev.passage !== undefined
            ? h('a', { class: 'what', href: '#p-' + ev.passage }, ev.text)
            : h('span', { class: 'what' }, ev.text))))));
    }
    const briefList = (cls, title, list, extra) => h('section', { class: cls }, h('h2', null, title),
      h('ul', { class: 'brief-list' }, list.map((r) => h('li', null,
        h('a', { href: briefHref(r.id, st) }, r.title || '(untitled)'),
        r.date ? h('time', { datetime: r.date }, r.date) : null,
        extra ? extra(r) : null))));
    if (rel && rel.related && rel.related.length) {
      side.push(briefList('related', 'Related briefs', rel.related, (r) => {
        const shared = (r.why.entities || []).concat((r.why.terms || []).slice(0, 3));
        return shared.length ? h('span', { class: 'why' }, shared.join(', ')) : null;
      }));
    }
    if (b.cites && b.cites.length) side.push(briefList('cites', 'Cites', b.cites));
    if (b.cited_by && b.cited_by.length) side.push(briefList('cited-by', 'Cited by', b.cited_by));
    const back = pushed > 0
      ? h('a', { class: 'back', href: '/', onclick: (e) => { e.preventDefault(); history.back(); } }, '← Back')
      : h('a', { class: 'back', href: '/' + (st.q ? '?' + new URLSearchParams([['q', st.q]]) : '') }, '← Search');
    $('content').replaceChildren(
      h('div', { class: 'brief-page' },
        h('article', { class: 'brief-body' },
          back,
          h('h1', { tabindex: '-1' }, b.title || '(untitled)'),
          metaLine(b.date, (b.authors || []).map((a) => a.name), b.kind),
          b.summary ? h('p', { class: 'standfirst' }, b.summary) : null,
          tags.length ? h('div', { class: 'tag-list' }, tags) : null,
          body),
        side.length ? h('aside', { class: 'brief-side', 'aria-label': 'Entities, timeline and related briefs' }, side) : null));
    document.title = b.title + ' — briefs';
    if (target) {
      const el = document.getElementById('p-' + target);
      if (el) el.scrollIntoView({ block: 'center' });
    }
  }

  async function renderEntity(st, signal, token) {
    const name = st.arg;
    const sp = new URLSearchParams([['entity', name], ['limit', String(PAGE_SIZE)],
      ['offset', String((st.page - 1) * PAGE_SIZE)]]);
    if (st.q) sp.set('q', st.q);
    const tp = new URLSearchParams([['entity', name], ['limit', '100']]);
    const ep = new URLSearchParams([['entity', name], ['top', '16']]);
    const [resp, timeline, related] = await Promise.all([
      api('/api/search?' + sp, signal),
      api('/api/timeline?' + tp, signal).catch((e) => (e.name === 'AbortError' ? Promise.reject(e) : null)),
      api('/api/entities?' + ep, signal).catch((e) => (e.name === 'AbortError' ? Promise.reject(e) : null)),
    ]);
    if (token !== generation) return;
    setStatus(plural(resp.total_briefs, 'brief mentions', 'briefs mention') + ' ' + name + '.');
    const side = [];
    if (related && related.entities.length > 1) {
      side.push(h('section', { class: 'entities' }, h('h2', null, 'Mentioned alongside'),
        h('ul', null, related.entities.filter((e) => e.name !== name).map((e) => h('li', null,
          h('a', { href: entityHref(e.name, e.kind) }, e.name),
          h('span', { class: 'count', title: 'briefs' }, String(e.briefs)))))));
    }
    if (timeline && timeline.events.length) {
      side.push(h('section', { class: 'brief-timeline' }, h('h2', null, 'Timeline'),
        renderEvents(timeline.events, st)));
    }
    $('content').replaceChildren(
      h('div', { class: 'brief-page' },
        h('div', { class: 'brief-body' },
          h('h1', { tabindex: '-1' }, name),
          st.type ? h('p', { class: 'meta' }, KIND_NAMES[st.type] || st.type) : null,
          h('h2', { class: 'section' }, 'Briefs that mention ' + name),
          resp.hits.length ? renderHits(resp.hits, st) : h('p', { class: 'empty' }, 'No brief mentions this name.')),
        side.length ? h('aside', { class: 'brief-side', 'aria-label': 'Related' }, side) : null));
    renderPager(st, resp);
    document.title = name + ' — briefs';
  }

  /** Renders the current URL. `opts.keepFocus` leaves focus alone (typing, facet clicks). */
  async function render(opts) {
    const st = readState();
    const token = ++generation;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const signal = inflight.signal;
    document.body.dataset.view = st.view;
    const input = $('q');
    if (document.activeElement !== input || !typing) input.value = st.q;
    $('since').value = st.since;
    $('until').value = st.until;
    for (const a of document.querySelectorAll('nav.views a')) {
      if (a.dataset.view === st.view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    renderChips(st);
    clearPage();
    $('main').setAttribute('aria-busy', 'true');
    try {
      if (st.view === 'brief') await renderBrief(st, signal, token);
      else if (st.view === 'entity') await renderEntity(st, signal, token);
      else if (st.view === 'timeline') await renderTimeline(st, signal, token);
      else await renderSearch(st, signal, token);
      if (token === generation && !opts.keepFocus && !focusAfter && opts.moveFocus) {
        const h1 = document.querySelector('#content h1');
        (h1 || $('main')).focus({ preventScroll: false });
      }
    } catch (e) {
      if (e.name === 'AbortError' || token !== generation) return;
      setStatus('');
      $('content').replaceChildren();
      showError(e);
    } finally {
      if (token === generation) {
        $('main').removeAttribute('aria-busy');
        restoreFocus();
      }
    }
  }

  // ---- events -------------------------------------------------------------------------

  let debounce = null;

  function searchFromInput(immediate) {
    clearTimeout(debounce);
    const run = () => {
      const st = readState();
      const next = withChanges({ q: $('q').value, view: st.view === 'timeline' ? 'timeline' : 'search', arg: null });
      const replace = typing && (st.view === 'search' || st.view === 'timeline');
      typing = true;
      go(next, { replace, keepFocus: true });
    };
    if (immediate) run(); else debounce = setTimeout(run, DEBOUNCE_MS);
  }

  function init() {
    const input = $('q');
    // On a phone the filters start folded so results are on the first screen.
    if (window.matchMedia('(max-width: 760px)').matches) $('filters').open = false;
    input.addEventListener('input', () => searchFromInput(false));
    input.addEventListener('blur', () => { typing = false; });
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      searchFromInput(true);
      typing = false;
    });
    $('dates').addEventListener('submit', (e) => {
      e.preventDefault();
      typing = false;
      go(withChanges({ since: $('since').value.trim(), until: $('until').value.trim() }), { keepFocus: true });
    });
    document.addEventListener('keydown', (e) => {
      const t = e.target;
      const editing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (e.key === '/' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
    // Same-origin links navigate in place; modified clicks open new tabs as usual.
    document.addEventListener('click', (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target.closest && e.target.closest('a[href]');
      if (!a || a.target || a.origin !== location.origin) return;
      if (!/^\/(brief\/|entity\/|timeline|\?|$)/.test(a.getAttribute('href'))) return;
      if (a.pathname === location.pathname && a.search === location.search && a.hash) return;
      e.preventDefault();
      typing = false;
      history.pushState(null, '', a.getAttribute('href'));
      pushed += 1;
      render({ moveFocus: true });
      window.scrollTo(0, 0);
    });
    window.addEventListener('popstate', () => {
      typing = false;
      render({ moveFocus: false });
    });
    render({ moveFocus: false });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
