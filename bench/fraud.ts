// npm run bench:fraud [-- --votes 100000 --farm 500 --rounds 3]
//
// How long the contest-wide vote analysis takes, and how well it finds a farm, on a real
// Mongo-wire server. The database holds `votes` votes: organic voters with any Telegram id at any
// time over six days, across 60 entries in 6 categories, a third of them arrived by a shared link;
// and a farm of `farm` accounts with consecutive ids that first wrote minutes before voting, all
// for one entry within a few minutes. Voters and votes are written directly: this measures the
// analysis, not voting.
//
// Each round times the three steps /fraud runs (reading the votes and what is known of their
// voters; the analysis itself; keeping the run) and, as the baseline in the same run, a bare read
// of every vote, the least any contest-wide look at the votes costs. Prints each round, the
// median, the ratio to the baseline, the precision and recall of the cluster proposed at the
// farm's entry, and the peak memory.

import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { loadCampaign } from '../bot/campaign-file.js';
import { analyse } from '../handlers/fraud.js';
import { connectDatabase, disconnectDatabase } from '../models/index.js';
import { EntryModel } from '../models/entry.js';
import { mongoFraudStore } from '../models/fraud.js';
import { UserModel } from '../models/user.js';
import { VoteModel } from '../models/vote.js';
import { startMongoServer } from '../test/support/mongo-server.js';
import { random } from '../test/support/random.js';

const { values } = parseArgs({
  options: {
    votes: { type: 'string', default: '100000' },
    farm: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
  },
});
const VOTES = Number(values.votes);
const FARM = Number(values.farm);
const ROUNDS = Number(values.rounds);
const ENTRIES = 60;
const CATEGORIES = ['elderly', 'disaster', 'children', 'animals', 'city', 'everyday'];
const FARM_ENTRY = 7;
const FARM_FIRST_ID = 7_654_321_000;
const BATCH = 1_000;

const campaign = loadCampaign('campaign.json');
const mongo = await startMongoServer();
await connectDatabase(`${mongo.uri.replace(/\/$/, '')}/bench_fraud_${Date.now()}`, 600_000);

try {
  const seedStarted = Date.now();
  const at = new Date('2026-11-13T05:00:00Z');
  await EntryModel.insertMany(
    Array.from({ length: ENTRIES }, (_, i) => ({
      draftKey: `bench-fraud-${i}`,
      number: i + 1,
      kind: 'own',
      author: { platform: 'telegram', id: String(10 + i) },
      status: 'published',
      category: CATEGORIES[i % CATEGORIES.length],
      story: 'A good deed worth a vote.',
      city: 'Almaty',
      createdAt: at,
      publishedAt: at,
    })),
  );
  const next = random(7);
  const days = 6 * 24 * 3600_000;
  const farmAt = Date.parse('2026-11-16T12:00:00Z');
  const organic = VOTES - FARM;
  for (let i = 0; i < VOTES; i += BATCH) {
    const users: Record<string, unknown>[] = [];
    const votes: Record<string, unknown>[] = [];
    for (let k = i; k < Math.min(VOTES, i + BATCH); k += 1) {
      const isFarm = k >= organic;
      const id = isFarm
        ? FARM_FIRST_ID + (k - organic)
        : 100_000_000 + Math.floor(next() * 7_000_000_000);
      const number = isFarm ? FARM_ENTRY : 1 + Math.floor(next() * ENTRIES);
      const votedAt = isFarm ? farmAt + (k - organic) * 300 : at.getTime() + next() * days;
      const since = isFarm ? farmAt - 5 * 60_000 : votedAt - next() * 2 * days;
      const viaLink = isFarm || next() < 0.33;
      users.push({
        _id: `telegram:${id}`,
        platform: 'telegram',
        userId: String(id),
        lang: 'ru',
        createdAt: new Date(since),
        clientLang: isFarm ? 'en' : 'ru',
        ...(viaLink ? { arrivedVia: number } : {}),
      });
      votes.push({
        _id: `hash-${k}:${CATEGORIES[(number - 1) % CATEGORIES.length]}`,
        voterHash: `hash-${k}`,
        voter: `telegram:${id}`,
        category: CATEGORIES[(number - 1) % CATEGORIES.length],
        entryId: `entry-${number}`,
        entryNumber: number,
        at: new Date(votedAt),
        voterSince: new Date(since),
      });
    }
    // Organic ids are random: two voters may draw the same one, which the analysis can bear.
    await UserModel.insertMany(users, { ordered: false }).catch(() => undefined);
    await VoteModel.collection.insertMany(votes as never[]);
  }
  console.log(
    `seeded ${VOTES} votes (${FARM} of them a farm for #${FARM_ENTRY}) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  const rows: { bare: number; facts: number; analyse: number; save: number }[] = [];
  let quality = { precision: 0, recall: 0, clusters: 0, first: 0 };
  for (let round = 1; round <= ROUNDS; round += 1) {
    let started = performance.now();
    const bare = await VoteModel.find({}, { entryId: 1, at: 1, voter: 1 }).lean();
    const bareMs = performance.now() - started;
    if (bare.length !== VOTES) throw new Error(`read ${bare.length} votes, not ${VOTES}`);

    started = performance.now();
    const facts = await mongoFraudStore.facts();
    const factsMs = performance.now() - started;
    started = performance.now();
    const analysis = analyse(facts, campaign.fraud, new Date());
    const analyseMs = performance.now() - started;
    started = performance.now();
    const saved = await mongoFraudStore.save(analysis, 'bench');
    const saveMs = performance.now() - started;
    rows.push({ bare: bareMs, facts: factsMs, analyse: analyseMs, save: saveMs });

    const atFarm = saved.clusters.filter((c) => c.entryNumber === FARM_ENTRY);
    const members = atFarm.flatMap((c) => c.voters.map((v) => Number(v.id)));
    const hits = members.filter((id) => id >= FARM_FIRST_ID && id < FARM_FIRST_ID + FARM).length;
    quality = {
      precision: members.length ? hits / members.length : 0,
      recall: hits / FARM,
      clusters: saved.clusters.length,
      first: saved.entries[0]?.entryNumber ?? 0,
    };
    const total = factsMs + analyseMs + saveMs;
    console.log(
      `round ${round}: bare read ${(bareMs / 1000).toFixed(2)} s; analysis ${(total / 1000).toFixed(2)} s = read ${(factsMs / 1000).toFixed(2)} + analyse ${(analyseMs / 1000).toFixed(2)} + keep ${(saveMs / 1000).toFixed(2)}; ${(total / bareMs).toFixed(2)}× the bare read`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const total = median(rows.map((r) => r.facts + r.analyse + r.save));
  const bare = median(rows.map((r) => r.bare));
  console.log(
    `median over ${ROUNDS} rounds: analysis of ${VOTES} votes ${(total / 1000).toFixed(2)} s (analyse alone ${(median(rows.map((r) => r.analyse)) / 1000).toFixed(2)} s), ${(total / bare).toFixed(2)}× a bare read of the votes (${(bare / 1000).toFixed(2)} s)`,
  );
  console.log(
    `farm: entry ranked first #${quality.first} (farm #${FARM_ENTRY}); clusters proposed ${quality.clusters}; precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}`,
  );
  console.log(`peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
  await mongo.stop();
}
