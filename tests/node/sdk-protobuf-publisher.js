'use strict';
// node sdk-protobuf-publisher.js URL CHANNEL JSONDATA
// node sdk-protobuf-publisher.js URL CHANNEL --base64 BASE64DATA
// Connects with the official SDK's Protobuf build and publishes once with client.publish: the UTF-8 bytes of
// JSONDATA exactly as given (it must be valid JSON), or the raw bytes of BASE64DATA. Prints
// {"event":"published","base64":...}. Exits 0 on success, 1 on error or timeout, 2 on bad arguments.

const { emit, finish, fail, armTimeout, createClient, usage } = require('./common');

const args = process.argv.slice(2);
const [url, channel] = args;
let bytes;
if (args[2] === '--base64' && args[3] !== undefined) {
    bytes = Buffer.from(args[3], 'base64');
} else if (args[2] !== undefined) {
    try {
        JSON.parse(args[2]);
        bytes = Buffer.from(args[2], 'utf8');
    } catch (e) {
        bytes = undefined;
    }
}
if (!url || !channel || bytes === undefined) {
    usage('sdk-protobuf-publisher.js URL CHANNEL (JSONDATA | --base64 BASE64DATA)');
} else {
    const disarm = armTimeout(() => `publish to ${channel}`);
    const client = createClient(url, 'protobuf');
    client.connect();
    client
        .publish(channel, new Uint8Array(bytes))
        .then(() => {
            emit('published', { channel, base64: bytes.toString('base64') });
            disarm();
            client.disconnect();
            finish(0);
        })
        .catch((err) => fail(`publish to ${channel} failed: ${err && (err.message || JSON.stringify(err))}`));
}
