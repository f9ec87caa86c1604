'use strict';
// node replay-sender.js RECORD.jsonl
// A REPLAY SENDER, not a Centrifugo: a minimal WebSocket server on 127.0.0.1 that replays the publication frames
// of a centrifugo-inspector-cli recording, byte for byte, to one client as fast as that client takes them.
// It answers just enough of the protocol to get a client subscribed: the connect command and the subscribe
// command (empty results). Then it sends every recorded frame whose messages are all publications, keeping the
// socket's send buffer full but bounded, and measures from the first frame sent until the client closes the
// connection (each benchmark client closes when it has counted every publication).
// Prints {"event":"listening","port":P,"frames":F,"messages":M}, then {"event":"replayed",...} and exits.

const fs = require('fs');
const { WebSocketServer } = require('ws');
const { emit } = require('./common');

// A line written without "raw" has the payload as the text of its "frame" (docs/cli.md): the object itself, or the
// array's elements joined by "\n". These read that text exactly as written, not re-serialized.
const isSpace = (c) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const skipSpace = (s, i) => {
    while (i < s.length && isSpace(s[i])) {
        i += 1;
    }
    return i;
};
const skipString = (s, i) => {
    for (i += 1; i < s.length; ) {
        const c = s[i];
        i += c === '\\' ? 2 : 1;
        if (c === '"') {
            break;
        }
    }
    return i;
};
const skipValue = (s, i) => {
    if (s[i] === '"') {
        return skipString(s, i);
    }
    if (s[i] !== '{' && s[i] !== '[') {
        while (i < s.length && !isSpace(s[i]) && !',}]'.includes(s[i])) {
            i += 1;
        }
        return i;
    }
    let depth = 0;
    while (i < s.length) {
        const c = s[i];
        if (c === '"') {
            i = skipString(s, i);
            continue;
        }
        i += 1;
        if (c === '{' || c === '[') {
            depth += 1;
        } else if ((c === '}' || c === ']') && --depth === 0) {
            break;
        }
    }
    return i;
};
// The texts of a container's values, with their keys for an object.
const entries = (s) => {
    const out = [];
    let i = skipSpace(s, 1);
    while (i < s.length && s[i] !== '}' && s[i] !== ']') {
        let key = null;
        if (s[0] === '{') {
            const end = skipString(s, i);
            key = s.slice(i + 1, end - 1);
            i = skipSpace(s, skipSpace(s, end) + 1);
        }
        const end = skipValue(s, i);
        out.push({ key, text: s.slice(i, end) });
        i = skipSpace(s, end);
        if (s[i] !== ',') {
            break;
        }
        i = skipSpace(s, i + 1);
    }
    return out;
};
const payloadFromFrameText = (line) => {
    const frame = entries(line.trim()).filter((e) => e.key === 'frame').pop().text;
    return frame[0] === '[' ? entries(frame).map((e) => e.text).join('\n') : frame;
};

const [recordPath] = process.argv.slice(2);
const frames = [];
let messages = 0;
for (const line of fs.readFileSync(recordPath, 'utf8').split('\n')) {
    if (!line) {
        continue;
    }
    const r = JSON.parse(line);
    const kinds = r.kinds || [r.kind];
    if (r.dir !== 'in' || r.close || kinds.length === 0 || !kinds.every((k) => k === 'push_pub')) {
        continue;
    }
    if (r.binary && r.raw === undefined) {
        // A Protobuf frame whose bytes are its "frame" converted back (docs/cli.md): only the inspector reads that.
        throw new Error('binary lines without "raw" (Protobuf recordings) cannot be replayed by this sender');
    }
    const text = r.raw !== undefined ? r.raw : payloadFromFrameText(line);
    frames.push({ data: r.binary ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'), binary: !!r.binary });
    messages += kinds.length;
}

const kHighWater = 4 * 1024 * 1024;
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('listening', () => emit('listening', { port: server.address().port, frames: frames.length, messages }));
server.on('connection', (ws) => {
    let started = 0n;
    let next = 0;
    let clientId = 0;
    const pump = () => {
        while (next < frames.length) {
            if (ws.bufferedAmount > kHighWater) {
                ws._socket.once('drain', pump);
                return;
            }
            const f = frames[next++];
            ws.send(f.data, { binary: f.binary });
        }
    };
    ws.on('message', (data) => {
        for (const line of data.toString().split('\n')) {
            if (!line.trim()) {
                continue;
            }
            const cmd = JSON.parse(line);
            if (cmd.connect) {
                clientId += 1;
                ws.send(JSON.stringify({ id: cmd.id, connect: { client: `replay-${clientId}`, version: 'replay-sender' } }));
            } else if (cmd.subscribe) {
                ws.send(JSON.stringify({ id: cmd.id, subscribe: {} }));
                if (!started) {
                    emit('streaming');
                    started = process.hrtime.bigint();
                    setImmediate(pump);
                }
            }
        }
    });
    ws.on('close', () => {
        const seconds = started ? Number(process.hrtime.bigint() - started) / 1e9 : 0;
        emit('replayed', {
            frames_sent: next,
            frames: frames.length,
            messages,
            seconds,
            msgs_per_s: seconds > 0 && next === frames.length ? messages / seconds : 0,
        });
        server.close();
        process.stdout.write('', () => process.exit(0));
    });
});
