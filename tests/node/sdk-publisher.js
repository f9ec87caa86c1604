'use strict';
// node sdk-publisher.js URL CHANNEL JSONDATA
// Connects with the official SDK, publishes JSONDATA once with client.publish and prints
// {"event":"published"}. Exits 0 on success, 1 on error or timeout, 2 on bad arguments.

const { emit, finish, fail, armTimeout, createClient, usage } = require('./common');

const [url, channel, json] = process.argv.slice(2);
let data;
try {
    data = json === undefined ? undefined : JSON.parse(json);
} catch (e) {
    data = undefined;
}
if (!url || !channel || data === undefined) {
    usage('sdk-publisher.js URL CHANNEL JSONDATA   (JSONDATA must be valid JSON)');
} else {
    const disarm = armTimeout(() => `publish to ${channel}`);
    const client = createClient(url);
    client.connect();
    client
        .publish(channel, data)
        .then(() => {
            emit('published', { channel });
            disarm();
            client.disconnect();
            finish(0);
        })
        .catch((err) => fail(`publish to ${channel} failed: ${err && (err.message || JSON.stringify(err))}`));
}
