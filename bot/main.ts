import { existsSync } from 'node:fs';
import { loadCampaign } from './campaign-file.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startApp } from './app.js';
import { startTerminal } from './terminal/start.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db.js';

/** No MONGODB_URI: a database of our own, its data kept in DATA_DIR (.data) between runs. */
async function startEmbedded(): Promise<EmbeddedDatabase> {
  const dir = process.env.DATA_DIR || '.data';
  console.log(
    `No MONGODB_URI set: starting an embedded database; its data stays in ${dir}/ between runs.`,
  );
  const db = await startEmbeddedDatabase(dir);
  process.env.MONGODB_URI = db.uri;
  return db;
}

let embedded: EmbeddedDatabase | null = null;

async function main(): Promise<void> {
  // Variables already in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  embedded = process.env.MONGODB_URI ? null : await startEmbedded();
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const campaign = loadCampaign(config.CAMPAIGN_FILE);
  if (!config.TELEGRAM_BOT_TOKEN && !config.VK_TOKEN) {
    // No platform configured: the same conversations in this terminal.
    await startTerminal(config, campaign, { now: () => new Date() });
    await embedded?.stop();
    process.exit(0);
  }
  const app = await startApp(config, campaign, { now: () => new Date() }, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await app.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  await embedded?.stop();
  process.exit(1);
});
