#include "scenariorunner.h"

#include "closeinfo.h"
#include "commandbuilder.h"
#include "jwt.h"
#include "proxyserver.h"
#include "scenariomatcher.h"
#include "serverapiclient.h"
#include "serverapitemplates.h"
#include "session.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcScenario, "inspector.scenario", QtInfoMsg)

namespace {

constexpr qsizetype kMaxInbox = 5000; // unconsumed messages kept per session (a flood must not grow memory)
const QString kDefaultUrl = QStringLiteral("ws://127.0.0.1:8000/connection/websocket");
const QString kDefaultApiUrl = QStringLiteral("http://127.0.0.1:8000");

QString inboundName(int type)
{
    switch (type) {
    case 0:
        return QCoreApplication::translate("ScenarioRunner", "reply");
    case 1:
        return QCoreApplication::translate("ScenarioRunner", "push");
    default:
        return QCoreApplication::translate("ScenarioRunner", "close");
    }
}

const char *patternKey(int type)
{
    return type == 0 ? "reply" : type == 1 ? "push" : "closed";
}

// Claims may give times relative to now: "+60" (in a minute) or "-10" (ten seconds ago).
QJsonObject resolveTimes(QJsonObject claims)
{
    static const QRegularExpression relative(QStringLiteral("^[+-][0-9]+$"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const char *key : {"exp", "iat", "nbf", "expire_at"}) {
        const QJsonValue v = claims.value(QLatin1String(key));
        if (v.isString() && relative.match(v.toString()).hasMatch())
            claims.insert(QLatin1String(key), now + v.toString().toLongLong());
    }
    return claims;
}

} // namespace

struct ScenarioRunner::Peer
{
    QString name;
    Session *session = nullptr; // child of the runner
    QJsonObject openSpec;
    QString user;
    QList<Inbound> inbox;
    quint32 lastSentId = 0;
    bool connectFailed = false;
    int failCode = 0;
    QString failMessage;
    QString lastOut;
    bool wasOpen = false;         // the WebSocket handshake succeeded since the last open()
    ProxyServer *proxy = nullptr; // child of the runner, while the session is opened with "proxy": true
};

ScenarioRunner::ScenarioRunner(QObject *parent)
    : QObject(parent)
    , m_api(new ServerApiClient(this))
{
    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer); // a step's time limit is reported in ms
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_onTimeout)
            m_onTimeout();
    });
    connect(m_api, &ServerApiClient::finished, this, [this](quint64 id, const ServerApiReply &reply) {
        if (id == m_apiCall && m_onApiReply)
            m_onApiReply(reply);
    });
}

ScenarioRunner::~ScenarioRunner()
{
    for (auto &entry : m_peers) {
        entry.second->session->disconnect(this);
        if (entry.second->proxy)
            entry.second->proxy->disconnect(this);
    }
}

bool ScenarioRunner::passed() const
{
    if (m_results.size() != m_scenario.steps.size())
        return false;
    for (const ScenarioStepResult &r : m_results) {
        if (r.status != ScenarioStepResult::Status::Passed)
            return false;
    }
    return true;
}

Session *ScenarioRunner::session(const QString &name) const
{
    Peer *p = peer(name);
    return p ? p->session : nullptr;
}

ProxyConnection *ScenarioRunner::proxyConnection(const QString &name) const
{
    Peer *p = peer(name);
    if (!p || !p->proxy || p->proxy->connections().isEmpty())
        return nullptr;
    // The session holds one connection at a time: the proxy's newest one is it.
    ProxyConnection *c = p->proxy->connections().constLast();
    return c && c->state() != ProxyConnection::State::Closed ? c : nullptr;
}

ScenarioRunner::Peer *ScenarioRunner::peer(const QString &name) const
{
    const auto it = m_peers.find(name);
    return it == m_peers.end() ? nullptr : it->second.get();
}

void ScenarioRunner::start(const Scenario &scenario)
{
    if (m_running)
        stop();
    for (auto &entry : m_peers) {
        entry.second->session->disconnect(this);
        entry.second->session->close();
        entry.second->session->deleteLater();
        stopProxy(entry.second.get());
    }
    m_peers.clear();
    m_scenario = scenario;
    m_results.clear();
    m_vars = ScenarioVariables();
    m_vars.set(QStringLiteral("run_id"), QString::number(QRandomGenerator::global()->generate(), 16));
    m_vars.set(QStringLiteral("iteration"), m_iteration);
    m_vars.set(QStringLiteral("url"), scenario.settings.url.isEmpty() ? kDefaultUrl : scenario.settings.url);
    m_vars.set(QStringLiteral("api_url"),
               scenario.settings.apiUrl.isEmpty() ? kDefaultApiUrl : scenario.settings.apiUrl);
    // After the built-ins: a variable's value may use them (the parser allows nothing else).
    QStringList unknown;
    for (auto it = scenario.variables.begin(); it != scenario.variables.end(); ++it)
        m_vars.set(it.key(), m_vars.substitute(it.value(), &unknown));
    m_api->setBaseUrl(m_vars.value(QStringLiteral("api_url")).toString());
    m_api->setApiKey(scenario.settings.apiKey);
    m_current = -1;
    m_running = true;
    m_clock.start();
    m_waitingForNext = m_stepByStep;
    if (!m_stepByStep)
        QTimer::singleShot(0, this, &ScenarioRunner::runNext);
}

void ScenarioRunner::next()
{
    if (!m_running || !m_waitingForNext)
        return;
    m_waitingForNext = false;
    runNext();
}

void ScenarioRunner::stop()
{
    if (!m_running)
        return;
    if (m_inStep)
        fail(tr("stopped before the step was done"));
    else
        finishRun();
}

void ScenarioRunner::runNext()
{
    if (!m_running || m_inStep)
        return;
    ++m_current;
    if (m_current >= m_scenario.steps.size()) {
        finishRun();
        return;
    }
    const ScenarioStep &step = m_scenario.steps.at(m_current);
    m_inStep = true;
    m_stepClock.start();
    emit stepStarted(m_current, step.name);
    qCInfo(lcScenario).noquote() << "step" << m_current + 1 << step.name;
    QStringList unknown;
    const QJsonObject spec = m_vars.substitute(step.spec, &unknown).toObject();
    if (!unknown.isEmpty()) {
        fail(tr("unknown variable(s): %1").arg(unknown.join(QLatin1String(", "))));
        return;
    }
    runStep(step, spec);
}

void ScenarioRunner::runStep(const ScenarioStep &step, const QJsonObject &spec)
{
    Peer *p = peer(step.session);
    if (step.kind != ScenarioStep::Kind::Open && step.kind != ScenarioStep::Kind::Api &&
        step.kind != ScenarioStep::Kind::Wait && !p) {
        fail(tr("session \"%1\" is not open").arg(step.session));
        return;
    }
    switch (step.kind) {
    case ScenarioStep::Kind::Open:
        openSession(p ? p : addPeer(step.session), spec);
        break;
    case ScenarioStep::Kind::Send:
        sendCommand(p, spec);
        break;
    case ScenarioStep::Kind::Expect:
        expectMessage(p, spec);
        break;
    case ScenarioStep::Kind::Api:
        callApi(spec.value(QLatin1String("api")).toString(), spec.value(QLatin1String("body")).toObject(), spec);
        break;
    case ScenarioStep::Kind::Wait:
        if (spec.value(QLatin1String("wait")).isDouble()) {
            const int ms = spec.value(QLatin1String("wait")).toInt();
            wait(ms, [this, ms] { pass(tr("waited %1 ms").arg(ms)); });
        } else if (!p) {
            fail(tr("session \"%1\" is not open").arg(step.session));
        } else {
            waitForEvent(p, spec.value(QLatin1String("wait")).toString(), spec);
        }
        break;
    case ScenarioStep::Kind::Fault:
        fault(p, spec.value(QLatin1String("fault")).toString(), spec);
        break;
    case ScenarioStep::Kind::Close:
        closeSession(p, spec);
        break;
    }
}

int ScenarioRunner::stepTimeout(const QJsonObject &spec) const
{
    const int fallback =
        m_scenario.settings.timeoutMs > 0 ? m_scenario.settings.timeoutMs : Scenario::kDefaultTimeoutMs;
    return spec.value(QLatin1String("timeout_ms")).toInt(fallback);
}

void ScenarioRunner::wait(int timeoutMs, std::function<void()> onTimeout)
{
    m_onTimeout = std::move(onTimeout);
    m_timeout.start(timeoutMs);
}

void ScenarioRunner::poll()
{
    if (m_inStep && m_poll) {
        // A copy: the check may end the step, which clears m_poll.
        const std::function<void()> check = m_poll;
        check();
    }
}

void ScenarioRunner::pass(const QString &reason, const QStringList &frames)
{
    endStep(ScenarioStepResult::Status::Passed, reason, frames);
}

void ScenarioRunner::fail(const QString &reason, const QStringList &frames)
{
    endStep(ScenarioStepResult::Status::Failed, reason, frames);
}

void ScenarioRunner::endStep(ScenarioStepResult::Status status, const QString &reason, const QStringList &frames)
{
    if (!m_inStep)
        return;
    m_inStep = false;
    m_poll = nullptr;
    m_onTimeout = nullptr;
    m_onApiReply = nullptr;
    m_timeout.stop();
    ScenarioStepResult r;
    r.index = m_current;
    r.name = m_scenario.steps.at(m_current).name;
    r.status = status;
    r.reason = reason;
    r.frames = frames;
    r.unreachable = m_unreachable;
    m_unreachable = false;
    r.elapsedMs = m_stepClock.elapsed();
    m_results.append(r);
    const bool failed = status == ScenarioStepResult::Status::Failed;
    // Set before the signal, so that a view updating on it sees the runner waiting.
    m_waitingForNext = !failed && m_stepByStep && m_current + 1 < m_scenario.steps.size();
    emit stepFinished(r);
    if (failed) {
        for (int i = m_current + 1; i < m_scenario.steps.size(); ++i) {
            ScenarioStepResult skipped;
            skipped.index = i;
            skipped.name = m_scenario.steps.at(i).name;
            skipped.reason = tr("skipped: step %1 failed").arg(m_current + 1);
            m_results.append(skipped);
            emit stepFinished(skipped);
        }
        m_current = int(m_scenario.steps.size());
    }
    // Queued: the step may have ended inside a session's signal.
    if (!m_waitingForNext)
        QTimer::singleShot(0, this, &ScenarioRunner::runNext);
}

void ScenarioRunner::finishRun()
{
    if (!m_running)
        return;
    m_running = false;
    m_waitingForNext = false;
    for (auto &entry : m_peers) {
        if (entry.second->session->state() != Session::State::Disconnected)
            entry.second->session->close();
        stopProxy(entry.second.get());
    }
    for (int i = int(m_results.size()); i < m_scenario.steps.size(); ++i) {
        ScenarioStepResult skipped;
        skipped.index = i;
        skipped.name = m_scenario.steps.at(i).name;
        skipped.reason = tr("skipped: the run was stopped");
        m_results.append(skipped);
        emit stepFinished(skipped);
    }
    emit finished(passed());
}

bool ScenarioRunner::capture(const QJsonObject &spec, const QJsonValue &root, QString *error)
{
    const QJsonObject c = spec.value(QLatin1String("capture")).toObject();
    for (auto it = c.begin(); it != c.end(); ++it) {
        const bool withDefault = it.value().isObject();
        const QString path =
            withDefault ? it.value().toObject().value(QLatin1String("path")).toString() : it.value().toString();
        bool found = false;
        const QJsonValue v = ScenarioMatcher::valueAt(root, path, &found);
        if (found) {
            m_vars.set(it.key(), v);
        } else if (withDefault && it.value().toObject().contains(QLatin1String("default"))) {
            m_vars.set(it.key(), it.value().toObject().value(QLatin1String("default")));
        } else {
            *error = tr("capture %1: nothing at %2 in %3").arg(it.key(), path, ScenarioMatcher::text(root));
            return false;
        }
    }
    return true;
}

QString ScenarioRunner::frameLine(const QString &session, const char *arrow, const QJsonObject &json)
{
    return QStringLiteral("%1 %2 %3").arg(session, QLatin1String(arrow), ScenarioMatcher::text(json));
}

ScenarioRunner::Peer *ScenarioRunner::addPeer(const QString &name)
{
    auto owned = std::make_unique<Peer>();
    Peer *p = owned.get();
    p->name = name;
    p->session = new Session(this);
    m_peers[name] = std::move(owned);
    Session *s = p->session;
    connect(s, &Session::frame, this, [this, p](const Frame &f) { onFrame(p, f); });
    connect(s, &Session::connected, this, [this, p](const QString &clientId) {
        m_vars.set(p->name + QLatin1String(".client"), clientId);
        poll();
    });
    connect(s, &Session::connectFailed, this, [this, p](int code, const QString &message) {
        p->connectFailed = true;
        p->failCode = code;
        p->failMessage = message;
        poll();
    });
    connect(s, &Session::closed, this, [this, p](int code, const QString &reason) {
        Inbound close;
        close.type = Inbound::Type::Close;
        close.json =
            QJsonObject{{QStringLiteral("code"), code},
                        {QStringLiteral("reason"), reason},
                        {QStringLiteral("by"), QLatin1String(CloseInfo::sideName(p->session->lastClose().side))}};
        p->inbox.append(close);
        poll();
    });
    connect(s, &Session::stateChanged, this, [this, p](Session::State state) {
        if (state == Session::State::Open || state == Session::State::Connected)
            p->wasOpen = true;
        poll();
    });
    return p;
}

void ScenarioRunner::onFrame(Peer *p, const Frame &f)
{
    emit frameSeen(p->name, f);
    if (f.direction == Protocol::Direction::Out) {
        if (!f.messages.isEmpty())
            p->lastOut = frameLine(p->name, ">", f.messages.constFirst().json());
        return;
    }
    if (f.close || f.rejected)
        return;
    for (const ProtocolMessage &m : f.messages) {
        Inbound in;
        if (m.kind == Protocol::MessageKind::Reply || m.kind == Protocol::MessageKind::Error)
            in.type = Inbound::Type::Reply;
        else if (m.kind == Protocol::MessageKind::Push)
            in.type = Inbound::Type::Push;
        else
            continue;
        in.id = m.id;
        in.json = m.json();
        p->inbox.append(in);
    }
    if (p->inbox.size() > kMaxInbox)
        p->inbox.remove(0, p->inbox.size() - kMaxInbox);
    poll();
}

QString ScenarioRunner::signToken(const QJsonObject &claims, QString *error) const
{
    if (m_scenario.settings.hmacSecret.isEmpty()) {
        *error = tr("\"claims\" need an HMAC secret to sign the token: set defaults.hmac_secret or --hmac-secret");
        return {};
    }
    return Jwt::sign(QJsonDocument(resolveTimes(claims)).toJson(QJsonDocument::Compact),
                     m_scenario.settings.hmacSecret.toUtf8(), Jwt::Algorithm::HS256);
}

void ScenarioRunner::openSession(Peer *p, const QJsonObject &spec)
{
    p->openSpec = spec;
    SessionOptions options;
    const QString url = spec.value(QLatin1String("url")).toString(m_vars.value(QStringLiteral("url")).toString());
    options.url = QUrl(url);
    if (!options.url.isValid() ||
        (options.url.scheme() != QLatin1String("ws") && options.url.scheme() != QLatin1String("wss"))) {
        fail(tr("\"%1\" is not a ws:// or wss:// URL").arg(url));
        return;
    }
    options.format = spec.value(QLatin1String("format")).toString() == QLatin1String("protobuf")
                         ? Protocol::Format::Protobuf
                         : Protocol::Format::Json;
    QString error;
    if (spec.value(QLatin1String("proxy")).toBool()) {
        options.url = startProxy(p, options, &error);
        if (options.url.isEmpty()) {
            fail(error);
            return;
        }
    } else {
        stopProxy(p);
    }
    const QJsonObject claims = spec.value(QLatin1String("claims")).toObject();
    if (spec.contains(QLatin1String("claims"))) {
        options.token = signToken(claims, &error);
        if (options.token.isEmpty()) {
            fail(error);
            return;
        }
    } else {
        options.token = spec.value(QLatin1String("token")).toString();
    }
    p->user = claims.value(QLatin1String("sub")).toString();
    if (options.token.isEmpty() == false && p->user.isEmpty())
        p->user = Jwt::decode(options.token).subject();
    m_vars.set(p->name + QLatin1String(".user"), p->user);
    if (spec.contains(QLatin1String("connect_data")))
        options.connectData = ScenarioMatcher::text(spec.value(QLatin1String("connect_data"))).toUtf8();
    if (spec.contains(QLatin1String("refresh_claims"))) {
        const QJsonObject refresh = spec.value(QLatin1String("refresh_claims")).toObject();
        p->session->setTokenProvider([this, refresh] {
            QString ignored;
            return signToken(refresh, &ignored);
        });
    } else {
        p->session->setTokenProvider({});
    }
    p->inbox.clear();
    p->wasOpen = false;
    p->connectFailed = false;
    p->lastSentId = 0;
    const bool expectError = spec.contains(QLatin1String("expect_error"));
    const QJsonValue errorPattern = spec.value(QLatin1String("expect_error"));
    m_poll = [this, p, expectError, errorPattern, spec] {
        Session *s = p->session;
        if (s->state() == Session::State::Connected) {
            const QJsonObject reply{{QStringLiteral("connect"), s->connectResult()}};
            const QStringList frames{frameLine(p->name, "<", reply)};
            if (expectError) {
                fail(tr("connected (client %1), but an error was expected").arg(s->clientId()), frames);
                return;
            }
            QString error;
            if (!capture(spec, reply, &error)) {
                fail(error, frames);
                return;
            }
            pass(tr("connected: client %1").arg(s->clientId()), frames);
        } else if (p->connectFailed) {
            const QJsonObject e{{QStringLiteral("code"), p->failCode}, {QStringLiteral("message"), p->failMessage}};
            const QStringList frames{frameLine(p->name, "<", QJsonObject{{QStringLiteral("error"), e}})};
            QString why;
            if (!expectError)
                fail(tr("connect refused: error %1 %2").arg(p->failCode).arg(p->failMessage), frames);
            else if (!ScenarioMatcher::matches(errorPattern, e, &why))
                fail(tr("connect refused, but not as expected: %1").arg(why), frames);
            else
                pass(tr("connect refused as expected: error %1 %2").arg(p->failCode).arg(p->failMessage), frames);
        } else if (s->state() == Session::State::Disconnected) {
            // Through the proxy the handshake succeeds either way; a server that never answered the proxy's own
            // handshake is unreachable all the same.
            const ProxyConnection *c =
                p->proxy && !p->proxy->connections().isEmpty() ? p->proxy->connections().constLast() : nullptr;
            const bool upstreamSilent = c && c->stats().framesFromServer == 0 && s->closeCode() == 1011;
            m_unreachable = !p->wasOpen || upstreamSilent;
            if (upstreamSilent) {
                fail(tr("the server is unreachable through the proxy at %1: %2")
                         .arg(p->proxy->options().upstream.url.toString(), s->closeReason()));
                return;
            }
            fail(p->wasOpen
                     ? tr("the connection closed before connect succeeded: %1 %2")
                           .arg(s->closeCode())
                           .arg(s->closeReason())
                     : tr("the server is unreachable at %1: %2").arg(s->options().url.toString(), s->closeReason()));
        }
    };
    const int timeout = stepTimeout(spec);
    wait(timeout, [this, p, timeout] {
        m_unreachable = !p->wasOpen;
        fail(tr("not connected within %1 ms").arg(timeout));
    });
    p->session->open(options);
}

void ScenarioRunner::sendCommand(Peer *p, const QJsonObject &spec)
{
    if (p->session->state() == Session::State::Disconnected) {
        fail(tr("session \"%1\" is closed: nothing can be sent").arg(p->name));
        return;
    }
    p->lastOut.clear();
    if (spec.contains(QLatin1String("raw"))) {
        p->session->sendRaw(spec.value(QLatin1String("raw")).toString().toUtf8());
        p->lastSentId = 0;
        pass(tr("sent raw bytes"),
             {QStringLiteral("%1 > %2").arg(p->name, spec.value(QLatin1String("raw")).toString())});
        return;
    }
    QJsonObject command = spec.value(QLatin1String("command")).toObject();
    if (spec.contains(QLatin1String("method")))
        command = CommandBuilder::command(0, Protocol::methodFromName(spec.value(QLatin1String("method")).toString()),
                                          spec.value(QLatin1String("params")).toObject());
    p->lastSentId = p->session->sendCommand(command);
    QStringList frames;
    if (!p->lastOut.isEmpty())
        frames << p->lastOut;
    pass(p->lastSentId ? tr("sent with id %1").arg(p->lastSentId) : tr("sent"), frames);
}

void ScenarioRunner::expectMessage(Peer *p, const QJsonObject &spec)
{
    const Inbound::Type type = spec.contains(QLatin1String("reply"))  ? Inbound::Type::Reply
                               : spec.contains(QLatin1String("push")) ? Inbound::Type::Push
                                                                      : Inbound::Type::Close;
    const QString kind = inboundName(int(type));
    const QJsonValue pattern = spec.value(QLatin1String(patternKey(int(type))));
    const bool absent = spec.value(QLatin1String("absent")).toBool();
    const int timeout = stepTimeout(spec);
    // The last candidate that did not match, to say why nothing did.
    auto lastMiss = std::make_shared<QPair<QString, QString>>();
    auto scanned = std::make_shared<qsizetype>(0);
    m_poll = [this, p, type, kind, pattern, absent, spec, lastMiss, scanned] {
        for (qsizetype i = 0; i < p->inbox.size(); ++i) {
            Inbound &in = p->inbox[i];
            if (in.consumed || in.type != type)
                continue;
            QString why;
            const QStringList frames{frameLine(p->name, "<", in.json)};
            if (ScenarioMatcher::matches(pattern, in.json, &why)) {
                if (absent) {
                    fail(tr("a %1 that should not come arrived").arg(kind), frames);
                    return;
                }
                in.consumed = true;
                QString error;
                if (!capture(spec, in.json, &error)) {
                    fail(error, frames);
                    return;
                }
                pass(tr("%1 matched").arg(kind), frames);
                return;
            }
            *lastMiss = qMakePair(frames.constFirst(), why);
            // The reply to the command just sent decides at once: no other reply will come for it.
            if (!absent && type == Inbound::Type::Reply && in.id != 0 && in.id == p->lastSentId) {
                in.consumed = true;
                fail(tr("the reply to command %1 does not match: %2").arg(in.id).arg(why), frames);
                return;
            }
        }
        if (!absent && type != Inbound::Type::Close && p->session->state() == Session::State::Disconnected) {
            fail(tr("the connection closed while waiting for a %1: %2 %3")
                     .arg(kind)
                     .arg(p->session->closeCode())
                     .arg(p->session->closeReason()),
                 lastMiss->first.isEmpty() ? QStringList() : QStringList{lastMiss->first});
        }
    };
    wait(timeout, [this, kind, pattern, absent, timeout, lastMiss] {
        if (absent) {
            pass(tr("no %1 matching %2 within %3 ms").arg(kind, ScenarioMatcher::text(pattern)).arg(timeout));
            return;
        }
        if (lastMiss->first.isEmpty())
            fail(tr("no %1 within %2 ms (expected %3)").arg(kind).arg(timeout).arg(ScenarioMatcher::text(pattern)));
        else
            fail(
                tr("no %1 matching within %2 ms; the last one differs %3").arg(kind).arg(timeout).arg(lastMiss->second),
                {lastMiss->first});
    });
    poll();
}

void ScenarioRunner::callApi(const QString &method, const QJsonObject &body, const QJsonObject &spec)
{
    const int timeout = stepTimeout(spec);
    m_api->setTimeout(timeout);
    const QStringList frames{QStringLiteral("api > %1 %2").arg(method, ScenarioMatcher::text(body))};
    m_onApiReply = [this, spec, frames](const ServerApiReply &reply) {
        QStringList all = frames;
        all << QStringLiteral("api < %1").arg(QString::fromUtf8(reply.body));
        if (spec.contains(QLatin1String("error"))) {
            const QJsonObject e{{QStringLiteral("code"), reply.errorCode},
                                {QStringLiteral("message"), reply.errorMessage}};
            QString why;
            if (reply.outcome != ServerApiReply::Outcome::ApiError)
                fail(tr("an API error was expected: %1").arg(reply.sentence()), all);
            else if (!ScenarioMatcher::matches(spec.value(QLatin1String("error")), e, &why))
                fail(tr("the API error does not match: %1").arg(why), all);
            else
                pass(tr("API error as expected: %1").arg(reply.shortStatus()), all);
            return;
        }
        if (!reply.isOk()) {
            m_unreachable = reply.outcome == ServerApiReply::Outcome::Unreachable;
            fail(tr("the API call failed: %1").arg(reply.sentence()), all);
            return;
        }
        QString why;
        if (spec.contains(QLatin1String("result")) &&
            !ScenarioMatcher::matches(spec.value(QLatin1String("result")), reply.result, &why)) {
            fail(tr("the API result does not match: %1").arg(why), all);
            return;
        }
        if (!capture(spec, reply.result, &why)) {
            fail(why, all);
            return;
        }
        pass(reply.sentence(), all);
    };
    m_apiCall = m_api->call(method, body);
}

void ScenarioRunner::waitForEvent(Peer *p, const QString &event, const QJsonObject &spec)
{
    const bool wantConnected = event == QLatin1String("connected");
    m_poll = [this, p, wantConnected] {
        const Session::State state = p->session->state();
        if (wantConnected && state == Session::State::Connected)
            pass(tr("connected: client %1").arg(p->session->clientId()));
        else if (!wantConnected && state == Session::State::Disconnected)
            pass(tr("closed: %1 %2").arg(p->session->closeCode()).arg(p->session->closeReason()));
    };
    const int timeout = stepTimeout(spec);
    wait(timeout, [this, event, timeout] { fail(tr("not %1 within %2 ms").arg(event).arg(timeout)); });
    poll();
}

void ScenarioRunner::fault(Peer *p, const QString &fault, const QJsonObject &spec)
{
    if (spec.value(QLatin1String("via")) == QLatin1String("proxy")) {
        proxyFault(p, fault, spec);
        return;
    }
    if (fault == QLatin1String("close")) {
        closeSession(p, spec);
        return;
    }
    if (fault == QLatin1String("reconnect")) {
        // open() replaces the socket; the close is still sent to the server first.
        if (p->session->state() != Session::State::Disconnected)
            p->session->close();
        openSession(p, p->openSpec);
        return;
    }
    // server_disconnect: Centrifugo's API closes the connection of this user's client.
    if (p->user.isEmpty()) {
        fail(tr("server_disconnect needs a session with a user: open it with claims that have \"sub\""));
        return;
    }
    const QJsonObject body =
        spec.contains(QLatin1String("code"))
            ? ServerApiTemplates::disconnectClient(
                  p->user, p->session->clientId(), spec.value(QLatin1String("code")).toInt(),
                  spec.value(QLatin1String("reason")).toString(QStringLiteral("scenario fault")))
            : QJsonObject{{QStringLiteral("user"), p->user}, {QStringLiteral("client"), p->session->clientId()}};
    callApi(QStringLiteral("disconnect"), body, spec);
}

void ScenarioRunner::closeSession(Peer *p, const QJsonObject &spec)
{
    m_poll = [this, p] {
        if (p->session->state() == Session::State::Disconnected)
            pass(tr("closed: %1 %2").arg(p->session->closeCode()).arg(p->session->closeReason()));
    };
    const int timeout = stepTimeout(spec);
    wait(timeout, [this, timeout] { fail(tr("not closed within %1 ms").arg(timeout)); });
    if (p->session->state() == Session::State::Disconnected)
        poll();
    else
        p->session->close();
}

QUrl ScenarioRunner::startProxy(Peer *p, const SessionOptions &upstream, QString *error)
{
    if (!p->proxy || !p->proxy->isListening() || p->proxy->options().upstream.url != upstream.url) {
        stopProxy(p);
        ProxyOptions options;
        options.upstream = upstream;
        p->proxy = new ProxyServer(this);
        if (!p->proxy->listen(options, error)) {
            stopProxy(p);
            return {};
        }
    }
    // The session's path and query go to the proxy, which passes them on.
    QUrl url = upstream.url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(p->proxy->address().toString());
    url.setPort(p->proxy->port());
    return url;
}

void ScenarioRunner::stopProxy(Peer *p)
{
    if (!p->proxy)
        return;
    p->proxy->disconnect(this);
    p->proxy->close();
    p->proxy->deleteLater();
    p->proxy = nullptr;
}

void ScenarioRunner::proxyFault(Peer *p, const QString &fault, const QJsonObject &spec)
{
    ProxyConnection *c = proxyConnection(p->name);
    if (!c) {
        fail(p->proxy ? tr("session \"%1\" has no open connection through the proxy").arg(p->name)
                      : tr("session \"%1\" is not opened through the proxy").arg(p->name));
        return;
    }
    if (fault == QLatin1String("close")) {
        const int code = spec.value(QLatin1String("code")).toInt();
        const QString reason = spec.value(QLatin1String("reason")).toString(QStringLiteral("scenario fault"));
        c->injectClose(code, reason);
        pass(tr("the proxy closed the connection with %1 %2 as if the server had").arg(code).arg(reason));
    } else if (fault == QLatin1String("drop_upstream")) {
        c->dropUpstream();
        pass(tr("the proxy dropped the connection to the server without a close frame"));
    } else if (fault == QLatin1String("delay")) {
        const int ms = spec.value(QLatin1String("ms")).toInt();
        c->setDelay(ms);
        pass(tr("the proxy forwards every frame %1 ms late").arg(ms));
    } else if (fault == QLatin1String("drop")) {
        const QString channel = spec.value(QLatin1String("channel")).toString();
        const int count = spec.value(QLatin1String("count")).toInt();
        c->dropPublications(channel, count);
        pass(tr("the proxy drops the next %n publication(s) of %1", nullptr, count).arg(channel));
    } else if (fault == QLatin1String("hold_pings")) {
        c->setHoldServerPings(true);
        pass(tr("the proxy holds the server's pings back"));
    } else if (fault == QLatin1String("hold_pongs")) {
        c->setHoldAppPongs(true);
        pass(tr("the proxy holds this client's pongs back"));
    } else {
        c->passThrough();
        pass(tr("the proxy passes everything through again"));
    }
}
