'use strict';
// Shared helpers for the reference-client scripts: JSON-lines output on stdout, a timeout,
// and a Centrifuge client built on the `ws` package (Node 20 has no global WebSocket).

const { Centrifuge } = require('centrifuge');
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

function createClient(url) {
    const client = new Centrifuge(url, { websocket: WebSocket });
    client.on('connected', (ctx) => emit('connected', { client: ctx.client, transport: ctx.transport }));
    client.on('disconnected', (ctx) => emit('disconnected', { code: ctx.code, reason: ctx.reason }));
    client.on('error', (ctx) => emit('client_error', { message: ctx.error && ctx.error.message, type: ctx.type }));
    return client;
}

function usage(text) {
    process.stderr.write(`usage: node ${text}\n`);
    finish(2);
}

module.exports = { emit, finish, fail, armTimeout, createClient, usage };
