#include "publicationposition.h"

#include "jsonscanner.h"

#include <QJsonValue>

namespace {

using Span = JsonScanner::Span;

// The pub object's offset value, as PublicationPosition::offsetFromJson() reads it. False when only the full parser
// can tell.
bool readOffset(const Span &v, quint64 *offset)
{
    *offset = 0; // anything but a positive number: toDouble() gives 0 or less
    if (v.isString) {
        if (v.escaped)
            return false;
        *offset = QString::fromUtf8(v.view()).toULongLong();
        return true;
    }
    if (!v.isNumber() || *v.begin == '-')
        return true;
    // Whole numbers a double holds exactly (up to 15 digits); fractions, exponents and longer numbers round.
    bool negative = false;
    return JsonScanner::plainInteger(v.view(), &negative, offset, 15);
}

bool readEpoch(const Span &v, PublicationPosition *out)
{
    out->hasEpoch = true;
    out->epoch = QString(); // QJsonValue::toString() of anything but a string
    if (!v.isString)
        return true;
    if (v.escaped)
        return false;
    out->epoch = QString::fromUtf8(v.view());
    return true;
}

} // namespace

bool PublicationPosition::scan(QByteArrayView json, PublicationPosition *out)
{
    *out = PublicationPosition();
    // The text was validated by the classifier: only its structure is needed. Keys with escapes give up (they
    // could spell a key we look for), and so do duplicate keys (which one counts is the parser's business).
    JsonScanner s(json, JsonScanner::Check::Structure);
    if (s.peek() != '{')
        return false;
    bool seenPush = false;
    const bool ok = s.members(1, [&](const Span &key) {
        if (key.escaped)
            return false;
        if (key.view() != "push")
            return s.skipValue();
        if (seenPush)
            return false;
        seenPush = true;
        if (*s.p != '{')
            return s.skipValue(); // not an object: no pub in it
        bool seenPub = false;
        return s.members(2, [&](const Span &pushKey) {
            if (pushKey.escaped)
                return false;
            if (pushKey.view() != "pub")
                return s.skipValue();
            if (seenPub)
                return false;
            seenPub = true;
            if (*s.p != '{')
                return s.skipValue();
            bool seenOffset = false;
            return s.object(3, [&](const Span &pubKey, const Span &v) {
                if (pubKey.escaped)
                    return false;
                if (pubKey.view() == "offset") {
                    if (seenOffset)
                        return false;
                    seenOffset = true;
                    return readOffset(v, &out->offset);
                }
                if (pubKey.view() == "epoch")
                    return !out->hasEpoch && readEpoch(v, out);
                return true;
            });
        });
    });
    s.skipSpace();
    return ok && s.atEnd();
}

PublicationPosition PublicationPosition::fromJson(const QJsonObject &message)
{
    const QJsonObject pub = message.value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
    PublicationPosition p;
    p.offset = PublicationPosition::offsetFromJson(pub.value(QLatin1String("offset")));
    p.hasEpoch = pub.contains(QLatin1String("epoch"));
    if (p.hasEpoch)
        p.epoch = pub.value(QLatin1String("epoch")).toString();
    return p;
}

PublicationPosition PublicationPosition::of(const ProtocolMessage &push)
{
    PublicationPosition p;
    if (push.rawIsValidatedJson() && scan(push.raw, &p))
        return p;
    // A Protobuf message: its JSON text costs far less than its JSON object.
    QByteArray text;
    if (push.appendConvertedJsonText(&text) && scan(text, &p))
        return p;
    return fromJson(push.json());
}

quint64 PublicationPosition::offsetFromJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toULongLong();
    const double d = value.toDouble();
    return d > 0 ? quint64(d) : 0;
}
