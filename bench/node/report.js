'use strict';
// node report.js RESULTS.json
// Prints the benchmark table of one run (written by bench/run.sh): every measurement, its goal and a verdict.

const fs = require('fs');

const r = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const rows = [];
const allRuns = (x, digits) => (x && x.runs > 1 ? ` [runs: ${x.all.map((v) => Number(v).toFixed(digits)).join(', ')}]` : '');
const fmt = (v, digits = 1) => (v === undefined || v === null || Number.isNaN(v) ? '-' : Number(v).toFixed(digits));

// verdict: true = met, false = not met, null = no goal / not measured, or a text of its own
function row(bench, what, value, goal, verdict) {
    const text = typeof verdict === 'string' ? verdict : verdict === null || verdict === undefined ? '' : verdict ? 'met' : 'NOT MET';
    rows.push([bench, what, value, goal || '', text]);
}

function missing(bench, what, name) {
    const reason = (r.skipped && r.skipped[name]) || 'not run';
    row(bench, what, `not done: ${reason}`, '', null);
}

const d = r.decode;
if (d) {
    row('4 decode', `JsonCodec split + classify, ns/frame (avg ${fmt(d.avg_frame_bytes, 0)} B)`, fmt(d.jsoncodec_ns_per_frame, 0), '<= 1000',
        d.jsoncodec_ns_per_frame <= 1000);
    row('4 decode', 'full QJsonDocument parse, ns/frame (reference)', fmt(d.full_parse_ns_per_frame, 0), '', null);
    row('4 decode', 'split, classify and open every message, ns/frame', fmt(d.opened_ns_per_frame, 0), '', null);
} else {
    missing('4 decode', 'split + classify', 'decode');
}

const lg = r.large;
if (lg) {
    const kb = fmt(lg.size / 1000, 0);
    row('1b large', `publish ${lg.count} x ${kb} KB via HTTP batch of 10 at the server's pace, pubs/s`, fmt(lg.publish.rate, 1), '', null);
    for (const name of ['inspector', 'bare']) {
        const c = lg.clients[name];
        row('1b large', `${name}: received / lost`, `${c.received} / ${c.lost}`, 'lost 0', c.lost === 0);
        row('1b large', `${name}: CPU ms/MB`, fmt(c.cpu_ms_per_mb, 2), '', null);
    }
    row('1b large', 'inspector CPU/MB / bare CPU/MB', fmt(lg.inspector_over_bare_cpu, 2), '', null);
    // The GUI's own flood of the same shape, beside the bare client again (ingest.js large --app).
    if (lg.clients.gui) {
        const g = lg.clients.gui;
        const b = lg.gui_run.bare;
        row('1b large', `GUI (own flood): publish ${lg.count} x ${kb} KB, pubs/s`, fmt(lg.gui_run.publish.rate, 1), '', null);
        row('1b large', 'GUI: received / lost', `${g.received} / ${g.lost}`, 'lost 0', g.lost === 0);
        row('1b large', 'GUI: CPU ms/MB', fmt(g.cpu_ms_per_mb, 2), '', null);
        row('1b large', 'bare (GUI flood): received / lost', `${b.received} / ${b.lost}`, 'lost 0', b.lost === 0);
        row('1b large', 'bare (GUI flood): CPU ms/MB', fmt(b.cpu_ms_per_mb, 2), '', null);
        row('1b large', 'GUI CPU/MB / bare CPU/MB', fmt(lg.gui_over_bare_cpu, 2), '', null);
    }
} else {
    missing('1b large', '100 KB publications', 'large');
}

const i = r.ingest;
if (i) {
    row('1 ingest', `publish ${i.count} via HTTP batch, pubs/s`, fmt(i.publish.rate, 0), '', null);
    for (const name of ['inspector', 'sdk', 'bare']) {
        const c = i.clients[name];
        row('1 ingest', `${name}: received / lost`, `${c.received} / ${c.lost}`, 'lost 0', c.lost === 0);
        row('1 ingest', `${name}: CPU us/msg`, fmt(c.cpu_us_per_msg, 2), '', null);
    }
    row('1 ingest', 'SDK CPU/msg / inspector CPU/msg', fmt(i.sdk_over_inspector_cpu, 2) + allRuns(i, 2), '>= 1.5 (at least 1.0)',
        i.sdk_over_inspector_cpu >= 1.5 ? true : i.sdk_over_inspector_cpu >= 1.0 ? 'NOT MET (minimum 1.0 met)' : false);
    row('1 ingest', 'bare CPU/msg / inspector CPU/msg', fmt(i.bare_over_inspector_cpu, 2), '', null);
    // Protobuf pair (bench/run.sh BENCH_PROTOBUF: a second flood of the same shape by default, or in the same one).
    if (i.clients.inspector_protobuf && i.clients.sdk_protobuf) {
        const where = i.protobuf_mode === 'together' ? 'same flood' : 'own flood';
        if (i.protobuf_run) {
            row('1 ingest', `Protobuf (${where}): publish ${i.count} via HTTP batch, pubs/s`, fmt(i.protobuf_run.publish.rate, 0), '', null);
        }
        for (const [name, label] of [['inspector_protobuf', 'inspector protobuf'], ['sdk_protobuf', 'sdk protobuf']]) {
            const c = i.clients[name];
            row('1 ingest', `${label}: received / lost`, `${c.received} / ${c.lost}`, 'lost 0', c.lost === 0);
            row('1 ingest', `${label}: CPU us/msg`, fmt(c.cpu_us_per_msg, 2), '', null);
        }
        const pbRuns = i.runs > 1 && i.all_protobuf ? ` [runs: ${i.all_protobuf.map((v) => fmt(v, 2)).join(', ')}]` : '';
        row('1 ingest', 'Protobuf: SDK CPU/msg / inspector CPU/msg', fmt(i.protobuf_sdk_over_inspector_cpu, 2) + pbRuns, '>= 3',
            i.protobuf_sdk_over_inspector_cpu >= 3);
        if (i.protobuf_bare_over_inspector_cpu !== undefined) {
            row('1 ingest', 'Protobuf: bare (JSON) CPU/msg / inspector CPU/msg', fmt(i.protobuf_bare_over_inspector_cpu, 2), '', null);
        }
    } else if (i.protobuf_mode !== 'none') {
        row('1 ingest', 'Protobuf: SDK CPU/msg / inspector CPU/msg', 'not done: no Protobuf clients in the result', '', null);
    }
} else {
    missing('1 ingest', 'flood of publications', 'ingest');
}
const p = r.replay;
if (p) {
    for (const name of ['inspector', 'sdk', 'bare']) {
        const c = p.clients[name];
        row('1 replay', `${name}: msgs/s (CPU us/msg)`, `${fmt(c.msgs_per_s, 0)} (${fmt(c.cpu_us_per_msg, 2)})`, '', null);
    }
    row('1 replay', 'inspector rate / bare rate', fmt(p.inspector_over_bare_rate, 2) + allRuns(p, 2), '>= 0.8', p.inspector_over_bare_rate >= 0.8);
} else {
    missing('1 replay', 'replay sender', 'replay');
}

const s = r.store;
if (s) {
    row('2 memory', `RSS after ${s.frames} frames of ~${fmt(s.avg_frame_bytes, 0)} B, MB`, fmt(s.rss_after_mb), '<= 250',
        s.rss_after_mb <= 250);
    row('3 filter', `kind (${s.filter_kind_rows} rows), ms`, fmt(s.filter_kind_ms), '<= 20', s.filter_kind_ms <= 20);
    row('3 filter', `channel (${s.filter_channel_rows} rows), ms`, fmt(s.filter_channel_ms), '<= 20', s.filter_channel_ms <= 20);
    row('3 filter', `text (${s.filter_text_rows} rows), ms`, fmt(s.filter_text_ms), '<= 100', s.filter_text_ms <= 100);
    row('3 filter', 'QSortFilterProxyModel fixed string (channel column), ms', fmt(s.qsfpm_fixed_string_ms), 'reference ~190', null);
} else {
    missing('2 memory', 'RSS after 1M frames', 'store');
    missing('3 filter', 'filters over 1M frames', 'store');
}

const g = r.gui;
if (g) {
    const allMax = g.runs > 1 && g.all_max_ms ? ` [runs: ${g.all_max_ms.map((v) => Number(v).toFixed(1)).join(', ')}]` : '';
    row('5 GUI', `longest event-loop stall under ${g.count} pubs, ms`, fmt(g.stalls.max_ms) + allMax, '< 50', g.stalls.max_ms < 50);
    row('5 GUI', `p99 stall (${g.stalls.samples} probes), ms`, fmt(g.stalls.p99_ms) + allRuns(g, 1), '< 17', g.stalls.p99_ms < 17);
} else {
    missing('5 GUI', 'event-loop stalls under the flood', 'gui');
}
const st = r.startup;
if (st) {
    row('6 start-up', `launch -> main window shown, median of ${st.runs}, ms`, fmt(st.median_mapped_ms), '< 500',
        st.median_mapped_ms < 500);
    row('6 start-up', 'launch -> first event-loop answer, median, ms', fmt(st.median_first_ping_ms), '', null);
} else {
    missing('6 start-up', 'launch to main window', 'startup');
}
const ro = r.reopen;
if (ro) {
    row('6 reopen', `${ro.frames} frames: first rows painted, ms`, fmt(ro.first_rows_painted_ms), '< 200',
        ro.first_rows_painted_ms >= 0 && ro.first_rows_painted_ms < 200);
    row('6 reopen', 'fully loaded, ms', fmt(ro.loaded_ms, 0), '< 2000', ro.loaded_ms < 2000);
} else {
    missing('6 reopen', 'open a 1M-frame recording', 'reopen');
}

const table = [['bench', 'measure', 'value', 'goal', 'verdict'], ...rows.map((x) => x.map(String))];
const widths = table[0].map((_, c) => Math.max(...table.map((x) => x[c].length)));
const line = (x) => '| ' + x.map((v, c) => v.padEnd(widths[c])).join(' | ') + ' |';
console.log(`Machine: ${r.machine.cpu} (${r.machine.cores} cores), ${r.machine.memory}, ${r.machine.os}`);
console.log(`Load average at start / end: ${r.machine.load_start} / ${r.machine.load_end}`);
console.log(`Versions: ${r.versions}; commit ${r.commit}; ${r.timestamp}`);
console.log(line(table[0]));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const x of table.slice(1)) {
    console.log(line(x));
}
