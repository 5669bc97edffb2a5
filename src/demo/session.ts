/**
 * The scripted session `demo --check` runs, over the demo server's HTTP API only (what the
 * page does, without a browser): /start, the regions menu, follow South Caucasus, ingest the
 * sample article, and wait for its alert in the chat.
 */
import { isAlertHtml, type ButtonView, type MessageView } from './chat-log.js';
import type { PersonKey } from './people.js';

export interface SessionResult {
  readonly ok: boolean;
  readonly alertsReceived: number;
  readonly error?: string;
}

const sameButtons = (a: MessageView, b: MessageView): boolean => JSON.stringify(a.buttons) === JSON.stringify(b.buttons);
const findButton = (m: MessageView, label: string): ButtonView | undefined =>
  m.buttons.flat().find((b) => b.data !== undefined && b.text.includes(label));

const alerts = (all: MessageView[]): MessageView[] => all.filter((m) => m.from === 'bot' && isAlertHtml(m.html));

export async function runScriptedSession(baseUrl: string, user: PersonKey = 'reader', timeoutMs = 20_000): Promise<SessionResult> {
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, baseUrl), body === undefined ? {} : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = (await res.json()) as T;
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const messages = () => call<MessageView[]>(`/api/messages?user=${user}`);
  const waitFor = async <T>(what: string, probe: (all: MessageView[]) => T | undefined): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe(await messages());
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const tap = async (message: MessageView, label: string): Promise<MessageView> => {
    const button = findButton(message, label);
    if (!button) throw new Error(`no button "${label}" on message ${message.messageId}: ${message.buttons.flat().map((b) => b.text).join(' | ')}`);
    await call('/api/tap', { user, messageId: message.messageId, data: button.data });
    // Taps edit the message in place: wait until its keyboard changed.
    return waitFor(`message ${message.messageId} to change after "${label}"`,
      (all) => all.find((m) => m.messageId === message.messageId && !sameButtons(m, message)));
  };
  try {
    const seen = (await messages()).length;
    await call('/api/send', { user, text: '/start' });
    let picker = await waitFor('the topic picker', (all) => all.slice(seen).find((m) => m.from === 'bot' && findButton(m, 'مناطق')));
    picker = await tap(picker, 'مناطق');
    for (let page = 0; page < 10 && !findButton(picker, 'جنوب القوقاز'); page++) picker = await tap(picker, 'التالي');
    picker = await tap(picker, 'جنوب القوقاز');
    if (!findButton(picker, 'جنوب القوقاز')?.text.includes('✅')) throw new Error('South Caucasus is not marked followed');
    const before = alerts(await messages()).length;
    const samples = await call<{ article: string; url: string; outlet: string }>('/api/samples');
    await call('/api/ingest', { kind: 'text', content: samples.article, url: samples.url, outlet: samples.outlet });
    const received = await waitFor('the alert', (all) => (alerts(all).length > before ? alerts(all) : undefined));
    const alert = received.at(-1) as MessageView;
    const ok = /<b>[^<]*بوتين[^<]*<\/b>/.test(alert.html ?? '') && (alert.html ?? '').includes(`href="${samples.url}"`);
    return { ok, alertsReceived: received.length, ...(ok ? {} : { error: 'the alert lacks its bold headline or its link' }) };
  } catch (e) {
    const received = await messages().then(alerts, () => []);
    return { ok: false, alertsReceived: received.length, error: e instanceof Error ? e.message : String(e) };
  }
}
