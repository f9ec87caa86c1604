#pragma once

#include "protocolmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Classifies Centrifugo JSON server lines without building a QJsonDocument: one validating pass over the bytes
// (JsonScanner) that notes the top-level keys (and the few nested values a classification needs). For floods,
// where every frame must be classified but few are ever opened.
//
// Agreement: every field equals JsonCodec::decodeServerLine()'s except `json`, which stays empty;
// JsonCodec::decodeServerFrame() marks it to be parsed from `raw` when someone opens the message. Lines the scanner
// cannot be sure about (invalid JSON, escapes in the keys or values it reads, fractional ids, duplicate keys, very deep
// nesting) go through JsonCodec, so the result is always the same; tests/core/tst_fastclassifier checks this on real
// server lines and on mutations of them.
class FastClassifier
{
public:
    // The fast path only: false when the line needs the full parser (then *message is unspecified). When `frame`
    // is given and line is a view into it, message->raw shares the frame's buffer (SharedBytes::slice) instead of
    // copying the line.
    static bool classifyServerLine(QByteArrayView line, ProtocolMessage *message, const QByteArray *frame = nullptr);
};
