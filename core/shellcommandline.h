#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// A sent command as a shell command line that replays it with a generic WebSocket client, for bug reports and
// quick checks outside the Inspector ("Copy as wscat / websocat"). Centrifugo answers nothing before connect, so a
// connect command (with the token, if any) goes first unless the commands start with one. Only the JSON protocol:
// the commands are JSON text.
class ShellCommandLine
{
public:
    enum class Tool {
        Wscat,    // wscat -c URL -x FRAME: one frame; Centrifugo reads one command per line of it
        Websocat, // printf lines | websocat -n URL: one frame per line, the connection stays open for the replies
    };

    struct Input
    {
        QUrl url;
        QString token; // for the connect put first; empty = none
        QList<QPair<QByteArray, QByteArray>> headers;
        QList<QByteArray> commands; // JSON text of each command, in order
    };

    static QString build(Tool tool, const Input &input);
    // POSIX shell single quotes ('it'\''s'); $'...' with \n escapes when the text has line breaks.
    static QString quote(const QString &text);
    // The commands as sent: a connect first when needed, each compacted to one line.
    static QList<QByteArray> frames(const Input &input);
};
