'use strict';
// node lint-differential.js --url WS_URL --cli PATH [--cases N] [--seed S] [--concurrency C] [--min PERCENT]
//                           [--report FILE] [--only CLASS]
//
// The linter's differential test. Generates N seeded cases (lint-cases.js), sends each on a fresh WebSocket
// connection (the plain `ws` client, not the inspector's Session) to a running Centrifugo configured with
// tests/config/centrifugo-lint-differential.json, observes what the server does with the frame, asks
// `centrifugo-inspector-cli --lint -` what it predicts, and compares.
//
// Observed outcome of a frame: the first thing the server does that is not a success, in the order it happens:
// an error reply ("error" with its code) or the end of the connection ("close" with the close code; 1006 when it
// drops without a close frame); "accepted" when neither happens. The linter predicts a frame by the same rule. A "conditional" prediction is resolved with the settings of the
// test server (SERVER_SETTINGS below).
//
// Prints one JSON line: {"event":"result","cases":N,"agreed":A,"agreement":P,"by_class":{...},
// "disagreements":[first 40]}; exits 0 when the agreement is at least --min (default 0), else 3.

const WebSocket = require('ws');
const { spawnSync } = require('child_process');
const fs = require('fs');
const { generate } = require('./lint-cases');

// What the test server's configuration grants, in the vocabulary of the linter's conditions (docs/cli.md).
const SERVER_SETTINGS = new Set([
    'namespace:chat', 'namespace:locked', 'anonymous-connect', 'presence-enabled:', 'presence-enabled:chat',
    'presence-enabled:locked',
    'subscribe:', 'subscribe:chat', 'publish:', 'publish:chat', 'presence:', 'presence:chat',
    'history:', 'history:chat', 'history-enabled:', 'history-enabled:chat', 'history-enabled:locked',
]);

function parseArgs(argv) {
    const args = { cases: 3000, seed: 1, concurrency: 50, min: 0 };
    for (let i = 0; i < argv.length; i += 2) {
        const key = argv[i].replace(/^--/, '');
        args[key] = ['url', 'cli', 'report', 'only'].includes(key) ? argv[i + 1] : Number(argv[i + 1]);
    }
    if (!args.url || !args.cli) {
        process.stderr.write('usage: lint-differential.js --url WS_URL --cli PATH [--cases N] [--seed S]\n');
        process.exit(2);
    }
    return args;
}

// Quiet time after the last thing seen before a frame counts as accepted, and how long to wait for the drop
// that follows a failed connect (the server stops reading and lets the socket go after about 5 s).
const QUIET_MS = 1200;
const FAILED_CONNECT_WAIT_MS = 9000;
const SETUP_TIMEOUT_MS = 8000;

function runCase(url, c) {
    return new Promise((resolve) => {
        const ws = new WebSocket(url, { maxPayload: 0 });
        let phase = 'setup';
        let step = 0;
        let firstError = null;
        let timer = null;
        const finish = (observed) => {
            if (timer)
                clearTimeout(timer);
            timer = null;
            if (phase === 'done')
                return;
            phase = 'done';
            try {
                ws.terminate();
            } catch (e) {
                // already gone
            }
            resolve(observed);
        };
        const arm = (ms, what) => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(what, ms);
        };
        const sendFrame = () => {
            phase = 'frame';
            ws.send(c.frame, { binary: false });
            arm(c.situation === 'failed' ? FAILED_CONNECT_WAIT_MS : QUIET_MS,
                () => finish(firstError ? { outcome: 'error', code: firstError } : { outcome: 'accepted' }));
        };
        const nextSetup = () => {
            if (step >= c.setup.length) {
                sendFrame();
                return;
            }
            ws.send(c.setup[step++]);
            arm(SETUP_TIMEOUT_MS, () => finish({ outcome: 'setup-failed', detail: 'no reply to setup' }));
        };
        ws.on('open', nextSetup);
        ws.on('message', (message) => {
            for (const line of message.toString().split('\n')) {
                if (line === '')
                    continue;
                let reply;
                try {
                    reply = JSON.parse(line);
                } catch (e) {
                    continue;
                }
                if (Object.keys(reply).length === 0) {
                    if (phase !== 'done')
                        ws.send('{}'); // answer pings so they never decide a case
                    continue;
                }
                if (phase === 'setup') {
                    if (reply.id === undefined)
                        continue;
                    const wantError = c.situation === 'failed';
                    if (wantError !== Boolean(reply.error)) {
                        finish({ outcome: 'setup-failed', detail: line.slice(0, 200) });
                        return;
                    }
                    nextSetup();
                } else if (phase === 'frame') {
                    if (reply.id !== undefined && reply.error && firstError === null)
                        firstError = reply.error.code;
                    if (c.situation !== 'failed')
                        arm(QUIET_MS, () => finish(firstError ? { outcome: 'error', code: firstError } : { outcome: 'accepted' }));
                }
            }
        });
        ws.on('close', (code) => {
            if (phase === 'setup')
                finish({ outcome: 'setup-failed', detail: `closed ${code} during setup` });
            else if (firstError !== null)
                finish({ outcome: 'error', code: firstError }); // the error reply came first
            else
                finish({ outcome: 'close', code });
        });
        ws.on('error', () => {
            // 'close' follows with 1006.
        });
    });
}

async function runAll(url, cases, concurrency) {
    const observed = new Array(cases.length);
    let next = 0;
    const worker = async () => {
        while (next < cases.length) {
            const i = next++;
            observed[i] = await runCase(url, cases[i]);
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return observed;
}

function predict(cli, cases) {
    const input = cases.map((c) => JSON.stringify({ frame: c.frame, state: c.state })).join('\n') + '\n';
    const out = spawnSync(cli, ['--lint', '-'], { input, maxBuffer: 1 << 30, env: { ...process.env, LANG: 'C' } });
    if (out.status !== 0)
        throw new Error(`--lint exited ${out.status}: ${out.stderr}`);
    const lines = out.stdout.toString().split('\n').filter((l) => l !== '');
    if (lines.length !== cases.length)
        throw new Error(`--lint printed ${lines.length} lines for ${cases.length} cases`);
    return lines.map((l) => JSON.parse(l));
}

// A conditional prediction lists "unless SETTING: outcome" steps; the first setting the server lacks decides.
function resolve(prediction) {
    let p = prediction;
    while (p && p.outcome === 'conditional') {
        const step = (p.cases || []).find((s) => !SERVER_SETTINGS.has(s.unless));
        p = step ? step : p.otherwise;
    }
    return p;
}

function same(a, b) {
    if (!a || !b || a.outcome !== b.outcome)
        return false;
    return a.outcome === 'accepted' || a.code === b.code;
}

function describe(o) {
    return o.outcome === 'accepted' || o.outcome === 'setup-failed' ? o.outcome : `${o.outcome} ${o.code}`;
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    let cases = generate(args.cases, args.seed);
    if (args.only)
        cases = cases.filter((c) => c.cls === args.only);
    const predictions = predict(args.cli, cases);
    const observed = await runAll(args.url, cases, args.concurrency);
    const byClass = {};
    const disagreements = [];
    let agreed = 0;
    cases.forEach((c, i) => {
        const predicted = resolve(predictions[i]);
        const ok = same(predicted, observed[i]);
        const k = byClass[c.cls] || (byClass[c.cls] = { cases: 0, agreed: 0 });
        k.cases++;
        if (ok) {
            agreed++;
            k.agreed++;
        } else {
            disagreements.push({ n: c.n, cls: c.cls, situation: c.situation, frame: c.frame.length > 300
                ? c.frame.slice(0, 300) + `... (${c.frame.length} chars)` : c.frame,
                predicted: describe(predicted || { outcome: 'none' }), observed: describe(observed[i]),
                findings: predictions[i].findings.map((f) => f.code) });
        }
    });
    const disagreementsByClass = {};
    for (const d of disagreements) {
        const key = `${d.cls}: predicted ${d.predicted}, observed ${d.observed}`;
        disagreementsByClass[key] = (disagreementsByClass[key] || 0) + 1;
    }
    const result = { event: 'result', cases: cases.length, agreed, agreement: cases.length ? 100 * agreed / cases.length : 0,
        seed: args.seed, by_class: byClass, disagreements_by_class: disagreementsByClass,
        disagreements: disagreements.slice(0, 40) };
    if (args.report)
        fs.writeFileSync(args.report, JSON.stringify({ ...result, disagreements }, null, 2));
    process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(result.agreement >= args.min ? 0 : 3));
}

if (require.main === module) {
    main().catch((e) => {
        process.stdout.write(JSON.stringify({ event: 'error', message: String(e && e.stack || e) }) + '\n',
            () => process.exit(1));
    });
}

module.exports = { runCase };
