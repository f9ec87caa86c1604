#include "shellcommandline.h"

#include "commandbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>

QString ShellCommandLine::quote(const QString &text)
{
    if (!text.contains(QLatin1Char('\n'))) {
        QString q = text;
        q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        return QLatin1Char('\'') + q + QLatin1Char('\'');
    }
    QString q = text;
    q.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    q.replace(QLatin1Char('\''), QLatin1String("\\'"));
    q.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1String("$'") + q + QLatin1Char('\'');
}

QList<QByteArray> ShellCommandLine::frames(const Input &input)
{
    QList<QByteArray> lines;
    quint32 maxId = 0;
    bool startsWithConnect = false;
    for (const QByteArray &command : input.commands) {
        const QJsonDocument doc = QJsonDocument::fromJson(command);
        // Text that is not JSON stays as it is: replaying a deliberately bad command is the point.
        if (!doc.isObject()) {
            lines << command.simplified();
            continue;
        }
        const QJsonObject o = doc.object();
        maxId = qMax(maxId, quint32(o.value(QLatin1String("id")).toInteger()));
        if (lines.isEmpty() && o.contains(QLatin1String("connect")))
            startsWithConnect = true;
        lines << doc.toJson(QJsonDocument::Compact);
    }
    if (!startsWithConnect) {
        CommandBuilder::ConnectParams params;
        params.token = input.token;
        const QJsonObject connect =
            CommandBuilder::command(maxId + 1, Protocol::Method::Connect, CommandBuilder::connect(params));
        lines.prepend(QJsonDocument(connect).toJson(QJsonDocument::Compact));
    }
    return lines;
}

QString ShellCommandLine::build(Tool tool, const Input &input)
{
    const QList<QByteArray> lines = frames(input);
    QStringList headerArgs;
    for (const auto &h : input.headers)
        headerArgs << QStringLiteral("-H %1").arg(quote(QString::fromUtf8(h.first + ": " + h.second)));
    const QString url = quote(input.url.toString());
    if (tool == Tool::Wscat) {
        QStringList joined;
        for (const QByteArray &l : lines)
            joined << QString::fromUtf8(l);
        // -w keeps the connection open long enough to print the replies.
        QStringList parts{QStringLiteral("wscat")};
        parts << headerArgs << QStringLiteral("-c") << url << QStringLiteral("-w 5 -x")
              << quote(joined.join(QLatin1Char('\n')));
        return parts.join(QLatin1Char(' '));
    }
    QStringList quoted;
    for (const QByteArray &l : lines)
        quoted << quote(QString::fromUtf8(l));
    QStringList parts{QStringLiteral("websocat -n")};
    parts << headerArgs << url;
    return QStringLiteral("printf '%s\\n' %1 | %2").arg(quoted.join(QLatin1Char(' ')), parts.join(QLatin1Char(' ')));
}
