import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { outboxCounts } from '../models/outbox.js';

// Prometheus metrics (/metrics): what an operator watches on the day a celebrity shares the link.

export function createMetrics() {
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
    help: 'Outbox rows by status (pending, sending, sent, failed)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = await outboxCounts();
      for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });
  return { registry, updates, handlerSeconds, votes, errors };
}

export type Metrics = ReturnType<typeof createMetrics>;
