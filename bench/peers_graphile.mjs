// graphile-worker's side of bench/peers_bench.sh: drains the jobs already queued (task "sink":
// one INSERT into public.sink) with runOnce at the given concurrency, and prints events/s.
// Usage: node bench/peers_graphile.mjs MODULE_DIR CONNSTRING CONCURRENCY EVENTS
import { createRequire } from 'node:module';
const [moduleDir, connectionString, concurrency, events] = process.argv.slice(2);
const require = createRequire(moduleDir + '/');
const { runOnce } = require('graphile-worker');
const taskList = {
  sink: async (payload, helpers) => {
    await helpers.query('insert into public.sink values ($1)', [payload.i]);
  },
};
const start = process.hrtime.bigint();
await runOnce({ connectionString, concurrency: Number(concurrency), taskList, noHandleSignals: true,
                logger: undefined });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(Math.round(Number(events) / (ms / 1000)));
