#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// What the server will do with a command or a whole frame, as the linter predicts it: accepted, an error reply
// with a code, a close with a code, or conditional on server settings the inspector cannot see.
//
// A conditional outcome is a decision list: the first case whose setting the server does NOT have decides
// ("unless the server has an RPC proxy, error 108"); when it has them all, `otherwise` applies. Settings are
// named in a small vocabulary documented in docs/cli.md ("rpc-proxy", "namespace:chat", "history:chat", ...).
struct LintOutcome
{
    Q_DECLARE_TR_FUNCTIONS(LintOutcome)

public:
    enum class Kind { Accepted, Error, Close, Conditional };

    struct Case
    {
        QString unless; // a server setting
        Kind kind = Kind::Accepted;
        int code = 0;
    };

    Kind kind = Kind::Accepted;
    int code = 0;                        // Error, Close
    QList<Case> cases;                   // Conditional
    Kind otherwiseKind = Kind::Accepted; // Conditional: when the server has every setting
    int otherwiseCode = 0;

    static LintOutcome accepted() { return {}; }
    static LintOutcome error(int code);
    static LintOutcome close(int code);
    static LintOutcome unless(const QString &setting, Kind kind, int code);

    bool isAccepted() const { return kind == Kind::Accepted; }
    // Error or Close: the command does not succeed whatever the server's settings.
    bool isDefiniteFailure() const { return kind == Kind::Error || kind == Kind::Close; }
    // Appends the cases of a later command: this one's "otherwise" must be Accepted.
    void chain(const LintOutcome &next);
    // The outcome for a server that has exactly the given settings.
    LintOutcome resolved(const QStringList &settings) const;

    bool operator==(const LintOutcome &other) const;
    bool operator!=(const LintOutcome &other) const { return !(*this == other); }

    // {"outcome":"accepted"} / {"outcome":"error","code":107} / {"outcome":"close","code":3501} /
    // {"outcome":"conditional","cases":[{"unless":"rpc-proxy","outcome":"error","code":108}],
    //  "otherwise":{"outcome":"accepted"}}
    QJsonObject toJson() const;
    // "The server accepts it.", "The server answers with error 107 (bad request).", "The server closes the
    // connection with 3501 (bad request).", "Unless the server has ..., ...; otherwise ...".
    QString sentence() const;

    static QLatin1String kindName(Kind kind);
    // Translated description of a setting ("an RPC proxy", "namespace \"chat\"").
    static QString settingText(const QString &setting);

private:
    static QString simpleSentence(Kind kind, int code);
};
