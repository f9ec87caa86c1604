#include "messagedetail.h"

#include "deltarebuilder.h"
#include "explainer.h"
#include "framemasker.h"
#include "httpexchange.h"
#include "jsontext.h"
#include "timelinemodel.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using Protocol::MessageKind;

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
}

} // namespace

QString MessageDetail::hexDump(QByteArrayView bytes)
{
    QString out;
    const qsizetype n = qMin<qsizetype>(bytes.size(), kHexLimit);
    out.reserve(int(n / 16 + 1) * 78);
    for (qsizetype line = 0; line < n; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (line + i < n) {
                const uchar c = uchar(bytes.at(line + i));
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(char16_t(c)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (bytes.size() > n)
        out += tr("… %L1 more bytes not shown\n").arg(bytes.size() - n);
    return out;
}

MessageDetail MessageDetail::forHttpExchange(const FrameStore &store, int row)
{
    // Not protocol: the summary of one HTTP request of an emulation transport (no secrets: path only, no query).
    MessageDetail d;
    d.valid = true;
    const QByteArray bytes = store.messageBytes(row).toByteArray();
    d.raw = QString::fromUtf8(bytes);
    d.pretty = QString::fromUtf8(JsonText::indent(bytes, 2));
    d.hex = hexDump(bytes);
    HttpExchange e;
    if (!HttpExchange::fromJson(bytes, &e)) {
        d.problem = true;
        d.sentence = tr("HTTP exchange whose summary cannot be read.");
        return d;
    }
    d.sentence = e.words();
    d.problem = e.failed();
    const QLocale locale;
    d.facts.append({tr("Time"), timeText(store.row(row).timeMs)});
    d.facts.append({tr("Direction"), tr("HTTP exchange of the emulation transport (not a protocol message)")});
    d.facts.append({tr("Request"), e.request == HttpExchange::Request::Connect
                                       ? tr("opening request of the stream (carries connect)")
                                       : tr("commands POSTed to the emulation endpoint")});
    d.facts.append({tr("Method and path"), e.method + QLatin1Char(' ') + e.path});
    d.facts.append({tr("HTTP status"), e.status == 0 ? tr("none (no response)") : QString::number(e.status)});
    d.facts.append({tr("Request body (bytes)"), locale.toString(e.requestBytes)});
    d.facts.append({tr("Response body (bytes)"),
                    e.responseBytes < 0 ? tr("the stream (read as messages)") : locale.toString(e.responseBytes)});
    d.facts.append({tr("Time taken"), tr("%1 ms").arg(locale.toString(e.ms, 'f', 1))});
    if (!e.contentType.isEmpty())
        d.facts.append({tr("Content type"), e.contentType});
    if (!e.error.isEmpty())
        d.facts.append({tr("Error"), e.error});
    return d;
}

MessageDetail MessageDetail::forRow(const TimelineModel &model, int sourceRow, const SecretMasker *knownSecrets)
{
    MessageDetail d;
    const FrameStore &store = model.store();
    if (sourceRow < 0 || sourceRow >= store.count())
        return d;
    d.valid = true;
    const FrameStore::Row &r = store.row(sourceRow);
    if (r.origin == quint8(Frame::Origin::HttpExchange))
        return forHttpExchange(store, sourceRow);
    ProtocolMessage m = model.messageAt(sourceRow);
    const bool binary = r.flags & FrameStore::Row::Binary;
    const bool close = r.flags & FrameStore::Row::Close;
    const int frameRows = store.frameRowCount(sourceRow);
    QByteArray frameBytes = store.frameBytes(sourceRow).toByteArray();

    d.sentence = Explainer::describe(m);
    if (knownSecrets) {
        // The whole frame's command tokens count: connect and subscribe often travel in one frame.
        const Frame frame = frameRows > 1 ? model.frameAt(sourceRow) : Frame();
        SecretMasker masker = *knownSecrets;
        FrameMasker::learnTokens(frame, &masker);
        const ProtocolMessage shown = FrameMasker::masked(m, binary, masker);
        d.masked = !shown.raw.isSharedWith(m.raw) || shown.text != m.text;
        m = shown;
        if (frameRows > 1 && !binary) {
            const QByteArray bytes = masker.mask(frameBytes);
            d.masked = d.masked || bytes != frameBytes;
            frameBytes = bytes;
        }
    }
    d.problem = m.kind == MessageKind::Error || m.kind == MessageKind::Invalid ||
                (m.kind == MessageKind::Disconnect && m.code != 1000);

    // Pretty JSON: the bytes re-indented in their own key order; Protobuf messages as converted JSON.
    if (close) {
        d.pretty = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("code"), m.code}, {QStringLiteral("reason"), m.text}})
                .toJson(QJsonDocument::Indented));
    } else if (!binary && JsonText::isValid(m.raw)) {
        d.pretty = QString::fromUtf8(JsonText::indent(m.raw, 2));
    } else if (!m.json().isEmpty() || m.kind == MessageKind::Ping || m.kind == MessageKind::Pong) {
        d.pretty = QString::fromUtf8(QJsonDocument(m.json()).toJson(QJsonDocument::Indented));
    } else {
        d.pretty = tr("Not JSON: %1").arg(m.text);
    }

    if (binary)
        d.raw = tr("Binary (Protobuf) message, size in bytes: %L1. The Hex tab shows its bytes.").arg(m.raw.size());
    else
        d.raw = QString::fromUtf8(m.raw);
    if (frameRows > 1 && !binary)
        d.raw += QLatin1String("\n\n") +
                 tr("Whole frame (messages: %1, bytes: %L2):").arg(frameRows).arg(frameBytes.size()) +
                 QLatin1Char('\n') + QString::fromUtf8(frameBytes);
    d.hex = hexDump(m.raw);

    // The code table that fits the kind of message.
    if (m.kind == MessageKind::Error) {
        d.code = Explainer::error(m.code);
        d.hasCode = true;
    } else if (m.kind == MessageKind::Disconnect ||
               (m.kind == MessageKind::Push && m.push == Protocol::PushType::Disconnect)) {
        d.code = Explainer::disconnect(m.code);
        d.hasCode = true;
    } else if (m.kind == MessageKind::Push && m.push == Protocol::PushType::Unsubscribe) {
        d.code = Explainer::unsubscribe(m.code);
        d.hasCode = true;
    }
    if (m.kind == MessageKind::Invalid && !m.text.isEmpty())
        d.decoderProblem = m.text;

    const bool wire = r.origin == quint8(Frame::Origin::Wire);
    const bool out = r.flags & FrameStore::Row::Out;
    QString direction = out ? tr("out: sent by this client") : tr("in: from the server");
    QString kind = m.kindName();
    if (!wire) {
        // Not client protocol (a server API call or reply; HTTP exchanges have their own detail): the model's words
        // and kind.
        const QModelIndex index = model.index(sourceRow, TimelineModel::KindColumn);
        d.sentence = index.data(TimelineModel::DescriptionRole).toString();
        d.problem = index.data(Qt::ForegroundRole).isValid();
        d.decoderProblem.clear();
        if (!JsonText::isValid(m.raw))
            d.pretty = QString::fromUtf8(m.raw); // a failure in words
        direction = out ? tr("out: server API call") : tr("in: server API reply");
        kind = index.data(TimelineModel::KindNameRole).toString();
    }

    d.facts.append({tr("Time"), timeText(r.timeMs)});
    d.facts.append({tr("Direction"), direction});
    d.facts.append({tr("Kind"), kind});
    if (!m.channel.isEmpty())
        d.facts.append({tr("Channel"), m.channel});
    if (m.id)
        d.facts.append({tr("ID"), QString::number(m.id)});
    if (m.rttMs >= 0)
        d.facts.append({tr("Round trip"), tr("%1 ms").arg(QLocale().toString(m.rttMs, 'f', 2))});
    if (wire)
        d.facts.append({tr("Encoding"), close ? tr("WebSocket close frame")
                                              : (binary ? tr("Protobuf (binary frame)") : tr("JSON (text frame)"))});
    else if (m.code)
        d.facts.append({tr("HTTP status"), QString::number(m.code)});
    d.facts.append({tr("Size (bytes)"), QLocale().toString(m.raw.size())});
    if (frameRows > 1)
        d.facts.append({tr("Frame"), tr("message %1 of %2, frame size in bytes: %L3")
                                         .arg(sourceRow - store.frameFirstRow(sourceRow) + 1)
                                         .arg(frameRows)
                                         .arg(frameBytes.size())});
    if (DeltaTracker::Publication p; DeltaRebuilder::forRow(store, sourceRow, &p))
        addDelta(&d, p);
    return d;
}

void MessageDetail::addDelta(MessageDetail *d, const DeltaTracker::Publication &p)
{
    // Delta compression: the data as received (above) and the full data it stands for (rebuilt), with the saving.
    const QLocale locale;
    if (!p.error.isEmpty()) {
        d->problem = true;
        d->sentence += QLatin1Char(' ') + tr("The delta cannot be applied: %1.").arg(p.error);
        d->facts.append({tr("Delta"), tr("cannot be applied: %1").arg(p.error)});
        return;
    }
    const QString saved = locale.toString(qint64(p.savedBytes()));
    if (p.delta) {
        d->sentence += QLatin1Char(' ') +
                       tr("A fossil delta of %1 bytes, rebuilt into the full data of %2 bytes: "
                          "%3 bytes saved.")
                           .arg(locale.toString(qint64(p.wireBytes)), locale.toString(qint64(p.data.size())), saved);
        d->facts.append({tr("Delta"), tr("fossil delta applied to the channel's previous data")});
    } else {
        d->facts.append({tr("Delta"), tr("full data (the base of the next deltas on this channel)")});
    }
    d->facts.append({tr("Delta as received (bytes)"), locale.toString(qint64(p.wireBytes))});
    d->facts.append({tr("Rebuilt data (bytes)"), locale.toString(qint64(p.data.size()))});
    d->facts.append({tr("Bytes saved"), saved});
    const QByteArray shown = JsonText::isValid(p.data) ? JsonText::indent(p.data, 2) : p.data;
    d->pretty += QLatin1String("\n\n") + tr("Rebuilt publication data (%L1 bytes):").arg(p.data.size()) +
                 QLatin1Char('\n') + QString::fromUtf8(shown);
}
