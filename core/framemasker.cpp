#include "framemasker.h"

#include <QJsonObject>

using Protocol::Method;

namespace {

QByteArray maskBytes(const QByteArray &bytes, bool binary, const SecretMasker &masker)
{
    return binary ? masker.maskSameLength(bytes) : masker.mask(bytes);
}

ProtocolMessage maskMessage(const ProtocolMessage &message, bool binary, const SecretMasker &masker)
{
    ProtocolMessage m = message;
    m.raw = maskBytes(m.raw, binary, masker);
    using Protocol::MessageKind;
    if (!binary && m.kind != MessageKind::Invalid && m.kind != MessageKind::Disconnect)
        m.setJsonFromRaw(); // a JSON line: the masked text is the message, parsed when opened
    else if (!m.json().isEmpty())
        m.setJson(masker.mask(QJsonValue(m.json())).toObject());
    m.text = masker.mask(m.text);
    return m;
}

// The masker plus the frame's own command tokens, when they are secrets it does not know yet.
SecretMasker withTokens(const QStringList &tokens, const SecretMasker &masker, bool *changed)
{
    SecretMasker local = masker;
    *changed = false;
    for (const QString &token : tokens) {
        if (token.size() >= SecretMasker::kMinimumSecretLength && !SecretMasker::isJwt(token) &&
            !masker.secrets().contains(token)) {
            local.addToken(token);
            *changed = true;
        }
    }
    return local;
}

} // namespace

namespace FrameMasker {

QStringList commandTokens(const Frame &frame)
{
    QStringList tokens;
    for (const ProtocolMessage &m : frame.messages) {
        if (m.kind != Protocol::MessageKind::Command)
            continue;
        if (m.method != Method::Connect && m.method != Method::Refresh && m.method != Method::Subscribe &&
            m.method != Method::SubRefresh)
            continue;
        const QString token =
            m.json().value(Protocol::methodName(m.method)).toObject().value(QLatin1String("token")).toString();
        if (!token.isEmpty())
            tokens << token;
    }
    return tokens;
}

bool learnTokens(const Frame &frame, SecretMasker *masker)
{
    const QStringList tokens = commandTokens(frame);
    const qsizetype before = masker->secrets().size();
    for (const QString &token : tokens)
        masker->addToken(token);
    return masker->secrets().size() != before;
}

Frame masked(const Frame &frame, const SecretMasker &masker)
{
    bool changed = false;
    const QStringList tokens = commandTokens(frame);
    const SecretMasker local = tokens.isEmpty() ? SecretMasker() : withTokens(tokens, masker, &changed);
    const SecretMasker &use = changed ? local : masker;

    // A message's bytes are a part of the frame's; its text (a close reason, a decoder's note) may not be.
    bool needed = use.needsMasking(frame.raw);
    for (qsizetype i = 0; !needed && i < frame.messages.size(); ++i) {
        const QString &text = frame.messages.at(i).text;
        needed = !text.isEmpty() && use.needsMasking(text.toUtf8());
    }
    if (!needed)
        return frame;
    Frame f = frame;
    f.raw = maskBytes(frame.raw, frame.binary, use);
    for (ProtocolMessage &m : f.messages)
        m = maskMessage(m, frame.binary, use);
    return f;
}

ProtocolMessage masked(const ProtocolMessage &message, bool binary, const SecretMasker &masker)
{
    Frame one;
    one.messages.append(message);
    bool changed = false;
    const QStringList tokens = commandTokens(one);
    const SecretMasker local = tokens.isEmpty() ? SecretMasker() : withTokens(tokens, masker, &changed);
    const SecretMasker &use = changed ? local : masker;
    if (!use.needsMasking(message.raw) && !use.needsMasking(message.text.toUtf8()))
        return message;
    return maskMessage(message, binary, use);
}

} // namespace FrameMasker
