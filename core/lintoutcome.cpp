#include "lintoutcome.h"

#include "explainer.h"

#include <QJsonArray>

namespace {

QJsonObject simpleJson(LintOutcome::Kind kind, int code)
{
    QJsonObject o{{QStringLiteral("outcome"), LintOutcome::kindName(kind)}};
    if (kind == LintOutcome::Kind::Error || kind == LintOutcome::Kind::Close)
        o.insert(QStringLiteral("code"), code);
    return o;
}

} // namespace

LintOutcome LintOutcome::error(int code)
{
    LintOutcome o;
    o.kind = Kind::Error;
    o.code = code;
    return o;
}

LintOutcome LintOutcome::close(int code)
{
    LintOutcome o;
    o.kind = Kind::Close;
    o.code = code;
    return o;
}

LintOutcome LintOutcome::unless(const QString &setting, Kind kind, int code)
{
    LintOutcome o;
    o.kind = Kind::Conditional;
    o.cases.append({setting, kind, code});
    return o;
}

void LintOutcome::chain(const LintOutcome &next)
{
    if (kind == Kind::Accepted) {
        *this = next;
        return;
    }
    if (kind != Kind::Conditional || otherwiseKind != Kind::Accepted)
        return; // this one already fails: later commands do not decide
    if (next.kind == Kind::Conditional) {
        cases.append(next.cases);
        otherwiseKind = next.otherwiseKind;
        otherwiseCode = next.otherwiseCode;
    } else {
        otherwiseKind = next.kind;
        otherwiseCode = next.code;
    }
}

LintOutcome LintOutcome::resolved(const QStringList &settings) const
{
    if (kind != Kind::Conditional)
        return *this;
    for (const Case &c : cases) {
        if (!settings.contains(c.unless)) {
            LintOutcome o;
            o.kind = c.kind;
            o.code = c.code;
            return o;
        }
    }
    LintOutcome o;
    o.kind = otherwiseKind;
    o.code = otherwiseCode;
    return o;
}

bool LintOutcome::operator==(const LintOutcome &other) const
{
    if (kind != other.kind)
        return false;
    if (kind == Kind::Error || kind == Kind::Close)
        return code == other.code;
    if (kind != Kind::Conditional)
        return true;
    if (cases.size() != other.cases.size() || otherwiseKind != other.otherwiseKind ||
        otherwiseCode != other.otherwiseCode)
        return false;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &a = cases.at(i);
        const Case &b = other.cases.at(i);
        if (a.unless != b.unless || a.kind != b.kind || a.code != b.code)
            return false;
    }
    return true;
}

QLatin1String LintOutcome::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Accepted:
        break;
    case Kind::Error:
        return QLatin1String("error");
    case Kind::Close:
        return QLatin1String("close");
    case Kind::Conditional:
        return QLatin1String("conditional");
    }
    return QLatin1String("accepted");
}

QJsonObject LintOutcome::toJson() const
{
    if (kind != Kind::Conditional)
        return simpleJson(kind, code);
    QJsonArray list;
    for (const Case &c : cases) {
        QJsonObject o = simpleJson(c.kind, c.code);
        o.insert(QStringLiteral("unless"), c.unless);
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("outcome"), kindName(kind)},
                       {QStringLiteral("cases"), list},
                       {QStringLiteral("otherwise"), simpleJson(otherwiseKind, otherwiseCode)}};
}

QString LintOutcome::simpleSentence(Kind kind, int code)
{
    switch (kind) {
    case Kind::Error: {
        const QString name = Explainer::error(code).name;
        return name.isEmpty() ? tr("the server answers with error %1").arg(code)
                              : tr("the server answers with error %1 (%2)").arg(code).arg(name);
    }
    case Kind::Close: {
        if (code == 1006)
            return tr("the connection drops without a close frame (1006)");
        if (code == 1009)
            return tr("the server closes the connection with 1009 (message too big)");
        const QString name = Explainer::disconnect(code).name;
        return name.isEmpty() ? tr("the server closes the connection with %1").arg(code)
                              : tr("the server closes the connection with %1 (%2)").arg(code).arg(name);
    }
    case Kind::Accepted:
    case Kind::Conditional:
        break;
    }
    return tr("the server accepts it");
}

QString LintOutcome::settingText(const QString &setting)
{
    const QString name = setting.section(QLatin1Char(':'), 0, 0);
    const QString arg = setting.section(QLatin1Char(':'), 1);
    const QString ns = arg.isEmpty() ? tr("channels without a namespace") : tr("namespace \"%1\"").arg(arg);
    if (name == QLatin1String("rpc-proxy"))
        return tr("the server has an RPC proxy");
    if (name == QLatin1String("anonymous-connect"))
        return tr("the server allows connections without a token");
    if (name == QLatin1String("token-signature"))
        return tr("the token is signed with the server's key");
    if (name == QLatin1String("namespace"))
        return tr("the server has namespace \"%1\"").arg(arg);
    if (name == QLatin1String("subscribe"))
        return tr("clients may subscribe in %1").arg(ns);
    if (name == QLatin1String("publish"))
        return tr("clients may publish in %1").arg(ns);
    if (name == QLatin1String("presence-enabled"))
        return tr("presence is enabled in %1").arg(ns);
    if (name == QLatin1String("presence"))
        return tr("clients may ask for presence in %1").arg(ns);
    if (name == QLatin1String("history-enabled"))
        return tr("history is enabled in %1").arg(ns);
    if (name == QLatin1String("history"))
        return tr("clients may read history in %1").arg(ns);
    if (name == QLatin1String("stream-epoch"))
        return tr("\"%1\" is the channel's current epoch").arg(setting.section(QLatin1Char('='), 1));
    return setting;
}

QString LintOutcome::sentence() const
{
    QString s;
    if (kind != Kind::Conditional) {
        s = simpleSentence(kind, code);
    } else {
        QStringList parts;
        for (const Case &c : cases)
            parts.append(tr("unless %1, %2").arg(settingText(c.unless), simpleSentence(c.kind, c.code)));
        parts.append(tr("otherwise %1").arg(simpleSentence(otherwiseKind, otherwiseCode)));
        s = parts.join(tr("; ", "between the cases of a conditional outcome"));
    }
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return tr("%1.", "a sentence and its full stop").arg(s);
}
