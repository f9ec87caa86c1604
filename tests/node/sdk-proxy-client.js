'use strict';
// node sdk-proxy-client.js URL CHANNEL TOTAL [json|protobuf] [PUBLISH_TEXT]
// The official SDK pointed at the inspector's proxy (or any endpoint). Subscribes to CHANNEL and prints
// {"event":"subscribed","recovered":...,"wasRecovering":...} on every (re)subscribe, one
// {"event":"publication","offset":N,"data":...} line per publication, and {"event":"connected","client":...} /
// {"event":"connecting","code":...} (why it reconnects) as the client reconnects. With PUBLISH_TEXT it publishes {"text": PUBLISH_TEXT}
// once after the first subscribe and prints {"event":"published"}. Exits 0 once TOTAL publications arrived,
// 1 on timeout (SDK_TIMEOUT_MS, default 20 s).

const { emit, finish, fail, armTimeout, describeData, createClient, usage } = require('./common');

const [url, channel, totalArg, formatArg, publishText] = process.argv.slice(2);
const total = Number.parseInt(totalArg, 10);
const format = formatArg || 'json';
if (!url || !channel || !Number.isInteger(total) || total < 0 || !['json', 'protobuf'].includes(format)) {
    usage('sdk-proxy-client.js URL CHANNEL TOTAL [json|protobuf] [PUBLISH_TEXT]');
} else {
    let received = 0;
    let published = false;
    const disarm = armTimeout(() => `${total} publications on ${channel} (got ${received})`);
    const client = createClient(url, format);
    // Reconnect at once after a close: the test waits on the reconnect, not on the SDK's backoff.
    client._config.minReconnectDelay = 50;
    client._config.maxReconnectDelay = 200;
    client.on('connecting', (ctx) => emit('connecting', { code: ctx.code, reason: ctx.reason }));
    const sub = client.newSubscription(channel);

    const done = () => {
        disarm();
        client.disconnect();
        finish(0);
    };

    sub.on('subscribed', (ctx) => {
        emit('subscribed', { channel: ctx.channel, recovered: ctx.recovered, wasRecovering: ctx.wasRecovering });
        if (publishText && !published) {
            published = true;
            const data = { text: publishText };
            const payload = format === 'protobuf' ? new TextEncoder().encode(JSON.stringify(data)) : data;
            sub.publish(payload).then(() => emit('published'), (e) => fail(`publish failed: ${e && e.message}`));
        }
        if (total === 0) {
            done();
        }
    });
    sub.on('publication', (ctx) => {
        received += 1;
        const fields = format === 'protobuf' ? describeData(ctx.data) : { data: ctx.data };
        emit('publication', { offset: Number(ctx.offset), ...fields });
        if (received === total) {
            done();
        }
    });
    sub.on('error', (ctx) => emit('subscription_error', { message: ctx.error && ctx.error.message }));
    sub.subscribe();
    client.connect();
}
