'use strict';
// Benchmark 1 driver. Two phases, each printing one {"event":"result",...} line:
//
//   node ingest.js ingest --api URL --key KEY --ws URL --channel C --count N --cli PATH --record FILE
//       [--protobuf separate|together|none]
//     Starts three subscribers on channel C at the same time: centrifugo-inspector-cli (recording every frame
//     to FILE), the official centrifuge-js SDK (sdk-subscriber.js) and a bare ws counter (bare-subscriber.js).
//     When all three are subscribed it floods C with N publications of ~100 bytes through the server HTTP API
//     `batch` method, waits until every client is done, and reports each client's publications received and
//     its own CPU time (user+sys of its process, /proc/<pid>/stat) spent while receiving.
//     Then (--protobuf separate, the default) a second flood of the same shape on C-protobuf for the Protobuf
//     pair: the inspector with --protocol protobuf and the SDK's Protobuf build (see ingest() below).
//
//   node ingest.js large --api URL --key KEY --ws URL --channel C --count N --size BYTES --cli PATH --record FILE
//       [--app PATH]
//     Large publications: the inspector CLI (recording) and the bare ws client on C, then N publications of about
//     BYTES each (default 100000) through `batch` commands of 10, one batch at a time (the server's own pace).
//     With --app, a second flood of the same shape on C-gui to the GUI (centrifugo-inspector --report-publications,
//     needs a display) and the bare client. Reports publications lost per client and CPU milliseconds per MB.
//
//   node ingest.js replay --cli PATH --record FILE --channel C
//     Replays the publication frames of FILE (the inspector's recording from the ingest phase) with
//     replay-sender.js to one client at a time, as fast as it takes them, and reports msgs/s per client.

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { spawn } = require('child_process');
const { api, apiAgent: agent, cpuBetween, cpuSample, cpuSeconds, emit } = require('./common');

function parseArgs(argv) {
    const out = { _: [] };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i].startsWith('--')) {
            out[argv[i].slice(2)] = argv[i + 1];
            i++;
        } else {
            out._.push(argv[i]);
        }
    }
    return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A child process whose stdout JSON lines can be awaited by event name.
function start(name, command, args) {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = { name, child, pid: child.pid, events: [], stdout: '', stderr: '', exited: false, waiters: [] };
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
        proc.stdout += line + '\n';
        let ev = null;
        try {
            ev = JSON.parse(line);
        } catch (e) {
            return;
        }
        ev.at = process.hrtime.bigint();
        proc.events.push(ev);
        proc.waiters = proc.waiters.filter((w) => !w(ev));
    });
    child.stderr.on('data', (d) => {
        proc.stderr += d.toString();
    });
    child.on('exit', (code, signal) => {
        proc.exited = true;
        proc.exitCode = code;
        proc.exitSignal = signal;
        proc.waiters = proc.waiters.filter((w) => !w({ event: '__exit' }));
    });
    return proc;
}

function waitEvent(proc, event, timeoutMs) {
    const found = proc.events.find((e) => e.event === event);
    if (found) {
        return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${proc.name}: no "${event}" within ${timeoutMs} ms`)), timeoutMs);
        proc.waiters.push((ev) => {
            if (ev.event === event) {
                clearTimeout(timer);
                resolve(ev);
                return true;
            }
            if (ev.event === '__exit') {
                clearTimeout(timer);
                reject(new Error(`${proc.name} exited (${proc.exitCode}) before "${event}": ${proc.stderr.slice(-2000)}`));
                return true;
            }
            return false;
        });
    });
}

function waitExit(proc, timeoutMs) {
    if (proc.exited) {
        return Promise.resolve(true);
    }
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        proc.child.on('exit', () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}


// Publication data of about `bytes` bytes (default 100): a sequence number and padding.
function publicationData(seq, bytes = 100) {
    const base = { seq, text: '' };
    const size = JSON.stringify(base).length;
    base.text = 'x'.repeat(Math.max(0, bytes - size));
    return base;
}

async function flood(args, channel, count) {
    const batchSize = Number(args.batch || 1000);
    const concurrency = Number(args.concurrency || 4);
    let nextSeq = 0;
    let errors = 0;
    const started = process.hrtime.bigint();
    const worker = async () => {
        while (nextSeq < count) {
            const first = nextSeq;
            const n = Math.min(batchSize, count - first);
            nextSeq += n;
            const commands = [];
            for (let i = 0; i < n; i++) {
                commands.push({ publish: { channel, data: publicationData(first + i, Number(args.size || 100)) } });
            }
            const reply = await api(args.api, args.key, 'batch', { commands });
            for (const r of reply.replies || []) {
                if (r.error) {
                    errors += 1;
                }
            }
            if (!reply.replies || reply.replies.length !== n) {
                errors += n - (reply.replies ? reply.replies.length : 0);
            }
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, errors, rate: count / seconds };
}

// The number of push_pub messages in a recording (frames may carry several).
function countRecordedPublications(file) {
    let pubs = 0;
    let lines = 0;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line) {
            continue;
        }
        lines += 1;
        const r = JSON.parse(line);
        for (const k of r.kinds || [r.kind]) {
            if (k === 'push_pub' && r.dir === 'in') {
                pubs += 1;
            }
        }
    }
    return { pubs, lines };
}

// Waits until a process has used no CPU for `quietMs` (it has drained its input).
async function waitIdle(pid, quietMs, timeoutMs, busyFraction = 0) {
    // Quiet: at most busyFraction of one core over the last quietMs (0: not one tick). The GUI answers
    // bench_guiprobe's ping every 5 ms, so it is never quiet to the tick while probed.
    const deadline = Date.now() + timeoutMs;
    const samples = [{ at: Date.now(), cpu: cpuSeconds(pid) }];
    while (Date.now() < deadline) {
        await sleep(100);
        const now = { at: Date.now(), cpu: cpuSeconds(pid) };
        samples.push(now);
        while (samples.length > 1 && now.at - samples[1].at >= quietMs) samples.shift();
        const first = samples[0];
        if (now.at - first.at >= quietMs && now.cpu - first.cpu <= (busyFraction * (now.at - first.at)) / 1000) {
            return { cpu: now.cpu, idleAt: first.at };
        }
    }
    return { cpu: samples[samples.length - 1].cpu, timedOut: true };
}

// One flood: starts the given subscribers on `channel`, waits until all are subscribed, publishes `count`
// publications and measures each client. specs: [{ name, inspector: bool, command, args, record? }].
async function floodRun(args, channel, count, specs) {
    const clients = specs.map((s) => Object.assign(start(s.name, s.command, s.args), { spec: s }));
    const inspectors = clients.filter((c) => c.spec.inspector);
    const counters = clients.filter((c) => !c.spec.inspector);
    try {
        await Promise.all(counters.map((c) => waitEvent(c, 'subscribed', 20000)));
        // The inspector prints nothing per subscription; the server's channel list tells when all are in.
        const deadline = Date.now() + 20000;
        for (;;) {
            const r = await api(args.api, args.key, 'channels', {});
            const info = r.result && r.result.channels && r.result.channels[channel];
            if (info && info.num_clients >= clients.length) {
                break;
            }
            const gone = inspectors.find((c) => c.exited);
            if (Date.now() > deadline || gone) {
                throw new Error(`inspector did not subscribe: ${(gone || inspectors[0]).stderr.slice(-2000)}`);
            }
            await sleep(50);
        }
        const cpu0 = Object.fromEntries(clients.map((c) => [c.name, cpuSample(c.pid)]));
        const publish = await flood(args, channel, count);

        // SDK and bare clients report themselves; their CPU is read the moment they say they are done.
        const cpu1 = {};
        const results = {};
        const waitDone = async (c) => {
            try {
                const ev = await waitEvent(c, 'done', 120000);
                cpu1[c.name] = cpuSample(c.pid);
                results[c.name] = { received: ev.count, doneAt: ev.at };
            } catch (e) {
                cpu1[c.name] = cpuSample(c.pid);
                results[c.name] = { received: null, error: e.message };
            }
        };
        await Promise.all(counters.map(waitDone));
        // An inspector is done when it stops using CPU (it records everything; its summary gives the count).
        const idle = {};
        for (const c of inspectors) {
            idle[c.name] = await waitIdle(c.pid, 700, 120000);
            cpu1[c.name] = cpuSample(c.pid);
        }

        for (const c of clients) {
            c.child.kill('SIGTERM');
        }
        await Promise.all(clients.map((c) => waitExit(c, 15000)));
        for (const c of counters) {
            if (results[c.name].received === null) {
                const fin = c.events.find((e) => e.event === 'final');
                results[c.name].received = fin ? fin.count : 0;
            }
        }
        for (const c of inspectors) {
            if (c.spec.gui) {
                // The GUI has no record or summary: its last --report-publications line is its count.
                const report = c.events.filter((e) => e.event === 'publications').pop();
                results[c.name] = {
                    received: report ? report.count : 0,
                    exit_code: c.exitCode,
                    idle_timed_out: !!idle[c.name].timedOut,
                };
                continue;
            }
            const summaryPubs = /push_pub\s+(\d+)/.exec(c.stdout);
            const recorded = countRecordedPublications(c.spec.record);
            results[c.name] = {
                received: summaryPubs ? Number(summaryPubs[1]) : 0,
                recorded_publications: recorded.pubs,
                record_lines: recorded.lines,
                record_bytes: fs.statSync(c.spec.record).size,
                exit_code: c.exitCode,
                idle_timed_out: !!idle[c.name].timedOut,
            };
        }
        const out = { publish, clients: {} };
        for (const c of clients) {
            const { seconds: cpu, clock } = cpuBetween(cpu0[c.name], cpu1[c.name]);
            const r = results[c.name];
            out.clients[c.name] = {
                ...r,
                doneAt: undefined,
                lost: count - r.received,
                cpu_seconds: cpu,
                cpu_clock: clock,
                cpu_us_per_msg: r.received ? (cpu * 1e6) / r.received : null,
            };
        }
        return out;
    } finally {
        for (const c of clients) {
            if (!c.exited) {
                c.child.kill('SIGKILL');
            }
        }
    }
}

// --protobuf separate (default): the JSON trio first, then a second flood of the same shape on its own channel
// with the inspector in --protocol protobuf, the SDK's Protobuf build and the bare JSON client again (so that the
// server fans out to three subscribers as in the first flood; its figures go to protobuf_run.bare only).
// --protobuf together: all five in one flood (on 2 cores this distorts every figure; kept for comparison).
// --protobuf none: the JSON trio only, as before.
async function ingest(args) {
    const channel = args.channel;
    const count = Number(args.count);
    const mode = args.protobuf || 'separate';
    if (!['separate', 'together', 'none'].includes(mode)) {
        throw new Error(`--protobuf: separate, together or none, not "${mode}"`);
    }
    const here = __dirname;
    const pbRecord = args.record.replace(/\.jsonl$/, '') + '-protobuf.jsonl';
    const inspectorSpec = (name, ch, record, extra) => ({
        name,
        inspector: true,
        record,
        command: args.cli,
        args: ['--url', args.ws, '--subscribe', ch, '--record', record, '--log-level', 'warning', '--summary', ...extra],
    });
    const nodeSpec = (name, script, ch, extra) => ({
        name,
        command: process.execPath,
        args: [path.join(here, script), args.ws, ch, String(count), ...extra],
    });
    const jsonSpecs = (ch) => [
        inspectorSpec('inspector', ch, args.record, []),
        nodeSpec('sdk', 'sdk-subscriber.js', ch, []),
        nodeSpec('bare', 'bare-subscriber.js', ch, []),
    ];
    const pbSpecs = (ch) => [
        inspectorSpec('inspector_protobuf', ch, pbRecord, ['--protocol', 'protobuf']),
        nodeSpec('sdk_protobuf', 'sdk-subscriber.js', ch, ['--protobuf']),
    ];
    try {
        let out;
        if (mode === 'together') {
            out = await floodRun(args, channel, count, [...jsonSpecs(channel), ...pbSpecs(channel)]);
        } else {
            out = await floodRun(args, channel, count, jsonSpecs(channel));
        }
        const result = { publish: out.publish, count, protobuf_mode: mode, clients: out.clients };
        if (mode === 'separate') {
            const pbChannel = `${channel}-protobuf`;
            const pb = await floodRun(args, pbChannel, count, [...pbSpecs(pbChannel), nodeSpec('bare', 'bare-subscriber.js', pbChannel, [])]);
            result.clients.inspector_protobuf = pb.clients.inspector_protobuf;
            result.clients.sdk_protobuf = pb.clients.sdk_protobuf;
            result.protobuf_run = { publish: pb.publish, channel: pbChannel, bare: pb.clients.bare };
        }
        const per = (n) => result.clients[n].cpu_us_per_msg;
        result.sdk_over_inspector_cpu = per('sdk') / per('inspector');
        result.bare_over_inspector_cpu = per('bare') / per('inspector');
        if (mode !== 'none') {
            result.protobuf_sdk_over_inspector_cpu = per('sdk_protobuf') / per('inspector_protobuf');
            // The bare JSON client of the same flood: what a client that decodes and records nothing costs.
            const bare = result.protobuf_run ? result.protobuf_run.bare : result.clients.bare;
            result.protobuf_bare_over_inspector_cpu = bare.cpu_us_per_msg / per('inspector_protobuf');
        }
        emit('result', { phase: 'ingest', ...result });
    } finally {
        fs.rmSync(pbRecord, { force: true });
        agent.destroy();
    }
}

// Large publications at the server's pace: batches of 10, one at a time. The CLI and the bare client first; then,
// with --app, the GUI and the bare client in a flood of their own on C-gui (each inspector beside the same
// reference, as in the ingest's Protobuf pair).
async function large(args) {
    const count = Number(args.count);
    const size = Number(args.size || 100000);
    const bare = (channel) => ({
        name: 'bare',
        command: process.execPath,
        args: [path.join(__dirname, 'bare-subscriber.js'), args.ws, channel, String(count)],
    });
    const run = async (channel, inspector) => {
        const out = await floodRun({ ...args, size, batch: 10, concurrency: 1 }, channel, count, [inspector, bare(channel)]);
        const mb = (count * size) / 1e6;
        for (const c of Object.values(out.clients)) {
            c.cpu_ms_per_mb = (c.cpu_seconds * 1000) / mb;
        }
        return out;
    };
    const settings = path.join(require('os').tmpdir(), `bench-large-gui-${process.pid}.ini`);
    try {
        const cli = await run(args.channel, {
            name: 'inspector',
            inspector: true,
            record: args.record,
            command: args.cli,
            args: ['--url', args.ws, '--subscribe', args.channel, '--record', args.record, '--log-level', 'warning', '--summary'],
        });
        const result = {
            phase: 'large',
            count,
            size,
            publish: cli.publish,
            clients: cli.clients,
            inspector_over_bare_cpu: cli.clients.inspector.cpu_ms_per_mb / cli.clients.bare.cpu_ms_per_mb,
        };
        if (args.app) {
            const channel = `${args.channel}-gui`;
            const gui = await run(channel, {
                name: 'gui',
                inspector: true,
                gui: true,
                command: args.app,
                args: ['--url', args.ws, '--connect', '--subscribe', channel, '--settings', settings, '--log-level', 'warning',
                       '--report-publications'],
            });
            result.clients.gui = gui.clients.gui;
            result.gui_run = { publish: gui.publish, bare: gui.clients.bare };
            result.gui_over_bare_cpu = gui.clients.gui.cpu_ms_per_mb / gui.clients.bare.cpu_ms_per_mb;
        }
        emit('result', result);
    } finally {
        agent.destroy();
        fs.rmSync(settings, { force: true });
    }
}

async function replayOne(args, name, makeClient) {
    const sender = start('replay-sender', process.execPath, [path.join(__dirname, 'replay-sender.js'), args.record]);
    const listening = await waitEvent(sender, 'listening', 60000);
    const url = `ws://127.0.0.1:${listening.port}/connection/websocket`;
    const client = makeClient(url, listening);
    // CPU from the first replayed frame on: start-up and subscribing are not what is measured.
    await waitEvent(sender, 'streaming', 60000);
    const cpuStart = cpuSample(client.pid);
    let cpuEnd = cpuStart;
    const poll = setInterval(() => {
        try {
            cpuEnd = cpuSample(client.pid);
        } catch (e) {
            // exited
        }
    }, 50);
    try {
        const replayed = await waitEvent(sender, 'replayed', 300000);
        try {
            cpuEnd = cpuSample(client.pid);
        } catch (e) {
            // exited already: the last poll is close enough
        }
        return {
            name,
            msgs_per_s: replayed.msgs_per_s,
            seconds: replayed.seconds,
            messages: replayed.messages,
            frames: replayed.frames,
            complete: replayed.frames_sent === replayed.frames,
            cpu_us_per_msg: (cpuBetween(cpuStart, cpuEnd).seconds * 1e6) / replayed.messages,
        };
    } finally {
        clearInterval(poll);
        if (!client.exited) {
            client.child.kill('SIGTERM');
            await waitExit(client, 10000);
        }
        if (!sender.exited) {
            sender.child.kill('SIGKILL');
        }
    }
}

async function replay(args) {
    const channel = args.channel;
    const here = __dirname;
    const replayRecord = args.record.replace(/\.jsonl$/, '') + '-replayed.jsonl';
    const results = {};
    // One client at a time; the inspector stops after the connect and subscribe replies plus every frame.
    results.inspector = await replayOne(args, 'inspector', (url, info) =>
        start('inspector', args.cli, [
            '--url', url, '--subscribe', channel, '--record', replayRecord, '--log-level', 'warning',
            '--frames', String(info.frames + 2),
        ]),
    );
    results.sdk = await replayOne(args, 'sdk', (url, info) =>
        start('sdk', process.execPath, [path.join(here, 'sdk-subscriber.js'), url, channel, String(info.messages), '--exit-when-done']),
    );
    results.bare = await replayOne(args, 'bare', (url, info) =>
        start('bare', process.execPath, [path.join(here, 'bare-subscriber.js'), url, channel, String(info.messages), '--exit-when-done']),
    );
    const recorded = countRecordedPublications(replayRecord);
    results.inspector.recorded_publications = recorded.pubs;
    fs.unlinkSync(replayRecord);
    emit('result', {
        phase: 'replay',
        clients: results,
        inspector_over_bare_rate: results.inspector.msgs_per_s / results.bare.msgs_per_s,
        inspector_over_sdk_rate: results.inspector.msgs_per_s / results.sdk.msgs_per_s,
    });
}

// Benchmark 5: the GUI under the same flood, its event-loop stalls measured from outside by bench_guiprobe.
async function gui(args) {
    const channel = args.channel;
    const count = Number(args.count);
    const settings = path.join(require('os').tmpdir(), `bench-gui-${process.pid}.ini`);
    const probe = start('probe', args.probe, [
        'stall', '--', args.app, '--url', args.ws, '--connect', '--subscribe', channel, '--settings', settings,
        '--log-level', 'warning',
    ]);
    try {
        const mapped = await waitEvent(probe, 'mapped', 30000);
        const deadline = Date.now() + 30000;
        for (;;) {
            const r = await api(args.api, args.key, 'channels', {});
            const info = r.result && r.result.channels && r.result.channels[channel];
            if (info && info.num_clients >= 1) {
                break;
            }
            if (Date.now() > deadline || probe.exited) {
                throw new Error(`the GUI did not subscribe: ${probe.stderr.slice(-2000)}`);
            }
            await sleep(50);
        }
        await sleep(500); // let the start-up settle: only the flood is measured
        const cpu0 = cpuSample(mapped.pid);
        probe.child.kill('SIGUSR1');
        const publish = await flood(args, channel, count);
        const idle = await waitIdle(mapped.pid, 1000, 180000, 0.05);
        const cpu = cpuBetween(cpu0, cpuSample(mapped.pid)).seconds;
        probe.child.kill('SIGUSR2');
        const stats = await waitEvent(probe, 'stats', 30000);
        emit('result', {
            phase: 'gui',
            count,
            publish,
            stalls: { ...stats, event: undefined, at: undefined },
            gui_cpu_seconds: cpu,
            gui_cpu_us_per_msg: (cpu * 1e6) / count,
            idle_timed_out: !!idle.timedOut,
        });
    } finally {
        probe.child.kill('SIGTERM');
        await waitExit(probe, 15000);
        if (!probe.exited) {
            probe.child.kill('SIGKILL');
        }
        agent.destroy();
        fs.rmSync(settings, { force: true });
    }
}

const args = parseArgs(process.argv.slice(2));
const phases = { ingest, large, replay, gui };
const phase = phases[args._[0]];
(phase ? phase(args) : Promise.reject(new Error('phase: ingest, large, replay or gui'))).catch((e) => {
    emit('error', { message: e.message });
    process.exitCode = 1;
});
