#include "apimode.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

const char *const kDemoTexts[] = {
    "hello", "how is everyone?", "Grüße aus Berlin", "你好，世界", "こんにちは", "ok 👍", "brb", "lunch?"};

QString outcomeName(ServerApiReply::Outcome outcome)
{
    switch (outcome) {
    case ServerApiReply::Outcome::Ok:
        return QStringLiteral("ok");
    case ServerApiReply::Outcome::ApiError:
        return QStringLiteral("api_error");
    case ServerApiReply::Outcome::WrongKey:
        return QStringLiteral("wrong_key");
    case ServerApiReply::Outcome::MethodNotAvailable:
        return QStringLiteral("method_not_available");
    case ServerApiReply::Outcome::BadRequest:
        return QStringLiteral("bad_request");
    case ServerApiReply::Outcome::Unreachable:
        return QStringLiteral("unreachable");
    case ServerApiReply::Outcome::Timeout:
        return QStringLiteral("timeout");
    case ServerApiReply::Outcome::HttpError:
        return QStringLiteral("http_error");
    case ServerApiReply::Outcome::BadResponse:
        return QStringLiteral("bad_response");
    }
    return QString();
}

} // namespace

ApiMode::ApiMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
{
    m_client.setBaseUrl(options.apiUrl);
    m_client.setApiKey(options.apiKey);
    connect(&m_client, &ServerApiClient::finished, this, &ApiMode::onReply);
    m_demoTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_demoTimer, &QTimer::timeout, this, &ApiMode::publishNext);
}

bool ApiMode::parseCall(const QString &spec, QString *method, QByteArray *body, QString *error)
{
    const QString trimmed = spec.trimmed();
    const qsizetype space = trimmed.indexOf(QRegularExpression(QStringLiteral("\\s")));
    *method = space < 0 ? trimmed : trimmed.left(space);
    const QString json = space < 0 ? QString() : trimmed.mid(space + 1).trimmed();
    if (json.isEmpty()) {
        *body = QByteArrayLiteral("{}");
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("--api %1: the body must be a JSON object, not \"%2\"").arg(*method, json);
        return false;
    }
    *body = doc.toJson(QJsonDocument::Compact);
    return true;
}

QByteArray ApiMode::outputLine(const ServerApiReply &reply)
{
    const QJsonDocument body = QJsonDocument::fromJson(reply.body);
    if (body.isObject())
        return body.toJson(QJsonDocument::Compact);
    QJsonObject error{{QStringLiteral("method"), reply.method},
                      {QStringLiteral("outcome"), outcomeName(reply.outcome)},
                      {QStringLiteral("message"), reply.sentence()}};
    if (reply.httpStatus > 0)
        error.insert(QStringLiteral("http_status"), reply.httpStatus);
    return QJsonDocument(QJsonObject{{QStringLiteral("transport_error"), error}}).toJson(QJsonDocument::Compact);
}

QJsonObject ApiMode::demoPublication(const QString &channel, qint64 n)
{
    const int count = int(sizeof(kDemoTexts) / sizeof(kDemoTexts[0]));
    const QJsonObject data{{QStringLiteral("text"), QString::fromUtf8(kDemoTexts[(n - 1) % count])},
                           {QStringLiteral("n"), n},
                           {QStringLiteral("ts"), QDateTime::currentMSecsSinceEpoch()}};
    return {{QStringLiteral("channel"), channel},
            {QStringLiteral("data"), data},
            {QStringLiteral("tags"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo-publisher")}}}};
}

bool ApiMode::start(QString *error)
{
    if (!m_client.apiUrl().isValid()) {
        *error = tr("--api-url must be an http:// or https:// URL, not \"%1\"").arg(m_options.apiUrl);
        return false;
    }
    for (const QString &spec : std::as_const(m_options.apiCalls)) {
        QString method;
        QByteArray body;
        if (!parseCall(spec, &method, &body, error))
            return false;
        m_calls.append({method, body});
    }
    if (!m_options.publishDemo.isEmpty()) {
        print(m_err, tr("publishing %1/s to %2 via %3 (Ctrl+C stops)")
                         .arg(m_options.demoRate)
                         .arg(m_options.publishDemo.join(QLatin1String(", ")), m_client.apiUrl().toString())
                         .toUtf8());
    }
    QTimer::singleShot(0, this, &ApiMode::callNext);
    return true;
}

void ApiMode::interrupt()
{
    m_demoTimer.stop();
    finish(m_exitCode);
    m_client.abortAll();
}

void ApiMode::callNext()
{
    if (m_finished)
        return;
    if (m_next < m_calls.size()) {
        const auto &call = m_calls.at(m_next++);
        m_client.callRaw(call.first, call.second);
        return;
    }
    if (m_options.publishDemo.isEmpty()) {
        finish(m_exitCode);
        return;
    }
    if (!m_demoTimer.isActive()) {
        m_demoTimer.start(qMax(1, int(1000 / m_options.demoRate)));
        publishNext();
    }
}

void ApiMode::publishNext()
{
    if (m_finished)
        return;
    if (m_options.demoCount > 0 && m_demoSent >= m_options.demoCount) {
        m_demoTimer.stop();
        if (m_client.pendingCount() == 0)
            finish(m_failuresInRow > 0 ? 1 : m_exitCode);
        return;
    }
    ++m_demoSent;
    const QString channel = m_options.publishDemo.at(int((m_demoSent - 1) % m_options.publishDemo.size()));
    m_demoCalls.insert(m_client.call(QStringLiteral("publish"), demoPublication(channel, m_demoSent)),
                       {m_demoSent, channel});
}

void ApiMode::onReply(quint64 id, const ServerApiReply &reply)
{
    if (m_finished)
        return;
    // The --api calls run one after another before the demo starts, so a reply with a demo number is the demo's.
    const auto demo = m_demoCalls.constFind(id);
    if (demo == m_demoCalls.constEnd()) {
        if (!reply.isOk() || reply.batchErrors > 0)
            m_exitCode = 1;
        print(m_out, outputLine(reply));
        print(m_err, QStringLiteral("%1: %2 (%3 ms): %4")
                         .arg(reply.method, reply.shortStatus())
                         .arg(reply.elapsedMs)
                         .arg(reply.sentence())
                         .toUtf8());
        callNext();
        return;
    }
    print(m_out, QStringLiteral("#%1 %2: %3").arg(demo->first).arg(demo->second, reply.sentence()).toUtf8());
    m_demoCalls.remove(id);
    m_failuresInRow = reply.isOk() ? 0 : m_failuresInRow + 1;
    if (m_failuresInRow >= kDemoFailuresInRow) {
        print(m_err, tr("%1 failures in a row; is the server running?").arg(kDemoFailuresInRow).toUtf8());
        finish(1);
        return;
    }
    if (!m_demoTimer.isActive() && m_client.pendingCount() == 0)
        finish(m_failuresInRow > 0 ? 1 : m_exitCode);
}

void ApiMode::print(FILE *stream, const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void ApiMode::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(code);
}
