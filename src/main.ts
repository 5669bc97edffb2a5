/** Composition root (not built yet): the bot, delivery workers and HTTP server arrive with issues 4–6. */
import 'dotenv/config';
import { ConfigError, createConfig } from './config.js';

try {
  createConfig(process.env);
  console.error('Tanbih: the bot is not built yet. Try `npm run -s preview -- tests/fixtures/armenia-withdrawal.txt`.');
  process.exit(1);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
