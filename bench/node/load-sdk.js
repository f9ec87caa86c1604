'use strict';
// node load-sdk.js WS_URL API_URL API_KEY CONNECTIONS CHANNELS PUBLISH_RATE DURATION_S CONNECT_RATE [--protobuf]
//     [--via=api|client]
// The reference for `centrifugo-inspector-cli --load`: CONNECTIONS clients of the official centrifuge-js SDK in this
// one process, each subscribed to one of CHANNELS channels, publications at PUBLISH_RATE for DURATION_S seconds
// through the server API (--via=api, the default) or by one more Centrifuge client, not subscribed, calling publish
// (--via=client, as `--publish-via client`). Prints one JSON line: connections held, deliveries, errors, memory per
// connection (resident memory the clients added) and CPU per delivered publication (this process, publisher
// included, as in the CLI).

const [wsUrl, apiUrl, apiKey, nArg, mArg, rateArg, durArg, connectRateArg, ...flags] = process.argv.slice(2);
const protobuf = flags.includes('--protobuf');
const { Centrifuge } = require(protobuf ? 'centrifuge/build/protobuf' : 'centrifuge');
const WebSocket = require('ws');
const viaClient = flags.includes('--via=client');
const encoder = new TextEncoder();

const n = Number(nArg);
const m = Number(mArg);
const rate = Number(rateArg);
const durationMs = Number(durArg) * 1000;
const perTick = Math.max(1, Math.round(Number(connectRateArg) / 20)); // new clients every 50 ms
const run = Math.random().toString(16).slice(2, 10);
const channels = Array.from({ length: m }, (_, i) => `load-sdk-${run}-${i}`);
const subscribers = new Map(channels.map((c) => [c, 0]));
let held = 0;
let delivered = 0;
let expected = 0;
let published = 0;
const errors = {};
const countError = (key) => {
    errors[key] = (errors[key] || 0) + 1;
};

global.gc && global.gc();
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
const clients = [];
let opened = 0;
// The publisher, first, so that it is connected when the subscribers are; it is neither held nor counted.
let publisherReady = !viaClient;
const publisher = viaClient ? new Centrifuge(wsUrl, { websocket: WebSocket, minReconnectDelay: 600000 }) : null;
if (publisher) {
    publisher.on('connected', () => {
        publisherReady = true;
        if (held === n) startPublishing();
    });
    publisher.connect();
}
const openTimer = setInterval(() => {
    for (let k = 0; k < perTick && opened < n; k += 1, opened += 1) {
        const channel = channels[opened % m];
        const client = new Centrifuge(wsUrl, { websocket: WebSocket, minReconnectDelay: 600000 });
        const sub = client.newSubscription(channel);
        sub.on('subscribed', () => {
            held += 1;
            subscribers.set(channel, subscribers.get(channel) + 1);
            if (held === n && publisherReady) startPublishing();
        });
        sub.on('publication', () => {
            delivered += 1;
        });
        sub.subscribe();
        client.connect();
        clients.push(client);
    }
    if (opened >= n) clearInterval(openTimer);
}, 50);

let started = false;
function startPublishing() {
    if (started) return;
    started = true;
    const t0 = Date.now();
    // The rate times the duration, as the CLI sends: a busy event loop fires the timers late, and a late stop must
    // not stretch the run (more deliveries over the same setup cost).
    const total = Math.max(1, Math.round((rate * durationMs) / 1000));
    const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * rate) + 1);
        while (published < due) {
            const channel = channels[published % m];
            expected += subscribers.get(channel);
            published += 1;
            const data = { t: Date.now(), n: published };
            if (publisher) {
                // Protobuf carries data as bytes: the same JSON, encoded, as a Protobuf application sends it.
                publisher
                    .publish(channel, protobuf ? encoder.encode(JSON.stringify(data)) : data)
                    .catch((e) => countError(`publish ${e.code}`));
            } else {
                fetch(`${apiUrl}/api/publish`, {
                    method: 'POST',
                    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
                    body: JSON.stringify({ channel, data }),
                }).catch(() => countError('api unreachable'));
            }
        }
        if (published >= total) {
            clearInterval(timer);
            setTimeout(finish, 1000);
        }
    }, 10);
}

function finish() {
    const rss = process.memoryUsage().rss - rssBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    process.stdout.write(
        `${JSON.stringify({
            connections_held: held,
            published,
            expected,
            delivered,
            errors,
            cpu_s: cpuS,
            run_rss_kb: Math.round(rss / 1024),
            rss_kb_per_connection: held ? rss / 1024 / held : 0,
            cpu_us_per_delivery: delivered ? (cpuS * 1e6) / delivered : 0,
        })}\n`,
        () => process.exit(0),
    );
}
setTimeout(startPublishing, 60000); // publish with those subscribed by then
