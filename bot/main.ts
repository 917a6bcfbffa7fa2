import { existsSync } from 'node:fs';
import { loadCampaign } from './campaign-file.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startApp } from './app.js';
import { startTerminal } from './terminal/start.js';

async function main(): Promise<void> {
  // Variables already in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const campaign = loadCampaign(config.CAMPAIGN_FILE);
  if (!config.TELEGRAM_BOT_TOKEN) {
    // No platform configured: the same conversations in this terminal.
    await startTerminal(config, campaign, { now: () => new Date() });
    process.exit(0);
  }
  const app = await startApp(config, campaign, { now: () => new Date() }, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
