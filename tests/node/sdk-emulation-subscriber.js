'use strict';
// node sdk-emulation-subscriber.js BASE_URL CHANNEL COUNT [TRANSPORT]
// The official SDK (JSON build) on one of its bidirectional emulation transports only: TRANSPORT http_stream (the
// default; Node's built-in fetch and ReadableStream) or sse (Node 20 has no EventSource: the `eventsource` package's).
// Commands go through BASE_URL/emulation. Prints {"event":"connected","transport":...}, {"event":"subscribed"} and
// one {"event":"publication"} line per publication; exits 0 after COUNT, 1 on timeout or error.

const { emit, finish, fail, armTimeout, usage } = require('./common');

const [base, channel, countArg, transportArg] = process.argv.slice(2);
const count = Number.parseInt(countArg, 10);
const transport = transportArg || 'http_stream';
if (!base || !channel || !Number.isInteger(count) || count < 0 || !['http_stream', 'sse'].includes(transport)) {
    usage('sdk-emulation-subscriber.js BASE_URL CHANNEL COUNT [http_stream|sse]');
} else {
    const { Centrifuge } = require('centrifuge');
    const { EventSource } = require('eventsource');
    let received = 0;
    const disarm = armTimeout(() => `${count} publications on ${channel} (got ${received})`);
    const client = new Centrifuge([{ transport, endpoint: `${base}/connection/${transport}` }], {
        fetch: fetch,
        readableStream: ReadableStream,
        eventsource: EventSource,
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
