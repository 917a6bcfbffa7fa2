import type { Campaign } from './campaign.js';
import type { Platform, UserRef } from './protocol.js';
import type { Moderator } from './ports.js';

// The contest-wide vote analysis. It reads every counted vote with what is known of its voter and
// proposes clusters of votes that look organised, each with the signals that put it there, and a
// fraud index per entry. Nothing here decides: a moderator looks, and voids with a reason.
//
// The signals, each with a threshold in the campaign file (`fraud`):
// - consecutive ids: platforms number accounts as they are registered, and farms register
//   theirs in runs; voters of one entry whose ids follow each other (at most `idGap` apart) in
//   a run of `minClusterSize` or more are proposed as a cluster on their own;
// - new accounts: the vote came within `newAccountMinutes` of the voter's first contact;
// - same link: the voter arrived through this entry's shared link and voted for nothing else;
// - foreign client: the voter's client speaks none of `clientLanguages`;
// - burst: the entry got `burstVotesPerMinute` votes or more in the minute around this one.
// A vote outside an id run with two or more of the other signals is suspicious; suspicious votes
// for one entry no more than `windowMinutes` apart, `minClusterSize` or more, are a cluster.

export type FraudRules = Campaign['fraud'];

export const SIGNALS = ['id-run', 'new-account', 'same-link', 'foreign-client', 'burst'] as const;
export type Signal = (typeof SIGNALS)[number];

/** One counted vote and what is known of its voter. */
export interface VoteFact {
  id: string;
  entryId: string;
  entryNumber: number;
  category: string;
  at: Date;
  /** The voter's first contact with the bot. */
  voterSince: Date;
  /** Gone once the voter erased their data (/deleteme): then no id signal. */
  voter?: UserRef;
  /** The entry whose shared link brought the voter first, if one did. */
  viaEntry?: number;
  /** The language the voter's client said at first contact. */
  clientLang?: string;
  /** In how many categories the voter voted. */
  votesCast: number;
}

export interface Cluster {
  /** "12-3": the analysis run and the cluster's place in it, what /void names. */
  code: string;
  entryId: string;
  entryNumber: number;
  category: string;
  /** The signals most of its votes share. */
  signals: Signal[];
  voteIds: string[];
  /** The voters' accounts, where still known (an id run's, for a person to check). */
  voters: UserRef[];
  platform?: Platform;
  idFrom?: string;
  idTo?: string;
  from: Date;
  to: Date;
}

export interface EntryRisk {
  entryId: string;
  entryNumber: number;
  category: string;
  votes: number;
  /** Votes in proposed clusters. */
  suspicious: number;
  /** 0–100: the share of its votes in proposed clusters. */
  index: number;
  /** How many of its votes carry each signal, clustered or not. */
  signals: Record<Signal, number>;
}

export interface Analysis {
  at: Date;
  votes: number;
  /** Entries with any suspicious vote, most suspicious votes first. */
  entries: EntryRisk[];
  /** Largest first. */
  clusters: Omit<Cluster, 'code'>[];
}

const MINUTE = 60_000;

function flagsOf(votes: VoteFact[], rules: FraudRules): Map<string, Set<Signal>> {
  const flags = new Map<string, Set<Signal>>(votes.map((v) => [v.id, new Set<Signal>()]));
  const times = votes.map((v) => v.at.getTime());
  // Votes within half a minute either side: a sliding window over the sorted times.
  let lo = 0;
  let hi = 0;
  votes.forEach((v, i) => {
    const set = flags.get(v.id)!;
    const t = times[i]!;
    while (times[lo]! < t - MINUTE / 2) lo += 1;
    while (hi < times.length && times[hi]! <= t + MINUTE / 2) hi += 1;
    if (hi - lo >= rules.burstVotesPerMinute) set.add('burst');
    if (t - v.voterSince.getTime() <= rules.newAccountMinutes * MINUTE) set.add('new-account');
    if (v.viaEntry === v.entryNumber && v.votesCast === 1) set.add('same-link');
    const lang = v.clientLang?.toLowerCase().split(/[-_]/)[0];
    if (lang && !rules.clientLanguages.includes(lang)) set.add('foreign-client');
  });
  return flags;
}

/** Runs of voters whose numeric ids follow each other, per platform. */
function idRuns(votes: VoteFact[], rules: FraudRules): VoteFact[][] {
  const runs: VoteFact[][] = [];
  const byPlatform = new Map<string, { vote: VoteFact; id: bigint }[]>();
  for (const vote of votes) {
    if (!vote.voter || !/^\d{1,19}$/.test(vote.voter.id)) continue;
    const list = byPlatform.get(vote.voter.platform) ?? [];
    list.push({ vote, id: BigInt(vote.voter.id) });
    byPlatform.set(vote.voter.platform, list);
  }
  const gap = BigInt(rules.idGap);
  for (const list of byPlatform.values()) {
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let run = [list[0]!];
    const close = () => {
      if (run.length >= rules.minClusterSize) runs.push(run.map((r) => r.vote));
    };
    for (let i = 1; i < list.length; i += 1) {
      if (list[i]!.id - list[i - 1]!.id <= gap) run.push(list[i]!);
      else {
        close();
        run = [list[i]!];
      }
    }
    close();
  }
  return runs;
}

/** Votes no more than `windowMinutes` apart, in groups of at least `minClusterSize`. */
function timeGroups(votes: VoteFact[], rules: FraudRules): VoteFact[][] {
  const groups: VoteFact[][] = [];
  let group: VoteFact[] = [];
  for (const vote of votes) {
    const last = group.at(-1);
    if (last && vote.at.getTime() - last.at.getTime() > rules.windowMinutes * MINUTE) {
      if (group.length >= rules.minClusterSize) groups.push(group);
      group = [];
    }
    group.push(vote);
  }
  if (group.length >= rules.minClusterSize) groups.push(group);
  return groups;
}

function clusterOf(
  votes: VoteFact[],
  flags: Map<string, Set<Signal>>,
  strong: Signal | null,
): Omit<Cluster, 'code'> {
  const first = votes[0]!;
  const counts = new Map<Signal, number>();
  for (const v of votes) for (const f of flags.get(v.id)!) counts.set(f, (counts.get(f) ?? 0) + 1);
  const shared = SIGNALS.filter((s) => s !== strong && (counts.get(s) ?? 0) * 2 >= votes.length);
  const voters = votes.flatMap((v) => (v.voter ? [v.voter] : []));
  const ids = voters.map((v) => v.id).filter((id) => /^\d+$/.test(id));
  const sorted = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const platforms = new Set(voters.map((v) => v.platform));
  const times = votes.map((v) => v.at.getTime());
  // Not Math.min(...times): a cluster of a hundred thousand votes would overflow the stack.
  const from = times.reduce((a, b) => Math.min(a, b));
  const to = times.reduce((a, b) => Math.max(a, b));
  return {
    entryId: first.entryId,
    entryNumber: first.entryNumber,
    category: first.category,
    signals: strong ? [strong, ...shared] : shared,
    voteIds: votes.map((v) => v.id),
    voters,
    ...(platforms.size === 1 ? { platform: [...platforms][0]! } : {}),
    ...(sorted.length ? { idFrom: sorted[0]!, idTo: sorted.at(-1)! } : {}),
    from: new Date(from),
    to: new Date(to),
  };
}

/** The analysis of one entry's counted votes. */
function analyseEntry(
  votes: VoteFact[],
  rules: FraudRules,
): { risk: EntryRisk; clusters: Omit<Cluster, 'code'>[] } {
  votes.sort((a, b) => a.at.getTime() - b.at.getTime());
  const flags = flagsOf(votes, rules);
  const clusters: Omit<Cluster, 'code'>[] = [];
  const clustered = new Set<string>();
  for (const run of idRuns(votes, rules)) {
    run.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const v of run) flags.get(v.id)!.add('id-run');
    clusters.push(clusterOf(run, flags, 'id-run'));
    for (const v of run) clustered.add(v.id);
  }
  const weak = votes.filter((v) => !clustered.has(v.id) && flags.get(v.id)!.size >= 2);
  for (const group of timeGroups(weak, rules)) {
    clusters.push(clusterOf(group, flags, null));
    for (const v of group) clustered.add(v.id);
  }
  const signals = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as Record<Signal, number>;
  for (const set of flags.values()) for (const s of set) signals[s] += 1;
  const first = votes[0]!;
  return {
    risk: {
      entryId: first.entryId,
      entryNumber: first.entryNumber,
      category: first.category,
      votes: votes.length,
      suspicious: clustered.size,
      index: Math.round((100 * clustered.size) / votes.length),
      signals,
    },
    clusters,
  };
}

/** Every counted vote in, the entries ranked by suspicious votes and the clusters proposed out. */
export function analyse(votes: VoteFact[], rules: FraudRules, at: Date): Analysis {
  const byEntry = new Map<string, VoteFact[]>();
  for (const v of votes) {
    const list = byEntry.get(v.entryId);
    if (list) list.push(v);
    else byEntry.set(v.entryId, [v]);
  }
  const entries: EntryRisk[] = [];
  const clusters: Omit<Cluster, 'code'>[] = [];
  for (const list of byEntry.values()) {
    const result = analyseEntry(list, rules);
    if (result.risk.suspicious) entries.push(result.risk);
    clusters.push(...result.clusters);
  }
  entries.sort((a, b) => b.suspicious - a.suspicious || b.index - a.index);
  clusters.sort((a, b) => b.voteIds.length - a.voteIds.length || a.entryNumber - b.entryNumber);
  return { at, votes: votes.length, entries, clusters };
}

// ---- What the analysis and voids need kept (models/fraud.ts, models/voids.ts) ----------------

/** An analysis as kept: its run number names its clusters ("12-3"). */
export interface SavedAnalysis extends Omit<Analysis, 'clusters'> {
  run: number;
  clusters: Cluster[];
}

/** Where the membership re-check has got to (see integrity.ts). */
export interface RecheckState {
  /** The last vote id walked. */
  cursor: string;
  checked: number;
  left: number;
  done: boolean;
}

export interface FraudStore {
  /** Every counted (not voided) vote, with what is known of its voter. */
  facts(): Promise<VoteFact[]>;
  /** The voters of counted votes after `cursor` in a stable order, a page at a time. */
  votersAfter(cursor: string, limit: number): Promise<{ voters: UserRef[]; cursor: string }>;
  /** Flags a voter's counted votes: they left the channel before the close. Returns how many. */
  flagLeft(voter: UserRef): Promise<number>;
  /** Counted votes flagged so. */
  countLeft(): Promise<number>;
  recheckState(): Promise<RecheckState | null>;
  saveRecheck(state: RecheckState): Promise<void>;
  /** Keeps an analysis under the next run number. */
  save(analysis: Analysis, trigger: string): Promise<SavedAnalysis>;
  latest(): Promise<SavedAnalysis | null>;
}

/** What a void takes out of the count: a proposed cluster, one account's votes, or an entry's
 * votes within a time window. */
export type VoidSelection =
  | { kind: 'cluster'; code: string }
  | { kind: 'voter'; voter: UserRef }
  | { kind: 'entry'; number: number; from: Date; to: Date }
  /** The votes the membership re-check flagged: their voters left the channel. */
  | { kind: 'left' };

/** One line of the audit log: append-only, never changed or removed through the bot. */
export interface AuditRecord {
  seq: number;
  at: Date;
  by: Moderator;
  action: 'void' | 'undo';
  void: number;
  selection: VoidSelection;
  votes: number;
  reason: string;
}

/** Per category: what was counted and what was voided, for the transparency report. */
export interface VoteAccount {
  category: string;
  counted: number;
  voided: number;
  voters: number;
}

export interface VoidStore {
  /** Marks the selected votes voided (they stay stored); null when it selects no counted vote. */
  void(
    selection: VoidSelection,
    reason: string | { key: string },
    by: Moderator,
    at: Date,
  ): Promise<{ id: number; votes: number } | null>;
  /** Counts a void's votes again; 'unknown' or 'undone' when there is nothing to undo. */
  undo(
    id: number,
    reason: string,
    by: Moderator,
    at: Date,
  ): Promise<{ votes: number } | 'unknown' | 'undone'>;
  audit(): Promise<AuditRecord[]>;
  accounts(): Promise<VoteAccount[]>;
  /** Votes voided now (not undone), per reason: a moderator's words, or a message key. */
  voidedByReason(): Promise<{ reason: string | { key: string }; votes: number }[]>;
}
