/**
 * Prometheus metrics. The registry is created here (never the global one), so each
 * process, and each test, owns its own; delivery feeds it through the DeliveryMetrics port.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryMetrics, DeliveryStats, IngestStatus } from '../delivery/ports.js';

export interface Metrics {
  readonly registry: Registry;
  /** Pass this to delivery and ingest: they call it, prom-client stays out of them. */
  readonly delivery: DeliveryMetrics;
  /** The exposition text and its Content-Type. */
  render(): Promise<{ contentType: string; body: string }>;
  /** Reads queue depths from these stats at each scrape (delivery is built after the metrics it feeds). */
  trackQueues(stats: Pick<DeliveryStats, 'queueDepths'>): void;
}

export interface MetricsDeps {
  /** Queue depths are read from Redis when /metrics is scraped. */
  readonly stats?: Pick<DeliveryStats, 'queueDepths'>;
}

/** Creates the registry with Tanbih's counters, queue-depth gauge and send-latency histogram. */
export function createMetrics(deps: MetricsDeps = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const ingested = new Counter({
    name: 'tanbih_articles_ingested_total',
    help: 'Articles ingested, by outcome (queued, duplicate, joined, stale, no-match, rejected).',
    labelNames: ['status'] as const,
    registers,
  });
  const matched = new Counter({ name: 'tanbih_articles_matched_total', help: 'Ingested articles that matched a topic.', registers });
  const deduplicated = new Counter({ name: 'tanbih_articles_deduplicated_total', help: 'Articles dropped as duplicates.', registers });
  const messages = new Counter({
    name: 'tanbih_messages_total',
    help: 'Telegram sends by outcome (sent, failed, blocked, retried).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'tanbih_send_latency_seconds',
    help: 'Time of one Telegram send call.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  let stats = deps.stats;
  const queueDepth = new Gauge({
    name: 'tanbih_queue_depth',
    help: 'Jobs in the delivery queues, by queue and state.',
    labelNames: ['queue', 'state'] as const,
    registers: [],
    async collect() {
      if (!stats) return;
      this.reset();
      const depths = await stats.queueDepths();
      for (const [queue, d] of Object.entries(depths)) {
        for (const state of ['waiting', 'delayed', 'active', 'failed'] as const) this.set({ queue, state }, d[state]);
      }
    },
  });
  registry.registerMetric(queueDepth);
  const delivery: DeliveryMetrics = {
    ingested(status: IngestStatus) {
      ingested.inc({ status });
      if (status === 'queued') matched.inc();
      if (status === 'duplicate') deduplicated.inc();
    },
    sendFinished(outcome, latencyMs) {
      messages.inc({ outcome });
      latency.observe(latencyMs / 1000);
    },
  };
  return {
    registry,
    delivery,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
    trackQueues(s) {
      stats = s;
    },
  };
}
