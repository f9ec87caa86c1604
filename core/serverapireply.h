#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// The outcome of one call of Centrifugo's server HTTP API (POST <base>/api/<method>), parsed and put into words.
// A plain value: ServerApiClient fills it from the HTTP exchange, fromHttp() is pure so that tests and the CLI can
// use it without a network.
class ServerApiReply
{
    Q_DECLARE_TR_FUNCTIONS(ServerApiReply)

public:
    enum class Outcome {
        Ok,                 // HTTP 200 with a "result" (or a batch's "replies")
        ApiError,           // the server answered {"error": {"code", "message"}}
        WrongKey,           // HTTP 401: the API key is missing or wrong
        MethodNotAvailable, // HTTP 404 without an API error: no such method at this address
        BadRequest,         // HTTP 400 without an API error: the body could not be decoded
        Unreachable,        // no HTTP answer: refused, unknown host, reset, TLS failure
        Timeout,            // no answer within the client's timeout
        HttpError,          // any other HTTP status
        BadResponse,        // HTTP 200 whose body is not a JSON object
    };

    QString method; // "publish", "batch", ...
    Outcome outcome = Outcome::Unreachable;
    int httpStatus = 0;   // 0 when no HTTP answer arrived
    int errorCode = 0;    // the API error code (100, 102, ...) for ApiError
    QString errorMessage; // the server's own message for ApiError, the network's for Unreachable
    QJsonObject result;   // "result" of a success; for batch the whole body ({"replies": [...]})
    QByteArray body;      // the HTTP body as received
    qint64 elapsedMs = 0;
    int batchErrors = 0; // batch: replies that carry an error

    bool isOk() const { return outcome == Outcome::Ok; }
    // One or two sentences: what the server did (a count of clients, the offset of a publication...) or why the
    // call failed and what to check.
    QString sentence() const;
    // Short label of the outcome: "ok", "error 102", "HTTP 401", "unreachable", "timeout".
    QString shortStatus() const;

    // Parses an HTTP exchange. networkError is empty when an HTTP answer arrived (any status).
    static ServerApiReply fromHttp(const QString &method, int httpStatus, const QByteArray &body,
                                   const QString &networkError = QString());
    static ServerApiReply timedOut(const QString &method, int timeoutMs);

private:
    QString describeResult() const;
    QString describeError(int code, const QString &message) const;
};

Q_DECLARE_METATYPE(ServerApiReply)
