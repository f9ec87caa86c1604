// The floor of the Protobuf ingest benchmark: a QWebSocket client that connects, subscribes and only counts the
// publications it receives, by walking each frame's length prefixes. It decodes nothing, records nothing and keeps
// no per-message state, so its CPU per message is what the QWebSocket backend, the event loop and the kernel cost
// before the inspector does any work of its own. Same command line as the CLI for the flags it uses
// (--url, --subscribe; the others are ignored); prints "push_pub N" when SIGTERM or SIGINT ends it.

#include "protobufcodec.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace {

std::atomic<long long> g_publications{0};

// Async-signal-safe: formats the count by hand and leaves with _exit.
void onSignal(int)
{
    char text[64] = "push_pub ";
    char digits[24];
    int n = 0;
    long long v = g_publications.load();
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v > 0);
    int len = 9;
    while (n > 0)
        text[len++] = digits[--n];
    text[len++] = '\n';
    const ssize_t written = ::write(STDOUT_FILENO, text, size_t(len));
    (void)written;
    ::_exit(0);
}

// Messages in a Protobuf frame that are pushes (a Reply starting with field 4), without decoding them: in the flood
// every push is a publication.
long long countPublications(const QByteArray &frame)
{
    const auto *p = reinterpret_cast<const quint8 *>(frame.constData());
    const quint8 *end = p + frame.size();
    long long count = 0;
    while (p < end) {
        quint64 length = 0;
        int shift = 0;
        while (p < end && (*p & 0x80)) {
            length |= quint64(*p++ & 0x7F) << shift;
            shift += 7;
        }
        if (p >= end)
            break;
        length |= quint64(*p++) << shift;
        if (length > quint64(end - p))
            break;
        // Tag 0x22: field 4 (push), length-delimited.
        if (length > 0 && p[0] == 0x22)
            ++count;
        p += length;
    }
    return count;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    QString url;
    QString channel;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--url"))
            url = args[++i];
        else if (args[i] == QLatin1String("--subscribe"))
            channel = args[++i];
    }
    if (url.isEmpty() || channel.isEmpty()) {
        qCritical("usage: bench_barews --url ws://... --subscribe CHANNEL");
        return 2;
    }

    ProtobufCodec codec;
    QString error;
    const QByteArray commands = codec.encodeCommands(
        {QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("connect"), QJsonObject{}}},
         QJsonObject{{QStringLiteral("id"), 2},
                     {QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("channel"), channel}}}}},
        &error);
    if (commands.isEmpty()) {
        qCritical("cannot encode the commands: %s", qPrintable(error));
        return 2;
    }

    QWebSocket socket;
    QObject::connect(&socket, &QWebSocket::connected, [&] { socket.sendBinaryMessage(commands); });
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, [&](const QByteArray &frame) {
        if (frame.size() == 1 && frame[0] == '\0') { // a server ping (an empty Reply): answer with a pong
            socket.sendBinaryMessage(codec.encodePong());
            return;
        }
        g_publications.fetch_add(countPublications(frame), std::memory_order_relaxed);
    });
    QObject::connect(&socket, &QWebSocket::disconnected, &app, [&] { app.exit(1); });
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({QStringLiteral("centrifuge-protobuf")});
    socket.open(QUrl(url), handshake);
    return app.exec();
}
