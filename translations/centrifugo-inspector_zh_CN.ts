<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChannelState</name>
    <message>
        <source>subscribing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>Headless recorder for Centrifugo (client protocol v2, JSON or Protobuf over WebSocket).

Connects to URL, sends connect (with --token if given), subscribes to every --subscribe channel, sends
every --send command in order, and records every WebSocket frame in and out.

When it stops:
  --frames N and/or --duration S: at whichever limit comes first.
  --subscribe without limits: when interrupted (Ctrl+C, SIGTERM).
  otherwise: when every --send command that expects a reply got it, plus 250 ms for the server&apos;s
  reaction (a disconnect). With no --send at all this is a connection check.
It then closes the connection normally (code 1000), flushes the record and prints the summary.
SIGINT and SIGTERM end the run the same way.

Record (--record): JSON Lines, one object per WebSocket frame, with time (ISO 8601 UTC, ms), dir
(in/out), kind, channel, id, rtt_ms, size, frame (decoded message JSON), raw (exact payload) and
code/reason for closes. See docs/cli.md for every field.

Exit status:
  0  clean finish: limit reached, commands done, or interrupted
  1  the connection failed, connect was refused, the server closed the connection (its code,
     reason and explanation are printed), or the record could not be written
  2  bad usage (unknown option, bad value, record file not writable, Protobuf unavailable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket endpoint (default ws://127.0.0.1:8000/connection/websocket).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection JWT sent in connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to CHANNEL after connect. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send JSON as a raw command after connect and the subscribes, in the order given. Repeatable. Linted first: findings go to stderr with their severity, and the command is sent anyway (to see what the server does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record every frame to FILE as JSON Lines (&quot;-&quot; = stdout). Buffered; flushed at exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after N frames received (the closing frame is recorded as well).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after SECONDS (fractions allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log to stderr from this level up: trace, debug, info, warning, error (default info). QT_LOGGING_RULES still applies on top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At exit, print messages per kind and per channel, bytes in/out and the frame rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wire format: json or protobuf (default json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not answer server pings (the server then closes with 3012 no pong).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url must be a ws:// or wss:// URL, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--protocol protobuf: this build has no Protobuf codec; use --protocol json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--protocol must be json or protobuf, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--subscribe needs a channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--send with --protocol protobuf needs JSON objects (one per line), not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--record needs a file name (or - for stdout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--frames must be a positive whole number, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--duration must be a positive number of seconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-level must be trace, debug, info, warning or error, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandAnalysis</name>
    <message>
        <source>This is not JSON; fix it before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &quot;id&quot;: the inspector adds id %1 when it sends the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value %1 is not a JSON object, so it is not a command: the server closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 values: sent in one frame, one per line, exactly as typed (no ids are added).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandComposer</name>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw / empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a protocol-valid command. Raw / empty clears the editor for free text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command as JSON, e.g. {&quot;subscribe&quot;: {&quot;channel&quot;: &quot;news&quot;}}, or pick a template. Ctrl+Enter sends; Ctrl+Up/Down recalls sent commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the linter found; activate an entry to jump to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands sent before (Ctrl+Up / Ctrl+Down in the editor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the last sent command in the editor and send it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm: send with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id: automatic (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id: %1 (yours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw: sent exactly as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is not JSON: fix the marked error to send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the command (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send anyway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The linter found an error. Click once to arm, then again to send it on purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click (or Ctrl+Enter) again to send the command with its errors. Editing disarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the connection is not open. Connect first (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandTemplates</name>
    <message>
        <source>Authenticate the connection; must be the first command. Add &quot;token&quot; for a user, omit it for anonymous access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to a channel and receive its publications as pushes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop receiving a channel&apos;s publications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish data into a channel (needs publish permission).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the clients subscribed to a channel (needs presence enabled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the clients and users subscribed to a channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a channel&apos;s recent publications (limit 0 returns only the stream position).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client ping; part of the schema, but see the server note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an asynchronous message to the server, without a reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call a server-side method through the RPC proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server a new connection token before the old one expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server a new subscription token for a channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo v6 does not accept a client ping: it closes the connection with 3501 bad request. The server pings with {} and expects {} back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo v6 has no handler for send: it closes the connection with 3508 not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without an RPC proxy configured, Centrifugo answers with error 108 not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>WebSocket endpoint of the server: ws://host:port/connection/websocket, or wss:// for TLS. Recent URLs are in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protobuf arrives in its own issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding of the client protocol, chosen at the WebSocket handshake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection JWT sent in connect. It is not saved to the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name sent in connect (the server uses it for metrics only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON for the connect proxy, e.g. {&quot;room&quot;: 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra HTTP headers sent with the WebSocket handshake (for proxies and cookies).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send connect after the handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the WebSocket opens and you send connect yourself (from the composer or the Send connect button).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer server pings (auto-pong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: server pings stay unanswered and the server closes the connection with 3012 no pong after its pong timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the connect command now (when automatic connect is off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last RTT:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect data is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s WebSocket URL, e.g. ws://127.0.0.1:8000/connection/websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WebSocket URL: use ws://host:port/path or wss://host:port/path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect data is not valid JSON; fix it or clear it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP header name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect failed: error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 s, pong required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open, waiting for the connect reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: WebSocket ready, connect not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the WebSocket and send connect (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the connection (Ctrl+Shift+K)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must be a WebSocket URL such as ws://127.0.0.1:8000/connection/websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connect data is not valid JSON: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscribe data of %1 is not valid JSON: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explainer</name>
    <message>
        <source>internal server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed to handle the command; this is temporary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is not authenticated for this command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel&apos;s namespace (the part before &apos;:&apos;) is not configured on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not allow this operation on the channel for this user: check the namespace&apos;s allow_* options (anonymous users need both allow_*_for_client and allow_*_for_anonymous), or use a subscription token for private ($) channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no handler for this method (for RPC: unknown method).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is already subscribed to the channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server limit was reached, for example the number of channels per connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command is well-formed but its values are not acceptable: a channel name that is too long, not ASCII or not matching the channel regex, a publish without data, or history with reverse and a zero since.offset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature is off for this channel or server: presence needs presence: true, history needs history_size and history_ttl, RPC needs an RPC proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has expired: get a new token and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection or subscription has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server limits the command rate; slow down and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecoverable position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot continue from the given offset and epoch (the stream was reset or the publications are gone); load the state again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrent pagination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another pagination request is running; this is temporary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebSocket was closed normally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>going away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peer is going away, for example a server restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abnormal closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection dropped without a close frame: a network failure, the server process died, or (Centrifugo) about 5 s after a connect error reply such as 109.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message too big</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A frame exceeded the server&apos;s websocket.message_size_limit (65536 bytes by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server hit an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection&apos;s token expired and was not refreshed in time; reconnect with a fresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscription expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server-side subscription expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client read too slowly and the server&apos;s queue for it overflowed (client.queue_max_size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not write to the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insufficient state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found a gap in a positioned server-side subscription&apos;s stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>force reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked the client to reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client did not answer the server&apos;s ping ({}) with a pong ({}) within the pong timeout (8 s in Centrifugo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client sent commands faster than the server allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the token and cached state, then reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is malformed or its signature does not match the server&apos;s secret, or a subscription token&apos;s channel, user or client does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not accept a command: invalid JSON, a command without a known method (such as {&quot;id&quot;:2}), a command before connect or a second connect, an empty channel, or a stray {} when no ping was outstanding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client did not send connect within the server&apos;s stale delay (10 s by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>force disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server disconnected the client on purpose (for example via the server API&apos;s disconnect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user has too many connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection reached the server&apos;s channel limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inappropriate protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data cannot be sent in this protocol, for example binary data to a JSON client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the connection for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command is not available on this server, for example an asynchronous send without a message handler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client caused too many errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server unsubscribed the client from the channel (for example via the server API).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found a gap in the positioned stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription token expired and was not refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop cached state and subscribe again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client should reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client should subscribe again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client should not retry without changing something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error %1 is in the range 400-1999 that applications (proxies) use; its meaning is defined by the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error %1 is not defined by the protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close code %1 is a WebSocket transport code, not a Centrifugo disconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close code %1 is in a reconnect range (3000-3499, 4000-4499, 5000+); application codes are 4000-4999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close code %1 is in a terminal range (3500-3999, 4500-4999); application codes are 4000-4999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe code %1 is not defined by the protocol; codes from 2500 up mean subscribe again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as client %1 to server %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server pings every %1 s and expects a pong each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server pings every %1 s; no pong needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token expires in %1 s: refresh before then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Subscribed to %1 again and recovered %n missed publication(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Subscribed to %1 again, but the missed publications could not be recovered (stream reset or too old): load the state again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribed to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recoverable at offset %1, epoch %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>History: %n publication(s); the stream is at offset %1, epoch %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Presence: %n client(s) subscribed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Presence stats: %1 client(s), %2 user(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refreshed; it expires in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refreshed; it does not expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to command %1 with an empty result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to command %1 (%2): done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid protocol message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command %1 has no method: the server closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command %1 &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command %1 &quot;%2&quot; on channel %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error reply to command %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server ping: answer with {} (a pong) when connect returned pong: true, or the server closes the connection with 3012 no pong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong: the answer to the server&apos;s ping. A pong without an outstanding ping is a bad request (3501).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, reason &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication in channel %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client joined channel %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client left channel %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server unsubscribed this client from channel %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server subscribed this client to channel %1 (server-side subscription).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An asynchronous message from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect push (unidirectional transports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect push: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refreshed the connection&apos;s expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push of an unknown type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrameRecord</name>
    <message>
        <source>empty line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;time&quot; is missing or not an ISO 8601 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;dir&quot; must be &quot;in&quot; or &quot;out&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;raw&quot; is missing, not a string or not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;kinds&quot;, &quot;frame&quot; and &quot;meta&quot; must have one entry per message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonText</name>
    <message>
        <source>%1 at character %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one JSON value (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>The header (part 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload (part 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature (part 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JWT has exactly three parts separated by dots (header.payload.signature); found: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five parts is an encrypted token (JWE), which Centrifugo does not accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not base64url: unexpected character &apos;%2&apos; at position %3 of the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not base64url: a length of %2 characters is impossible (a character is missing or one too many).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 decodes, but not to JSON: %2 at character %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 decodes to JSON, but not to a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature valid: the token was signed with this secret and not changed since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature invalid: the token was signed with another secret or changed after signing. Centrifugo closes a connection with such a token with code 3500 (invalid token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cannot be verified because it does not decode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only HMAC tokens (HS256, HS384, HS512) can be verified with a secret; this token&apos;s algorithm needs a public key, or the token is unsigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the HMAC secret (client.token.hmac_secret_key) to verify the signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid yet: becomes valid in %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has no exp claim: never expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired %1 ago (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is unsigned (alg &quot;%1&quot;); Centrifugo rejects it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with %1: Centrifugo verifies it only with a configured public key (client.token.rsa_public_key, ecdsa_public_key or jwks_public_endpoint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 claim must be a number of seconds since 1970-01-01 UTC; here it is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sub claim (user ID) must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel claim makes this a subscription token, but it also has &quot;%1&quot;, a connection token claim. As a connection token it would be rejected (3500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both info and b64info are set; Centrifugo uses b64info.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LintFinding</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Linter</name>
    <message>
        <source>The command is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3. The server closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command must be a JSON object such as {&quot;id&quot;: 1, &quot;connect&quot;: {}}. The server closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command is %1 bytes; Centrifugo closes the connection with 1009 (message too big) above %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command field; the server ignores it. Methods are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a whole number from 1 to 4294967295; the server cannot decode this command and closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a pong: the answer to the server&apos;s ping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty command is a pong, and the server has not pinged: it closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command has no method, so the server closes the connection with 3501 bad request. Add exactly one of: %1 (connect first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command has several methods (%1); the server handles only &quot;%2&quot; and ignores the rest. Send one command per method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;send&quot; gets no reply, so its id is not needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo has no handler for asynchronous &quot;send&quot; messages: it closes the connection with 3508 not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; expects a reply, so it needs an &quot;id&quot; (a number from 1). Without one the server takes the command for a pong and closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command with id 0 is taken as the pong to the server&apos;s ping: the server silently drops the command and sends no reply. Use a number from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command with id 0 is taken as a pong, and the server has not pinged: it closes the connection with 3501 bad request. Use a number from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command %1 is still waiting for its reply; a second command with the same id makes the replies impossible to tell apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo does not accept a client &quot;ping&quot; command: it closes the connection with 3501 bad request. The server pings the client with {}; answer with {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect failed on this connection: Centrifugo ignores every further command (no reply) and drops the socket about 5 s after the error (close 1006). Reconnect first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection has already sent connect; a second connect closes it with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first command must be connect; &quot;%1&quot; before connect closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: open the connection before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object, for example &quot;%1&quot;: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no fields; the server ignores &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no field &quot;%2&quot;; the server ignores it. Known fields: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a non-empty &quot;channel&quot;; without one the server closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;channel&quot; must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel name is longer than 255 characters; Centrifugo answers with error 107 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel name is not ASCII; Centrifugo answers with error 107 bad request unless a channel_regex allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;token&quot; must be a string (a JWT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;publish&quot; without &quot;data&quot;: Centrifugo answers with error 107 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;data&quot; is null: Centrifugo accepts it and stores null as the publication&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;refresh&quot; needs a &quot;token&quot;; without one the server closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invalid or wrongly signed token here closes the connection with 3500 invalid token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;sub_refresh&quot; needs the new subscription &quot;token&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The only delta type is &quot;fossil&quot;; any other value closes the connection with 3501 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;recover&quot; needs the last &quot;offset&quot; and &quot;epoch&quot; you saw; without them nothing can be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels starting with $ are private: without a subscription &quot;token&quot; the server answers 103 permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History with &quot;reverse&quot; and a zero since.offset is answered with error 107 bad request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without &quot;limit&quot; (or with 0) history returns no publications, only the current offset and epoch; use -1 for as many as the server allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; still holds a template placeholder; fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Centrifugo Inspector log, level %1 and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 older entries were dropped by the log&apos;s cap of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trace (every frame and handshake line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every log entry from the pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown log entries to a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 older entries dropped (cap %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Log saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send c&amp;onnect command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;pong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ommand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw / empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubscribe to a channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Centrifugo Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already connected or connecting; disconnect first (Ctrl+Shift+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo Inspector — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start. Restart the inspector now? The connection is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall older / newer sent commands in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Centrifugo Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Centrifugo Inspector %1&lt;/h3&gt;&lt;p&gt;Speaks the Centrifugo client protocol v2, shows every frame, and explains every reply, push, error and disconnect.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileResolver</name>
    <message>
        <source>No token is stored for profile &quot;%1&quot;: it connects without a token. Enter the token in Profiles (tokens are not part of exported files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HMAC secret is stored for profile &quot;%1&quot;: no token can be generated, so it connects without a token. Enter the secret in Profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value is stored for the secret header %1 of profile &quot;%2&quot;: it is sent empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Local Centrifugo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last profile cannot be deleted: there is always one to connect with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not JSON: %1 at character %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a Centrifugo Inspector profiles file (its &quot;format&quot; is not &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was written by a newer version (format version %1; this version reads %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 in the file cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains no profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a profiles file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtobufCodec</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number (or a decimal string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is out of range (%3 to %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is out of range (0 to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number from 0 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown value &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: map key &quot;%2&quot; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: map key &quot;%2&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 has no field &quot;%3&quot; in the Protobuf schema, so it cannot be sent in Protobuf mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is too large to encode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 messages in one frame: the remaining %2 bytes are not decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad length prefix at byte %1: the varint is truncated or longer than 10 bytes (%2 bytes left in the frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length prefix at byte %1 announces %2 bytes, but only %3 bytes follow in the frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes %1 to %2 are not a valid Protobuf %3 (%4-byte message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty frame (no messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;$base64&quot; is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;$text&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reconnector</name>
    <message>
        <source>Automatic reconnect was turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconnecting: connect failed with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconnecting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>Cannot write the record file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the record file failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <source>Recording to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lint %1 [%2] %3%4 (in --send %5)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect was refused: error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection with code %1, reason &quot;%2&quot;.
  %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>Summary
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  run time      %1 s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  frames in     %1 (%2 bytes)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  frames out    %1 (%2 bytes)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  rate in       %1 frames/s over %2 s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  messages      %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  by kind:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  by channel:
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Checking for a system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain and kept between sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are kept in memory only and forgotten when the application exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1): secrets are kept in memory only and forgotten when the application exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built without QtKeychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not store the secret (%1); it is kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>State: %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PEM certificate could be read from the CA file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Trusting %n extra CA certificate(s) from %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate errors are ignored for this connection: the server&apos;s identity is not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket handshake complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server ping not answered (auto-pong is off): the server closes the connection with 3012 no pong after its pong timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not decode a server message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect failed: Centrifugo answers nothing more on this connection and drops it about 5 s later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: client %1, server %2, ping every %3 s, pong %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection token expires in %1 s and no token source is set for refresh: the server will close the connection with 3005 connection expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection token expires in %1 s; refreshing in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription token of %1 expires in %2 s and no token source is set for refresh: the server will unsubscribe with 2501 subscription expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription token of %1 expires in %2 s; refreshing in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new connection token to refresh with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new subscription token for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (certificate: subject %1, issuer %2, valid until %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-pong on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-pong off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot encode the command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the connection is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubscriptionModel</name>
    <message>
        <source>server-side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n publication(s) missed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>joins %1, leaves %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code %1, reason &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubscriptionPanel</name>
    <message>
        <source>Channel, e.g. chat:room1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send subscribe for the channel with the options below (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe options: recovery, positioning, join/leave, token, data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a recoverable stream (granted when the namespace allows recovery).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server to watch the stream position and report gaps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join/leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive join and leave pushes (when the namespace has join_leave).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for fossil delta compression (delta: &quot;fossil&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recover from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover missed publications since this epoch and offset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscription JWT (needed for $private channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON for the subscribe proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send unsubscribe for the selected channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe again with the same options, recovering from the last position when the stream is recoverable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish JSON data into the selected channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the channel&apos;s last 10 publications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask who is subscribed to the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the channel&apos;s presence stats (clients and users)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the channel from this list (sends nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not sent: the connection is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a channel name to subscribe to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe data is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data to publish (any JSON value):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not valid JSON. Strings need quotes, e.g. &quot;hello&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscribed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionTracker</name>
    <message>
        <source>Unsubscribed by the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed (code %1), which ends every subscription.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineFilterModel</name>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time the frame was sent or received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: out = sent by this client, in = from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the message is, with the code of errors and closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command id; a reply carries the id of its command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes of this message on the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTT (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip: time from the command to its reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %L1 more bytes not shown
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest message in view. Scrolling up stops following; scrolling to the bottom resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In and out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In (from server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out (sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show messages in one direction only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only some kinds of messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel name, or a pattern with * and ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pings/pongs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the server&apos;s pings and the client&apos;s pongs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search message bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search with a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the table. Frames keep being recorded and appear when you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every message from the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretty JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see it decoded and explained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Binary (Protobuf) message of %Ln byte(s); the Hex tab shows its bytes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Whole frame (%Ln message(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Code %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a documented code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: sent by this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket close frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protobuf (binary frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (text frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln messages, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Kinds: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 messages in %L2 frames, %L3 shown, %L4 dropped (oldest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> | paused: %L1 new waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> | searching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenClaims</name>
    <message>
        <source>%1 is not valid JSON: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channels contains an empty channel name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subscription token needs the channel claim (the channel it lets the user subscribe to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp is not after iat: the token is expired from the moment it is issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b64info is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b64data is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try --help for the options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect, drive and explain a Centrifugo client connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket URL of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to a channel once connected (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print log lines at this level and above on stderr: trace, debug, info, warning or error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface: en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this INI file for the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown log level &quot;%1&quot;; use trace, debug, info, warning or error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
