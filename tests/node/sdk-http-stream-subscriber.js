'use strict';
// node sdk-http-stream-subscriber.js BASE_URL CHANNEL COUNT
// The official SDK (JSON build) on its HTTP-streaming transport only (Node's built-in fetch and ReadableStream),
// commands through BASE_URL/emulation. Prints {"event":"connected","transport":"http_stream"}, {"event":"subscribed"}
// and one {"event":"publication"} line per publication; exits 0 after COUNT, 1 on timeout or error.

const { emit, finish, fail, armTimeout, usage } = require('./common');

const [base, channel, countArg] = process.argv.slice(2);
const count = Number.parseInt(countArg, 10);
if (!base || !channel || !Number.isInteger(count) || count < 0) {
    usage('sdk-http-stream-subscriber.js BASE_URL CHANNEL COUNT');
} else {
    const { Centrifuge } = require('centrifuge');
    let received = 0;
    const disarm = armTimeout(() => `${count} publications on ${channel} (got ${received})`);
    const client = new Centrifuge([{ transport: 'http_stream', endpoint: `${base}/connection/http_stream` }], {
        fetch: fetch,
        readableStream: ReadableStream,
        emulationEndpoint: `${base}/emulation`,
    });
    client.on('connected', (ctx) => emit('connected', { client: ctx.client, transport: ctx.transport }));
    client.on('error', (ctx) => emit('client_error', { message: ctx.error && ctx.error.message, type: ctx.type }));
    const sub = client.newSubscription(channel);
    sub.on('subscribed', (ctx) => emit('subscribed', { channel: ctx.channel }));
    sub.on('publication', (ctx) => {
        received += 1;
        emit('publication', { channel: ctx.channel, data: ctx.data, offset: Number(ctx.offset) });
        if (received === count) {
            disarm();
            client.disconnect();
            finish(0);
        }
    });
    sub.on('error', (ctx) => fail(`subscription error: ${ctx.error && ctx.error.message}`));
    sub.subscribe();
    client.connect();
}
