'use strict';
// node sdk-subscriber.js URL CHANNEL COUNT [json|protobuf]
// Subscribes with the official SDK (its JSON build, or its Protobuf build) and prints {"event":"subscribed"} once,
// then one {"event":"publication","data":...} line per publication. With protobuf, data is described as in
// common.js describeData and the exact bytes come as "base64". Exits 0 after COUNT publications, 1 on timeout
// (20 s, or SDK_TIMEOUT_MS) or on a subscription error.

const { emit, finish, fail, armTimeout, describeData, createClient, usage } = require('./common');

const [url, channel, countArg, formatArg] = process.argv.slice(2);
const count = Number.parseInt(countArg, 10);
const format = formatArg || 'json';
if (!url || !channel || !Number.isInteger(count) || count < 0 || !['json', 'protobuf'].includes(format)) {
    usage('sdk-subscriber.js URL CHANNEL COUNT [json|protobuf]');
} else {
    let received = 0;
    const disarm = armTimeout(() => `${count} publications on ${channel} (got ${received})`);
    const client = createClient(url, format);
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
        // The Protobuf build hands over bytes (and offsets as bigint-like values).
        const fields = format === 'protobuf' ? { channel: ctx.channel, ...describeData(ctx.data) }
            : { channel: ctx.channel, data: ctx.data };
        if (ctx.offset !== undefined) {
            fields.offset = Number(ctx.offset);
        }
        if (ctx.tags) {
            fields.tags = ctx.tags;
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
