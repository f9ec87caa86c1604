#include "connectionsettings.h"

#include "secretmasker.h"

#include <QSettings>

namespace {

QString key(const char *name)
{
    return QLatin1String("connection/") + QLatin1String(name);
}

} // namespace

ConnectionSettings ConnectionSettings::load(const QSettings *settings, bool protobuf)
{
    ConnectionSettings s;
    if (!settings)
        return s;
    const SessionOptions defaults;
    SessionOptions &o = s.options;
    s.recentUrls = settings->value(key("recentUrls")).toStringList();
    s.recentUrls.removeAll(QString());
    s.recentUrls = s.recentUrls.mid(0, kMaxRecentUrls);
    o.url = QUrl(settings->value(key("url"), defaults.url.toString()).toString());
    o.format = settings->value(key("format")).toString() == QLatin1String("protobuf") && protobuf
                   ? Protocol::Format::Protobuf
                   : Protocol::Format::Json;
    if (!Transports::fromName(settings->value(key("transport")).toString(), &o.transport))
        o.transport = TransportKind::WebSocket;
    o.name = settings->value(key("name"), defaults.name).toString();
    o.version = settings->value(key("version"), defaults.version).toString();
    o.connectData = settings->value(key("data")).toString().toUtf8();
    for (const QString &h : settings->value(key("headers")).toStringList()) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon > 0)
            o.headers.append({h.left(colon).toLatin1(), h.mid(colon + 1).toUtf8()});
    }
    o.caCertificatesFile = settings->value(key("caFile")).toString();
    o.autoPong = settings->value(key("autoPong"), true).toBool();
    o.autoConnect = settings->value(key("autoConnect"), true).toBool();
    o.handshakeTimeoutMs = qMax(0, settings->value(key("handshakeTimeoutMs"), defaults.handshakeTimeoutMs).toInt());
    s.moreOptions = settings->value(key("moreOptions"), false).toBool();
    s.reconnect = settings->value(key("reconnect"), true).toBool();
    return s;
}

void ConnectionSettings::save(QSettings *settings) const
{
    if (!settings)
        return;
    const SessionOptions &o = options;
    settings->setValue(key("recentUrls"), recentUrls);
    settings->setValue(key("url"), o.url.toString());
    settings->setValue(key("format"), QString(Protocol::formatName(o.format)));
    settings->setValue(key("transport"), QString(Transports::name(o.transport)));
    settings->setValue(key("name"), o.name);
    settings->setValue(key("version"), o.version);
    settings->setValue(key("data"), QString::fromUtf8(o.connectData));
    QStringList headers;
    for (const auto &h : o.headers) {
        const QString name = QString::fromLatin1(h.first);
        const QString value = QString::fromUtf8(h.second);
        // Like the token, the values of secret headers stay out of the settings (the name is kept).
        if (!name.isEmpty())
            headers.append(name + QLatin1Char(':') + (SecretMasker::isSecretHeader(name, value) ? QString() : value));
    }
    settings->setValue(key("headers"), headers);
    settings->setValue(key("caFile"), o.caCertificatesFile);
    settings->setValue(key("autoPong"), o.autoPong);
    settings->setValue(key("autoConnect"), o.autoConnect);
    settings->setValue(key("handshakeTimeoutMs"), o.handshakeTimeoutMs);
    settings->setValue(key("reconnect"), reconnect);
    settings->setValue(key("moreOptions"), moreOptions);
}
