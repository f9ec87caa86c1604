'use strict';
// Shared helpers for the reference-client scripts: JSON-lines output on stdout, a timeout, and a client of the
// official SDK on the `ws` package (Node 20 has no global WebSocket), in its JSON build or its Protobuf build
// (WebSocket subprotocol centrifuge-protobuf).

const WebSocket = require('ws');

const DEFAULT_TIMEOUT_MS = 20000;

// Prints one JSON object as a single line; the C++ harness (NodeScript) parses stdout line by line.
function emit(event, fields = {}) {
    process.stdout.write(JSON.stringify({ event, ...fields }) + '\n');
}

// Flushes stdout before leaving so the last line is never lost on a pipe.
function finish(code) {
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
}

function fail(message, code = 1) {
    emit('error', { message: String(message) });
    process.stderr.write(`${message}\n`);
    finish(code);
}

function timeoutMs() {
    const fromEnv = Number.parseInt(process.env.SDK_TIMEOUT_MS || '', 10);
    return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS;
}

// Exits with code 1 when the script has not finished within the timeout.
function armTimeout(what) {
    const ms = timeoutMs();
    const timer = setTimeout(() => fail(`timeout after ${ms} ms waiting for ${what()}`), ms);
    timer.unref();
    // unref() alone would let Node exit early if nothing else is pending; keep an interval alive instead.
    const keepAlive = setInterval(() => {}, 1000);
    return () => {
        clearTimeout(timer);
        clearInterval(keepAlive);
    };
}

// Publication bytes as the Inspector shows them: the JSON value when the bytes are JSON, else
// {"$base64": ..., "$text": ...} ($text only for valid UTF-8). base64 is always printed too, for exact checks.
function describeData(bytes) {
    const buffer = Buffer.from(bytes || []);
    const fields = { base64: buffer.toString('base64') };
    let text = null;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch (e) {
        text = null;
    }
    if (text !== null && text.length > 0) {
        try {
            fields.data = JSON.parse(text);
            return fields;
        } catch (e) {
            // not JSON: fall through
        }
    }
    fields.data = text === null ? { $base64: fields.base64 } : { $base64: fields.base64, $text: text };
    return fields;
}

// format: 'json' (default) or 'protobuf'.
function createClient(url, format = 'json') {
    const { Centrifuge } = require(format === 'protobuf' ? 'centrifuge/build/protobuf' : 'centrifuge');
    const client = new Centrifuge(url, { websocket: WebSocket });
    client.on('connected', (ctx) => emit('connected', { client: ctx.client, transport: ctx.transport, format }));
    client.on('disconnected', (ctx) => emit('disconnected', { code: ctx.code, reason: ctx.reason }));
    client.on('error', (ctx) => emit('client_error', { message: ctx.error && ctx.error.message, type: ctx.type }));
    return client;
}

function usage(text) {
    process.stderr.write(`usage: node ${text}\n`);
    finish(2);
}

module.exports = { emit, finish, fail, armTimeout, describeData, createClient, usage };
