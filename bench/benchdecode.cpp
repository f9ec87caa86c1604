// Benchmark 4 (decode): average cost of splitting and classifying one server frame of at most 256 bytes, the
// work the session does for every frame of a flood before anything is shown or recorded; and of the same frames
// decoded and written as recording lines (what the CLI's --record adds), in JSON and in Protobuf.
#include "fastclassifier.h"
#include "framerecord.h"
#include "jsoncodec.h"
#include "protobufcodec.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>

namespace {

constexpr int kFloodMessages = 15;

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

QList<QByteArray> loadFrames(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return {};
    }
    QList<QByteArray> lines;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.isEmpty())
            lines.append(line);
    }
    // Single-message frames as the server sends most of them, plus two-message frames where they fit in 256 bytes
    // (the server batches under load).
    QList<QByteArray> frames;
    for (const QByteArray &l : lines) {
        if (l.size() <= 256)
            frames.append(l);
    }
    for (qsizetype i = 0; i + 1 < lines.size(); i += 2) {
        const QByteArray two = lines.at(i) + '\n' + lines.at(i + 1);
        if (two.size() <= 256)
            frames.append(two);
    }
    return frames;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString corpus = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                    : QStringLiteral(INSPECTOR_SOURCE_DIR "/bench/data/server-lines.txt");
    qint64 target = argc > 2 ? QByteArray(argv[2]).toLongLong() : 2000000;
    QList<QByteArray> frames = loadFrames(corpus);
    if (frames.isEmpty())
        return 1;
    qint64 bytes = 0;
    for (const QByteArray &f : frames)
        bytes += f.size();

    const JsonCodec codec;
    quint64 sink = 0;
    // Average ns per frame of one decoder over the corpus, after a warm-up (caches, allocator).
    auto measure = [&](auto &&decode) {
        auto pass = [&] {
            for (const QByteArray &f : frames) {
                const QList<ProtocolMessage> messages = decode(f);
                for (const ProtocolMessage &m : messages)
                    sink += quint64(m.kind) + m.id + quint64(m.channel.size());
            }
        };
        for (int i = 0; i < 2000; ++i)
            pass();
        const qint64 rounds = qMax<qint64>(1, target / frames.size());
        // Thread CPU time, not wall time: the machine is shared, and waiting for a core is not decoding.
        const qint64 start = threadCpuNs();
        for (qint64 r = 0; r < rounds; ++r)
            pass();
        return QPair<double, qint64>(double(threadCpuNs() - start) / double(rounds * frames.size()),
                                     rounds * frames.size());
    };
    // What the session pays per frame: split and classify; JSON is parsed only for messages someone opens.
    const auto split = measure([&codec](const QByteArray &f) { return codec.decodeServerFrame(f); });
    // The reference: a full QJsonDocument parse of every line.
    const auto full = measure([](const QByteArray &f) {
        QList<ProtocolMessage> messages;
        for (QByteArrayView line : JsonCodec::splitLines(f))
            messages.append(JsonCodec::decodeServerLine(line));
        return messages;
    });
    // A consumer that opens every message (the subscription list reads publication offsets).
    const auto opened = measure([&codec](const QByteArray &f) {
        QList<ProtocolMessage> messages = codec.decodeServerFrame(f);
        for (const ProtocolMessage &m : messages)
            m.json();
        return messages;
    });

    // Decoded and written as a recording line, as the CLI records: JSON frames, then the same frames in Protobuf.
    QByteArray line;
    auto record = [&line](const QByteArray &f, QList<ProtocolMessage> messages, bool binary) {
        Frame frame;
        frame.binary = binary;
        frame.raw = f;
        frame.messages = std::move(messages);
        line.truncate(0);
        FrameRecord::appendJsonLine(frame, &line, FrameRecord::FrameJson::FromRaw);
        return frame.messages;
    };
    const auto jsonRecord = measure([&](const QByteArray &f) { return record(f, codec.decodeServerFrame(f), false); });
    QList<QByteArray> protobufFrames;
    for (const QByteArray &f : frames) {
        QList<QJsonObject> replies;
        for (QByteArrayView l : JsonCodec::splitLines(f))
            replies.append(QJsonDocument::fromJson(l.toByteArray()).object());
        const QByteArray encoded = ProtobufCodec::encodeReplies(replies);
        if (!encoded.isEmpty())
            protobufFrames.append(encoded);
    }
    const ProtobufCodec protobuf;
    const QList<QByteArray> jsonFrames = frames;
    frames = protobufFrames;
    const auto protobufSplit = measure([&protobuf](const QByteArray &f) { return protobuf.decodeServerFrame(f); });
    const auto protobufRecord =
        measure([&](const QByteArray &f) { return record(f, protobuf.decodeServerFrame(f), true); });
    frames = jsonFrames;

    // A flood's frame: the server batches publications under load (about 15 of 100 bytes per frame in the ingest
    // benchmark). Per message, split from the per-frame costs above.
    QList<QJsonObject> floodReplies;
    QByteArray floodJson;
    for (int i = 0; i < kFloodMessages; ++i) {
        QJsonObject data;
        data.insert(QStringLiteral("seq"), 1000 + i);
        data.insert(QStringLiteral("text"), QString(80, QLatin1Char('x')));
        QJsonObject pub;
        pub.insert(QStringLiteral("data"), data);
        QJsonObject push;
        push.insert(QStringLiteral("channel"), QStringLiteral("bench-ingest-1"));
        push.insert(QStringLiteral("pub"), pub);
        QJsonObject reply;
        reply.insert(QStringLiteral("push"), push);
        floodReplies.append(reply);
        if (i)
            floodJson.append('\n');
        floodJson.append(QJsonDocument(floodReplies.last()).toJson(QJsonDocument::Compact));
    }
    frames = {floodJson};
    target /= kFloodMessages; // as many messages as frames above
    const auto floodJsonSplit = measure([&codec](const QByteArray &f) { return codec.decodeServerFrame(f); });
    const auto floodJsonRecord =
        measure([&](const QByteArray &f) { return record(f, codec.decodeServerFrame(f), false); });
    frames = {ProtobufCodec::encodeReplies(floodReplies)};
    const auto floodProtobufSplit = measure([&protobuf](const QByteArray &f) { return protobuf.decodeServerFrame(f); });
    const auto floodProtobufRecord =
        measure([&](const QByteArray &f) { return record(f, protobuf.decodeServerFrame(f), true); });
    frames = jsonFrames;
    target *= kFloodMessages;

    QJsonObject out{{QStringLiteral("benchmark"), QStringLiteral("decode")},
                    {QStringLiteral("corpus_frames"), frames.size()},
                    {QStringLiteral("avg_frame_bytes"), double(bytes) / double(frames.size())},
                    {QStringLiteral("frames_decoded"), split.second},
                    {QStringLiteral("jsoncodec_ns_per_frame"), split.first},
                    {QStringLiteral("full_parse_ns_per_frame"), full.first},
                    {QStringLiteral("opened_ns_per_frame"), opened.first},
                    {QStringLiteral("json_record_ns_per_frame"), jsonRecord.first},
                    {QStringLiteral("protobuf_frames"), protobufFrames.size()},
                    {QStringLiteral("protobuf_ns_per_frame"), protobufSplit.first},
                    {QStringLiteral("protobuf_record_ns_per_frame"), protobufRecord.first},
                    {QStringLiteral("flood_messages_per_frame"), kFloodMessages},
                    {QStringLiteral("flood_json_ns_per_msg"), floodJsonSplit.first / kFloodMessages},
                    {QStringLiteral("flood_json_record_ns_per_msg"), floodJsonRecord.first / kFloodMessages},
                    {QStringLiteral("flood_protobuf_ns_per_msg"), floodProtobufSplit.first / kFloodMessages},
                    {QStringLiteral("flood_protobuf_record_ns_per_msg"), floodProtobufRecord.first / kFloodMessages},
                    {QStringLiteral("sink"), double(sink % 1000)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
