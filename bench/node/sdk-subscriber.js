'use strict';
// node sdk-subscriber.js URL CHANNEL COUNT [--exit-when-done] [--protobuf]
// The official centrifuge-js SDK as an application would use it: subscribes and counts publications, nothing
// else. Prints {"event":"subscribed"}, then {"event":"done","count":N} when COUNT publications arrived (and
// disconnects). Without --exit-when-done it then waits for SIGTERM so that the driver can read its CPU time.
// --protobuf: the SDK's Protobuf build (centrifuge/build/protobuf, subprotocol centrifuge-protobuf; the same API,
// publication data as Uint8Array, which is only counted here as well).

const [url, channel, countArg, ...flags] = process.argv.slice(2);
const { Centrifuge } = require(flags.includes('--protobuf') ? 'centrifuge/build/protobuf' : 'centrifuge');
const WebSocket = require('ws');
const { emit } = require('./common');

const expected = Number.parseInt(countArg, 10);
const exitWhenDone = flags.includes('--exit-when-done');
let received = 0;

const client = new Centrifuge(url, { websocket: WebSocket, minReconnectDelay: 60000 });
const sub = client.newSubscription(channel);
sub.on('subscribed', () => emit('subscribed'));
sub.on('publication', () => {
    received += 1;
    if (received === expected) {
        emit('done', { count: received });
        client.disconnect();
        if (exitWhenDone) {
            process.stdout.write('', () => process.exit(0));
        }
    }
});
sub.on('error', (ctx) => emit('error', { message: String(ctx.error && ctx.error.message) }));
client.on('disconnected', (ctx) => {
    if (received < expected) {
        emit('disconnected', { code: ctx.code, reason: ctx.reason, count: received });
    }
});
process.on('SIGTERM', () => {
    emit('final', { count: received });
    process.stdout.write('', () => process.exit(0));
});
setInterval(() => {}, 1 << 30); // stay alive until told
sub.subscribe();
client.connect();
