#!/usr/bin/env node
'use strict';
// Publishes demo traffic into a running Centrifugo through its HTTP API until stopped (Ctrl+C).
// Kept as a Node-only fallback; run.sh uses the CLI instead, with the same traffic:
//   centrifugo-inspector-cli --api-url URL --api-key KEY --publish-demo demo,chat:lobby --demo-rate 3
//   node scripts/demo-publisher.js [--rate N] [--channels a,b] [--count N] [--url http://127.0.0.1:8000]
// Environment: CENTRIFUGO_API_URL (or PORT), CENTRIFUGO_API_KEY (default dev-api-key), DEMO_RATE, DEMO_CHANNELS.
// Needs only Node >= 18 (global fetch); no packages.

const TEXTS = ['hello', 'how is everyone?', 'Grüße aus Berlin', '你好，世界', 'こんにちは', 'ok 👍', 'brb', 'lunch?'];

function parseArgs(argv) {
    const options = {
        url: process.env.CENTRIFUGO_API_URL || `http://127.0.0.1:${process.env.PORT || 8000}`,
        apiKey: process.env.CENTRIFUGO_API_KEY || 'dev-api-key',
        rate: Number(process.env.DEMO_RATE || 3),
        channels: (process.env.DEMO_CHANNELS || 'demo,chat:lobby').split(','),
        count: Infinity,
    };
    for (let i = 0; i < argv.length; i += 1) {
        const value = argv[i + 1];
        switch (argv[i]) {
            case '--url': options.url = value; i += 1; break;
            case '--api-key': options.apiKey = value; i += 1; break;
            case '--rate': options.rate = Number(value); i += 1; break;
            case '--channels': options.channels = value.split(','); i += 1; break;
            case '--count': options.count = Number(value); i += 1; break;
            case '-h':
            case '--help':
                process.stdout.write('usage: demo-publisher.js [--url URL] [--api-key KEY] [--rate PER_SECOND] ' +
                    '[--channels a,b] [--count N]\n');
                process.exit(0);
                break;
            default:
                process.stderr.write(`unknown argument ${argv[i]}\n`);
                process.exit(2);
        }
    }
    options.channels = options.channels.map((c) => c.trim()).filter((c) => c !== '');
    if (!(options.rate > 0) || options.channels.length === 0 || !(options.count > 0)) {
        process.stderr.write('rate and count must be positive and at least one channel given\n');
        process.exit(2);
    }
    return options;
}

async function publish(options, channel, data) {
    const response = await fetch(`${options.url.replace(/\/$/, '')}/api/publish`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': options.apiKey },
        body: JSON.stringify({ channel, data, tags: { source: 'demo-publisher' } }),
        signal: AbortSignal.timeout(5000),
    });
    if (response.status !== 200) {
        throw new Error(`HTTP ${response.status}${response.status === 401 ? ' (wrong API key?)' : ''}`);
    }
    const body = await response.json();
    if (body.error) {
        throw new Error(`API error ${body.error.code}: ${body.error.message}`);
    }
    return body.result || {};
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => { stopping = true; });
    }
    console.log(`publishing ${options.rate}/s to ${options.channels.join(', ')} via ${options.url} (Ctrl+C stops)`);

    const intervalMs = 1000 / options.rate;
    let failuresInRow = 0;
    for (let n = 1; n <= options.count && !stopping; n += 1) {
        const started = Date.now();
        const channel = options.channels[(n - 1) % options.channels.length];
        const data = { text: TEXTS[(n - 1) % TEXTS.length], n, ts: Date.now() };
        try {
            const result = await publish(options, channel, data);
            failuresInRow = 0;
            const where = result.offset !== undefined ? ` offset ${result.offset}` : '';
            console.log(`#${n} ${channel}${where}: ${JSON.stringify(data)}`);
        } catch (err) {
            failuresInRow += 1;
            console.error(`#${n} ${channel}: ${err.message || err}${err.cause ? ` (${err.cause.code || err.cause})` : ''}`);
            if (failuresInRow >= 10) {
                console.error('10 failures in a row; is the server running? (scripts/start-dev-server.sh)');
                process.exit(1);
            }
        }
        const wait = Math.max(0, intervalMs - (Date.now() - started));
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
}

main();
