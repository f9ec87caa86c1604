#pragma once

#include "protocolmessage.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

// Where a publication push stands in its stream: the `offset` and `epoch` of its `pub` object, with the meaning
// SubscriptionTracker gives them (offset as a whole number, 0 when absent or not a positive number; epoch as text).
//
// A flood of publications must not be parsed into QJsonObjects only to read two fields, so of() reads them
// straight from the message's JSON text: the text the classifier validated, or for Protobuf the text its converter
// writes; it asks json() only for what the scanner is unsure about (escapes in the keys or values it reads,
// duplicate keys, numbers that a double would round). The result is the same either way;
// tests/models/tst_publicationposition checks it.
class PublicationPosition
{
public:
    quint64 offset = 0;
    bool hasEpoch = false; // the pub object has an "epoch" key
    QString epoch;

    static PublicationPosition of(const ProtocolMessage &push);
    // From `{"push":{"pub":{...}}}` JSON text; false when the text needs the full parser.
    static bool scan(QByteArrayView json, PublicationPosition *out);
    // From the parsed message.
    static PublicationPosition fromJson(const QJsonObject &message);
    // An offset as JSON gives it (a number, or a decimal string for values beyond 2^53); 0 when not positive.
    static quint64 offsetFromJson(const QJsonValue &value);
};
