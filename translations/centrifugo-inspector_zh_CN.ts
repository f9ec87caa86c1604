<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiMode</name>
    <message>
        <source>--api %1: the body must be a JSON object, not &quot;%2&quot;</source>
        <translation>--api %1：请求体必须是 JSON 对象，而不是“%2”</translation>
    </message>
    <message>
        <source>--api-url must be an http:// or https:// URL, not &quot;%1&quot;</source>
        <translation>--api-url 必须是 http:// 或 https:// URL，而不是“%1”</translation>
    </message>
    <message>
        <source>publishing %1/s to %2 via %3 (Ctrl+C stops)</source>
        <translation>正在以每秒 %1 条发布到 %2，经由 %3（Ctrl+C 停止）</translation>
    </message>
    <message>
        <source>%1 failures in a row; is the server running?</source>
        <translation>连续失败 %1 次；服务器在运行吗？</translation>
    </message>
</context>
<context>
    <name>ChannelState</name>
    <message>
        <source>subscribing</source>
        <translation>订阅中</translation>
    </message>
    <message>
        <source>subscribed</source>
        <translation>已订阅</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unsubscribing</source>
        <translation>取消订阅中</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>已取消订阅</translation>
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
  1  the connection failed, connect was refused, the connection closed (who closed it, the code,
     reason and explanation are printed: the server, this client for a deadline or a frame it
     rejected, or the network), a deadline passed (handshake, connect reply, no ping from the
     server, or --duration before the connection was open), or the record could not be written
  2  bad usage (unknown option, bad value, record file not writable, Protobuf unavailable)</source>
        <translation>Centrifugo 的无界面记录器（客户端协议 v2，基于 WebSocket 的 JSON 或 Protobuf）。

连接到 URL，发送 connect（如给出 --token 则带上令牌），订阅每个 --subscribe 频道，按顺序发送
每条 --send 命令，并记录进出的每个 WebSocket 帧。

何时停止：
  --frames N 和/或 --duration S：以先到达的限制为准。
  只有 --subscribe 而无限制：被中断时（Ctrl+C、SIGTERM）。
  其他情况：每条需要回复的 --send 命令都收到回复后，再等 250 毫秒以观察服务器的
  反应（断开连接）。完全没有 --send 时，这就是一次连接检查。
然后正常关闭连接（代码 1000），写出记录并打印摘要。
SIGINT 和 SIGTERM 以同样方式结束运行。

记录（--record）：JSON Lines，每个 WebSocket 帧一个对象，包含 time（ISO 8601 UTC，毫秒）、dir
（in/out）、kind、channel、id、rtt_ms、size、frame（解码后的消息 JSON）、raw（原始负载）以及
关闭时的 code/reason。每个字段见 docs/cli.md。

退出状态：
  0  正常结束：达到限制、命令完成或被中断
  1  连接失败、connect 被拒绝、连接被关闭（会打印由谁关闭、代码、原因和解释：
     服务器；本客户端因超时或拒收的帧而关闭；或网络），超过了期限（握手、connect 回复、
     服务器不发 ping，或连接打开前 --duration 已到），或记录无法写入
  2  用法错误（未知选项、错误的值、记录文件不可写、Protobuf 不可用）</translation>
    </message>
    <message>
        <source>

Server API (--api, --publish-demo; docs/cli.md): calls Centrifugo&apos;s server HTTP API at --api-url
with --api-key instead of connecting. Each --api call prints the server&apos;s reply as one JSON line on
stdout (a failure without a JSON reply prints {&quot;transport_error&quot;: {...}}) and a sentence on stderr.
Exit status: 0 when every call succeeded, 1 when one failed (API error, wrong key, unknown method,
unreachable, timeout), 2 bad usage.</source>
        <translation>

服务端 API（--api、--publish-demo；见 docs/cli.md）：不建立连接，而是用 --api-key 调用 --api-url 处
Centrifugo 的服务端 HTTP API。每个 --api 调用把服务器的回复作为一行 JSON 打印到标准输出
（没有 JSON 回复的失败打印 {&quot;transport_error&quot;: {...}}），并把一句说明打印到标准错误。
退出状态：0 全部调用成功，1 有调用失败（API 错误、密钥错误、未知方法、无法访问、超时），
2 用法错误。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>WebSocket endpoint (default ws://127.0.0.1:8000/connection/websocket).</source>
        <translation>WebSocket 端点（默认 ws://127.0.0.1:8000/connection/websocket）。</translation>
    </message>
    <message>
        <source>Connection JWT sent in connect.</source>
        <translation>在 connect 中发送的连接 JWT。</translation>
    </message>
    <message>
        <source>Subscribe to CHANNEL after connect. Repeatable.</source>
        <translation>连接后订阅 CHANNEL。可重复。</translation>
    </message>
    <message>
        <source>Send JSON as a raw command after connect and the subscribes, in the order given. Repeatable. Linted first: findings go to stderr with their severity, and the command is sent anyway (to see what the server does).</source>
        <translation>在 connect 和订阅之后，按给出的顺序把 JSON 作为原始命令发送。可重复。先做检查：发现的问题连同严重程度输出到 stderr，命令仍会发送（以便观察服务器的反应）。</translation>
    </message>
    <message>
        <source>Record every frame to FILE as JSON Lines (&quot;-&quot; = stdout). Buffered; flushed at exit.</source>
        <translation>把每个帧以 JSON Lines 记录到 FILE（&quot;-&quot; = 标准输出）。带缓冲；退出时写出。</translation>
    </message>
    <message>
        <source>Stop after N frames received (the closing frame is recorded as well).</source>
        <translation>收到 N 个帧后停止（关闭帧也会被记录）。</translation>
    </message>
    <message>
        <source>Stop after SECONDS (fractions allowed).</source>
        <translation>SECONDS 秒后停止（允许小数）。</translation>
    </message>
    <message>
        <source>Log to stderr from this level up: trace, debug, info, warning, error (default info). QT_LOGGING_RULES still applies on top.</source>
        <translation>把此级别及以上的日志输出到 stderr：trace、debug、info、warning、error（默认 info）。QT_LOGGING_RULES 仍在此之上生效。</translation>
    </message>
    <message>
        <source>At exit, print messages per kind and per channel, bytes in/out and the frame rate.</source>
        <translation>退出时打印按类型和按频道统计的消息数、进出字节数和帧速率。</translation>
    </message>
    <message>
        <source>Wire format: json or protobuf (default json).</source>
        <translation>传输格式：json 或 protobuf（默认 json）。</translation>
    </message>
    <message>
        <source>Do not answer server pings (the server then closes with 3012 no pong).</source>
        <translation>不回应服务器的 ping（服务器随后以 3012 no pong 关闭连接）。</translation>
    </message>
    <message>
        <source>Give up when the WebSocket handshake is not answered within SECONDS (default 10; 0 = wait forever).</source>
        <translation>WebSocket 握手在 SECONDS 秒内没有应答时放弃（默认 10；0 = 一直等待）。</translation>
    </message>
    <message>
        <source>Give up when connect is not answered within SECONDS (default 10; 0 = wait forever).</source>
        <translation>connect 在 SECONDS 秒内没有应答时放弃（默认 10；0 = 一直等待）。</translation>
    </message>
    <message>
        <source>How late the server&apos;s ping may be: a warning after its interval + SECONDS, the end of the run (&quot;no ping from the server&quot;) after its interval + twice SECONDS (default 5).</source>
        <translation>服务器的 ping 可以迟到多久：超过其间隔 + SECONDS 秒时警告，超过其间隔 + 两倍 SECONDS 秒时结束运行（“服务器没有发送 ping”）（默认 5）。</translation>
    </message>
    <message>
        <source>Lint frames instead of connecting: JSON Lines {&quot;frame&quot;: ..., &quot;state&quot;: {...}} from FILE (- for stdin), one JSON line per frame with the predicted outcome.</source>
        <translation>不连接，改为检查帧：从 FILE（- 表示标准输入）读取 JSON Lines {&quot;frame&quot;: ..., &quot;state&quot;: {...}}，每帧输出一行带预测结果的 JSON。</translation>
    </message>
    <message>
        <source>Lint the sent frames of a JSON Lines recording or a HAR file, in the order they were sent.</source>
        <translation>按发送顺序检查 JSON Lines 录制文件或 HAR 文件中已发送的帧。</translation>
    </message>
    <message>
        <source>Centrifugo&apos;s server API: the server&apos;s base URL or its /api prefix (default $CENTRIFUGO_API_URL).</source>
        <translation>Centrifugo 的服务端 API：服务器的基础 URL 或其 /api 前缀（默认 $CENTRIFUGO_API_URL）。</translation>
    </message>
    <message>
        <source>The server API key, sent as X-API-Key (default $CENTRIFUGO_API_KEY).</source>
        <translation>服务端 API 密钥，以 X-API-Key 发送（默认 $CENTRIFUGO_API_KEY）。</translation>
    </message>
    <message>
        <source>Call the server API instead of connecting: METHOD (publish, broadcast, subscribe, unsubscribe, disconnect, refresh, presence, presence_stats, history, history_remove, channels, info, batch) with a JSON body (default {}). Repeatable; run in order; each reply is printed as one JSON line.</source>
        <translation>不建立连接，而是调用服务端 API：METHOD（publish、broadcast、subscribe、unsubscribe、disconnect、refresh、presence、presence_stats、history、history_remove、channels、info、batch）加 JSON 请求体（默认 {}）。可重复；按顺序执行；每个回复打印为一行 JSON。</translation>
    </message>
    <message>
        <source>Publish demo messages through the server API, round-robin into the comma-separated CHANNELS, until interrupted (or --demo-count).</source>
        <translation>通过服务端 API 轮流向逗号分隔的 CHANNELS 发布演示消息，直到被中断（或达到 --demo-count）。</translation>
    </message>
    <message>
        <source>Demo publications per second (default 3).</source>
        <translation>每秒演示发布数（默认 3）。</translation>
    </message>
    <message>
        <source>Stop the demo after N publications (default 0: until interrupted).</source>
        <translation>发布 N 条后停止演示（默认 0：直到被中断）。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>give one of --lint FILE or --lint-recording FILE</source>
        <translation>请只给出 --lint FILE 或 --lint-recording FILE 其中之一</translation>
    </message>
    <message>
        <source>--url must be a ws:// or wss:// URL, not &quot;%1&quot;</source>
        <translation>--url 必须是 ws:// 或 wss:// URL，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--protocol protobuf: this build has no Protobuf codec; use --protocol json</source>
        <translation>--protocol protobuf：此构建没有 Protobuf 编解码器；请使用 --protocol json</translation>
    </message>
    <message>
        <source>--protocol must be json or protobuf, not &quot;%1&quot;</source>
        <translation>--protocol 必须是 json 或 protobuf，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--subscribe needs a channel name</source>
        <translation>--subscribe 需要一个频道名</translation>
    </message>
    <message>
        <source>--send with --protocol protobuf needs JSON objects (one per line), not &quot;%1&quot;</source>
        <translation>与 --protocol protobuf 一起使用时，--send 需要 JSON 对象（每行一个），而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--record needs a file name (or - for stdout)</source>
        <translation>--record 需要一个文件名（或用 - 表示标准输出）</translation>
    </message>
    <message>
        <source>--frames must be a positive whole number, not &quot;%1&quot;</source>
        <translation>--frames 必须是正整数，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--duration must be a positive number of seconds, not &quot;%1&quot;</source>
        <translation>--duration 必须是正的秒数，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--log-level must be trace, debug, info, warning or error, not &quot;%1&quot;</source>
        <translation>--log-level 必须是 trace、debug、info、warning 或 error，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds (0 or more), not &quot;%2&quot;</source>
        <translation>--%1 必须是秒数（0 或更大），而不是“%2”</translation>
    </message>
    <message>
        <source>--api and --publish-demo need --api-url URL (or CENTRIFUGO_API_URL)</source>
        <translation>--api 和 --publish-demo 需要 --api-url URL（或 CENTRIFUGO_API_URL）</translation>
    </message>
    <message>
        <source>--api needs a method name</source>
        <translation>--api 需要方法名</translation>
    </message>
    <message>
        <source>--publish-demo needs at least one channel</source>
        <translation>--publish-demo 至少需要一个频道</translation>
    </message>
    <message>
        <source>--demo-rate must be a positive number, not &quot;%1&quot;</source>
        <translation>--demo-rate 必须是正数，而不是“%1”</translation>
    </message>
    <message>
        <source>--demo-count must be a whole number (0 or more), not &quot;%1&quot;</source>
        <translation>--demo-count 必须是整数（0 或更大），而不是“%1”</translation>
    </message>
    <message>
        <source>How to reach the server: websocket (default), http_stream, sse, uni_websocket, uni_sse or uni_http_stream. --url names that transport&apos;s endpoint (default: its standard path on 127.0.0.1:8000).</source>
        <translation>如何连接服务器：websocket（默认）、http_stream、sse、uni_websocket、uni_sse 或 uni_http_stream。--url 指向该传输的端点（默认：其在 127.0.0.1:8000 上的标准路径）。</translation>
    </message>
    <message>
        <source>Try every transport against the server of --url (its host and port) and print which work, the connect time and the reason of each failure. Exit 0 when one works.</source>
        <translation>对 --url 所指服务器（其主机和端口）逐一尝试每种传输，打印哪些可用、连接耗时以及每个失败的原因。只要有一种可用即以 0 退出。</translation>
    </message>
    <message>
        <source>--transport must be one of websocket, http_stream, sse, uni_websocket, uni_sse, uni_http_stream, not &quot;%1&quot;</source>
        <translation>--transport 必须是 websocket、http_stream、sse、uni_websocket、uni_sse、uni_http_stream 之一，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--url must be an http:// or https:// URL for --transport %1, not &quot;%2&quot;</source>
        <translation>--transport %1 需要 http:// 或 https:// 形式的 --url，而不是 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Merge recordings (FILE and the files after it) into one, in time order, each line with a &quot;source&quot; field naming its file&apos;s client; written to --record (default stdout).</source>
        <translation>把多个录制文件（FILE 及其后的文件）按时间顺序合并为一个，每行带一个 &quot;source&quot; 字段，标明它来自哪个文件的客户端；写入 --record（默认标准输出）。</translation>
    </message>
    <message>
        <source>Proxy mode: listen on ADDRESS:PORT (loopback) and forward every application connection to --url, recording both ways (docs/proxy.md).</source>
        <translation>代理模式：在 ADDRESS:PORT（回环）上监听，把每个应用连接转发到 --url，并记录双向流量（见 docs/proxy.md）。</translation>
    </message>
    <message>
        <source>Let --proxy listen on an address that is not loopback.</source>
        <translation>允许 --proxy 监听非回环地址。</translation>
    </message>
    <message>
        <source>Proxy mode: inject a fault, e.g. after=5s,close=3001 or conn=2,drop=chat:5, delay=200, drop-upstream, hold-pings, hold-pongs, pass. Repeatable.</source>
        <translation>代理模式：注入故障，例如 after=5s,close=3001 或 conn=2,drop=chat:5、delay=200、drop-upstream、hold-pings、hold-pongs、pass。可重复。</translation>
    </message>
    <message>
        <source>Run the QA scenario in FILE (JSON or YAML, docs/scenarios.md) and exit 0 when every step passed, 1 when one failed, 2 for a bad file or an unreachable server.</source>
        <translation>运行 FILE 中的 QA 场景（JSON 或 YAML，见 docs/scenarios.md）：所有步骤通过时以 0 退出，有步骤失败时以 1 退出，文件有误或服务器无法访问时以 2 退出。</translation>
    </message>
    <message>
        <source>With --scenario: write a JUnit XML report to FILE.</source>
        <translation>与 --scenario 一起使用：把 JUnit XML 报告写入 FILE。</translation>
    </message>
    <message>
        <source>With --scenario: run it N times (default 1).</source>
        <translation>与 --scenario 一起使用：运行 N 次（默认 1）。</translation>
    </message>
    <message>
        <source>With --scenario: the HMAC secret that signs tokens given as claims (default $CENTRIFUGO_HMAC_SECRET, then the file&apos;s).</source>
        <translation>与 --scenario 一起使用：为以 claims 给出的令牌签名的 HMAC 密钥（默认 $CENTRIFUGO_HMAC_SECRET，其次为文件中的设置）。</translation>
    </message>
    <message>
        <source>Load run: open --connections lightweight connections, subscribe them to --channels channels, publish through the server API or a connection (--publish-via) at --publish-rate for --duration seconds, and report latency percentiles, deliveries, losses, errors, CPU and memory (JSON on stdout).</source>
        <translation>负载运行：打开 --connections 个轻量连接，把它们订阅到 --channels 个频道，以 --publish-rate 的速率通过服务端 API 或一个连接（--publish-via）发布 --duration 秒，并报告延迟百分位、送达、丢失、错误、CPU 和内存（JSON 输出到标准输出）。</translation>
    </message>
    <message>
        <source>With --load: connections to open (default 100).</source>
        <translation>与 --load 一起使用：要打开的连接数（默认 100）。</translation>
    </message>
    <message>
        <source>With --load: new connections per second (default 1000).</source>
        <translation>与 --load 一起使用：每秒新建连接数（默认 1000）。</translation>
    </message>
    <message>
        <source>With --load: channels (default 10).</source>
        <translation>与 --load 一起使用：频道数（默认 10）。</translation>
    </message>
    <message>
        <source>With --load: publications per second (default 100).</source>
        <translation>与 --load 一起使用：每秒发布数（默认 100）。</translation>
    </message>
    <message>
        <source>With --load: publish through the server API (api, the default) or over one more connection that is not subscribed (client).</source>
        <translation>与 --load 一起使用：通过服务端 API 发布（api，默认），或通过另外一个不订阅的连接发布（client）。</translation>
    </message>
    <message>
        <source>--publish-via must be api or client, not &quot;%1&quot;</source>
        <translation>--publish-via 必须是 api 或 client，而不是“%1”</translation>
    </message>
    <message>
        <source>--connections, --connect-rate, --channels and --publish-rate must be positive numbers</source>
        <translation>--connections、--connect-rate、--channels 和 --publish-rate 必须是正数</translation>
    </message>
    <message>
        <source>--repeat must be a positive whole number, not &quot;%1&quot;</source>
        <translation>--repeat 必须是正整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--junit, --repeat and --hmac-secret need --scenario FILE</source>
        <translation>--junit、--repeat 和 --hmac-secret 需要 --scenario FILE</translation>
    </message>
    <message>
        <source>--proxy needs ADDRESS:PORT and takes no --subscribe, --send or --frames</source>
        <translation>--proxy 需要 ADDRESS:PORT，且不能与 --subscribe、--send 或 --frames 同用</translation>
    </message>
    <message>
        <source>--inject works in proxy mode only (--proxy)</source>
        <translation>--inject 只能用于代理模式（--proxy）</translation>
    </message>
    <message>
        <source>--scenario needs a file name</source>
        <translation>--scenario 需要一个文件名</translation>
    </message>
    <message>
        <source>--load needs a ws:// URL, not &quot;%1&quot;</source>
        <translation>--load 需要 ws:// URL，而不是“%1”</translation>
    </message>
    <message>
        <source>--load publishes through the server API: give --api-url URL (or CENTRIFUGO_API_URL)</source>
        <translation>--load 通过服务端 API 发布：请给出 --api-url URL（或 CENTRIFUGO_API_URL）</translation>
    </message>
    <message>
        <source>--inject: unknown item &quot;%1&quot; in &quot;%2&quot;</source>
        <translation>--inject：“%2”中有未知项“%1”</translation>
    </message>
    <message>
        <source>--inject: bad value in &quot;%1&quot;</source>
        <translation>--inject：“%1”中的值无效</translation>
    </message>
    <message>
        <source>--inject: one fault per --inject, not &quot;%1&quot;</source>
        <translation>--inject：每个 --inject 只能有一个故障，而不是“%1”</translation>
    </message>
    <message>
        <source>--inject: no fault in &quot;%1&quot; (close=, drop-upstream, delay=, drop=, hold-pings, hold-pongs or pass)</source>
        <translation>--inject：“%1”中没有故障（close=、drop-upstream、delay=、drop=、hold-pings、hold-pongs 或 pass）</translation>
    </message>
    <message>
        <source>--proxy must be ADDRESS:PORT (e.g. 127.0.0.1:8001), not &quot;%1&quot;</source>
        <translation>--proxy 必须是 ADDRESS:PORT（例如 127.0.0.1:8001），而不是“%1”</translation>
    </message>
    <message>
        <source>centrifugo-inspector-cli: proxy listening on %1, forwarding to %2
</source>
        <translation>centrifugo-inspector-cli: 代理正在监听 %1，转发到 %2
</translation>
    </message>
    <message numerus="yes">
        <source>Proxy summary: %n application connection(s)
</source>
        <translation>
            <numerusform>代理汇总：%n 个应用连接
</numerusform>
        </translation>
    </message>
    <message>
        <source>  conn %1 %2 %3 client %4: app-&gt;server %5 frames (%6 forwarded), server-&gt;app %7 frames (%8 forwarded), undelivered %9, dropped %10, held %11, delayed %12, lint findings %13
</source>
        <translation>  连接 %1 %2 %3 客户端 %4：应用-&gt;服务器 %5 帧（已转发 %6），服务器-&gt;应用 %7 帧（已转发 %8），未送达 %9，丢弃 %10，扣留 %11，延迟 %12，检查发现 %13
</translation>
    </message>
</context>
<context>
    <name>CloseInfo</name>
    <message>
        <source>the server&apos;s side closed the TCP connection without a WebSocket close frame</source>
        <translation>服务器一端关闭了 TCP 连接，没有发送 WebSocket 关闭帧</translation>
    </message>
    <message>
        <source>the host name was not found</source>
        <translation>找不到该主机名</translation>
    </message>
    <message>
        <source>the network operation timed out</source>
        <translation>网络操作超时</translation>
    </message>
    <message>
        <source>the network failed (e.g. the connection was reset)</source>
        <translation>网络出错（例如连接被重置）</translation>
    </message>
    <message>
        <source>the TLS handshake failed (e.g. the certificate was not accepted)</source>
        <translation>TLS 握手失败（例如证书未被接受）</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>TLS 出错</translation>
    </message>
    <message>
        <source>socket error %1</source>
        <translation>套接字错误 %1</translation>
    </message>
    <message>
        <source>the close was asked for here</source>
        <translation>关闭是在本端请求的</translation>
    </message>
    <message>
        <source>the server did not answer the WebSocket handshake in time</source>
        <translation>服务器没有及时应答 WebSocket 握手</translation>
    </message>
    <message>
        <source>the server did not reply to connect in time</source>
        <translation>服务器没有及时回复 connect</translation>
    </message>
    <message>
        <source>no ping from the server within its ping interval plus the tolerance</source>
        <translation>在 ping 间隔加容差时间内没有收到服务器的 ping</translation>
    </message>
    <message>
        <source>the server sent text that is not valid UTF-8 (a text frame or a close reason), which WebSocket forbids</source>
        <translation>服务器发送了不是有效 UTF-8 的文本（文本帧或关闭原因），WebSocket 不允许这样做</translation>
    </message>
    <message>
        <source>the server sent a frame that breaks the WebSocket protocol (RFC 6455), e.g. a close reason longer than 123 bytes or an invalid close code</source>
        <translation>服务器发送了违反 WebSocket 协议（RFC 6455）的帧，例如超过 123 字节的关闭原因或无效的关闭码</translation>
    </message>
    <message>
        <source>the server sent a message larger than the WebSocket layer accepts</source>
        <translation>服务器发送的消息超过了 WebSocket 层接受的大小</translation>
    </message>
    <message>
        <source>a frame from the server started but did not finish within 5 s</source>
        <translation>服务器的一个帧已开始，但 5 秒内没有传完</translation>
    </message>
    <message>
        <source>the connection or the WebSocket upgrade was refused</source>
        <translation>连接或 WebSocket 升级被拒绝</translation>
    </message>
</context>
<context>
    <name>CombinedTimelineModel</name>
    <message>
        <source>↓ in</source>
        <translation>↓ 收到</translation>
    </message>
    <message>
        <source>↑ out</source>
        <translation>↑ 发出</translation>
    </message>
    <message>
        <source>→ server API</source>
        <translation>→ 服务器 API</translation>
    </message>
    <message>
        <source>← server API</source>
        <translation>← 服务器 API</translation>
    </message>
    <message>
        <source>A call of the server HTTP API, made beside the clients: %1</source>
        <translation>在客户端之外发起的服务器 HTTP API 调用：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>server call %1</source>
        <translation>服务器调用 %1</translation>
    </message>
</context>
<context>
    <name>CombinedTimelineView</name>
    <message>
        <source>The selected row is not a publication with an offset: there is nothing to follow.</source>
        <translation>所选行不是带 offset 的发布消息：没有可追踪的内容。</translation>
    </message>
    <message>
        <source>Rows: %1 | Sources: %2</source>
        <translation>行数：%1 | 来源：%2</translation>
    </message>
    <message>
        <source> | Shown (%1): %2</source>
        <translation> | 显示（%1）：%2</translation>
    </message>
    <message>
        <source> | Dropped (oldest): %1</source>
        <translation> | 已丢弃（最早的）：%1</translation>
    </message>
    <message>
        <source> | Following %1: %2 rows</source>
        <translation> | 正在追踪 %1：%2 行</translation>
    </message>
    <message>
        <source>Changes since the channel&apos;s previous publication (%1):</source>
        <translation>与该频道上一条发布消息（%1）相比的变化：</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Follow this publication</source>
        <translation>追踪此发布消息</translation>
    </message>
    <message>
        <source>Show only the rows of the selected publication (same channel and offset) in every source: the server&apos;s publish reply and each client&apos;s push.</source>
        <translation>只显示所选发布消息在各个来源中的行（相同频道和 offset）：服务器的发布回复以及每个客户端收到的推送。</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>One source only: a session&apos;s messages with the server calls made from its panel</source>
        <translation>只显示一个来源：某个会话的消息，以及从其面板发起的服务器调用</translation>
    </message>
</context>
<context>
    <name>CommandAnalysis</name>
    <message>
        <source>No &quot;id&quot;: the inspector adds id %1 when it sends the command.</source>
        <translation>没有 &quot;id&quot;：发送时检查器会加上 id %1。</translation>
    </message>
    <message>
        <source>This is not JSON for the inspector, so it is sent exactly as typed, line breaks included.</source>
        <translation>这段文本对检查器来说不是 JSON，因此按输入原样发送，包括换行。</translation>
    </message>
</context>
<context>
    <name>CommandComposer</name>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>Raw / empty</source>
        <translation>原始 / 空白</translation>
    </message>
    <message>
        <source>Start from a protocol-valid command. Raw / empty clears the editor for free text.</source>
        <translation>从符合协议的命令开始。“原始 / 空白”会清空编辑器，供自由输入。</translation>
    </message>
    <message>
        <source>What the linter found; activate an entry to jump to it.</source>
        <translation>检查器（linter）发现的问题；激活某一项可跳转到对应位置。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Commands sent before (Ctrl+Up / Ctrl+Down in the editor)</source>
        <translation>之前发送过的命令（在编辑器中按 Ctrl+上 / Ctrl+下）</translation>
    </message>
    <message>
        <source>Resend last</source>
        <translation>重发上一条</translation>
    </message>
    <message>
        <source>Put the last sent command in the editor and send it again</source>
        <translation>把上一条发送的命令放回编辑器并再次发送</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Confirm: send with errors</source>
        <translation>确认：带错误发送</translation>
    </message>
    <message>
        <source>Line %1, column %2: </source>
        <translation>第 %1 行，第 %2 列：</translation>
    </message>
    <message>
        <source>id: automatic (%1)</source>
        <translation>id：自动（%1）</translation>
    </message>
    <message>
        <source>id: %1 (yours)</source>
        <translation>id：%1（由你指定）</translation>
    </message>
    <message>
        <source>no id</source>
        <translation>无 id</translation>
    </message>
    <message>
        <source>raw: sent exactly as typed</source>
        <translation>原始：按输入原样发送</translation>
    </message>
    <message>
        <source>Type a command first.</source>
        <translation>请先输入命令。</translation>
    </message>
    <message>
        <source>The text is not JSON: fix the marked error to send it.</source>
        <translation>文本不是 JSON：修正标出的错误后才能发送。</translation>
    </message>
    <message>
        <source>Send the command (Ctrl+Enter)</source>
        <translation>发送命令（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send anyway…</source>
        <translation>仍然发送…</translation>
    </message>
    <message>
        <source>The linter found an error. Click once to arm, then again to send it on purpose.</source>
        <translation>检查发现了错误。点击一次进入待发状态，再点击一次即可有意发送。</translation>
    </message>
    <message>
        <source>Click (or Ctrl+Enter) again to send the command with its errors. Editing disarms.</source>
        <translation>再次点击（或按 Ctrl+Enter）将带着错误发送该命令。编辑文本会取消待发状态。</translation>
    </message>
    <message>
        <source>Not sent: the connection is not open. Connect first (Ctrl+K).</source>
        <translation>未发送：连接尚未打开。请先连接（Ctrl+K）。</translation>
    </message>
    <message>
        <source>Sent as id %1.</source>
        <translation>已发送，id 为 %1。</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>已发送。</translation>
    </message>
    <message>
        <source>Type a command as JSON, e.g. {&quot;subscribe&quot;: {&quot;channel&quot;: &quot;news&quot;}}, or pick a template. Tab goes to the next placeholder; Ctrl+Enter sends; Ctrl+Up/Down recalls sent commands.</source>
        <translation>以 JSON 输入命令，例如 {&quot;subscribe&quot;: {&quot;channel&quot;: &quot;news&quot;}}，或选择一个模板。Tab 跳到下一个占位符；Ctrl+Enter 发送；Ctrl+Up/Down 调出已发送的命令。</translation>
    </message>
    <message>
        <source>Command editor</source>
        <translation>命令编辑器</translation>
    </message>
    <message>
        <source>Linter findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Replace the command?</source>
        <translation>替换命令？</translation>
    </message>
    <message>
        <source>The editor holds a command you typed. Replace it with the template? (Ctrl+Z in the editor brings it back.)</source>
        <translation>编辑器中有你输入的命令。用模板替换它吗？（在编辑器中按 Ctrl+Z 可以找回。）</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>The frame exactly as it goes on the wire; the linter checks these bytes.</source>
        <translation>即将发送到线路上的帧原文；检查器检查的正是这些字节。</translation>
    </message>
    <message>
        <source>raw: each value compacted on its own line</source>
        <translation>原始：每个值压缩后各占一行</translation>
    </message>
    <message>
        <source>On the wire (%1 bytes). Predicted: %2</source>
        <translation>线路上（%1 字节）。预测：%2</translation>
    </message>
</context>
<context>
    <name>CommandTemplates</name>
    <message>
        <source>Authenticate the connection; must be the first command. Add &quot;token&quot; for a user, omit it for anonymous access.</source>
        <translation>认证连接；必须是第一条命令。以用户身份连接时加上 &quot;token&quot;，匿名访问时省略。</translation>
    </message>
    <message>
        <source>Subscribe to a channel and receive its publications as pushes.</source>
        <translation>订阅频道，并以推送的形式接收其发布的消息。</translation>
    </message>
    <message>
        <source>Stop receiving a channel&apos;s publications.</source>
        <translation>停止接收频道的发布消息。</translation>
    </message>
    <message>
        <source>Publish data into a channel (needs publish permission).</source>
        <translation>向频道发布数据（需要发布权限）。</translation>
    </message>
    <message>
        <source>List the clients subscribed to a channel (needs presence enabled).</source>
        <translation>列出订阅了该频道的客户端（需要启用 presence）。</translation>
    </message>
    <message>
        <source>Count the clients and users subscribed to a channel.</source>
        <translation>统计订阅了该频道的客户端数和用户数。</translation>
    </message>
    <message>
        <source>Read a channel&apos;s recent publications (limit 0 returns only the stream position).</source>
        <translation>读取频道最近的发布消息（limit 为 0 时只返回流位置）。</translation>
    </message>
    <message>
        <source>A client ping; part of the schema, but see the server note.</source>
        <translation>客户端 ping；属于协议定义，但请看服务器说明。</translation>
    </message>
    <message>
        <source>Send an asynchronous message to the server, without a reply.</source>
        <translation>向服务器发送一条异步消息，不会有回复。</translation>
    </message>
    <message>
        <source>Call a server-side method through the RPC proxy.</source>
        <translation>通过 RPC 代理调用服务器端方法。</translation>
    </message>
    <message>
        <source>Give the server a new connection token before the old one expires.</source>
        <translation>在旧的连接令牌过期前，向服务器提供新的令牌。</translation>
    </message>
    <message>
        <source>Give the server a new subscription token for a channel.</source>
        <translation>为某个频道向服务器提供新的订阅令牌。</translation>
    </message>
    <message>
        <source>Centrifugo v6 does not accept a client ping: it closes the connection with 3501 bad request. The server pings with {} and expects {} back.</source>
        <translation>Centrifugo v6 不接受客户端 ping：它会以 3501 bad request 关闭连接。服务器用 {} 发送 ping，并期望收到 {} 作为回应。</translation>
    </message>
    <message>
        <source>Centrifugo v6 has no handler for send: it closes the connection with 3508 not available.</source>
        <translation>Centrifugo v6 没有处理 send 的程序：它会以 3508 not available 关闭连接。</translation>
    </message>
    <message>
        <source>Without an RPC proxy configured, Centrifugo answers with error 108 not available.</source>
        <translation>未配置 RPC 代理时，Centrifugo 以错误 108 not available 作答。</translation>
    </message>
</context>
<context>
    <name>ConnectionInput</name>
    <message>
        <source>Enter the server&apos;s WebSocket URL, e.g. ws://127.0.0.1:8000/connection/websocket.</source>
        <translation>请输入服务器的 WebSocket URL，例如 ws://127.0.0.1:8000/connection/websocket。</translation>
    </message>
    <message>
        <source>Enter the transport&apos;s URL, e.g. http://127.0.0.1:8000%1.</source>
        <translation>请输入该传输方式的 URL，例如 http://127.0.0.1:8000%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WebSocket URL: use ws://host:port/path or wss://host:port/path.</source>
        <translation>“%1”不是 WebSocket URL：请使用 ws://主机:端口/路径 或 wss://主机:端口/路径。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HTTP URL: use http://host:port/path or https://host:port/path.</source>
        <translation>&quot;%1&quot; 不是 HTTP URL：请使用 http://host:port/path 或 https://host:port/path。</translation>
    </message>
</context>
<context>
    <name>ConnectionMoreOptions</name>
    <message>
        <source>CA Certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>How long the server may take to answer the WebSocket handshake before the connection is given up (and said so). 0: wait forever.</source>
        <translation>服务器应答 WebSocket 握手的最长时间，超过后放弃连接（并说明原因）。0：一直等待。</translation>
    </message>
    <message>
        <source>&amp;Handshake timeout:</source>
        <translation>握手超时(&amp;H)：</translation>
    </message>
    <message>
        <source>Client name sent in connect (the server uses it for metrics only).</source>
        <translation>在 connect 中发送的客户端名称（服务器仅用于统计指标）。</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>客户端名称</translation>
    </message>
    <message>
        <source>Client &amp;name:</source>
        <translation>客户端名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Client version</source>
        <translation>客户端版本</translation>
    </message>
    <message>
        <source>Client &amp;version:</source>
        <translation>客户端版本(&amp;V)：</translation>
    </message>
    <message>
        <source>JSON for the connect proxy, e.g. {&quot;room&quot;: 1}</source>
        <translation>供 connect 代理使用的 JSON，例如 {&quot;room&quot;: 1}</translation>
    </message>
    <message>
        <source>Connect data</source>
        <translation>连接数据</translation>
    </message>
    <message>
        <source>Connect &amp;data:</source>
        <translation>connect 数据(&amp;D)：</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>HTTP headers</source>
        <translation>HTTP 头</translation>
    </message>
    <message>
        <source>Extra HTTP headers of the WebSocket handshake. Values of secret headers (Authorization, Cookie, names with key, token, secret ... or a JWT) are shown as dots and never saved.</source>
        <translation>WebSocket 握手时附加的 HTTP 头。机密头（Authorization、Cookie、名称含 key、token、secret 等，或值为 JWT）的值显示为圆点，且从不保存。</translation>
    </message>
    <message>
        <source>HTTP headers:</source>
        <translation>HTTP 请求头：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>PEM file, for wss://</source>
        <translation>PEM 文件，用于 wss://</translation>
    </message>
    <message>
        <source>PEM file with CA certificates to trust besides the system&apos;s, e.g. for a self-signed development server.</source>
        <translation>除系统 CA 外还要信任的 CA 证书 PEM 文件，例如用于自签名的开发服务器。</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Ignore certificate errors (test servers only)</source>
        <translation>忽略证书错误（仅限测试服务器）</translation>
    </message>
    <message>
        <source>Connect to a wss:// server even when its certificate is not trusted, expired or for another host. The errors are still shown, and the state area warns for as long as this is on. Not remembered: off at every start.</source>
        <translation>即使 wss:// 服务器的证书不受信任、已过期或属于其他主机，也照样连接。错误仍会显示，并且只要此项开启，状态区域就会一直发出警告。不会被记住：每次启动时均为关闭。</translation>
    </message>
    <message>
        <source>Send connect after the handshake</source>
        <translation>握手后发送 connect</translation>
    </message>
    <message>
        <source>Off: the WebSocket opens and you send connect yourself (from the composer or the Send connect button).</source>
        <translation>关闭时：WebSocket 打开后由你自己发送 connect（在命令编辑器中或点击“发送 connect”按钮）。</translation>
    </message>
    <message>
        <source>Connect data is not valid JSON.</source>
        <translation>connect 数据不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Connect data is not valid JSON; fix it or clear it.</source>
        <translation>connect 数据不是有效的 JSON；请修正或清空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP header name.</source>
        <translation>“%1”不是有效的 HTTP 请求头名称。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read.</source>
        <translation>无法读取 CA 证书文件 %1。</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>WebSocket endpoint of the server: ws://host:port/connection/websocket, or wss:// for TLS. Recent URLs are in the list.</source>
        <translation>服务器的 WebSocket 端点：ws://主机:端口/connection/websocket，TLS 用 wss://。最近使用的 URL 在列表中。</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL：</translation>
    </message>
    <message>
        <source>Protobuf arrives in its own issue.</source>
        <translation>Protobuf 将在单独的议题中提供。</translation>
    </message>
    <message>
        <source>Encoding of the client protocol, chosen at the WebSocket handshake.</source>
        <translation>客户端协议的编码，在 WebSocket 握手时选定。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>empty: anonymous</source>
        <translation>留空：匿名</translation>
    </message>
    <message>
        <source>Connection JWT sent in connect. It is not saved to the settings.</source>
        <translation>在 connect 中发送的连接 JWT。不会保存到设置中。</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>更多选项</translation>
    </message>
    <message>
        <source>Answer server pings (auto-pong)</source>
        <translation>应答服务器 ping（自动 pong）</translation>
    </message>
    <message>
        <source>Off: server pings stay unanswered and the server closes the connection with 3012 no pong after its pong timeout.</source>
        <translation>关闭时：服务器的 ping 得不到应答，服务器会在 pong 超时后以 3012 no pong 关闭连接。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Send connect</source>
        <translation>发送 connect</translation>
    </message>
    <message>
        <source>Send the connect command now (when automatic connect is off).</source>
        <translation>立即发送 connect 命令（在关闭自动 connect 时使用）。</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Closed by you</source>
        <translation>已由你关闭</translation>
    </message>
    <message>
        <source>connect failed: error %1</source>
        <translation>connect 失败：错误 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>every %1 s, pong required</source>
        <translation>每 %1 秒，需要 pong</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>每 %1 秒</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Open, waiting for the connect reply</source>
        <translation>已打开，等待 connect 回复</translation>
    </message>
    <message>
        <source>Open: WebSocket ready, connect not sent</source>
        <translation>已打开：WebSocket 就绪，尚未发送 connect</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Open the WebSocket and send connect (Ctrl+K)</source>
        <translation>打开 WebSocket 并发送 connect（Ctrl+K）</translation>
    </message>
    <message>
        <source>Close the connection (Ctrl+Shift+K)</source>
        <translation>关闭连接（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>After a close in a reconnect range (for example 3012 no pong, or a lost network), connect again with backoff and restore the subscriptions, recovering missed publications. Terminal codes such as 3501 do not reconnect.</source>
        <translation>在需重连范围内的关闭之后（例如 3012 no pong 或网络中断），以退避方式重新连接并恢复订阅，同时找回错过的发布消息。3501 等终止代码不会重连。</translation>
    </message>
    <message>
        <source>reconnecting in %1 s (attempt %2)</source>
        <translation>%1 秒后重连（第 %2 次尝试）</translation>
    </message>
    <message>
        <source>reconnect attempt %1</source>
        <translation>第 %1 次重连尝试</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2，于 %3</translation>
    </message>
    <message>
        <source>Stop reconnecting</source>
        <translation>停止重连</translation>
    </message>
    <message>
        <source>Client name and version, connect data, HTTP headers, TLS, automatic connect</source>
        <translation>客户端名称和版本、connect 数据、HTTP 请求头、TLS、自动 connect</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1. Trust its CA with a CA file (More options) or, for a test server only, ignore certificate errors.</source>
        <translation>服务器的证书未被接受：%1。请通过 CA 文件（更多选项）信任其 CA，或者（仅限测试服务器）忽略证书错误。</translation>
    </message>
    <message>
        <source>Certificate errors are ignored for this connection: the server&apos;s identity is not checked.</source>
        <translation>此连接忽略证书错误：不检查服务器的身份。</translation>
    </message>
    <message>
        <source>Ignored: %1</source>
        <translation>已忽略：%1</translation>
    </message>
    <message>
        <source>Certificate errors will be ignored when you connect to a wss:// URL: the server&apos;s identity will not be checked.</source>
        <translation>连接到 wss:// URL 时将忽略证书错误：不会检查服务器的身份。</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Closed by this client: code %1</source>
        <translation>由本客户端关闭：代码 %1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接中断：%1</translation>
    </message>
    <message>
        <source>Closed by the server: %1 %2</source>
        <translation>由服务器关闭：%1 %2</translation>
    </message>
    <message>
        <source>Closed by the server: code %1</source>
        <translation>由服务器关闭：代码 %1</translation>
    </message>
    <message>
        <source>How to reach the server: WebSocket, the HTTP-streaming and SSE emulation (commands go to /emulation), or a unidirectional transport (connect, then pushes only).</source>
        <translation>如何连接服务器：WebSocket，HTTP 流式与 SSE 仿真（命令发往 /emulation），或单向传输（只发 connect，随后仅接收推送）。</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>传输(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>A profile needs a name.</source>
        <translation>配置需要一个名称。</translation>
    </message>
    <message>
        <source>The URL must be a WebSocket URL such as ws://127.0.0.1:8000/connection/websocket.</source>
        <translation>URL 必须是 WebSocket URL，例如 ws://127.0.0.1:8000/connection/websocket。</translation>
    </message>
    <message>
        <source>The connect data is not valid JSON: %1.</source>
        <translation>connect 数据不是有效的 JSON：%1。</translation>
    </message>
    <message>
        <source>The subscribe data of %1 is not valid JSON: %2.</source>
        <translation>%1 的 subscribe 数据不是有效的 JSON：%2。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read.</source>
        <translation>无法读取 CA 证书文件 %1。</translation>
    </message>
    <message>
        <source>Unknown transport &quot;%1&quot;.</source>
        <translation>未知的传输 &quot;%1&quot;。</translation>
    </message>
</context>
<context>
    <name>ConnectionStateArea</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>客户端 id：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Ping:</source>
        <translation>Ping：</translation>
    </message>
    <message>
        <source>Last RTT:</source>
        <translation>最近 RTT：</translation>
    </message>
    <message>
        <source>Last close:</source>
        <translation>最近关闭：</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
</context>
<context>
    <name>ConnectionWatchdog</name>
    <message>
        <source>The server accepted the TCP connection but did not answer the WebSocket handshake within %1 ms: giving up.</source>
        <translation>服务器接受了 TCP 连接，但没有在 %1 毫秒内应答 WebSocket 握手：放弃。</translation>
    </message>
    <message>
        <source>The server did not start the streaming response within %1 ms: giving up.</source>
        <translation>服务器未在 %1 毫秒内开始流式响应：放弃。</translation>
    </message>
    <message>
        <source>No reply to connect within %1 ms: closing the connection.</source>
        <translation>%1 毫秒内没有收到 connect 的回复：关闭连接。</translation>
    </message>
    <message>
        <source>No ping from the server for %1 ms (interval %2 s plus tolerance): the connection is considered dead and closed, as the official SDKs do.</source>
        <translation>%1 毫秒内没有收到服务器的 ping（间隔 %2 秒加容差）：与官方 SDK 一样，认为连接已失效并将其关闭。</translation>
    </message>
</context>
<context>
    <name>DeltaRebuilder</name>
    <message>
        <source>the full payload this delta builds on is more than %L1 rows back: not rebuilt here (the log has every publication rebuilt as it came)</source>
        <translation>此增量所依据的完整数据在 %L1 行之前：此处不重建（日志中有每条发布到达时重建的结果）</translation>
    </message>
    <message>
        <source>the full payload this delta builds on is no longer in the timeline (dropped, or received before the recording started)</source>
        <translation>此增量所依据的完整数据已不在时间线中（已被丢弃，或在录制开始之前收到）</translation>
    </message>
</context>
<context>
    <name>DeltaTracker</name>
    <message>
        <source>a delta came before any full payload on this channel: nothing to apply it to</source>
        <translation>此频道上在任何完整载荷之前就收到了增量：没有可应用的基础</translation>
    </message>
    <message>
        <source>%1 offset %2: the delta cannot be applied: %3.</source>
        <translation>%1 偏移 %2：无法应用增量：%3。</translation>
    </message>
    <message>
        <source>%1 offset %2: delta of %3 bytes rebuilt into %4 bytes (%5 saved): %6</source>
        <translation>%1 偏移 %2：%3 字节的增量重建为 %4 字节（节省 %5 字节）：%6</translation>
    </message>
</context>
<context>
    <name>EmulationSender</name>
    <message>
        <source>The connect reply names no emulation session: commands cannot be delivered over this transport.</source>
        <translation>connect 回复未给出仿真会话：无法通过此传输投递命令。</translation>
    </message>
    <message>
        <source>Emulation session %1 on node %2</source>
        <translation>仿真会话 %1，节点 %2</translation>
    </message>
    <message numerus="yes">
        <source>Held until the connect reply names the emulation session (%n byte(s)).</source>
        <translation>
            <numerusform>暂存，直到 connect 回复给出仿真会话（%n 字节）。</numerusform>
        </translation>
    </message>
    <message>
        <source>400 Bad Request: the server could not read the emulation request (not a valid request object, or data that is not a string of commands).</source>
        <translation>400 Bad Request：服务器无法读取仿真请求（不是有效的请求对象，或 data 不是命令字符串）。</translation>
    </message>
    <message>
        <source>404 Not Found: no server node %1 is known to this server (it restarted, or the request reached another cluster), or the emulation endpoint is not at this path.</source>
        <translation>404 Not Found：此服务器不认识节点 %1（它已重启，或请求到达了另一个集群），或仿真端点不在此路径。</translation>
    </message>
    <message>
        <source>413 Request Entity Too Large: the command is over the server&apos;s emulation.max_request_body_size (64 KiB by default).</source>
        <translation>413 Request Entity Too Large：命令超过了服务器的 emulation.max_request_body_size（默认 64 KiB）。</translation>
    </message>
    <message>
        <source>HTTP %1: the server did not take the command.</source>
        <translation>HTTP %1：服务器没有接受该命令。</translation>
    </message>
    <message numerus="yes">
        <source>Emulation POST %1 (%n byte(s)) failed after %2 ms: %3</source>
        <translation>
            <numerusform>仿真 POST %1（%n 字节）在 %2 毫秒后失败：%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emulation POST %1: %n byte(s) -&gt; HTTP %2 in %3 ms</source>
        <translation>
            <numerusform>仿真 POST %1：%n 字节 -&gt; HTTP %2，耗时 %3 毫秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Explainer</name>
    <message>
        <source>internal server error</source>
        <translation>internal server error</translation>
    </message>
    <message>
        <source>The server failed to handle the command; this is temporary.</source>
        <translation>服务器处理该命令时出错；这是暂时性的。</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>unauthorized</translation>
    </message>
    <message>
        <source>The connection is not authenticated for this command.</source>
        <translation>该连接未经认证，不能执行此命令。</translation>
    </message>
    <message>
        <source>unknown channel</source>
        <translation>unknown channel</translation>
    </message>
    <message>
        <source>The channel&apos;s namespace (the part before &apos;:&apos;) is not configured on the server.</source>
        <translation>频道的命名空间（&apos;:&apos; 之前的部分）未在服务器上配置。</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>The server does not allow this operation on the channel for this user: check the namespace&apos;s allow_* options (anonymous users need both allow_*_for_client and allow_*_for_anonymous), or use a subscription token for private ($) channels.</source>
        <translation>服务器不允许该用户在此频道上执行此操作：请检查命名空间的 allow_* 选项（匿名用户需要同时开启 allow_*_for_client 和 allow_*_for_anonymous），私有（$）频道请使用订阅令牌。</translation>
    </message>
    <message>
        <source>method not found</source>
        <translation>method not found</translation>
    </message>
    <message>
        <source>The server has no handler for this method (for RPC: unknown method).</source>
        <translation>服务器没有处理该方法的程序（对 RPC 而言：未知方法）。</translation>
    </message>
    <message>
        <source>already subscribed</source>
        <translation>already subscribed</translation>
    </message>
    <message>
        <source>This connection is already subscribed to the channel.</source>
        <translation>该连接已经订阅了此频道。</translation>
    </message>
    <message>
        <source>limit exceeded</source>
        <translation>limit exceeded</translation>
    </message>
    <message>
        <source>A server limit was reached, for example the number of channels per connection.</source>
        <translation>达到了服务器的某项限制，例如每个连接的频道数。</translation>
    </message>
    <message>
        <source>bad request</source>
        <translation>bad request</translation>
    </message>
    <message>
        <source>The command is well-formed but its values are not acceptable: a channel name that is too long, not ASCII or not matching the channel regex, a publish without data, or history with reverse and a zero since.offset.</source>
        <translation>命令格式正确，但其中的值不被接受：频道名过长、含非 ASCII 字符或不匹配频道正则表达式，publish 没有 data，或 history 同时使用 reverse 与为零的 since.offset。</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>The feature is off for this channel or server: presence needs presence: true, history needs history_size and history_ttl, RPC needs an RPC proxy.</source>
        <translation>该功能在此频道或服务器上未启用：presence 需要 presence: true，history 需要 history_size 和 history_ttl，RPC 需要 RPC 代理。</translation>
    </message>
    <message>
        <source>token expired</source>
        <translation>token expired</translation>
    </message>
    <message>
        <source>The token has expired: get a new token and try again.</source>
        <translation>令牌已过期：请获取新令牌后重试。</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>The connection or subscription has expired.</source>
        <translation>连接或订阅已过期。</translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation>too many requests</translation>
    </message>
    <message>
        <source>The server limits the command rate; slow down and retry.</source>
        <translation>服务器限制了命令频率；请放慢速度后重试。</translation>
    </message>
    <message>
        <source>unrecoverable position</source>
        <translation>unrecoverable position</translation>
    </message>
    <message>
        <source>The server cannot continue from the given offset and epoch (the stream was reset or the publications are gone); load the state again.</source>
        <translation>服务器无法从给定的 offset 和 epoch 继续（流已重置或这些发布消息已不存在）；请重新加载状态。</translation>
    </message>
    <message>
        <source>concurrent pagination</source>
        <translation>concurrent pagination</translation>
    </message>
    <message>
        <source>Another pagination request is running; this is temporary.</source>
        <translation>另一个分页请求正在进行；这是暂时性的。</translation>
    </message>
    <message>
        <source>normal closure</source>
        <translation>normal closure</translation>
    </message>
    <message>
        <source>The WebSocket was closed normally.</source>
        <translation>WebSocket 已正常关闭。</translation>
    </message>
    <message>
        <source>going away</source>
        <translation>going away</translation>
    </message>
    <message>
        <source>The peer is going away, for example a server restart.</source>
        <translation>对端正在离开，例如服务器重启。</translation>
    </message>
    <message>
        <source>abnormal closure</source>
        <translation>abnormal closure</translation>
    </message>
    <message>
        <source>The connection dropped without a close frame: a network failure, the server process died, or (Centrifugo) about 5 s after a connect error reply such as 109.</source>
        <translation>连接在没有关闭帧的情况下中断：网络故障、服务器进程退出，或（Centrifugo）在 connect 收到错误回复（如 109）约 5 秒之后。</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>message too big</translation>
    </message>
    <message>
        <source>A frame exceeded the server&apos;s websocket.message_size_limit (65536 bytes by default).</source>
        <translation>某帧超过了服务器的 websocket.message_size_limit（默认 65536 字节）。</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connection closed</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>shutdown</source>
        <translation>shutdown</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <source>The server hit an internal error.</source>
        <translation>服务器发生了内部错误。</translation>
    </message>
    <message>
        <source>connection expired</source>
        <translation>connection expired</translation>
    </message>
    <message>
        <source>The connection&apos;s token expired and was not refreshed in time; reconnect with a fresh token.</source>
        <translation>连接的令牌已过期且未及时刷新；请使用新令牌重新连接。</translation>
    </message>
    <message>
        <source>subscription expired</source>
        <translation>subscription expired</translation>
    </message>
    <message>
        <source>A server-side subscription expired.</source>
        <translation>某个服务器端订阅已过期。</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>slow</translation>
    </message>
    <message>
        <source>The client read too slowly and the server&apos;s queue for it overflowed (client.queue_max_size).</source>
        <translation>客户端读取太慢，服务器为它准备的队列溢出（client.queue_max_size）。</translation>
    </message>
    <message>
        <source>write error</source>
        <translation>write error</translation>
    </message>
    <message>
        <source>The server could not write to the connection.</source>
        <translation>服务器无法向该连接写入数据。</translation>
    </message>
    <message>
        <source>insufficient state</source>
        <translation>insufficient state</translation>
    </message>
    <message>
        <source>The server found a gap in a positioned server-side subscription&apos;s stream.</source>
        <translation>服务器在一个定位（positioned）的服务器端订阅的流中发现了缺口。</translation>
    </message>
    <message>
        <source>force reconnect</source>
        <translation>force reconnect</translation>
    </message>
    <message>
        <source>The server asked the client to reconnect.</source>
        <translation>服务器要求客户端重新连接。</translation>
    </message>
    <message>
        <source>no pong</source>
        <translation>no pong</translation>
    </message>
    <message>
        <source>The client sent commands faster than the server allows.</source>
        <translation>客户端发送命令的速度超过了服务器允许的范围。</translation>
    </message>
    <message>
        <source>state invalidated</source>
        <translation>state invalidated</translation>
    </message>
    <message>
        <source>Drop the token and cached state, then reconnect.</source>
        <translation>丢弃令牌和缓存的状态，然后重新连接。</translation>
    </message>
    <message>
        <source>invalid token</source>
        <translation>invalid token</translation>
    </message>
    <message>
        <source>The token is malformed or its signature does not match the server&apos;s secret, or a subscription token&apos;s channel, user or client does not match.</source>
        <translation>令牌格式错误或签名与服务器密钥不符，或者订阅令牌中的频道、用户或客户端不匹配。</translation>
    </message>
    <message>
        <source>The server could not accept a command: invalid JSON, a command without a known method (such as {&quot;id&quot;:2}), a command before connect or a second connect, an empty channel, or a stray {} when no ping was outstanding.</source>
        <translation>服务器无法接受某条命令：JSON 无效、命令没有已知的方法（例如 {&quot;id&quot;:2}）、在 connect 之前发送命令或第二次发送 connect、频道为空，或在没有待应答 ping 时发送了多余的 {}。</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>The client did not send connect within the server&apos;s stale delay (10 s by default).</source>
        <translation>客户端没有在服务器的过期延迟（默认 10 秒）内发送 connect。</translation>
    </message>
    <message>
        <source>force disconnect</source>
        <translation>force disconnect</translation>
    </message>
    <message>
        <source>The server disconnected the client on purpose (for example via the server API&apos;s disconnect).</source>
        <translation>服务器有意断开了客户端（例如通过服务器 API 的 disconnect）。</translation>
    </message>
    <message>
        <source>connection limit</source>
        <translation>connection limit</translation>
    </message>
    <message>
        <source>The user has too many connections.</source>
        <translation>该用户的连接数过多。</translation>
    </message>
    <message>
        <source>channel limit</source>
        <translation>channel limit</translation>
    </message>
    <message>
        <source>The connection reached the server&apos;s channel limit.</source>
        <translation>该连接达到了服务器的频道数限制。</translation>
    </message>
    <message>
        <source>inappropriate protocol</source>
        <translation>inappropriate protocol</translation>
    </message>
    <message>
        <source>The data cannot be sent in this protocol, for example binary data to a JSON client.</source>
        <translation>数据无法用此协议发送，例如向 JSON 客户端发送二进制数据。</translation>
    </message>
    <message>
        <source>The server refused the connection for this user.</source>
        <translation>服务器拒绝了该用户的连接。</translation>
    </message>
    <message>
        <source>The command is not available on this server, for example an asynchronous send without a message handler.</source>
        <translation>该命令在此服务器上不可用，例如没有消息处理程序时的异步 send。</translation>
    </message>
    <message>
        <source>too many errors</source>
        <translation>too many errors</translation>
    </message>
    <message>
        <source>The client caused too many errors.</source>
        <translation>客户端引发了过多错误。</translation>
    </message>
    <message>
        <source>server unsubscribe</source>
        <translation>server unsubscribe</translation>
    </message>
    <message>
        <source>The server unsubscribed the client from the channel (for example via the server API).</source>
        <translation>服务器让客户端退订了该频道（例如通过服务器 API）。</translation>
    </message>
    <message>
        <source>The server found a gap in the positioned stream.</source>
        <translation>服务器在定位（positioned）的流中发现了缺口。</translation>
    </message>
    <message>
        <source>The subscription token expired and was not refreshed.</source>
        <translation>订阅令牌已过期且未被刷新。</translation>
    </message>
    <message>
        <source>Drop cached state and subscribe again.</source>
        <translation>丢弃缓存的状态并重新订阅。</translation>
    </message>
    <message>
        <source>A client may retry.</source>
        <translation>客户端可以重试。</translation>
    </message>
    <message>
        <source>A client should reconnect.</source>
        <translation>客户端应当重新连接。</translation>
    </message>
    <message>
        <source>A client should subscribe again.</source>
        <translation>客户端应当重新订阅。</translation>
    </message>
    <message>
        <source>A client should not retry without changing something.</source>
        <translation>客户端不做任何改动时不应重试。</translation>
    </message>
    <message>
        <source>application error</source>
        <translation>application error</translation>
    </message>
    <message>
        <source>Error %1 is in the range 400-1999 that applications (proxies) use; its meaning is defined by the application.</source>
        <translation>错误 %1 位于应用（代理）使用的 400-1999 范围内；其含义由应用定义。</translation>
    </message>
    <message>
        <source>Error %1 is not defined by the protocol.</source>
        <translation>错误 %1 未在协议中定义。</translation>
    </message>
    <message>
        <source>WebSocket close</source>
        <translation>WebSocket close</translation>
    </message>
    <message>
        <source>Close code %1 is a WebSocket transport code, not a Centrifugo disconnect.</source>
        <translation>关闭代码 %1 是 WebSocket 传输层代码，不是 Centrifugo 的断开代码。</translation>
    </message>
    <message>
        <source>reconnect</source>
        <translation>reconnect</translation>
    </message>
    <message>
        <source>Close code %1 is in a reconnect range (3000-3499, 4000-4499, 5000+); application codes are 4000-4999.</source>
        <translation>关闭代码 %1 位于需重连的范围（3000-3499、4000-4499、5000 及以上）；应用代码为 4000-4999。</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <source>Close code %1 is in a terminal range (3500-3999, 4500-4999); application codes are 4000-4999.</source>
        <translation>关闭代码 %1 位于终止范围（3500-3999、4500-4999）；应用代码为 4000-4999。</translation>
    </message>
    <message>
        <source>unsubscribe</source>
        <translation>unsubscribe</translation>
    </message>
    <message>
        <source>Unsubscribe code %1 is not defined by the protocol; codes from 2500 up mean subscribe again.</source>
        <translation>退订代码 %1 未在协议中定义；2500 及以上的代码表示应重新订阅。</translation>
    </message>
    <message>
        <source>Connected as client %1 to server %2.</source>
        <translation>已作为客户端 %1 连接到服务器 %2。</translation>
    </message>
    <message>
        <source>The server pings every %1 s and expects a pong each time.</source>
        <translation>服务器每 %1 秒发送一次 ping，每次都期望收到 pong。</translation>
    </message>
    <message>
        <source>The server pings every %1 s; no pong needed.</source>
        <translation>服务器每 %1 秒发送一次 ping；不需要 pong。</translation>
    </message>
    <message>
        <source>The token expires in %1 s: refresh before then.</source>
        <translation>令牌将在 %1 秒后过期：请在此之前刷新。</translation>
    </message>
    <message>
        <source>the channel</source>
        <translation>该频道</translation>
    </message>
    <message numerus="yes">
        <source>Subscribed to %1 again and recovered %n missed publication(s).</source>
        <translation>
            <numerusform>已重新订阅 %1，并恢复了 %n 条错过的发布消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Subscribed to %1 again, but the missed publications could not be recovered (stream reset or too old): load the state again.</source>
        <translation>已重新订阅 %1，但错过的发布消息无法恢复（流已重置或消息太旧）：请重新加载状态。</translation>
    </message>
    <message>
        <source>Subscribed to %1.</source>
        <translation>已订阅 %1。</translation>
    </message>
    <message>
        <source>Recoverable at offset %1, epoch %2.</source>
        <translation>可恢复，位于 offset %1，epoch %2。</translation>
    </message>
    <message numerus="yes">
        <source>History: %n publication(s); the stream is at offset %1, epoch %2.</source>
        <translation>
            <numerusform>History：%n 条发布消息；流位于 offset %1，epoch %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Presence: %n client(s) subscribed.</source>
        <translation>
            <numerusform>Presence：%n 个客户端已订阅。</numerusform>
        </translation>
    </message>
    <message>
        <source>Presence stats: %1 client(s), %2 user(s).</source>
        <translation>Presence 统计：%1 个客户端，%2 个用户。</translation>
    </message>
    <message>
        <source>Token refreshed; it expires in %1 s.</source>
        <translation>令牌已刷新；将在 %1 秒后过期。</translation>
    </message>
    <message>
        <source>Token refreshed; it does not expire.</source>
        <translation>令牌已刷新；不会过期。</translation>
    </message>
    <message>
        <source>Reply to command %1 with an empty result.</source>
        <translation>对命令 %1 的回复，结果为空。</translation>
    </message>
    <message>
        <source>Reply to command %1 (%2): done.</source>
        <translation>对命令 %1（%2）的回复：已完成。</translation>
    </message>
    <message>
        <source>Not a valid protocol message: %1</source>
        <translation>不是有效的协议消息：%1</translation>
    </message>
    <message>
        <source>Command %1 has no method: the server closes the connection with 3501 bad request.</source>
        <translation>命令 %1 没有方法：服务器会以 3501 bad request 关闭连接。</translation>
    </message>
    <message>
        <source>Command %1 &quot;%2&quot;.</source>
        <translation>命令 %1 “%2”。</translation>
    </message>
    <message>
        <source>Command %1 &quot;%2&quot; on channel %3.</source>
        <translation>命令 %1 “%2”，频道 %3。</translation>
    </message>
    <message>
        <source>Error reply to command %1: %2</source>
        <translation>对命令 %1 的错误回复：%2</translation>
    </message>
    <message>
        <source>Pong: the answer to the server&apos;s ping. A pong without an outstanding ping is a bad request (3501).</source>
        <translation>Pong：对服务器 ping 的应答。没有待应答 ping 时发送的 pong 属于错误请求（3501）。</translation>
    </message>
    <message>
        <source>Connection closed with code %1</source>
        <translation>连接已关闭，代码 %1</translation>
    </message>
    <message>
        <source>, reason &quot;%1&quot;</source>
        <translation>，原因“%1”</translation>
    </message>
    <message>
        <source>Publication in channel %1.</source>
        <translation>频道 %1 中的发布消息。</translation>
    </message>
    <message>
        <source>A client joined channel %1.</source>
        <translation>有客户端加入了频道 %1。</translation>
    </message>
    <message>
        <source>A client left channel %1.</source>
        <translation>有客户端离开了频道 %1。</translation>
    </message>
    <message>
        <source>The server unsubscribed this client from channel %1. %2</source>
        <translation>服务器让此客户端退订了频道 %1。%2</translation>
    </message>
    <message>
        <source>The server subscribed this client to channel %1 (server-side subscription).</source>
        <translation>服务器为此客户端订阅了频道 %1（服务器端订阅）。</translation>
    </message>
    <message>
        <source>An asynchronous message from the server.</source>
        <translation>来自服务器的异步消息。</translation>
    </message>
    <message>
        <source>Connect push (unidirectional transports).</source>
        <translation>connect 推送（单向传输）。</translation>
    </message>
    <message>
        <source>Disconnect push: %1</source>
        <translation>disconnect 推送：%1</translation>
    </message>
    <message>
        <source>The server refreshed the connection&apos;s expiry.</source>
        <translation>服务器刷新了连接的过期时间。</translation>
    </message>
    <message>
        <source>Push of an unknown type.</source>
        <translation>未知类型的推送。</translation>
    </message>
    <message>
        <source>The client did not answer the server&apos;s ping with a pong (an empty message: {} in JSON, the byte 00 in Protobuf) within the pong timeout (8 s in Centrifugo).</source>
        <translation>客户端没有在 pong 超时时间（Centrifugo 中为 8 秒）内用 pong（一条空消息：JSON 中为 {}，Protobuf 中为字节 00）应答服务器的 ping。</translation>
    </message>
    <message>
        <source>Server ping (an empty message: {} in JSON, the byte 00 in Protobuf): answer with the same empty message (a pong) when connect returned pong: true, or the server closes the connection with 3012 no pong.</source>
        <translation>服务器 ping（一条空消息：JSON 中为 {}，Protobuf 中为字节 00）：当 connect 返回 pong: true 时，请用同样的空消息（pong）应答，否则服务器会以 3012 no pong 关闭连接。</translation>
    </message>
    <message>
        <source>The server closed the connection with code %1</source>
        <translation>服务器以代码 %1 关闭了连接</translation>
    </message>
    <message>
        <source>This client stopped connecting before the WebSocket was open, as asked.</source>
        <translation>本客户端按要求在 WebSocket 打开之前停止了连接。</translation>
    </message>
    <message>
        <source>This client closed the connection (code %1), as asked.</source>
        <translation>本客户端按要求关闭了连接（代码 %1）。</translation>
    </message>
    <message>
        <source>This client dropped the connection before the WebSocket was open</source>
        <translation>本客户端在 WebSocket 打开之前断开了连接</translation>
    </message>
    <message>
        <source>This client closed the connection with code %1</source>
        <translation>本客户端以代码 %1 关闭了连接</translation>
    </message>
    <message>
        <source>: %1.</source>
        <translation>：%1。</translation>
    </message>
    <message>
        <source>A client should reconnect with backoff.</source>
        <translation>客户端应当以退避方式重新连接。</translation>
    </message>
    <message>
        <source>(WebSocket layer: &quot;%1&quot;)</source>
        <translation>（WebSocket 层：“%1”）</translation>
    </message>
    <message>
        <source>the socket closed</source>
        <translation>套接字已关闭</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: retrying cannot help until you trust its CA (a CA file) or, for a test server only, ignore certificate errors.</source>
        <translation>服务器的证书未被接受：在您信任其 CA（CA 文件）或（仅限测试服务器）忽略证书错误之前，重试没有用。</translation>
    </message>
    <message>
        <source>The connection was lost without a close frame (1006 %1): %2</source>
        <translation>连接在没有关闭帧的情况下中断（1006 %1）：%2</translation>
    </message>
</context>
<context>
    <name>FossilDelta</name>
    <message>
        <source>the delta does not start with the target length</source>
        <translation>增量不是以目标长度开头</translation>
    </message>
    <message>
        <source>the delta announces %1 bytes, more than this inspector rebuilds</source>
        <translation>增量声明了 %1 字节，超过本检查器可重建的大小</translation>
    </message>
    <message>
        <source>a command of the delta has no number at byte %1</source>
        <translation>增量的一条命令在第 %1 字节处缺少数字</translation>
    </message>
    <message>
        <source>a copy command of the delta is malformed at byte %1</source>
        <translation>增量的一条复制命令在第 %1 字节处格式错误</translation>
    </message>
    <message>
        <source>the delta copies past its announced length of %1 bytes</source>
        <translation>增量复制超出了其声明的 %1 字节长度</translation>
    </message>
    <message>
        <source>the delta copies bytes %1..%2 of a previous payload of %3 bytes: it was made against another base</source>
        <translation>增量复制的是之前 %3 字节载荷中的第 %1..%2 字节：它是基于另一个基础生成的</translation>
    </message>
    <message>
        <source>the delta inserts past its announced length of %1 bytes</source>
        <translation>增量插入超出了其声明的 %1 字节长度</translation>
    </message>
    <message>
        <source>an insert command of the delta runs past its end</source>
        <translation>增量的一条插入命令超出了其末尾</translation>
    </message>
    <message>
        <source>the checksum of the rebuilt payload does not match the delta&apos;s</source>
        <translation>重建载荷的校验和与增量中的不一致</translation>
    </message>
    <message>
        <source>the rebuilt payload has %1 bytes, the delta announced %2</source>
        <translation>重建的载荷有 %1 字节，增量声明的是 %2</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; in the delta at byte %2</source>
        <translation>增量中第 %2 字节处有未知命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the delta ends without its checksum</source>
        <translation>增量在校验和之前就结束了</translation>
    </message>
</context>
<context>
    <name>FrameRecord</name>
    <message>
        <source>empty line</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>不是 JSON：%1，位于偏移 %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;time&quot; is missing or not an ISO 8601 time</source>
        <translation>缺少 &quot;time&quot;，或不是 ISO 8601 时间</translation>
    </message>
    <message>
        <source>&quot;dir&quot; must be &quot;in&quot; or &quot;out&quot;</source>
        <translation>&quot;dir&quot; 必须是 &quot;in&quot; 或 &quot;out&quot;</translation>
    </message>
    <message>
        <source>&quot;raw&quot; is missing, not a string or not valid base64</source>
        <translation>缺少 &quot;raw&quot;，或它不是字符串或不是有效的 base64</translation>
    </message>
    <message>
        <source>&quot;kinds&quot;, &quot;frame&quot; and &quot;meta&quot; must have one entry per message</source>
        <translation>&quot;kinds&quot;、&quot;frame&quot; 和 &quot;meta&quot; 必须每条消息各有一项</translation>
    </message>
    <message>
        <source>&quot;raw&quot; is missing and &quot;frame&quot; does not hold the messages&apos; JSON objects</source>
        <translation>缺少 &quot;raw&quot;，而 &quot;frame&quot; 中也不是各条消息的 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;injected&quot; is not a known fault</source>
        <translation>“injected”不是已知的故障</translation>
    </message>
    <message>
        <source>&quot;origin&quot; is not &quot;server_call&quot;, &quot;server_reply&quot; or &quot;http&quot;</source>
        <translation>&quot;origin&quot; 不是 &quot;server_call&quot;、&quot;server_reply&quot; 或 &quot;http&quot;</translation>
    </message>
    <message>
        <source>&quot;raw&quot; is missing and &quot;frame&quot; does not hold Protobuf server messages</source>
        <translation>缺少 &quot;raw&quot;，且 &quot;frame&quot; 不是 Protobuf 服务器消息</translation>
    </message>
</context>
<context>
    <name>HarImporter</name>
    <message>
        <source>unexpected data after the document</source>
        <translation>文档之后还有多余的数据</translation>
    </message>
    <message>
        <source>no JSON value</source>
        <translation>没有 JSON 值</translation>
    </message>
    <message>
        <source>the document ends early</source>
        <translation>文档提前结束</translation>
    </message>
    <message>
        <source>a colon is missing</source>
        <translation>缺少冒号</translation>
    </message>
    <message>
        <source>a comma or a closing bracket is missing</source>
        <translation>缺少逗号或右括号</translation>
    </message>
    <message>
        <source>a key is missing</source>
        <translation>缺少键</translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation>意外的字符</translation>
    </message>
    <message>
        <source>a control character in a string</source>
        <translation>字符串中有控制字符</translation>
    </message>
    <message>
        <source>a string is not closed</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>Not a HAR file: the JSON is invalid (%1 at offset %2).</source>
        <translation>不是 HAR 文件：JSON 无效（%1，位于偏移 %2）。</translation>
    </message>
    <message>
        <source>Not a HAR file: there is no log.entries array.</source>
        <translation>不是 HAR 文件：没有 log.entries 数组。</translation>
    </message>
    <message>
        <source>%1, message %2: type is &quot;%3&quot;, not &quot;send&quot; or &quot;receive&quot;.</source>
        <translation>%1，消息 %2：类型为“%3”，不是 &quot;send&quot; 或 &quot;receive&quot;。</translation>
    </message>
    <message>
        <source>%1, message %2: no time.</source>
        <translation>%1，消息 %2：没有时间。</translation>
    </message>
    <message>
        <source>%1, message %2: no data.</source>
        <translation>%1，消息 %2：没有数据。</translation>
    </message>
    <message>
        <source>%1, message %2: binary data is not base64.</source>
        <translation>%1，消息 %2：二进制数据不是 base64。</translation>
    </message>
    <message>
        <source>The HAR file has no WebSocket connection. Record it with the Network panel open and save it with &quot;Save all as HAR with content&quot;.</source>
        <translation>该 HAR 文件中没有 WebSocket 连接。请在打开“网络”面板的情况下录制，并用“以 HAR 格式保存所有内容（含内容）”保存。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>HttpExchange</name>
    <message>
        <source>HTTP exchange failed</source>
        <translation>HTTP 交换失败</translation>
    </message>
    <message>
        <source>HTTP exchange %1</source>
        <translation>HTTP 交换 %1</translation>
    </message>
    <message numerus="yes">
        <source>HTTP exchange: %1 %2 opened the stream (connect command: %n byte(s))</source>
        <translation>
            <numerusform>HTTP 交换：%1 %2 打开了流（connect 命令：%n 字节）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HTTP exchange: %1 %2 carried %n byte(s) of commands</source>
        <translation>
            <numerusform>HTTP 交换：%1 %2 携带了 %n 字节的命令</numerusform>
        </translation>
    </message>
    <message>
        <source>; no response after %1 ms</source>
        <translation>；%1 毫秒后仍无响应</translation>
    </message>
    <message numerus="yes">
        <source>; HTTP %1 with %n byte(s) of body in %2 ms</source>
        <translation>
            <numerusform>；HTTP %1，响应体 %n 字节，用时 %2 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <source>; HTTP %1 in %2 ms, the response goes on as the stream</source>
        <translation>；HTTP %1，用时 %2 毫秒，响应作为流继续</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>. Failed: %1</source>
        <translation>。失败：%1</translation>
    </message>
</context>
<context>
    <name>HttpStreamTransport</name>
    <message>
        <source>The stream holds a length prefix that is not a valid varint: the rest cannot be framed.</source>
        <translation>流中有一个长度前缀不是有效的 varint：其余部分无法分帧。</translation>
    </message>
</context>
<context>
    <name>HttpTransport</name>
    <message>
        <source>the emulation endpoint refused a command: %1</source>
        <translation>仿真端点拒绝了一条命令：%1</translation>
    </message>
    <message>
        <source>Not sent: %1 is unidirectional, the server takes nothing after the connect request.</source>
        <translation>未发送：%1 是单向传输，服务器在 connect 请求之后不再接收任何内容。</translation>
    </message>
    <message>
        <source>400 Bad Request: the server refused the connect request (missing or not valid JSON).</source>
        <translation>400 Bad Request：服务器拒绝了 connect 请求（缺失或不是有效的 JSON）。</translation>
    </message>
    <message>
        <source>404 Not Found: the server has no %1 endpoint at this path: the transport is disabled in its configuration (%1.enabled) or its handler_prefix differs.</source>
        <translation>404 Not Found：服务器在此路径没有 %1 端点：该传输在其配置中被禁用（%1.enabled），或其 handler_prefix 不同。</translation>
    </message>
    <message>
        <source>405 Method Not Allowed: the endpoint takes another HTTP method.</source>
        <translation>405 Method Not Allowed：该端点需要另一种 HTTP 方法。</translation>
    </message>
    <message>
        <source>413 Request Entity Too Large: the connect request is over the endpoint&apos;s max_request_body_size.</source>
        <translation>413 Request Entity Too Large：connect 请求超过了该端点的 max_request_body_size。</translation>
    </message>
    <message>
        <source>HTTP %1 instead of 200: the stream did not start.</source>
        <translation>HTTP %1 而不是 200：流没有开始。</translation>
    </message>
    <message>
        <source>%1 response started (HTTP 200 in %2 ms)</source>
        <translation>%1 响应已开始（HTTP 200，耗时 %2 毫秒）</translation>
    </message>
    <message numerus="yes">
        <source>the stream was cut in the middle of a message (%n byte(s) of it received)</source>
        <translation>
            <numerusform>流在一条消息的中间被截断（已收到其中 %n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>the server ended the response</source>
        <translation>服务器结束了响应</translation>
    </message>
    <message>
        <source> The body says: &quot;%1&quot;.</source>
        <translation> 响应体为：&quot;%1&quot;。</translation>
    </message>
    <message numerus="yes">
        <source>%1 response over after %2 ms, %n byte(s) of body</source>
        <translation>
            <numerusform>%1 响应在 %2 毫秒后结束，响应体 %n 字节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JUnitReport</name>
    <message>
        <source>cannot write the JUnit report %1: %2</source>
        <translation>无法写入 JUnit 报告 %1：%2</translation>
    </message>
</context>
<context>
    <name>JsonText</name>
    <message>
        <source>%1 at character %2</source>
        <translation>%1，位于第 %2 个字符</translation>
    </message>
    <message>
        <source>no JSON value</source>
        <translation>没有 JSON 值</translation>
    </message>
    <message>
        <source>more than one JSON value (%1)</source>
        <translation>不止一个 JSON 值（%1）</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>The header (part 1)</source>
        <translation>头部（第 1 部分）</translation>
    </message>
    <message>
        <source>The payload (part 2)</source>
        <translation>载荷（第 2 部分）</translation>
    </message>
    <message>
        <source>The signature (part 3)</source>
        <translation>签名（第 3 部分）</translation>
    </message>
    <message>
        <source>The token is empty.</source>
        <translation>令牌为空。</translation>
    </message>
    <message>
        <source>A JWT has exactly three parts separated by dots (header.payload.signature); found: %1.</source>
        <translation>JWT 恰好由点分隔的三部分组成（header.payload.signature）；实际为：%1。</translation>
    </message>
    <message>
        <source>Five parts is an encrypted token (JWE), which Centrifugo does not accept.</source>
        <translation>五个部分表示加密令牌（JWE），Centrifugo 不接受。</translation>
    </message>
    <message>
        <source>%1 is not base64url: unexpected character &apos;%2&apos; at position %3 of the token.</source>
        <translation>%1 不是 base64url：令牌第 %3 位出现了意外字符“%2”。</translation>
    </message>
    <message>
        <source>%1 is not base64url: a length of %2 characters is impossible (a character is missing or one too many).</source>
        <translation>%1 不是 base64url：长度 %2 个字符不可能出现（少了一个字符或多了一个）。</translation>
    </message>
    <message>
        <source>%1 decodes, but not to JSON: %2 at character %3.</source>
        <translation>%1 可以解码，但结果不是 JSON：%2，位于第 %3 个字符。</translation>
    </message>
    <message>
        <source>%1 decodes to JSON, but not to a JSON object.</source>
        <translation>%1 解码为 JSON，但不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Signature valid: the token was signed with this secret and not changed since.</source>
        <translation>签名有效：令牌是用此密钥签名的，签名后未被修改。</translation>
    </message>
    <message>
        <source>Signature invalid: the token was signed with another secret or changed after signing. Centrifugo closes a connection with such a token with code 3500 (invalid token).</source>
        <translation>签名无效：令牌是用其他密钥签名的，或签名后被修改过。Centrifugo 会以代码 3500（invalid token）关闭使用此令牌的连接。</translation>
    </message>
    <message>
        <source>The token cannot be verified because it does not decode.</source>
        <translation>令牌无法解码，因此无法验证。</translation>
    </message>
    <message>
        <source>Only HMAC tokens (HS256, HS384, HS512) can be verified with a secret; this token&apos;s algorithm needs a public key, or the token is unsigned.</source>
        <translation>只有 HMAC 令牌（HS256、HS384、HS512）可以用密钥验证；此令牌的算法需要公钥，或令牌未签名。</translation>
    </message>
    <message>
        <source>Enter the HMAC secret (client.token.hmac_secret_key) to verify the signature.</source>
        <translation>输入 HMAC 密钥（client.token.hmac_secret_key）以验证签名。</translation>
    </message>
    <message>
        <source>Not valid yet: becomes valid in %1 (%2).</source>
        <translation>尚未生效：将在 %1 后生效（%2）。</translation>
    </message>
    <message>
        <source>Has no exp claim: never expires.</source>
        <translation>没有 exp 声明：永不过期。</translation>
    </message>
    <message>
        <source>Expires in %1 (%2).</source>
        <translation>将在 %1 后过期（%2）。</translation>
    </message>
    <message>
        <source>Expired %1 ago (%2).</source>
        <translation>已于 %1 前过期（%2）。</translation>
    </message>
    <message>
        <source>The token is unsigned (alg &quot;%1&quot;); Centrifugo rejects it.</source>
        <translation>令牌未签名（alg 为“%1”）；Centrifugo 会拒绝它。</translation>
    </message>
    <message>
        <source>Signed with %1: Centrifugo verifies it only with a configured public key (client.token.rsa_public_key, ecdsa_public_key or jwks_public_endpoint).</source>
        <translation>使用 %1 签名：Centrifugo 只有在配置了公钥（client.token.rsa_public_key、ecdsa_public_key 或 jwks_public_endpoint）时才能验证它。</translation>
    </message>
    <message>
        <source>The %1 claim must be a number of seconds since 1970-01-01 UTC; here it is %2.</source>
        <translation>%1 声明必须是自 1970-01-01 UTC 起的秒数；这里是 %2。</translation>
    </message>
    <message>
        <source>The sub claim (user ID) must be a string.</source>
        <translation>sub 声明（用户 ID）必须是字符串。</translation>
    </message>
    <message>
        <source>The channel claim makes this a subscription token, but it also has &quot;%1&quot;, a connection token claim. As a connection token it would be rejected (3500).</source>
        <translation>channel 声明使它成为订阅令牌，但它还含有连接令牌的声明“%1”。作为连接令牌它会被拒绝（3500）。</translation>
    </message>
    <message>
        <source>Both info and b64info are set; Centrifugo uses b64info.</source>
        <translation>同时设置了 info 和 b64info；Centrifugo 使用 b64info。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>This looks like standard base64; a JWT uses base64url, with &apos;-&apos; and &apos;_&apos; instead of &apos;+&apos; and &apos;/&apos;.</source>
        <translation>这看起来是标准 base64；JWT 使用 base64url，用 &apos;-&apos; 和 &apos;_&apos; 代替 &apos;+&apos; 和 &apos;/&apos;。</translation>
    </message>
</context>
<context>
    <name>LintCommand</name>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number in the range %1, written without a fraction or an exponent</source>
        <translation>范围 %1 内的整数，不能带小数或指数</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>a JSON value</source>
        <translation>JSON 值</translation>
    </message>
    <message>
        <source>a command must be a JSON object</source>
        <translation>命令必须是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2</source>
        <translation>“%1”必须是%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is null after it was set earlier in the command</source>
        <translation>“%1”在命令中先被赋值，之后又为 null</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>“%1”必须是字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation>“%1”必须是对象</translation>
    </message>
    <message>
        <source>the items of &quot;%1&quot; must be strings</source>
        <translation>“%1”的元素必须是字符串</translation>
    </message>
    <message>
        <source>the items of &quot;%1&quot; must be objects</source>
        <translation>“%1”的元素必须是对象</translation>
    </message>
</context>
<context>
    <name>LintFinding</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>LintMode</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>&quot;phase&quot; must be open, connecting, connected or connect-failed, not &quot;%1&quot;</source>
        <translation>“phase”必须是 open、connecting、connected 或 connect-failed，而不是“%1”</translation>
    </message>
    <message>
        <source>line %1 is not a JSON object</source>
        <translation>第 %1 行不是 JSON 对象</translation>
    </message>
    <message>
        <source>line %1 has no &quot;frame&quot; string</source>
        <translation>第 %1 行没有“frame”字符串</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>LintOutcome</name>
    <message>
        <source>the server answers with error %1</source>
        <translation>服务器返回错误 %1</translation>
    </message>
    <message>
        <source>the server answers with error %1 (%2)</source>
        <translation>服务器返回错误 %1（%2）</translation>
    </message>
    <message>
        <source>the connection drops without a close frame (1006)</source>
        <translation>连接在没有关闭帧的情况下断开（1006）</translation>
    </message>
    <message>
        <source>the server closes the connection with 1009 (message too big)</source>
        <translation>服务器以 1009（消息过大）关闭连接</translation>
    </message>
    <message>
        <source>the server closes the connection with %1</source>
        <translation>服务器以 %1 关闭连接</translation>
    </message>
    <message>
        <source>the server closes the connection with %1 (%2)</source>
        <translation>服务器以 %1（%2）关闭连接</translation>
    </message>
    <message>
        <source>the server accepts it</source>
        <translation>服务器接受</translation>
    </message>
    <message>
        <source>channels without a namespace</source>
        <translation>没有命名空间的频道</translation>
    </message>
    <message>
        <source>namespace &quot;%1&quot;</source>
        <translation>命名空间“%1”</translation>
    </message>
    <message>
        <source>the server has an RPC proxy</source>
        <translation>服务器配置了 RPC 代理</translation>
    </message>
    <message>
        <source>the server allows connections without a token</source>
        <translation>服务器允许不带令牌连接</translation>
    </message>
    <message>
        <source>the token is signed with the server&apos;s key</source>
        <translation>令牌由服务器的密钥签名</translation>
    </message>
    <message>
        <source>the server has namespace &quot;%1&quot;</source>
        <translation>服务器有命名空间“%1”</translation>
    </message>
    <message>
        <source>clients may subscribe in %1</source>
        <translation>客户端可以在%1中订阅</translation>
    </message>
    <message>
        <source>clients may publish in %1</source>
        <translation>客户端可以在%1中发布</translation>
    </message>
    <message>
        <source>presence is enabled in %1</source>
        <translation>%1启用了在线状态</translation>
    </message>
    <message>
        <source>clients may ask for presence in %1</source>
        <translation>客户端可以查询%1的在线状态</translation>
    </message>
    <message>
        <source>history is enabled in %1</source>
        <translation>%1启用了历史记录</translation>
    </message>
    <message>
        <source>clients may read history in %1</source>
        <translation>客户端可以读取%1的历史记录</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the channel&apos;s current epoch</source>
        <translation>“%1”是该频道当前的 epoch</translation>
    </message>
    <message>
        <source>unless %1, %2</source>
        <translation>除非%1，否则%2</translation>
    </message>
    <message>
        <source>otherwise %1</source>
        <translation>其他情况下%1</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the cases of a conditional outcome</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence and its full stop</comment>
        <translation>%1。</translation>
    </message>
</context>
<context>
    <name>Linter</name>
    <message>
        <source>This is a pong: the answer to the server&apos;s ping.</source>
        <translation>这是一个 pong：对服务器 ping 的应答。</translation>
    </message>
    <message>
        <source>&quot;send&quot; gets no reply, so its id is not needed.</source>
        <translation>&quot;send&quot; 没有回复，因此不需要 id。</translation>
    </message>
    <message>
        <source>&quot;sub_refresh&quot; needs the new subscription &quot;token&quot;.</source>
        <translation>&quot;sub_refresh&quot; 需要新的订阅 &quot;token&quot;。</translation>
    </message>
    <message>
        <source>Without &quot;limit&quot; (or with 0) history returns no publications, only the current offset and epoch; use -1 for as many as the server allows.</source>
        <translation>不带 &quot;limit&quot;（或为 0）时，history 不返回发布消息，只返回当前的 offset 和 epoch；用 -1 可获取服务器允许的最大数量。</translation>
    </message>
    <message>
        <source>The server is known not to meet this condition: %1.</source>
        <translation>已知服务器不满足此条件：%1。</translation>
    </message>
    <message>
        <source>The token is not signed with the server&apos;s key (%1).</source>
        <translation>令牌不是用服务器的密钥签名的（%1）。</translation>
    </message>
    <message>
        <source>Not connected: open the connection before sending. The predictions are for a connected session.</source>
        <translation>未连接：发送前请先打开连接。以下预测针对已连接的会话。</translation>
    </message>
    <message>
        <source>Not connected: open the connection before sending. The predictions are for a fresh connection.</source>
        <translation>未连接：发送前请先打开连接。以下预测针对新建的连接。</translation>
    </message>
    <message>
        <source>Connect failed on this connection: the server reads no further command (no reply) and lets the socket go about 5 s after the error. Reconnect first.</source>
        <translation>此连接上的 connect 已失败：服务器不再读取后续命令（没有回复），并在出错约 5 秒后放弃该套接字。请先重新连接。</translation>
    </message>
    <message>
        <source>The frame is %1 bytes on the wire; the server accepts at most %2 bytes per frame (websocket.message_size_limit).</source>
        <translation>该帧在线路上为 %1 字节；服务器每帧最多接受 %2 字节（websocket.message_size_limit）。</translation>
    </message>
    <message>
        <source>The frame is empty: there is no command in it.</source>
        <translation>帧是空的：其中没有命令。</translation>
    </message>
    <message>
        <source>The lines after that are not run: the server stops reading this frame there.</source>
        <translation>之后的行不会执行：服务器在此处停止读取该帧。</translation>
    </message>
    <message>
        <source>The server reads this frame as %1 commands, one per line, and runs them in order.</source>
        <translation>服务器把该帧读作 %1 条命令，每行一条，按顺序执行。</translation>
    </message>
    <message>
        <source>The line starts with a byte-order mark, which the server does not skip.</source>
        <translation>该行以字节顺序标记（BOM）开头，服务器不会跳过它。</translation>
    </message>
    <message>
        <source>This line is empty: the server reads every line of a frame as a command, and an empty one is not JSON.</source>
        <translation>该行是空的：服务器把帧的每一行都当作一条命令，而空行不是 JSON。</translation>
    </message>
    <message>
        <source>The server cannot read this line as JSON: %1.</source>
        <translation>服务器无法把该行读作 JSON：%1。</translation>
    </message>
    <message>
        <source>The server reads only the first JSON value of a line and ignores the rest (&quot;%1&quot;). Put each command on its own line.</source>
        <translation>服务器只读取一行中的第一个 JSON 值，忽略其余部分（“%1”）。请每条命令单独一行。</translation>
    </message>
    <message>
        <source>The server cannot decode this command: %1.</source>
        <translation>服务器无法解码该命令：%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field of the protocol, so the command cannot be encoded in Protobuf.</source>
        <translation>“%1”不是协议中的字段，因此该命令无法编码为 Protobuf。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field of the protocol; the server ignores it.</source>
        <translation>“%1”不是协议中的字段；服务器会忽略它。</translation>
    </message>
    <message>
        <source>The server matches field names without regard to case: &quot;%1&quot; is taken as &quot;%2&quot;.</source>
        <translation>服务器匹配字段名时不区分大小写：“%1”被当作“%2”。</translation>
    </message>
    <message>
        <source>The first command on a connection must be connect.</source>
        <translation>连接上的第一条命令必须是 connect。</translation>
    </message>
    <message>
        <source>Without an id this is taken as a pong: the server answers the ping with it and ignores &quot;%1&quot;.</source>
        <translation>没有 id 时这被当作 pong：服务器用它应答 ping，并忽略“%1”。</translation>
    </message>
    <message>
        <source>A command without a method and id is a pong, and the server has not pinged.</source>
        <translation>既没有方法也没有 id 的命令是 pong，而服务器并未发送 ping。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an &quot;id&quot; (a number from 1): without one the server takes the command for a pong, and it has not pinged.</source>
        <translation>“%1”需要一个“id”（从 1 开始的数字）：没有它，服务器会把命令当作 pong，而服务器并未发送 ping。</translation>
    </message>
    <message>
        <source>A command with id 0 is taken for a pong, and the server has not pinged. Use a number from 1.</source>
        <translation>id 为 0 的命令被当作 pong，而服务器并未发送 ping。请使用从 1 开始的数字。</translation>
    </message>
    <message>
        <source>The server does not take &quot;ping&quot; as a command of its own. It pings the client with {}; answer with {}.</source>
        <translation>服务器不把“ping”当作独立的命令。服务器用 {} 向客户端发送 ping；请用 {} 应答。</translation>
    </message>
    <message>
        <source>This command has no method. Add exactly one of: connect, subscribe, unsubscribe, publish, presence, presence_stats, history, rpc, send, refresh, sub_refresh.</source>
        <translation>该命令没有方法。请加上以下之一：connect、subscribe、unsubscribe、publish、presence、presence_stats、history、rpc、send、refresh、sub_refresh。</translation>
    </message>
    <message>
        <source>The command has several methods (%1); the server runs only &quot;%2&quot;.</source>
        <translation>该命令有多个方法（%1）；服务器只执行“%2”。</translation>
    </message>
    <message>
        <source>Command %1 is still waiting for its reply; the server does not mind, but the two replies cannot be told apart.</source>
        <translation>命令 %1 仍在等待回复；服务器并不在意，但两个回复将无法区分。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; still holds a template placeholder; the server takes it literally.</source>
        <translation>“%1”仍是模板占位符；服务器会按字面值处理。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a non-empty &quot;channel&quot;.</source>
        <translation>“%1”需要非空的“channel”。</translation>
    </message>
    <message>
        <source>The channel name is not ASCII, which the server refuses unless a channel_regex allows it.</source>
        <translation>频道名不是 ASCII，除非配置了 channel_regex 允许，否则服务器会拒绝。</translation>
    </message>
    <message>
        <source>This connection has already sent connect.</source>
        <translation>此连接已经发送过 connect。</translation>
    </message>
    <message>
        <source>The token is not a JWT: %1</source>
        <translation>令牌不是 JWT：%1</translation>
    </message>
    <message>
        <source>The token expired %1 ago. After this error the server reads nothing more from the connection and drops it about 5 s later (1006).</source>
        <translation>令牌已于 %1 前过期。出现此错误后，服务器不再读取该连接的任何内容，并在约 5 秒后断开（1006）。</translation>
    </message>
    <message>
        <source>With &quot;ping&quot; next to &quot;%1&quot; the server runs its ping handler, which clients cannot use.</source>
        <translation>“ping”与“%1”同时出现时，服务器执行其 ping 处理器，而客户端无法使用它。</translation>
    </message>
    <message>
        <source>The only delta type is &quot;fossil&quot; (lower case).</source>
        <translation>唯一的 delta 类型是“fossil”（小写）。</translation>
    </message>
    <message>
        <source>The channel name is %1 bytes; the server refuses subscriptions to channels longer than %2 bytes (channel.max_length).</source>
        <translation>频道名为 %1 字节；服务器拒绝订阅长于 %2 字节的频道（channel.max_length）。</translation>
    </message>
    <message>
        <source>This connection is already subscribed to &quot;%1&quot;.</source>
        <translation>此连接已订阅“%1”。</translation>
    </message>
    <message>
        <source>Channels starting with $ are private: they need a subscription &quot;token&quot;.</source>
        <translation>以 $ 开头的频道是私有频道：需要订阅“token”。</translation>
    </message>
    <message>
        <source>&quot;recover&quot; needs the last &quot;offset&quot; and &quot;epoch&quot; you saw; without them nothing is recovered.</source>
        <translation>“recover”需要你最后看到的“offset”和“epoch”；没有它们就无法恢复任何内容。</translation>
    </message>
    <message>
        <source>&quot;publish&quot; needs &quot;data&quot;.</source>
        <translation>“publish”需要“data”。</translation>
    </message>
    <message>
        <source>History in reverse from since.offset 0 is refused.</source>
        <translation>从 since.offset 0 反向读取历史会被拒绝。</translation>
    </message>
    <message>
        <source>Centrifugo has no handler for asynchronous &quot;send&quot; messages.</source>
        <translation>Centrifugo 没有处理异步“send”消息的处理器。</translation>
    </message>
    <message>
        <source>&quot;refresh&quot; needs a &quot;token&quot;.</source>
        <translation>“refresh”需要“token”。</translation>
    </message>
    <message>
        <source>The token expired %1 ago.</source>
        <translation>令牌已于 %1 前过期。</translation>
    </message>
    <message>
        <source>The token is for user &quot;%1&quot;, but this connection is anonymous.</source>
        <translation>令牌属于用户“%1”，但此连接是匿名的。</translation>
    </message>
    <message>
        <source>The token is for user &quot;%1&quot;, but this connection is user &quot;%2&quot;.</source>
        <translation>令牌属于用户“%1”，但此连接的用户是“%2”。</translation>
    </message>
    <message>
        <source>This connection is not subscribed to &quot;%1&quot;.</source>
        <translation>此连接未订阅“%1”。</translation>
    </message>
    <message>
        <source>A subscription token needs a &quot;channel&quot; claim equal to &quot;%1&quot;.</source>
        <translation>订阅令牌需要一个等于“%1”的“channel”声明。</translation>
    </message>
    <message>
        <source>The token is for user &quot;%1&quot;, not for this connection&apos;s user &quot;%2&quot;.</source>
        <translation>令牌属于用户“%1”，而不是此连接的用户“%2”。</translation>
    </message>
</context>
<context>
    <name>LoadPanel</name>
    <message>
        <source>WebSocket URL:</source>
        <translation>WebSocket URL：</translation>
    </message>
    <message>
        <source>Server API URL:</source>
        <translation>服务端 API URL：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>连接数：</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>频道：</translation>
    </message>
    <message>
        <source>Publications/s:</source>
        <translation>每秒发布数：</translation>
    </message>
    <message>
        <source>Seconds:</source>
        <translation>秒数：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Publish through:</source>
        <translation>发布方式：</translation>
    </message>
    <message>
        <source>the server API</source>
        <translation>服务端 API</translation>
    </message>
    <message>
        <source>a connection of the run</source>
        <translation>本次运行的一个连接</translation>
    </message>
    <message>
        <source>A connection of the run sends publish commands; it is not subscribed and not counted. The server must allow anonymous clients to publish (--publish-via client, docs/load.md).</source>
        <translation>由本次运行的一个连接发送 publish 命令；它不订阅，也不计入连接数。服务器必须允许匿名客户端发布（--publish-via client，见 docs/load.md）。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Open the connections, subscribe them, publish and measure. The same as centrifugo-inspector-cli --load (docs/load.md).</source>
        <translation>打开连接、订阅、发布并测量。与 centrifugo-inspector-cli --load 相同（见 docs/load.md）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>No load run yet.</source>
        <translation>还没有负载运行。</translation>
    </message>
</context>
<context>
    <name>LoadReport</name>
    <message>
        <source>Connections held: %1 of %2 (%3, %4 channel(s), %5 s)
Publications: %6 sent, %7 deliveries expected, %8 delivered, %9 lost
Latency (ms): p50 %10, p90 %11, p99 %12, max %13
Errors:%14
CPU: %15 s; peak memory: %16 MB (%17 KB per connection)
</source>
        <translation>保持的连接：%1 / %2（%3，%4 个频道，%5 秒）
发布：已发送 %6，应送达 %7，已送达 %8，丢失 %9
延迟（毫秒）：p50 %10，p90 %11，p99 %12，最大 %13
错误：%14
CPU：%15 秒；内存峰值：%16 MB（每个连接 %17 KB）
</translation>
    </message>
    <message>
        <source> none</source>
        <translation> 无</translation>
    </message>
</context>
<context>
    <name>LoadRunner</name>
    <message>
        <source>%1 opened, %2 subscribed</source>
        <translation>已打开 %1，已订阅 %2</translation>
    </message>
    <message>
        <source>%1 of %2 subscribed; publishing</source>
        <translation>已订阅 %1 / %2；正在发布</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Centrifugo Inspector log, level %1 and above</source>
        <translation>Centrifugo Inspector 日志，%1 级别及以上</translation>
    </message>
    <message>
        <source>%1 older entries were dropped by the log&apos;s cap of %2.</source>
        <translation>因日志上限 %2，已丢弃 %1 条较早的记录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>调试（debug）</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息（info）</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告（warning）</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误（error）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every log entry from the pane</source>
        <translation>从面板中移除所有日志记录</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the shown log entries to a text file</source>
        <translation>把显示的日志记录保存到文本文件</translation>
    </message>
    <message>
        <source>%1 older entries dropped (cap %2)</source>
        <translation>已丢弃 %1 条较早的记录（上限 %2）</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>日志文件 (*.log *.txt)</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>无法把日志保存到 %1：%2</translation>
    </message>
    <message>
        <source>trace</source>
        <translation>跟踪（trace）</translation>
    </message>
    <message>
        <source>Show entries at this level and above. trace shows every frame and the handshake.</source>
        <translation>显示此级别及以上的记录。trace 会显示每一帧和握手过程。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New connection</source>
        <translation>新建连接(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Duplicate this connection</source>
        <translation>复制此连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close this connection</source>
        <translation>关闭此连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export timeline…</source>
        <translation>导出时间线(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;shown rows…</source>
        <translation>导出显示的行(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import timeline…</source>
        <translation>导入时间线(&amp;I)…</translation>
    </message>
    <message>
        <source>Open recordings in the &amp;combined timeline…</source>
        <translation>在合并时间线中打开录制文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Save log…</source>
        <translation>保存日志(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Send c&amp;onnect command</source>
        <translation>发送 connect 命令(&amp;O)</translation>
    </message>
    <message>
        <source>Send a &amp;pong</source>
        <translation>发送一个 pong(&amp;P)</translation>
    </message>
    <message>
        <source>Disconnect this client from the &amp;server…</source>
        <translation>从服务器断开此客户端(&amp;S)…</translation>
    </message>
    <message>
        <source>C&amp;ommand</source>
        <translation>命令(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit command</source>
        <translation>编辑命令(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Previous command</source>
        <translation>上一条命令(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next command</source>
        <translation>下一条命令(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>Raw / empty</source>
        <translation>原始 / 空白</translation>
    </message>
    <message>
        <source>subscribe with a tags filter (tf)</source>
        <translation>带标签过滤器（tf）的 subscribe</translation>
    </message>
    <message>
        <source>subscribe with fossil delta</source>
        <translation>带 fossil 增量的 subscribe</translation>
    </message>
    <message>
        <source>connect with headers and flag</source>
        <translation>带 headers 和 flag 的 connect</translation>
    </message>
    <message>
        <source>S&amp;ubscribe to a channel…</source>
        <translation>订阅频道(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find in timeline</source>
        <translation>在时间线中查找(&amp;F)</translation>
    </message>
    <message>
        <source>C&amp;lear timeline</source>
        <translation>清空时间线(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Pause timeline</source>
        <translation>暂停时间线(&amp;P)</translation>
    </message>
    <message>
        <source>This session with its &amp;server calls</source>
        <translation>此会话及其服务器调用(&amp;S)</translation>
    </message>
    <message>
        <source>Sessions side &amp;by side</source>
        <translation>会话并排显示(&amp;B)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Command and server API</source>
        <translation>命令和服务器 API</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Show &amp;secrets</source>
        <translation>显示机密信息(&amp;S)</translation>
    </message>
    <message>
        <source>Show tokens, keys and secret header values in the log, the timeline&apos;s detail pane and the connection panel. Off at every start.</source>
        <translation>在日志、时间线的详情窗格和连接面板中显示令牌、密钥和机密请求头的值。每次启动时均为关闭。</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Connection &amp;profiles…</source>
        <translation>连接配置(&amp;P)…</translation>
    </message>
    <message>
        <source>Token &amp;generator…</source>
        <translation>令牌生成器(&amp;G)…</translation>
    </message>
    <message>
        <source>Token &amp;decoder…</source>
        <translation>令牌解码器(&amp;D)…</translation>
    </message>
    <message>
        <source>P&amp;robe transports…</source>
        <translation>探测传输(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Proxy (see an application&apos;s connection)</source>
        <translation>代理（查看应用的连接）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Scenarios…</source>
        <translation>场景(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Centrifugo Inspector</source>
        <translation>关于 Centrifugo Inspector(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Already connected or connecting; disconnect first (Ctrl+Shift+K).</source>
        <translation>已连接或正在连接；请先断开连接（Ctrl+Shift+K）。</translation>
    </message>
    <message>
        <source>Timeline cleared.</source>
        <translation>时间线已清空。</translation>
    </message>
    <message>
        <source>Centrifugo Inspector — %1 (%2)</source>
        <translation>Centrifugo Inspector — %1（%2）</translation>
    </message>
    <message>
        <source>Recall older / newer sent commands in the editor</source>
        <translation>在编辑器中调出更早 / 更新的已发送命令</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About Centrifugo Inspector</source>
        <translation>关于 Centrifugo Inspector</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>录制文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Secrets shown</source>
        <translation>正在显示机密信息</translation>
    </message>
    <message>
        <source>Tokens and keys are shown in the log, the timeline and the connection panel. View ▸ Show secrets hides them.</source>
        <translation>令牌和密钥会显示在日志、时间线和连接面板中。“视图 ▸ 显示机密信息”可将其隐藏。</translation>
    </message>
    <message>
        <source>The translation for %1 was not found; the interface stays in English.</source>
        <translation>找不到 %1 的翻译；界面保持英文。</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Centrifugo Inspector %1&lt;/h3&gt;&lt;p&gt;Speaks the Centrifugo client protocol v2, shows every frame, and explains every reply, push, error and disconnect.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%2 (built with %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Protocol:&lt;/td&gt;&lt;td&gt;Centrifugo client protocol v2 (JSON and Protobuf)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Server:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Centrifugo 检查器 %1&lt;/h3&gt;&lt;p&gt;使用 Centrifugo 客户端协议 v2，显示每一帧，并解释每个回复、推送、错误和断开。&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt：&lt;/td&gt;&lt;td&gt;%2（编译时 %3）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;协议：&lt;/td&gt;&lt;td&gt;Centrifugo 客户端协议 v2（JSON 和 Protobuf）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;服务器：&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Probe transports</source>
        <translation>探测传输</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>New connection: %1.</source>
        <translation>新连接：%1。</translation>
    </message>
    <message>
        <source>%1 duplicates %2: the same options and channels, a new client.</source>
        <translation>%1 复制自 %2：相同的选项和频道，新的客户端。</translation>
    </message>
    <message>
        <source>Combined timeline</source>
        <translation>合并时间线</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Open recordings in the combined timeline</source>
        <translation>在合并时间线中打开录制文件</translation>
    </message>
</context>
<context>
    <name>MergeMode</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n line(s) from %1 file(s) in time order.</source>
        <translation>
            <numerusform>已按时间顺序合并来自 %1 个文件的 %n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n line(s) without a readable time; the first: %1</source>
        <translation>
            <numerusform>跳过了 %n 行无法读取时间的内容；第一行：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageDetail</name>
    <message>
        <source>… %L1 more bytes not shown
</source>
        <translation>… 还有 %L1 字节未显示
</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <source>Binary (Protobuf) message, size in bytes: %L1. The Hex tab shows its bytes.</source>
        <translation>二进制（Protobuf）消息，大小（字节）：%L1。“十六进制”页显示其字节。</translation>
    </message>
    <message>
        <source>Whole frame (messages: %1, bytes: %L2):</source>
        <translation>整帧（消息：%1，字节：%L2）：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>out: sent by this client</source>
        <translation>out：由本客户端发出</translation>
    </message>
    <message>
        <source>in: from the server</source>
        <translation>in：来自服务器</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>WebSocket close frame</source>
        <translation>WebSocket 关闭帧</translation>
    </message>
    <message>
        <source>Protobuf (binary frame)</source>
        <translation>Protobuf（二进制帧）</translation>
    </message>
    <message>
        <source>JSON (text frame)</source>
        <translation>JSON（文本帧）</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>message %1 of %2, frame size in bytes: %L3</source>
        <translation>第 %1 条消息，共 %2 条，帧大小（字节）：%L3</translation>
    </message>
    <message>
        <source>HTTP exchange whose summary cannot be read.</source>
        <translation>无法读取摘要的 HTTP 交换。</translation>
    </message>
    <message>
        <source>HTTP exchange of the emulation transport (not a protocol message)</source>
        <translation>模拟传输的 HTTP 交换（不是协议消息）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>opening request of the stream (carries connect)</source>
        <translation>流的打开请求（携带 connect）</translation>
    </message>
    <message>
        <source>commands POSTed to the emulation endpoint</source>
        <translation>POST 到模拟端点的命令</translation>
    </message>
    <message>
        <source>Method and path</source>
        <translation>方法和路径</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <source>none (no response)</source>
        <translation>无（没有响应）</translation>
    </message>
    <message>
        <source>Request body (bytes)</source>
        <translation>请求体（字节）</translation>
    </message>
    <message>
        <source>Response body (bytes)</source>
        <translation>响应体（字节）</translation>
    </message>
    <message>
        <source>the stream (read as messages)</source>
        <translation>流（按消息读取）</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The delta cannot be applied: %1.</source>
        <translation>无法应用增量：%1。</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>cannot be applied: %1</source>
        <translation>无法应用：%1</translation>
    </message>
    <message>
        <source>A fossil delta of %1 bytes, rebuilt into the full data of %2 bytes: %3 bytes saved.</source>
        <translation>%1 字节的 fossil 增量，重建为 %2 字节的完整数据：节省 %3 字节。</translation>
    </message>
    <message>
        <source>fossil delta applied to the channel&apos;s previous data</source>
        <translation>已将 fossil 增量应用到该频道的上一份数据</translation>
    </message>
    <message>
        <source>full data (the base of the next deltas on this channel)</source>
        <translation>完整数据（此频道后续增量的基础）</translation>
    </message>
    <message>
        <source>Delta as received (bytes)</source>
        <translation>收到的增量（字节）</translation>
    </message>
    <message>
        <source>Rebuilt data (bytes)</source>
        <translation>重建后的数据（字节）</translation>
    </message>
    <message>
        <source>Bytes saved</source>
        <translation>节省的字节</translation>
    </message>
    <message>
        <source>Rebuilt publication data (%L1 bytes):</source>
        <translation>重建后的发布数据（%L1 字节）：</translation>
    </message>
    <message>
        <source>out: server API call</source>
        <translation>出：服务器 API 调用</translation>
    </message>
    <message>
        <source>in: server API reply</source>
        <translation>入：服务器 API 回复</translation>
    </message>
</context>
<context>
    <name>MessageDetailView</name>
    <message>
        <source>Pretty JSON</source>
        <translation>格式化 JSON</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Message as pretty JSON</source>
        <translation>格式化 JSON 形式的消息</translation>
    </message>
    <message>
        <source>Message as raw text</source>
        <translation>原始文本形式的消息</translation>
    </message>
    <message>
        <source>Message bytes in hex</source>
        <translation>消息字节（十六进制）</translation>
    </message>
    <message>
        <source>Explanation of the message</source>
        <translation>消息的解释</translation>
    </message>
    <message>
        <source>Select a message to see it decoded and explained.</source>
        <translation>选择一条消息，查看它的解码结果和解释。</translation>
    </message>
    <message>
        <source>Secrets in it are masked; View ▸ Show secrets shows them.</source>
        <translation>其中的机密信息已被遮蔽；“视图 ▸ 显示机密信息”可显示它们。</translation>
    </message>
    <message>
        <source>Code %1 (%2): %3</source>
        <translation>代码 %1（%2）：%3</translation>
    </message>
    <message>
        <source>not a documented code</source>
        <translation>不是有文档说明的代码</translation>
    </message>
    <message>
        <source>Decoder: %1</source>
        <translation>解码器：%1</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <source>Connect with profile</source>
        <translation>使用配置连接</translation>
    </message>
    <message>
        <source>The inspector is connected to %1. Disconnect and connect with the profile &quot;%2&quot;?</source>
        <translation>检查器已连接到 %1。断开并使用配置“%2”重新连接吗？</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Token set in the connection panel; connect (Ctrl+K) to use it.</source>
        <translation>令牌已填入连接面板；连接（Ctrl+K）即可使用。</translation>
    </message>
    <message>
        <source>Subscription token set for %1; press Subscribe to use it.</source>
        <translation>已为 %1 设置订阅令牌；点击“订阅”即可使用。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL：</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Protobuf</source>
        <translation>Protobuf</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Add Header</source>
        <translation>添加请求头</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>移除请求头</translation>
    </message>
    <message>
        <source>HTTP headers:</source>
        <translation>HTTP 请求头：</translation>
    </message>
    <message>
        <source>JSON sent as connect data (for a connect proxy); empty for none</source>
        <translation>作为 connect 数据发送的 JSON（供 connect 代理使用）；留空表示不发送</translation>
    </message>
    <message>
        <source>Connect &amp;data:</source>
        <translation>connect 数据(&amp;D)：</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>No token (anonymous)</source>
        <translation>无令牌（匿名）</translation>
    </message>
    <message>
        <source>Fixed token</source>
        <translation>固定令牌</translation>
    </message>
    <message>
        <source>Generate from HMAC secret</source>
        <translation>用 HMAC 密钥生成</translation>
    </message>
    <message>
        <source>eyJ… (kept in the secret store, never in settings or exports)</source>
        <translation>eyJ…（保存在机密存储中，绝不写入设置或导出文件）</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>client.token.hmac_secret_key (development servers only)</source>
        <translation>client.token.hmac_secret_key（仅限开发服务器）</translation>
    </message>
    <message>
        <source>HMAC s&amp;ecret:</source>
        <translation>HMAC 密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>empty = anonymous user</source>
        <translation>留空 = 匿名用户</translation>
    </message>
    <message>
        <source>User ID (sub):</source>
        <translation>用户 ID（sub）：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>Lifetime:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>{&quot;name&quot;: &quot;Alice&quot;}  (info claim, JSON)</source>
        <translation>{&quot;name&quot;: &quot;Alice&quot;}（info 声明，JSON）</translation>
    </message>
    <message>
        <source>Info:</source>
        <translation>Info：</translation>
    </message>
    <message>
        <source>server-side subscriptions, e.g. news, chat:room</source>
        <translation>服务器端订阅，例如 news, chat:room</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>频道：</translation>
    </message>
    <message>
        <source>Also sign subscription tokens for private ($) channels with this secret</source>
        <translation>同时用此密钥为私有（$）频道签发订阅令牌</translation>
    </message>
    <message>
        <source>Open Token Generator…</source>
        <translation>打开令牌生成器…</translation>
    </message>
    <message>
        <source>Server API</source>
        <translation>服务器 API</translation>
    </message>
    <message>
        <source>derived from the URL, e.g. http://127.0.0.1:8000/api</source>
        <translation>由 URL 推导，例如 http://127.0.0.1:8000/api</translation>
    </message>
    <message>
        <source>API URL:</source>
        <translation>API URL：</translation>
    </message>
    <message>
        <source>http_api.key (kept in the secret store)</source>
        <translation>http_api.key（保存在机密存储中）</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Subscriptions to restore after connecting</source>
        <translation>连接后要恢复的订阅</translation>
    </message>
    <message>
        <source>One channel per line</source>
        <translation>每行一个频道</translation>
    </message>
    <message>
        <source>TLS (wss://)</source>
        <translation>TLS（wss://）</translation>
    </message>
    <message>
        <source>extra CA certificates (PEM), e.g. for a self-signed development server</source>
        <translation>额外的 CA 证书（PEM），例如用于自签名的开发服务器</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>Ignore certificate errors</source>
        <translation>忽略证书错误</translation>
    </message>
    <message>
        <source>Certificate errors are still shown in the log, but the connection goes ahead: anyone on the network could read and change the traffic. For development only.</source>
        <translation>证书错误仍会显示在日志中，但连接会继续：网络上的任何人都可能读取和篡改流量。仅用于开发。</translation>
    </message>
    <message>
        <source>No secret store: secrets are not saved.</source>
        <translation>没有机密存储：机密不会被保存。</translation>
    </message>
    <message>
        <source>CA Certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Keep the value in the secret store instead of the settings, and out of exports</source>
        <translation>把该值保存在机密存储中而不是设置里，并排除在导出之外</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>配置需要一个名称。</translation>
    </message>
    <message>
        <source>The token is sent as is with every connect.</source>
        <translation>令牌会在每次 connect 时原样发送。</translation>
    </message>
    <message>
        <source>an anonymous user</source>
        <translation>匿名用户</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;</source>
        <translation>用户“%1”</translation>
    </message>
    <message>
        <source>Token for %1. %2</source>
        <translation>为 %1 生成的令牌。%2</translation>
    </message>
    <message>
        <source>A credential by its name or value: always kept in the secret store and out of exports, like in the connection panel</source>
        <translation>按名称或值判断为凭据：与连接面板一样，始终保存在密钥存储中，且不进入导出文件</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>How long the server may take to answer the WebSocket handshake before the connection is given up (and said so). 0: wait forever.</source>
        <translation>服务器应答 WebSocket 握手的最长时间，超过后放弃连接（并说明原因）。0：一直等待。</translation>
    </message>
    <message>
        <source>Handshake timeout:</source>
        <translation>握手超时：</translation>
    </message>
</context>
<context>
    <name>ProfileManagerDialog</name>
    <message>
        <source>Connection Profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>New profile (%1)</source>
        <translation>新配置（%1）</translation>
    </message>
    <message>
        <source>Copy the selected profile with its secrets (Ctrl+D)</source>
        <translation>复制选中的配置及其机密（Ctrl+D）</translation>
    </message>
    <message>
        <source>Rename the selected profile (F2)</source>
        <translation>重命名选中的配置（F2）</translation>
    </message>
    <message>
        <source>Delete the selected profile and its secrets (Delete)</source>
        <translation>删除选中的配置及其机密（Delete）</translation>
    </message>
    <message>
        <source>Save profiles to a JSON file. Tokens, secrets and API keys are never written.</source>
        <translation>把配置保存到 JSON 文件。令牌、机密和 API 密钥绝不会写入。</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Use and &amp;Connect</source>
        <translation>使用并连接(&amp;C)</translation>
    </message>
    <message>
        <source>Rename Profile</source>
        <translation>重命名配置</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Export Profiles</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <source>Profiles (*.json)</source>
        <translation>配置文件 (*.json)</translation>
    </message>
    <message>
        <source>Export all %1 profiles? (No: only the selected one.)</source>
        <translation>导出全部 %1 个配置吗？（选“否”只导出选中的配置。）</translation>
    </message>
    <message>
        <source>Import Profiles</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>配置文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has unsaved changes.</source>
        <translation>配置“%1”有未保存的更改。</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新配置</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation>已创建“%1”。</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; with the same settings and secrets.</source>
        <translation>已创建“%1”，设置和机密与原配置相同。</translation>
    </message>
    <message>
        <source>Renamed to &quot;%1&quot;.</source>
        <translation>已重命名为“%1”。</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and the secrets stored for it?</source>
        <translation>删除配置“%1”及为其保存的机密吗？</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Saved. Secrets are kept in memory only until the application exits.</source>
        <translation>已保存。机密只保存在内存中，直到应用程序退出。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved, but: %1</source>
        <translation>已保存，但：%1</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>已放弃更改。</translation>
    </message>
    <message>
        <source>Profiles exported: %1, to %2. Tokens, secrets and API keys are not in the file.</source>
        <translation>已导出 %1 个配置到 %2。文件中不包含令牌、机密和 API 密钥。</translation>
    </message>
    <message>
        <source>Profiles imported: %1.</source>
        <translation>已导入配置：%1。</translation>
    </message>
    <message>
        <source>Enter their secrets (not part of exported files): %1.</source>
        <translation>请输入它们的机密（不包含在导出文件中）：%1。</translation>
    </message>
</context>
<context>
    <name>ProfileResolver</name>
    <message>
        <source>No token is stored for profile &quot;%1&quot;: it connects without a token. Enter the token in Profiles (tokens are not part of exported files).</source>
        <translation>配置“%1”没有保存令牌：它会在没有令牌的情况下连接。请在“配置”中输入令牌（令牌不包含在导出文件中）。</translation>
    </message>
    <message>
        <source>No HMAC secret is stored for profile &quot;%1&quot;: no token can be generated, so it connects without a token. Enter the secret in Profiles.</source>
        <translation>配置“%1”没有保存 HMAC 密钥：无法生成令牌，因此会在没有令牌的情况下连接。请在“配置”中输入密钥。</translation>
    </message>
    <message>
        <source>No value is stored for the secret header %1 of profile &quot;%2&quot;: it is sent empty.</source>
        <translation>配置“%2”的机密请求头 %1 没有保存值：它会以空值发送。</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Local Centrifugo</source>
        <translation>本地 Centrifugo</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation>该配置已不存在。</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>配置需要一个名称。</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的配置已存在。</translation>
    </message>
    <message>
        <source>The last profile cannot be deleted: there is always one to connect with.</source>
        <translation>不能删除最后一个配置：必须始终保留一个可用于连接的配置。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The file is not JSON: %1 at character %2.</source>
        <translation>该文件不是 JSON：%1，位于第 %2 个字符。</translation>
    </message>
    <message>
        <source>The file is not a Centrifugo Inspector profiles file (its &quot;format&quot; is not &quot;%1&quot;).</source>
        <translation>该文件不是 Centrifugo Inspector 配置文件（其 &quot;format&quot; 不是“%1”）。</translation>
    </message>
    <message>
        <source>The file was written by a newer version (format version %1; this version reads %2).</source>
        <translation>该文件由更新的版本写入（格式版本 %1；本版本可读取 %2）。</translation>
    </message>
    <message>
        <source>Profile %1 in the file cannot be read: %2</source>
        <translation>无法读取文件中的配置 %1：%2</translation>
    </message>
    <message>
        <source>The file contains no profiles.</source>
        <translation>该文件不包含任何配置。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a profiles file.</source>
        <translation>%1 太大，不可能是配置文件。</translation>
    </message>
</context>
<context>
    <name>ProtobufCodec</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefined</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1：应为%2，实际为%3</translation>
    </message>
    <message>
        <source>%1: %2 is not a whole number</source>
        <translation>%1：%2 不是整数</translation>
    </message>
    <message>
        <source>%1: %2 is out of range</source>
        <translation>%1：%2 超出范围</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>a whole number (or a decimal string)</source>
        <translation>整数（或十进制字符串）</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (%3 to %4)</source>
        <translation>%1：%2 超出范围（%3 到 %4）</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (0 to %3)</source>
        <translation>%1：%2 超出范围（0 到 %3）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number from 0 to %3</source>
        <translation>%1：“%2”不是 0 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>%1: unknown value &quot;%2&quot;</source>
        <translation>%1：未知的值“%2”</translation>
    </message>
    <message>
        <source>%1: map key &quot;%2&quot; is not true or false</source>
        <translation>%1：映射键“%2”不是 true 或 false</translation>
    </message>
    <message>
        <source>%1: map key &quot;%2&quot; is not a number</source>
        <translation>%1：映射键“%2”不是数字</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 levels</source>
        <translation>%1：嵌套超过 %2 层</translation>
    </message>
    <message>
        <source>%1: %2 has no field &quot;%3&quot; in the Protobuf schema, so it cannot be sent in Protobuf mode</source>
        <translation>%1：%2 在 Protobuf 模式定义中没有字段“%3”，因此无法以 Protobuf 模式发送</translation>
    </message>
    <message>
        <source>message %1: %2</source>
        <translation>消息 %1：%2</translation>
    </message>
    <message>
        <source>message %1 is too large to encode</source>
        <translation>消息 %1 太大，无法编码</translation>
    </message>
    <message>
        <source>more than %1 messages in one frame: the remaining %2 bytes are not decoded</source>
        <translation>一帧中超过 %1 条消息：剩余的 %2 字节未解码</translation>
    </message>
    <message>
        <source>bad length prefix at byte %1: the varint is truncated or longer than 10 bytes (%2 bytes left in the frame)</source>
        <translation>第 %1 字节处的长度前缀错误：varint 被截断或超过 10 字节（帧中还剩 %2 字节）</translation>
    </message>
    <message>
        <source>length prefix at byte %1 announces %2 bytes, but only %3 bytes follow in the frame</source>
        <translation>第 %1 字节处的长度前缀声明了 %2 字节，但帧中只剩 %3 字节</translation>
    </message>
    <message>
        <source>bytes %1 to %2 are not a valid Protobuf %3 (%4-byte message)</source>
        <translation>第 %1 到 %2 字节不是有效的 Protobuf %3（%4 字节的消息）</translation>
    </message>
    <message>
        <source>empty frame (no messages)</source>
        <translation>空帧（没有消息）</translation>
    </message>
    <message>
        <source>&quot;$base64&quot; is not valid base64</source>
        <translation>&quot;$base64&quot; 不是有效的 base64</translation>
    </message>
    <message>
        <source>&quot;$text&quot; must be a string</source>
        <translation>&quot;$text&quot; 必须是字符串</translation>
    </message>
</context>
<context>
    <name>ProxyAppView</name>
    <message>
        <source>App %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <source>%1 · client id %2</source>
        <translation>%1 · 客户端 ID %2</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已关闭）</translation>
    </message>
    <message>
        <source>Application connection %1 from %2 through the proxy, closed: %3</source>
        <translation>经代理的应用连接 %1（来自 %2），已关闭：%3</translation>
    </message>
    <message>
        <source>no reason known</source>
        <translation>原因未知</translation>
    </message>
    <message>
        <source>Application connection %1 from %2 through the proxy, %3. Read only: the fault injection of the Proxy dock acts on the selected connection.</source>
        <translation>经代理的应用连接 %1（来自 %2），%3。只读：代理面板的故障注入作用于所选连接。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>connecting upstream</source>
        <translation>正在连接上游</translation>
    </message>
</context>
<context>
    <name>ProxyConnection</name>
    <message>
        <source>no answer to the upstream handshake within %1 ms</source>
        <translation>上游握手在 %1 毫秒内没有应答</translation>
    </message>
    <message>
        <source>Upstream TLS: %1</source>
        <translation>上游 TLS：%1</translation>
    </message>
    <message>
        <source>Application %1 connected (%2); opening %3 with headers [%4]</source>
        <translation>应用 %1 已连接（%2）；正在以请求头 [%4] 打开 %3</translation>
    </message>
    <message>
        <source>Held back the application&apos;s pong (fault injection).</source>
        <translation>已扣留应用的 pong（故障注入）。</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n publication(s) on purpose (fault injection).</source>
        <translation>
            <numerusform>已故意丢弃 %n 条发布（故障注入）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Held back the server&apos;s ping (fault injection).</source>
        <translation>已扣留服务器的 ping（故障注入）。</translation>
    </message>
    <message>
        <source>Connected as client %1</source>
        <translation>已作为客户端 %1 连接</translation>
    </message>
    <message>
        <source>Linter on the application&apos;s command: [%1] %2</source>
        <translation>对应用命令的检查：[%1] %2</translation>
    </message>
    <message>
        <source>closed without a close frame</source>
        <translation>没有关闭帧就关闭了</translation>
    </message>
    <message>
        <source>The application closed the connection (code %1, reason &quot;%2&quot;).</source>
        <translation>应用关闭了连接（代码 %1，原因“%2”）。</translation>
    </message>
    <message>
        <source>The application&apos;s connection was lost without a close frame (%1).</source>
        <translation>应用的连接在没有关闭帧的情况下断开（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) of the application could not be forwarded: the upstream never opened.</source>
        <translation>
            <numerusform>应用的 %n 帧无法转发：上游从未打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>The upstream connection was lost (%1); the application&apos;s connection is closed with 1011.</source>
        <translation>上游连接已断开（%1）；应用的连接以 1011 关闭。</translation>
    </message>
    <message>
        <source>The upstream could not be opened (%1); the application&apos;s connection is closed with 1011.</source>
        <translation>无法打开上游（%1）；应用的连接以 1011 关闭。</translation>
    </message>
    <message>
        <source>%1 cannot be sent in a close frame (1000-1003, 1007-1011 or 3000-4999): nothing injected.</source>
        <translation>%1 不能放在关闭帧中（1000-1003、1007-1011 或 3000-4999）：未注入任何故障。</translation>
    </message>
    <message>
        <source>Closed by the proxy (fault injection): code %1, reason &quot;%2&quot;.</source>
        <translation>由代理关闭（故障注入）：代码 %1，原因“%2”。</translation>
    </message>
    <message>
        <source>upstream dropped by the proxy without a close frame</source>
        <translation>代理在不发送关闭帧的情况下断开了上游</translation>
    </message>
    <message>
        <source>The proxy dropped the upstream without a close frame (fault injection); the application&apos;s connection is closed with 1011.</source>
        <translation>代理在不发送关闭帧的情况下断开了上游（故障注入）；应用的连接以 1011 关闭。</translation>
    </message>
    <message>
        <source>Delaying every frame by %1 ms (fault injection).</source>
        <translation>每一帧延迟 %1 毫秒（故障注入）。</translation>
    </message>
    <message>
        <source>Frames are no longer delayed.</source>
        <translation>帧不再延迟。</translation>
    </message>
    <message numerus="yes">
        <source>Dropping the next %n publication(s) of %1 (fault injection).</source>
        <translation>
            <numerusform>将丢弃 %1 接下来的 %n 条发布（故障注入）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Holding back the server&apos;s pings (fault injection).</source>
        <translation>正在扣留服务器的 ping（故障注入）。</translation>
    </message>
    <message>
        <source>The server&apos;s pings pass again.</source>
        <translation>服务器的 ping 恢复放行。</translation>
    </message>
    <message>
        <source>Holding back the application&apos;s pongs (fault injection).</source>
        <translation>正在扣留应用的 pong（故障注入）。</translation>
    </message>
    <message>
        <source>The application&apos;s pongs pass again.</source>
        <translation>应用的 pong 恢复放行。</translation>
    </message>
    <message>
        <source>Passing everything through again.</source>
        <translation>恢复全部放行。</translation>
    </message>
</context>
<context>
    <name>ProxyPanel</name>
    <message>
        <source>Address and port the application connects to. Loopback only: anything else would let others use the credentials the application sends.</source>
        <translation>应用连接的地址和端口。仅限回环：否则他人可以使用应用发送的凭据。</translation>
    </message>
    <message>
        <source>Ignore upstream certificate errors</source>
        <translation>忽略上游证书错误</translation>
    </message>
    <message>
        <source>Start proxy</source>
        <translation>启动代理</translation>
    </message>
    <message>
        <source>Stopped. Point your application&apos;s SDK at the listen address once it runs.</source>
        <translation>已停止。代理运行后，把应用的 SDK 指向监听地址。</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Frames ↑/↓</source>
        <translation>帧 ↑/↓</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <source>Close as the server</source>
        <translation>以服务器身份关闭</translation>
    </message>
    <message>
        <source>Close the application&apos;s connection with this code and reason, as if the server had.</source>
        <translation>用此代码和原因关闭应用的连接，就像服务器关闭的一样。</translation>
    </message>
    <message>
        <source>Drop upstream</source>
        <translation>断开上游</translation>
    </message>
    <message>
        <source>Drop the connection to the server without a close frame, as a network failure would; the application gets 1011.</source>
        <translation>像网络故障那样，不发关闭帧就断开与服务器的连接；应用会收到 1011。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Delay of every frame, both ways (0: none)</source>
        <translation>每一帧的延迟，双向（0：不延迟）</translation>
    </message>
    <message>
        <source>Delay frames</source>
        <translation>延迟帧</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Drop publications</source>
        <translation>丢弃发布</translation>
    </message>
    <message>
        <source>Keep the next N publications of the channel from the application, to see whether it notices the gap and recovers.</source>
        <translation>不把该频道接下来的 N 条发布交给应用，看它能否发现缺口并恢复。</translation>
    </message>
    <message>
        <source>Hold server pings</source>
        <translation>扣留服务器 ping</translation>
    </message>
    <message>
        <source>Hold app pongs</source>
        <translation>扣留应用 pong</translation>
    </message>
    <message>
        <source>Pass through</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Fault injection (selected connection)</source>
        <translation>故障注入（所选连接）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The listen address must be ADDRESS:PORT, e.g. 127.0.0.1:8001.</source>
        <translation>监听地址必须是 ADDRESS:PORT，例如 127.0.0.1:8001。</translation>
    </message>
    <message>
        <source>Listening. Point your application&apos;s SDK at %1 (forwarding to %2).</source>
        <translation>正在监听。把应用的 SDK 指向 %1（转发到 %2）。</translation>
    </message>
    <message>
        <source>Stop proxy</source>
        <translation>停止代理</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Protobuf</source>
        <translation>Protobuf</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>connecting upstream</source>
        <translation>正在连接上游</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>延迟 %1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n publication(s) to drop</source>
        <translation>
            <numerusform>待丢弃 %n 条发布</numerusform>
        </translation>
    </message>
    <message>
        <source>pings held</source>
        <translation>ping 已扣留</translation>
    </message>
    <message>
        <source>pongs held</source>
        <translation>pong 已扣留</translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>已丢弃 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undelivered</source>
        <translation>
            <numerusform>未送达 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 [conn %2] %3</source>
        <translation>%1 [连接 %2] %3</translation>
    </message>
</context>
<context>
    <name>ProxyServer</name>
    <message>
        <source>The proxy could not accept a connection: %1</source>
        <translation>代理无法接受连接：%1</translation>
    </message>
    <message>
        <source>An application&apos;s handshake was refused (%1): %2</source>
        <translation>应用的握手被拒绝（%1）：%2</translation>
    </message>
    <message>
        <source>The upstream URL must start with ws:// or wss://: %1</source>
        <translation>上游 URL 必须以 ws:// 或 wss:// 开头：%1</translation>
    </message>
    <message>
        <source>The proxy listens on loopback only unless asked otherwise: %1 would let anyone who reaches it use the credentials of the applications it forwards.</source>
        <translation>除非明确要求，代理只监听回环地址：%1 会让任何能访问它的人使用它所转发应用的凭据。</translation>
    </message>
    <message>
        <source>Warning: the proxy listens on %1, not loopback: anyone who reaches it can connect through it, and it forwards the applications&apos; cookies and tokens in plain ws://.</source>
        <translation>警告：代理监听在 %1，而非回环地址：任何能访问它的人都可以通过它连接，而且它以明文 ws:// 转发应用的 Cookie 和令牌。</translation>
    </message>
    <message>
        <source>The proxy cannot listen on %1:%2: %3</source>
        <translation>代理无法监听 %1:%2：%3</translation>
    </message>
    <message>
        <source>Proxy listening on %1, forwarding to %2</source>
        <translation>代理正在监听 %1，转发到 %2</translation>
    </message>
</context>
<context>
    <name>PublicationDiff</name>
    <message>
        <source>The data is the same as in the channel&apos;s previous publication.</source>
        <translation>数据与该频道上一条发布消息相同。</translation>
    </message>
</context>
<context>
    <name>Reconnector</name>
    <message>
        <source>Automatic reconnect was turned off.</source>
        <translation>自动重连已关闭。</translation>
    </message>
    <message>
        <source>Reconnecting was cancelled.</source>
        <translation>重连已取消。</translation>
    </message>
    <message>
        <source>Not reconnecting: connect failed with %1</source>
        <translation>不重连：connect 失败，错误 %1</translation>
    </message>
    <message>
        <source>Not reconnecting: %1</source>
        <translation>不重连：%1</translation>
    </message>
</context>
<context>
    <name>RecordMerger</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>The record file is already open.</source>
        <translation>记录文件已经打开。</translation>
    </message>
    <message>
        <source>Cannot write the record file %1: %2</source>
        <translation>无法写入记录文件 %1：%2</translation>
    </message>
    <message>
        <source>Writing the record file failed: %1</source>
        <translation>写入记录文件失败：%1</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <source>cannot connect to %1: the WebSocket handshake did not complete within --duration %2 s</source>
        <translation>无法连接到 %1：WebSocket 握手没有在 --duration %2 秒内完成</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>记录到 %1</translation>
    </message>
    <message>
        <source>lint %1 [%2] %3%4 (in --send %5)
</source>
        <translation>lint %1 [%2] %3%4（在 --send %5 中）
</translation>
    </message>
    <message>
        <source>connect was refused: error %1</source>
        <translation>connect 被拒绝：错误 %1</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2
  %3</source>
        <translation>无法连接到 %1：%2
  %3</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>Summary
</source>
        <translation>摘要
</translation>
    </message>
    <message>
        <source>  run time      %1 s
</source>
        <translation>  运行时间      %1 秒
</translation>
    </message>
    <message>
        <source>  frames in     %1 (%2 bytes)
</source>
        <translation>  接收帧数      %1（%2 字节）
</translation>
    </message>
    <message>
        <source>  frames out    %1 (%2 bytes)
</source>
        <translation>  发送帧数      %1（%2 字节）
</translation>
    </message>
    <message>
        <source>  rate in       %1 frames/s over %2 s
</source>
        <translation>  接收速率      %1 帧/秒，历时 %2 秒
</translation>
    </message>
    <message>
        <source>  messages      %1
</source>
        <translation>  消息数        %1
</translation>
    </message>
    <message>
        <source>  reads         %1 turns, %2 held at the read limit (back-pressure), buffer grown %3 times (largest %4 bytes)
</source>
        <translation>  读取          %1 轮，其中 %2 轮达到读取上限（背压），缓冲区扩大 %3 次（最大 %4 字节）
</translation>
    </message>
    <message>
        <source>  closed by     %1 (code %2%3)
</source>
        <translation>  关闭方        %1（代码 %2%3）
</translation>
    </message>
    <message>
        <source>  by kind:
</source>
        <translation>  按类型：
</translation>
    </message>
    <message>
        <source>  by channel:
</source>
        <translation>  按频道：
</translation>
    </message>
</context>
<context>
    <name>ScenarioMatcher</name>
    <message>
        <source>the message</source>
        <translation>该消息</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>at %1: expected no value, got %2</source>
        <translation>位于 %1：期望没有值，实际为 %2</translation>
    </message>
    <message>
        <source>at %1: missing (expected %2)</source>
        <translation>位于 %1：缺失（期望 %2）</translation>
    </message>
    <message>
        <source>at %1: %2 does not match %3</source>
        <translation>位于 %1：%2 不匹配 %3</translation>
    </message>
    <message>
        <source>at %1: expected an object, got %2</source>
        <translation>位于 %1：期望一个对象，实际为 %2</translation>
    </message>
    <message>
        <source>at %1: expected an array, got %2</source>
        <translation>位于 %1：期望一个数组，实际为 %2</translation>
    </message>
    <message>
        <source>at %1: no element for pattern element %2 (%3)</source>
        <translation>位于 %1：没有与模式元素 %2 对应的元素（%3）</translation>
    </message>
    <message>
        <source>at %1: no element matches pattern element %2 (%3)</source>
        <translation>位于 %1：没有元素匹配模式元素 %2（%3）</translation>
    </message>
    <message>
        <source>at %1: expected %2, got %3</source>
        <translation>位于 %1：期望 %2，实际为 %3</translation>
    </message>
    <message>
        <source>bad regular expression %1: %2 at offset %3</source>
        <translation>错误的正则表达式 %1：%2，位置 %3</translation>
    </message>
</context>
<context>
    <name>ScenarioMode</name>
    <message numerus="yes">
        <source>Scenario &quot;%1&quot; (%2): %n step(s)
</source>
        <translation>
            <numerusform>场景“%1”（%2）：%n 个步骤
</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 of %2
</source>
        <translation>第 %1 次运行，共 %2 次
</translation>
    </message>
    <message>
        <source>%1:%2: step %3 (%4) failed: %5
</source>
        <translation>%1:%2：第 %3 步（%4）失败：%5
</translation>
    </message>
    <message>
        <source>PASS %1/%2 %3 (%4 ms): %5
</source>
        <translation>通过 %1/%2 %3（%4 毫秒）：%5
</translation>
    </message>
    <message>
        <source>FAIL %1/%2 %3 (%4 ms)
</source>
        <translation>失败 %1/%2 %3（%4 毫秒）
</translation>
    </message>
    <message>
        <source>SKIP %1/%2 %3
</source>
        <translation>跳过 %1/%2 %3
</translation>
    </message>
    <message>
        <source>%1 (run %2)</source>
        <translation>%1（第 %2 次运行）</translation>
    </message>
    <message>
        <source>%1 of %2 run(s) passed
</source>
        <translation>%2 次运行中有 %1 次通过
</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Run all</source>
        <translation>全部运行(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>Run the next step only.</source>
        <translation>只运行下一步。</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>重复(&amp;P)：</translation>
    </message>
    <message>
        <source> time(s)</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>服务器 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>the scenario&apos;s own (defaults.url)</source>
        <translation>使用场景自己的设置（defaults.url）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No scenario open. Examples are in examples/scenarios.</source>
        <translation>尚未打开场景。示例位于 examples/scenarios。</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>打开场景</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n step(s)</source>
        <translation>
            <numerusform>%1（%2）：%n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Run %1 of %2 …</source>
        <translation>第 %1 次运行，共 %2 次…</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 of %2 run(s) passed. Last run: %3 step(s) passed, %4 failed.</source>
        <translation>%2 次运行中有 %1 次通过。最后一次运行：%3 个步骤通过，%4 个失败。</translation>
    </message>
    <message>
        <source>Open a scenario file (JSON or YAML, docs/scenarios.md).</source>
        <translation>打开场景文件（JSON 或 YAML，见 docs/scenarios.md）。</translation>
    </message>
    <message>
        <source>Scenarios (*.json *.yaml *.yml);;All files (*)</source>
        <translation>场景 (*.json *.yaml *.yml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ScenarioParser</name>
    <message>
        <source>unknown field &quot;%1&quot; (allowed here: %2)</source>
        <translation>未知字段“%1”（此处允许：%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required</source>
        <translation>缺少必需的“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a non-empty string</source>
        <translation>“%1”必须是非空字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a JSON object</source>
        <translation>“%1”必须是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of milliseconds (0 or more)</source>
        <translation>“%1”必须是整数毫秒数（0 或更大）</translation>
    </message>
    <message>
        <source>session name &quot;%1&quot; must be letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>会话名“%1”只能由字母、数字、“_”或“-”组成</translation>
    </message>
    <message>
        <source>session &quot;%1&quot; is used before an &quot;open&quot; step opens it</source>
        <translation>会话“%1”在“open”步骤打开它之前就被使用了</translation>
    </message>
    <message>
        <source>bad pattern in &quot;%1&quot;: %2</source>
        <translation>“%1”中的模式有误：%2</translation>
    </message>
    <message>
        <source>capture &quot;%1&quot; must be a path (&quot;subscribe.epoch&quot;) or {&quot;path&quot;: ..., &quot;default&quot;: ...}</source>
        <translation>捕获项“%1”必须是路径（“subscribe.epoch”）或 {&quot;path&quot;: ..., &quot;default&quot;: ...}</translation>
    </message>
    <message>
        <source>unknown variable ${%1}: define it in &quot;variables&quot; or capture it in an earlier step</source>
        <translation>未知变量 ${%1}：请在“variables”中定义，或在前面的步骤中捕获</translation>
    </message>
    <message>
        <source>variable &quot;%1&quot; uses ${%2}: variables may only use the built-ins (%3)</source>
        <translation>变量“%1”使用了 ${%2}：变量只能使用内置变量（%3）</translation>
    </message>
    <message>
        <source>&quot;steps&quot; must be a non-empty array of steps</source>
        <translation>“steps”必须是非空的步骤数组</translation>
    </message>
    <message>
        <source>a step must be a JSON object</source>
        <translation>步骤必须是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown step: it needs one of %1 (it has: %2)</source>
        <translation>未知步骤：需要 %1 之一（现有：%2）</translation>
    </message>
    <message>
        <source>a step does one thing, this one has %1</source>
        <translation>一个步骤只做一件事，此步骤同时有 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>give &quot;token&quot; or &quot;claims&quot;, not both</source>
        <translation>请给出“token”或“claims”之一，不要同时给出</translation>
    </message>
    <message>
        <source>&quot;format&quot; must be &quot;json&quot; or &quot;protobuf&quot;</source>
        <translation>“format”必须是“json”或“protobuf”</translation>
    </message>
    <message>
        <source>a send step needs exactly one of &quot;method&quot; (with &quot;params&quot;), &quot;command&quot; or &quot;raw&quot;</source>
        <translation>send 步骤需要且只需要“method”（配合“params”）、“command”或“raw”之一</translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot; (one of: %2; connect is sent by &quot;open&quot;)</source>
        <translation>未知方法“%1”（可选：%2；connect 由“open”发送）</translation>
    </message>
    <message>
        <source>an expect step needs exactly one of &quot;reply&quot;, &quot;push&quot; or &quot;closed&quot;</source>
        <translation>expect 步骤需要且只需要“reply”、“push”或“closed”之一</translation>
    </message>
    <message>
        <source>&quot;absent&quot; must be true or false</source>
        <translation>“absent”必须是 true 或 false</translation>
    </message>
    <message>
        <source>unknown server API method &quot;%1&quot; (one of: %2)</source>
        <translation>未知的服务端 API 方法“%1”（可选：%2）</translation>
    </message>
    <message>
        <source>give &quot;result&quot; or &quot;error&quot;, not both</source>
        <translation>请给出“result”或“error”之一，不要同时给出</translation>
    </message>
    <message>
        <source>&quot;wait&quot; must not be negative</source>
        <translation>“wait”不能为负数</translation>
    </message>
    <message>
        <source>&quot;wait&quot; is a number of milliseconds, &quot;connected&quot; or &quot;closed&quot;</source>
        <translation>“wait”应为毫秒数、“connected”或“closed”</translation>
    </message>
    <message>
        <source>&quot;code&quot; must be a close code from 3000 to 4999</source>
        <translation>“code”必须是 3000 到 4999 之间的关闭代码</translation>
    </message>
    <message>
        <source>%1: step %2 (%3): %4</source>
        <translation>%1：第 %2 步（%3）：%4</translation>
    </message>
    <message>
        <source>%1: step %2: %3</source>
        <translation>%1：第 %2 步：%3</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>JSON syntax error: %1</source>
        <translation>JSON 语法错误：%1</translation>
    </message>
    <message>
        <source>a scenario is a JSON object with &quot;steps&quot;</source>
        <translation>场景是一个带有“steps”的 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;proxy&quot; must be true or false</source>
        <translation>“proxy”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number, %2 or more</source>
        <translation>“%1”必须是整数，且不小于 %2</translation>
    </message>
    <message>
        <source>&quot;via&quot; must be &quot;proxy&quot; or &quot;api&quot;</source>
        <translation>“via”必须是“proxy”或“api”</translation>
    </message>
    <message>
        <source>unknown fault &quot;%1&quot; (one of: server_disconnect, close, reconnect; with &quot;via&quot;: &quot;proxy&quot;: %2)</source>
        <translation>未知故障“%1”（可选：server_disconnect、close、reconnect；配合 &quot;via&quot;: &quot;proxy&quot; 时：%2）</translation>
    </message>
    <message>
        <source>unknown proxy fault &quot;%1&quot; (one of: %2)</source>
        <translation>未知代理故障“%1”（可选：%2）</translation>
    </message>
    <message>
        <source>session &quot;%1&quot; is not opened through the proxy: add &quot;proxy&quot;: true to its &quot;open&quot; step</source>
        <translation>会话“%1”不是通过代理打开的：请在它的“open”步骤中加上 &quot;proxy&quot;: true</translation>
    </message>
    <message>
        <source>&quot;code&quot; must be a code a close frame may carry (1000-1003, 1007-1011 or 3000-4999)</source>
        <translation>“code”必须是关闭帧可以携带的代码（1000-1003、1007-1011 或 3000-4999）</translation>
    </message>
    <message>
        <source>a scenario is a YAML mapping with &quot;steps&quot;</source>
        <translation>场景是一个带有“steps”的 YAML 映射</translation>
    </message>
</context>
<context>
    <name>ScenarioRecorder</name>
    <message>
        <source>Recorded from the timeline. Add a token or claims to &quot;open&quot; if the server needs one, and check the patterns.</source>
        <translation>从时间线录制。如果服务器需要，请给“open”加上 token 或 claims，并检查各个模式。</translation>
    </message>
</context>
<context>
    <name>ScenarioRunner</name>
    <message>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>stopped before the step was done</source>
        <translation>步骤完成前被停止</translation>
    </message>
    <message>
        <source>unknown variable(s): %1</source>
        <translation>未知变量：%1</translation>
    </message>
    <message>
        <source>session &quot;%1&quot; is not open</source>
        <translation>会话“%1”未打开</translation>
    </message>
    <message>
        <source>waited %1 ms</source>
        <translation>已等待 %1 毫秒</translation>
    </message>
    <message>
        <source>skipped: step %1 failed</source>
        <translation>已跳过：第 %1 步失败</translation>
    </message>
    <message>
        <source>skipped: the run was stopped</source>
        <translation>已跳过：运行已被停止</translation>
    </message>
    <message>
        <source>capture %1: nothing at %2 in %3</source>
        <translation>捕获 %1：在 %3 中的 %2 处没有值</translation>
    </message>
    <message>
        <source>&quot;claims&quot; need an HMAC secret to sign the token: set defaults.hmac_secret or --hmac-secret</source>
        <translation>“claims”需要 HMAC 密钥来签名令牌：请设置 defaults.hmac_secret 或 --hmac-secret</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>“%1”不是 ws:// 或 wss:// URL</translation>
    </message>
    <message>
        <source>connected (client %1), but an error was expected</source>
        <translation>已连接（客户端 %1），但期望的是错误</translation>
    </message>
    <message>
        <source>connected: client %1</source>
        <translation>已连接：客户端 %1</translation>
    </message>
    <message>
        <source>connect refused: error %1 %2</source>
        <translation>connect 被拒绝：错误 %1 %2</translation>
    </message>
    <message>
        <source>connect refused, but not as expected: %1</source>
        <translation>connect 被拒绝，但与期望不符：%1</translation>
    </message>
    <message>
        <source>connect refused as expected: error %1 %2</source>
        <translation>connect 按期望被拒绝：错误 %1 %2</translation>
    </message>
    <message>
        <source>the connection closed before connect succeeded: %1 %2</source>
        <translation>connect 成功之前连接已关闭：%1 %2</translation>
    </message>
    <message>
        <source>the server is unreachable at %1: %2</source>
        <translation>无法访问 %1 处的服务器：%2</translation>
    </message>
    <message>
        <source>not connected within %1 ms</source>
        <translation>%1 毫秒内未连接</translation>
    </message>
    <message>
        <source>session &quot;%1&quot; is closed: nothing can be sent</source>
        <translation>会话“%1”已关闭：无法发送</translation>
    </message>
    <message>
        <source>sent raw bytes</source>
        <translation>已发送原始字节</translation>
    </message>
    <message>
        <source>sent with id %1</source>
        <translation>已发送，id 为 %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>a %1 that should not come arrived</source>
        <translation>收到了不应出现的%1</translation>
    </message>
    <message>
        <source>%1 matched</source>
        <translation>%1匹配</translation>
    </message>
    <message>
        <source>the reply to command %1 does not match: %2</source>
        <translation>对命令 %1 的回复不匹配：%2</translation>
    </message>
    <message>
        <source>the connection closed while waiting for a %1: %2 %3</source>
        <translation>等待%1时连接已关闭：%2 %3</translation>
    </message>
    <message>
        <source>no %1 matching %2 within %3 ms</source>
        <translation>%3 毫秒内没有匹配 %2 的%1</translation>
    </message>
    <message>
        <source>no %1 within %2 ms (expected %3)</source>
        <translation>%2 毫秒内没有%1（期望 %3）</translation>
    </message>
    <message>
        <source>no %1 matching within %2 ms; the last one differs %3</source>
        <translation>%2 毫秒内没有匹配的%1；最后一条不同之处 %3</translation>
    </message>
    <message>
        <source>an API error was expected: %1</source>
        <translation>期望 API 错误：%1</translation>
    </message>
    <message>
        <source>the API error does not match: %1</source>
        <translation>API 错误不匹配：%1</translation>
    </message>
    <message>
        <source>API error as expected: %1</source>
        <translation>API 错误符合期望：%1</translation>
    </message>
    <message>
        <source>the API call failed: %1</source>
        <translation>API 调用失败：%1</translation>
    </message>
    <message>
        <source>the API result does not match: %1</source>
        <translation>API 结果不匹配：%1</translation>
    </message>
    <message>
        <source>closed: %1 %2</source>
        <translation>已关闭：%1 %2</translation>
    </message>
    <message>
        <source>not %1 within %2 ms</source>
        <translation>%2 毫秒内未达到 %1 状态</translation>
    </message>
    <message>
        <source>server_disconnect needs a session with a user: open it with claims that have &quot;sub&quot;</source>
        <translation>server_disconnect 需要带用户的会话：请用含“sub”的 claims 打开它</translation>
    </message>
    <message>
        <source>not closed within %1 ms</source>
        <translation>%1 毫秒内未关闭</translation>
    </message>
    <message>
        <source>the server is unreachable through the proxy at %1: %2</source>
        <translation>通过代理无法访问 %1 处的服务器：%2</translation>
    </message>
    <message>
        <source>session &quot;%1&quot; has no open connection through the proxy</source>
        <translation>会话“%1”没有经过代理的已打开连接</translation>
    </message>
    <message>
        <source>session &quot;%1&quot; is not opened through the proxy</source>
        <translation>会话“%1”不是通过代理打开的</translation>
    </message>
    <message>
        <source>the proxy closed the connection with %1 %2 as if the server had</source>
        <translation>代理以 %1 %2 关闭了连接，如同服务器所为</translation>
    </message>
    <message>
        <source>the proxy dropped the connection to the server without a close frame</source>
        <translation>代理在没有关闭帧的情况下断开了到服务器的连接</translation>
    </message>
    <message>
        <source>the proxy forwards every frame %1 ms late</source>
        <translation>代理将每一帧延迟 %1 毫秒转发</translation>
    </message>
    <message numerus="yes">
        <source>the proxy drops the next %n publication(s) of %1</source>
        <translation>
            <numerusform>代理将丢弃 %1 接下来的 %n 条发布</numerusform>
        </translation>
    </message>
    <message>
        <source>the proxy holds the server&apos;s pings back</source>
        <translation>代理扣住服务器的 ping</translation>
    </message>
    <message>
        <source>the proxy holds this client&apos;s pongs back</source>
        <translation>代理扣住此客户端的 pong</translation>
    </message>
    <message>
        <source>the proxy passes everything through again</source>
        <translation>代理恢复原样转发所有内容</translation>
    </message>
</context>
<context>
    <name>ScenarioYamlReader</name>
    <message>
        <source>the tag %1 is not supported (a scenario holds what JSON holds)</source>
        <translation>不支持标签 %1（场景只能包含 JSON 能表示的内容）</translation>
    </message>
    <message>
        <source>%1 has no JSON value: write a number or a string</source>
        <translation>%1 没有对应的 JSON 值：请写成数字或字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2</source>
        <translation>“%1”不是 %2</translation>
    </message>
    <message>
        <source>more than %1 values (aliases that expand too far?)</source>
        <translation>值超过 %1 个（别名展开过多？）</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>a key must be a plain value, not a list or mapping</source>
        <translation>键必须是普通值，不能是列表或映射</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot;</source>
        <translation>重复的键“%1”</translation>
    </message>
    <message>
        <source>unexpected YAML node</source>
        <translation>意外的 YAML 节点</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
</context>
<context>
    <name>SecretLineEdit</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>显示或隐藏机密</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Checking for a system keychain…</source>
        <translation>正在检查系统钥匙串…</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain and kept between sessions.</source>
        <translation>机密保存在系统钥匙串中，跨会话保留。</translation>
    </message>
    <message>
        <source>Secrets are kept in memory only and forgotten when the application exits.</source>
        <translation>机密只保存在内存中，应用程序退出时即被遗忘。</translation>
    </message>
    <message>
        <source>No system keychain is available (%1): secrets are kept in memory only and forgotten when the application exits.</source>
        <translation>没有可用的系统钥匙串（%1）：机密只保存在内存中，应用程序退出时即被遗忘。</translation>
    </message>
    <message>
        <source>built without QtKeychain</source>
        <translation>构建时未包含 QtKeychain</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>钥匙串在 %1 秒内没有响应</translation>
    </message>
    <message>
        <source>keychain error %1</source>
        <translation>钥匙串错误 %1</translation>
    </message>
    <message>
        <source>The keychain did not store the secret (%1); it is kept in memory for this session only.</source>
        <translation>钥匙串未能保存该机密（%1）；它只在本次会话中保存在内存里。</translation>
    </message>
</context>
<context>
    <name>ServerApiClient</name>
    <message>
        <source>no API URL set</source>
        <translation>未设置 API URL</translation>
    </message>
</context>
<context>
    <name>ServerApiReply</name>
    <message numerus="yes">
        <source>ok, %n error(s)</source>
        <translation>
            <numerusform>成功，%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>The server refused the API key (HTTP 401): compare it with http_api.key in the server&apos;s configuration (or CENTRIFUGO_HTTP_API_KEY).</source>
        <translation>服务器拒绝了 API 密钥（HTTP 401）：请与服务器配置中的 http_api.key（或 CENTRIFUGO_HTTP_API_KEY）核对。</translation>
    </message>
    <message>
        <source>The server has no API method &quot;%1&quot; at this address (HTTP 404): check the method name and the URL (the server&apos;s base URL or its /api prefix), and that the server is Centrifugo v5 or newer.</source>
        <translation>此地址上没有 API 方法“%1”（HTTP 404）：请检查方法名和 URL（服务器的基础 URL 或其 /api 前缀），并确认服务器是 Centrifugo v5 或更新版本。</translation>
    </message>
    <message>
        <source>The server could not decode the request (HTTP 400): the body must be a JSON object whose fields have the types of the &quot;%1&quot; method.</source>
        <translation>服务器无法解码请求（HTTP 400）：请求体必须是 JSON 对象，且字段类型符合“%1”方法的要求。</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 instead of an API reply: is this the address of Centrifugo&apos;s API?</source>
        <translation>服务器返回了 HTTP %1，而不是 API 回复：这是 Centrifugo API 的地址吗？</translation>
    </message>
    <message>
        <source>The server answered HTTP 200 but not with a JSON object: is this the address of Centrifugo&apos;s API?</source>
        <translation>服务器返回 HTTP 200，但内容不是 JSON 对象：这是 Centrifugo API 的地址吗？</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1): is it running, and are the host and port right?</source>
        <translation>无法访问服务器（%1）：它在运行吗？主机和端口正确吗？</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>No answer within %1 ms: the server is overloaded, or something between it and us holds the request.</source>
        <translation>%1 毫秒内无应答：服务器过载，或中间环节阻塞了请求。</translation>
    </message>
    <message>
        <source>The server refused &quot;%1&quot; with error %2 (%3).</source>
        <translation>服务器以错误 %2（%3）拒绝了“%1”。</translation>
    </message>
    <message>
        <source>The server refused &quot;%1&quot; with error %2 (%3): %4</source>
        <translation>服务器以错误 %2（%3）拒绝了“%1”：%4</translation>
    </message>
    <message>
        <source>Published; the channel&apos;s stream is now at offset %1, epoch &quot;%2&quot;.</source>
        <translation>已发布；频道的流现在位于偏移量 %1，纪元“%2”。</translation>
    </message>
    <message>
        <source>Published (the channel keeps no history, so there is no stream position).</source>
        <translation>已发布（该频道不保留历史，因此没有流位置）。</translation>
    </message>
    <message numerus="yes">
        <source>Broadcast to %n channel(s)</source>
        <translation>
            <numerusform>已广播到 %n 个频道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n of them failed.</source>
        <translation>
            <numerusform>；其中 %n 个失败。</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) subscribed now.</source>
        <translation>
            <numerusform>当前有 %n 个客户端订阅。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 client(s) of %2 user(s) subscribed now.</source>
        <translation>当前有 %2 个用户的 %1 个客户端订阅。</translation>
    </message>
    <message numerus="yes">
        <source>%n publication(s) returned</source>
        <translation>
            <numerusform>返回了 %n 条发布</numerusform>
        </translation>
    </message>
    <message>
        <source>; the stream is at offset %1, epoch &quot;%2&quot;.</source>
        <translation>；流位于偏移量 %1，纪元“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>%n active channel(s) match.</source>
        <translation>
            <numerusform>有 %n 个活动频道匹配。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in the cluster: %1.</source>
        <translation>
            <numerusform>集群中有 %n 个节点：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) done, </source>
        <translation>
            <numerusform>已执行 %n 条命令，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them refused.</source>
        <translation>
            <numerusform>其中 %n 条被拒绝。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) done, none refused.</source>
        <translation>
            <numerusform>已执行 %n 条命令，无一被拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>The channel&apos;s history is removed (its stream position is kept).</source>
        <translation>频道历史已删除（流位置保留）。</translation>
    </message>
    <message>
        <source>Done: the matching connections are closed with the given code; they show it in their own timelines.</source>
        <translation>完成：匹配的连接已以指定代码关闭；它们会在各自的时间线中显示。</translation>
    </message>
    <message>
        <source>Done: the matching connections are unsubscribed; they get an unsubscribe push.</source>
        <translation>完成：匹配的连接已取消订阅；它们会收到 unsubscribe 推送。</translation>
    </message>
    <message>
        <source>Done: the matching connections are subscribed by the server; they get a subscribe push.</source>
        <translation>完成：服务器已为匹配的连接订阅；它们会收到 subscribe 推送。</translation>
    </message>
    <message>
        <source>Done: the matching connections have a new expiration time.</source>
        <translation>完成：匹配的连接有了新的过期时间。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>ServerApiTemplates</name>
    <message>
        <source>Publish data into a channel, as the server: no client permissions apply.</source>
        <translation>以服务器身份向频道发布数据：不受客户端权限限制。</translation>
    </message>
    <message>
        <source>Publish the same data into several channels at once.</source>
        <translation>一次向多个频道发布相同的数据。</translation>
    </message>
    <message>
        <source>Subscribe a user&apos;s connections (or one client) to a channel on the server side.</source>
        <translation>在服务器端为某用户的连接（或单个客户端）订阅频道。</translation>
    </message>
    <message>
        <source>Unsubscribe a user&apos;s connections (or one client) from a channel.</source>
        <translation>为某用户的连接（或单个客户端）取消频道订阅。</translation>
    </message>
    <message>
        <source>Close a user&apos;s connections (or one client) with a disconnect code and reason; codes 3500-3999 and 4500-4999 tell the client not to reconnect.</source>
        <translation>以断开代码和原因关闭某用户的连接（或单个客户端）；代码 3500-3999 和 4500-4999 告诉客户端不要重连。</translation>
    </message>
    <message>
        <source>Refresh or expire a user&apos;s connections (or one client) when tokens are not used.</source>
        <translation>在不使用令牌时，刷新或使某用户的连接（或单个客户端）过期。</translation>
    </message>
    <message>
        <source>List the clients subscribed to a channel, on every node (needs presence enabled).</source>
        <translation>列出所有节点上订阅某频道的客户端（需启用 presence）。</translation>
    </message>
    <message>
        <source>Count the clients and users subscribed to a channel (needs presence enabled).</source>
        <translation>统计订阅某频道的客户端和用户数（需启用 presence）。</translation>
    </message>
    <message>
        <source>Read a channel&apos;s publications and its stream position (needs history_size and history_ttl).</source>
        <translation>读取频道的发布及其流位置（需设置 history_size 和 history_ttl）。</translation>
    </message>
    <message>
        <source>Remove a channel&apos;s publications; the stream position stays.</source>
        <translation>删除频道的发布；流位置保留。</translation>
    </message>
    <message>
        <source>List the active channels (with at least one subscriber) matching a pattern.</source>
        <translation>列出匹配模式的活动频道（至少有一个订阅者）。</translation>
    </message>
    <message>
        <source>List the nodes of the cluster with their clients, users, channels and version.</source>
        <translation>列出集群节点及其客户端、用户、频道数和版本。</translation>
    </message>
    <message>
        <source>Run several API commands in one request, in order (or in parallel with &quot;parallel&quot;: true).</source>
        <translation>在一个请求中按顺序执行多条 API 命令（或用 &quot;parallel&quot;: true 并行执行）。</translation>
    </message>
</context>
<context>
    <name>ServerCallFrames</name>
    <message>
        <source>Server API call %1, made beside this client over the server&apos;s HTTP API.</source>
        <translation>服务器 API 调用 %1，在此客户端之外通过服务器的 HTTP API 发出。</translation>
    </message>
    <message>
        <source>Server API call %1 for channel %2, made beside this client over the server&apos;s HTTP API.</source>
        <translation>针对频道 %2 的服务器 API 调用 %1，在此客户端之外通过服务器的 HTTP API 发出。</translation>
    </message>
    <message>
        <source>Server API reply to %1: %2</source>
        <translation>服务器 API 对 %1 的回复：%2</translation>
    </message>
    <message>
        <source>Server API reply to %1 (%2): %3</source>
        <translation>服务器 API 对 %1 的回复（%2）：%3</translation>
    </message>
</context>
<context>
    <name>ServerJsonReader</name>
    <message>
        <source>the line is empty: there is no command on it</source>
        <translation>该行是空的：上面没有命令</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;</source>
        <translation>此处应为“%1”</translation>
    </message>
    <message>
        <source>a number needs a digit here</source>
        <translation>数字在此处需要一个数位</translation>
    </message>
    <message>
        <source>a number needs digits after the decimal point</source>
        <translation>数字的小数点后需要数位</translation>
    </message>
    <message>
        <source>a number needs digits in its exponent</source>
        <translation>数字的指数需要数位</translation>
    </message>
    <message>
        <source>a control character (byte 0x%1) must be escaped inside a string</source>
        <translation>字符串中的控制字符（字节 0x%1）必须转义</translation>
    </message>
    <message>
        <source>&quot;\u&quot; must be followed by four hex digits</source>
        <translation>“\u”后必须跟四个十六进制数字</translation>
    </message>
    <message>
        <source>&quot;\%1&quot; is not a JSON escape</source>
        <translation>“\%1”不是 JSON 转义</translation>
    </message>
    <message>
        <source>the string has no closing quote</source>
        <translation>字符串缺少结束引号</translation>
    </message>
    <message>
        <source>an object member must start with a quoted name</source>
        <translation>对象成员必须以带引号的名称开头</translation>
    </message>
    <message>
        <source>a &apos;:&apos; must follow the member name</source>
        <translation>成员名称后必须跟“:”</translation>
    </message>
    <message>
        <source>the JSON ends in the middle of a value</source>
        <translation>JSON 在某个值的中间结束</translation>
    </message>
    <message>
        <source>a value cannot start with &apos;%1&apos;</source>
        <translation>值不能以“%1”开头</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;%1&apos; here</source>
        <translation>此处应为“,”或“%1”</translation>
    </message>
    <message>
        <source>the JSON ends where a value should be</source>
        <translation>JSON 在应有值的位置结束</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; here</source>
        <translation>此处应为“,”或“}”</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; here</source>
        <translation>此处应为“,”或“]”</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>API URL</source>
        <translation>API URL</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8000 (or its /api prefix)</source>
        <translation>http://127.0.0.1:8000（或其 /api 前缀）</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>http_api.key of the server</source>
        <translation>服务器的 http_api.key</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>&lt;b&gt;This session&lt;/b&gt; (the client&apos;s reaction shows in its timeline)</source>
        <translation>&lt;b&gt;此会话&lt;/b&gt;（客户端的反应显示在其时间线中）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Publish from the server</source>
        <translation>从服务器发布</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>在线状态</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Unsubscribe this client</source>
        <translation>取消此客户端的订阅</translation>
    </message>
    <message>
        <source>Code, reason</source>
        <translation>代码、原因</translation>
    </message>
    <message>
        <source>4000-4499: the client reconnects; 4500-4999: it does not.</source>
        <translation>4000-4499：客户端会重连；4500-4999：不会重连。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Disconnect this client</source>
        <translation>断开此客户端</translation>
    </message>
    <message>
        <source>The body must be a JSON object: %1</source>
        <translation>请求体必须是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The API URL must be an http:// or https:// URL, like http://127.0.0.1:8000.</source>
        <translation>API URL 必须是 http:// 或 https:// URL，例如 http://127.0.0.1:8000。</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>正在调用 %1…</translation>
    </message>
    <message>
        <source>server call: %1 %2</source>
        <translation>服务端调用：%1 %2</translation>
    </message>
    <message>
        <source>server reply: %1 %2: %3</source>
        <translation>服务端回复：%1 %2：%3</translation>
    </message>
    <message>
        <source>the selected subscription, or type a channel</source>
        <translation>所选的订阅，或输入一个频道</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>State: %1 -&gt; %2</source>
        <translation>状态：%1 -&gt; %2</translation>
    </message>
    <message>
        <source>Closing the connection</source>
        <translation>正在关闭连接</translation>
    </message>
    <message>
        <source>Server ping not answered (auto-pong is off): the server closes the connection with 3012 no pong after its pong timeout.</source>
        <translation>服务器 ping 未被应答（自动 pong 已关闭）：服务器会在 pong 超时后以 3012 no pong 关闭连接。</translation>
    </message>
    <message>
        <source>Server ping</source>
        <translation>服务器 ping</translation>
    </message>
    <message>
        <source>Could not decode a server message: %1</source>
        <translation>无法解码一条服务器消息：%1</translation>
    </message>
    <message>
        <source>Connect failed: Centrifugo answers nothing more on this connection and drops it about 5 s later.</source>
        <translation>connect 失败：Centrifugo 不会再在此连接上应答，并在约 5 秒后断开它。</translation>
    </message>
    <message>
        <source>Connected: client %1, server %2, ping every %3 s, pong %4</source>
        <translation>已连接：客户端 %1，服务器 %2，每 %3 秒 ping 一次，pong %4</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>Auto-pong on</source>
        <translation>自动 pong 已开启</translation>
    </message>
    <message>
        <source>Auto-pong off</source>
        <translation>自动 pong 已关闭</translation>
    </message>
    <message>
        <source>Pong</source>
        <translation>Pong</translation>
    </message>
    <message>
        <source>Cannot encode the command: %1</source>
        <translation>无法编码该命令：%1</translation>
    </message>
    <message>
        <source>Not sent: the connection is not open.</source>
        <translation>未发送：连接尚未打开。</translation>
    </message>
    <message>
        <source>Secrets are shown in the log from now on.</source>
        <translation>从现在起，日志中显示机密信息。</translation>
    </message>
    <message>
        <source>Secrets are masked in the log from now on.</source>
        <translation>从现在起，日志中遮蔽机密信息。</translation>
    </message>
    <message>
        <source>The server&apos;s ping is late: nothing from it for %1 ms, its ping interval is %2 s. The connection is closed if this goes on.</source>
        <translation>服务器的 ping 迟到了：已经 %1 毫秒没有收到它的任何数据，它的 ping 间隔是 %2 秒。如果继续这样，连接将被关闭。</translation>
    </message>
    <message>
        <source>%1 speaks JSON only: using JSON.</source>
        <translation>%1 只支持 JSON：改用 JSON。</translation>
    </message>
    <message>
        <source>Opening %1 (%2, %3)</source>
        <translation>正在打开 %1（%2，%3）</translation>
    </message>
    <message>
        <source>%1 cannot open without connect: sending it in the opening request.</source>
        <translation>%1 不能在没有 connect 的情况下打开：在打开请求中发送它。</translation>
    </message>
    <message>
        <source>the server ended the response without a disconnect push</source>
        <translation>服务器结束了响应，但没有发送 disconnect 推送</translation>
    </message>
    <message>
        <source>Not sent: %1 is unidirectional, the server takes nothing after the connect request.</source>
        <translation>未发送：%1 是单向传输，服务器在 connect 请求之后不再接收任何内容。</translation>
    </message>
</context>
<context>
    <name>SessionFrames</name>
    <message>
        <source>A frame from the server was rejected by the WebSocket layer (bytes not available): %1 (%2).</source>
        <translation>服务器的一个帧被 WebSocket 层拒绝（字节不可用）：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Reconnected; subscribed again to %1.</source>
        <translation>已重新连接；已重新订阅 %1。</translation>
    </message>
    <message>
        <source>Reconnected; subscribed again to %1 (recovering %2).</source>
        <translation>已重新连接；已重新订阅 %1（正在恢复 %2）。</translation>
    </message>
    <message>
        <source>Log saved to %1</source>
        <translation>日志已保存到 %1</translation>
    </message>
    <message>
        <source>Disconnect this client from the server</source>
        <translation>从服务器断开此客户端</translation>
    </message>
    <message>
        <source>4000-4499: the client reconnects; 4500-4999: it does not.</source>
        <translation>4000-4499：客户端会重连；4500-4999：不会重连。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Connecting with profile &quot;%1&quot;.</source>
        <translation>正在使用配置“%1”连接。</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Server API</source>
        <translation>服务器 API</translation>
    </message>
    <message>
        <source>Publish from the server</source>
        <translation>从服务器发布</translation>
    </message>
    <message>
        <source>Presence (server API)</source>
        <translation>在线状态（服务器 API）</translation>
    </message>
    <message>
        <source>History (server API)</source>
        <translation>历史（服务器 API）</translation>
    </message>
    <message>
        <source>Unsubscribe this client (server API)</source>
        <translation>取消此客户端的订阅（服务器 API）</translation>
    </message>
    <message>
        <source>Disconnect this client (server API)…</source>
        <translation>断开此客户端（服务器 API）…</translation>
    </message>
</context>
<context>
    <name>SubscriptionModel</name>
    <message>
        <source>server-side</source>
        <translation>服务器端</translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation>可恢复</translation>
    </message>
    <message>
        <source>positioned</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>not recovered</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>delta</translation>
    </message>
    <message numerus="yes">
        <source>%n publication(s) missed</source>
        <translation>
            <numerusform>错过了 %n 条发布消息</numerusform>
        </translation>
    </message>
    <message>
        <source>joins %1, leaves %2</source>
        <translation>加入 %1 次，离开 %2 次</translation>
    </message>
    <message>
        <source>Code %1, reason &quot;%2&quot;</source>
        <translation>代码 %1，原因“%2”</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Last activity %1</source>
        <translation>最近活动 %1</translation>
    </message>
    <message>
        <source>Offset %1, epoch %2</source>
        <translation>Offset %1，epoch %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionPanel</name>
    <message>
        <source>Channel, e.g. chat:room1</source>
        <translation>频道，例如 chat:room1</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Send subscribe for the channel with the options below (Enter)</source>
        <translation>用下面的选项为该频道发送 subscribe（Enter）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Subscribe options: recovery, positioning, join/leave, token, data</source>
        <translation>订阅选项：恢复、定位、加入/离开、令牌、数据</translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation>recoverable</translation>
    </message>
    <message>
        <source>Ask for a recoverable stream (granted when the namespace allows recovery).</source>
        <translation>请求可恢复的流（命名空间允许恢复时授予）。</translation>
    </message>
    <message>
        <source>positioned</source>
        <translation>positioned</translation>
    </message>
    <message>
        <source>Ask the server to watch the stream position and report gaps.</source>
        <translation>请求服务器监视流位置并报告缺口。</translation>
    </message>
    <message>
        <source>join/leave</source>
        <translation>join/leave</translation>
    </message>
    <message>
        <source>Receive join and leave pushes (when the namespace has join_leave).</source>
        <translation>接收加入和离开推送（命名空间启用 join_leave 时）。</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>delta</translation>
    </message>
    <message>
        <source>Ask for fossil delta compression (delta: &quot;fossil&quot;).</source>
        <translation>请求 fossil 增量压缩（delta: &quot;fossil&quot;）。</translation>
    </message>
    <message>
        <source>Ask for:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>recover from</source>
        <translation>从此处恢复</translation>
    </message>
    <message>
        <source>Recover missed publications since this epoch and offset.</source>
        <translation>恢复自该 epoch 和 offset 之后错过的发布消息。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>offset</translation>
    </message>
    <message>
        <source>Recovery:</source>
        <translation>恢复：</translation>
    </message>
    <message>
        <source>subscription JWT (needed for $private channels)</source>
        <translation>订阅 JWT（$ 私有频道需要）</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>JSON for the subscribe proxy</source>
        <translation>供 subscribe 代理使用的 JSON</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>退订</translation>
    </message>
    <message>
        <source>Send unsubscribe for the selected channel</source>
        <translation>为选中的频道发送 unsubscribe</translation>
    </message>
    <message>
        <source>Resubscribe</source>
        <translation>重新订阅</translation>
    </message>
    <message>
        <source>Subscribe again with the same options, recovering from the last position when the stream is recoverable</source>
        <translation>用相同的选项再次订阅；流可恢复时从最后的位置恢复</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Publish JSON data into the selected channel</source>
        <translation>向选中的频道发布 JSON 数据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Ask for the channel&apos;s last 10 publications</source>
        <translation>请求该频道最近 10 条发布消息</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Ask who is subscribed to the channel</source>
        <translation>查询谁订阅了该频道</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Ask for the channel&apos;s presence stats (clients and users)</source>
        <translation>请求该频道的 presence 统计（客户端数和用户数）</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the channel from this list (sends nothing)</source>
        <translation>从此列表中移除该频道（不发送任何内容）</translation>
    </message>
    <message>
        <source>%1 not sent: the connection is not open.</source>
        <translation>%1 未发送：连接尚未打开。</translation>
    </message>
    <message>
        <source>Enter a channel name to subscribe to.</source>
        <translation>请输入要订阅的频道名。</translation>
    </message>
    <message>
        <source>Subscribe data is not valid JSON.</source>
        <translation>subscribe 数据不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation>发布到 %1</translation>
    </message>
    <message>
        <source>Data to publish (any JSON value):</source>
        <translation>要发布的数据（任意 JSON 值）：</translation>
    </message>
    <message>
        <source>Not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <source>The data is not valid JSON. Strings need quotes, e.g. &quot;hello&quot;.</source>
        <translation>该数据不是有效的 JSON。字符串需要加引号，例如 &quot;hello&quot;。</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 个频道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscribed</source>
        <translation>
            <numerusform>%n 个已订阅</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
</context>
<context>
    <name>SubscriptionTracker</name>
    <message>
        <source>Unsubscribed by the client.</source>
        <translation>已由客户端退订。</translation>
    </message>
    <message>
        <source>The connection closed (code %1), which ends every subscription.</source>
        <translation>连接已关闭（代码 %1），所有订阅随之结束。</translation>
    </message>
</context>
<context>
    <name>TimelineExporter</name>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>导出已取消；未写入 %1。</translation>
    </message>
    <message>
        <source>Frames exported to %1: %L2.</source>
        <translation>已导出帧到 %1：%L2。</translation>
    </message>
    <message>
        <source>Messages dropped by the row limit before they could be written: %L1.</source>
        <translation>写入前被行数上限丢弃的消息：%L1。</translation>
    </message>
    <message>
        <source>There is no timeline to export.</source>
        <translation>没有可导出的时间线。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The timeline was closed during the export.</source>
        <translation>导出过程中时间线被关闭。</translation>
    </message>
    <message>
        <source>The timeline was cleared during the export; %1 was not written.</source>
        <translation>导出过程中时间线被清空；未写入 %1。</translation>
    </message>
    <message>
        <source>Secrets are included: keep the file private.</source>
        <translation>已包含机密信息：请妥善保管该文件。</translation>
    </message>
    <message>
        <source>Secrets masked in %L1 frames.</source>
        <translation>已在 %L1 个帧中遮蔽机密信息。</translation>
    </message>
</context>
<context>
    <name>TimelineFiles</name>
    <message>
        <source>An import or export is still running.</source>
        <translation>仍有导入或导出正在进行。</translation>
    </message>
    <message>
        <source>Export shown rows</source>
        <translation>导出显示的行</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>录制文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Include secrets (tokens, keys): a lossless copy; keep the file private</source>
        <translation>包含机密信息（令牌、密钥）：无损副本；请妥善保管该文件</translation>
    </message>
    <message>
        <source>Off: tokens in connect, refresh and subscribe commands, JWTs and known keys are masked in the file. On: every frame byte for byte.</source>
        <translation>关闭：文件中 connect、refresh 和 subscribe 命令里的令牌、JWT 以及已知密钥都会被遮蔽。开启：每个帧逐字节原样写入。</translation>
    </message>
    <message>
        <source>Could not export the timeline to %1: %2</source>
        <translation>无法把时间线导出到 %1：%2</translation>
    </message>
    <message>
        <source>Import timeline</source>
        <translation>导入时间线</translation>
    </message>
    <message>
        <source>Recordings and HAR files (*.jsonl *.har *.json);;All files (*)</source>
        <translation>录制文件和 HAR 文件 (*.jsonl *.har *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The timeline is cleared and shows the file; new frames of the live connection are added after it. Import now?</source>
        <translation>时间线会被清空并显示该文件的内容；实时连接的新帧会追加在其后。现在导入吗？</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open %1: no such readable file.</source>
        <translation>无法打开 %1：没有这个可读的文件。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n recording(s) in the combined timeline: %1 lines.</source>
        <translation>
            <numerusform>已在合并时间线中打开 %n 个录制文件：%1 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped %1 unreadable lines; the first: %2</source>
        <translation>跳过了 %1 行无法读取的内容；第一行：%2</translation>
    </message>
    <message>
        <source>%1: a line could not be read: %2</source>
        <translation>%1：有一行无法读取：%2</translation>
    </message>
</context>
<context>
    <name>TimelineFilterModel</name>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>无效的正则表达式：%1</translation>
    </message>
</context>
<context>
    <name>TimelineImporter</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Import cancelled; frames imported: %L1.</source>
        <translation>导入已取消；已导入帧：%L1。</translation>
    </message>
    <message>
        <source>Frames imported: %L1.</source>
        <translation>已导入帧：%L1。</translation>
    </message>
    <message>
        <source>Lines that could not be read: %L1; the first, line %L2: %3</source>
        <translation>无法读取的行：%L1；第一处在第 %L2 行：%3</translation>
    </message>
    <message>
        <source>Messages that could not be read: %L1; the first: %2</source>
        <translation>无法读取的消息：%L1；第一条：%2</translation>
    </message>
    <message>
        <source>WebSocket connections: %L1 (%2).</source>
        <translation>WebSocket 连接：%L1（%2）。</translation>
    </message>
    <message>
        <source>WebSocket ping/pong control frames not shown: %L1.</source>
        <translation>未显示的 WebSocket ping/pong 控制帧：%L1。</translation>
    </message>
    <message>
        <source>The timeline was closed during the import.</source>
        <translation>导入过程中时间线被关闭。</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Local time the frame was sent or received</source>
        <translation>发送或接收该帧时的本地时间</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Direction: out = sent by this client, in = from the server</source>
        <translation>方向：out = 本客户端发出，in = 来自服务器</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What the message is, with the code of errors and closes</source>
        <translation>消息是什么，错误和关闭附带代码</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Command id; a reply carries the id of its command</source>
        <translation>命令 id；回复带有其命令的 id</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Bytes of this message on the wire</source>
        <translation>该消息在线路上的字节数</translation>
    </message>
    <message>
        <source>RTT (ms)</source>
        <translation>RTT（毫秒）</translation>
    </message>
    <message>
        <source>Round trip: time from the command to its reply</source>
        <translation>往返时间：从命令发出到收到其回复</translation>
    </message>
    <message>
        <source>↑ out</source>
        <translation>↑ 发出</translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation>↓ 收到</translation>
    </message>
    <message>
        <source>↑ out, injected</source>
        <translation>↑ 出，注入</translation>
    </message>
    <message>
        <source>↓ in, injected</source>
        <translation>↓ 入，注入</translation>
    </message>
    <message>
        <source>Injected by the proxy (fault injection): %1</source>
        <translation>由代理注入（故障注入）：%1</translation>
    </message>
    <message>
        <source>⇅ HTTP</source>
        <translation>⇅ HTTP</translation>
    </message>
    <message>
        <source>→ server API</source>
        <translation>→ 服务器 API</translation>
    </message>
    <message>
        <source>← server API</source>
        <translation>← 服务器 API</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Disconnects</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation>↓ 收到</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>收发全部</translation>
    </message>
    <message>
        <source>In (from server)</source>
        <translation>收到（来自服务器）</translation>
    </message>
    <message>
        <source>Out (sent)</source>
        <translation>发出（已发送）</translation>
    </message>
    <message>
        <source>Show messages in one direction only</source>
        <translation>只显示一个方向的消息</translation>
    </message>
    <message>
        <source>Show only some kinds of messages</source>
        <translation>只显示某些类型的消息</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部频道</translation>
    </message>
    <message>
        <source>Channel name, or a pattern with * and ?</source>
        <translation>频道名，或含 * 和 ? 的模式</translation>
    </message>
    <message>
        <source>Pings/pongs</source>
        <translation>Ping/pong</translation>
    </message>
    <message>
        <source>Show the server&apos;s pings and the client&apos;s pongs</source>
        <translation>显示服务器的 ping 和客户端的 pong</translation>
    </message>
    <message>
        <source>Search message bytes</source>
        <translation>搜索消息字节</translation>
    </message>
    <message>
        <source>Search with a regular expression</source>
        <translation>用正则表达式搜索</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Freeze the table. Frames keep being recorded and appear when you resume.</source>
        <translation>冻结表格。帧会继续被记录，恢复后显示。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every message from the timeline</source>
        <translation>从时间线中移除所有消息</translation>
    </message>
    <message>
        <source>Kinds: %1 of %2</source>
        <translation>类型：%1 / %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Messages: %L1 | Frames: %L2 | Shown: %L3 | Dropped (oldest): %L4</source>
        <translation>消息：%L1 | 帧：%L2 | 显示：%L3 | 已丢弃（最早的）：%L4</translation>
    </message>
    <message>
        <source> | Paused, waiting: %L1</source>
        <translation> | 已暂停，等待中：%L1</translation>
    </message>
    <message>
        <source> | Searching…</source>
        <translation> | 搜索中…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Direction filter</source>
        <translation>方向过滤</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>类型过滤</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>频道过滤</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Keep the newest message in view. Selecting a row or scrolling up stops following; Follow or scrolling to the bottom resumes.</source>
        <translation>始终显示最新的消息。选中一行或向上滚动会停止跟随；点“跟随”或滚动到底部即恢复。</translation>
    </message>
    <message>
        <source>Not following: a row is selected.</source>
        <translation>未跟随：已选中一行。</translation>
    </message>
    <message>
        <source>Not following: scrolled up.</source>
        <translation>未跟随：已向上滚动。</translation>
    </message>
    <message>
        <source>Not following: showing the file from its start.</source>
        <translation>未跟随：从头显示文件。</translation>
    </message>
    <message>
        <source>Not following.</source>
        <translation>未跟随。</translation>
    </message>
    <message>
        <source>Copy as websocat command</source>
        <translation>复制为 websocat 命令</translation>
    </message>
    <message>
        <source>Copy as wscat command</source>
        <translation>复制为 wscat 命令</translation>
    </message>
    <message>
        <source>Only commands sent over JSON can be replayed by a generic WebSocket client.</source>
        <translation>只有通过 JSON 发送的命令才能由通用 WebSocket 客户端重放。</translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation>保存为场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>Could not save the scenario to %1: %2</source>
        <translation>无法把场景保存到 %1：%2</translation>
    </message>
    <message>
        <source>Recorded scenario</source>
        <translation>录制的场景</translation>
    </message>
    <message numerus="yes">
        <source>Save %n selected row(s) as a scenario…</source>
        <translation>
            <numerusform>将选中的 %n 行保存为场景…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save shown rows as a scenario (nothing is selected)…</source>
        <translation>将显示的行保存为场景（未选中任何行）…</translation>
    </message>
    <message>
        <source>Copy session as scenario</source>
        <translation>将会话复制为场景</translation>
    </message>
    <message numerus="yes">
        <source>Copied the whole session (%n row(s)) as a scenario.</source>
        <translation>
            <numerusform>已将整个会话（%n 行）复制为场景。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved the selected rows as a scenario to %1.</source>
        <translation>已将选中的行保存为场景：%1。</translation>
    </message>
    <message>
        <source>Nothing was selected: saved every shown row as a scenario to %1.</source>
        <translation>未选中任何行：已将所有显示的行保存为场景：%1。</translation>
    </message>
    <message>
        <source>Server calls</source>
        <translation>服务器调用</translation>
    </message>
</context>
<context>
    <name>TokenClaims</name>
    <message>
        <source>%1 is not valid JSON: %2.</source>
        <translation>%1 不是有效的 JSON：%2。</translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation>%1 必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>channels contains an empty channel name.</source>
        <translation>channels 中含有空的频道名。</translation>
    </message>
    <message>
        <source>A subscription token needs the channel claim (the channel it lets the user subscribe to).</source>
        <translation>订阅令牌需要 channel 声明（允许该用户订阅的频道）。</translation>
    </message>
    <message>
        <source>b64info is not valid base64.</source>
        <translation>b64info 不是有效的 base64。</translation>
    </message>
    <message>
        <source>b64data is not valid base64.</source>
        <translation>b64data 不是有效的 base64。</translation>
    </message>
</context>
<context>
    <name>TokenDecoderDialog</name>
    <message>
        <source>Token Decoder</source>
        <translation>令牌解码器</translation>
    </message>
    <message>
        <source>Paste a JWT (a &quot;Bearer &quot; prefix or quotes are fine)</source>
        <translation>粘贴一个 JWT（可带 &quot;Bearer &quot; 前缀或引号）</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>optional: the HMAC secret, to verify the signature</source>
        <translation>可选：HMAC 密钥，用于验证签名</translation>
    </message>
    <message>
        <source>HMAC s&amp;ecret:</source>
        <translation>HMAC 密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Copy Claims</source>
        <translation>复制声明(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit in Generator</source>
        <translation>在生成器中编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Paste a token above.</source>
        <translation>请在上方粘贴令牌。</translation>
    </message>
    <message>
        <source>an anonymous user</source>
        <translation>匿名用户</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;</source>
        <translation>用户“%1”</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>%1 subscription token for %2, channel &quot;%3&quot;.</source>
        <translation>%1 订阅令牌，用于 %2，频道“%3”。</translation>
    </message>
    <message>
        <source>%1 connection token for %2.</source>
        <translation>%1 连接令牌，用于 %2。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Issued (iat)</source>
        <translation>签发时间（iat）</translation>
    </message>
    <message>
        <source>Not before (nbf)</source>
        <translation>生效时间（nbf）</translation>
    </message>
    <message>
        <source>Expires (exp)</source>
        <translation>过期时间（exp）</translation>
    </message>
    <message>
        <source>Connection expires (expire_at)</source>
        <translation>连接过期时间（expire_at）</translation>
    </message>
    <message>
        <source>Centrifugo answers it with error 109 (token expired).</source>
        <translation>Centrifugo 会以错误 109（token expired）作答。</translation>
    </message>
    <message>
        <source>The signature is not checked: without the secret anyone can read a JWT, and only the server can tell whether it is genuine.</source>
        <translation>未检查签名：没有密钥时任何人都能读取 JWT，只有服务器能判断它是否真实。</translation>
    </message>
</context>
<context>
    <name>TokenGeneratorDialog</name>
    <message>
        <source>Token Generator</source>
        <translation>令牌生成器</translation>
    </message>
    <message>
        <source>&amp;Connection token</source>
        <translation>连接令牌(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Subscription token</source>
        <translation>订阅令牌(&amp;S)</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <source>client.token.hmac_secret_key of the server&apos;s configuration</source>
        <translation>服务器配置中的 client.token.hmac_secret_key</translation>
    </message>
    <message>
        <source>HMAC s&amp;ecret:</source>
        <translation>HMAC 密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>empty = anonymous user</source>
        <translation>留空 = 匿名用户</translation>
    </message>
    <message>
        <source>&amp;User ID (sub):</source>
        <translation>用户 ID（sub）(&amp;U)：</translation>
    </message>
    <message>
        <source>e.g. $private or chat:room</source>
        <translation>例如 $private 或 chat:room</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>频道(&amp;H)：</translation>
    </message>
    <message>
        <source>optional: limits the token to one client ID</source>
        <translation>可选：将令牌限定于某个客户端 ID</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>多久后过期</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>过期时刻</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>A negative value makes an already expired token, to test error 109.</source>
        <translation>负值会生成一个已过期的令牌，用于测试错误 109。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>E&amp;xpiry (exp):</source>
        <translation>过期（exp）(&amp;X)：</translation>
    </message>
    <message>
        <source>Include the issue time (iat)</source>
        <translation>包含签发时间（iat）</translation>
    </message>
    <message>
        <source>{&quot;name&quot;: &quot;Alice&quot;}  (JSON, shown to other clients in presence and join/leave)</source>
        <translation>{&quot;name&quot;: &quot;Alice&quot;}（JSON，会在 presence 和 join/leave 中展示给其他客户端）</translation>
    </message>
    <message>
        <source>&amp;Info:</source>
        <translation>Info(&amp;I)：</translation>
    </message>
    <message>
        <source>news, chat:room  (server-side subscriptions)</source>
        <translation>news, chat:room（服务器端订阅）</translation>
    </message>
    <message>
        <source>Cha&amp;nnels:</source>
        <translation>频道(&amp;N)：</translation>
    </message>
    <message>
        <source>{&quot;chat:room&quot;: {&quot;info&quot;: {}}}  (JSON object: server-side subscriptions with options)</source>
        <translation>{&quot;chat:room&quot;: {&quot;info&quot;: {}}}（JSON 对象：带选项的服务器端订阅）</translation>
    </message>
    <message>
        <source>Subs:</source>
        <translation>Subs：</translation>
    </message>
    <message>
        <source>{&quot;plan&quot;: &quot;pro&quot;}  (JSON kept on the server, never sent to clients)</source>
        <translation>{&quot;plan&quot;: &quot;pro&quot;}（保存在服务器上的 JSON，绝不会发给客户端）</translation>
    </message>
    <message>
        <source>&amp;Meta:</source>
        <translation>Meta(&amp;M)：</translation>
    </message>
    <message>
        <source>{&quot;welcome&quot;: true}  (JSON sent to the client in the subscribe result)</source>
        <translation>{&quot;welcome&quot;: true}（在 subscribe 结果中发给客户端的 JSON）</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>数据(&amp;D)：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Payload (claims, in the order they are signed):</source>
        <translation>载荷（声明，按签名顺序）：</translation>
    </message>
    <message>
        <source>&amp;Copy Token</source>
        <translation>复制令牌(&amp;C)</translation>
    </message>
    <message>
        <source>Use as C&amp;onnection Token</source>
        <translation>用作连接令牌(&amp;O)</translation>
    </message>
    <message>
        <source>Use as Su&amp;bscription Token</source>
        <translation>用作订阅令牌(&amp;B)</translation>
    </message>
    <message>
        <source>Enter the HMAC secret: client.token.hmac_secret_key in the server&apos;s configuration (or client.subscription_token.hmac_secret_key when subscription tokens have their own).</source>
        <translation>请输入 HMAC 密钥：服务器配置中的 client.token.hmac_secret_key（订阅令牌有独立密钥时为 client.subscription_token.hmac_secret_key）。</translation>
    </message>
    <message>
        <source>Centrifugo answers such a token with error 109 (token expired).</source>
        <translation>Centrifugo 会对这样的令牌以错误 109（token expired）作答。</translation>
    </message>
    <message>
        <source>Length: %1 characters.</source>
        <translation>长度：%1 个字符。</translation>
    </message>
</context>
<context>
    <name>TokenRefresher</name>
    <message>
        <source>The connection token expires in %1 s and no token source is set for refresh: the server will close the connection with 3005 connection expired.</source>
        <translation>连接令牌将在 %1 秒后过期，且没有设置用于刷新的令牌来源：服务器会以 3005 connection expired 关闭连接。</translation>
    </message>
    <message>
        <source>The connection token expires in %1 s; refreshing in %2 s.</source>
        <translation>连接令牌将在 %1 秒后过期；将在 %2 秒后刷新。</translation>
    </message>
    <message>
        <source>The subscription token of %1 expires in %2 s and no token source is set for refresh: the server will unsubscribe with 2501 subscription expired.</source>
        <translation>%1 的订阅令牌将在 %2 秒后过期，且没有设置用于刷新的令牌来源：服务器会以 2501 subscription expired 退订。</translation>
    </message>
    <message>
        <source>The subscription token of %1 expires in %2 s; refreshing in %3 s.</source>
        <translation>%1 的订阅令牌将在 %2 秒后过期；将在 %3 秒后刷新。</translation>
    </message>
    <message>
        <source>No new connection token to refresh with.</source>
        <translation>没有可用于刷新的新连接令牌。</translation>
    </message>
    <message>
        <source>No new subscription token for %1.</source>
        <translation>没有 %1 的新订阅令牌。</translation>
    </message>
</context>
<context>
    <name>TrafficChartView</name>
    <message>
        <source>Bytes per second</source>
        <translation>每秒字节数</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>每秒消息数</translation>
    </message>
    <message>
        <source>Command round trips (%1 replies)</source>
        <translation>命令往返时间（%1 个回复）</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Choose a channel and a numeric field of its publications&apos; data (a dotted path such as price or sensor.temp).</source>
        <translation>选择一个频道及其发布数据中的一个数值字段（以点分隔的路径，例如 price 或 sensor.temp）。</translation>
    </message>
    <message>
        <source>No publication of %1 has a number at &quot;%2&quot; yet.</source>
        <translation>%1 的发布消息在“%2”处还没有数值。</translation>
    </message>
    <message numerus="yes">
        <source>%n publication(s) plotted.</source>
        <translation>
            <numerusform>已绘制 %n 条发布消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>by kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>by channel</source>
        <translation>按频道</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>Field over time</source>
        <translation>字段随时间变化</translation>
    </message>
    <message>
        <source>The channel whose publications are plotted</source>
        <translation>要绘制其发布消息的频道</translation>
    </message>
    <message>
        <source>A numeric field of the publications&apos; data: a dotted path such as price or sensor.temp</source>
        <translation>发布数据中的数值字段：以点分隔的路径，例如 price 或 sensor.temp</translation>
    </message>
</context>
<context>
    <name>TrafficStats</name>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>No PEM certificate could be read from the CA file %1.</source>
        <translation>无法从 CA 文件 %1 中读取任何 PEM 证书。</translation>
    </message>
    <message numerus="yes">
        <source>Trusting %n extra CA certificate(s) from %1.</source>
        <translation>
            <numerusform>信任来自 %1 的 %n 个额外 CA 证书。</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate errors are ignored for this connection: the server&apos;s identity is not checked.</source>
        <translation>此连接忽略证书错误：不检查服务器的身份。</translation>
    </message>
    <message>
        <source> (certificate: subject %1, issuer %2, valid until %3)</source>
        <translation>（证书：主体 %1，颁发者 %2，有效期至 %3）</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS：%1</translation>
    </message>
</context>
<context>
    <name>TransportProbe</name>
    <message>
        <source>connect refused: %1 %2</source>
        <translation>connect 被拒绝：%1 %2</translation>
    </message>
    <message>
        <source>no reply to a command within %1 ms: commands do not get through</source>
        <translation>%1 毫秒内命令没有回复：命令无法送达</translation>
    </message>
    <message>
        <source>nothing within %1 ms</source>
        <translation>%1 毫秒内没有任何响应</translation>
    </message>
    <message>
        <source>%1 FAILED  %2</source>
        <translation>%1 失败  %2</translation>
    </message>
    <message>
        <source>%1 works   connect %2 ms</source>
        <translation>%1 可用    连接 %2 毫秒</translation>
    </message>
    <message>
        <source>, command round trip %1 ms</source>
        <translation>，命令往返 %1 毫秒</translation>
    </message>
</context>
<context>
    <name>TransportProbeDialog</name>
    <message>
        <source>Probe &amp;again</source>
        <translation>再次探测(&amp;A)</translation>
    </message>
    <message>
        <source>Probe transports</source>
        <translation>探测传输</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Connect (ms)</source>
        <translation>连接（毫秒）</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source> (command %1)</source>
        <translation>（命令 %1）</translation>
    </message>
    <message>
        <source>works</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1: %2 of %3 transports work from here.</source>
        <translation>%1：从本机可用 %3 种传输中的 %2 种。</translation>
    </message>
    <message>
        <source>Trying every transport against %1, one after the other …</source>
        <translation>正在对 %1 逐一尝试每种传输…</translation>
    </message>
</context>
<context>
    <name>WebSocketTransport</name>
    <message>
        <source>(response headers as validated by QWebSocket; Qt 6.4 does not expose the others)</source>
        <translation>（以上响应头已由 QWebSocket 校验；Qt 6.4 不提供其他响应头）</translation>
    </message>
    <message>
        <source>WebSocket handshake complete</source>
        <translation>WebSocket 握手完成</translation>
    </message>
    <message>
        <source>Socket error %1: %2</source>
        <translation>套接字错误 %1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try --help for the options.
</source>
        <translation>用 --help 查看选项。
</translation>
    </message>
    <message>
        <source>Inspect, drive and explain a Centrifugo client connection.</source>
        <translation>检查、驱动并解释 Centrifugo 客户端连接。</translation>
    </message>
    <message>
        <source>WebSocket URL of the server.</source>
        <translation>服务器的 WebSocket URL。</translation>
    </message>
    <message>
        <source>Connect at start.</source>
        <translation>启动时连接。</translation>
    </message>
    <message>
        <source>Subscribe to a channel once connected (repeatable).</source>
        <translation>连接后订阅一个频道（可重复）。</translation>
    </message>
    <message>
        <source>Print log lines at this level and above on stderr: trace, debug, info, warning or error.</source>
        <translation>在 stderr 上打印此级别及以上的日志行：trace、debug、info、warning 或 error。</translation>
    </message>
    <message>
        <source>Language of the interface: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Use this INI file for the settings.</source>
        <translation>使用此 INI 文件保存设置。</translation>
    </message>
    <message>
        <source>Unknown log level &quot;%1&quot;; use trace, debug, info, warning or error.</source>
        <translation>未知的日志级别“%1”；请使用 trace、debug、info、warning 或 error。</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl) or HAR captures (*.har) to open in the timeline.</source>
        <translation>要在时间线中打开的录制文件（*.jsonl）或 HAR 捕获（*.har）。</translation>
    </message>
    <message>
        <source>Probing the transports of %1
</source>
        <translation>正在探测 %1 的传输
</translation>
    </message>
    <message>
        <source>Open N sessions (clients) with the same URL and channels (default 1).</source>
        <translation>打开 N 个使用相同 URL 和频道的会话（客户端）（默认 1）。</translation>
    </message>
    <message>
        <source>Show the sessions side by side.</source>
        <translation>并排显示各会话。</translation>
    </message>
    <message>
        <source>Show the charts at start.</source>
        <translation>启动时显示图表。</translation>
    </message>
    <message>
        <source>Show the combined timeline at start.</source>
        <translation>启动时显示合并时间线。</translation>
    </message>
</context>
</TS>
