'use strict';

// The live topology page. Each host's section draws that host's panel (GET /topology/panel, an SVG laid out by the
// daemon) and follows its event stream (GET /v1/events), drawing the panel again after each event. Requests carry
// the access token, if one was given, as a bearer token; the token lives in this tab's sessionStorage only.
// The list of hosts has one entry, this daemon; a host selector would add entries with their own base address.

const tokenKey = 'spp-ctl.token';
const retryMs = 1000;
const countersRefreshMs = 5000;
const eventsKept = 50;
// A process is announced a moment before the controller lists it (identified, then admitted): such events are
// drawn once more a little later.
const membershipEvents = new Set(['identified', 'replaced', 'disconnected']);
const settleMs = 250;

const tokenWaiters = [];

function headers() {
  const token = sessionStorage.getItem(tokenKey);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

// Shows the token form and resolves once a token was entered; all hosts waiting share one form.
function askForToken(reason) {
  const form = document.getElementById('token-form');
  document.getElementById('token-reason').textContent = reason;
  form.hidden = false;
  document.getElementById('token').focus();
  return new Promise(resolve => tokenWaiters.push(resolve));
}

function tokenEntered(event) {
  event.preventDefault();
  const input = document.getElementById('token');
  sessionStorage.setItem(tokenKey, input.value.trim());
  input.value = '';
  document.getElementById('token-form').hidden = true;
  tokenWaiters.splice(0).forEach(resolve => resolve());
}

// A 401 means the token is missing or wrong: forget it and ask for one.
async function unauthorized(response) {
  sessionStorage.removeItem(tokenKey);
  await askForToken(await response.text());
}

const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

class HostView {
  constructor(host, template) {
    this.host = host;
    this.section = template.content.firstElementChild.cloneNode(true);
    this.section.dataset.host = host.name;
    this.section.querySelector('.host-name').textContent = host.name;
    this.stream = this.section.querySelector('.stream');
    this.updated = this.section.querySelector('.updated');
    this.error = this.section.querySelector('.error');
    this.picture = this.section.querySelector('.picture');
    this.events = this.section.querySelector('.events ol');
    this.drawing = false;
    this.drawAgain = false;
  }

  start() {
    this.setStream('connecting…', 'lost');
    this.follow();
    setInterval(() => this.draw(), countersRefreshMs);
  }

  setStream(text, state) {
    this.stream.textContent = text;
    this.stream.className = `stream ${state}`;
  }

  // Draws the panel; a request made while one is under way draws once more after it, so no change is missed.
  async draw() {
    if (this.drawing) { this.drawAgain = true; return; }
    this.drawing = true;
    try {
      do {
        this.drawAgain = false;
        await this.fetchPanel();
      } while (this.drawAgain);
    } finally {
      this.drawing = false;
    }
  }

  async fetchPanel() {
    let response;
    try {
      response = await fetch(`${this.host.base}/topology/panel`, { headers: headers(), cache: 'no-store' });
    } catch (e) {
      this.showError(`The panel could not be read: ${e.message}`);
      return;
    }
    if (response.status === 401) {
      await unauthorized(response);
      this.drawAgain = true;
      return;
    }
    if (!response.ok) {
      this.showError(`${response.status}: ${await response.text()}`);
      return;
    }
    const panel = await response.json();
    this.picture.innerHTML = panel.svg;
    this.showError(null);
    this.updated.textContent = `drawn at ${new Date().toLocaleTimeString()}`;
  }

  showError(text) {
    this.error.hidden = text === null;
    this.error.textContent = text ?? '';
  }

  // Follows /v1/events for good: after a lost stream it says so and connects again every second.
  async follow() {
    for (;;) {
      try {
        const response = await fetch(`${this.host.base}/v1/events`, { headers: headers(), cache: 'no-store' });
        if (response.status === 401) {
          this.setStream('waiting for an access token', 'lost');
          await unauthorized(response);
          continue;
        }
        if (!response.ok || !response.body) throw new Error(`${response.status} ${await response.text()}`);
        this.setStream('live', 'live');
        this.draw();
        await this.read(response.body);
        this.setStream('event stream ended; reconnecting…', 'lost');
      } catch (e) {
        this.setStream(`event stream lost (${e.message}); reconnecting…`, 'lost');
      }
      await delay(retryMs);
    }
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseEvent(block);
        if (event) this.onEvent(event);
      }
    }
  }

  onEvent(event) {
    this.draw();
    if (membershipEvents.has(event.name)) setTimeout(() => this.draw(), settleMs);
    const item = document.createElement('li');
    item.textContent = `${event.data.time ?? ''} ${event.name} ${describe(event.data)}`;
    this.events.prepend(item);
    while (this.events.children.length > eventsKept) this.events.lastElementChild.remove();
  }
}

// One Server-Sent Events block: its event name and JSON data; null for a comment (keep-alive).
function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return null;
  try {
    return { name, data: JSON.parse(data.join('\n')) };
  } catch {
    return { name, data: {} };
  }
}

function describe(data) {
  return Object.entries(data)
    .filter(([key]) => key !== 'time')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}

function main() {
  document.getElementById('token-form').addEventListener('submit', tokenEntered);
  const hosts = [{ name: location.host, base: '' }];
  const template = document.getElementById('host-template');
  const container = document.getElementById('hosts');
  for (const host of hosts) {
    const view = new HostView(host, template);
    container.append(view.section);
    view.start();
  }
}

main();
