import { readFileSync } from 'node:fs';
import { campaignSchema, describeIssues, type Campaign } from '../handlers/campaign.js';
import { ConfigError } from './config.js';

/** Reads and validates the campaign file; a bad field stops start-up with its path and the problem. */
export function loadCampaign(path: string): Campaign {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the campaign file ${path}: ${(error as Error).message}`);
  }
  const parsed = campaignSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`Invalid campaign file ${path}:\n${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}
