'use strict';
// node bare-subscriber.js URL CHANNEL COUNT [--exit-when-done]
// The cheapest possible subscriber: a `ws` client that sends connect and subscribe, then only counts frames and
// the publications in them (a byte search for "pub":, no JSON parsing). Same events as sdk-subscriber.js.

const WebSocket = require('ws');
const { emit } = require('./common');

const [url, channel, countArg, flag] = process.argv.slice(2);
const expected = Number.parseInt(countArg, 10);
const exitWhenDone = flag === '--exit-when-done';
const marker = Buffer.from('"pub":');
let frames = 0;
let received = 0;
let subscribed = false;
let finished = false;

const ws = new WebSocket(url);
ws.on('open', () => {
    ws.send(`{"id":1,"connect":{}}\n{"id":2,"subscribe":{"channel":${JSON.stringify(channel)}}}`);
});
ws.on('message', (data) => {
    frames += 1;
    if (!subscribed) {
        if (data.includes('"id":2,"subscribe"')) {
            subscribed = true;
            emit('subscribed');
        }
        return;
    }
    for (let at = data.indexOf(marker); at >= 0; at = data.indexOf(marker, at + marker.length)) {
        received += 1;
    }
    if (received >= expected && !finished) {
        finished = true;
        emit('done', { count: received, frames });
        ws.close(1000);
        if (exitWhenDone) {
            process.stdout.write('', () => process.exit(0));
        }
    }
});
ws.on('close', (code, reason) => {
    if (received < expected) {
        emit('disconnected', { code, reason: reason.toString(), count: received });
    }
});
ws.on('error', (e) => emit('error', { message: e.message }));
process.on('SIGTERM', () => {
    emit('final', { count: received, frames });
    process.stdout.write('', () => process.exit(0));
});
setInterval(() => {}, 1 << 30);
