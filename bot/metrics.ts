import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OutboxFigures } from './outbox-figures.js';

// Prometheus metrics (/metrics): what an operator watches on the day a celebrity shares the link.
// Nothing here queries the database on a scrape: the outbox figures are read in the background.

export function createMetrics(outbox?: OutboxFigures) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const updates = new Counter({
    name: 'dgt_updates_total',
    help: 'Updates received, by platform and kind',
    labelNames: ['platform', 'kind'] as const,
    registers: [registry],
  });
  const handlerSeconds = new Histogram({
    name: 'dgt_handler_seconds',
    help: 'Time from an update received to its answer sent',
    labelNames: ['platform'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const votes = new Counter({
    name: 'dgt_votes_total',
    help: 'Votes cast, by outcome (new, moved, same)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'dgt_errors_total',
    help: 'Updates that failed in a handler',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'dgt_outbox_messages',
    help: 'Outbox messages: waiting (pending) and so far sent, failed, rate_limited (429s met) and paid',
    labelNames: ['status'] as const,
    registers: [registry],
    collect() {
      if (!outbox) return;
      const s = outbox.snapshot;
      this.set({ status: 'pending' }, s.pending);
      this.set({ status: 'sent' }, s.sent);
      this.set({ status: 'failed' }, s.failed);
      this.set({ status: 'rate_limited' }, s.rateLimited);
      this.set({ status: 'paid' }, s.paid);
    },
  });
  return { registry, updates, handlerSeconds, votes, errors };
}

export type Metrics = ReturnType<typeof createMetrics>;
