import { existsSync } from 'node:fs';
import { loadCampaign } from './campaign-file.js';
import { anyPlatform, ConfigError, loadConfig, SECRET_NAMES, secretsOf } from './config.js';
import { createLogger, scrubber, type Logger } from './logger.js';
import { startApp } from './app.js';
import { startTerminal } from './terminal/start.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db.js';

/** A graceful stop that takes longer (the database is gone, a handler hangs) ends anyway. */
const STOP_DEADLINE_MS = 9_000;

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

/**
 * A promise nobody awaited that failed is a bug to log, not a reason to stop serving the whole
 * country; and Node's own report of it would print the error's context (an update, a token).
 */
function guardProcess(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled rejection (the process goes on)');
  });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception: stopping');
    setTimeout(() => process.exit(1), 100).unref();
  });
}

async function main(): Promise<void> {
  // Variables already in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  embedded = process.env.MONGODB_URI ? null : await startEmbedded();
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, secretsOf(config));
  guardProcess(log);
  const campaign = loadCampaign(config.CAMPAIGN_FILE);
  if (!anyPlatform(config)) {
    // No platform configured: the same conversations in this terminal.
    await startTerminal(config, campaign, { now: () => new Date() });
    await embedded?.stop();
    process.exit(0);
  }
  // Listening for the signal from the start: a stop asked for while starting waits for the start.
  const starting = startApp(config, campaign, { now: () => new Date() }, log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    setTimeout(() => {
      log.warn({ deadlineMs: STOP_DEADLINE_MS }, 'graceful stop took too long: exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const app = await starting.catch(() => null);
    await app?.stop().catch((error: unknown) => log.error({ err: error }, 'stop failed'));
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await starting;
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    // Not console.error(error): an error's own fields may hold a token (a request's URL).
    const scrub = scrubber(SECRET_NAMES.map((name) => process.env[name]));
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(scrub(`Could not start: ${text}`));
  }
  await embedded?.stop();
  process.exit(1);
});
