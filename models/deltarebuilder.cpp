#include "deltarebuilder.h"

#include "framestore.h"

#include <QJsonArray>
#include <QJsonObject>

using Protocol::MessageKind;

namespace {

bool isReceived(const FrameStore::Row &r)
{
    return r.origin == quint8(Frame::Origin::Wire) && !(r.flags & FrameStore::Row::Out);
}

bool isPublication(const FrameStore::Row &r)
{
    return isReceived(r) && r.kind == quint8(MessageKind::Push) && r.push == quint8(Protocol::PushType::Pub);
}

} // namespace

bool DeltaRebuilder::forRow(const FrameStore &store, int row, DeltaTracker::Publication *out)
{
    if (row < 0 || row >= store.count() || !isPublication(store.row(row)) || store.row(row).channel == 0)
        return false;
    const quint32 channel = store.row(row).channel;
    // Back to the subscribe reply of this channel: the chain starts there (a new subscription starts a new one),
    // unless that subscription recovered without missed publications: its deltas build on the one before.
    QList<int> chain{row};
    int start = -1;
    int i = row - 1;
    for (; i >= 0 && row - i <= kMaxRowsBack; --i) {
        const FrameStore::Row &r = store.row(i);
        if (r.channel != channel || !isReceived(r))
            continue;
        if (r.kind == quint8(MessageKind::Reply) && r.method == quint8(Protocol::Method::Subscribe)) {
            const QJsonObject result = store.message(i).json().value(QLatin1String("subscribe")).toObject();
            if (result.value(QLatin1String("recovered")).toBool() &&
                result.value(QLatin1String("publications")).toArray().isEmpty()) {
                chain.prepend(i);
                continue;
            }
            start = i;
            break;
        }
        if (r.kind == quint8(MessageKind::Push) && r.push == quint8(Protocol::PushType::Unsubscribe))
            break;
        if (isPublication(r))
            chain.prepend(i);
    }

    DeltaTracker tracker;
    if (start >= 0) {
        DeltaTracker::Publication unused;
        tracker.handle(store.message(start), &unused);
        if (!tracker.isDeltaChannel(store.message(start).channel))
            return false;
    } else {
        // The reply is gone (dropped by the cap, or never recorded): a delta row still tells the channel's mode.
        const ProtocolMessage m = store.message(row);
        if (!m.json()
                 .value(QLatin1String("push"))
                 .toObject()
                 .value(QLatin1String("pub"))
                 .toObject()
                 .value(QLatin1String("delta"))
                 .toBool())
            return false;
        tracker.track(m.channel);
    }
    DeltaTracker::Publication p;
    bool sawFull = false;
    for (const int i : std::as_const(chain)) {
        if (!isPublication(store.row(i))) {
            tracker.handle(store.message(i), &p); // a recovery that keeps the chain
            continue;
        }
        if (!tracker.handle(store.message(i), &p))
            return false;
        sawFull = sawFull || !p.delta;
    }
    if (start < 0 && !sawFull) {
        p.error = i >= 0 && row - i > kMaxRowsBack
                      ? tr("the full payload this delta builds on is more than %L1 rows back: not rebuilt here (the "
                           "log has every publication rebuilt as it came)")
                            .arg(kMaxRowsBack)
                      : tr("the full payload this delta builds on is no longer in the timeline (dropped, or received "
                           "before the recording started)");
    }
    *out = p;
    return true;
}
