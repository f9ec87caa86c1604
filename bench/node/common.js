'use strict';
// Helpers shared by the benchmark scripts: JSON-line events on stdout and CPU time of any process from /proc.

const fs = require('fs');
const http = require('http');
const { execFileSync } = require('child_process');

function emit(event, fields = {}) {
    process.stdout.write(JSON.stringify({ event, ...fields }) + '\n');
}

let clockTicks = 0;
// user+system CPU seconds of a process (all its threads), from /proc/<pid>/stat.
function cpuSeconds(pid) {
    if (!clockTicks) {
        clockTicks = Number.parseInt(execFileSync('getconf', ['CLK_TCK']).toString(), 10) || 100;
    }
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks;
}

// Resident set size in bytes, from /proc/<pid>/status.
function rssBytes(pid) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
}

// On-CPU nanoseconds of a process, summed over its threads' /proc/<pid>/task/<tid>/schedstat (the scheduler's own
// count: a flood of 200,000 messages costs a client 0.1 to 0.3 s, where 10 ms ticks would be a 3 to 10 % step),
// with the 10 ms figure and the threads it was read from, for cpuBetween().
function cpuSample(pid) {
    const sample = { ticks: cpuSeconds(pid), ns: 0, tids: [] };
    try {
        for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
            try {
                sample.ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
                sample.tids.push(tid);
            } catch (e) {
                // the thread exited while the list was read
            }
        }
    } catch (e) {
        sample.ns = NaN;
    }
    return sample;
}

// CPU seconds of one process between two cpuSample()s: the scheduler's nanoseconds when every thread of the first
// sample is still there (an exited thread's time leaves the per-thread counts), the 10 ms ticks otherwise.
function cpuBetween(a, b) {
    const still = new Set(b.tids);
    if (a.ns > 0 && b.ns >= a.ns && a.tids.every((t) => still.has(t))) {
        return { seconds: (b.ns - a.ns) / 1e9, clock: 'schedstat' };
    }
    return { seconds: b.ticks - a.ticks, clock: 'ticks' };
}

// Keep-alive connections for api(); a script destroys it when done, so that Node can exit.
const apiAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });

// POST /api/<method> of a Centrifugo server API at base with the key: the reply's JSON.
function api(base, key, method, body) {
    const payload = Buffer.from(JSON.stringify(body));
    const url = new URL(`/api/${method}`, base);
    return new Promise((resolve, reject) => {
        const req = http.request(
            {
                host: url.hostname,
                port: url.port,
                path: url.pathname,
                method: 'POST',
                agent: apiAgent,
                headers: { 'X-API-Key': key, 'Content-Type': 'application/json', 'Content-Length': payload.length },
            },
            (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => {
                    try {
                        resolve(JSON.parse(Buffer.concat(chunks).toString()));
                    } catch (e) {
                        reject(new Error(`HTTP ${res.statusCode} from /api/${method}`));
                    }
                });
            },
        );
        req.on('error', reject);
        req.end(payload);
    });
}

module.exports = { api, apiAgent, emit, cpuSeconds, cpuSample, cpuBetween, rssBytes };
