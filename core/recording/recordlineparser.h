#pragma once

#include "frame.h"

#include <QByteArrayView>
#include <QString>

// Reads recording lines (the JSON Lines format of framerecord.h) without a QJsonDocument for the common line, so
// that reopening a recording of a flood does not keep the user waiting. The common line (one message, its bytes
// derivable from the frame) is scanned directly: the decoded "frame" value is skipped, because a message is decoded
// again from its bytes when it is opened. Every other line (several messages, spans, unusual spellings, anything the
// scanner is not sure about) goes through FrameRecord::fromJsonLine, so both give the same Frame apart from messages'
// `json`, which the fast path leaves empty. tests/core/tst_recordlineparser checks the agreement.
class RecordLineParser
{
public:
    // Parses one line (a trailing "\n" or "\r\n" is ignored). On failure returns false and sets *error.
    static bool parse(QByteArrayView line, Frame *frame, QString *error);

    // The scanner alone: false when the line needs the full reader (then *frame is unspecified).
    static bool parseFast(QByteArrayView line, Frame *frame);

    // The fields of a common line as the scanner found them, for readers that store a line without building a
    // Frame (models' RecordLineAppender): views into the line, strings still escaped (JsonScanner::unescape).
    struct Fields
    {
        qint64 timeMs = 0;
        Protocol::Direction direction = Protocol::Direction::In;
        bool binary = false;
        bool close = false;
        bool rawBase64 = false;
        Protocol::MessageKind kind = Protocol::MessageKind::Invalid;
        Protocol::Method method = Protocol::Method::None;
        Protocol::PushType push = Protocol::PushType::None;
        QByteArrayView channel;
        bool channelEscaped = false;
        QByteArrayView reason;
        bool reasonEscaped = false;
        QByteArrayView raw; // the frame's bytes; base64 when binary or rawBase64
        bool rawEscaped = false;
        quint32 id = 0;
        int code = 0;
        double rttMs = -1;
    };
    // False when the line needs the full reader.
    static bool scan(QByteArrayView line, Fields *fields);

    // The line without its trailing "\n" or "\r\n".
    static QByteArrayView chopNewline(QByteArrayView line);
};
