#pragma once

#include "sessionoptions.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <memory>

class Session;

// Tries every transport against one server, one after the other, and says which work from here: the time to the
// connect reply, for the bidirectional ones the round trip of a command (over emulation that is a separate POST,
// the part proxies break), and for each failure the reason in words. For the CLI's --probe and the GUI.
class TransportProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        TransportKind kind = TransportKind::WebSocket;
        QUrl url;
        bool ok = false;
        double connectMs = -1;
        double roundTripMs = -1; // -1: not measured (unidirectional) or not reached
        QString failure;         // why it does not work, in words
    };

    explicit TransportProbe(QObject *parent = nullptr);
    ~TransportProbe() override;

    // base: any URL of the server (its scheme says plain or TLS, its host and port where); the options' token,
    // headers and TLS settings are used for every transport. Each transport gets timeoutMs in all.
    void start(const SessionOptions &base, int timeoutMs = 5000);
    QList<Result> results() const { return m_results; }
    // One line per transport, for a terminal.
    static QString format(const Result &result);

signals:
    void resultReady(const TransportProbe::Result &result);
    void finished();

private:
    void next();
    void finish(bool ok, const QString &failure);

    SessionOptions m_base;
    int m_timeoutMs = 5000;
    QList<TransportKind> m_todo;
    QList<Result> m_results;
    Result m_current;
    std::unique_ptr<Session> m_session;
    QElapsedTimer m_clock;
    quint32 m_probeId = 0;
};
