// The playground's chat page: plain browser JavaScript, no build step, served by src/demo/server.ts.
// Bot text is never assigned as HTML: it is parsed in an inert document and rebuilt node by
// node from the tags Telegram allows, so a stray <script> or onerror in an article stays text.

/** Telegram's HTML tags, and what each becomes on the page. */
const ALLOWED = new Map([
  ['b', 'b'], ['strong', 'b'], ['i', 'i'], ['em', 'i'], ['u', 'u'], ['ins', 'u'], ['s', 's'], ['strike', 's'],
  ['del', 's'], ['a', 'a'], ['code', 'code'], ['pre', 'pre'], ['blockquote', 'blockquote'], ['tg-spoiler', 'span'],
]);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'tg:', 'mailto:']);
const COMMANDS = ['/start', '/mytopics', '/latest', '/settings', '/help'];
const ADMIN_COMMANDS = ['/stats', '/feeds', '/broadcast'];

const state = { people: [], current: 'reader', chats: new Map(), unread: new Map() };
const $ = (id) => document.getElementById(id);

function safeHref(raw) {
  try {
    const url = new URL(raw ?? '');
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function copyChildren(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) to.append(document.createTextNode(node.data));
    else if (node.nodeType === Node.ELEMENT_NODE) to.append(copyElement(node));
  }
}

function copyElement(el) {
  const tag = el.localName;
  const spoiler = tag === 'tg-spoiler' || (tag === 'span' && el.classList.contains('tg-spoiler'));
  const kind = spoiler ? 'span' : ALLOWED.get(tag);
  if (!kind) {
    // An unknown tag keeps its text, never itself.
    const fragment = document.createDocumentFragment();
    copyChildren(el, fragment);
    return fragment;
  }
  const copy = document.createElement(kind);
  if (spoiler) {
    copy.className = 'spoiler';
    copy.addEventListener('click', () => copy.classList.add('revealed'));
  }
  if (kind === 'a') {
    const href = safeHref(el.getAttribute('href'));
    if (href) {
      copy.href = href;
      copy.target = '_blank';
      copy.rel = 'noopener noreferrer';
    }
  }
  copyChildren(el, copy);
  return copy;
}

/** Telegram HTML → a fragment of allowed elements and text nodes. */
function renderTelegramHtml(html) {
  const inert = new DOMParser().parseFromString(html, 'text/html');
  const fragment = document.createDocumentFragment();
  copyChildren(inert.body, fragment);
  return fragment;
}

// The first strong letter decides, as Telegram's clients do (a command with an Arabic argument stays left to right).
const STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const directionOf = (text) => {
  const first = STRONG.exec(text)?.[0];
  return first && first.charCodeAt(0) < 0x0590 ? 'ltr' : 'rtl';
};

const clock = (seconds) => new Date(seconds * 1000).toLocaleTimeString('ar', { hour: '2-digit', minute: '2-digit', numberingSystem: 'latn' });

function messageNode(view) {
  const wrap = document.createElement('div');
  wrap.className = `row ${view.from}`;
  const bubble = document.createElement('div');
  bubble.className = `msg ${view.from}`;
  bubble.dataset.messageId = String(view.messageId);
  const body = document.createElement('div');
  body.className = 'body';
  body.dir = directionOf(view.text);
  if (view.html !== undefined) body.append(renderTelegramHtml(view.html));
  else body.textContent = view.text;
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${view.edited ? 'معدّلة · ' : ''}${clock(view.date)}${view.from === 'user' ? ' ✓✓' : ''}`;
  bubble.append(body, meta);
  wrap.append(bubble);
  if (view.buttons.length > 0) {
    const keyboard = document.createElement('div');
    keyboard.className = 'kb';
    for (const row of view.buttons) {
      const line = document.createElement('div');
      line.className = 'kb-row';
      for (const button of row) {
        const b = document.createElement('button');
        b.type = 'button';
        b.dir = directionOf(button.text);
        b.textContent = button.url ? `${button.text} ↗` : button.text;
        b.addEventListener('click', () => (button.url ? window.open(safeHref(button.url), '_blank', 'noopener') : tap(view.messageId, button.data)));
        line.append(b);
      }
      keyboard.append(line);
    }
    wrap.append(keyboard);
  }
  return wrap;
}

const chatIdOf = (key) => state.people.find((p) => p.key === key)?.chatId;

function render() {
  const list = $('messages');
  const chat = state.chats.get(chatIdOf(state.current)) ?? new Map();
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  list.replaceChildren(...[...chat.values()].toSorted((a, b) => a.messageId - b.messageId).map(messageNode));
  if (atBottom || list.dataset.switched) list.scrollTop = list.scrollHeight;
  delete list.dataset.switched;
  renderPeople();
}

function renderPeople() {
  const nav = $('people');
  nav.replaceChildren(...state.people.map((p) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.testid = `person-${p.key}`;
    b.className = p.key === state.current ? 'person current' : 'person';
    b.textContent = p.label;
    const unread = state.unread.get(p.chatId) ?? 0;
    if (unread > 0 && p.key !== state.current) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = String(unread);
      b.append(badge);
    }
    b.addEventListener('click', () => switchTo(p.key));
    return b;
  }));
  const person = state.people.find((p) => p.key === state.current);
  $('chips').replaceChildren(...[...COMMANDS, ...(person?.admin ? ADMIN_COMMANDS : [])].map((command) => {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'chip';
    chip.textContent = command;
    chip.addEventListener('click', () => say(command));
    return chip;
  }));
}

function switchTo(key) {
  state.current = key;
  state.unread.delete(chatIdOf(key));
  $('messages').dataset.switched = '1';
  render();
}

let toastTimer;
function toast(text) {
  const el = $('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 2500);
}

async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await res.json();
  if (!res.ok && path !== '/api/ingest') toast(answer.error ?? `خطأ ${res.status}`);
  return answer;
}

const say = (text) => post('/api/send', { user: state.current, text });
const tap = (messageId, data) => post('/api/tap', { user: state.current, messageId, data });

function onEvent(event) {
  const chatId = event.type === 'message' ? event.message.chatId : event.chatId;
  if (event.type === 'toast') {
    if (chatId === chatIdOf(state.current)) toast(event.text);
    return;
  }
  let chat = state.chats.get(chatId);
  if (!chat) state.chats.set(chatId, (chat = new Map()));
  if (event.type === 'delete') chat.delete(event.messageId);
  else {
    const isNew = !chat.has(event.message.messageId);
    chat.set(event.message.messageId, event.message);
    if (isNew && event.message.from === 'bot' && chatId !== chatIdOf(state.current)) state.unread.set(chatId, (state.unread.get(chatId) ?? 0) + 1);
  }
  scheduleRender();
}

// A replay brings many events at once: draw once per frame.
let pending = false;
function scheduleRender() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    render();
  });
}

async function ingest() {
  const kind = document.querySelector('input[name="kind"]:checked').value;
  const out = $('outcome');
  out.textContent = '…';
  const answer = await post('/api/ingest', { kind, content: $('article').value, url: $('url').value, outlet: $('outlet').value });
  const lines = (answer.answers ?? []).map((a) => {
    const b = a.body ?? {};
    if (a.status >= 400) return `${a.status} ${b.error ?? ''}`;
    const topics = (b.topics ?? []).map((t) => (typeof t.name === 'object' ? (t.name?.ar ?? t.name?.en) : t.name) ?? t.id).join('، ') || '—';
    return `${b.status} · topics: ${topics} · recipients: ${b.recipients}`;
  });
  out.textContent = [answer.ok ? '' : `✗ ${answer.error}`, ...lines].filter(Boolean).join('\n');
  out.className = answer.ok ? 'outcome ok' : 'outcome bad';
}

const choose = (kind) => (document.querySelector(`input[name="kind"][value="${kind}"]`).checked = true);

async function main() {
  state.people = await (await fetch('/api/people')).json();
  const samples = await (await fetch('/api/samples')).json();
  renderPeople();
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (text === '') return;
    $('text').value = '';
    say(text);
  });
  $('sample').addEventListener('click', () => {
    choose('text');
    $('article').value = samples.article;
    $('url').value = samples.url;
    $('outlet').value = samples.outlet;
  });
  $('sample-feed').addEventListener('click', () => {
    choose('feed');
    $('article').value = samples.feedUrl;
    $('url').value = '';
    $('outlet').value = '';
  });
  $('ingest').addEventListener('click', () => ingest());
  const events = new EventSource('/events');
  events.addEventListener('message', (e) => onEvent(JSON.parse(e.data)));
  document.body.dataset.ready = '1';
}

main();
