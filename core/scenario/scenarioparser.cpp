#include "scenarioparser.h"

#include "jsonscanner.h"
#include "protocol.h"
#include "proxyconnection.h"
#include "scenariomatcher.h"
#include "scenariovariables.h"
#include "scenarioyamlreader.h"
#include "serverapitemplates.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace {

const QStringList kActions = {QStringLiteral("open"), QStringLiteral("send"), QStringLiteral("expect"),
                              QStringLiteral("api"),  QStringLiteral("wait"), QStringLiteral("fault"),
                              QStringLiteral("close")};
// Faults the in-process proxy injects into a session opened with "proxy": true (ProxyConnection).
const QStringList kProxyFaults = {
    QStringLiteral("close"),      QStringLiteral("drop_upstream"), QStringLiteral("delay"), QStringLiteral("drop"),
    QStringLiteral("hold_pings"), QStringLiteral("hold_pongs"),    QStringLiteral("pass")};
const QStringList kBuiltins = {QStringLiteral("run_id"), QStringLiteral("iteration"), QStringLiteral("url"),
                               QStringLiteral("api_url")};

struct Located
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

int lineAt(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

int columnAt(const QByteArray &text, qsizetype offset)
{
    const qsizetype lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return int(QString::fromUtf8(text.mid(lineStart, offset - lineStart)).size()) + 1;
}

// Where each element of the top-level "steps" array begins and ends (the text is known to be valid JSON).
QList<Located> stepSpans(const QByteArray &text)
{
    QList<Located> spans;
    JsonScanner s(text, JsonScanner::Check::Structure);
    if (s.peek() != '{')
        return spans;
    s.members(0, [&](const JsonScanner::Span &key) {
        if (key.view() != QByteArrayView("steps") || *s.p != '[')
            return s.skipValue();
        return s.array(1, [&](const JsonScanner::Span &v) {
            spans.append({v.begin - text.constData(), v.end - text.constData()});
            return true;
        });
    });
    return spans;
}

using Where = ScenarioYamlReader::Position;

// Where the steps and keys of a file are, for the error messages.
class Locator
{
public:
    virtual ~Locator() = default;
    // Where step `index` begins.
    virtual Where step(int index) const = 0;
    // The first mention of `key` inside step `index` (-1: anywhere in the file), else where the step (or the
    // file) begins.
    virtual Where key(int index, const QString &key) const = 0;
};

class JsonLocator : public Locator
{
public:
    explicit JsonLocator(const QByteArray &text)
        : m_text(text)
    {
    }
    // Once the text is known to be valid JSON.
    void findSteps() { m_spans = stepSpans(m_text); }
    Where at(qsizetype offset) const { return {lineAt(m_text, offset), columnAt(m_text, offset)}; }
    Where step(int index) const override { return at(span(index).begin); }
    Where key(int index, const QString &key) const override
    {
        const Located s = span(index);
        const QByteArray needle = '"' + key.toUtf8() + '"';
        const qsizetype found = m_text.indexOf(needle, s.begin);
        return at(found >= 0 && found < s.end ? found : s.begin);
    }

private:
    Located span(int index) const { return index < 0 ? Located{0, m_text.size()} : m_spans.value(index); }

    const QByteArray &m_text;
    QList<Located> m_spans;
};

class YamlLocator : public Locator
{
public:
    explicit YamlLocator(const ScenarioYamlReader::Result &yaml)
        : m_yaml(yaml)
    {
    }
    Where step(int index) const override { return index < 0 ? Where{1, 1} : m_yaml.steps.value(index, Where{1, 1}); }
    Where key(int index, const QString &key) const override
    {
        for (const ScenarioYamlReader::Key &k : m_yaml.keys) {
            if ((index < 0 || k.step == index) && k.name == key)
                return k.at;
        }
        return step(index);
    }

private:
    const ScenarioYamlReader::Result &m_yaml;
};

class Checker
{
public:
    Checker(const Locator &locator, const QString &file, ScenarioError *error)
        : m_locator(locator)
        , m_file(file)
        , m_error(error)
    {
    }

    bool fail(Where where, const QString &message)
    {
        m_error->file = m_file;
        m_error->line = where.line;
        m_error->column = where.column;
        m_error->step = m_step ? m_step->index + 1 : 0;
        m_error->stepName = m_step ? m_step->name : QString();
        m_error->message = message;
        return false;
    }
    bool failAt(const QString &key, const QString &message)
    {
        return fail(m_locator.key(m_step ? m_step->index : -1, key), message);
    }

    bool parseTop(const QJsonObject &root, Scenario *scenario);
    bool parseStep(const QJsonValue &value, int index, ScenarioStep *step);

private:
    bool checkKeys(const QJsonObject &o, const QStringList &allowed);
    bool requireString(const QJsonObject &o, const QString &key, bool required);
    bool requireObject(const QJsonObject &o, const QString &key, bool required);
    bool requireTimeout(const QJsonObject &o, const QString &key);
    bool checkSession(const QString &session, const QString &key, bool mustBeOpen);
    bool checkPattern(const QJsonObject &o, const QString &key);
    bool checkCapture(const QJsonObject &o);
    bool checkVariables(const QJsonObject &o);
    bool parseOpen(const QJsonObject &o);
    bool parseSend(const QJsonObject &o);
    bool parseExpect(const QJsonObject &o);
    bool parseApi(const QJsonObject &o);
    bool parseWait(const QJsonObject &o);
    bool parseFault(const QJsonObject &o);
    bool parseProxyFault(const QJsonObject &o);
    bool requireCount(const QJsonObject &o, const QString &key, int minimum);

    const Locator &m_locator;
    QString m_file;
    ScenarioError *m_error;
    const ScenarioStep *m_step = nullptr;
    QSet<QString> m_defined;
    QSet<QString> m_opened;
    QSet<QString> m_proxied; // sessions whose last "open" went through the proxy
};

bool Checker::checkKeys(const QJsonObject &o, const QStringList &allowed)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!allowed.contains(it.key()))
            return failAt(it.key(), ScenarioParser::tr("unknown field \"%1\" (allowed here: %2)")
                                        .arg(it.key(), allowed.join(QLatin1String(", "))));
    }
    return true;
}

bool Checker::requireString(const QJsonObject &o, const QString &key, bool required)
{
    if (!o.contains(key)) {
        if (required)
            return failAt(QString(), ScenarioParser::tr("\"%1\" is required").arg(key));
        return true;
    }
    if (!o.value(key).isString() || o.value(key).toString().isEmpty())
        return failAt(key, ScenarioParser::tr("\"%1\" must be a non-empty string").arg(key));
    return true;
}

bool Checker::requireObject(const QJsonObject &o, const QString &key, bool required)
{
    if (!o.contains(key)) {
        if (required)
            return failAt(QString(), ScenarioParser::tr("\"%1\" is required").arg(key));
        return true;
    }
    if (!o.value(key).isObject())
        return failAt(key, ScenarioParser::tr("\"%1\" must be a JSON object").arg(key));
    return true;
}

bool Checker::requireTimeout(const QJsonObject &o, const QString &key)
{
    if (!o.contains(key))
        return true;
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(qint64(v.toDouble())))
        return failAt(key, ScenarioParser::tr("\"%1\" must be a whole number of milliseconds (0 or more)").arg(key));
    return true;
}

bool Checker::checkSession(const QString &session, const QString &key, bool mustBeOpen)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (!name.match(session).hasMatch())
        return failAt(key, ScenarioParser::tr("session name \"%1\" must be letters, digits, '_' or '-'").arg(session));
    if (mustBeOpen && !m_opened.contains(session))
        return failAt(key, ScenarioParser::tr("session \"%1\" is used before an \"open\" step opens it").arg(session));
    return true;
}

bool Checker::checkPattern(const QJsonObject &o, const QString &key)
{
    if (!o.contains(key))
        return true;
    const QString problem = ScenarioMatcher::checkPattern(o.value(key));
    if (!problem.isEmpty())
        return failAt(key, ScenarioParser::tr("bad pattern in \"%1\": %2").arg(key, problem));
    return true;
}

bool Checker::checkCapture(const QJsonObject &o)
{
    if (!o.contains(QLatin1String("capture")))
        return true;
    if (!requireObject(o, QStringLiteral("capture"), false))
        return false;
    const QJsonObject capture = o.value(QLatin1String("capture")).toObject();
    for (auto it = capture.begin(); it != capture.end(); ++it) {
        const QJsonValue v = it.value();
        const bool plain = v.isString() && !v.toString().isEmpty();
        const bool withDefault = v.isObject() && v.toObject().value(QLatin1String("path")).isString();
        if (!plain && !withDefault)
            return failAt(QStringLiteral("capture"),
                          ScenarioParser::tr("capture \"%1\" must be a path (\"subscribe.epoch\") or "
                                             "{\"path\": ..., \"default\": ...}")
                              .arg(it.key()));
    }
    return true;
}

// Names used with ${...} must be defined by then: by "variables", a built-in, an opened session or a capture.
bool Checker::checkVariables(const QJsonObject &o)
{
    for (const QString &name : ScenarioVariables::referencedNames(o)) {
        if (!m_defined.contains(name))
            return failAt(QString(), ScenarioParser::tr("unknown variable ${%1}: define it in \"variables\" or "
                                                        "capture it in an earlier step")
                                         .arg(name));
    }
    return true;
}

bool Checker::parseTop(const QJsonObject &root, Scenario *scenario)
{
    if (!checkKeys(root, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("defaults"),
                          QStringLiteral("variables"), QStringLiteral("steps"), QStringLiteral("$schema")}))
        return false;
    if (!requireString(root, QStringLiteral("name"), false) ||
        !requireObject(root, QStringLiteral("defaults"), false) ||
        !requireObject(root, QStringLiteral("variables"), false))
        return false;
    scenario->name = root.value(QLatin1String("name")).toString();
    scenario->description = root.value(QLatin1String("description")).toString();
    const QJsonObject d = root.value(QLatin1String("defaults")).toObject();
    if (!checkKeys(d, {QStringLiteral("url"), QStringLiteral("api_url"), QStringLiteral("api_key"),
                       QStringLiteral("hmac_secret"), QStringLiteral("timeout_ms")}) ||
        !requireTimeout(d, QStringLiteral("timeout_ms")))
        return false;
    for (const QString &key :
         {QStringLiteral("url"), QStringLiteral("api_url"), QStringLiteral("api_key"), QStringLiteral("hmac_secret")}) {
        if (!requireString(d, key, false))
            return false;
    }
    scenario->settings.url = d.value(QLatin1String("url")).toString();
    scenario->settings.apiUrl = d.value(QLatin1String("api_url")).toString();
    scenario->settings.apiKey = d.value(QLatin1String("api_key")).toString();
    scenario->settings.hmacSecret = d.value(QLatin1String("hmac_secret")).toString();
    scenario->settings.timeoutMs = d.value(QLatin1String("timeout_ms")).toInt(Scenario::kDefaultTimeoutMs);
    scenario->variables = root.value(QLatin1String("variables")).toObject();
    for (const QString &name : kBuiltins)
        m_defined.insert(name);
    for (auto it = scenario->variables.begin(); it != scenario->variables.end(); ++it) {
        // Variables are set in no particular order: their values may use the built-ins only.
        for (const QString &name : ScenarioVariables::referencedNames(it.value())) {
            if (!kBuiltins.contains(name))
                return failAt(it.key(), ScenarioParser::tr("variable \"%1\" uses ${%2}: variables may only use the "
                                                           "built-ins (%3)")
                                            .arg(it.key(), name, kBuiltins.join(QLatin1String(", "))));
        }
    }
    for (auto it = scenario->variables.begin(); it != scenario->variables.end(); ++it)
        m_defined.insert(it.key());
    if (!root.value(QLatin1String("steps")).isArray() || root.value(QLatin1String("steps")).toArray().isEmpty())
        return failAt(QStringLiteral("steps"), ScenarioParser::tr("\"steps\" must be a non-empty array of steps"));
    return true;
}

bool Checker::parseStep(const QJsonValue &value, int index, ScenarioStep *step)
{
    const Where begin = m_locator.step(index);
    step->index = index;
    step->line = begin.line;
    m_step = step;
    if (!value.isObject())
        return fail(begin, ScenarioParser::tr("a step must be a JSON object"));
    const QJsonObject o = value.toObject();
    step->spec = o;
    step->name = o.value(QLatin1String("name")).toString();
    QStringList actions;
    for (const QString &a : kActions) {
        if (o.contains(a))
            actions << a;
    }
    if (actions.size() != 1)
        return fail(begin, actions.isEmpty()
                               ? ScenarioParser::tr("unknown step: it needs one of %1 (it has: %2)")
                                     .arg(kActions.join(QLatin1String(", ")), o.keys().join(QLatin1String(", ")))
                               : ScenarioParser::tr("a step does one thing, this one has %1")
                                     .arg(actions.join(QLatin1String(" and "))));
    const QString action = actions.constFirst();
    step->kind = ScenarioStep::Kind(kActions.indexOf(action));
    const bool named = !step->name.isEmpty();
    if (!named)
        step->name = action;
    if (!requireString(o, QStringLiteral("name"), false) || !requireTimeout(o, QStringLiteral("timeout_ms")))
        return false;

    bool ok = false;
    switch (step->kind) {
    case ScenarioStep::Kind::Open:
        ok = parseOpen(o);
        break;
    case ScenarioStep::Kind::Send:
        ok = parseSend(o);
        break;
    case ScenarioStep::Kind::Expect:
        ok = parseExpect(o);
        break;
    case ScenarioStep::Kind::Api:
        ok = parseApi(o);
        break;
    case ScenarioStep::Kind::Wait:
        ok = parseWait(o);
        break;
    case ScenarioStep::Kind::Fault:
        ok = parseFault(o);
        break;
    case ScenarioStep::Kind::Close:
        ok = checkKeys(o, {QStringLiteral("close"), QStringLiteral("name"), QStringLiteral("timeout_ms")}) &&
             requireString(o, QStringLiteral("close"), true) &&
             checkSession(o.value(QLatin1String("close")).toString(), QStringLiteral("close"), true);
        step->session = o.value(QLatin1String("close")).toString();
        break;
    }
    if (!ok)
        return false;
    if (step->kind != ScenarioStep::Kind::Fault && step->kind != ScenarioStep::Kind::Api &&
        step->kind != ScenarioStep::Kind::Wait)
        step->session = o.value(action).toString();
    else if (o.value(QLatin1String("session")).isString())
        step->session = o.value(QLatin1String("session")).toString();
    if (!named) {
        QString what = action;
        if (step->kind == ScenarioStep::Kind::Send && o.contains(QLatin1String("method")))
            what += QLatin1Char(' ') + o.value(QLatin1String("method")).toString();
        else if (step->kind == ScenarioStep::Kind::Expect)
            for (const char *k : {"reply", "push", "closed"})
                if (o.contains(QLatin1String(k)))
                    what += QLatin1Char(' ') + QLatin1String(k);
        if (step->kind == ScenarioStep::Kind::Api || step->kind == ScenarioStep::Kind::Fault)
            what += QLatin1Char(' ') + o.value(action).toString();
        if (step->kind == ScenarioStep::Kind::Fault && o.value(QLatin1String("via")) == QLatin1String("proxy"))
            what += QLatin1String(" via proxy");
        step->name = step->session.isEmpty() ? what : ScenarioParser::tr("%1 (%2)").arg(what, step->session);
    }
    if (!checkVariables(o))
        return false;
    if (step->kind == ScenarioStep::Kind::Open) {
        m_opened.insert(step->session);
        if (o.value(QLatin1String("proxy")).toBool())
            m_proxied.insert(step->session);
        else
            m_proxied.remove(step->session);
        m_defined.insert(step->session + QLatin1String(".client"));
        m_defined.insert(step->session + QLatin1String(".user"));
    }
    const QJsonObject capture = o.value(QLatin1String("capture")).toObject();
    for (auto it = capture.begin(); it != capture.end(); ++it)
        m_defined.insert(it.key());
    return true;
}

bool Checker::parseOpen(const QJsonObject &o)
{
    if (!checkKeys(o, {QStringLiteral("open"), QStringLiteral("name"), QStringLiteral("timeout_ms"),
                       QStringLiteral("url"), QStringLiteral("token"), QStringLiteral("claims"),
                       QStringLiteral("refresh_claims"), QStringLiteral("format"), QStringLiteral("connect_data"),
                       QStringLiteral("expect_error"), QStringLiteral("capture"), QStringLiteral("proxy")}) ||
        !requireString(o, QStringLiteral("open"), true) ||
        !checkSession(o.value(QLatin1String("open")).toString(), QStringLiteral("open"), false) ||
        !requireString(o, QStringLiteral("url"), false) || !requireString(o, QStringLiteral("token"), false) ||
        !requireObject(o, QStringLiteral("claims"), false) ||
        !requireObject(o, QStringLiteral("refresh_claims"), false) ||
        !requireObject(o, QStringLiteral("expect_error"), false) || !checkPattern(o, QStringLiteral("expect_error")) ||
        !checkCapture(o))
        return false;
    if (o.contains(QLatin1String("proxy")) && !o.value(QLatin1String("proxy")).isBool())
        return failAt(QStringLiteral("proxy"), ScenarioParser::tr("\"proxy\" must be true or false"));
    if (o.contains(QLatin1String("token")) && o.contains(QLatin1String("claims")))
        return failAt(QStringLiteral("claims"), ScenarioParser::tr("give \"token\" or \"claims\", not both"));
    if (o.contains(QLatin1String("format"))) {
        const QString f = o.value(QLatin1String("format")).toString();
        if (f != QLatin1String("json") && f != QLatin1String("protobuf"))
            return failAt(QStringLiteral("format"), ScenarioParser::tr("\"format\" must be \"json\" or \"protobuf\""));
    }
    return true;
}

bool Checker::parseSend(const QJsonObject &o)
{
    if (!checkKeys(o, {QStringLiteral("send"), QStringLiteral("name"), QStringLiteral("timeout_ms"),
                       QStringLiteral("method"), QStringLiteral("params"), QStringLiteral("command"),
                       QStringLiteral("raw")}) ||
        !requireString(o, QStringLiteral("send"), true) ||
        !checkSession(o.value(QLatin1String("send")).toString(), QStringLiteral("send"), true) ||
        !requireObject(o, QStringLiteral("params"), false) || !requireObject(o, QStringLiteral("command"), false) ||
        !requireString(o, QStringLiteral("raw"), false))
        return false;
    const int ways = int(o.contains(QLatin1String("method"))) + int(o.contains(QLatin1String("command"))) +
                     int(o.contains(QLatin1String("raw")));
    if (ways != 1)
        return failAt(QString(), ScenarioParser::tr("a send step needs exactly one of \"method\" (with \"params\"), "
                                                    "\"command\" or \"raw\""));
    if (o.contains(QLatin1String("method"))) {
        const QString m = o.value(QLatin1String("method")).toString();
        if (Protocol::methodFromName(m) == Protocol::Method::None || m == QLatin1String("connect")) {
            QStringList names;
            for (Protocol::Method method : Protocol::allMethods())
                if (method != Protocol::Method::Connect)
                    names << Protocol::methodName(method);
            return failAt(QStringLiteral("method"), ScenarioParser::tr("unknown method \"%1\" (one of: %2; connect is "
                                                                       "sent by \"open\")")
                                                        .arg(m, names.join(QLatin1String(", "))));
        }
    }
    return true;
}

bool Checker::parseExpect(const QJsonObject &o)
{
    if (!checkKeys(o, {QStringLiteral("expect"), QStringLiteral("name"), QStringLiteral("timeout_ms"),
                       QStringLiteral("reply"), QStringLiteral("push"), QStringLiteral("closed"),
                       QStringLiteral("capture"), QStringLiteral("absent")}) ||
        !requireString(o, QStringLiteral("expect"), true) ||
        !checkSession(o.value(QLatin1String("expect")).toString(), QStringLiteral("expect"), true) || !checkCapture(o))
        return false;
    const int kinds = int(o.contains(QLatin1String("reply"))) + int(o.contains(QLatin1String("push"))) +
                      int(o.contains(QLatin1String("closed")));
    if (kinds != 1)
        return failAt(QStringLiteral("expect"),
                      ScenarioParser::tr("an expect step needs exactly one of \"reply\", \"push\" or \"closed\""));
    for (const QString &key : {QStringLiteral("reply"), QStringLiteral("push"), QStringLiteral("closed")}) {
        if (!requireObject(o, key, false) || !checkPattern(o, key))
            return false;
    }
    if (o.contains(QLatin1String("absent")) && !o.value(QLatin1String("absent")).isBool())
        return failAt(QStringLiteral("absent"), ScenarioParser::tr("\"absent\" must be true or false"));
    return true;
}

bool Checker::parseApi(const QJsonObject &o)
{
    if (!checkKeys(o,
                   {QStringLiteral("api"), QStringLiteral("name"), QStringLiteral("timeout_ms"), QStringLiteral("body"),
                    QStringLiteral("result"), QStringLiteral("error"), QStringLiteral("capture")}) ||
        !requireString(o, QStringLiteral("api"), true) || !requireObject(o, QStringLiteral("body"), false) ||
        !requireObject(o, QStringLiteral("result"), false) || !requireObject(o, QStringLiteral("error"), false) ||
        !checkPattern(o, QStringLiteral("result")) || !checkPattern(o, QStringLiteral("error")) || !checkCapture(o))
        return false;
    const QString method = o.value(QLatin1String("api")).toString();
    if (!ServerApiTemplates::methods().contains(method))
        return failAt(QStringLiteral("api"), ScenarioParser::tr("unknown server API method \"%1\" (one of: %2)")
                                                 .arg(method, ServerApiTemplates::methods().join(QLatin1String(", "))));
    if (o.contains(QLatin1String("result")) && o.contains(QLatin1String("error")))
        return failAt(QStringLiteral("error"), ScenarioParser::tr("give \"result\" or \"error\", not both"));
    return true;
}

bool Checker::parseWait(const QJsonObject &o)
{
    if (!checkKeys(o, {QStringLiteral("wait"), QStringLiteral("name"), QStringLiteral("timeout_ms"),
                       QStringLiteral("session")}))
        return false;
    const QJsonValue w = o.value(QLatin1String("wait"));
    if (w.isDouble()) {
        if (w.toDouble() < 0)
            return failAt(QStringLiteral("wait"), ScenarioParser::tr("\"wait\" must not be negative"));
        return true;
    }
    const QString event = w.toString();
    if (event != QLatin1String("connected") && event != QLatin1String("closed"))
        return failAt(QStringLiteral("wait"),
                      ScenarioParser::tr("\"wait\" is a number of milliseconds, \"connected\" or \"closed\""));
    return requireString(o, QStringLiteral("session"), true) &&
           checkSession(o.value(QLatin1String("session")).toString(), QStringLiteral("session"), true);
}

bool Checker::requireCount(const QJsonObject &o, const QString &key, int minimum)
{
    const QJsonValue v = o.value(key);
    if (!o.contains(key))
        return failAt(QString(), ScenarioParser::tr("\"%1\" is required").arg(key));
    if (!v.isDouble() || v.toDouble() < minimum || v.toDouble() != double(qint64(v.toDouble())))
        return failAt(key, ScenarioParser::tr("\"%1\" must be a whole number, %2 or more").arg(key).arg(minimum));
    return true;
}

bool Checker::parseFault(const QJsonObject &o)
{
    const QJsonValue via = o.value(QLatin1String("via"));
    if (o.contains(QLatin1String("via")) && via != QLatin1String("proxy") && via != QLatin1String("api"))
        return failAt(QStringLiteral("via"), ScenarioParser::tr("\"via\" must be \"proxy\" or \"api\""));
    if (via == QLatin1String("proxy"))
        return parseProxyFault(o);
    if (!checkKeys(o, {QStringLiteral("fault"), QStringLiteral("name"), QStringLiteral("timeout_ms"),
                       QStringLiteral("session"), QStringLiteral("code"), QStringLiteral("reason"),
                       QStringLiteral("via")}) ||
        !requireString(o, QStringLiteral("session"), true) ||
        !checkSession(o.value(QLatin1String("session")).toString(), QStringLiteral("session"), true) ||
        !requireString(o, QStringLiteral("reason"), false))
        return false;
    const QString fault = o.value(QLatin1String("fault")).toString();
    if (fault != QLatin1String("server_disconnect") && fault != QLatin1String("close") &&
        fault != QLatin1String("reconnect"))
        return failAt(QStringLiteral("fault"),
                      ScenarioParser::tr("unknown fault \"%1\" (one of: server_disconnect, close, reconnect; with "
                                         "\"via\": \"proxy\": %2)")
                          .arg(fault, kProxyFaults.join(QLatin1String(", "))));
    if (o.contains(QLatin1String("code"))) {
        const int code = o.value(QLatin1String("code")).toInt(-1);
        if (code < 3000 || code > 4999)
            return failAt(QStringLiteral("code"),
                          ScenarioParser::tr("\"code\" must be a close code from 3000 to 4999"));
    }
    return true;
}

bool Checker::parseProxyFault(const QJsonObject &o)
{
    const QString fault = o.value(QLatin1String("fault")).toString();
    if (!kProxyFaults.contains(fault))
        return failAt(QStringLiteral("fault"), ScenarioParser::tr("unknown proxy fault \"%1\" (one of: %2)")
                                                   .arg(fault, kProxyFaults.join(QLatin1String(", "))));
    QStringList allowed = {QStringLiteral("fault"), QStringLiteral("via"), QStringLiteral("name"),
                           QStringLiteral("timeout_ms"), QStringLiteral("session")};
    if (fault == QLatin1String("close"))
        allowed << QStringLiteral("code") << QStringLiteral("reason");
    else if (fault == QLatin1String("delay"))
        allowed << QStringLiteral("ms");
    else if (fault == QLatin1String("drop"))
        allowed << QStringLiteral("channel") << QStringLiteral("count");
    if (!checkKeys(o, allowed) || !requireString(o, QStringLiteral("session"), true))
        return false;
    const QString session = o.value(QLatin1String("session")).toString();
    if (!checkSession(session, QStringLiteral("session"), true))
        return false;
    if (!m_proxied.contains(session))
        return failAt(QStringLiteral("session"), ScenarioParser::tr("session \"%1\" is not opened through the proxy: "
                                                                    "add \"proxy\": true to its \"open\" step")
                                                     .arg(session));
    if (fault == QLatin1String("close")) {
        if (!requireCount(o, QStringLiteral("code"), 1000) || !requireString(o, QStringLiteral("reason"), false))
            return false;
        if (!ProxyConnection::isSendableCloseCode(o.value(QLatin1String("code")).toInt()))
            return failAt(QStringLiteral("code"), ScenarioParser::tr("\"code\" must be a code a close frame may carry "
                                                                     "(1000-1003, 1007-1011 or 3000-4999)"));
    }
    if (fault == QLatin1String("delay"))
        return requireCount(o, QStringLiteral("ms"), 0);
    if (fault == QLatin1String("drop"))
        return requireString(o, QStringLiteral("channel"), true) && requireCount(o, QStringLiteral("count"), 1);
    return true;
}

} // namespace

QString ScenarioError::toString() const
{
    QString where = file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    if (line > 0 && column > 0)
        where += QLatin1Char(':') + QString::number(column);
    if (step > 0 && !stepName.isEmpty())
        return ScenarioParser::tr("%1: step %2 (%3): %4").arg(where, QString::number(step), stepName, message);
    if (step > 0)
        return ScenarioParser::tr("%1: step %2: %3").arg(where, QString::number(step), message);
    return QStringLiteral("%1: %2").arg(where, message);
}

bool ScenarioParser::load(const QString &path, Scenario *scenario, ScenarioError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = ScenarioError{path, 0, 0, 0, {}, tr("cannot read the file: %1").arg(file.errorString())};
        return false;
    }
    return parse(file.readAll(), path, scenario, error);
}

bool ScenarioParser::parse(const QByteArray &text, const QString &fileName, Scenario *scenario, ScenarioError *error)
{
    *scenario = Scenario();
    scenario->filePath = fileName;
    const bool yaml = isYaml(fileName);
    QJsonValue root;
    ScenarioYamlReader::Result yamlResult;
    JsonLocator jsonLocator(text);
    const YamlLocator yamlLocator(yamlResult);
    const Locator &locator = yaml ? static_cast<const Locator &>(yamlLocator) : jsonLocator;
    Checker checker(locator, fileName, error);
    if (yaml) {
        QString problem;
        Where at;
        if (!ScenarioYamlReader::read(text, &yamlResult, &problem, &at))
            return checker.fail(at, problem);
        root = yamlResult.value;
        if (!root.isObject())
            return checker.fail(Where{1, 1}, tr("a scenario is a YAML mapping with \"steps\""));
    } else {
        QJsonParseError jsonError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &jsonError);
        if (jsonError.error != QJsonParseError::NoError)
            return checker.fail(jsonLocator.at(jsonError.offset),
                                tr("JSON syntax error: %1").arg(jsonError.errorString()));
        if (!doc.isObject())
            return checker.fail(jsonLocator.at(0), tr("a scenario is a JSON object with \"steps\""));
        root = doc.object();
        jsonLocator.findSteps();
    }
    if (!checker.parseTop(root.toObject(), scenario))
        return false;
    const QJsonArray steps = root.toObject().value(QLatin1String("steps")).toArray();
    for (int i = 0; i < steps.size(); ++i) {
        ScenarioStep step;
        if (!checker.parseStep(steps.at(i), i, &step))
            return false;
        scenario->steps.append(step);
    }
    if (scenario->name.isEmpty())
        scenario->name = fileName.section(QLatin1Char('/'), -1);
    return true;
}

bool ScenarioParser::isYaml(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive) ||
           fileName.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive);
}
