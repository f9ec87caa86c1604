#include "httpexchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QLatin1String requestName(HttpExchange::Request r)
{
    return r == HttpExchange::Request::Connect ? QLatin1String("connect") : QLatin1String("emulation");
}

} // namespace

QByteArray HttpExchange::toJson() const
{
    QJsonObject o{{QLatin1String("request"), requestName(request)},
                  {QLatin1String("method"), method},
                  {QLatin1String("path"), path},
                  {QLatin1String("status"), status},
                  {QLatin1String("request_bytes"), requestBytes},
                  {QLatin1String("ms"), qRound(ms * 10) / 10.0}};
    if (responseBytes >= 0)
        o.insert(QLatin1String("response_bytes"), responseBytes);
    if (!contentType.isEmpty())
        o.insert(QLatin1String("content_type"), contentType);
    if (!error.isEmpty())
        o.insert(QLatin1String("error"), error);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool HttpExchange::fromJson(QByteArrayView json, HttpExchange *out)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray());
    const QJsonObject o = doc.object();
    if (!o.contains(QLatin1String("status")) || !o.contains(QLatin1String("method")))
        return false;
    *out = HttpExchange();
    out->request = o.value(QLatin1String("request")).toString() == requestName(Request::Connect) ? Request::Connect
                                                                                                 : Request::Emulation;
    out->method = o.value(QLatin1String("method")).toString();
    out->path = o.value(QLatin1String("path")).toString();
    out->status = o.value(QLatin1String("status")).toInt();
    out->requestBytes = o.value(QLatin1String("request_bytes")).toInteger();
    out->responseBytes = o.value(QLatin1String("response_bytes")).toInteger(-1);
    out->ms = o.value(QLatin1String("ms")).toDouble();
    out->contentType = o.value(QLatin1String("content_type")).toString();
    out->error = o.value(QLatin1String("error")).toString();
    return true;
}

QString HttpExchange::shortName() const
{
    return status == 0 ? tr("HTTP exchange failed") : tr("HTTP exchange %1").arg(status);
}

QString HttpExchange::words() const
{
    const QString what = request == Request::Connect
                             ? tr("HTTP exchange: %1 %2 opened the stream (connect command: "
                                  "%n byte(s))",
                                  nullptr, int(requestBytes))
                             : tr("HTTP exchange: %1 %2 carried %n byte(s) of commands", nullptr, int(requestBytes));
    QString out = what.arg(method, path);
    const QString ms = QLocale().toString(this->ms, 'f', 1);
    if (status == 0)
        out += tr("; no response after %1 ms").arg(ms);
    else if (responseBytes >= 0)
        out += tr("; HTTP %1 with %n byte(s) of body in %2 ms", nullptr, int(responseBytes)).arg(status).arg(ms);
    else
        out += tr("; HTTP %1 in %2 ms, the response goes on as the stream").arg(status).arg(ms);
    if (!contentType.isEmpty())
        out += tr(" (%1)").arg(contentType);
    if (!error.isEmpty())
        out += tr(". Failed: %1").arg(error);
    return out + (error.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral("."));
}
