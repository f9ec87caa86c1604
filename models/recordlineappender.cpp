#include "recordlineappender.h"

#include "framestore.h"
#include "jsonscanner.h"
#include "recordlineparser.h"

#include <QVarLengthArray>

#include <cstring>

bool RecordLineAppender::appendFast(QByteArrayView line, FrameStore *store)
{
    RecordLineParser::Fields x;
    if (!RecordLineParser::scan(line, &x) || x.binary || x.rawBase64)
        return false;
    QVarLengthArray<char, 128> channel;
    QByteArrayView channelView = x.channel;
    if (x.channelEscaped) {
        channel.resize(x.channel.size());
        const char *e = JsonScanner::unescape(x.channel, channel.data());
        if (!e)
            return false;
        channelView = QByteArrayView(channel.constData(), e - channel.constData());
    }
    if (x.reasonEscaped) {
        // Not stored (a close frame's bytes are its reason), but a bad escape makes the line bad.
        QVarLengthArray<char, 128> reason(x.reason.size());
        if (!JsonScanner::unescape(x.reason, reason.data()))
            return false;
    }
    if (x.raw.size() > qsizetype(0x7fffffff))
        return false;
    char *dst = store->reserveFrameBytes(quint32(x.raw.size()));
    qsizetype bytes = x.raw.size();
    if (x.rawEscaped) {
        const char *e = JsonScanner::unescape(x.raw, dst);
        if (!e)
            return false;
        bytes = e - dst;
    } else if (bytes > 0) {
        std::memcpy(dst, x.raw.data(), size_t(bytes));
    }
    if (bytes > 0 && std::memchr(dst, '\n', size_t(bytes)))
        return false; // several lines in one frame: parse() splits them into messages

    FrameStore::Row r{};
    r.timeMs = x.timeMs;
    r.flags = quint8((x.direction == Protocol::Direction::Out ? FrameStore::Row::Out : 0) |
                     (x.close ? FrameStore::Row::Close : 0));
    r.setMessage(x);
    store->commitFrame(quint32(bytes), r, channelView);
    return true;
}

bool RecordLineAppender::append(QByteArrayView line, FrameStore *store, QString *error)
{
    line = RecordLineParser::chopNewline(line);
    if (appendFast(line, store))
        return true;
    Frame f;
    if (!RecordLineParser::parse(line, &f, error))
        return false;
    store->append(f);
    return true;
}
