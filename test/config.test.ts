import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../bot/campaign-file.js';
import { envSchema, loadConfig } from '../bot/config.js';
import { phaseAt } from '../handlers/campaign-clock.js';

const env = {
  TELEGRAM_BOT_TOKEN: '123456:AAbbCCddEEffGGhhIIjjKKllMM',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/dgt',
  VOTER_HASH_SECRET: 'an-operators-own-secret-0123456789abcdef',
};

function campaignFile(patch: (c: Record<string, unknown>) => void): string {
  const c = JSON.parse(JSON.stringify(loadCampaignRaw())) as Record<string, unknown>;
  patch(c);
  const path = join(mkdtempSync(join(tmpdir(), 'campaign-')), 'campaign.json');
  writeFileSync(path, JSON.stringify(c));
  return path;
}

function loadCampaignRaw(): unknown {
  return JSON.parse(JSON.stringify(loadCampaign('campaign.json')));
}

describe('configuration', () => {
  it('accepts the shipped campaign and a minimal environment', () => {
    const config = loadConfig({ ...env, TELEGRAM_ADMIN_IDS: '1, 22' });
    expect(config.TELEGRAM_ADMIN_IDS).toEqual(['1', '22']);
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(loadCampaign('campaign.json').categories).toHaveLength(7);
  });

  it('takes the empty values of .env.example as not set', () => {
    const config = loadConfig({
      ...env,
      TELEGRAM_CHANNEL_ID: '',
      TELEGRAM_WEBHOOK_URL: '',
      HTTP_PORT: '',
    });
    expect(config.TELEGRAM_CHANNEL_ID).toBeUndefined();
    expect(config.HTTP_PORT).toBe(8080);
  });

  it('documents in .env.example every variable it reads, each platform’s too, and no other', () => {
    const documented = [
      ...readFileSync('.env.example', 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm),
    ]
      .map((m) => m[1]!)
      .sort();
    // Read before the configuration: where the embedded database keeps its data, and DEMO=0.
    const early = ['DATA_DIR', 'DEMO'];
    expect([...new Set(documented)]).toEqual([...Object.keys(envSchema.shape), ...early].sort());
  });

  it('names the variable and the problem when the environment is wrong', () => {
    expect(() => loadConfig({ ...env, TELEGRAM_BOT_TOKEN: 'my-token' })).toThrow(
      /TELEGRAM_BOT_TOKEN: does not look like a token/,
    );
    expect(() => loadConfig({ ...env, MONGODB_URI: 'localhost' })).toThrow(
      /MONGODB_URI: must start with mongodb:\/\//,
    );
    expect(() => loadConfig({ ...env, TELEGRAM_ADMIN_IDS: '12,@ann' })).toThrow(
      /TELEGRAM_ADMIN_IDS/,
    );
  });

  it('refuses the example voter secret, or a short one, once a platform is set', () => {
    const example = { ...env, VOTER_HASH_SECRET: 'change-me-in-production' };
    expect(() => loadConfig(example)).toThrow(
      /VOTER_HASH_SECRET: is the example value.*openssl rand -hex 32/,
    );
    expect(() => loadConfig({ ...env, VOTER_HASH_SECRET: 'short-but-16-chars' })).toThrow(
      /VOTER_HASH_SECRET: is too short.*at least 32 characters/,
    );
    const { VOTER_HASH_SECRET: _unset, ...withoutSecret } = env;
    expect(() => loadConfig(withoutSecret)).toThrow(/VOTER_HASH_SECRET: is the example value/);
    // The terminal demo (no platform) runs with the example: it talks to nobody.
    const { TELEGRAM_BOT_TOKEN: _none, ...terminal } = example;
    expect(loadConfig(terminal).VOTER_HASH_SECRET).toBe('change-me-in-production');
  });

  it('keeps every database wait below the webhook deadline', () => {
    expect(() =>
      loadConfig({ ...env, DATABASE_TIMEOUT_MS: '9000', WEBHOOK_DEADLINE_MS: '8000' }),
    ).toThrow(/WEBHOOK_DEADLINE_MS: must be above DATABASE_TIMEOUT_MS/);
  });

  it('names the field and the problem when the campaign file is wrong', () => {
    const badZone = campaignFile((c) => (c.timeZone = 'Asia/Nowhere'));
    expect(() => loadCampaign(badZone)).toThrow(/timeZone: is not an IANA time zone/);
    const badOrder = campaignFile(
      (c) => ((c.dates as Record<string, string>).publication = '2026-11-01'),
    );
    expect(() => loadCampaign(badOrder)).toThrow(
      /dates\.publication: must come after dates\.submissionsClose/,
    );
    const badCategory = campaignFile(
      (c) => ((c.categories as { id: string }[])[1]!.id = 'Helping Elderly!'),
    );
    expect(() => loadCampaign(badCategory)).toThrow(/categories\.1\.id: must be 1-16 characters/);
    const missingName = campaignFile(
      (c) => delete (c.categories as { name: Record<string, string> }[])[0]!.name.kk,
    );
    expect(() => loadCampaign(missingName)).toThrow(/categories\.0\.name\.kk/);
    expect(() => loadCampaign('no/such/file.json')).toThrow(/Cannot read the campaign file/);
  });
});

describe('the campaign clock', () => {
  const campaign = loadCampaign('campaign.json');
  // Kazakhstan is on UTC+5 (one zone since March 2024); days end at 23:59:59 Almaty time.
  it.each([
    ['2026-10-05T18:59:59Z', 'before'],
    ['2026-10-05T19:00:00Z', 'submissions'],
    ['2026-11-10T18:59:59Z', 'submissions'],
    ['2026-11-10T19:00:00Z', 'review'],
    ['2026-11-12T18:59:59Z', 'review'],
    ['2026-11-12T19:00:00Z', 'voting'],
    ['2026-11-19T18:59:59Z', 'voting'],
    ['2026-11-19T19:00:00Z', 'closed'],
  ])('at %s the phase is %s', (at, phase) => {
    expect(phaseAt(campaign, new Date(at))).toBe(phase);
  });
});
