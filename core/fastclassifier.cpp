#include "fastclassifier.h"

#include "sharedbytes.h"

#include "jsonscanner.h"

#include <algorithm>
#include <array>
#include <cstring>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

using Span = JsonScanner::Span;

// QByteArrayView's operator== calls out of line even when the sizes differ; keys are compared a lot.
inline bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && (a.isEmpty() || std::memcmp(a.data(), b.data(), size_t(a.size())) == 0);
}

// QJsonValue::toDouble() semantics of JsonCodec's readId: 1..4294967295, else 0.
bool readId(const Span &v, quint32 *id)
{
    *id = 0;
    if (!v.isNumber())
        return true;
    bool negative = false;
    quint64 magnitude = 0;
    if (!JsonScanner::plainInteger(v.view(), &negative, &magnitude, 15)) {
        // A fraction or exponent: truncation rules of the double conversion are the full parser's business.
        return false;
    }
    if (!negative && magnitude > 0 && magnitude <= 4294967295ULL)
        *id = quint32(magnitude);
    return true;
}

// QJsonValue::toInt() semantics: the number when it is integral and fits, else 0.
bool readInt(const Span &v, int *out)
{
    *out = 0;
    if (!v.isNumber())
        return true;
    bool negative = false;
    quint64 magnitude = 0;
    if (!JsonScanner::plainInteger(v.view(), &negative, &magnitude, 9))
        return false;
    *out = negative ? -int(magnitude) : int(magnitude);
    return true;
}

// QJsonValue::toString() semantics: the text of a string, "" for anything else.
bool readString(const Span &v, QString *out)
{
    out->clear();
    if (!v.isSet() || !v.isString)
        return true;
    if (v.escaped)
        return false;
    *out = QString::fromUtf8(v.begin, v.end - v.begin);
    return true;
}

bool readChannel(const Span &v, QString *out)
{
    if (!v.isSet() || !v.isString || v.escaped)
        return readString(v, out);
    *out = ProtocolMessage::channelName(v.view());
    return true;
}

// A key the scanner looks for, and what it stands for.
template <typename T> struct Name
{
    QByteArrayView name;
    T value;
};

template <typename T> QList<Name<T>> namesOf(const QList<T> &values, QLatin1String (*nameOf)(T))
{
    QList<Name<T>> out;
    for (T v : values) {
        const QLatin1String n = nameOf(v);
        out.append({QByteArrayView(n.data(), n.size()), v});
    }
    return out;
}

const QList<Name<Method>> &methodNames()
{
    // allMethods() order: JsonCodec takes the first method present in this order.
    static const QList<Name<Method>> names = namesOf(Protocol::allMethods(), &Protocol::methodName);
    return names;
}

const QList<Name<PushType>> &pushNames()
{
    // Alphabetical: JsonCodec takes the first push type among the object's keys, which QJsonObject sorts.
    static const QList<Name<PushType>> names = [] {
        QList<PushType> types;
        for (int t = int(PushType::Pub); t <= int(PushType::Refresh); ++t)
            types.append(PushType(t));
        QList<Name<PushType>> out = namesOf(types, &Protocol::pushTypeName);
        std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
        return out;
    }();
    return names;
}

// Reads code and a text field of a nested object ({"code":..,"reason":..} or {"code":..,"message":..}).
bool readCodeAndText(const Span &object, const char *textKey, int *code, QString *text)
{
    *code = 0;
    text->clear();
    if (!object.isSet() || object.isString || *object.begin != '{')
        return true;
    Span codeSpan;
    Span textSpan;
    const QByteArrayView textName(textKey);
    JsonScanner s(object.view());
    const bool ok = s.object(1, [&](const Span &key, const Span &v) {
        if (key.escaped)
            return false;
        Span *target =
            sameBytes(key.view(), "code") ? &codeSpan : (sameBytes(key.view(), textName) ? &textSpan : nullptr);
        if (!target)
            return true;
        if (target->isSet())
            return false; // duplicate key: which one wins is the full parser's business
        *target = v;
        return true;
    });
    return ok && readInt(codeSpan, code) && readString(textSpan, text);
}

} // namespace

bool FastClassifier::classifyServerLine(QByteArrayView line, ProtocolMessage *m, const QByteArray *frame)
{
    JsonScanner s(line);
    s.skipSpace();
    if (s.atEnd() || *s.p != '{')
        return false;

    Span id;
    Span push;
    Span error;
    quint32 methods = 0; // bit i: methodNames()[i] present
    int members = 0;
    const QList<Name<Method>> &names = methodNames();
    // A push object is read in the same pass that validates it: its channel and the push type's body.
    Span channel;
    std::array<Span, 9> bodies;
    const QList<Name<PushType>> &pushes = pushNames();
    const auto onPushMember = [&](const Span &key, const Span &v) {
        if (key.escaped)
            return false;
        const QByteArrayView k = key.view();
        if (sameBytes(k, "channel")) {
            if (channel.isSet())
                return false;
            channel = v;
            return true;
        }
        for (qsizetype i = 0; i < pushes.size(); ++i) {
            if (sameBytes(k, pushes.at(i).name)) {
                if (bodies.at(size_t(i)).isSet())
                    return false;
                bodies[size_t(i)] = v;
                break;
            }
        }
        return true;
    };
    const bool ok = s.members(1, [&](const Span &key) {
        ++members;
        if (key.escaped)
            return false; // "\u0070ush" is "push" too
        const QByteArrayView k = key.view();
        if (sameBytes(k, "push") && !s.atEnd() && *s.p == '{') {
            if (push.isSet())
                return false;
            const char *start = s.p;
            if (!s.object(2, onPushMember))
                return false;
            push = {start, s.p, false, false};
            return true;
        }
        Span v;
        if (!s.value(1, &v))
            return false;
        Span *target = nullptr;
        if (sameBytes(k, "id"))
            target = &id;
        else if (sameBytes(k, "push"))
            target = &push;
        else if (sameBytes(k, "error"))
            target = &error;
        if (target) {
            if (target->isSet())
                return false;
            *target = v;
            return true;
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (sameBytes(k, names.at(i).name)) {
                if (methods & (1u << i))
                    return false;
                methods |= 1u << i;
                break;
            }
        }
        return true;
    });
    if (!ok)
        return false;
    s.skipSpace();
    if (!s.atEnd())
        return false;

    *m = ProtocolMessage();
    if (!readId(id, &m->id))
        return false;
    m->raw = frame ? SharedBytes::slice(*frame, line) : line.toByteArray();

    if (members == 0) {
        m->kind = MessageKind::Ping;
        return true;
    }
    if (push.isSet()) {
        m->kind = MessageKind::Push;
        if (push.isString || *push.begin != '{')
            return true; // not an object: JsonCodec reads it as {}
        if (!readChannel(channel, &m->channel))
            return false;
        for (qsizetype i = 0; i < pushes.size(); ++i) {
            if (bodies.at(size_t(i)).isSet()) {
                m->push = pushes.at(i).value;
                if (m->push == PushType::Unsubscribe || m->push == PushType::Disconnect)
                    return readCodeAndText(bodies.at(size_t(i)), "reason", &m->code, &m->text);
                break;
            }
        }
        return true;
    }
    if (error.isSet()) {
        m->kind = MessageKind::Error;
        return readCodeAndText(error, "message", &m->code, &m->text);
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (methods & (1u << i)) {
            m->method = names.at(i).value;
            break;
        }
    }
    if (m->id == 0 && m->method == Method::Connect) {
        m->kind = MessageKind::Push;
        m->push = PushType::Connect;
        return true;
    }
    m->kind = (m->id == 0 && m->method == Method::None) ? MessageKind::Ping : MessageKind::Reply;
    return true;
}
