'use strict';
// node sdk-subscriber.js URL CHANNEL COUNT [--exit-when-done]
// The official centrifuge-js SDK as an application would use it: subscribes and counts publications, nothing
// else. Prints {"event":"subscribed"}, then {"event":"done","count":N} when COUNT publications arrived (and
// disconnects). Without --exit-when-done it then waits for SIGTERM so that the driver can read its CPU time.

const { Centrifuge } = require('centrifuge');
const WebSocket = require('ws');
const { emit } = require('./common');

const [url, channel, countArg, flag] = process.argv.slice(2);
const expected = Number.parseInt(countArg, 10);
const exitWhenDone = flag === '--exit-when-done';
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
