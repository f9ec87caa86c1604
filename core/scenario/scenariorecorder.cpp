#include "scenariorecorder.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString kSession = QStringLiteral("recorded");

QString methodOf(const QJsonObject &command)
{
    for (Protocol::Method m : Protocol::allMethods()) {
        if (command.contains(Protocol::methodName(m)))
            return Protocol::methodName(m);
    }
    return {};
}

// What a push must have to match again: its channel and kind, and a publication's data.
QJsonObject pushPattern(const QJsonObject &push)
{
    QJsonObject pattern;
    if (push.contains(QLatin1String("channel")))
        pattern.insert(QStringLiteral("channel"), push.value(QLatin1String("channel")));
    for (auto it = push.begin(); it != push.end(); ++it) {
        if (it.key() == QLatin1String("channel"))
            continue;
        QJsonObject body;
        if (it.key() == QLatin1String("pub") && it.value().toObject().contains(QLatin1String("data")))
            body.insert(QStringLiteral("data"), it.value().toObject().value(QLatin1String("data")));
        pattern.insert(it.key(), body);
    }
    return QJsonObject{{QStringLiteral("push"), pattern}};
}

} // namespace

QByteArray ScenarioRecorder::build(const QList<Message> &messages, const QString &name, const QUrl &url)
{
    QJsonArray steps;
    steps.append(QJsonObject{{QStringLiteral("open"), kSession}});
    QHash<qint64, QString> sent; // command id -> method
    for (const Message &m : messages) {
        const QJsonDocument doc = QJsonDocument::fromJson(m.json);
        if (!doc.isObject() || doc.object().isEmpty())
            continue; // not JSON, or a ping / pong
        QJsonObject o = doc.object();
        if (m.direction == Protocol::Direction::Out) {
            const QString method = methodOf(o);
            if (method.isEmpty() || method == QLatin1String("connect"))
                continue; // "open" connects
            sent.insert(o.value(QLatin1String("id")).toInteger(), method);
            o.remove(QStringLiteral("id")); // the session numbers commands itself
            steps.append(QJsonObject{{QStringLiteral("send"), kSession}, {QStringLiteral("command"), o}});
        } else if (o.contains(QLatin1String("push"))) {
            steps.append(QJsonObject{{QStringLiteral("expect"), kSession},
                                     {QStringLiteral("push"), pushPattern(o.value(QLatin1String("push")).toObject())}});
        } else if (o.contains(QLatin1String("id"))) {
            const QString method = sent.value(o.value(QLatin1String("id")).toInteger());
            if (method.isEmpty())
                continue; // the connect reply, or a reply to a command outside the recording
            const QJsonObject pattern =
                o.contains(QLatin1String("error"))
                    ? QJsonObject{{QStringLiteral("error"),
                                   QJsonObject{
                                       {QStringLiteral("code"),
                                        o.value(QLatin1String("error")).toObject().value(QLatin1String("code"))}}}}
                    : QJsonObject{{method, QJsonObject()}};
            steps.append(QJsonObject{{QStringLiteral("expect"), kSession}, {QStringLiteral("reply"), pattern}});
        }
    }
    steps.append(QJsonObject{{QStringLiteral("close"), kSession}});
    const QJsonObject scenario{
        {QStringLiteral("name"), name},
        {QStringLiteral("description"),
         tr("Recorded from the timeline. Add a token or claims to \"open\" if the server needs one, and check the "
            "patterns.")},
        {QStringLiteral("defaults"), QJsonObject{{QStringLiteral("url"), url.toString()}}},
        {QStringLiteral("steps"), steps},
    };
    return QJsonDocument(scenario).toJson(QJsonDocument::Indented);
}
