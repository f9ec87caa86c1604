#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <utility>

class JsonWriter;

// One command, reply, push, ping, pong or close, decoded from the wire. A frame may carry several.
struct ProtocolMessage
{
    Protocol::MessageKind kind = Protocol::MessageKind::Invalid;
    Protocol::Method method = Protocol::Method::None; // command method, or the result a reply carries
    Protocol::PushType push = Protocol::PushType::None;
    quint32 id = 0;
    QString channel;
    QByteArray raw;    // this message's own bytes on the wire
    int code = 0;      // error code, or close code for Disconnect
    QString text;      // error message, close reason, or why it could not be decoded
    double rttMs = -1; // for replies: time since the command with the same id was sent

    // The message as JSON (Protobuf messages are converted). A message classified without building its JSON
    // (FastClassifier for JSON text, ProtobufCodec for Protobuf) gets it from `raw` on first use, so floods of
    // publications that nobody opens cost no JSON; the result is cached in this copy.
    const QJsonObject &json() const;
    void setJson(const QJsonObject &object);
    // Marks `raw` as the JSON text that json() parses when first asked. `Validated` when a validating scanner has
    // just checked that raw is exactly one JSON object (surrounding whitespace allowed).
    enum class RawText { Unchecked, Validated };
    void setJsonFromRaw(RawText check = RawText::Unchecked);
    // How a codec turns `raw` that is not JSON text (Protobuf) into the message's JSON: as an object when json() is
    // first asked, or as text appended to a buffer (for recordings, without building the object; parsed, the text
    // equals the object). Both must be thread-safe: copies of a message may be opened on any thread.
    struct JsonConverter
    {
        QJsonObject (*toJson)(const QByteArray &raw);
        void (*appendJsonText)(const QByteArray &raw, JsonWriter &out);
    };
    // Marks raw as bytes that `convert` (a static object) turns into the message's JSON when first asked.
    void setJsonConverter(const JsonConverter *convert);
    // For a message whose JSON comes from a converter (and was not replaced since): appends its JSON text to *out
    // without calling json(), and returns true. False, appending nothing, for any other message. Reads only what
    // json() never changes, so another thread may call json() on the same message meanwhile.
    bool appendConvertedJsonText(QByteArray *out) const;
    bool appendConvertedJsonText(JsonWriter &out) const; // for writers that write the rest of a line around it
    bool hasJsonConverter() const { return m_convert != nullptr; }
    // True while raw still holds the very bytes that were validated: writers may then copy it as JSON without
    // scanning it again. Any change to raw detaches it from the kept reference, so this cannot go stale.
    bool rawIsValidatedJson() const
    {
        return !m_validatedRaw.isNull() && raw.constData() == m_validatedRaw.constData() &&
               raw.size() == m_validatedRaw.size();
    }

    // A message that could not be decoded: its bytes, and why (a translated sentence).
    static ProtocolMessage invalid(const QByteArray &raw, const QString &why);

    // Stable machine name: "subscribe", "subscribe_reply", "error", "push_pub", "ping", "pong", "disconnect",
    // "invalid". Used in recordings and filters; never translated.
    QString kindName() const;
    // kindName() as two Latin-1 pieces to join ("subscribe" + "_reply", "push_" + "pub"), for writers that must
    // not build a QString per message.
    std::pair<QLatin1String, QLatin1String> kindNameParts() const;
    // The inverse of kindName() for a message going in direction `direction` ("ping" coming in is a server ping,
    // going out a ping command): sets kind, method and push. False for a name kindName() never gives.
    static bool parseKindName(QStringView name, Protocol::Direction direction, ProtocolMessage *out);
    // The bare name of a MessageKind ("invalid", "command", "reply", "error", "push", "ping", "pong",
    // "disconnect"), as recordings spell a kind that kindName() does not imply; and back (false for other names).
    static QLatin1String messageKindName(Protocol::MessageKind kind);
    // The channel name of these UTF-8 bytes. A flood repeats one channel: the last name converted on this thread is
    // shared instead of converted again, so that the messages of a flood share one string.
    static QString channelName(QByteArrayView utf8);
    // Whether two channel names are equal; names shared through channelName() are not compared character by
    // character.
    static bool sameChannel(const QString &a, const QString &b)
    {
        return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
    }
    static bool messageKindFromName(QByteArrayView name, Protocol::MessageKind *kind);

private:
    mutable QJsonObject m_json;
    mutable bool m_jsonPending = false;
    const JsonConverter *m_convert = nullptr; // for a pending json(): nullptr parses raw as JSON text
    QByteArray m_validatedRaw;                // shares raw's bytes when they were validated (see rawIsValidatedJson)
};
