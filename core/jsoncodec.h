#pragma once

#include "wirecodec.h"

#include <QByteArrayView>

// Protocol v2 JSON: one compact JSON object per line, several lines per frame.
class JsonCodec : public WireCodec
{
public:
    Protocol::Format format() const override { return Protocol::Format::Json; }
    bool binaryFrames() const override { return false; }
    QByteArray encodeCommands(const QList<QJsonObject> &commands, QString *error = nullptr) const override;
    QByteArray encodePong() const override;
    QList<ProtocolMessage> decodeServerFrame(const QByteArray &payload) const override;
    QList<ProtocolMessage> decodeClientFrame(const QByteArray &payload) const override;

    // Non-empty lines of a frame, in order. A trailing newline does not make an extra line.
    static QList<QByteArrayView> splitLines(QByteArrayView payload);
    // Classifies one server line (a Reply object, possibly a push or a ping) with a full JSON parse. Frames go
    // through the faster FastClassifier and give the same result (json() parses lazily then).
    static ProtocolMessage decodeServerLine(QByteArrayView line);
    // Classifies one client line (a Command object, possibly a pong).
    static ProtocolMessage decodeClientLine(QByteArrayView line);
    // Classifies an already parsed object; `raw` is kept as the message's bytes.
    static ProtocolMessage classifyServerObject(const QJsonObject &object, const QByteArray &raw);
    static ProtocolMessage classifyClientObject(const QJsonObject &object, const QByteArray &raw);
};
