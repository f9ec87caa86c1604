'use strict';
// node sdk-protobuf-subscriber.js URL CHANNEL COUNT
// Subscribes with the official SDK's Protobuf build and prints {"event":"subscribed"} once, then one
// {"event":"publication","data":...,"base64":...} line per publication (data as described in common.js).
// Exits 0 after COUNT publications, 1 on timeout (20 s, or SDK_TIMEOUT_MS) or on a subscription error.

const { emit, finish, fail, armTimeout, describeData, createClient, usage } = require('./common');

const [url, channel, countArg] = process.argv.slice(2);
const count = Number.parseInt(countArg, 10);
if (!url || !channel || !Number.isInteger(count) || count < 0) {
    usage('sdk-protobuf-subscriber.js URL CHANNEL COUNT');
} else {
    let received = 0;
    const disarm = armTimeout(() => `${count} publications on ${channel} (got ${received})`);
    const client = createClient(url, 'protobuf');
    const sub = client.newSubscription(channel);

    const done = () => {
        disarm();
        client.disconnect();
        finish(0);
    };

    sub.on('subscribed', (ctx) => {
        emit('subscribed', { channel: ctx.channel, recoverable: ctx.recoverable, positioned: ctx.positioned });
        if (count === 0) {
            done();
        }
    });
    sub.on('publication', (ctx) => {
        received += 1;
        const fields = { channel: ctx.channel, ...describeData(ctx.data) };
        if (ctx.offset !== undefined) {
            fields.offset = Number(ctx.offset);
        }
        if (ctx.info) {
            fields.client = ctx.info.client;
        }
        emit('publication', fields);
        if (received === count) {
            done();
        }
    });
    sub.on('error', (ctx) => emit('subscription_error', { message: ctx.error && ctx.error.message }));
    sub.on('unsubscribed', (ctx) => {
        if (received < count) {
            fail(`unsubscribed from ${channel}: ${ctx.code} ${ctx.reason}`);
        }
    });

    sub.subscribe();
    client.connect();
}
