'use strict';
// node proxy-bench.js DIRECT_URL PROXY_URL API_URL API_KEY [LATENCY_ROUNDS] [PUBLICATIONS]
// What the inspector's proxy (docs/proxy.md) adds, measured against the same server directly, in one run:
//  - latency: sequential publish commands (each waits for its reply) on one raw `ws` connection direct and one
//    through the proxy, alternating in blocks; a round trip crosses the proxy twice (command and reply), so the
//    latency added per frame is half the difference of the round-trip percentiles;
//  - throughput: one counting subscriber direct and one through the proxy on the same channel at the same time,
//    PUBLICATIONS published through the server API in ordered batches; each one's rate is PUBLICATIONS divided by
//    the time from the first publish to its last publication.
// Prints one JSON line with every figure.

const WebSocket = require('ws');

const [directUrl, proxyUrl, apiUrl, apiKey, roundsArg, pubsArg] = process.argv.slice(2);
const rounds = Number.parseInt(roundsArg || '4000', 10);
const publications = Number.parseInt(pubsArg || '100000', 10);
const BLOCK = 250;

function open(url, channel) {
    return new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.on('error', reject);
        ws.on('open', () => ws.send(`{"id":1,"connect":{}}\n{"id":2,"subscribe":{"channel":"${channel}"}}`));
        const onMessage = (data) => {
            if (data.includes('"id":2,"subscribe"')) {
                ws.off('message', onMessage);
                resolve(ws);
            }
        };
        ws.on('message', onMessage);
    });
}

// Sends `count` publish commands one after the other; returns each round trip in microseconds.
function roundTrips(ws, count, firstId) {
    return new Promise((resolve) => {
        const out = [];
        let id = firstId;
        let sent = 0n;
        const marker = () => `"id":${id},"publish"`;
        const send = () => {
            sent = process.hrtime.bigint();
            ws.send(`{"id":${id},"publish":{"channel":"bench-latency","data":{}}}`);
        };
        const onMessage = (data) => {
            if (!data.includes(marker())) {
                return;
            }
            out.push(Number(process.hrtime.bigint() - sent) / 1000);
            id += 1;
            if (out.length === count) {
                ws.off('message', onMessage);
                resolve(out);
            } else {
                send();
            }
        };
        ws.on('message', onMessage);
        send();
    });
}

function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function counter(ws, expected) {
    return new Promise((resolve) => {
        const marker = Buffer.from('"pub":');
        let received = 0;
        ws.on('message', (data) => {
            for (let at = data.indexOf(marker); at >= 0; at = data.indexOf(marker, at + marker.length)) {
                received += 1;
            }
            if (received >= expected) {
                resolve(process.hrtime.bigint());
            }
        });
    });
}

async function publishAll(channel, count) {
    for (let from = 0; from < count; from += 1000) {
        const commands = [];
        for (let i = from; i < Math.min(count, from + 1000); i += 1) {
            commands.push({ publish: { channel, data: { i } } });
        }
        const reply = await fetch(`${apiUrl}/api/batch`, {
            method: 'POST',
            headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
            body: JSON.stringify({ commands, parallel: false }),
        });
        if (!reply.ok) {
            throw new Error(`batch: HTTP ${reply.status}`);
        }
        await reply.arrayBuffer();
    }
}

async function main() {
    const direct = await open(directUrl, 'bench-latency');
    const proxied = await open(proxyUrl, 'bench-latency');
    const rttDirect = [];
    const rttProxy = [];
    let id = 10;
    // Warm-up, then alternating blocks so that both see the same machine load.
    await roundTrips(direct, 200, id);
    await roundTrips(proxied, 200, id);
    id += 200;
    for (let done = 0; done < rounds; done += BLOCK) {
        rttDirect.push(...(await roundTrips(direct, BLOCK, id)));
        rttProxy.push(...(await roundTrips(proxied, BLOCK, id)));
        id += BLOCK;
    }
    direct.close();
    proxied.close();

    const channel = 'bench-throughput';
    const directSub = await open(directUrl, channel);
    const proxySub = await open(proxyUrl, channel);
    const directDone = counter(directSub, publications);
    const proxyDone = counter(proxySub, publications);
    const start = process.hrtime.bigint();
    await publishAll(channel, publications);
    const [directEnd, proxyEnd] = await Promise.all([directDone, proxyDone]);
    directSub.close();
    proxySub.close();
    const directRate = publications / (Number(directEnd - start) / 1e9);
    const proxyRate = publications / (Number(proxyEnd - start) / 1e9);

    const p = (values, q) => Math.round(percentile(values, q) * 10) / 10;
    const result = {
        rounds: rttDirect.length,
        rtt_us: { direct: { p50: p(rttDirect, 50), p99: p(rttDirect, 99) }, proxy: { p50: p(rttProxy, 50), p99: p(rttProxy, 99) } },
        added_per_frame_us: {
            p50: Math.round(((percentile(rttProxy, 50) - percentile(rttDirect, 50)) / 2) * 10) / 10,
            p99: Math.round(((percentile(rttProxy, 99) - percentile(rttDirect, 99)) / 2) * 10) / 10,
        },
        publications,
        throughput_per_s: { direct: Math.round(directRate), proxy: Math.round(proxyRate) },
        throughput_ratio: Math.round((proxyRate / directRate) * 1000) / 1000,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

main().catch((e) => {
    process.stderr.write(`${e && e.stack}\n`);
    process.exit(1);
});
