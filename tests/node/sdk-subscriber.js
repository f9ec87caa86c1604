'use strict';
// node sdk-subscriber.js URL CHANNEL COUNT
// Subscribes with the official SDK and prints {"event":"subscribed"} once, then one
// {"event":"publication","data":...} line per publication. Exits 0 after COUNT publications,
// 1 on timeout (20 s, or SDK_TIMEOUT_MS) or on a subscription error.

const { emit, finish, fail, armTimeout, createClient, usage } = require('./common');

const [url, channel, countArg] = process.argv.slice(2);
const count = Number.parseInt(countArg, 10);
if (!url || !channel || !Number.isInteger(count) || count < 0) {
    usage('sdk-subscriber.js URL CHANNEL COUNT');
} else {
    let received = 0;
    const disarm = armTimeout(() => `${count} publications on ${channel} (got ${received})`);
    const client = createClient(url);
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
        const fields = { channel: ctx.channel, data: ctx.data };
        if (ctx.offset !== undefined) {
            fields.offset = ctx.offset;
        }
        if (ctx.tags) {
            fields.tags = ctx.tags;
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
