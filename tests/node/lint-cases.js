'use strict';
// The seeded command generator of the linter's differential test (see lint-differential.js).
//
// A case is { n, cls, situation, setup, frame, state }: the connection is first brought into the situation by
// sending the setup frames one by one (each waits for its reply), then `frame` is sent exactly as it is (a JS
// string, sent as one text frame) and the server's reaction is compared with what `centrifugo-inspector-cli --lint`
// predicts for { frame, state }. `cls` names the kind of command, so a report can group disagreements.

const crypto = require('crypto');

const HMAC_SECRET = 'test-only-hmac-secret';

// mulberry32: small, fast and the same on every Node version.
function rng(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
        pick: (list) => list[Math.floor(next() * list.length)],
        chance: (p) => next() < p,
    };
}

function b64url(value) {
    return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function jwt(claims) {
    const head = b64url({ alg: 'HS256', typ: 'JWT' }) + '.' + b64url(claims);
    return head + '.' + crypto.createHmac('sha256', HMAC_SECRET).update(head).digest('base64url');
}

// Tokens are made relative to `now` (seconds) so a run made later still has valid and expired ones.
function tokens(now) {
    return {
        valid: jwt({ sub: 'lint-user', exp: now + 3600 }),
        expired: jwt({ sub: 'lint-user', exp: now - 3600 }),
        noExp: jwt({ sub: 'lint-user' }),
        malformed: 'not-a-jwt',
        badSignature: jwt({ sub: 'lint-user', exp: now + 3600 }).slice(0, -4) + 'AAAA',
        garbagePayload: b64url({ alg: 'HS256' }) + '.' + b64url('{{{') + '.sig',
        subNews: jwt({ sub: '', channel: 'news', exp: now + 3600 }),
        subNewsExpired: jwt({ sub: '', channel: 'news', exp: now - 3600 }),
        subOther: jwt({ sub: '', channel: 'other', exp: now + 3600 }),
    };
}

const CONNECT = '{"id":1,"connect":{}}';

function situations(tok) {
    return {
        open: { setup: [], state: { phase: 'open' } },
        connected: { setup: [CONNECT], state: { phase: 'connected' } },
        subscribed: {
            setup: [CONNECT, '{"id":2,"subscribe":{"channel":"news"}}'],
            state: { phase: 'connected', subscriptions: ['news'] },
        },
        token: {
            setup: [JSON.stringify({ id: 1, connect: { token: tok.valid } })],
            state: { phase: 'connected', token: tok.valid },
        },
        failed: {
            setup: [JSON.stringify({ id: 1, connect: { token: tok.expired } })],
            state: { phase: 'connect-failed' },
        },
    };
}

// Every builder returns { frame, situation? } or a frame string (connected situation).
function builders(r, tok) {
    const id = () => r.int(3, 999);
    const chan = () => r.pick(['news', 'chat:room', 'chat:other', 'updates', 'chat:' + r.int(1, 99)]);
    const freshChan = () => r.pick(['fresh', 'chat:fresh', 'room' + r.int(1, 9999)]);
    const data = () => r.pick([{ text: 'hi' }, 1, 'text', [1, 2], { nested: { a: [true, null] } }, null]);
    const cmd = (method, body, extra = {}) => JSON.stringify({ id: id(), [method]: body, ...extra });
    const longName = (n) => 'x'.repeat(n);

    const valid = {
        'valid-connect': () => ({ frame: r.pick([CONNECT, '{"id":7,"connect":{"name":"lint","version":"1"}}']),
            situation: 'open' }),
        'valid-subscribe': () => cmd('subscribe', { channel: freshChan() }),
        'valid-unsubscribe': () => cmd('unsubscribe', { channel: chan() }),
        'valid-publish': () => cmd('publish', { channel: chan(), data: data() }),
        'valid-presence': () => cmd('presence', { channel: chan() }),
        'valid-presence-stats': () => cmd('presence_stats', { channel: chan() }),
        'valid-history': () => cmd('history', { channel: chan(), limit: r.pick([-1, 0, 5]) }),
        'valid-rpc': () => cmd('rpc', { method: 'sum', data: { a: 1 } }),
        'valid-send': () => JSON.stringify({ send: { data: data() } }),
        'valid-refresh': () => ({ frame: cmd('refresh', { token: tok.valid }), situation: 'token' }),
        'valid-sub-refresh': () => ({ frame: cmd('sub_refresh', { channel: 'news', token: tok.subNews }),
            situation: 'subscribed' }),
        'valid-subscribed-unsubscribe': () => ({ frame: cmd('unsubscribe', { channel: 'news' }),
            situation: 'subscribed' }),
    };

    const nearValid = {
        'lines-several': () => [cmd('publish', { channel: chan(), data: data() }),
            cmd('presence', { channel: chan() })].join(r.pick(['\n', '\r\n'])) + r.pick(['', '\n']),
        'lines-blank-between': () => cmd('presence', { channel: chan() }) + '\n\n' + cmd('presence', { channel: chan() }),
        'lines-indented': () => JSON.stringify({ id: id(), publish: { channel: chan(), data: data() } }, null, 2),
        'lines-space-separated': () => cmd('presence', { channel: chan() }) + ' ' + cmd('publish', { channel: chan() }),
        'lines-trailing-newline': () => cmd('presence', { channel: chan() }) + '\n',
        'lines-second-bad': () => cmd('presence', { channel: chan() }) + '\n' + r.pick(['{"id":', '[1]', '{"id":9}']),
        'case-keys': () => {
            const key = r.pick(['ID', 'Id', 'iD']);
            const method = r.pick(['Publish', 'PUBLISH', 'publish']);
            const ch = r.pick(['Channel', 'CHANNEL', 'channel']);
            return `{"${key}":${id()},"${method}":{"${ch}":"${chan()}","Data":{"a":1}}}`;
        },
        'case-keys-method-only': () => `{"id":${id()},"${r.pick(['Presence', 'HISTORY', 'Presence_Stats'])}":{"channel":"news"}}`,
        'case-keys-unicode': () => r.pick([`{"id":${id()},"\u017fend":{"data":1}}`,
            `{"id":${id()},"pre\u017fence":{"channel":"news"}}`, `{"id":${id()},"\u017fubscribe":{"channel":"zz"}}`,
            `{"\u0130d":${id()},"presence":{"channel":"news"}}`, `{"id":${id()},"history":{"\u212ahannel":"news"}}`]),
        'number-id-forms': () => `{"id":${r.pick(['1e2', '5.0', '2E1', '-1', '4294967296', '4294967295', '007', '-0',
            '"12"', 'true', 'null', '0', '12'])},"presence":{"channel":"news"}}`,
        'number-limit': () => `{"id":${id()},"history":{"channel":"news","limit":${r.pick(['2147483647', '2147483648',
            '-2147483649', '9223372036854775808', '1.5', '1e1', '-1', '"3"', 'null'])}}}`,
        'number-offset': () => `{"id":${id()},"subscribe":{"channel":"${freshChan()}","offset":${r.pick(['-1', '5',
            '18446744073709551616', '1.0', '0'])}}}`,
        'wrong-type': () => r.pick([
            `{"id":${id()},"publish":{"channel":5,"data":1}}`,
            `{"id":${id()},"subscribe":{"channel":"${freshChan()}","recover":"yes"}}`,
            `{"id":${id()},"subscribe":{"channel":"${freshChan()}","recover":null}}`,
            `{"id":${id()},"publish":{"channel":["a"],"data":1}}`,
            `{"id":${id()},"rpc":{"method":7}}`,
            `{"id":${id()},"history":{"channel":"news","since":5}}`,
            `{"id":${id()},"history":{"channel":"news","reverse":1}}`,
            `{"id":${id()},"connect":{"headers":{"a":1}}}`,
        ]),
        'trailing-text': () => cmd('presence', { channel: chan() }) + r.pick([' garbage', '}', ']', ' {"x":', 'x', ',']),
        'big-number': () => `{"id":${id()},"publish":{"channel":"${chan()}","data":${r.pick(['1e400', '-1e400',
            '123456789012345678901234567890', '1.5e-400'])}}}`,
        'deep-nesting': () => {
            const depth = r.pick([100, 1000, 1100, 1500, 3000]);
            return `{"id":${id()},"publish":{"channel":"${chan()}","data":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
        },
        bom: () => '\ufeff' + cmd('presence', { channel: chan() }),
        'control-char': () => `{"id":${id()},"publish":{"channel":"${chan()}","data":"a${r.pick(['\t', '\u0001',
            '\u001f'])}b"}}`,
        'size-whitespace': () => `{"id":${id()},${' '.repeat(r.pick([60000, 70000]))}"presence":{"channel":"news"}}`,
        'size-escapes': () => `{"id":${id()},"publish":{"channel":"bulk","data":"${'\\u0041'.repeat(r.pick([9000,
            12000]))}"}}`,
        'size-invalid': () => `{"id":${id()},"publish":{"channel":"bulk","data":"${'x'.repeat(r.pick([60000,
            70000]))}}}`,
        'size-compact': () => cmd('publish', { channel: 'bulk', data: 'y'.repeat(r.pick([65400, 65600, 66000])) }),
        'size-lines': () => [cmd('publish', { channel: 'bulk', data: 'z'.repeat(40000) }),
            cmd('publish', { channel: 'bulk', data: 'z'.repeat(r.pick([40000, 20000])) })].join('\n'),
        delta: () => JSON.stringify({ id: id(), subscribe: { channel: freshChan(), delta: r.pick(['', null, 'fossil',
            'bogus', 'Fossil']) } }),
        'long-channel': () => JSON.stringify({ id: id(), [r.pick(['subscribe', 'publish', 'presence', 'history',
            'presence_stats', 'unsubscribe'])]: { channel: longName(r.pick([255, 256, 300])), data: 1 } }),
        'odd-channel': () => JSON.stringify({ id: id(), [r.pick(['subscribe', 'publish', 'presence'])]: {
            channel: r.pick(['ünïcode', 'with space', 'a#b', '$private', '::', 'chat:', ':x']), data: 1 } }),
        'ping-combined': () => `{"id":${id()},"ping":{},"${r.pick(['publish', 'presence', 'history'])}":{"channel":"news","data":1}}`,
        'ping-alone': () => `{"id":${id()},"ping":{}}`,
        'several-methods': () => `{"id":${id()},"${r.pick(['presence', 'history'])}":{"channel":"news"},"publish":{"channel":"news","data":1}}`,
        'before-connect': () => ({ frame: r.pick([cmd('publish', { channel: 'news', data: 1 }), '{}', '{"id":3}',
            cmd('presence', { channel: 'news' }), JSON.stringify({ send: { data: 1 } }), '[1]']), situation: 'open' }),
        'second-connect': () => cmd('connect', {}),
        'after-failed-connect': () => ({ frame: r.pick([cmd('presence', { channel: 'news' }), CONNECT, '{}',
            'not json']), situation: 'failed' }),
        'bad-id': () => `{"id":${r.pick(['"abc"', '[1]', '{}', '1.', '.5', '+1', '0x10'])},"presence":{"channel":"news"}}`,
        'missing-id': () => JSON.stringify({ [r.pick(['presence', 'publish', 'history'])]: { channel: 'news', data: 1 } }),
        'publish-data': () => JSON.stringify({ id: id(), publish: r.pick([{ channel: 'news' },
            { channel: 'news', data: null }, { channel: 'news', data: '' }, { channel: 'news', data: {} }]) }),
        'empty-frame': () => r.pick(['', ' ', '\n', '\r\n', '   \n', '\t']),
        'no-method': () => r.pick(['{"id":5}', '{}', '{"id":5,"foo":{}}', '{"foo":1}', '{"id":5,"publish":null}']),
        'unknown-field': () => JSON.stringify({ id: id(), presence: { channel: 'news', extra: 1 }, other: true }),
        'body-not-object': () => `{"id":${id()},"${r.pick(['publish', 'presence', 'send', 'rpc', 'connect'])}":${r.pick(['5',
            '"x"', '[]', 'true'])}}`,
        'not-object': () => r.pick(['[1]', '5', '"x"', 'null', 'true', '[]']),
        'invalid-json': () => r.pick(['{', '{"id":1,', 'not json', '{"id":1 "x":2}', "{'id':1}", '{"id":1,}']),
        'sub-refresh': () => ({ frame: JSON.stringify({ id: id(), sub_refresh: r.pick([{ channel: 'news' },
            { channel: 'news', token: tok.malformed }, { channel: 'other', token: tok.subOther }, { token: tok.subNews },
            { channel: 'news', token: tok.subNewsExpired }, { channel: 'news', token: tok.subOther },
            { channel: 'news', token: tok.valid }]) }), situation: r.pick(['subscribed', 'connected']) }),
        refresh: () => ({ frame: JSON.stringify({ id: id(), refresh: r.pick([{}, { token: tok.malformed },
            { token: tok.expired }, { token: tok.valid }, { token: tok.badSignature }, { token: 5 }]) }),
            situation: r.pick(['token', 'connected']) }),
        'connect-token': () => ({ frame: JSON.stringify({ id: 1, connect: { token: r.pick([tok.valid, tok.expired,
            tok.malformed, tok.noExp, tok.badSignature, tok.garbagePayload]) } }), situation: 'open' }),
        'subscribe-twice': () => ({ frame: cmd('subscribe', { channel: 'news' }), situation: 'subscribed' }),
        'unsubscribe-not-subscribed': () => cmd('unsubscribe', { channel: 'never' }),
        rpc: () => cmd('rpc', { method: r.pick(['', 'getUser', 'x']), data: { a: 1 } }),
        'unknown-namespace': () => JSON.stringify({ id: id(), [r.pick(['subscribe', 'publish', 'history', 'presence',
            'presence_stats'])]: { channel: 'nope:' + r.int(1, 9), data: 1 } }),
        'locked-namespace': () => JSON.stringify({ id: id(), [r.pick(['subscribe', 'publish', 'history', 'presence',
            'presence_stats'])]: { channel: 'locked:' + r.int(1, 9), data: 1 } }),
        'history-epoch': () => JSON.stringify({ id: id(), history: { channel: 'news', limit: 5, since: { offset:
            r.pick([0, 1, 100]), epoch: r.pick(['nope', '']) }, reverse: r.chance(0.3) } }),
        'subscribe-recover': () => JSON.stringify({ id: id(), subscribe: { channel: freshChan(), recover: true,
            offset: r.pick([0, 5]), epoch: r.pick(['', 'abcd']) } }),
        send: () => r.pick([JSON.stringify({ id: id(), send: { data: 1 } }), '{"send":{}}', '{"send":5}']),
        unsubscribe: () => JSON.stringify({ id: id(), unsubscribe: r.pick([{}, { channel: '' }]) }),
        'empty-channel': () => JSON.stringify({ id: id(), [r.pick(['subscribe', 'publish', 'presence', 'history',
            'presence_stats', 'sub_refresh'])]: r.pick([{}, { channel: '' }]) }),
        'duplicate-key': () => `{"id":${id()},"presence":{"channel":"news"},"presence":{"channel":"chat:room"},"id":${id()}}`,
        'string-escapes': () => `{"id":${id()},"publish":{"channel":"ne\\u0077s","data":"\\ud83d\\ude00"}}`,
        'invalid-escape': () => `{"id":${id()},"publish":{"channel":"news","data":"${r.pick(['\\x', '\\u12', '\\ud800'])}"}}`,
    };
    // Random edits of valid commands: whatever the edit breaks (or not), the server and the linter must agree.
    const mutationChars = '{}[]":,.-+0123456789eEnultrfaINDpubsh \t\\/';
    nearValid['fuzz-mutation'] = () => {
        const names = Object.keys(valid).filter((k) => k !== 'valid-connect' && k !== 'valid-refresh' &&
            k !== 'valid-sub-refresh' && k !== 'valid-subscribed-unsubscribe');
        let built = valid[r.pick(names)]();
        let text = typeof built === 'string' ? built : built.frame;
        const edits = r.int(1, 3);
        for (let e = 0; e < edits; ++e) {
            const at = r.int(0, Math.max(0, text.length - 1));
            const c = mutationChars[r.int(0, mutationChars.length - 1)];
            const kind = r.int(0, 2);
            if (kind === 0)
                text = text.slice(0, at) + text.slice(at + 1);
            else if (kind === 1)
                text = text.slice(0, at) + c + text.slice(at);
            else
                text = text.slice(0, at) + c + text.slice(at + 1);
        }
        return text;
    };
    return { valid, nearValid };
}

// Big publications go to "bulk", a channel no case reads the history of: a history reply that big would make the
// server close the connection as a slow client (3008), which depends on what other cases published.

// A third of the cases are valid commands, the rest near-valid or hostile.
function generate(count, seed, now = Math.floor(Date.now() / 1000)) {
    const r = rng(seed);
    const tok = tokens(now);
    const sit = situations(tok);
    const { valid, nearValid } = builders(r, tok);
    const validNames = Object.keys(valid);
    const otherNames = Object.keys(nearValid);
    const cases = [];
    for (let n = 0; n < count; ++n) {
        const isValid = r.chance(1 / 3);
        const cls = isValid ? r.pick(validNames) : r.pick(otherNames);
        let built = (isValid ? valid : nearValid)[cls]();
        if (typeof built === 'string')
            built = { frame: built };
        const situation = built.situation || (r.chance(0.15) ? 'token' : 'connected');
        const s = sit[situation];
        const state = { ...s.state, hmac_secret: HMAC_SECRET, now };
        cases.push({ n, cls, situation, setup: s.setup, frame: built.frame, state });
    }
    return cases;
}

module.exports = { generate, tokens, jwt, HMAC_SECRET };
