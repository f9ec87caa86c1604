#include "subscriptiontracker.h"

#include "explainer.h"
#include "publicationposition.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonDocument>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;
using Status = ChannelState::Status;

namespace {

QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

// JSON numbers of uint64 fields may arrive as numbers or (from protobuf conversions) strings.
} // namespace

QString ChannelState::statusName(Status status)
{
    switch (status) {
    case Status::Subscribing:
        return tr("subscribing");
    case Status::Subscribed:
        return tr("subscribed");
    case Status::Failed:
        return tr("failed");
    case Status::Unsubscribing:
        return tr("unsubscribing");
    case Status::Unsubscribed:
        return tr("unsubscribed");
    }
    return {};
}

QString ChannelState::statusKey(Status status)
{
    switch (status) {
    case Status::Subscribing:
        return QStringLiteral("subscribing");
    case Status::Subscribed:
        return QStringLiteral("subscribed");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Unsubscribing:
        return QStringLiteral("unsubscribing");
    case Status::Unsubscribed:
        return QStringLiteral("unsubscribed");
    }
    return {};
}

SubscriptionTracker::SubscriptionTracker(QObject *parent)
    : QObject(parent)
{
}

void SubscriptionTracker::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::frame, this, &SubscriptionTracker::processFrame);
}

ChannelState SubscriptionTracker::channel(const QString &channel) const
{
    const int row = indexOf(channel);
    return row < 0 ? ChannelState() : m_channels.at(row);
}

void SubscriptionTracker::processFrame(const Frame &frame)
{
    for (const ProtocolMessage &m : frame.messages)
        processMessage(m, frame.direction, frame.timeMs);
}

void SubscriptionTracker::processMessage(const ProtocolMessage &m, Protocol::Direction direction, qint64 timeMs)
{
    if (direction == Protocol::Direction::Out) {
        if (m.kind == MessageKind::Command)
            onCommand(m, timeMs);
        return;
    }
    switch (m.kind) {
    case MessageKind::Reply:
        onReply(m, timeMs);
        break;
    case MessageKind::Error:
        onError(m, timeMs);
        break;
    case MessageKind::Push:
        onPush(m, timeMs);
        break;
    case MessageKind::Disconnect:
        onClose(m, timeMs);
        break;
    default:
        break;
    }
}

int SubscriptionTracker::ensure(const QString &channel, qint64 timeMs, bool *added)
{
    int row = indexOf(channel);
    if (added)
        *added = row < 0;
    if (row >= 0)
        return row;
    row = count();
    emit channelAboutToBeAdded(row);
    ChannelState s;
    s.channel = channel;
    s.statusSinceMs = timeMs;
    s.lastActivityMs = timeMs;
    m_channels.append(s);
    m_index.insert(channel, row);
    emit channelAdded(row);
    return row;
}

void SubscriptionTracker::setStatus(int row, Status status, qint64 timeMs)
{
    ChannelState &s = m_channels[row];
    s.endedByClose = false;
    const bool differs = s.status != status;
    s.status = status;
    s.statusSinceMs = timeMs;
    s.lastActivityMs = qMax(s.lastActivityMs, timeMs);
    emit channelChanged(row);
    if (differs)
        emit statusChanged(s.channel, status);
}

void SubscriptionTracker::applySubscribeResult(ChannelState &s, const QJsonObject &r)
{
    s.recoverable = r.value(key("recoverable")).toBool();
    s.positioned = r.value(key("positioned")).toBool();
    s.recovered = r.value(key("recovered")).toBool();
    s.wasRecovering = r.value(key("was_recovering")).toBool();
    s.expires = r.value(key("expires")).toBool();
    s.delta = r.value(key("delta")).toBool();
    s.ttl = quint32(r.value(key("ttl")).toDouble());
    if (r.contains(key("epoch")) || r.contains(key("offset"))) {
        s.hasPosition = true;
        s.epoch = r.value(key("epoch")).toString();
        s.offset = PublicationPosition::offsetFromJson(r.value(key("offset")));
    }
    // Recovered publications come inside the result; they are messages the subscriber receives.
    const QJsonArray pubs = r.value(key("publications")).toArray();
    for (const QJsonValue &p : pubs) {
        ++s.publications;
        const quint64 offset = PublicationPosition::offsetFromJson(p.toObject().value(key("offset")));
        if (offset > s.offset) {
            s.offset = offset;
            s.hasPosition = true;
        }
    }
}

void SubscriptionTracker::notePublication(ChannelState &s, const PublicationPosition &pub)
{
    ++s.publications;
    if (pub.hasEpoch)
        s.epoch = pub.epoch;
    const quint64 offset = pub.offset;
    if (offset == 0)
        return;
    // Offsets grow by one per publication in a stream: a jump means publications this client never saw.
    if (s.hasPosition && offset > s.offset + 1)
        s.missed += offset - s.offset - 1;
    if (offset > s.offset || !s.hasPosition)
        s.offset = offset;
    s.hasPosition = true;
}

void SubscriptionTracker::onCommand(const ProtocolMessage &m, qint64 timeMs)
{
    if (m.method == Method::Connect) {
        // A new connect starts a new protocol session: replies to older ids can no longer arrive.
        m_pending.clear();
        if (m.id != 0)
            m_pending.insert(m.id, {m.method, QString()});
        return;
    }
    if (m.method != Method::Subscribe && m.method != Method::Unsubscribe)
        return;
    if (m.channel.isEmpty())
        return; // the server closes the connection with 3501; the close is what the user sees
    if (m.id != 0)
        m_pending.insert(m.id, {m.method, m.channel});

    bool added = false;
    const int row = ensure(m.channel, timeMs, &added);
    ChannelState &s = m_channels[row];
    s.pendingId = m.id;
    if (m.method == Method::Subscribe) {
        s.request = m.json().value(key("subscribe")).toObject();
        s.serverSide = false;
        s.code = 0;
        s.reason.clear();
        s.explanation.clear();
        m_statusBeforeUnsubscribe.remove(m.channel);
        setStatus(row, Status::Subscribing, timeMs);
        if (added)
            emit statusChanged(m.channel, Status::Subscribing); // new rows start as subscribing
    } else {
        m_statusBeforeUnsubscribe.insert(m.channel, s.status);
        setStatus(row, Status::Unsubscribing, timeMs);
    }
}

void SubscriptionTracker::onReply(const ProtocolMessage &m, qint64 timeMs)
{
    const auto it = m_pending.find(m.id);
    if (m.id == 0 || it == m_pending.end())
        return;
    const Pending p = it.value();
    m_pending.erase(it);

    if (p.method == Method::Connect) {
        // Server-side subscriptions: channel -> SubscribeResult in the connect result.
        const QJsonObject subs = m.json().value(key("connect")).toObject().value(key("subs")).toObject();
        for (auto s = subs.constBegin(); s != subs.constEnd(); ++s) {
            const int row = ensure(s.key(), timeMs);
            ChannelState &state = m_channels[row];
            state.serverSide = true;
            state.pendingId = 0;
            state.code = 0;
            state.reason.clear();
            state.explanation.clear();
            applySubscribeResult(state, s.value().toObject());
            setStatus(row, Status::Subscribed, timeMs);
        }
        return;
    }

    const int row = indexOf(p.channel);
    if (row < 0)
        return; // forgotten by the user meanwhile
    ChannelState &s = m_channels[row];
    if (s.pendingId == m.id)
        s.pendingId = 0;
    if (p.method == Method::Subscribe) {
        applySubscribeResult(s, m.json().value(key("subscribe")).toObject());
        setStatus(row, Status::Subscribed, timeMs);
    } else {
        m_statusBeforeUnsubscribe.remove(p.channel);
        s.code = 0;
        s.reason.clear();
        s.explanation = tr("Unsubscribed by the client.");
        setStatus(row, Status::Unsubscribed, timeMs);
    }
}

void SubscriptionTracker::onError(const ProtocolMessage &m, qint64 timeMs)
{
    const auto it = m_pending.find(m.id);
    if (m.id == 0 || it == m_pending.end())
        return;
    const Pending p = it.value();
    m_pending.erase(it);
    if (p.channel.isEmpty())
        return;
    const int row = indexOf(p.channel);
    if (row < 0)
        return;
    ChannelState &s = m_channels[row];
    if (s.pendingId == m.id)
        s.pendingId = 0;
    s.code = m.code;
    s.reason = m.text;
    s.explanation = Explainer::error(m.code).sentence();
    if (p.method == Method::Subscribe) {
        // 105 "already subscribed": the earlier subscription is still in place.
        setStatus(row, m.code == 105 ? Status::Subscribed : Status::Failed, timeMs);
    } else {
        // A failed unsubscribe leaves the channel as it was.
        setStatus(row, m_statusBeforeUnsubscribe.take(p.channel), timeMs);
    }
}

void SubscriptionTracker::onPush(const ProtocolMessage &m, qint64 timeMs)
{
    if (m.channel.isEmpty())
        return; // message and refresh pushes concern the connection, not a channel
    // Parsed only for the pushes that need their body: floods of publications, joins and leaves stay unparsed.
    const auto push = [&m]() { return m.json().value(key("push")).toObject(); };
    switch (m.push) {
    case PushType::Pub: {
        bool added = false;
        const int row = ensure(m.channel, timeMs, &added);
        ChannelState &s = m_channels[row];
        // Offset and epoch straight from the text: a flood of publications is never parsed into objects.
        notePublication(s, PublicationPosition::of(m));
        s.lastActivityMs = timeMs;
        if (added) {
            // A publication for a channel nobody asked for: the server subscribed us some other way.
            s.serverSide = true;
            setStatus(row, Status::Subscribed, timeMs);
        } else {
            changed(row);
        }
        break;
    }
    case PushType::Join:
    case PushType::Leave: {
        const int row = indexOf(m.channel);
        if (row < 0)
            return;
        ChannelState &s = m_channels[row];
        if (m.push == PushType::Join)
            ++s.joins;
        else
            ++s.leaves;
        s.lastActivityMs = timeMs;
        changed(row);
        break;
    }
    case PushType::Subscribe: {
        const int row = ensure(m.channel, timeMs);
        ChannelState &s = m_channels[row];
        s.serverSide = true;
        s.code = 0;
        s.reason.clear();
        s.explanation.clear();
        applySubscribeResult(s, push().value(key("subscribe")).toObject());
        setStatus(row, Status::Subscribed, timeMs);
        break;
    }
    case PushType::Unsubscribe: {
        const int row = ensure(m.channel, timeMs);
        ChannelState &s = m_channels[row];
        s.code = m.code;
        s.reason = m.text;
        s.explanation = Explainer::unsubscribe(m.code).sentence();
        s.pendingId = 0;
        setStatus(row, Status::Unsubscribed, timeMs);
        break;
    }
    default:
        break;
    }
}

void SubscriptionTracker::onClose(const ProtocolMessage &m, qint64 timeMs)
{
    m_pending.clear();
    m_statusBeforeUnsubscribe.clear();
    for (int row = 0; row < count(); ++row) {
        ChannelState &s = m_channels[row];
        if (s.status == Status::Failed || s.status == Status::Unsubscribed)
            continue;
        s.pendingId = 0;
        s.code = m.code;
        s.reason = m.text;
        s.explanation = tr("The connection closed (code %1), which ends every subscription.").arg(m.code);
        const bool restore = s.status != Status::Unsubscribing; // an unsubscribe on its way was meant to end it
        setStatus(row, Status::Unsubscribed, timeMs);
        s.endedByClose = restore;
    }
}

QJsonObject SubscriptionTracker::resubscribeBody(const QString &channel) const
{
    const int row = indexOf(channel);
    QJsonObject body;
    if (row >= 0)
        body = m_channels.at(row).request;
    body.insert(key("channel"), channel);
    body.remove(key("recover"));
    body.remove(key("epoch"));
    body.remove(key("offset"));
    if (row >= 0) {
        const ChannelState &s = m_channels.at(row);
        if (s.recoverable && s.hasPosition) {
            body.insert(key("recover"), true);
            body.insert(key("epoch"), s.epoch);
            body.insert(key("offset"), qint64(s.offset));
        }
    }
    return body;
}

QList<SubscribeOptions> SubscriptionTracker::restorableSubscriptions() const
{
    QList<SubscribeOptions> out;
    for (const ChannelState &s : m_channels) {
        if (s.endedByClose && !s.serverSide)
            out.append(subscribeOptions(resubscribeBody(s.channel)));
    }
    return out;
}

SubscribeOptions SubscriptionTracker::subscribeOptions(const QJsonObject &body)
{
    SubscribeOptions o;
    o.channel = body.value(key("channel")).toString();
    o.token = body.value(key("token")).toString();
    o.recover = body.value(key("recover")).toBool();
    o.epoch = body.value(key("epoch")).toString();
    o.offset = PublicationPosition::offsetFromJson(body.value(key("offset")));
    o.positioned = body.value(key("positioned")).toBool();
    o.recoverable = body.value(key("recoverable")).toBool();
    o.joinLeave = body.value(key("join_leave")).toBool();
    o.delta = body.value(key("delta")).toString();
    const QJsonValue data = body.value(key("data"));
    if (!data.isUndefined()) {
        // Back to raw JSON text: serialise inside an array and strip the brackets (data may be a scalar).
        const QByteArray a = QJsonDocument(QJsonArray{data}).toJson(QJsonDocument::Compact);
        o.data = a.mid(1, a.size() - 2);
    }
    return o;
}

void SubscriptionTracker::rebuildIndex()
{
    m_index.clear();
    for (int i = 0; i < count(); ++i)
        m_index.insert(m_channels.at(i).channel, i);
}

void SubscriptionTracker::remove(const QString &channel)
{
    const int row = indexOf(channel);
    if (row < 0)
        return;
    emit channelAboutToBeRemoved(row);
    m_channels.removeAt(row);
    m_statusBeforeUnsubscribe.remove(channel);
    rebuildIndex();
    emit channelRemoved(row);
}

void SubscriptionTracker::removeInactive()
{
    for (int row = count() - 1; row >= 0; --row) {
        if (!m_channels.at(row).isActive() && m_channels.at(row).status != Status::Unsubscribing)
            remove(m_channels.at(row).channel);
    }
}

void SubscriptionTracker::clear()
{
    emit aboutToBeCleared();
    m_channels.clear();
    m_index.clear();
    m_pending.clear();
    m_statusBeforeUnsubscribe.clear();
    emit cleared();
}
