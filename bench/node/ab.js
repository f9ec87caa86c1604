'use strict';
// node ab.js API_URL API_KEY WS_URL COUNT ROUNDS CLIENT...
// Several Protobuf clients subscribed to ONE flood, round after round, so that each sees the same frames: the way to
// compare two builds of the CLI (A/B), or the CLI with the official SDK and with the floor (bench_barews), on a
// shared machine where floods one after another vary more than the difference looked for. A CLIENT is the path of
// a centrifugo-inspector-cli (run with --record, as the ingest benchmark runs it), of bench_barews, or `sdk`
// (centrifuge-js, Protobuf build). Each round uses a new channel and starts the clients in alternating order.
// Prints, per round and client, CPU µs per publication (schedstat of every thread) with the share of each thread,
// then the mean and median per client, and SDK ÷ client when `sdk` is one of them.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { api, apiAgent } = require('./common');

const [apiUrl, key, ws, countArg, roundsArg, ...clients] = process.argv.slice(2);
const count = Number(countArg);
const rounds = Number(roundsArg);
if (!apiUrl || !count || !rounds || clients.length === 0) {
    console.error('usage: node ab.js API_URL API_KEY WS_URL COUNT ROUNDS CLIENT...');
    process.exit(2);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const call = (method, body) => api(apiUrl, key, method, body);

// The ingest benchmark's publication: about 100 bytes of JSON.
function data(seq) {
    const body = { seq, text: '' };
    body.text = 'x'.repeat(Math.max(0, 100 - JSON.stringify(body).length));
    return body;
}

async function flood(channel) {
    let next = 0;
    const worker = async () => {
        while (next < count) {
            const first = next;
            const n = Math.min(1000, count - first);
            next += n;
            const commands = [];
            for (let i = 0; i < n; i++) commands.push({ publish: { channel, data: data(first + i) } });
            await call('batch', { commands });
        }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
}

// CPU ns of every thread of pid, by thread name (threads of one name added up).
function threadNs(pid) {
    const out = {};
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        try {
            const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
            const ns = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
            out[tid] = { name, ns };
        } catch (e) {
            // the thread ended while the list was read
        }
    }
    return out;
}

function totalNs(sample) {
    return Object.values(sample).reduce((sum, t) => sum + t.ns, 0);
}

// Until the client has used less than 1 ms of CPU in each 100 ms for 0.7 s: done with the flood (timers of an idle
// client still run now and then).
async function waitIdle(pid) {
    let last = totalNs(threadNs(pid));
    let since = Date.now();
    for (;;) {
        await sleep(100);
        const now = totalNs(threadNs(pid));
        if (now - last > 1e6) since = Date.now();
        else if (Date.now() - since > 700) return;
        last = now;
    }
}

function launch(client, channel, index) {
    const name = client === 'sdk' ? 'sdk' : `${path.basename(client)}#${index}`;
    let command = client;
    let args = ['--url', ws, '--protocol', 'protobuf', '--subscribe', channel, '--summary'];
    if (client === 'sdk') {
        command = process.execPath;
        args = [path.join(__dirname, 'sdk-subscriber.js'), ws, channel, String(count), '--protobuf'];
    }
    const record = path.join(os.tmpdir(), `inspector-ab-${process.pid}-${index}.jsonl`);
    if (client !== 'sdk' && !path.basename(client).startsWith('bench_barews')) {
        args.push('--log-level', 'warning', '--record', record);
    }
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.record = record;
    proc.output = '';
    proc.stdout.on('data', (d) => (proc.output += d));
    proc.name = name;
    return proc;
}

// Publications the client says it received: the CLI's summary and bench_barews print "push_pub N", the SDK
// subscriber a {"event":"final","count":N} line.
function received(proc) {
    const summary = /push_pub\s+(\d+)/.exec(proc.output);
    if (summary) return Number(summary[1]);
    const final = /"count":(\d+)/.exec(proc.output);
    return final ? Number(final[1]) : 0;
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
};

(async () => {
    const results = clients.map(() => []);
    for (let round = 0; round < rounds; round++) {
        const channel = `ab-${Date.now()}-${round}`;
        const order = round % 2 ? [...clients.keys()].reverse() : [...clients.keys()];
        const procs = [];
        for (const i of order) procs[i] = launch(clients[i], channel, i);
        for (;;) {
            const reply = await call('channels', {});
            const info = reply.result.channels[channel];
            if (info && info.num_clients >= clients.length) break;
            await sleep(50);
        }
        const before = procs.map((p) => threadNs(p.pid));
        await flood(channel);
        const after = [];
        for (const i of clients.keys()) {
            await waitIdle(procs[i].pid);
            after[i] = threadNs(procs[i].pid);
        }
        const line = [];
        for (const i of clients.keys()) {
            procs[i].kill('SIGTERM');
            await new Promise((resolve) => procs[i].on('exit', resolve));
            fs.rmSync(procs[i].record, { force: true });
            const got = received(procs[i]);
            const perThread = {};
            for (const [tid, t] of Object.entries(after[i])) {
                const ns = t.ns - ((before[i][tid] || {}).ns || 0);
                perThread[t.name] = (perThread[t.name] || 0) + ns;
            }
            const us = (totalNs(after[i]) - totalNs(before[i])) / 1e3 / got;
            results[i].push(us);
            const threads = Object.entries(perThread)
                .filter(([, ns]) => ns / 1e3 / got >= 0.01)
                .map(([n, ns]) => `${n} ${(ns / 1e3 / got).toFixed(3)}`)
                .join(', ');
            line.push(`${procs[i].name} ${us.toFixed(3)}${got !== count ? ` (received ${got})` : ''} [${threads}]`);
        }
        console.log(`round ${round}: ${line.join(' | ')}`);
    }
    const sdk = clients.indexOf('sdk');
    for (const i of clients.keys()) {
        const mean = results[i].reduce((a, b) => a + b, 0) / rounds;
        const ratio = sdk >= 0 && sdk !== i ? `, SDK ÷ it ${(median(results[sdk]) / median(results[i])).toFixed(2)} (medians)` : '';
        const name = clients[i] === 'sdk' ? 'sdk' : `${path.basename(clients[i])}#${i}`;
        console.log(`${name}: mean ${mean.toFixed(3)}, median ${median(results[i]).toFixed(3)} µs/publication${ratio}`);
    }
    apiAgent.destroy();
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
