/**
 * Downloading a file a user sent: getFile names its path, the Bot API serves it under
 * `<apiRoot>/file/bot<token>/<path>` (Telegram's, a self-hosted server's, or the fake's).
 */
import type { Api } from 'grammy';

const TELEGRAM_API_ROOT = 'https://api.telegram.org';

export function createFileReader(api: Api, token: string, apiRoot = TELEGRAM_API_ROOT, timeoutMs = 15_000): (fileId: string) => Promise<Uint8Array> {
  return async (fileId) => {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error('Telegram gave no path for the file');
    const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}
