'use strict';
// Helpers shared by the benchmark scripts: JSON-line events on stdout and CPU time of any process from /proc.

const fs = require('fs');
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

module.exports = { emit, cpuSeconds, rssBytes };
