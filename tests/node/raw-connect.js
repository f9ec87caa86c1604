'use strict';
// node raw-connect.js URL [--no-pong]
// Speaks the JSON protocol directly over `ws` (no SDK): sends a connect command and prints
//   {"event":"connect_reply","reply":{...}}   the server's reply to connect (ping interval, client id, ...)
//   {"event":"ping"}                          for each server ping (answered with a pong unless --no-pong)
//   {"event":"frame","data":"..."}            for any other frame
//   {"event":"closed","code":N,"reason":"..."} when the server closes the connection, then exits 0.
// Exits 1 on a transport error or after 20 s (SDK_TIMEOUT_MS) without a close.

const WebSocket = require('ws');
const { emit, finish, fail, armTimeout, usage } = require('./common');

const [url, ...flags] = process.argv.slice(2);
if (!url) {
    usage('raw-connect.js URL [--no-pong]');
} else {
    const answerPings = !flags.includes('--no-pong');
    const disarm = armTimeout(() => 'the server to close the connection');
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, connect: {} })));
    ws.on('message', (message) => {
        for (const text of message.toString().split('\n')) {
            if (text === '') {
                continue;
            }
            const reply = JSON.parse(text);
            if (Object.keys(reply).length === 0) {
                emit('ping');
                if (answerPings) {
                    ws.send('{}');
                }
            } else if (reply.id === 1) {
                emit('connect_reply', { reply });
            } else {
                emit('frame', { data: text });
            }
        }
    });
    ws.on('close', (code, reason) => {
        emit('closed', { code, reason: reason.toString() });
        disarm();
        finish(0);
    });
    ws.on('error', (err) => fail(`websocket error: ${err.message}`));
}
